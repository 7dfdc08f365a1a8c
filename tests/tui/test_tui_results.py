"""The results screen: whose results, of what kind of run, partial credit in the sections,
the time spent answering, and no offer to retry what was not missed."""

from __future__ import annotations

from textual.widgets import Button

from quizgame.engine import SessionOptions
from quizgame.tui.app import create_app
from quizgame.tui.screens.results import ResultsScreen

from .helpers import answer_keys, asking, screen_lines, screen_text, telling


def _app(make_config, harbour, section: str = "talks"):
    options = SessionOptions(seed=3, shuffle_questions=False, shuffle_choices=False, sections=(section,))
    return create_app(make_config(start_pack=harbour, options=options))


async def _play(app, pilot, right: bool) -> None:
    await pilot.pause()
    while asking(app):
        await pilot.press(*answer_keys(app.screen.question, right))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()


async def test_a_partly_right_answer_counts_in_its_section_bar(make_config, harbour) -> None:
    app = _app(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for keys in (["2"], ["t"], ["1", "enter"]):  # right, right, half the credit
            await pilot.press(*keys)
            await pilot.pause(0.1)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        row = next(line for line in screen_lines(app) if "What the leaders said" in line)
        assert row.rstrip().endswith("████████░░ 2.5/3  83%")


async def test_the_player_and_a_retry_are_named_and_retry_is_offered_only_for_misses(make_config, harbour) -> None:
    app = _app(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        await _play(app, pilot, right=False)
        assert isinstance(app.screen, ResultsScreen)
        top = screen_lines(app)[0]
        assert top.rstrip().endswith("Results for Ada") and "Retry" not in top and "⭘" not in top
        assert app.screen.query("#retry")
        await pilot.press("r")
        await pilot.pause()
        await _play(app, pilot, right=True)
        assert isinstance(app.screen, ResultsScreen)
        assert screen_lines(app)[0].rstrip().endswith("Retry results for Ada")
        # Nothing missed this time: nothing to retry, and no button saying otherwise.
        assert not app.screen.query("#retry")
        assert "Retry the ones I missed" not in screen_text(app)
        assert [button.id for button in app.screen.query(Button)] == ["home"]


async def test_time_spent_on_the_feedback_is_not_answering_time(make_config, harbour, clock) -> None:
    app = _app(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await pilot.pause()
            clock.advance(4)
            await pilot.press(*answer_keys(app.screen.question, True))
            await pilot.pause(0.1)
            assert telling(app)
            clock.advance(300)  # read the feedback, go for a coffee
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "answering time 0:12" in screen_text(app)


async def test_at_60x18_the_footer_keeps_every_key(make_config, harbour) -> None:
    app = _app(make_config, harbour)
    async with app.run_test(size=(60, 18)) as pilot:
        await _play(app, pilot, right=False)
        assert isinstance(app.screen, ResultsScreen)
        await pilot.pause(0.2)
        footer = screen_lines(app)[-1]
        for key in ("e Open all", "s Source", "r Retry", "n New quiz", "^q Quit", "? Keys"):
            assert key in footer, footer
    app = _app(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        await _play(app, pilot, right=False)
        await pilot.pause(0.2)
        assert "^p palette" in screen_lines(app)[-1]  # where there is room
