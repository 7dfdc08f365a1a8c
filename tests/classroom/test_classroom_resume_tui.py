"""Resuming in the game: offered on start (through `play` and through the home screen),
continuing at the next question with the score so far, or starting over."""

from __future__ import annotations

import time
from pathlib import Path

from quizgame.engine import QuizSession, SessionOptions
from quizgame.store import ResultsStore
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.quiz import QuizScreen
from quizgame.tui.screens.resume import ResumeScreen

from .helpers import keys_for, right_answer, settle, shows, wrong_answer

PRACTICE = SessionOptions(seed=5, shuffle_questions=False, shuffle_choices=False)
EXAM = SessionOptions(seed=5, mode="exam", shuffle_questions=False, shuffle_choices=False)


def left_unfinished(make_saver, pack, options, pattern, player="Ann") -> str:
    """A session answered as `pattern` says and then abandoned; returns its id."""
    time.sleep(0.002)  # start times are kept to the millisecond
    saver = make_saver()
    session = QuizSession(pack, options)
    session_id = saver.start(session, player)
    for ok in pattern:
        prepared = session.current
        session.show_current()
        saver.record(session, session.answer(right_answer(prepared) if ok else wrong_answer(prepared), elapsed=3.0))
    assert saver.close(10).ok
    return session_id


def sessions(db_path: Path):
    with ResultsStore.open(db_path, readonly=True) as store:
        return [(s.session_id, s.answered, s.right) for s in store.sessions()]


async def test_play_offers_the_unfinished_quiz_and_resumes_it(
    make_app, make_saver, lighthouse, db_path: Path
) -> None:
    session_id = left_unfinished(make_saver, lighthouse, PRACTICE, [True, False, True])
    # A new command line for the same practice, another random seed: the same options.
    app = make_app(start_pack=lighthouse, options=PRACTICE.replace(seed=99))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, ResumeScreen))
        text = await shows(pilot, "Resume your quiz?", "Start over (s)")
        assert "Resume your quiz?" in text and "You answered 3 of 6 questions." in text
        assert "Score so far: 40 of 60 (67%)." in text
        assert "Start over (s)" in text
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen))
        screen = app.screen
        assert screen.question.number == 4 and screen.session.options == PRACTICE
        await shows(pilot, "Question 4 of 6  ·  Score 40 of 60")
        await pilot.press(*keys_for(screen.question, True))
        await settle(pilot, lambda: screen.showing == "feedback")
        await shows(pilot, "Score 60 of 80")
        await settle(pilot, lambda: sessions(db_path)[0][1] == 4)
    assert sessions(db_path) == [(session_id, 4, 3)]


async def test_start_over_begins_a_new_session(make_app, make_saver, lighthouse, db_path) -> None:
    old = left_unfinished(make_saver, lighthouse, PRACTICE, [True])
    app = make_app(start_pack=lighthouse, options=PRACTICE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, ResumeScreen))
        await pilot.press("s")
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen))
        screen = app.screen
        assert screen.question.number == 1 and screen.session.answered == 0
        await pilot.press(*keys_for(screen.question, False))
        await settle(pilot, lambda: len(sessions(db_path)) == 2 and sessions(db_path)[0][1] == 1)
    assert sessions(db_path)[1] == (old, 1, 1)
    assert sessions(db_path)[0][1:] == (1, 0)


async def test_an_exam_can_only_be_carried_on(make_app, make_saver, lighthouse, db_path) -> None:
    left_unfinished(make_saver, lighthouse, EXAM, [True, True])
    app = make_app(start_pack=lighthouse, options=EXAM, seed_fixed=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, ResumeScreen))
        text = await shows(pilot, "Carry on with your exam?", "Carry on (r)")
        assert "Carry on with your exam?" in text and "You answered 2 of 6 questions." in text
        assert "Score" not in text and "Start over" not in text  # no score, no second try
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen))
        assert app.screen.question.number == 3
    assert len(sessions(db_path)) == 1


async def test_escape_on_the_offer_goes_back_and_starts_nothing(
    make_app, make_saver, lighthouse, db_path
) -> None:
    for options in (EXAM, PRACTICE):
        left_unfinished(make_saver, lighthouse, options, [True, True])
        before = sessions(db_path)
        app = make_app(start_pack=lighthouse, options=options, seed_fixed=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, lambda: isinstance(app.screen, ResumeScreen))
            await shows(pilot, "Back (esc)")
            await pilot.press("escape")
            await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
            assert app.session is None
        assert sessions(db_path) == before  # nothing new, nothing answered on its behalf


async def test_options_asked_for_now_that_differ_are_said_and_chosen_between(
    make_app, make_saver, lighthouse, db_path
) -> None:
    old = left_unfinished(make_saver, lighthouse, PRACTICE, [True, False])
    timed = PRACTICE.replace(time_limit=30.0, count=4)
    app = make_app(start_pack=lighthouse, options=timed)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, ResumeScreen))
        await shows(
            pilot,
            "The options asked for now are not this quiz's:",
            "number of questions: all in this quiz, 4 now",
            "time limit: none in this quiz, 30 s now",
            "Carry on with the original options (r)",
            "Start afresh with the new ones (s)",
            absent=["same questions and options"],
        )
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen))
        assert app.screen.session.options == PRACTICE and app.screen.question.number == 3
        await shows(pilot, "Question 3 of 6", absent=["left"])

    app = make_app(start_pack=lighthouse, options=timed)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, ResumeScreen))
        await pilot.press("s")
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen))
        assert app.screen.session.options == timed and app.screen.question.number == 1
        await shows(pilot, "Question 1 of 4", "0:30 left")
        await pilot.press(*keys_for(app.screen.question, True))
        await settle(pilot, lambda: len(sessions(db_path)) == 2 and sessions(db_path)[0][1] == 1)
    assert sessions(db_path)[1] == (old, 2, 1)  # the original, left as it was


async def test_an_exam_under_other_conditions_starts_afresh(make_app, make_saver, lighthouse, db_path) -> None:
    left_unfinished(make_saver, lighthouse, EXAM, [True, True])
    other = SessionOptions(seed=6, mode="exam", shuffle_questions=False, shuffle_choices=False)
    app = make_app(start_pack=lighthouse, options=other, seed_fixed=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen))
        assert app.screen.question.number == 1


async def test_the_home_screen_offers_it_too(make_app, make_saver, lighthouse, db_path) -> None:
    left_unfinished(make_saver, lighthouse, SessionOptions(seed=1), [False, False])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.entries)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ResumeScreen))
        await shows(pilot, "Score so far: 0 of 40 (0%).")
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen))
        assert app.screen.question.number == 3


async def test_another_player_is_not_offered_it(make_app, make_saver, lighthouse) -> None:
    left_unfinished(make_saver, lighthouse, PRACTICE, [True], player="Bob")
    app = make_app(start_pack=lighthouse, options=PRACTICE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen))
        assert app.screen.question.number == 1


async def test_a_damaged_database_does_not_stop_the_game(make_app, lighthouse, db_path) -> None:
    db_path.write_bytes(b"not a database" * 600)
    app = make_app(start_pack=lighthouse, options=PRACTICE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen))
        assert app.screen.question.number == 1
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith("Could not look for an unfinished quiz: results database is damaged") for m in messages)


async def test_a_second_start_while_looking_starts_nothing_more(make_app, db_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.entries)
        await pilot.press("ctrl+s", "ctrl+s", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen))
        await pilot.press(*keys_for(app.screen.question, True))
        await settle(pilot, lambda: sessions(db_path) and sessions(db_path)[0][1] == 1)
    assert len(sessions(db_path)) == 1
