"""The source view as a player uses it: the quote stays in view whatever the window does."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.engine import SessionOptions
from quizgame.tui.app import create_app
from quizgame.tui.screens.source import SourceScreen

from .helpers import answer_keys, load

ARTICLE = Path(__file__).resolve().parents[2] / "questions" / "trump-putin-g20.yaml"


@pytest.fixture(scope="module")
def article():
    return load(ARTICLE)


def _quote_in_view(screen: SourceScreen) -> bool:
    body = screen.query_one("#text")
    top, height = body.scroll_offset.y, body.scrollable_content_region.height
    quote = screen.query_one(".-quote")
    start = quote.virtual_region.y
    return top <= start and start + min(quote.virtual_region.height, height) <= top + height


async def test_the_quote_stays_in_view_across_resizes(make_config, article) -> None:
    # A question late in the article, whose quote is far from both ends of the text.
    options = SessionOptions(seed=3, shuffle_questions=False, shuffle_choices=False, sections=("syria",))
    app = create_app(make_config(start_pack=article, options=options))
    async with app.run_test(size=(60, 18)) as pilot:
        await pilot.pause()
        await pilot.press(*answer_keys(app.screen.question, True))
        await pilot.pause(0.1)
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SourceScreen)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert _quote_in_view(screen)
        for size in ((80, 24), (60, 18), (120, 40), (60, 18)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            assert _quote_in_view(screen), size
