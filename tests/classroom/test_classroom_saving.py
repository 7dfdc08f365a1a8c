"""Saving a game as it is played: each answer committed at once, off the caller's thread,
in order, and nothing lost when the database is locked, read-only or damaged."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

from quizgame.engine import QuizSession, SessionOptions
from quizgame.engine.game import HotSeatGame
from quizgame.saving import (
    GameSaver,
    ResultsWriter,
    answer_record,
    lookup_resumable,
    session_record,
)
from quizgame.store import RecorderStatus, ResultsStore
from quizgame.store.connection import default_connect

from .helpers import build_saver, lock_database, right_answer, wait_until, wrong_answer

KEPT = "answers are kept in memory and will be saved when possible"


def saver_for(path: Path, connect=default_connect, **writer_kw) -> GameSaver:
    return build_saver(path, connect, **writer_kw)


def play(session: QuizSession, saver: GameSaver, pattern: list[bool]) -> None:
    for ok in pattern:
        prepared = session.current
        session.show_current()
        result = session.answer(right_answer(prepared) if ok else wrong_answer(prepared))
        saver.record(session, result)


def stored(path: Path, session_id: str) -> list[str]:
    with ResultsStore.open(path, readonly=True) as store:
        return [a.question_id for a in store.session_answers(session_id)]


def ids(session: QuizSession, n: int | None = None) -> list[str]:
    return [q.id for q in session.questions[:n]]


# -- records -------------------------------------------------------------------------------


def test_records_carry_what_a_gradebook_needs(lighthouse) -> None:
    options = SessionOptions(seed=9, mode="exam", count=4, time_limit=30)
    session = QuizSession(lighthouse, options)
    record = session_record(session, " Ann ", "s1", game_id="g1", player_kind="team")
    assert (record.player, record.pack_id, record.pack_hash, record.pack_title) == (
        "Ann", "lighthouse", lighthouse.content_hash, "The Lighthouse Log",
    )
    assert (record.mode, record.seed, record.question_count, record.game_id) == ("exam", 9, 4, "g1")
    assert record.player_kind == "team" and record.options == options.to_dict()
    assert record.max_score == sum(q.base_points for q in session.questions)
    assert record.started_at is not None

    prepared = session.current
    session.show_current()
    result = session.answer(wrong_answer(prepared), elapsed=2.5)
    answer = answer_record("s1", prepared, result)
    assert (answer.question_id, answer.question_number, answer.correct, answer.seconds) == (
        prepared.id, 1, False, 2.5,
    )
    assert (answer.points, answer.max_points, answer.response_text) == (
        0.0, result.max_points, result.response_text,
    )
    assert answer.answered_at is not None  # stamped when given, not when written


# -- the happy path ------------------------------------------------------------------------


def test_each_answer_is_in_the_database_once_the_writer_has_it(lighthouse, db_path: Path) -> None:
    saver = saver_for(db_path)
    session = QuizSession(lighthouse, SessionOptions(seed=1))
    session_id = saver.start(session, "Ann")
    play(session, saver, [True, False, True])
    assert saver.flush(10)
    assert stored(db_path, session_id) == ids(session, 3)
    with ResultsStore.open(db_path, readonly=True) as store:
        info = store.get_session(session_id)
    assert (info.player, info.answered, info.right, info.score) == ("Ann", 3, 2, session.score)
    assert not info.finished

    play(session, saver, [True, True, True])
    saver.finish(session)
    assert saver.close(10) == RecorderStatus(True, "", 0)
    with ResultsStore.open(db_path, readonly=True) as store:
        info = store.get_session(session_id)
    assert info.finished and info.score == session.score and info.answered == 6


def test_the_last_answer_finishes_the_session_so_nothing_is_left_to_resume(
    lighthouse, db_path: Path
) -> None:
    # A player who quits on the last feedback never sees the results screen.
    saver = saver_for(db_path)
    session = QuizSession(lighthouse, SessionOptions(seed=1))
    session_id = saver.start(session, "Ann")
    play(session, saver, [True] * session.total)
    saver.finish(session)  # the results screen finishing it again changes nothing
    assert saver.close(10) == RecorderStatus(True, "", 0)

    with ResultsStore.open(db_path, readonly=True) as store:
        info = store.get_session(session_id)
    assert info.finished and info.answered == session.total and info.score == session.score
    assert lookup_resumable(db_path, "Ann", lighthouse) is None


def test_a_write_never_waits_on_the_caller_thread(lighthouse, db_path: Path) -> None:
    """The UI thread only queues: here the Recorder's writes block until released, and
    record() still returns, with the answer not yet written."""
    release = threading.Event()
    writes: list[str] = []

    class SlowRecorder:
        status = RecorderStatus(True, "", 0)

        def start_session(self, record) -> RecorderStatus:
            release.wait(10)
            writes.append("start")
            return self.status

        def record(self, answer) -> RecorderStatus:
            writes.append(answer.question_id)
            return self.status

        def flush(self) -> RecorderStatus:
            return self.status

        def close(self) -> RecorderStatus:
            return self.status

    saver = GameSaver(ResultsWriter(db_path, SlowRecorder, slow_after=0.05))  # type: ignore[arg-type]
    session = QuizSession(lighthouse, SessionOptions(seed=1))
    saver.start(session, "Ann")
    play(session, saver, [True, True])
    assert writes == []
    # A write held up for long is shown, not waited out in silence.
    status = wait_until(lambda: not saver.status.ok and saver.status, what="a slow status")
    assert status.message == f"waiting for the results database: {db_path} — {KEPT}"
    assert status.pending == 3
    release.set()
    assert saver.flush(10)
    assert writes == ["start", *ids(session, 2)]
    assert saver.status == RecorderStatus(True, "", 0)
    saver.close(10)


def test_a_hot_seat_game_is_one_session_per_player_sharing_a_game_id(
    lighthouse, db_path: Path
) -> None:
    game = HotSeatGame(lighthouse, SessionOptions(seed=4, count=2), ["Red", "Blue"], kind="team")
    saver = saver_for(db_path)
    game_id = saver.start_game(game)
    while not game.finished:
        while game.turn is not None:
            session, prepared = game.current_session, game.question
            game.show_turn()
            ok = game.current_player == "Red"
            result = game.answer(right_answer(prepared) if ok else wrong_answer(prepared))
            saver.record(session, result)
        game.advance()
    saver.finish_game(game)
    saver.close(10)
    with ResultsStore.open(db_path, readonly=True) as store:
        # One start time for the whole game, so the store lists them in no set order.
        sessions = sorted(store.game_sessions(game_id), key=lambda s: game.players.index(s.player))
        assert [(s.player, s.player_kind, s.right, s.finished) for s in sessions] == [
            ("Red", "team", 2, True),
            ("Blue", "team", 0, True),
        ]
        assert len({s.started_at for s in sessions}) == 1
        for info, session in zip(sessions, game.sessions):
            assert [a.question_id for a in store.session_answers(info.session_id)] == ids(session)
            assert info.score == session.score
        assert [e.player for e in store.leaderboard("lighthouse")] == ["Red", "Blue"]


def test_answers_for_a_session_never_started_are_a_callers_mistake(lighthouse, db_path) -> None:
    saver = saver_for(db_path)
    session = QuizSession(lighthouse, SessionOptions(seed=1))
    session.show_current()
    result = session.answer(right_answer(session.current))
    with pytest.raises(ValueError, match="never started"):
        saver.record(session, result)
    saver.close(10)


# -- trouble -------------------------------------------------------------------------------


def test_locked_database_keeps_answers_and_writes_them_once_released(
    lighthouse, db_path: Path
) -> None:
    blocker = lock_database(db_path)
    saver = saver_for(db_path, retry_every=60)  # only the next answer retries
    session = QuizSession(lighthouse, SessionOptions(seed=2))
    session_id = saver.start(session, "Ann")
    play(session, saver, [True, False])
    status = wait_until(lambda: saver.writer.status.message.startswith("results") and saver.status)
    assert not status.ok and status.pending == 2  # the answers: the session's start is none
    assert status.message == (
        f"results database is locked by another program and stayed locked: {db_path} — {KEPT}"
    )
    play(session, saver, [True])  # still locked: kept too
    blocker.execute("ROLLBACK")
    blocker.close()
    play(session, saver, [True])  # the next answer takes the queue with it, in order
    assert saver.flush(10)
    assert saver.status.ok and saver.status.pending == 0
    assert stored(db_path, session_id) == ids(session, 4)
    saver.close(10)


def test_queued_answers_are_retried_without_waiting_for_the_next_answer(
    lighthouse, db_path: Path
) -> None:
    blocker = lock_database(db_path)
    saver = saver_for(db_path, retry_every=0.05)
    session = QuizSession(lighthouse, SessionOptions(seed=2))
    session_id = saver.start(session, "Ann")
    play(session, saver, [True, True, True, True, True, True])
    saver.finish(session)
    wait_until(lambda: not saver.status.ok, what="the lock to be reported")
    blocker.execute("ROLLBACK")
    blocker.close()
    # No further call: the writer notices on its own that the database is free again.
    wait_until(lambda: saver.status.ok and saver.status.pending == 0, what="the queue to drain")
    assert stored(db_path, session_id) == ids(session)
    with ResultsStore.open(db_path, readonly=True) as store:
        assert store.get_session(session_id).finished
    saver.close(10)


def test_read_only_database_keeps_answers_until_it_is_writable(lighthouse, db_path) -> None:
    with ResultsStore.open(db_path):
        pass
    state = {"readonly": True}

    def switchable(path: Path, *, timeout: float, readonly: bool) -> sqlite3.Connection:
        return default_connect(path, timeout=timeout, readonly=readonly or state["readonly"])

    saver = saver_for(db_path, connect=switchable)
    session = QuizSession(lighthouse, SessionOptions(seed=3))
    session_id = saver.start(session, "Ann")
    play(session, saver, [True, False])
    status = wait_until(lambda: not saver.status.ok and saver.status)
    assert status.message == f"results database is read-only: {db_path} — {KEPT}"
    state["readonly"] = False
    wait_until(lambda: saver.status.ok and saver.status.pending == 0, what="the queue to drain")
    assert stored(db_path, session_id) == ids(session, 2)
    saver.close(10)


def test_damaged_database_keeps_answers_until_it_is_moved_aside(lighthouse, db_path) -> None:
    garbage = os.urandom(8192)
    db_path.write_bytes(garbage)
    saver = saver_for(db_path)
    session = QuizSession(lighthouse, SessionOptions(seed=3))
    session_id = saver.start(session, "Ann")
    play(session, saver, [True])
    status = wait_until(lambda: not saver.status.ok and saver.status)
    assert status.message == (
        f"results database is damaged or is not a quizgame database: {db_path} — {KEPT}"
    )
    assert db_path.read_bytes() == garbage  # never written over
    db_path.rename(db_path.with_suffix(".damaged"))
    play(session, saver, [False])
    assert saver.flush(10) and saver.status.ok
    assert stored(db_path, session_id) == ids(session, 2)
    saver.close(10)


def test_answers_still_unsaved_at_the_end_are_kept_in_a_file_and_added_next_time(
    lighthouse, db_path: Path
) -> None:
    blocker = lock_database(db_path)
    saver = saver_for(db_path)
    session = QuizSession(lighthouse, SessionOptions(seed=2))
    session_id = saver.start(session, "Ann")
    play(session, saver, [True, True])
    final = saver.close(30)
    assert not final.ok and "unsaved result(s) written to" in final.message
    assert len(list((db_path.parent / "unsaved").glob("quizgame-unsaved-*.jsonl"))) == 1
    blocker.execute("ROLLBACK")
    blocker.close()

    later = saver_for(db_path)
    assert later.flush(10)
    assert stored(db_path, session_id) == ids(session, 2)
    assert not list((db_path.parent / "unsaved").glob("*.jsonl"))
    later.close(10)


@pytest.mark.parametrize(
    ("mode", "time_limit", "kept"),
    [("practice", None, []), ("practice", 30, [2]), ("exam", None, [1, 2]), ("exam", 30, [1, 2])],
)
def test_a_clock_is_stored_only_where_it_counts(lighthouse, db_path: Path, mode, time_limit, kept) -> None:
    """A deadline to keep (a timed question), or an exam's question seen (the exam can then
    only be carried on); an untimed practice question has neither."""
    saver = saver_for(db_path)
    session = QuizSession(lighthouse, SessionOptions(seed=1, mode=mode, time_limit=time_limit))
    session_id = saver.start(session, "Ann", until_answered=True)
    for ok in (True, False):
        session.show_current()
        saver.shown(session, session.question_clock())
        session.hide()
        session.unhide()  # help opened and closed: in practice the clock moved
        saver.clock_moved(session, session.question_clock())
        saver.record(session, session.answer(right_answer(session.current) if ok else wrong_answer(session.current)))
    assert saver.close(10).ok
    with ResultsStore.open(db_path, readonly=True) as store:
        assert [c.question_number for c in store.question_clocks(session_id)] == kept


# -- a pause while the game draws -----------------------------------------------------------


def test_a_paused_writer_holds_its_writes_until_resumed(lighthouse, db_path: Path) -> None:
    paused = saver_for(db_path, pause_at_most=60)
    control = saver_for(db_path)  # not paused: shows how soon a writer writes
    held = QuizSession(lighthouse, SessionOptions(seed=1))
    free = QuizSession(lighthouse, SessionOptions(seed=2))
    held_id, free_id = paused.start(held, "Ann"), control.start(free, "Bo")
    assert paused.flush(10)

    paused.pause_writing()
    assert paused.writer.paused
    play(held, paused, [True, False])
    play(free, control, [True])
    wait_until(lambda: stored(db_path, free_id) == ids(free, 1), what="the control's answer")
    assert stored(db_path, held_id) == []  # queued first, still not written
    assert paused.status.pending == 2  # and counted as waiting

    paused.resume_writing()
    wait_until(lambda: stored(db_path, held_id) == ids(held, 2), what="the paused answers")
    assert paused.close(10) == control.close(10) == RecorderStatus(True, "", 0)


def test_a_pause_loses_nothing_flush_and_close_write_through_it(lighthouse, db_path: Path) -> None:
    saver = saver_for(db_path, pause_at_most=60)
    session = QuizSession(lighthouse, SessionOptions(seed=1))
    session_id = saver.start(session, "Ann")

    saver.pause_writing()
    play(session, saver, [True])
    assert saver.flush(10)  # well before the pause's 60 s
    assert stored(db_path, session_id) == ids(session, 1)

    saver.pause_writing()
    play(session, saver, [False, True])
    saver.finish(session)
    assert saver.close(10) == RecorderStatus(True, "", 0)  # a quit, a SIGTERM: all written
    assert stored(db_path, session_id) == ids(session, 3)
    with ResultsStore.open(db_path, readonly=True) as store:
        assert store.get_session(session_id).finished


def test_a_pause_nobody_ends_ends_by_itself(lighthouse, db_path: Path) -> None:
    saver = saver_for(db_path, pause_at_most=0.05)
    session = QuizSession(lighthouse, SessionOptions(seed=1))
    session_id = saver.start(session, "Ann")
    assert saver.flush(10)
    saver.pause_writing()
    play(session, saver, [True])
    wait_until(lambda: stored(db_path, session_id) == ids(session, 1), what="the answer")
    assert not saver.writer.paused  # over for good: the next writes do not wait it out again
    saver.close(10)


def test_close_is_safe_twice_and_writing_after_it_is_a_mistake(lighthouse, db_path) -> None:
    saver = saver_for(db_path)
    session = QuizSession(lighthouse, SessionOptions(seed=1))
    assert saver.close(10).ok and saver.close(10).ok
    assert saver.flush(1)
    with pytest.raises(RuntimeError, match="closed"):
        saver.start(session, "Ann")


def test_a_class_of_thirty_saving_at_once_loses_nothing(lighthouse, db_path: Path) -> None:
    """Thirty games, each with its own saver (its own connection and writer thread), all
    answering at the same moment into one new file."""
    start = threading.Barrier(30)
    savers = [GameSaver(ResultsWriter.open(db_path)) for _ in range(30)]
    sessions = [QuizSession(lighthouse, SessionOptions(seed=n)) for n in range(30)]

    def student(n: int) -> None:
        start.wait(10)
        savers[n].start(sessions[n], f"Student {n:02d}")
        play(sessions[n], savers[n], [n % 2 == 0] * 6)
        savers[n].finish(sessions[n])

    threads = [threading.Thread(target=student, args=(n,)) for n in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert [saver.close(60) for saver in savers] == [RecorderStatus(True, "", 0)] * 30
    with ResultsStore.open(db_path, readonly=True) as store:
        stored = store.sessions()
        assert len(stored) == 30 and all(s.finished and s.answered == 6 for s in stored)
        assert sum(s.right for s in stored) == 15 * 6


def test_an_answer_is_acknowledged_once_committed_and_not_while_kept_in_memory(make_saver, db_path, lighthouse) -> None:
    import threading

    from quizgame.engine import QuizSession, SessionOptions

    from .helpers import lock_database, right_answer

    saver = make_saver()
    session = QuizSession(lighthouse, SessionOptions(seed=1))
    saver.start(session, "Ann")
    assert saver.flush(10)
    blocker = lock_database(db_path)
    committed = threading.Event()
    try:
        prepared = session.current
        result = session.answer(right_answer(prepared), 1.0)
        saver.record(session, result, on_commit=committed.set)
        assert saver.flush(10)
        assert not committed.is_set()  # the database is locked: kept in memory, not acknowledged
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert committed.wait(30)


def test_answers_arriving_together_are_committed_together_each_acknowledged(make_saver, db_path, lighthouse) -> None:
    import threading

    from quizgame.engine import QuizSession, SessionOptions
    from quizgame.store import ResultsStore

    from .helpers import right_answer

    saver = make_saver()
    sessions = [QuizSession(lighthouse, SessionOptions(seed=1)) for _ in range(40)]
    for n, session in enumerate(sessions):
        saver.start(session, f"Student {n}")
    assert saver.flush(10)
    done = threading.Semaphore(0)
    for session in sessions:
        saver.record(session, session.answer(right_answer(session.current), 1.0), on_commit=done.release)
    for _ in sessions:
        assert done.acquire(timeout=30)
    with ResultsStore.open(db_path, readonly=True) as store:
        assert sum(info.answered for info in store.sessions()) == 40


def test_a_batch_of_answers_is_all_or_none(db_path, lighthouse) -> None:
    import pytest

    from quizgame.engine import QuizSession, SessionOptions
    from quizgame.saving import answer_record, session_record
    from quizgame.store import ResultsStore, UnknownSession

    session = QuizSession(lighthouse, SessionOptions(seed=1))
    with ResultsStore.open(db_path) as store:
        store.start_session(session_record(session, "Ann", "s1"))
        prepared = session.current
        good = answer_record("s1", prepared, session.answer(True if prepared.type == "true_false" else prepared.choices[0], 1.0))
        stray = answer_record("nobody", prepared, session.results[0])
        with pytest.raises(UnknownSession):
            store.record_answers([good, stray])
        assert store.get_session("s1").answered == 0
        assert store.record_answers([good]) == [True]
