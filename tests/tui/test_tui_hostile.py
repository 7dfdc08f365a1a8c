"""Pack text is data, never markup: every string is shown as written and triggers nothing."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from quizgame.engine import SessionOptions
from quizgame.packs.discovery import PackEntry
from quizgame.tui.app import create_app
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.results import ResultsScreen
from quizgame.tui.screens.source import SourceScreen
from quizgame.tui.widgets.checklist import Checklist

from .helpers import asking, telling, FIXTURES, answer_keys, load, shows, until

# Wide enough that no hostile string wraps, so each can be found whole on screen.
WIDE = (180, 50)
PLAYER = "[b]Ada[/b] [@click=app.quit]x[/]"


@pytest.fixture
def hostile():
    return load(FIXTURES / "hostile.yaml")


def _options() -> SessionOptions:
    return SessionOptions(seed=1, shuffle_questions=False, shuffle_choices=False)


def _assert_shown(text: str, *strings: str) -> None:
    for string in strings:
        assert string in text, f"{string!r} is not shown literally"


async def test_question_feedback_source_and_results_show_pack_text_literally(
    make_config, hostile
) -> None:
    pack = hostile.pack
    app = create_app(make_config(start_pack=hostile, options=_options(), player=PLAYER))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        while asking(app):
            prepared = app.screen.question
            question = prepared.question
            if question.hint:
                await pilot.press("h")
            asked = [pack.title, question.prompt, prepared.section.title, *prepared.choices]
            await shows(pilot, *asked, *([question.hint] if question.hint else []))

            await pilot.press(*answer_keys(prepared, True))
            await until(pilot, lambda: telling(app))
            await shows(
                pilot,
                "✔ Right",
                question.explanation,
                *question.quote_fragments,
                pack.source.author,
                pack.source.publication,
                pack.source.column or "",
                prepared.section.title,
            )
            await pilot.press("s")
            await until(pilot, lambda: isinstance(app.screen, SourceScreen))
            await shows(pilot, pack.source.title, *question.quote_fragments)
            await pilot.press("escape", "enter")
            await until(pilot, lambda: asking(app) or isinstance(app.screen, ResultsScreen))

        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("e")  # open every review entry
        await shows(
            pilot,
            *(section.title for section in pack.sections),
            *(text for question in pack.questions[:2] for text in (question.prompt, question.explanation)),
        )
        assert app.is_running and app.return_code is None


async def test_home_screen_shows_pack_and_player_text_literally(make_config, hostile) -> None:
    entry = PackEntry(path=hostile.path, origin="extra", pack=hostile, problems=[])
    app = create_app(make_config(player=PLAYER, find_packs=lambda dirs: [entry]))
    async with app.run_test(size=WIDE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#player", Input).value == PLAYER
        text = await shows(pilot, hostile.pack.title, hostile.pack.source.publication, PLAYER)
        # The options column is narrow: section titles are cut short on screen, so check
        # the prompts the list renders from.
        sections = app.screen.query_one("#sections", Checklist)
        prompts = [str(sections.get_option_at_index(i).prompt) for i in range(sections.option_count)]
        assert prompts == [f"[x] {section.title}" for section in hostile.pack.sections]
        _assert_shown(text, "[@click=app.quit]Sec")


async def test_clicking_click_markup_in_pack_text_does_nothing(make_config, hostile) -> None:
    app = create_app(make_config(start_pack=hostile, options=_options(), player=PLAYER))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("h")
        await pilot.pause()
        # The section line and the hint both hold "[@click=app.quit]...[/]".
        for selector in ("#section", "#hint", "#prompt"):
            widget = screen.query_one(selector)
            for x in range(0, min(widget.size.width, 60), 3):
                await pilot.click(selector, offset=(x, 0))
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert app.screen is screen


async def test_the_click_check_would_catch_live_markup() -> None:
    """The same clicks on a widget that does parse markup quit the app: the test above can fail."""

    class Live(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("[@click=app.quit]Section one[/]", id="live")

    app = Live()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#live", offset=(3, 0))
        await pilot.pause()
        assert not app.is_running
