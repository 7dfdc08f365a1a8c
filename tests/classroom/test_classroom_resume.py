"""Which unfinished session is offered for resuming, and that it continues where it stopped."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from quizgame.engine import QuizSession, SessionOptions
from quizgame.engine.game import HotSeatGame
from quizgame.saving import GameSaver, ResultsWriter, find_resumable, lookup_resumable
from quizgame.store import AnswerRecord, Recorder, ResultsStore, StoreCorrupt

from .helpers import FakeClock, fast_retry, lock_database, right_answer, wrong_answer

OPTIONS = SessionOptions(seed=11, mode="exam", count=5, time_limit=30)


def saver(db_path: Path) -> GameSaver:
    return GameSaver(ResultsWriter.open(db_path))


def played(pack, db_path: Path, pattern: list[bool], *, player="Ann", options=OPTIONS, finish=False):
    """A session answered as `pattern` says, saved; returns (session, session id)."""
    time.sleep(0.002)  # start times are kept to the millisecond: keep "most recent" certain
    keeper = saver(db_path)
    session = QuizSession(pack, options)
    session_id = keeper.start(session, player)
    for ok in pattern:
        prepared = session.current
        session.show_current()
        answer = right_answer(prepared) if ok else wrong_answer(prepared)
        keeper.record(session, session.answer(answer, elapsed=4.0))
    if finish:
        keeper.finish(session)
    assert keeper.close(10).ok
    return session, session_id


def offer(pack, db_path: Path, player="Ann"):
    return lookup_resumable(db_path, player, pack, clock=FakeClock())


def test_an_unfinished_session_resumes_at_the_next_question_with_its_score(
    lighthouse, db_path: Path
) -> None:
    original, session_id = played(lighthouse, db_path, [True, False, True])
    found = offer(lighthouse, db_path)
    assert found is not None and found.session_id == session_id
    assert (found.answered, found.total) == (3, 5)
    session = found.session
    assert session.options == OPTIONS  # the stored conditions, whatever the new command line
    assert session.current.number == 4 and session.current.id == original.current.id
    assert session.score == original.score and session.streak == original.streak
    assert [r.correct for r in session.results] == [True, False, True]


def test_resumed_answers_go_to_the_same_session(lighthouse, db_path: Path) -> None:
    _, session_id = played(lighthouse, db_path, [True, True])
    found = offer(lighthouse, db_path)
    keeper = saver(db_path)
    keeper.resume(found.session, found.session_id)
    session = found.session
    while not session.finished:
        session.show_current()
        keeper.record(session, session.answer(right_answer(session.current), elapsed=1.0))
    keeper.finish(session)
    keeper.close(10)
    with ResultsStore.open(db_path, readonly=True) as store:
        info = store.get_session(session_id)
        assert len(store.sessions()) == 1
    assert info.finished and info.answered == 5 and info.score == session.score
    assert offer(lighthouse, db_path) is None  # finished: nothing left to resume


def test_nothing_to_resume_without_a_database(lighthouse, db_path: Path) -> None:
    assert offer(lighthouse, db_path) is None
    assert not db_path.exists()  # looking never creates it


def test_a_session_without_answers_is_not_offered(lighthouse, db_path: Path) -> None:
    played(lighthouse, db_path, [])
    assert offer(lighthouse, db_path) is None


def test_only_the_most_recent_session_is_offered(lighthouse, db_path: Path) -> None:
    played(lighthouse, db_path, [True])
    played(lighthouse, db_path, [True, True], finish=True)  # "Start over", played to the end
    assert offer(lighthouse, db_path) is None
    _, newest = played(lighthouse, db_path, [False])
    assert offer(lighthouse, db_path).session_id == newest


def test_another_player_or_another_version_of_the_pack_is_not_offered(
    lighthouse, db_path: Path
) -> None:
    played(lighthouse, db_path, [True])
    assert offer(lighthouse, db_path, player="Bob") is None
    edited = lighthouse.replace(content_hash="0" * 64)
    assert offer(edited, db_path) is None
    assert offer(lighthouse, db_path, player=" Ann ") is not None  # names match as stored


def test_hot_seat_sessions_are_not_offered_to_a_player_alone(lighthouse, db_path: Path) -> None:
    keeper = saver(db_path)
    game = HotSeatGame(lighthouse, OPTIONS, ["Ann", "Bob"])
    keeper.start_game(game)
    game.show_turn()
    keeper.record(game.sessions[0], game.answer(True))
    keeper.close(10)
    assert offer(lighthouse, db_path) is None


def test_answers_after_a_gap_are_left_out(lighthouse, db_path: Path) -> None:
    original, session_id = played(lighthouse, db_path, [True, True])
    third = original.questions[3]
    with ResultsStore.open(db_path) as store:  # question 4 saved but not question 3
        store.record_answer(
            AnswerRecord(session_id, third.id, 4, right_answer(third), True, 1.0, 20, 20, 1.0)
        )
    found = offer(lighthouse, db_path)
    assert found.answered == 2 and found.session.current.number == 3


def test_stored_options_this_version_cannot_rebuild_are_not_offered(
    lighthouse, db_path: Path
) -> None:
    _, session_id = played(lighthouse, db_path, [True])
    with ResultsStore.open(db_path) as store:
        store.connection.execute(
            "UPDATE sessions SET options = ? WHERE id = ?", ('{"seed": 1, "future": 2}', session_id)
        )
    assert offer(lighthouse, db_path) is None


def test_a_damaged_database_is_reported_not_hidden(lighthouse, db_path: Path) -> None:
    db_path.write_bytes(b"not a database" * 500)
    with pytest.raises(StoreCorrupt):
        offer(lighthouse, db_path)


def test_a_damaged_clock_is_a_damaged_database_not_a_crash(lighthouse, db_path: Path) -> None:
    import sqlite3

    played(lighthouse, db_path, [True, False])
    conn = sqlite3.connect(db_path)  # another program writes over what quizgame stored
    damage = "INSERT INTO question_clocks SELECT id, 'q3', 3, 'not a time', NULL FROM sessions"
    assert conn.execute(damage).rowcount == 1
    conn.commit()
    conn.close()
    with pytest.raises(StoreCorrupt, match="results database is damaged"):
        offer(lighthouse, db_path)


def test_find_resumable_works_on_an_open_store(lighthouse, db_path: Path) -> None:
    played(lighthouse, db_path, [False, False])
    with ResultsStore.open(db_path, readonly=True) as store:
        found = find_resumable(store, "Ann", lighthouse)
    assert found.answered == 2 and found.session.score == 0


# -- conditions ----------------------------------------------------------------------------


def wanting(pack, db_path: Path, wanted: SessionOptions, *, seed_fixed: bool):
    return lookup_resumable(db_path, "Ann", pack, wanted=wanted, seed_fixed=seed_fixed)


def test_an_exam_is_resumed_only_under_the_same_conditions(lighthouse, db_path: Path) -> None:
    _, session_id = played(lighthouse, db_path, [True])  # OPTIONS: exam, seed 11, 5 questions
    assert wanting(lighthouse, db_path, OPTIONS, seed_fixed=True).session_id == session_id
    other_seed = OPTIONS.replace(seed=99)
    assert wanting(lighthouse, db_path, other_seed, seed_fixed=True) is None
    # No seed on the command line: a random one was drawn, and it does not count.
    assert wanting(lighthouse, db_path, other_seed, seed_fixed=False).session_id == session_id
    for changed in ({"count": 6}, {"time_limit": None}, {"sections": ("history",)}):
        assert wanting(lighthouse, db_path, OPTIONS.replace(**changed), seed_fixed=False) is None
    practice = OPTIONS.replace(mode="practice")
    assert wanting(lighthouse, db_path, practice, seed_fixed=False) is None


def test_practice_is_resumed_whatever_the_other_options(lighthouse, db_path: Path) -> None:
    practice = SessionOptions(seed=3, count=4)
    _, session_id = played(lighthouse, db_path, [True], options=practice)
    wanted = SessionOptions(seed=8, time_limit=10)
    found = wanting(lighthouse, db_path, wanted, seed_fixed=True)
    assert found.session_id == session_id and found.session.options == practice
    assert wanting(lighthouse, db_path, OPTIONS, seed_fixed=False) is None  # an exam is wanted


def test_an_exam_under_other_conditions_does_not_hide_an_older_matching_one(
    lighthouse, db_path: Path
) -> None:
    _, exam = played(lighthouse, db_path, [True])
    played(lighthouse, db_path, [True, True], options=SessionOptions(seed=1), finish=True)
    assert wanting(lighthouse, db_path, OPTIONS, seed_fixed=True).session_id == exam


def test_the_saver_looks_up_after_replaying_what_an_earlier_run_could_not_save(
    lighthouse, db_path: Path
) -> None:
    """Answers an earlier run left in an unsaved file count: the lookup waits for them."""
    blocker = lock_database(db_path)
    writer = ResultsWriter(db_path, lambda: Recorder.open(db_path, retry=fast_retry()))
    first = GameSaver(writer)
    session = QuizSession(lighthouse, OPTIONS)
    first.start(session, "Ann")
    session.show_current()
    first.record(session, session.answer(right_answer(session.current), elapsed=1.0))
    assert "unsaved" in first.close(30).message
    blocker.execute("ROLLBACK")
    blocker.close()

    later = saver(db_path)
    found = later.find_resumable("Ann", lighthouse, OPTIONS, seed_fixed=True).result(10)
    assert found is not None and found.answered == 1
    later.close(10)
