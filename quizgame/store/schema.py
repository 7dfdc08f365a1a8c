"""The results database schema, versioned with PRAGMA user_version.

MIGRATIONS[i] takes a database from version i to version i + 1. Never edit a released
migration; append a new one. All pending migrations run in one write transaction, so a
crash half-way leaves the database at its old version, and two programs opening a new
database at once cannot both migrate it (the second sees the new version and does nothing).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from quizgame.store.errors import StoreCorrupt, StoreTooNew

# Marks the file as ours ("QUIZ"), so another program's SQLite file is refused, not altered.
APPLICATION_ID = 0x5155495A

Migration = Sequence[str] | Callable[[sqlite3.Connection], None]

_V1: tuple[str, ...] = (
    f"PRAGMA application_id = {APPLICATION_ID}",
    """
    CREATE TABLE players (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        kind       TEXT NOT NULL DEFAULT 'player' CHECK (kind IN ('player', 'team')),
        created_at TEXT NOT NULL,
        UNIQUE (name, kind)
    )
    """,
    # Totals (score, answered, right) are kept up to date in the same transaction as each
    # answer, so listing sessions never has to add up the answers table.
    """
    CREATE TABLE sessions (
        id             TEXT PRIMARY KEY,
        game_id        TEXT,
        player_id      INTEGER NOT NULL REFERENCES players (id),
        pack_id        TEXT NOT NULL,
        pack_hash      TEXT NOT NULL,
        pack_title     TEXT NOT NULL,
        mode           TEXT NOT NULL,
        options        TEXT NOT NULL CHECK (json_valid(options)),
        seed           INTEGER NOT NULL,
        question_count INTEGER NOT NULL CHECK (question_count >= 0),
        max_score      REAL NOT NULL,
        started_at     TEXT NOT NULL,
        finished_at    TEXT,
        score          REAL NOT NULL DEFAULT 0,
        answered       INTEGER NOT NULL DEFAULT 0,
        right_count    INTEGER NOT NULL DEFAULT 0
    )
    """,
    "CREATE INDEX sessions_by_start ON sessions (started_at)",
    "CREATE INDEX sessions_by_pack ON sessions (pack_id, started_at)",
    "CREATE INDEX sessions_by_player ON sessions (player_id, pack_id, started_at)",
    "CREATE INDEX sessions_by_game ON sessions (game_id) WHERE game_id IS NOT NULL",
    # The player is part of the key (as well as being on the session) so that a retried write
    # is a no-op and a future team session with several answering members still fits.
    """
    CREATE TABLE answers (
        session_id      TEXT NOT NULL REFERENCES sessions (id),
        player_id       INTEGER NOT NULL REFERENCES players (id),
        question_id     TEXT NOT NULL,
        question_number INTEGER NOT NULL CHECK (question_number >= 1),
        response        TEXT NOT NULL CHECK (json_valid(response)),
        response_text   TEXT NOT NULL,
        correct         INTEGER NOT NULL CHECK (correct IN (0, 1)),
        credit          REAL NOT NULL CHECK (credit BETWEEN 0 AND 1),
        points          REAL NOT NULL,
        max_points      REAL NOT NULL,
        seconds         REAL,
        timed_out       INTEGER NOT NULL CHECK (timed_out IN (0, 1)),
        answered_at     TEXT NOT NULL,
        PRIMARY KEY (session_id, player_id, question_id)
    ) WITHOUT ROWID
    """,
)



def _answer_parts(conn: sqlite3.Connection) -> None:
    """Each answer's bonuses and forgiven typo, each session's totals for the reports, and
    where a session was started from.

    The reports' percentage leaves the streak bonus out, so it is kept per answer; answers
    stored before it was are given theirs from the order of right answers, by the rule that
    scored them then (10% of base points per answer in the streak beyond the first, at most
    50%). Their speed bonus is worked out where the session had one time limit for all; a
    forgiven typo was not kept, so it stays unknown (NULL). Points are rounded to one
    decimal as they are now (quizgame.tally), so the parts add up; a time-out's text is
    empty. A session's `answered_max` is the base points of the questions answered, what a
    run left half way is judged on.
    """
    for statement in (
        "ALTER TABLE answers ADD COLUMN speed_bonus REAL NOT NULL DEFAULT 0",
        "ALTER TABLE answers ADD COLUMN streak_bonus REAL NOT NULL DEFAULT 0",
        "ALTER TABLE answers ADD COLUMN typo INTEGER CHECK (typo IN (0, 1))",
        "ALTER TABLE sessions ADD COLUMN answered_max REAL NOT NULL DEFAULT 0",
        "ALTER TABLE sessions ADD COLUMN streak_bonus REAL NOT NULL DEFAULT 0",
        # 'command' (the options on the command line), 'home' (the home screen); NULL: older.
        "ALTER TABLE sessions ADD COLUMN started_from TEXT",
    ):
        conn.execute(statement)
    sessions = conn.execute("SELECT id, options FROM sessions").fetchall()
    for session_id, options_json in sessions:
        options = json.loads(options_json)
        scoring = options.get("scoring") or {}
        timed = options.get("time_limit") is not None and bool(scoring.get("speed_bonus"))
        streak = 0
        rows = conn.execute(
            "SELECT player_id, question_id, correct, credit, points, max_points FROM answers "
            "WHERE session_id = ? ORDER BY question_number",
            (session_id,),
        ).fetchall()
        for player_id, question_id, correct, credit, points, max_points in rows:
            streak = streak + 1 if correct else 0
            bonus = 0.0
            if scoring.get("streak_bonus") and streak:
                bonus = max_points * min(10 * (streak - 1), 50) / 100
            speed = max(0.0, points - bonus - max_points * credit * 0.5) if timed else 0.0
            conn.execute(
                "UPDATE answers SET streak_bonus = round(?, 1), speed_bonus = round(?, 1), "
                "points = round(points, 1) "
                "WHERE session_id = ? AND player_id = ? AND question_id = ?",
                (bonus, speed, session_id, player_id, question_id),
            )
    conn.execute("UPDATE answers SET response_text = '' WHERE response = 'null'")
    conn.execute(
        "UPDATE sessions SET "
        "score = coalesce((SELECT round(sum(a.points), 1) FROM answers a WHERE a.session_id = sessions.id), 0), "
        "answered_max = coalesce((SELECT sum(a.max_points) FROM answers a WHERE a.session_id = sessions.id), 0), "
        "streak_bonus = coalesce((SELECT round(sum(a.streak_bonus), 1) FROM answers a WHERE a.session_id = sessions.id), 0)"
    )


# When each question of a session was first shown, and its deadline: a timed question's
# time runs from then whatever happens to the program, so quitting and coming back, or a
# killed process, gives back only what is left. deadline_at is NULL for an untimed question;
# in practice mode it moves later by the time the question was hidden (docs/classroom.md).
_V3: tuple[str, ...] = (
    """
    CREATE TABLE question_clocks (
        session_id      TEXT NOT NULL REFERENCES sessions (id),
        question_id     TEXT NOT NULL,
        question_number INTEGER NOT NULL CHECK (question_number >= 1),
        shown_at        TEXT NOT NULL,
        deadline_at     TEXT,
        PRIMARY KEY (session_id, question_id)
    ) WITHOUT ROWID
    """,
)

MIGRATIONS: list[Migration] = [_V1, _answer_parts, _V3]
CURRENT_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def check_version(conn: sqlite3.Connection, path: Path, latest: int = CURRENT_VERSION) -> int:
    """The database's version, refusing one from a newer quizgame or another program."""
    # One statement, so one snapshot: read apart, another process creating the tables in
    # between would make a new results database look like another program's.
    version, app_id, objects = conn.execute(
        "SELECT (SELECT user_version FROM pragma_user_version),"
        " (SELECT application_id FROM pragma_application_id),"
        " (SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    if version > latest:
        raise StoreTooNew(
            f"results database was written by a newer quizgame (schema {version}, this version "
            f"knows up to {latest}); upgrade quizgame to use it: {path}",
            path,
        )
    foreign = app_id not in (0, APPLICATION_ID) or (version == 0 and objects > 0)
    if foreign:
        raise StoreCorrupt(
            f"file is an SQLite database but not a quizgame results database: {path}", path
        )
    return version


def apply_migrations(
    conn: sqlite3.Connection, path: Path, migrations: Sequence[Migration] | None = None
) -> int:
    """Bring the database up to date. Call inside BEGIN IMMEDIATE; returns the new version."""
    steps = MIGRATIONS if migrations is None else migrations
    version = check_version(conn, path, len(steps))
    for target in range(version + 1, len(steps) + 1):
        step = steps[target - 1]
        if callable(step):
            step(conn)
        else:
            for statement in step:
                conn.execute(statement)
        # user_version lives in the file header and is part of this transaction.
        conn.execute(f"PRAGMA user_version = {target}")
    return max(version, len(steps))
