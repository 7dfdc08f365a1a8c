"""Question clocks: when a question was first shown and its deadline, kept with the session."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from quizgame.store import ClockRecord, Recorder, ResultsStore, UnknownSession
from quizgame.store.schema import MIGRATIONS, user_version

from .helpers import as_version_2, fast_retry, session, stamp


def _clock(session_id: str, number: int = 1, *, deadline: str | None = None) -> ClockRecord:
    return ClockRecord(
        session_id=session_id,
        question_id=f"q{number}",
        question_number=number,
        shown_at="2025-03-01T10:00:00.000+00:00",
        deadline_at=deadline,
    )


def test_the_first_clock_of_a_question_stands(store: ResultsStore) -> None:
    record = session()
    store.start_session(record)
    first = _clock(record.session_id, 2, deadline="2025-03-01T10:00:30.000+00:00")
    assert store.question_shown(first) is True
    # Shown again after a restart, with a fresh deadline: the first one is kept.
    again = ClockRecord(record.session_id, "q2", 2, "2025-03-01T11:00:00.000+00:00",
                        "2025-03-01T11:00:30.000+00:00")
    assert store.question_shown(again) is False
    assert store.question_clocks(record.session_id) == [first]


def test_a_deadline_moves_only_when_asked(store: ResultsStore) -> None:
    record = session()
    store.start_session(record)
    store.question_shown(_clock(record.session_id, 1, deadline="2025-03-01T10:00:30.000+00:00"))
    moved = _clock(record.session_id, 1, deadline="2025-03-01T10:00:42.500+00:00")
    store.move_deadline(moved)
    (clock,) = store.question_clocks(record.session_id)
    assert clock.deadline_at == "2025-03-01T10:00:42.500+00:00"
    assert clock.shown_at == "2025-03-01T10:00:00.000+00:00"


def test_a_clock_for_an_unknown_session_is_refused(store: ResultsStore) -> None:
    with pytest.raises(UnknownSession):
        store.question_shown(_clock("no-such-session"))


def test_clocks_are_checked_when_built() -> None:
    with pytest.raises(ValueError, match="deadline_at"):
        ClockRecord("s", "q1", 1, "2025-03-01T10:00:00.000+00:00", "half past ten")
    with pytest.raises(ValueError, match="question_number"):
        ClockRecord("s", "q1", 0, "2025-03-01T10:00:00.000+00:00", None)


def test_a_version_2_database_gains_clocks_and_keeps_its_results(db_path: Path) -> None:
    old = as_version_2(db_path)
    with ResultsStore.open(db_path, retry=fast_retry()) as store:
        assert user_version(store.connection) == len(MIGRATIONS) == 3
        assert len(store.session_answers(old.session_id)) == 4
        assert store.question_clocks(old.session_id) == []
        store.question_shown(_clock(old.session_id, 5))
        assert len(store.question_clocks(old.session_id)) == 1


def test_a_report_on_a_version_2_database_upgrades_it_first(db_path: Path) -> None:
    old = as_version_2(db_path)
    with ResultsStore.open(db_path, readonly=True) as store:
        assert store.readonly
        assert len(store.session_answers(old.session_id)) == 4
        assert store.question_clocks(old.session_id) == []
    assert user_version(sqlite3.connect(db_path)) == len(MIGRATIONS)


def test_a_report_on_a_version_2_database_it_cannot_write_says_so(db_path: Path) -> None:
    from quizgame.store import StoreOutdated
    from quizgame.store.connection import default_connect

    as_version_2(db_path)

    def read_only(path: Path, *, timeout: float, readonly: bool) -> sqlite3.Connection:
        return default_connect(path, timeout=timeout, readonly=True)  # a file we may not write

    with pytest.raises(StoreOutdated) as refused:
        ResultsStore.open(db_path, readonly=True, connect=read_only)
    assert str(refused.value) == (
        "results database is from an older quizgame and cannot be upgraded here, as it cannot "
        f"be written; run quizgame once where it can: {db_path}"
    )
    assert user_version(sqlite3.connect(db_path)) == 2  # left as it was


def test_clocks_waiting_in_memory_go_to_the_unsaved_file_and_come_back(
    db_path: Path, tmp_path: Path
) -> None:
    rescue = tmp_path / "rescue"
    with ResultsStore.open(db_path):
        pass
    recorder = Recorder(
        lambda policy: ResultsStore.open(db_path, retry=policy),
        db_path,
        retry=fast_retry(),
        quick_retry=fast_retry(0.05),
        rescue_dirs=(rescue,),
    )
    blocker = sqlite3.connect(db_path, isolation_level=None, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    record = session(started_at=stamp())
    recorder.start_session(record)
    shown = _clock(record.session_id, 1, deadline="2025-03-01T10:00:30.000+00:00")
    moved = _clock(record.session_id, 1, deadline="2025-03-01T10:00:35.000+00:00")
    recorder.question_shown(shown)
    recorder.move_deadline(moved)
    recorder.close()
    blocker.execute("COMMIT")
    blocker.close()
    (unsaved,) = rescue.glob("quizgame-unsaved-*.jsonl")
    ops = [json.loads(line).get("op") for line in unsaved.read_text().splitlines()[1:]]
    assert ops == ["start", "shown", "moved"]

    Recorder(
        lambda policy: ResultsStore.open(db_path, retry=policy), db_path, rescue_dirs=(rescue,)
    ).close()
    with ResultsStore.open(db_path, readonly=True) as store:
        assert store.question_clocks(record.session_id) == [moved]
