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
from quizgame.store.errors import StoreCorrupt, StoreError, StoreOutdated, StoreReadOnly, UnknownSession, translate
from quizgame.store.rows import (
    AnswerRecord,
    ClockRecord,
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
    "started_from",
    "time_limit",
    "seed",
    "question_count",
    "sections",
    "question_id",
    "question_number",
    "answer",
    "correct",
    "credit",
    "points",
    "speed_bonus",
    "streak_bonus",
    "max_points",
    "seconds",
    "timed_out",
    "typo_forgiven",
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
    started_from: str | None
    time_limit: float | None
    seed: int
    question_count: int
    sections: str  # the sections chosen, joined with "; " ("" for all)
    question_id: str
    question_number: int
    answer: str  # "" when no answer was given in time
    correct: bool
    credit: float
    points: float
    speed_bonus: float
    streak_bonus: float
    max_points: float
    seconds: float | None
    timed_out: bool
    typo_forgiven: bool | None  # None: stored before it was kept
    answered_at: str
    response_json: str


_CANNOT_UPGRADE = (
    "results database is from an older quizgame and cannot be upgraded here, as it cannot be "
    "written; run quizgame once where it can: {path}"
)

# The conditions, from the options JSON; points as stored (rounded when scored), and rounded
# again here only for rows an older version stored unrounded.
_CONDITIONS = (
    "s.started_from, json_extract(s.options, '$.time_limit'), s.seed, s.question_count, "
    "coalesce((SELECT group_concat(value, '; ') FROM json_each(s.options, '$.sections')), '')"
)
_POINTS = "a.correct, a.credit, round(a.points, 1), a.speed_bonus, a.streak_bonus, a.max_points"

_EXPORT_SELECT = f"""
    s.id, s.game_id, p.name, p.kind, s.pack_id, s.pack_hash, s.pack_title, s.mode, {_CONDITIONS},
    a.question_id, a.question_number, a.response_text, {_POINTS},
    round(a.seconds, 3), a.timed_out, a.typo, a.answered_at, a.response
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
                "s.pack_title", "s.mode",
            )
        ),
        _CONDITIONS,
        _guarded("a.question_id"),
        "a.question_number",
        _guarded("a.response_text"),
        _POINTS,
        "round(a.seconds, 3), a.timed_out, a.typo",
        _guarded("a.answered_at"),
    ]
)

_SESSION_COLUMNS = """
    s.id, s.game_id, p.name, p.kind, s.pack_id, s.pack_hash, s.pack_title, s.mode, s.options,
    s.seed, s.question_count, s.max_score, s.score, s.answered, s.right_count, s.started_at,
    s.finished_at, s.answered_max, s.streak_bonus, s.started_from
"""


def _filters(
    pack_id: str | None, player: str | None, game_id: str | None = None, *, with_empty: bool = False
) -> tuple[str, list[object]]:
    """A WHERE clause over sessions `s` joined with players `p`. A session without an answer
    (the player left before the first) is no result: not listed unless `with_empty`."""
    # likely(): almost every session has an answer; without saying so, SQLite plans the
    # newest-first listing through the players and sorts (ten times slower).
    where: list[str] = [] if with_empty else ["likely(s.answered > 0)"]
    params: list[object] = []
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

        `readonly=True` is for reports: it never creates the file, and writes to it only to
        upgrade a database an older quizgame left (as the game would at its next answer),
        where the file can be written.
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
        except StoreOutdated:
            # A report on the database an older quizgame wrote: upgraded first, so that
            # upgrading is never a step of its own for the teacher.
            cls._upgrade(path, connect, retry, now)
            return cls._connect(path, connect, retry, now, readonly)
        except StoreReadOnly:
            if not (readonly and connect is default_connect):
                raise
            # A report on a database in a read-only folder (a copy on a USB stick, a
            # shared folder): SQLite could not create the -shm file it reads WAL through.
            try:
                return cls._connect(path, immutable_connect, retry, now, readonly)
            except StoreOutdated:
                raise StoreOutdated(_CANNOT_UPGRADE.format(path=path), path) from None

    @classmethod
    def _upgrade(
        cls, path: Path, connect: Connector, retry: RetryPolicy, now: Callable[[], str]
    ) -> None:
        try:
            cls._connect(path, connect, retry, now, readonly=False).close()
        except StoreReadOnly:
            raise StoreOutdated(_CANNOT_UPGRADE.format(path=path), path) from None

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
                    raise StoreOutdated(f"results database is from an older quizgame: {path}", path)
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
                "mode, options, seed, question_count, max_score, started_at, started_from) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
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
                    record.started_from,
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
            "timed_out, answered_at, speed_bonus, streak_bonus, typo) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
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
                float(answer.speed_bonus),
                float(answer.streak_bonus),
                int(answer.typo),
            ),
        ).rowcount
        if inserted != 1:
            return False
        conn.execute(
            "UPDATE sessions SET score = score + ?, answered = answered + 1, "
            "right_count = right_count + ?, answered_max = answered_max + ?, "
            "streak_bonus = streak_bonus + ? WHERE id = ?",
            (
                float(answer.points),
                int(answer.correct),
                float(answer.max_points),
                float(answer.streak_bonus),
                answer.session_id,
            ),
        )
        return True

    def question_shown(self, clock: ClockRecord) -> bool:
        """Keep when a question was first shown and its deadline. Returns False if the
        session already has a clock for that question: the first one stands, so showing a
        question again (after a restart) never gives it its time back."""

        def work(conn: sqlite3.Connection) -> bool:
            self._require_session(conn, clock.session_id)
            return conn.execute(
                "INSERT INTO question_clocks (session_id, question_id, question_number, "
                "shown_at, deadline_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (session_id, question_id) DO NOTHING",
                (
                    clock.session_id,
                    clock.question_id,
                    clock.question_number,
                    clock.shown_at,
                    clock.deadline_at,
                ),
            ).rowcount == 1

        return self._write(work)

    def move_deadline(self, clock: ClockRecord) -> None:
        """A practice question's clock was paused: its deadline is now `clock.deadline_at`
        (kept as first shown if the question had no clock yet). Deciding when a deadline
        may move is the game's business, not the store's."""

        def work(conn: sqlite3.Connection) -> None:
            self._require_session(conn, clock.session_id)
            conn.execute(
                "INSERT INTO question_clocks (session_id, question_id, question_number, "
                "shown_at, deadline_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (session_id, question_id) DO UPDATE SET "
                "deadline_at = excluded.deadline_at",
                (
                    clock.session_id,
                    clock.question_id,
                    clock.question_number,
                    clock.shown_at,
                    clock.deadline_at,
                ),
            )

        self._write(work)

    def _require_session(self, conn: sqlite3.Connection, session_id: str) -> None:
        if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
            raise UnknownSession(f"no session {session_id!r} in {self.path}")

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
                "score = coalesce(?, score), max_score = coalesce(?, max_score), "
                "answered_max = coalesce(?, answered_max) WHERE id = ?",
                (finished_at, score, max_score, max_score, session_id),
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
        with_empty: bool = False,
    ) -> list[SessionInfo]:
        """Sessions newest first, for the results table; `game_id`: one classroom game's.
        `with_empty`: also those without an answer, which are never results (resuming looks
        at them: a fresh start nobody answered in still stands for the one abandoned)."""
        clause, params = _filters(pack_id, player, game_id, with_empty=with_empty)
        clause += " ORDER BY s.started_at DESC, s.id"
        if limit is not None:
            clause += " LIMIT ?"
            params.append(limit)
        return self._sessions(clause, tuple(params))

    def count_sessions(
        self, *, pack_id: str | None = None, player: str | None = None, game_id: str | None = None
    ) -> int:
        clause, params = _filters(pack_id, player, game_id)
        # The players only when a name is asked for: joined for nothing, they make SQLite
        # read every session through them.
        join = "JOIN players p ON p.id = s.player_id" if player is not None else ""
        sql = f"SELECT count(*) FROM sessions s {join} {clause}"
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
                "a.timed_out, a.answered_at, a.speed_bonus, a.streak_bonus, a.typo "
                "FROM answers a JOIN players p ON p.id = a.player_id "
                "WHERE a.session_id = ? ORDER BY a.question_number, a.answered_at",
                (session_id,),
            ).fetchall(),
            [],
        )
        return [
            StoredAnswer(
                row[0], row[1], row[2], row[3], decode_response(row[4]), row[5], bool(row[6]),
                row[7], row[8], row[9], row[10], bool(row[11]), row[12], row[13], row[14],
                None if row[15] is None else bool(row[15]),
            )
            for row in rows
        ]

    def question_clocks(self, session_id: str) -> list[ClockRecord]:
        """The clocks of a session's questions shown so far, in the order asked."""
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT session_id, question_id, question_number, shown_at, deadline_at "
                "FROM question_clocks WHERE session_id = ? ORDER BY question_number",
                (session_id,),
            ).fetchall(),
            [],
        )
        try:
            return [ClockRecord(*row) for row in rows]
        except ValueError:
            # A time the table's own checks cannot catch, written over by another program:
            # the database is damaged, said as such, not a crash of the game looking it up.
            raise StoreCorrupt(
                f"results database is damaged or is not a quizgame database: {self.path}", self.path
            ) from None

    def leaderboard(
        self, pack_id: str, limit: int = 10, *, pack_hash: str | None = None
    ) -> list[LeaderboardEntry]:
        """Finished runs on a pack, ranked by percentage among runs played under the same
        conditions (pack version, mode, questions, time limit, bonuses; see
        quizgame.store.conditions), each player's best once per board. Boards come one after
        the other, the most played first and retries of missed questions last; `limit` is
        per board. Best: highest percentage, then highest score, then whoever got there first."""
        hash_clause = "AND s.pack_hash = ?" if pack_hash is not None else ""
        params: tuple = (pack_id, pack_hash) if pack_hash is not None else (pack_id,)
        clause = (
            f"WHERE s.pack_id = ? {hash_clause} AND s.finished_at IS NOT NULL AND s.answered > 0"
        )
        boards: dict[tuple, list[SessionInfo]] = {}
        for info in self._sessions(clause, params):
            key = (info.pack_hash, *info.conditions.key)
            boards.setdefault(key, []).append(info)

        def best_first(info: SessionInfo) -> tuple:
            figures = info.tally
            return (-round(figures.percent, 6), -figures.score, info.finished_at, info.session_id)

        # The most played board first, then the most recently played; retries last.
        ordered = sorted(
            boards.values(), key=lambda runs: max(run.finished_at or "" for run in runs), reverse=True
        )
        ordered.sort(key=lambda runs: (runs[0].conditions.retry, -len(runs)))
        entries: list[LeaderboardEntry] = []
        for board, runs in enumerate(ordered):
            seen: set[tuple[str, str]] = set()
            places: list[LeaderboardEntry] = []
            for info in sorted(runs, key=best_first):
                if (info.player, info.player_kind) in seen:
                    continue
                seen.add((info.player, info.player_kind))
                figures = info.tally
                rank = len(places) + 1
                if places and abs(places[-1].percent - figures.percent) < 1e-9 and places[-1].score == figures.score:
                    rank = places[-1].rank
                places.append(
                    LeaderboardEntry(
                        rank=rank,
                        player=info.player,
                        player_kind=info.player_kind,
                        score=figures.score,
                        max_score=figures.max_score,
                        percent=figures.percent,
                        finished_at=info.finished_at or "",
                        session_id=info.session_id,
                        board=board,
                        conditions=info.conditions.text,
                        retry=info.conditions.retry,
                    )
                )
                if len(places) >= limit:
                    break
            entries.extend(places)
        return entries

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
            values = list(row)
            values[16] = bool(values[16])  # correct
            values[23] = bool(values[23])  # timed_out
            values[24] = None if values[24] is None else bool(values[24])  # typo_forgiven
            yield ExportRow(*values)

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
                "max(s.started_at) FROM sessions s WHERE s.pack_id = ? AND s.answered > 0 "
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
                "SELECT DISTINCT pack_id FROM sessions WHERE answered > 0 ORDER BY 1"
            ).fetchall(),
            [],
        )
        return [row[0] for row in rows]

    def wrong_responses(self, pack_id: str, pack_hash: str) -> dict[str, list[tuple[object, int]]]:
        """For one version of a pack: each question's answers that were not fully right
        (time-outs aside), as given (a multiple-choice answer as a frozenset of the choices
        ticked), with how many gave each."""
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT a.question_id, a.response, count(*) FROM answers a "
                "JOIN sessions s ON s.id = a.session_id "
                "WHERE s.pack_id = ? AND s.pack_hash = ? AND a.correct = 0 AND a.timed_out = 0 "
                "GROUP BY a.question_id, a.response ORDER BY a.question_id, a.response",
                (pack_id, pack_hash),
            ).fetchall(),
            [],
        )
        found: dict[str, list[tuple[object, int]]] = {}
        for question_id, response, count in rows:
            found.setdefault(question_id, []).append((decode_response(response), count))
        return found

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
