"""Playing whole quizzes with the keyboard, from the first question to the results."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from quizgame.engine import SessionOptions
from quizgame.tui import messages
from quizgame.tui.app import create_app
from quizgame.tui.screens.results import ResultsScreen
from quizgame.tui.wording import duration, number

from .helpers import asking, telling, Messages, answer_keys, keys_to_type, shows, until


async def _play(app, pilot, plan) -> None:
    """Answer every question; `plan(prepared)` says whether to answer it right."""
    while asking(app):
        prepared = app.screen.question
        await pilot.press(*answer_keys(prepared, plan(prepared)))
        await until(pilot, lambda: telling(app), what=f"no feedback after {prepared.id}")
        await pilot.press("enter")
        await pilot.pause()


@pytest.mark.parametrize("right", [True, False], ids=["all-right", "all-wrong"])
async def test_play_fixture_pack_to_the_results(make_config, harbour, right: bool) -> None:
    options = SessionOptions(seed=3)
    app = create_app(make_config(start_pack=harbour, options=options))
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await pilot.pause()
        kinds = []
        while asking(app):
            prepared = app.screen.question
            kinds.append(prepared.question.type)
            await shows(pilot, f"Question {prepared.number} of 4")
            await pilot.press(*answer_keys(prepared, right))
            await shows(pilot, "✔ Right" if right else "✘ Wrong", prepared.question.explanation)
            await pilot.press("enter")
            await until(pilot, lambda: asking(app) or isinstance(app.screen, ResultsScreen))
        assert sorted(kinds) == ["multiple", "short", "single", "true_false"]
        assert isinstance(app.screen, ResultsScreen)
        session = app.screen.session
        summary = session.summary()
        assert summary.right == (4 if right else 0)
        text = await shows(pilot, f"Score {number(summary.score)} of {number(summary.max_score)}")
        assert f"✔ {summary.right} right" in text and f"✘ {summary.wrong - summary.partial} wrong" in text

    answered = seen.of(messages.AnswerSubmitted)
    assert [m.result.correct for m in answered] == [right] * 4
    assert [m.question.question.type for m in answered] == kinds
    assert len(seen.of(messages.QuizFinished)) == 1
    assert len(seen.of(messages.QuestionShown)) == 4


async def test_article_pack_right_and_wrong_matches_engine_summary(
    make_config, article_pack_path, clock
) -> None:
    from .helpers import load

    pack = load(article_pack_path)
    # Two questions of each type keep the run short; each type is answered right once and
    # wrong once. (Every article question is answered in the engine's and pack's own tests.)
    picked: list[str] = []
    for kind in ("single", "multiple", "true_false", "short"):
        picked += [q.id for q in pack.pack.questions if q.type == kind][:2]
    options = SessionOptions(seed=11, question_ids=tuple(picked))
    app = create_app(make_config(start_pack=pack, options=options))
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await pilot.pause()
        types_right: set[str] = set()
        types_wrong: set[str] = set()
        while asking(app):
            prepared = app.screen.question
            kind = prepared.question.type
            # Each type answered both right and wrong: alternate per type.
            right = kind not in types_right
            (types_right if right else types_wrong).add(kind)
            clock.advance(4)
            await pilot.press(*answer_keys(prepared, right))
            await until(pilot, lambda: telling(app))
            verdict = app.screen.result
            assert verdict.correct is right, prepared.id
            await pilot.press("enter")
            await until(pilot, lambda: asking(app) or isinstance(app.screen, ResultsScreen))
        assert types_right == types_wrong == {"single", "multiple", "true_false", "short"}
        assert isinstance(app.screen, ResultsScreen)
        summary = app.screen.session.summary()
        text = await shows(pilot, f"Score {number(summary.score)} of {number(summary.max_score)}")
        assert f"Score {number(summary.score)} of {number(summary.max_score)}" in text
        assert f"({round(summary.percent)}%)" in text
        assert f"✔ {summary.right} right" in text
        assert f"✘ {summary.wrong - summary.partial} wrong" in text
        assert f"answering time {duration(summary.total_time)}" in text
        assert summary.total_time == pytest.approx(4 * summary.answered)
        for section in summary.sections:
            assert f"{number(section.credit)}/{section.total}" in text
    answered = seen.of(messages.AnswerSubmitted)
    assert len(answered) == summary.answered == len(picked) == 8
    assert sum(m.result.points for m in answered) == pytest.approx(summary.score)


async def test_partly_right_and_typo_feedback(make_config, harbour) -> None:
    options = SessionOptions(seed=3, shuffle_questions=False, shuffle_choices=False)
    app = create_app(make_config(start_pack=harbour, options=options))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # city (short): a typo of Hamburg is forgiven and says what it was taken for.
        await pilot.press(*keys_to_type("Hamburgg"), "enter")
        await shows(pilot, "✔ Right", "accepted, with one typo: Hamburg")
        await pilot.press("enter", "2")  # length: the right choice
        await pilot.pause()
        await pilot.press("enter", "t")  # robust: true
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        # agreed (multiple): one of the two right choices only.
        assert app.screen.question.id == "agreed"
        await pilot.press("1", "enter")
        await pilot.pause()
        text = await shows(
            pilot, "◐ Partly right", "○ right, not ticked: A start on Sunday", "Right answer: A ceasefire"
        )
        assert "ticked, not right" not in text  # nothing wrong was ticked


async def test_exam_mode_skips_feedback_until_the_end(make_config, harbour) -> None:
    options = SessionOptions(seed=3, mode="exam")
    app = create_app(make_config(start_pack=harbour, options=options))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(4):
            assert asking(app)
            await pilot.press(*answer_keys(app.screen.question, True))
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)


async def test_empty_answers_are_not_sent(make_config, harbour) -> None:
    options = SessionOptions(seed=3, shuffle_questions=False, shuffle_choices=False)
    app = create_app(make_config(start_pack=harbour, options=options))
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("space", "enter")  # short: only a space typed
        await until(pilot, lambda: asking(app))
        assert app.screen.query_one(Input).value == " "
        assert not seen.of(messages.AnswerSubmitted)


async def test_time_limit_counts_down_and_times_out(make_config, harbour, clock) -> None:
    options = SessionOptions(seed=3, shuffle_questions=False, time_limit=10)
    app = create_app(make_config(start_pack=harbour, options=options, tick=0.01))
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await pilot.pause()
        await shows(pilot, "⌛ 0:10 left")
        clock.advance(3.5)
        await shows(pilot, "⌛ 0:07 left")
        clock.advance(7)
        await until(pilot, lambda: telling(app))
        await shows(pilot, "⌛ Time's up")
        (answer,) = seen.of(messages.AnswerSubmitted)
        assert answer.result.timed_out and answer.result.points == 0


async def test_retry_missed_plays_only_the_missed_questions(make_config, harbour) -> None:
    options = SessionOptions(seed=3)
    app = create_app(make_config(start_pack=harbour, options=options))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _play(app, pilot, lambda q: q.question.type in ("single", "short"))
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("r")
        await until(pilot, lambda: asking(app))
        retry = app.screen.session
        assert {q.question.type for q in retry.questions} == {"multiple", "true_false"}
        await _play(app, pilot, lambda q: True)
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.session.summary().right == 2
        # Nothing left to retry: the key does nothing.
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)


async def test_the_mouse_can_answer_every_kind(make_config, harbour) -> None:
    options = SessionOptions(seed=3, shuffle_questions=False, shuffle_choices=False)
    app = create_app(make_config(start_pack=harbour, options=options))
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await pilot.pause()
        # city (short): click the field, type, click Submit.
        await pilot.click("#answer")
        await pilot.press(*keys_to_type("Hamburg"))
        await pilot.click("#submit")
        await until(pilot, lambda: telling(app))
        await pilot.click("#next")
        await until(pilot, lambda: asking(app))
        # length (single): the second line of the list is "More than two hours".
        await pilot.click("#choices", offset=(5, 1))
        await until(pilot, lambda: telling(app))
        await pilot.click("#next")
        await until(pilot, lambda: asking(app))
        # robust (true/false): the first line is True.
        await pilot.click("#choices", offset=(5, 0))
        await until(pilot, lambda: telling(app))
        await pilot.click("#next")
        await until(pilot, lambda: asking(app))
        # agreed (multiple): tick the first and third, see [x], then Submit.
        await pilot.click("#choices", offset=(5, 0))
        await pilot.click("#choices", offset=(5, 2))
        await pilot.pause()
        await shows(pilot, "[x] 1  A ceasefire", "[ ] 2  New sanctions", "[x] 3  A start on Sunday")
        await pilot.click("#submit")
        await until(pilot, lambda: telling(app))
        await pilot.click("#next")
        await until(pilot, lambda: isinstance(app.screen, ResultsScreen))
    assert [m.result.correct for m in seen.of(messages.AnswerSubmitted)] == [True] * 4


async def test_a_quiz_left_for_the_home_screen_stops(make_config, harbour, clock) -> None:
    """`play`'s first question is the app's first screen, which Textual keeps at the bottom
    of its stack: once the player has left it for the home screen, its clock must not run
    out and answer for them, and the screens that follow still come and go."""
    from quizgame.tui.screens.home import HomeScreen

    options = SessionOptions(seed=3, shuffle_questions=False, time_limit=10)
    app = create_app(make_config(start_pack=harbour, options=options, tick=0.01))
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await pilot.pause()
        first = app.screen
        await app.run_action("home")
        await pilot.press("y")  # leave the quiz under way
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        clock.advance(30)
        await pilot.pause(0.1)
        assert first.showing == "retired"
        assert not seen.of(messages.AnswerSubmitted)
        # The home screen gives way to a quiz, which gives way to the home screen again.
        await app.start_quiz(harbour, SessionOptions(seed=3), "Ada")
        await pilot.pause()
        assert asking(app) and app.screen is not first
        await app.run_action("home")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 2  # the retired first screen, and this one
