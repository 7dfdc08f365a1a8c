"""A question's clock: hidden questions in practice and exams, resumed clocks, time-outs."""

from __future__ import annotations

import pytest

from quizgame.engine import InvalidResponseError, QuizSession, SessionOptions, SessionStateError
from quizgame.packs.types import LoadedPack

from .conftest import FakeClock


def timed(mode: str = "practice", limit: float = 30.0) -> SessionOptions:
    return SessionOptions(
        seed=1, shuffle_questions=False, shuffle_choices=False, time_limit=limit, mode=mode  # type: ignore[arg-type]
    )


def at_short_question(session: QuizSession) -> None:
    """Answer up to q4, the first short-answer question of the standard pack."""
    for response in ("Berlin", frozenset({"A"}), True):
        session.answer(response, 1.0)
    assert session.current is not None and session.current.question.type == "short"


def test_practice_clock_stands_still_while_the_question_is_hidden(
    pack: LoadedPack, clock: FakeClock
) -> None:
    session = QuizSession(pack, timed(), clock=clock)
    session.show_current()
    clock.advance(5)
    assert session.hide() is True and session.clock_stopped
    clock.advance(100)
    assert session.remaining_time() == 25.0
    assert session.hide() is False  # already hidden: one pause, not two
    assert session.unhide() is True and not session.clock_stopped
    clock.advance(3)
    assert session.remaining_time() == 22.0
    assert session.answer("Hamburg").elapsed == 8.0


def test_exam_clock_runs_on_while_the_question_is_hidden(pack: LoadedPack, clock: FakeClock) -> None:
    session = QuizSession(pack, timed("exam"), clock=clock)
    session.show_current()
    clock.advance(5)
    assert session.hide() is False and not session.clock_stopped
    clock.advance(20)
    assert session.unhide() is False
    assert session.remaining_time() == 5.0


def test_a_question_not_yet_shown_has_no_clock_to_stop(pack: LoadedPack, clock: FakeClock) -> None:
    session = QuizSession(pack, timed(), clock=clock)
    assert session.hide() is False and session.used_time is None
    assert session.remaining_time() == 30.0


def test_the_next_question_starts_with_its_clock_running(pack: LoadedPack, clock: FakeClock) -> None:
    session = QuizSession(pack, timed(), clock=clock)
    session.show_current()
    session.hide()
    session.answer("Hamburg", 2.0)  # e.g. a key that was on its way
    session.show_current()
    clock.advance(4)
    assert not session.clock_stopped and session.remaining_time() == 26.0


def test_a_resumed_clock_carries_on_from_the_time_used(pack: LoadedPack, clock: FakeClock) -> None:
    session = QuizSession(pack, timed("exam"), clock=clock)
    session.resume_clock(20.5)
    session.show_current()  # showing it does not start it again
    assert session.remaining_time() == pytest.approx(9.5)
    clock.advance(2)
    assert session.answer("Hamburg").elapsed == pytest.approx(22.5)


def test_a_resumed_clock_past_its_limit_has_no_time_left(pack: LoadedPack, clock: FakeClock) -> None:
    session = QuizSession(pack, timed("exam"), clock=clock)
    session.resume_clock(500.0)
    assert session.remaining_time() == 0.0
    assert session.answer("Hamburg").timed_out  # too late, whatever the key


def test_a_resumed_clock_needs_a_sensible_time(pack: LoadedPack, clock: FakeClock) -> None:
    session = QuizSession(pack, timed(), clock=clock)
    with pytest.raises(InvalidResponseError):
        session.resume_clock(-1.0)


def test_in_an_exam_text_typed_when_time_runs_out_is_the_answer(
    pack: LoadedPack, clock: FakeClock
) -> None:
    session = QuizSession(pack, timed("exam"), clock=clock)
    at_short_question(session)
    session.show_current()
    clock.advance(31)
    result = session.time_out(typed="Hamburg")
    assert (result.timed_out, result.correct, result.response, result.elapsed) == (
        False, True, "Hamburg", 30.0,
    )


def test_in_practice_text_typed_when_time_runs_out_is_not_taken(
    pack: LoadedPack, clock: FakeClock
) -> None:
    session = QuizSession(pack, timed(), clock=clock)
    at_short_question(session)
    session.show_current()
    clock.advance(31)
    result = session.time_out(typed="Hamburg")
    assert (result.timed_out, result.correct, result.response) == (True, False, None)


@pytest.mark.parametrize("typed", ["", "   ", None])
def test_an_empty_field_at_the_deadline_is_a_time_out(
    pack: LoadedPack, clock: FakeClock, typed: str | None
) -> None:
    session = QuizSession(pack, timed("exam"), clock=clock)
    at_short_question(session)
    assert session.time_out(typed=typed).timed_out


def test_text_typed_at_the_deadline_is_only_for_short_answers(
    pack: LoadedPack, clock: FakeClock
) -> None:
    session = QuizSession(pack, timed("exam"), clock=clock)
    assert session.current is not None and session.current.question.type == "single"
    assert session.time_out(typed="Hamburg").timed_out


def test_resuming_a_clock_after_the_end_is_refused(pack: LoadedPack, clock: FakeClock) -> None:
    session = QuizSession(pack, timed().replace(count=1), clock=clock)
    session.answer("Hamburg", 1.0)
    with pytest.raises(SessionStateError):
        session.resume_clock(1.0)
