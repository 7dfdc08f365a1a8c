"""ResultsStore: sessions and answers in one SQLite file, safe for many writers at once.

Every write is one short BEGIN IMMEDIATE transaction, committed before the call returns,
and idempotent, so a write retried after an ambiguous failure never duplicates anything.
Nothing here is process-global: many stores (threads, processes, a future web server's
workers) can share one file.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple, TypeVar

from quizgame.store import schema
from quizgame.store.connection import (
    Connector,
    RetryPolicy,
    default_connect,
    immutable_connect,
    retry_busy,
    run_transaction,
)
from quizgame.store.errors import StoreError, StoreReadOnly, UnknownSession, translate
from quizgame.store.rows import (
    AnswerRecord,
    LeaderboardEntry,
    PackVersion,
    QuestionStats,
    SessionInfo,
    SessionRecord,
    StoredAnswer,
    decode_response,
    normalize_player,
    utc_now,
)


T = TypeVar("T")


class StoreMissing(StoreError):
    """A read found no database file (and, being a read, did not create one)."""


def resolve_db_path(db: Path | str | None = None) -> Path:
    """--db if given, else QUIZGAME_DB, else results.sqlite3 in the user data folder."""
    if db is None:
        from quizgame.locations import default_db_path

        return default_db_path().expanduser()
    return Path(db).expanduser()


EXPORT_COLUMNS: tuple[str, ...] = (
    "session_id",
    "game_id",
    "player",
    "player_kind",
    "pack_id",
    "pack_hash",
    "pack_title",
    "mode",
    "question_id",
    "question_number",
    "answer",
    "correct",
    "credit",
    "points",
    "max_points",
    "seconds",
    "timed_out",
    "answered_at",
)


class ExportRow(NamedTuple):
    """One player's answer to one question. Fields follow EXPORT_COLUMNS, then the raw JSON."""

    session_id: str
    game_id: str | None
    player: str
    player_kind: str
    pack_id: str
    pack_hash: str
    pack_title: str
    mode: str
    question_id: str
    question_number: int
    answer: str
    correct: bool
    credit: float
    points: float
    max_points: float
    seconds: float | None
    timed_out: bool
    answered_at: str
    response_json: str


_EXPORT_SELECT = """
    s.id, s.game_id, p.name, p.kind, s.pack_id, s.pack_hash, s.pack_title, s.mode,
    a.question_id, a.question_number, a.response_text, a.correct, a.credit, a.points,
    a.max_points, round(a.seconds, 3), a.timed_out, a.answered_at, a.response
"""

# What makes a spreadsheet treat a cell as a formula (OWASP's list for CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _guarded(column: str) -> str:
    starts = ", ".join(f"char({ord(ch)})" for ch in FORMULA_START)
    return f"CASE WHEN substr({column}, 1, 1) IN ({starts}) THEN '''' || {column} ELSE {column} END"


_SPREADSHEET_SELECT = ", ".join(
    [
        *(
            _guarded(column)
            for column in (
                "s.id", "s.game_id", "p.name", "p.kind", "s.pack_id", "s.pack_hash",
                "s.pack_title", "s.mode", "a.question_id",
            )
        ),
        "a.question_number",
        _guarded("a.response_text"),
        "a.correct, a.credit, a.points, a.max_points, round(a.seconds, 3), a.timed_out",
        _guarded("a.answered_at"),
    ]
)

_SESSION_COLUMNS = """
    s.id, s.game_id, p.name, p.kind, s.pack_id, s.pack_hash, s.pack_title, s.mode, s.options,
    s.seed, s.question_count, s.max_score, s.score, s.answered, s.right_count, s.started_at,
    s.finished_at
"""


def _filters(
    pack_id: str | None, player: str | None, game_id: str | None = None
) -> tuple[str, list[object]]:
    """A WHERE clause over sessions `s` joined with players `p`."""
    where, params = [], []
    if game_id is not None:
        where.append("s.game_id = ?")
        params.append(game_id)
    if pack_id is not None:
        where.append("s.pack_id = ?")
        params.append(pack_id)
    if player is not None:
        where.append("p.name = ?")
        params.append(normalize_player(player))
    return ("WHERE " + " AND ".join(where)) if where else "", params


def _session_info(row: tuple) -> SessionInfo:
    values = list(row)
    values[8] = json.loads(values[8])
    return SessionInfo(*values)


class ResultsStore:
    """Use `ResultsStore.open(...)`; close it (or use it as a context manager) when done."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        retry: RetryPolicy,
        now: Callable[[], str],
        readonly: bool,
        empty: bool,
    ) -> None:
        self._conn = conn
        self.path = path
        self.retry = retry
        self.readonly = readonly
        self._now = now
        # A read-only view of a never-initialised file: every query answers "nothing yet".
        self._empty = empty
        # One connection, possibly used from a worker thread and the UI thread in turn.
        self._lock = threading.RLock()
        self._joined = False  # inside together(): writes join its transaction

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str | None = None,
        *,
        create: bool = True,
        readonly: bool = False,
        retry: RetryPolicy | None = None,
        connect: Connector = default_connect,
        now: Callable[[], str] = utc_now,
    ) -> ResultsStore:
        """Open (and if needed create and migrate) the results database.

        `readonly=True` is for reports: it never creates the file and never writes to it.
        Raises StoreError (or a subclass) with a one-line message on any failure.
        """
        path = resolve_db_path(path)
        retry = retry or RetryPolicy()
        if path.is_dir():
            raise StoreError(f"results database path is a folder, not a file: {path}", path)
        if readonly or not create:
            if not path.exists():
                raise StoreMissing(f"no results database at {path}", path)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreReadOnly(
                    f"cannot create the folder for the results database ({exc.strerror}): {path}",
                    path,
                ) from None
        try:
            return cls._connect(path, connect, retry, now, readonly)
        except StoreReadOnly:
            if not (readonly and connect is default_connect):
                raise
            # A report on a database in a read-only folder (a copy on a USB stick, a
            # shared folder): SQLite could not create the -shm file it reads WAL through.
            return cls._connect(path, immutable_connect, retry, now, readonly)

    @classmethod
    def _connect(
        cls,
        path: Path,
        connect: Connector,
        retry: RetryPolicy,
        now: Callable[[], str],
        readonly: bool,
    ) -> ResultsStore:
        try:
            conn = connect(path, timeout=retry.busy_timeout, readonly=readonly)
        except sqlite3.Error as exc:
            raise translate(exc, path) from exc
        try:
            empty = cls._prepare(conn, path, retry, readonly)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, retry=retry, now=now, readonly=readonly, empty=empty)

    @staticmethod
    def _prepare(conn: sqlite3.Connection, path: Path, retry: RetryPolicy, readonly: bool) -> bool:
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(retry.busy_timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            version = retry_busy(lambda: schema.check_version(conn, path), retry, path)
            if readonly:
                if 0 < version < schema.CURRENT_VERSION:
                    raise StoreError(
                        "results database is from an older quizgame and must be upgraded "
                        f"first (play one game with it): {path}",
                        path,
                    )
                return version == 0
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if mode.lower() != "wal":
                # WAL lets readers (reports, the leaderboard) run while a game writes.
                retry_busy(
                    lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone(), retry, path
                )
            # FULL, not NORMAL: in WAL mode NORMAL survives an application crash but a power
            # cut or OS crash can undo the last commits, i.e. answers the player saw accepted.
            # FULL syncs the log on each commit; answers come at human pace, so the cost
            # (a fraction of a millisecond here, see benchmarks/bench_store.py) is irrelevant.
            conn.execute("PRAGMA synchronous = FULL")
            if version < schema.CURRENT_VERSION:
                run_transaction(conn, lambda c: schema.apply_migrations(c, path), retry, path)
            return False
        except sqlite3.Error as exc:
            raise translate(exc, path) from exc

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> ResultsStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for tests and benchmarks. Do not write through it."""
        return self._conn

    # -- writes ----------------------------------------------------------------------------

    def _write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        with self._lock:
            if self._joined:
                return work(self._conn)
            return run_transaction(self._conn, work, self.retry, self.path)

    def together(self, writes: Callable[[], T]) -> T:
        """Run `writes`, calls of this store's write methods, in one transaction: one
        commit (one sync of the log) for all of them, all or none, the whole retried while
        the database is busy. What a class's answers and arrivals coming at once need."""

        def work(conn: sqlite3.Connection) -> T:
            self._joined = True
            try:
                return writes()
            finally:
                self._joined = False

        with self._lock:
            if self._joined:
                return writes()
            return run_transaction(self._conn, work, self.retry, self.path)

    def start_session(self, record: SessionRecord) -> None:
        """Store a new session. Starting the same session id again changes nothing."""
        started_at = record.started_at or self._now()
        now = self._now()

        def work(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO players (name, kind, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (name, kind) DO NOTHING",
                (record.player, record.player_kind, now),
            )
            (player_id,) = conn.execute(
                "SELECT id FROM players WHERE name = ? AND kind = ?",
                (record.player, record.player_kind),
            ).fetchone()
            conn.execute(
                "INSERT INTO sessions (id, game_id, player_id, pack_id, pack_hash, pack_title, "
                "mode, options, seed, question_count, max_score, started_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (
                    record.session_id,
                    record.game_id,
                    player_id,
                    record.pack_id,
                    record.pack_hash,
                    record.pack_title,
                    record.mode,
                    record.options_json,
                    record.seed,
                    record.question_count,
                    float(record.max_score),
                    started_at,
                ),
            )

        self._write(work)

    def record_answer(self, answer: AnswerRecord) -> bool:
        """Commit one answer. Returns False if that question was already answered in the
        session (e.g. a retry of a write that did succeed): the first answer stands."""
        return self.record_answers([answer])[0]

    def record_answers(self, answers: list[AnswerRecord]) -> list[bool]:
        """Commit several answers in one transaction (a class's answers arriving together:
        one sync of the log for all of them); for each, as record_answer(). All or none."""
        stamped = [(answer, answer.answered_at or self._now()) for answer in answers]
        return self._write(lambda conn: [self._insert_answer(conn, a, at) for a, at in stamped])

    def _insert_answer(self, conn: sqlite3.Connection, answer: AnswerRecord, answered_at: str) -> bool:
        row = conn.execute(
            "SELECT player_id FROM sessions WHERE id = ?", (answer.session_id,)
        ).fetchone()
        if row is None:
            raise UnknownSession(f"no session {answer.session_id!r} in {self.path}")
        inserted = conn.execute(
            "INSERT INTO answers (session_id, player_id, question_id, question_number, "
            "response, response_text, correct, credit, points, max_points, seconds, "
            "timed_out, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (session_id, player_id, question_id) DO NOTHING",
            (
                answer.session_id,
                row[0],
                answer.question_id,
                answer.question_number,
                answer.response_json,
                answer.response_text,
                int(answer.correct),
                float(answer.credit),
                float(answer.points),
                float(answer.max_points),
                None if answer.seconds is None else float(answer.seconds),
                int(answer.timed_out),
                answered_at,
            ),
        ).rowcount
        if inserted != 1:
            return False
        conn.execute(
            "UPDATE sessions SET score = score + ?, answered = answered + 1, "
            "right_count = right_count + ? WHERE id = ?",
            (float(answer.points), int(answer.correct), answer.session_id),
        )
        return True

    def finish_session(
        self,
        session_id: str,
        *,
        finished_at: str | None = None,
        score: float | None = None,
        max_score: float | None = None,
    ) -> None:
        """Mark a session finished. `score`/`max_score`, if given, replace the running totals
        (the engine's summary is the final word). Finishing twice keeps the first time."""
        finished_at = finished_at or self._now()

        def work(conn: sqlite3.Connection) -> None:
            updated = conn.execute(
                "UPDATE sessions SET finished_at = coalesce(finished_at, ?), "
                "score = coalesce(?, score), max_score = coalesce(?, max_score) WHERE id = ?",
                (finished_at, score, max_score, session_id),
            ).rowcount
            if updated != 1:
                raise UnknownSession(f"no session {session_id!r} in {self.path}")

        self._write(work)

    # -- reads -----------------------------------------------------------------------------

    def _read(self, work: Callable[[sqlite3.Connection], T], default: T) -> T:
        """Run read queries in one transaction (one snapshot); `default` for an empty file."""
        with self._lock:
            if self._empty:
                return default
            return run_transaction(self._conn, work, self.retry, self.path, write=False)

    def get_session(self, session_id: str) -> SessionInfo | None:
        found = self._sessions("WHERE s.id = ?", (session_id,))
        return found[0] if found else None

    def sessions(
        self,
        *,
        pack_id: str | None = None,
        player: str | None = None,
        limit: int | None = None,
        game_id: str | None = None,
    ) -> list[SessionInfo]:
        """Sessions newest first, for the results table; `game_id`: one classroom game's."""
        clause, params = _filters(pack_id, player, game_id)
        clause += " ORDER BY s.started_at DESC, s.id"
        if limit is not None:
            clause += " LIMIT ?"
            params.append(limit)
        return self._sessions(clause, tuple(params))

    def count_sessions(
        self, *, pack_id: str | None = None, player: str | None = None, game_id: str | None = None
    ) -> int:
        clause, params = _filters(pack_id, player, game_id)
        sql = f"SELECT count(*) FROM sessions s JOIN players p ON p.id = s.player_id {clause}"
        count: int = self._read(lambda conn: conn.execute(sql, params).fetchone()[0], 0)
        return count

    def unfinished_sessions(self, player: str, pack_id: str, pack_hash: str) -> list[SessionInfo]:
        """Sessions this player could resume on this exact version of the pack, newest first."""
        return self._sessions(
            "WHERE p.name = ? AND s.pack_id = ? AND s.pack_hash = ? AND s.finished_at IS NULL "
            "ORDER BY s.started_at DESC, s.id",
            (normalize_player(player), pack_id, pack_hash),
        )

    def game_sessions(self, game_id: str) -> list[SessionInfo]:
        """Every session of one hot-seat or team game, in the order they started."""
        return self._sessions(
            "WHERE s.game_id = ? ORDER BY s.started_at, s.id", (game_id,)
        )

    def _sessions(self, clause: str, params: tuple) -> list[SessionInfo]:
        sql = (
            f"SELECT {_SESSION_COLUMNS} FROM sessions s "
            f"JOIN players p ON p.id = s.player_id {clause}"
        )
        rows = self._read(lambda conn: conn.execute(sql, params).fetchall(), [])
        return [_session_info(row) for row in rows]

    def session_answers(self, session_id: str) -> list[StoredAnswer]:
        """A session's answers in the order the questions were asked (for resuming it)."""
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT a.session_id, p.name, a.question_id, a.question_number, a.response, "
                "a.response_text, a.correct, a.credit, a.points, a.max_points, a.seconds, "
                "a.timed_out, a.answered_at FROM answers a JOIN players p ON p.id = a.player_id "
                "WHERE a.session_id = ? ORDER BY a.question_number, a.answered_at",
                (session_id,),
            ).fetchall(),
            [],
        )
        return [
            StoredAnswer(
                row[0], row[1], row[2], row[3], decode_response(row[4]), row[5], bool(row[6]),
                row[7], row[8], row[9], row[10], bool(row[11]), row[12],
            )
            for row in rows
        ]

    def leaderboard(
        self, pack_id: str, limit: int = 10, *, pack_hash: str | None = None
    ) -> list[LeaderboardEntry]:
        """Each player's best finished session on a pack, best first: highest score, then
        highest percentage, then whoever got there first."""
        hash_clause = "AND s.pack_hash = ?" if pack_hash is not None else ""
        params: tuple = (pack_id, pack_hash, limit) if pack_hash is not None else (pack_id, limit)
        sql = f"""
            SELECT name, kind, score, max_score, finished_at, id FROM (
                SELECT p.name, p.kind, s.score, s.max_score, s.finished_at, s.id,
                       row_number() OVER (
                           PARTITION BY s.player_id
                           ORDER BY s.score DESC,
                                    s.score / nullif(s.max_score, 0) DESC,
                                    s.finished_at, s.id
                       ) AS best
                FROM sessions s JOIN players p ON p.id = s.player_id
                WHERE s.pack_id = ? {hash_clause} AND s.finished_at IS NOT NULL
            )
            WHERE best = 1
            ORDER BY score DESC, score / nullif(max_score, 0) DESC, finished_at, id
            LIMIT ?
        """
        rows = self._read(lambda conn: conn.execute(sql, params).fetchall(), [])
        return [
            LeaderboardEntry(
                rank=rank,
                player=name,
                player_kind=kind,
                score=score,
                max_score=max_score,
                percent=100.0 * score / max_score if max_score > 0 else None,
                finished_at=finished_at,
                session_id=session_id,
            )
            for rank, (name, kind, score, max_score, finished_at, session_id) in enumerate(rows, 1)
        ]

    def export_rows(
        self,
        *,
        pack_id: str | None = None,
        player: str | None = None,
        chunk: int = 5000,
        game_id: str | None = None,
    ) -> Iterator[ExportRow]:
        """Every stored answer, one row per player per question, oldest session first.

        Rows are fetched in chunks so a million answers never sit in memory at once.
        """
        for row in self._export(_EXPORT_SELECT, pack_id, player, chunk, game_id):
            yield ExportRow(*row[:11], bool(row[11]), *row[12:16], bool(row[16]), *row[17:])

    def spreadsheet_rows(
        self,
        *,
        pack_id: str | None = None,
        player: str | None = None,
        chunk: int = 5000,
        game_id: str | None = None,
    ) -> Iterator[tuple]:
        """The EXPORT_COLUMNS of export_rows, each value ready for a CSV cell: true/false as
        1/0, and every text a spreadsheet would run as a formula (starting with = + - @, a
        tab or a carriage return) behind an apostrophe. Done in SQL: a Python call per cell
        would double the time of a big export."""
        return self._export(_SPREADSHEET_SELECT, pack_id, player, chunk, game_id)

    def _export(
        self,
        select: str,
        pack_id: str | None,
        player: str | None,
        chunk: int,
        game_id: str | None = None,
    ) -> Iterator[tuple]:
        clause, params = _filters(pack_id, player, game_id)
        sql = f"""
            SELECT {select}
            FROM sessions s
            JOIN players p ON p.id = s.player_id
            JOIN answers a ON a.session_id = s.id
            {clause}
            ORDER BY s.started_at, s.id, a.question_number
        """
        with self._lock:
            if self._empty:
                return
            try:
                cursor = self._conn.execute(sql, params)
                while batch := cursor.fetchmany(chunk):
                    yield from batch
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from exc

    def pack_versions(self, pack_id: str) -> list[PackVersion]:
        """The content hashes a pack has results under, most recently played first."""
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT s.pack_hash, max(s.pack_title), count(*), sum(s.answered), "
                "max(s.started_at) FROM sessions s WHERE s.pack_id = ? "
                "GROUP BY s.pack_hash ORDER BY max(s.started_at) DESC",
                (pack_id,),
            ).fetchall(),
            [],
        )
        return [PackVersion(*row) for row in rows]

    def pack_ids(self) -> list[str]:
        """Every pack id with at least one session."""
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT DISTINCT pack_id FROM sessions ORDER BY 1"
            ).fetchall(),
            [],
        )
        return [row[0] for row in rows]

    def question_stats(self, pack_id: str, pack_hash: str) -> list[QuestionStats]:
        """Per-question results for one version of a pack, ordered by question id."""
        scope = (
            "FROM answers a JOIN sessions s ON s.id = a.session_id "
            "WHERE s.pack_id = ? AND s.pack_hash = ?"
        )

        def work(conn: sqlite3.Connection) -> tuple[list, dict]:
            totals = conn.execute(
                "SELECT a.question_id, count(*), sum(a.correct), sum(a.timed_out), avg(a.credit) "
                f"{scope} GROUP BY a.question_id ORDER BY a.question_id",
                (pack_id, pack_hash),
            ).fetchall()
            wrong = conn.execute(
                "SELECT question_id, response_text, n FROM ("
                " SELECT a.question_id, a.response_text, count(*) AS n, row_number() OVER ("
                "  PARTITION BY a.question_id ORDER BY count(*) DESC, a.response_text) AS r"
                f" {scope} AND a.correct = 0 AND a.timed_out = 0"
                " GROUP BY a.question_id, a.response_text"
                ") WHERE r = 1",
                (pack_id, pack_hash),
            ).fetchall()
            return totals, {qid: (text, n) for qid, text, n in wrong}

        totals, wrong = self._read(work, ([], {}))
        return [
            QuestionStats(
                question_id=qid,
                answers=count,
                right=right,
                timed_out=timed_out,
                mean_credit=mean_credit,
                top_wrong=wrong.get(qid, (None, 0))[0],
                top_wrong_count=wrong.get(qid, (None, 0))[1],
            )
            for qid, count, right, timed_out, mean_credit in totals
        ]
