"""The Recorder in normal use: ordering, threads, unsaved files and their replay."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

from quizgame.store import Recorder, ResultsStore, RetryPolicy

from .helpers import answer, count_rows, fast_retry, session, stamp


def test_open_uses_quizgame_db_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "class" / "shared.sqlite3"
    monkeypatch.setenv("QUIZGAME_DB", str(target))
    with Recorder.open() as recorder:
        assert recorder.path == target
        record = session()
        recorder.start_session(record)
        recorder.record(answer(record.session_id))
    assert count_rows(target) == 1


def test_open_defaults_to_the_data_folder(tmp_path: Path) -> None:
    with Recorder.open() as recorder:
        recorder.start_session(session())
    assert (tmp_path / "data" / "results.sqlite3").is_file()


def test_a_whole_game_through_the_recorder(db_path: Path) -> None:
    with Recorder.open(db_path) as recorder:
        record = session(started_at=None, question_count=2)
        assert recorder.start_session(record).ok
        assert recorder.record(answer(record.session_id, 1)).ok
        assert recorder.record(answer(record.session_id, 2, correct=False)).ok
        assert recorder.finish_session(record.session_id, score=20.0, max_score=40.0).ok
    with ResultsStore.open(db_path, readonly=True) as store:
        info = store.get_session(record.session_id)
    assert info.finished
    assert (info.score, info.max_score, info.answered, info.right) == (20, 40, 2, 1)


def test_recorder_is_safe_to_share_between_threads(db_path: Path) -> None:
    with Recorder.open(db_path) as recorder:
        records = [session(player=f"p{i}", question_count=50) for i in range(4)]
        for record in records:
            recorder.start_session(record)

        def play(session_id: str) -> None:
            for n in range(1, 51):
                assert recorder.record(answer(session_id, n)).ok

        threads = [threading.Thread(target=play, args=(r.session_id,)) for r in records]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert recorder.status.ok and recorder.status.pending == 0
    assert count_rows(db_path) == 200


def _locked_recorder(db_path: Path, rescue: Path) -> tuple[Recorder, sqlite3.Connection]:
    with ResultsStore.open(db_path):
        pass
    blocker = sqlite3.connect(db_path, isolation_level=None)
    recorder = Recorder(
        lambda policy: ResultsStore.open(db_path, retry=policy),
        db_path,
        retry=fast_retry(),
        quick_retry=fast_retry(0.1),
        rescue_dirs=(rescue,),
    )
    return recorder, blocker


def test_unsaved_results_go_to_a_file_on_close_and_come_back_next_time(
    db_path: Path, tmp_path: Path
) -> None:
    rescue = tmp_path / "rescue"
    recorder, blocker = _locked_recorder(db_path, rescue)
    blocker.execute("BEGIN EXCLUSIVE")
    record = session(game_id="g-1", player_kind="team", options={"sections": ["a", "b"]})
    recorder.start_session(record)
    given = [
        answer(record.session_id, 1, response=frozenset({"Oil", "Gas"}), credit=0.5,
               correct=False, answered_at=stamp()),
        answer(record.session_id, 2, response=None, timed_out=True, correct=False, seconds=None,
               answered_at=stamp()),
        answer(record.session_id, 3, response=True, answered_at=stamp()),
    ]
    for item in given:
        recorder.record(item)
    recorder.finish_session(record.session_id, finished_at=stamp(), score=10.0)
    status = recorder.close()
    blocker.execute("COMMIT")
    blocker.close()
    assert status.pending == 0 and "3 unsaved result(s) written to" in status.message
    (unsaved,) = rescue.glob("quizgame-unsaved-*.jsonl")
    assert str(unsaved) in status.message
    header = json.loads(unsaved.read_text().splitlines()[0])
    assert header["db"] == str(db_path.resolve())
    assert count_rows(db_path, "sessions") == 0

    # Next time the database opens, the results are added and the file goes away.
    again = Recorder(
        lambda policy: ResultsStore.open(db_path, retry=policy), db_path, rescue_dirs=(rescue,)
    )
    assert again.status.ok and not list(rescue.glob("*.jsonl"))
    again.close()
    with ResultsStore.open(db_path, readonly=True) as store:
        info = store.get_session(record.session_id)
        stored = store.session_answers(record.session_id)
    assert (info.game_id, info.player_kind, info.options, info.score, info.finished) == (
        "g-1", "team", {"sections": ["a", "b"]}, 10.0, True,
    )
    assert [(a.response, a.timed_out, a.credit, a.answered_at) for a in stored] == [
        (g.response, g.timed_out, g.credit, g.answered_at) for g in given
    ]


def test_unsaved_file_for_another_database_is_left_alone(db_path: Path, tmp_path: Path) -> None:
    rescue = tmp_path / "rescue"
    rescue.mkdir()
    foreign = rescue / "quizgame-unsaved-2025-01-01-abc.jsonl"
    foreign.write_text(json.dumps({"quizgame_unsaved": 1, "db": "/elsewhere/x.sqlite3"}) + "\n")
    broken = rescue / "quizgame-unsaved-2025-01-01-def.jsonl"
    broken.write_text("not json\n")
    opener = lambda policy: ResultsStore.open(db_path, retry=policy)  # noqa: E731
    with Recorder(opener, db_path, rescue_dirs=(rescue,)) as rec:
        assert rec.status.ok
    assert foreign.exists() and broken.exists()


def test_nowhere_to_put_unsaved_results_is_said_plainly(db_path: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    recorder, blocker = _locked_recorder(db_path, blocked / "sub")
    blocker.execute("BEGIN EXCLUSIVE")
    record = session()
    recorder.start_session(record)
    recorder.record(answer(record.session_id, 1))
    status = recorder.close()
    blocker.execute("ROLLBACK")
    blocker.close()
    assert status.pending == 1 and "could not be saved anywhere" in status.message


def test_quick_retry_keeps_a_locked_database_from_stalling_each_answer(db_path: Path) -> None:
    import time

    slow = RetryPolicy(busy_timeout=0.1, total=1.0, first_delay=0.05, max_delay=0.1)
    with ResultsStore.open(db_path):
        pass
    blocker = sqlite3.connect(db_path, isolation_level=None)
    recorder = Recorder(
        lambda policy: ResultsStore.open(db_path, retry=policy),
        db_path,
        retry=slow,
        quick_retry=RetryPolicy(busy_timeout=0.01, total=0.02),
        rescue_dirs=(db_path.parent / "r",),
    )
    blocker.execute("BEGIN EXCLUSIVE")
    record = session()
    recorder.start_session(record)  # the first failure waits out the full policy
    began = time.monotonic()
    for n in range(1, 6):
        recorder.record(answer(record.session_id, n))
    assert time.monotonic() - began < 1.0  # five quick tries, not five full waits
    blocker.execute("COMMIT")
    assert recorder.flush().ok
    recorder.close()
    blocker.close()
    assert count_rows(db_path) == 5


def test_status_can_be_read_while_another_thread_waits_on_the_database(db_path: Path) -> None:
    import time

    with ResultsStore.open(db_path):
        pass
    blocker = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    recorder = Recorder(
        lambda policy: ResultsStore.open(db_path, retry=policy),
        db_path,
        retry=RetryPolicy(busy_timeout=0.2, total=1.0),
        rescue_dirs=(db_path.parent / "r",),
    )
    blocker.execute("BEGIN EXCLUSIVE")
    worker = threading.Thread(target=recorder.start_session, args=(session(),))
    worker.start()
    time.sleep(0.1)
    began = time.monotonic()
    assert recorder.status.ok  # answered at once, not after the worker's wait
    assert time.monotonic() - began < 0.05
    worker.join()
    assert not recorder.status.ok
    blocker.execute("COMMIT")
    blocker.close()
    assert recorder.close().ok


def _tracing(statements: list[str]):
    """A connector whose connections note every statement they run."""
    from quizgame.store.connection import default_connect

    def connect(path: Path, *, timeout: float, readonly: bool) -> sqlite3.Connection:
        conn = default_connect(path, timeout=timeout, readonly=readonly)
        conn.set_trace_callback(statements.append)
        return conn

    return connect


def test_writes_waiting_together_are_one_commit_each_acknowledged_after_it(db_path: Path) -> None:
    statements: list[str] = []
    recorder = Recorder.open(db_path, connect=_tracing(statements))
    records = [session(player=f"p{i}", question_count=1) for i in range(30)]
    acknowledged: list[int] = []
    recorder.hold()  # a class arriving, answering and finishing while the writer is busy
    for record in records:
        recorder.start_session(record)
    for record in records:
        recorder.record(
            answer(record.session_id),
            on_commit=lambda: acknowledged.append(statements.count("COMMIT")),
        )
    for record in records:
        recorder.finish_session(record.session_id, score=20.0, max_score=20.0)
    before = statements.count("COMMIT")
    assert not acknowledged  # held: nothing written, nothing acknowledged
    assert recorder.release().ok
    assert statements.count("COMMIT") == before + 1
    assert acknowledged == [before + 1] * 30  # each one, after that commit
    recorder.close()
    assert count_rows(db_path) == 30
    with ResultsStore.open(db_path, readonly=True) as store:
        assert all(info.finished and info.answered == 1 for info in store.sessions())


def test_a_mistake_in_a_batch_is_set_aside_and_the_rest_saved(db_path: Path) -> None:
    recorder = Recorder.open(db_path)
    record = session(question_count=3)
    acknowledged: list[str] = []
    recorder.hold()
    recorder.start_session(record)
    recorder.record(answer(record.session_id, 1), on_commit=lambda: acknowledged.append("q1"))
    recorder.record(answer("nobody", 2), on_commit=lambda: acknowledged.append("stray"))
    recorder.record(answer(record.session_id, 3), on_commit=lambda: acknowledged.append("q3"))
    status = recorder.release()
    assert not status.ok and "1 result(s) could not be saved" in status.message
    assert acknowledged == ["q1", "q3"]  # the stray one is never acknowledged
    recorder.close()
    assert count_rows(db_path) == 2


def test_a_locked_database_fails_a_batch_once_not_once_per_write(db_path: Path) -> None:
    import random

    class Clock:
        now = 0.0

        def __call__(self) -> float:
            return self.now

        def sleep(self, seconds: float) -> None:
            self.now += seconds

    def attempts_while_locked(writes: int) -> int:
        """How many times the writes queued together try the locked database."""
        clock = Clock()
        policy = RetryPolicy(busy_timeout=0.0, total=1.0, sleep=clock.sleep, clock=clock, rng=random.Random(3))
        statements: list[str] = []
        recorder = Recorder.open(db_path, retry=policy, quick_retry=policy, connect=_tracing(statements))
        record = session(question_count=writes)
        assert recorder.start_session(record).ok
        blocker = sqlite3.connect(db_path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            recorder.hold()
            for n in range(1, writes + 1):
                recorder.record(answer(record.session_id, n))
            before = statements.count("BEGIN IMMEDIATE")
            status = recorder.release()
            tried = statements.count("BEGIN IMMEDIATE") - before
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert not status.ok and status.pending == writes  # kept, to be written later
        assert recorder.flush().ok
        recorder.close()
        return tried

    one = attempts_while_locked(1)
    assert one > 1  # the policy retried
    assert attempts_while_locked(5) == one  # the batch waited once, as one write would
    assert count_rows(db_path) == 6


def test_together_is_one_transaction_all_or_none(db_path: Path) -> None:
    import pytest

    from quizgame.store import UnknownSession

    with ResultsStore.open(db_path) as store:
        record = session()
        with pytest.raises(UnknownSession):
            store.together(lambda: (store.start_session(record), store.record_answer(answer("nobody"))))
        assert store.sessions() == []  # the session written before the mistake is undone too
        store.together(lambda: (store.start_session(record), store.record_answer(answer(record.session_id))))
        assert store.get_session(record.session_id).answered == 1
