"""The home screen remembers: the player's name asked once, the last options, and what they give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, OptionList, Select

from quizgame.packs.discovery import PackEntry
from quizgame.settings import SettingsFile
from quizgame.tui import messages
from quizgame.tui.app import create_app
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.name import NameScreen
from quizgame.tui.screens.quiz import QuizScreen
from quizgame.tui.widgets.checklist import Checklist

from .helpers import Messages, asking, keys_to_type, screen_lines, screen_text


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


def _saved(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _home_app(make_config, harbour, settings_path: Path, **changes):
    entries = [PackEntry(path=harbour.path, origin="built-in", pack=harbour, problems=[])]
    values = {"player": "", "find_packs": lambda dirs: entries, "settings": SettingsFile(settings_path)}
    values.update(changes)
    return create_app(make_config(**values))


async def _settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_first_run_asks_the_name_once_and_remembers_it(make_config, harbour, settings_path) -> None:
    app = _home_app(make_config, harbour, settings_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        assert isinstance(app.screen, NameScreen)
        assert "What is your name?" in screen_text(app)
        await pilot.press("enter")  # nothing typed yet
        await pilot.pause()
        assert isinstance(app.screen, NameScreen) and "Type your name first." in screen_text(app)
        await pilot.press(*keys_to_type("Eve Ray"), "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#player", Input).value == "Eve Ray"
        assert _saved(settings_path)["player"] == "Eve Ray"

    # The next run does not ask again.
    again = _home_app(make_config, harbour, settings_path, player=SettingsFile(settings_path).settings.player)
    async with again.run_test(size=(80, 24)) as pilot:
        await _settle(again, pilot)
        assert isinstance(again.screen, HomeScreen)
        assert again.screen.query_one("#player", Input).value == "Eve Ray"


async def test_escape_leaves_the_name_to_type_on_the_home_screen(make_config, harbour, settings_path) -> None:
    app = _home_app(make_config, harbour, settings_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        assert screen.focused is screen.query_one("#player", Input)
        assert not settings_path.exists()


async def test_play_on_the_first_run_asks_over_the_first_question_then_begins(
    make_config, harbour, settings_path
) -> None:
    from quizgame.engine import SessionOptions

    options = SessionOptions(seed=3, shuffle_questions=False)
    app = _home_app(make_config, harbour, settings_path, start_pack=harbour, options=options)
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await _settle(app, pilot)
        assert isinstance(app.screen, NameScreen)
        behind = app.screen_stack[-2]
        assert isinstance(behind, QuizScreen) and behind.held  # drawn first, held behind
        assert not seen.of(messages.QuizStarted)  # nothing begins before there is a name
        await pilot.press(*keys_to_type("Zed1"), "enter")
        await _settle(app, pilot)
        assert asking(app)
        (started,) = seen.of(messages.QuizStarted)
        assert started.player == "Zed1" and app.player == "Zed1"
        assert _saved(settings_path)["player"] == "Zed1"


async def test_play_without_a_name_can_go_back_to_the_home_screen(make_config, harbour, settings_path) -> None:
    from quizgame.engine import SessionOptions

    app = _home_app(make_config, harbour, settings_path, start_pack=harbour, options=SessionOptions(seed=3))
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await _settle(app, pilot)
        assert "Escape: the home screen" in screen_text(app)
        await pilot.press("escape")
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, HomeScreen)  # and not asked again at once
        assert screen.focused is screen.query_one("#player", Input)
        assert not seen.of(messages.QuizStarted)


async def test_the_last_options_are_remembered_and_shown_again(make_config, harbour, settings_path) -> None:
    app = _home_app(make_config, harbour, settings_path, player="Ada")
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await _settle(app, pilot)
        screen = app.screen
        screen.query_one("#shuffle", Checkbox).value = False
        screen.query_one("#exam", Checkbox).value = True
        screen.query_one("#speed-bonus", Checkbox).value = True
        screen.query_one("#streak-bonus", Checkbox).value = True
        screen.query_one("#time-limit", Select).value = 30
        screen.query_one("#count", Select).value = 5
        screen.choose_tags(["deals"])
        screen.query_one("#sections", Checklist).deselect("place")
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        (start,) = seen.of(messages.StartRequested)
        options = start.options
        assert (options.mode, options.time_limit, options.count, options.tags) == ("exam", 30.0, 5, ("deals",))
        assert options.scoring.speed_bonus and options.scoring.streak_bonus
    assert _saved(settings_path) == {
        "format": 1,
        "player": "Ada",
        "shuffle": False,
        "mode": "exam",
        "time_limit": 30,
        "count": 5,
        "speed_bonus": True,
        "streak_bonus": True,
        "pack": "harbour",
        "packs": {"harbour": {"sections": ["talks"], "tags": ["deals"]}},
    }

    again = _home_app(make_config, harbour, settings_path, player="Ada")
    async with again.run_test(size=(80, 24)) as pilot:
        await _settle(again, pilot)
        screen = again.screen
        values = [screen.query_one(f"#{name}", Checkbox).value for name in ("shuffle", "exam", "speed-bonus", "streak-bonus")]
        assert values == [False, True, True, True]
        assert screen.query_one("#time-limit", Select).value == 30
        assert screen.query_one("#count", Select).value == 5
        assert screen.chosen_tags == ("deals",)
        assert str(screen.query_one("#tags").label) == "Tags: deals ▼"
        assert screen.query_one("#sections", Checklist).selected == ["talks"]


async def test_the_pack_played_last_is_highlighted(make_config, harbour, settings_path, tmp_path) -> None:
    other = harbour.path.with_name("first.yaml")
    entries = [
        PackEntry(path=other, origin="built-in", pack=None, problems=[]),
        PackEntry(path=harbour.path, origin="user", pack=harbour, problems=[]),
    ]
    SettingsFile(settings_path).save(SettingsFile(settings_path).settings.replace(player="Ada", pack="harbour"))
    app = _home_app(make_config, harbour, settings_path, player="Ada", find_packs=lambda dirs: entries)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        assert app.screen.query_one("#packs", OptionList).highlighted_option.id == "1"


async def test_the_home_screen_says_how_many_questions_the_choices_give(make_config, harbour, settings_path) -> None:
    app = _home_app(make_config, harbour, settings_path, player="Ada")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        screen = app.screen

        async def said() -> str:
            await pilot.pause()
            return str(screen.query_one("#summary").render())

        assert await said() == "All 4 questions"
        screen.query_one("#sections", Checklist).deselect("place")
        assert await said() == "3 questions of 4"
        screen.choose_tags(["deals"])
        assert await said() == "2 questions of 4"
        screen.choose_tags(["places"])
        assert await said() == "No question has these sections and tags"
        screen.choose_tags([])
        screen.query_one("#sections", Checklist).select("place")
        screen.query_one("#count", Select).value = 5
        assert await said() == "All 4 questions"
        screen.query_one("#sections", Checklist).deselect_all()
        assert await said() == "Tick a section to start"


async def test_the_footer_says_start_once_and_the_secondary_buttons_stand_out(make_config, harbour, settings_path) -> None:
    app = _home_app(make_config, harbour, settings_path, player="Ada")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        screen = app.screen
        screen.query_one("#sections", Checklist).focus()
        await pilot.pause(0.5)  # the footer redraws a moment after focus moves
        footer = screen_lines(app)[-1]
        assert footer.count("Start") == 1 and "⏎" not in footer
        for button in screen.query("#more Button"):
            style = button.rich_style
            # Text that reads against its own background, and a background that reads
            # against the column's: not 234 on 233.
            assert style.color.get_truecolor().hex != style.bgcolor.get_truecolor().hex
            text = style.color.get_truecolor()
            back = style.bgcolor.get_truecolor()
            column = screen.query_one("#right").rich_style.bgcolor.get_truecolor()
            assert _contrast(text, back) >= 4.5
            assert _contrast(back, column) >= 1.3
        # The Player box is drawn as a field: a box around the name at 80x24...
        field = screen.query_one("#player", Input)
        assert field.styles.border_top[0] != "" and field.outer_size.height == 3
        await pilot.resize_terminal(60, 18)
        await pilot.pause()
        # ...and one line on a background of its own below that.
        assert field.outer_size.height == 1
        field_back = field.rich_style.bgcolor.get_truecolor()
        assert _contrast(field_back, screen.query_one("#right").rich_style.bgcolor.get_truecolor()) >= 1.3


def _contrast(one, two) -> float:
    def luminance(colour) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(colour.red) + 0.7152 * channel(colour.green) + 0.0722 * channel(colour.blue)

    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


async def test_a_damaged_settings_file_is_told_in_one_line_and_the_game_goes_on(
    make_config, harbour, settings_path
) -> None:
    settings_path.parent.mkdir(parents=True)
    settings_path.write_text('{"player": "Ada", "count": -3', encoding="utf-8")
    file = SettingsFile(settings_path)
    app = _home_app(make_config, harbour, settings_path, player=file.settings.player, settings=file)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await _settle(app, pilot)
        said = [str(n.message) for n in app._notifications]
        assert said == [f"Settings file {settings_path}: it is not valid JSON at line 1; the defaults are used instead."]
        # No name in a file that could not be read: asked for, as on a first run.
        assert isinstance(app.screen, NameScreen)


async def test_play_takes_the_name_remembered_once_its_question_is_drawn(make_config, harbour, settings_path) -> None:
    from quizgame.engine import SessionOptions

    SettingsFile(settings_path).save(SettingsFile(settings_path).settings.replace(player="Katherine"))
    file = SettingsFile(settings_path)
    app = _home_app(make_config, harbour, settings_path, start_pack=harbour, options=SessionOptions(seed=3), settings=file)
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await _settle(app, pilot)
        assert asking(app)  # not asked
        (started,) = seen.of(messages.QuizStarted)
        assert started.player == "Katherine"


async def test_tags_are_picked_in_a_list_of_the_packs_tags(make_config, harbour, settings_path) -> None:
    from quizgame.tui.screens.tags import TagsScreen

    app = _home_app(make_config, harbour, settings_path, player="Ada")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        home = app.screen
        assert str(home.query_one("#tags").label) == "Tags: any ▼"
        await pilot.click("#tags")
        await pilot.pause()
        assert isinstance(app.screen, TagsScreen)
        assert app.screen.query_one("#tag-list", Checklist).labels == ["deals", "places"]
        await pilot.press("space", "down", "space", "enter")  # both
        await pilot.pause()
        assert app.screen is home and home.chosen_tags == ("deals", "places")
        assert str(home.query_one("#tags").label) == "Tags: deals, places ▼"
        assert str(home.query_one("#summary").render()) == "3 questions of 4"
        # Escape leaves them as they were.
        await pilot.click("#tags")
        await pilot.pause()
        await pilot.press("space", "escape")
        await pilot.pause()
        assert app.screen is home and home.chosen_tags == ("deals", "places")


def _typed_at_once(app, keys: str) -> None:
    """Keys arriving together, as a terminal hands them over from a busy machine: all
    queued before the first is handled."""
    from textual import events

    for key in keys:
        app.post_message(events.Key("enter" if key == "\r" else key, key))


async def test_enter_twice_on_the_name_question_goes_on_once(make_config, harbour, settings_path) -> None:
    app = _home_app(make_config, harbour, settings_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        assert isinstance(app.screen, NameScreen)
        _typed_at_once(app, "Eve\r\r")
        await _settle(app, pilot)
        assert app.is_running
        assert isinstance(app.screen, HomeScreen) and app.screen_stack == [app.screen]
        assert app.screen.query_one("#player", Input).value == "Eve"
        assert _saved(settings_path)["player"] == "Eve"
