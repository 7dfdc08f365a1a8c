"""PacedGame: self-paced and exam classroom games, each student at their own pace."""

from __future__ import annotations

import pytest

from quizgame.engine import SessionOptions
from quizgame.engine.live import QuestionClosed
from quizgame.engine.paced import PacedGame
from quizgame.engine.roster import JoinRefused
from quizgame.packs.types import LoadedPack

from .conftest import FakeClock
from .test_engine_session import RIGHT


def options(mode: str = "practice") -> SessionOptions:
    return SessionOptions(
        seed=1, shuffle_questions=False, shuffle_choices=False, count=3, time_limit=30.0, mode=mode  # type: ignore[arg-type]
    )


@pytest.fixture
def game(pack: LoadedPack, clock: FakeClock) -> PacedGame:
    return PacedGame(pack, options(), clock=clock)


def test_everyone_gets_the_same_questions_in_the_same_order(game: PacedGame) -> None:
    ann, _ = game.join("Ann")
    bob, _ = game.join("Bob")
    game.start()

    assert game.ask(ann) == game.ask(bob) == game.questions[0]
    assert ann.session.options == bob.session.options == game.options


def test_nothing_is_asked_before_the_host_starts(game: PacedGame) -> None:
    ann, _ = game.join("Ann")
    with pytest.raises(QuestionClosed):
        game.ask(ann)


def test_each_student_goes_at_their_own_pace_timed_by_the_host(game: PacedGame, clock: FakeClock) -> None:
    ann, _ = game.join("Ann")
    bob, _ = game.join("Bob")
    game.start()
    game.ask(ann)
    clock.advance(4)
    result = game.answer(ann, RIGHT["q1"])
    game.ask(ann)

    assert result.elapsed == 4.0 and result.correct
    assert ann.session.position == 1 and bob.session.position == 0
    with pytest.raises(QuestionClosed):
        game.answer(bob, RIGHT["q1"])  # Bob has not been shown a question yet


def test_asking_again_does_not_restart_the_clock(game: PacedGame, clock: FakeClock) -> None:
    ann, _ = game.join("Ann")
    game.start()
    game.ask(ann)
    clock.advance(10)
    game.leave(ann)
    game.join("Ann", token=ann.token)
    game.ask(ann)  # back after a dropped connection: the same question, the same clock

    assert game.remaining(ann) == 20.0


def test_tick_times_out_students_past_their_limit(game: PacedGame, clock: FakeClock) -> None:
    ann, _ = game.join("Ann")
    bob, _ = game.join("Bob")
    game.start()
    game.ask(ann)
    clock.advance(10)
    game.ask(bob)
    clock.advance(20)

    with pytest.raises(QuestionClosed):
        game.answer(ann, RIGHT["q1"])
    timed_out = game.tick()

    assert [(p.name, r.timed_out) for p, r in timed_out] == [("Ann", True)]
    assert game.tick() == []
    assert game.answer(bob, RIGHT["q1"]).correct


def test_the_dashboard_shows_progress_and_accuracy(game: PacedGame) -> None:
    ann, _ = game.join("Ann")
    bob, _ = game.join("Bob")
    game.start()
    game.ask(ann)
    game.answer(ann, RIGHT["q1"])
    game.ask(bob)
    game.answer(bob, "Berlin")
    game.ask(ann)
    game.answer(ann, RIGHT["q2"])

    rows = {row.player: row for row in game.progress()}
    assert (rows["Ann"].answered, rows["Ann"].total) == (2, 3)
    assert rows["Ann"].score == ann.session.score > 0
    accuracy = [(a.question.id, a.answers, a.right) for a in game.accuracy()]
    assert accuracy == [("q1", 2, 1), ("q2", 1, 1), ("q3", 0, 0)]


def test_an_exam_hides_scores_until_the_end(pack: LoadedPack, clock: FakeClock) -> None:
    game = PacedGame(pack, options("exam"), clock=clock)
    ann, _ = game.join("Ann")
    game.start()
    game.ask(ann)
    game.answer(ann, RIGHT["q1"])

    assert game.exam
    assert game.progress()[0].score is None and game.progress()[0].max_score is None
    game.finish()
    assert game.progress()[0].score == ann.session.score


def test_ending_keeps_every_answer_of_unfinished_students(game: PacedGame) -> None:
    ann, _ = game.join("Ann")
    game.start()
    game.ask(ann)
    game.answer(ann, RIGHT["q1"])
    game.ask(ann)

    game.finish()

    assert ann.session.answered == 1 and not ann.session.finished
    with pytest.raises(QuestionClosed):
        game.answer(ann, RIGHT["q2"])
    with pytest.raises(JoinRefused):
        game.join("Zoe")


def test_everyone_done_and_a_late_joiner_starting_at_the_first_question(game: PacedGame) -> None:
    ann, _ = game.join("Ann")
    game.start()
    for key in ("q1", "q2", "q3"):
        game.ask(ann)
        game.answer(ann, RIGHT[key])
    assert game.ask(ann) is None and game.everyone_done

    zoe, _ = game.join("Zoe")
    assert not game.everyone_done and game.ask(zoe) == game.questions[0]
    assert [p.player for p in game.standings()] == ["Ann", "Zoe"]


def test_a_removed_student_can_no_longer_answer(game: PacedGame) -> None:
    ann, _ = game.join("Ann")
    game.start()
    game.ask(ann)
    game.remove(ann)

    with pytest.raises(QuestionClosed):
        game.answer(ann, RIGHT["q1"])
    assert game.progress() == []
