"""A section's description is shown after its questions (results, source view), never above one."""

from __future__ import annotations

import shutil
from pathlib import Path

from quizgame.engine import SessionOptions
from quizgame.tui.app import create_app
from quizgame.tui.screens.results import ResultsScreen
from quizgame.tui.screens.source import SourceScreen

from .helpers import FIXTURES, answer_keys, asking, load, shows, telling, until

PLACE = "The summit met in a port city on the Elbe."
TALKS = "The two leaders talked far longer than planned."


def _pack(folder: Path):
    text = (FIXTURES / "harbour.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    title: Where the summit was held\n",
        f"    title: Part one\n    description: {PLACE}\n",
    ).replace(
        "    title: What the leaders said and agreed\n",
        f"    title: Part two\n    description: {TALKS}\n",
    )
    (folder / "harbour.yaml").write_text(text, encoding="utf-8")
    shutil.copy(FIXTURES / "harbour.txt", folder / "harbour.txt")
    return load(folder / "harbour.yaml")


async def test_descriptions_are_on_the_results_screen_not_above_the_questions(make_config, tmp_path: Path) -> None:
    app = create_app(make_config(start_pack=_pack(tmp_path), options=SessionOptions(seed=3)))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        while asking(app):
            text = await shows(pilot, "Part ", app.screen.question.question.prompt)
            assert "Part " in text  # the title is above the question...
            assert PLACE not in text and TALKS not in text  # ...the description is not
            await pilot.press(*answer_keys(app.screen.question, True))
            await until(pilot, lambda: telling(app))
            await pilot.press("enter")
            await until(pilot, lambda: asking(app) or isinstance(app.screen, ResultsScreen))
        assert isinstance(app.screen, ResultsScreen)
        await shows(pilot, PLACE, TALKS)


async def test_the_source_view_shows_the_question_s_section_description(make_config, tmp_path: Path) -> None:
    app = create_app(make_config(start_pack=_pack(tmp_path), options=SessionOptions(seed=3)))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        prepared = app.screen.question
        await pilot.press(*answer_keys(prepared, True))
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        expected = PLACE if prepared.question.section == "place" else TALKS
        other = TALKS if expected == PLACE else PLACE
        await shows(pilot, f"{prepared.section.title}: {expected}", absent=[other])
