"""The review at the end of a quiz: keys that go from item to item, open them, and show the
source of an item's quote."""

from __future__ import annotations

from textual.widgets import Collapsible

from quizgame.engine import SessionOptions
from quizgame.tui.app import create_app
from quizgame.tui.screens.results import ResultsScreen
from quizgame.tui.screens.source import SourceScreen

from .helpers import answer_keys, asking, shows, until_screen


async def _results(make_config, harbour, pilot_size=(80, 24), **changes):
    options = SessionOptions(seed=3, shuffle_questions=False, shuffle_choices=False, **changes)
    return create_app(make_config(start_pack=harbour, options=options))


async def _play_to_the_results(app, pilot) -> ResultsScreen:
    await pilot.pause()
    while asking(app):
        await pilot.press(*answer_keys(app.screen.question, False))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert isinstance(app.screen, ResultsScreen)
    await pilot.pause()
    return app.screen


def _item_of(screen) -> Collapsible:
    node = screen.focused
    while not isinstance(node, Collapsible):
        node = node.parent
    return node


async def test_the_first_item_has_focus_and_the_arrows_go_from_item_to_item(make_config, harbour) -> None:
    app = await _results(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _play_to_the_results(app, pilot)
        items = list(screen.query("Collapsible.review").results(Collapsible))
        assert _item_of(screen) is items[0]
        await pilot.press("down", "down")
        await pilot.pause()
        assert _item_of(screen) is items[2]
        await pilot.press("up")
        await pilot.pause()
        assert _item_of(screen) is items[1]
        assert items[1].collapsed
        await pilot.press("enter")  # opens the item in focus
        await pilot.pause()
        assert not items[1].collapsed and all(item.collapsed for item in items if item is not items[1])
        # After the last item the arrows reach the buttons.
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert screen.focused.id in ("retry", "home")


async def test_s_opens_the_source_at_the_quote_of_the_item_in_focus(make_config, harbour) -> None:
    app = await _results(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _play_to_the_results(app, pilot)
        await pilot.press("down")
        await pilot.pause()
        wanted = screen.session.results[1].question_id
        await pilot.press("s")
        await pilot.pause()
        source = app.screen
        assert isinstance(source, SourceScreen)
        assert source.spans == harbour.quote_spans[wanted]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and _item_of(screen) is list(screen.query("Collapsible.review"))[1]


async def test_e_opens_all_then_closes_all_saying_which_and_keeping_the_place(make_config, harbour) -> None:
    app = await _results(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _play_to_the_results(app, pilot)
        items = list(screen.query("Collapsible.review").results(Collapsible))
        await pilot.press("down", "down")
        await pilot.pause()
        before = screen.focused.region.y
        await until_screen(pilot, lambda lines: "Open all" in lines[-1], what="Open all in the footer")
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()
        assert not any(item.collapsed for item in items)
        assert _item_of(screen) is items[2] and screen.focused.region.y == before
        await until_screen(
            pilot, lambda lines: "Close all" in lines[-1] and "Open all" not in lines[-1],
            what="Close all in the footer",
        )
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()
        assert all(item.collapsed for item in items)
        assert _item_of(screen) is items[2] and screen.focused.region.y == before
        await until_screen(pilot, lambda lines: "Open all" in lines[-1], what="Open all in the footer")


async def test_help_on_the_results_names_the_reviews_keys_in_the_games_words(make_config, harbour) -> None:
    from quizgame.tui.screens.help import HelpScreen

    app = await _results(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        await _play_to_the_results(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        groups = app.screen.groups
        assert groups[0].title == "Results"  # the screen's own keys first
        rows = {keys: what for group in groups for keys, what in group.rows}
        assert rows["↑"] == "Previous item" and rows["↓"] == "Next item"
        assert rows["⏎"] == "Open or close the item"
        assert rows["s"] == "Open the source text at this item's quote"
        text = await shows(pilot, "Previous item")
        for noise in ("Toggle collapsible", "Focus Next", "Scroll Up", "Scroll Down"):
            assert noise not in text
