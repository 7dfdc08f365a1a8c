"""Time running out on a typed answer: an exam takes what was typed, practice does not."""

from __future__ import annotations

from quizgame.engine import SessionOptions
from quizgame.tui.app import create_app

from .helpers import keys_to_type, shows, telling, until_screen


def _app(make_config, pack, mode: str):
    options = SessionOptions(
        seed=3, shuffle_questions=False, shuffle_choices=False, time_limit=20, mode=mode  # type: ignore[arg-type]
    )
    return create_app(make_config(start_pack=pack, options=options))


async def test_in_an_exam_a_typed_answer_is_taken_when_time_runs_out(make_config, harbour, clock) -> None:
    app = _app(make_config, harbour, "exam")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await shows(pilot, "Question 1 of 4")
        assert app.screen.question.question.type == "short"
        await pilot.press(*keys_to_type("Hamburg"))  # typed, never submitted
        await shows(pilot, "Hamburg")
        clock.advance(20)
        await shows(pilot, "Question 2 of 4", "Time's up on question 1", "“Hamburg” was taken.")
    (result,) = app.session.results[:1]
    assert (result.response, result.correct, result.timed_out, result.elapsed) == (
        "Hamburg", True, False, 20.0,
    )


async def test_in_an_exam_an_empty_field_is_a_time_up(make_config, harbour, clock) -> None:
    app = _app(make_config, harbour, "exam")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await shows(pilot, "Question 1 of 4")
        clock.advance(20)
        await shows(pilot, "Question 2 of 4", "Time's up on question 1")
    assert app.session.results[0].timed_out


async def test_in_practice_time_running_out_is_a_time_up_whatever_was_typed(
    make_config, harbour, clock
) -> None:
    app = _app(make_config, harbour, "practice")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await shows(pilot, "Question 1 of 4")
        await pilot.press(*keys_to_type("Hamburg"))
        await shows(pilot, "Hamburg")
        clock.advance(20)
        await until_screen(pilot, lambda lines: telling(app), what="the feedback")
        await shows(pilot, "Time's up")
    assert app.session.results[0].timed_out and app.session.results[0].response is None
