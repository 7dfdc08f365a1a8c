"""What the quiz screen draws around the question, some of it only once it is needed: the
status line, the line under the question, the footer, the hint, the "too small" message."""

from __future__ import annotations

from quizgame.engine import SessionOptions
from quizgame.tui.app import create_app
from quizgame.tui.widgets.footer import KeysFooter
from quizgame.tui.widgets.status import StatusLine
from quizgame.tui.widgets.too_small import TooSmall

from .helpers import answer_keys, screen_lines, shows, until, until_screen

LONG_TITLE = "The Harbour Summit, with a title far longer than any status line has room for"


def _app(make_config, pack, **changes):
    options = SessionOptions(seed=3, shuffle_questions=False, shuffle_choices=False, **changes)
    return create_app(make_config(start_pack=pack, options=options))


async def test_the_status_line_keeps_progress_and_countdown_whole(make_config, harbour) -> None:
    pack = harbour.replace(pack=harbour.pack.replace(title=LONG_TITLE))
    app = _app(make_config, pack, time_limit=30)
    async with app.run_test(size=(60, 18)) as pilot:
        (top, *_) = await until_screen(pilot, lambda lines: "0:30 left" in lines[0], what="the countdown")
        assert len(top) <= 60
        assert "Question 1 of 4  ·  Score 0" in top
        assert top.rstrip().endswith("0:30 left ██████████")
        # The title gives way, down to what room is left.
        assert top.lstrip().startswith("The…")


async def test_the_countdown_leaves_the_status_line_with_the_answer(make_config, harbour, clock) -> None:
    app = _app(make_config, harbour, time_limit=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        status = app.screen.query_one(StatusLine)
        assert status.countdown is not None
        await pilot.press(*answer_keys(app.screen.question, right=True))
        await until(pilot, lambda: status.countdown is None)
        await until_screen(pilot, lambda lines: "left" not in lines[0], what="no countdown")


async def test_the_footer_comes_once_the_question_is_drawn(make_config, harbour) -> None:
    app = _app(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        # The footer comes a frame after the question: waited for, as drawn.
        await until_screen(
            pilot, lambda lines: "Quit" in lines[-1] and "Keys" in lines[-1], what="the footer's keys"
        )
        slot = app.screen.query_one("#footer-slot")
        (footer,) = slot.query(KeysFooter)
        # The question's lines are where they were before the footer came.
        assert footer.region.y == 23


async def test_the_hint_is_mounted_once_when_asked_for(make_config, harbour) -> None:
    app = _app(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query("#hint")
        await pilot.press("f2")  # the first question is typed in: h would be a letter
        await pilot.pause()
        await pilot.press("f2")
        await shows(pilot, "Hint: A port on the Elbe.")
        assert len(app.screen.query("#hint")) == 1


async def test_too_small_and_unsaved_lines_are_not_there_until_needed(make_config, harbour) -> None:
    app = _app(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query(TooSmall)
        assert not app.screen.query("SaveStatus")
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert len(app.screen.query(TooSmall)) == 1
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert len(app.screen.query(TooSmall)) == 1  # mounted once, shown again


async def test_before_the_footer_comes_its_line_is_blank(make_config, harbour, monkeypatch) -> None:
    """The first paint, as a player sees it for a frame: the footer's line is kept, empty."""
    from quizgame.tui.screens.quiz import QuizScreen

    monkeypatch.setattr(QuizScreen, "_add_footer", lambda self: None)
    app = _app(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert not app.screen.query(KeysFooter)
        assert "footer" not in text.lower()  # a bare Widget would show its own name here
        # The footer's line is kept at the bottom; the line above is where it stays later.
        assert app.screen.query_one("#footer-slot").region.y == 23
        assert app.screen.query_one("#how").region.y == 22


async def test_the_verdict_shows_under_the_question_before_the_full_feedback(
    make_config, harbour, monkeypatch
) -> None:
    from quizgame.tui.screens import quiz

    monkeypatch.setattr(quiz, "_FEEDBACK_AFTER", 60.0)  # the full feedback, held back
    app = _app(make_config, harbour, sections=("talks",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1")  # "length": wrong
        lines = await until_screen(pilot, lambda lines: "✘ Wrong   +0 of 20 points" in lines, what="the verdict")
        assert app.screen.showing == "answered"
        assert "How long did the two leaders talk?" in lines  # the question is still there
        assert not app.screen.query("#feedback").first().display


async def test_the_line_under_the_question_shows_keys_then_verdict_then_goes(make_config, harbour) -> None:
    app = _app(make_config, harbour, sections=("talks",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        how = app.screen.query_one("#how")
        assert how.display and how.region.y == 22  # just above the footer
        await until_screen(pilot, lambda lines: "Press 1–3 or click a choice." in lines, what="the keys")
        await pilot.press("2")
        await until(pilot, lambda: app.screen.showing == "feedback")
        # The full feedback has its own verdict at the top; the line under the question goes.
        assert not how.display
        await until_screen(pilot, lambda lines: sum("✔ Right" in line for line in lines) == 1, what="one verdict")
        await pilot.press("enter")
        await until_screen(
            pilot, lambda lines: "Press t for true, f for false. · h: hint" in lines, what="the keys"
        )
        assert how.display
        # Too low a terminal for it: it stays hidden, question after question.
        await pilot.resize_terminal(80, 18)
        await pilot.pause()
        assert not how.display
        await pilot.press("t", "enter")
        await pilot.pause()
        assert app.screen.kind == "multiple" and not how.display
