"""The home screen: packs found (invalid ones included), the player's name and the options."""

from __future__ import annotations

import threading

from textual.widgets import Checkbox, Input, OptionList, Select

from quizgame.packs.discovery import PackEntry
from quizgame.tui import messages
from quizgame.tui.app import create_app
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.widgets.checklist import Checklist

from .helpers import FIXTURES, Messages, asking, shows


def _entries(harbour):
    from quizgame.packs import PackError, load_pack

    broken = FIXTURES / "broken" / "broken.yaml"
    try:
        load_pack(broken, cache=False)
    except PackError as error:
        problems = error.problems
    return [
        PackEntry(path=harbour.path, origin="built-in", pack=harbour, problems=[]),
        PackEntry(path=broken, origin="user", pack=None, problems=problems),
    ]


async def _home(make_config, entries, **changes):
    calls: list[str] = []

    def find(dirs):
        calls.append(threading.current_thread().name)
        return entries

    app = create_app(make_config(find_packs=find, **changes))
    return app, calls


async def test_lists_packs_and_invalid_ones_with_their_first_problem(make_config, harbour) -> None:
    entries = _entries(harbour)
    app, calls = await _home(make_config, entries)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # Packs are found off the UI thread.
        assert calls and calls[0] != threading.main_thread().name
        text = await shows(pilot, "The Harbour Summit", "✘ Invalid: broken.yaml")
        assert "The Harbour Summit" in text
        assert "The Daily Test, 7 July 2017" in text
        assert "built-in · 4 questions · 2 sections" in text
        assert "✘ Invalid: broken.yaml" in text
        first = entries[1].problems[0]
        assert f"{first.line}:{first.col}: answer 'Munich'" in text
        sections = app.screen.query_one("#sections", Checklist)
        assert sections.selected == ["place", "talks"]


async def test_invalid_pack_cannot_be_started(make_config, harbour) -> None:
    app, _ = await _home(make_config, _entries(harbour))
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen, notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#sections", Checklist).option_count == 0
        assert not seen.of(messages.StartRequested)
        assert any("answer 'Munich'" in str(n.message) for n in app._notifications)


async def test_a_pack_whose_id_is_taken_is_listed_but_not_started(make_config, harbour) -> None:
    copy = harbour.path.with_name("copy.yaml")
    entries = [
        PackEntry(path=harbour.path, origin="built-in", pack=harbour, problems=[]),
        PackEntry(path=copy, origin="extra", pack=harbour, problems=[], taken_by=harbour.path),
    ]
    app, _ = await _home(make_config, entries)
    seen = Messages()
    async with app.run_test(size=(100, 24), message_hook=seen, notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await shows(pilot, "Not used: The Harbour Summit")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not seen.of(messages.StartRequested)
        assert any(str(harbour.path) in str(n.message) for n in app._notifications)


async def test_start_uses_the_chosen_name_and_options(make_config, harbour) -> None:
    app, _ = await _home(make_config, _entries(harbour), seed_source=lambda: 99)
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        screen.query_one("#player", Input).value = "Grace"
        screen.query_one("#shuffle", Checkbox).value = False
        screen.query_one("#time-limit", Select).value = 30
        screen.query_one("#sections", Checklist).deselect("place")
        await pilot.click("#start")
        await pilot.pause()
        (start,) = seen.of(messages.StartRequested)
        assert start.player == "Grace"
        options = start.options
        assert (options.seed, options.shuffle_questions, options.shuffle_choices) == (99, False, False)
        assert options.time_limit == 30.0 and options.sections == ("talks",)
        assert asking(app)
        assert app.screen.session.total == 3
        assert app.player == "Grace"
        (started,) = seen.of(messages.QuizStarted)
        assert started.player == "Grace"


async def test_enter_on_a_pack_starts_with_every_section(make_config, harbour) -> None:
    app, _ = await _home(make_config, _entries(harbour))
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#packs", OptionList)
        await pilot.press("enter")
        await pilot.pause()
        (start,) = seen.of(messages.StartRequested)
        assert start.options.sections == () and start.options.time_limit is None
        assert asking(app)


async def test_empty_name_or_no_section_does_not_start(make_config, harbour) -> None:
    app, _ = await _home(make_config, _entries(harbour))
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        screen.query_one("#player", Input).value = "   "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.focused is screen.query_one("#player", Input)
        screen.query_one("#player", Input).value = "Ada"
        screen.query_one("#sections", Checklist).deselect_all()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not seen.of(messages.StartRequested)


async def test_no_packs_found_says_so(make_config) -> None:
    app, _ = await _home(make_config, [])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await shows(pilot, "No packs found.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_click_picks_a_pack_and_a_double_click_starts_it(make_config, harbour) -> None:
    from quizgame.packs.discovery import PackEntry

    entries = [
        PackEntry(path=harbour.path, origin="built-in", pack=harbour, problems=[]),
        PackEntry(path=harbour.path.with_name("copy.yaml"), origin="extra", pack=harbour, problems=[]),
    ]
    app, _ = await _home(make_config, entries)
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        packs = app.screen.query_one("#packs", OptionList)
        assert packs.highlighted == 0
        # Row 5: the top border, the first pack's three lines, a separator, then the second.
        await pilot.click("#packs", offset=(4, 5))
        await pilot.pause()
        assert packs.highlighted == 1 and isinstance(app.screen, HomeScreen)
        assert not seen.of(messages.StartRequested)
        await pilot.double_click("#packs", offset=(4, 5))
        await pilot.pause()
        (start,) = seen.of(messages.StartRequested)
        assert asking(app)
