"""Building sessions and answers for store tests."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path
from typing import Any

from quizgame.store import AnswerRecord, ResultsStore, RetryPolicy, SessionRecord, new_id

_stamps = itertools.count()


def fast_retry(total: float = 0.3) -> RetryPolicy:
    """Gives up on a locked database within a fraction of a second."""
    return RetryPolicy(busy_timeout=0.05, total=total, first_delay=0.01, max_delay=0.05)


def stamp(minute: int | None = None) -> str:
    """Distinct, increasing UTC timestamps so ordering in tests never depends on the clock."""
    n = next(_stamps) if minute is None else minute
    return f"2025-03-{1 + n // 1440:02d}T{(n // 60) % 24:02d}:{n % 60:02d}:00.000+00:00"


def session(**fields: Any) -> SessionRecord:
    base: dict[str, Any] = {
        "session_id": new_id(),
        "player": "ann",
        "pack_id": "g20",
        "pack_hash": "a" * 64,
        "pack_title": "G20 takeaways",
        "mode": "practice",
        "options": {"seed": 7, "shuffle_questions": True},
        "seed": 7,
        "question_count": 4,
        "max_score": 80.0,
        "started_at": stamp(),
    }
    base.update(fields)
    return SessionRecord(**base)


def answer(session_id: str, number: int = 1, **fields: Any) -> AnswerRecord:
    right = fields.pop("correct", True)
    base: dict[str, Any] = {
        "session_id": session_id,
        "question_id": f"q{number}",
        "question_number": number,
        "response": "Hamburg" if right else "Berlin",
        "correct": right,
        "credit": 1.0 if right else 0.0,
        "points": 20.0 if right else 0.0,
        "max_points": 20.0,
        "seconds": 2.5,
    }
    base.update(fields)
    return AnswerRecord(**base)


def play(
    store: ResultsStore,
    player: str = "ann",
    results: tuple[bool, ...] = (True, True, False, True),
    *,
    finish: bool = True,
    **fields: Any,
) -> SessionRecord:
    """Store a whole session: one answer per entry in `results`."""
    count = len(results)
    record = session(player=player, question_count=count, max_score=20.0 * count, **fields)
    store.start_session(record)
    for number, right in enumerate(results, 1):
        store.record_answer(answer(record.session_id, number, correct=right))
    if finish:
        store.finish_session(record.session_id, finished_at=stamp())
    return record


def as_version_2(db_path: Path, **fields: Any) -> SessionRecord:
    """A results database as the previous release left it: schema 2 (no question clocks),
    with an unfinished session of four answers in it."""
    with ResultsStore.open(db_path, retry=fast_retry()) as store:
        old = play(store, finish=False, **fields)
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TABLE question_clocks")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    return old


def count_rows(path: Path, table: str = "answers") -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()
