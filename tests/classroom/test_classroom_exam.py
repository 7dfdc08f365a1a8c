"""Exam mode in the game: no verdict and no score until the end, nothing that changes the
conditions, then the full review."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Collapsible

from quizgame.engine import SessionOptions
from quizgame.store import ResultsStore
from quizgame.tui.screens.quiz import QuizScreen
from quizgame.tui.screens.results import ResultsScreen

from .helpers import keys_for, settle, shows

EXAM = SessionOptions(seed=42, mode="exam", shuffle_questions=False, shuffle_choices=False)
PRACTICE = SessionOptions(seed=42, shuffle_questions=False, shuffle_choices=False)
# Words that would give away how an answer went.
TELLING = ("Right", "Wrong", "Score", "points", "✔", "✘")


def commands(app) -> list[str]:
    return [command.title for command in app.get_system_commands(app.screen)]


async def test_an_exam_tells_nothing_until_the_end_then_reviews_everything(
    make_app, lighthouse, db_path: Path
) -> None:
    app = make_app(start_pack=lighthouse, options=EXAM, seed_fixed=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen))
        for n in range(1, 7):
            screen = app.screen
            assert isinstance(screen, QuizScreen) and screen.question.number == n
            text = await shows(pilot, f"Question {n} of 6", "Exam: answers and score at the end")
            assert f"Question {n} of 6" in text
            assert "Exam: answers and score at the end" in text
            assert not [word for word in TELLING if word in text], text
            # Nothing that changes the conditions, and no way back to other options.
            assert "New quiz" not in commands(app)
            assert "Quit" in commands(app)
            await pilot.press(*keys_for(screen.question, right=n % 2 == 1))
            await settle(pilot, lambda: app.screen is not screen or screen.question.number != n)
            if n < 6:
                assert app.screen.showing == "question"  # straight on: no feedback between

        assert isinstance(app.screen, ResultsScreen)
        results = app.screen
        text = await shows(pilot, "Score 60 of 120", "The log says so in its first lines.", "Your answer:")
        assert "Score 60 of 120" in text
        # The review is open: the first explanations and quotes are on screen at once.
        assert "The log says so in its first lines." in text and "Your answer:" in text
        reviews = list(results.query(Collapsible))
        assert len(reviews) == 6 and not [r for r in reviews if r.collapsed]
        shown = "\n".join(str(widget.content) for widget in results.query(".explanation"))
        for question in results.session.questions:
            assert question.question.explanation in shown
        assert "Retry" not in text
        assert not results.query("#retry")
        assert results.check_action("retry", ()) is False
        assert "Retry missed" not in commands(app)
        assert "New quiz" in commands(app)  # the exam is over: a new quiz is another session

    with ResultsStore.open(db_path, readonly=True) as store:
        (info,) = store.sessions()
    assert (info.mode, info.answered, info.right, info.finished) == ("exam", 6, 3, True)
    assert SessionOptions.from_dict(info.options) == EXAM


async def test_practice_still_gives_feedback_and_offers_retry(make_app, lighthouse) -> None:
    app = make_app(start_pack=lighthouse, options=PRACTICE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen))
        screen = app.screen
        await pilot.press(*keys_for(screen.question, right=False))
        await settle(pilot, lambda: screen.showing == "feedback")
        text = await shows(pilot, "✘ Wrong", "Score 0 of 20")
        assert "✘ Wrong" in text and "Score 0 of 20" in text
        assert "New quiz" in commands(app)
        for _ in range(5):
            await pilot.press("enter")
            await settle(pilot, lambda: screen.showing == "question")
            await pilot.press(*keys_for(screen.question, right=True))
            await settle(pilot, lambda: screen.showing == "feedback")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ResultsScreen))
        assert app.screen.check_action("retry", ()) is True
        assert "Retry missed" in commands(app)


async def test_hints_stay_available_in_an_exam(make_app, lighthouse) -> None:
    """Hints are the same for everyone, so they do not change the conditions."""
    options = SessionOptions(seed=1, mode="exam", question_ids=("clockwork",))
    app = make_app(start_pack=lighthouse, options=options)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen))
        assert "Show hint" in commands(app)
        await pilot.press("h")
        await settle(pilot)
        await shows(pilot, "Hint: More than one hour.")
