"""A question's clock in the game: stored when the question first shows, so leaving and
coming back gives only the time left; stopped in practice while the question is hidden, never
in an exam; and a time-up that says so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from quizgame.engine import SessionOptions
from quizgame.store import ResultsStore
from quizgame.tui.screens.confirm import ConfirmScreen
from quizgame.tui.screens.help import HelpScreen
from quizgame.tui.screens.quiz import QuizScreen
from quizgame.tui.screens.resume import ResumeScreen

from .helpers import keys_for, settle, shows

EXAM = SessionOptions(seed=5, mode="exam", shuffle_questions=False, shuffle_choices=False, time_limit=30)
PRACTICE = EXAM.replace(mode="practice")


def asking(app, number: int):
    return lambda: (
        isinstance(app.screen, QuizScreen)
        and app.screen.showing == "question"
        and app.screen.question.number == number
    )


def clocks(db_path: Path):
    with ResultsStore.open(db_path, readonly=True) as store:
        (info,) = store.sessions()
        return store.question_clocks(info.session_id)


def seconds_between(earlier: str, later: str) -> float:
    return (dt.datetime.fromisoformat(later) - dt.datetime.fromisoformat(earlier)).total_seconds()


async def quit_the_game(app, pilot) -> None:
    await pilot.press("ctrl+q")
    await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
    await pilot.press("y")
    await settle(pilot, lambda: app.return_code is not None)


async def test_an_exam_left_and_carried_on_gives_only_the_time_left(
    make_app, lighthouse, clock, db_path: Path
) -> None:
    app = make_app(start_pack=lighthouse, options=EXAM, seed_fixed=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, asking(app, 1))
        await pilot.press(*keys_for(app.screen.question, True))
        await settle(pilot, asking(app, 2))
        clock.advance(20)
        await shows(pilot, "0:10 left")
        await quit_the_game(app, pilot)
    assert app.config.recorder.flush(10)
    (_, second) = clocks(db_path)
    assert seconds_between(second.shown_at, second.deadline_at) == 30.0

    clock.advance(4)  # away, looking the answer up
    again = make_app(start_pack=lighthouse, options=EXAM, seed_fixed=True)
    async with again.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, lambda: isinstance(again.screen, ResumeScreen))
        await pilot.press("r")
        await settle(pilot, asking(again, 2))
        await shows(pilot, "0:06 left")
        clock.advance(2)
        await shows(pilot, "0:04 left")
    assert again.config.recorder.flush(10)
    assert clocks(db_path)[1] == second  # the first deadline stands


async def test_an_exam_question_whose_time_ran_out_meanwhile_is_a_time_up(
    make_app, lighthouse, clock, db_path: Path
) -> None:
    app = make_app(start_pack=lighthouse, options=EXAM, seed_fixed=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, asking(app, 1))
        await pilot.press(*keys_for(app.screen.question, True))
        await settle(pilot, asking(app, 2))
        await quit_the_game(app, pilot)
    assert app.config.recorder.flush(10)

    clock.advance(600)
    again = make_app(start_pack=lighthouse, options=EXAM, seed_fixed=True)
    async with again.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, lambda: isinstance(again.screen, ResumeScreen))
        await shows(pilot, "The time for question 2 ran out while you were away.", wrapped=True)
        await pilot.press("r")
        await settle(pilot, asking(again, 3))
        await shows(pilot, "Time's up on question 2")
        result = again.session.results[1]
        assert result.timed_out and result.points == 0


async def test_an_exam_left_at_its_first_question_keeps_its_clock(
    make_app, lighthouse, clock, db_path: Path
) -> None:
    app = make_app(start_pack=lighthouse, options=EXAM, seed_fixed=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, asking(app, 1))
        clock.advance(25)
        await quit_the_game(app, pilot)
    assert app.config.recorder.flush(10)

    again = make_app(start_pack=lighthouse, options=EXAM, seed_fixed=True)
    async with again.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, lambda: isinstance(again.screen, ResumeScreen))
        await pilot.press("r")
        await settle(pilot, asking(again, 1))
        await shows(pilot, "0:05 left")


async def test_practice_clock_stops_under_help_and_the_quit_dialog(
    make_app, lighthouse, clock, db_path: Path
) -> None:
    app = make_app(start_pack=lighthouse, options=PRACTICE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, asking(app, 1))
        await pilot.press(*keys_for(app.screen.question, True))
        await settle(pilot, lambda: app.screen.showing == "feedback")
        await pilot.press("enter")
        await settle(pilot, asking(app, 2))
        clock.advance(5)
        await shows(pilot, "0:25 left")
        await pilot.press("question_mark")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
        clock.advance(60)
        await pilot.press("escape")
        await settle(pilot, asking(app, 2))
        await shows(pilot, "0:25 left")
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        clock.advance(60)
        await pilot.press("n")
        await settle(pilot, asking(app, 2))
        clock.advance(3)
        await shows(pilot, "0:22 left")
        # The stored deadline moved with each pause, so a restart keeps the time paused.
        assert app.config.recorder.flush(10)
        (second,) = clocks(db_path)  # the first was before any answer: nothing stored then
        assert seconds_between(second.shown_at, second.deadline_at) == 150.0


async def test_exam_clock_runs_on_under_help_and_the_quit_dialog(
    make_app, lighthouse, clock, db_path: Path
) -> None:
    app = make_app(start_pack=lighthouse, options=EXAM)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, asking(app, 1))
        await pilot.press("question_mark")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
        clock.advance(10)
        await pilot.press("escape")
        await settle(pilot, asking(app, 1))
        await shows(pilot, "0:20 left")
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        clock.advance(10)
        await pilot.press("n")
        await settle(pilot, asking(app, 1))
        await shows(pilot, "0:10 left")


async def test_practice_clock_stops_while_the_terminal_is_too_small(
    make_app, lighthouse, clock
) -> None:
    app = make_app(start_pack=lighthouse, options=PRACTICE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, asking(app, 1))
        clock.advance(5)
        await pilot.resize_terminal(50, 15)
        await shows(pilot, "The terminal is too small", "the clock is paused", wrapped=True)
        clock.advance(40)
        await pilot.resize_terminal(80, 24)
        await shows(pilot, "0:25 left", absent=["too small"])
        clock.advance(1)
        await shows(pilot, "0:24 left")


async def test_a_question_resized_under_help_comes_back_at_its_size_and_time(
    make_app, lighthouse, clock
) -> None:
    # Resized while help covers it, the question's screen gets no resize of its own (and
    # help takes no keys while the terminal is too small): it looks at the size itself when
    # it shows again.
    app = make_app(start_pack=lighthouse, options=PRACTICE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, asking(app, 1))
        clock.advance(5)
        await pilot.press("question_mark")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.resize_terminal(50, 15)
        await shows(pilot, "The terminal is too small", wrapped=True)
        await pilot.press("escape")  # not taken while too small
        assert isinstance(app.screen, HelpScreen)
        clock.advance(40)
        await pilot.resize_terminal(100, 30)
        await pilot.press("escape")
        await settle(pilot, asking(app, 1))
        await shows(pilot, "0:25 left", absent=["too small"])
        clock.advance(1)
        await shows(pilot, "0:24 left")


async def test_exam_clock_runs_on_and_shows_while_the_terminal_is_too_small(
    make_app, lighthouse, clock
) -> None:
    app = make_app(start_pack=lighthouse, options=EXAM)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, asking(app, 1))
        await pilot.resize_terminal(50, 15)
        clock.advance(5)
        await shows(pilot, "The terminal is too small", "Question 1 of 6: ⌛ 0:25 left", wrapped=True)
        await shows(pilot, "In an exam the clock runs on", wrapped=True)
        clock.advance(25)
        # Time's up while hidden: on to the next question, its clock shown in turn.
        await shows(
            pilot, "Time's up on question 1: no answer given.", "Question 2 of 6: ⌛ 0:30 left",
            wrapped=True,
        )
        assert app.session.results[0].timed_out
        await pilot.resize_terminal(80, 24)
        await settle(pilot, asking(app, 2))


async def test_a_time_up_in_an_exam_says_so(make_app, lighthouse, clock) -> None:
    app = make_app(start_pack=lighthouse, options=EXAM)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, asking(app, 1))
        clock.advance(30)
        await settle(pilot, asking(app, 2))
        await shows(pilot, "Time's up on question 1")
