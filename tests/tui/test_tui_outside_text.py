"""The TUI's way in for outside text: whatever a widget is handed, no control or bidi
character is ever part of what it draws. (The real process in a terminal: test_tui_terminal_bytes.)"""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.content import Content

from quizgame.packs.discovery import PackEntry
from quizgame.safe_text import REPLACEMENT, find_unsafe
from quizgame.tui.app import create_app
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.widgets.literal import NAME_REFUSAL, Plain, TextField, lit, safe

HOSTILE = "\x1b]0;pwned\x07X\x1b[31mY\x9b2J\u202eZ\x1bP1$qm\x1b\\"


def clean(text: str) -> bool:
    return find_unsafe(text) is None


def test_lit_keeps_the_text_and_drops_every_control() -> None:
    shown = lit(HOSTILE, "bold")
    assert clean(shown.plain) and len(shown.plain) == len(HOSTILE)
    assert shown.plain.replace(REPLACEMENT, "") == "]0;pwnedX[31mY2JZP1$qm\\"
    assert lit("[b]markup[/b]").plain == "[b]markup[/b]"


def test_content_built_any_way_is_made_safe_with_its_styles() -> None:
    built = Content.assemble(("Pack: ", "bold"), Content(HOSTILE, strip_control_codes=False))
    made = safe(built)
    assert clean(made.plain) and len(made.plain) == len(built.plain)
    assert list(made.spans) == list(built.spans)
    plain = Content("nothing to do")
    assert safe(plain) is plain


class _Widgets(App[None]):
    def compose(self) -> ComposeResult:
        yield Plain(HOSTILE, id="from-text")
        yield Plain(Content(HOSTILE, strip_control_codes=False), id="from-content")
        yield Plain(id="shown-later")
        yield TextField(HOSTILE, refusal=NAME_REFUSAL, id="field")


async def test_plain_and_text_fields_never_draw_a_control_character() -> None:
    app = _Widgets()
    async with app.run_test(size=(80, 12)) as pilot:
        later = app.query_one("#shown-later", Plain)
        later.show(Content(HOSTILE, strip_control_codes=False))
        later.update(HOSTILE, layout=False)
        await pilot.pause()
        for plain in app.query(Plain):
            assert clean(plain.visual.plain), plain.id
        field = app.query_one("#field", TextField)
        unsafe = [char for char in HOSTILE if not clean(char)]
        assert clean(field.value) and field.value.count(REPLACEMENT) == len(unsafe) == 7
        field.value = "Ann\x1b]0;x\x07"
        assert field.value == f"Ann{REPLACEMENT}]0;x{REPLACEMENT}"


async def test_a_text_field_refuses_a_control_character_typed_or_pasted_and_says_why() -> None:
    app = _Widgets()
    async with app.run_test(size=(80, 12)) as pilot:
        field = app.query_one("#field", TextField)
        field.value = "Ann"
        field.focus()
        field.cursor_position = 3
        field.post_message(events.Paste("\x1b]0;pwned\x07"))
        await pilot.pause()
        field.insert_text_at_cursor("\u202e")
        await pilot.pause()
        assert field.value == "Ann"
        assert [str(n.message) for n in app._notifications] == [NAME_REFUSAL, NAME_REFUSAL]
        field.post_message(events.Paste(" Lee"))
        await pilot.pause()
        assert field.value == "Ann Lee"


async def test_notifications_and_headers_are_made_safe(make_config) -> None:
    app = create_app(make_config())
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify(HOSTILE, title=HOSTILE, markup=False)
        app.notify(Content(HOSTILE, strip_control_codes=False))
        await pilot.pause()
        for notice in app._notifications:
            assert clean(str(notice.message)) and clean(notice.title)
        assert clean(app.format_title(HOSTILE, HOSTILE).plain)


async def test_a_hostile_stored_name_is_shown_safe_on_the_home_screen_and_not_played(make_config, harbour) -> None:
    entry = PackEntry(path=harbour.path, origin="built-in", pack=harbour, problems=[])
    app = create_app(make_config(player=HOSTILE, find_packs=lambda dirs: [entry]))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        field = app.screen.query_one("#player", TextField)
        assert clean(field.value)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen), "started under a name that is not one"
        assert any("U+FFFD" in str(n.message) for n in app._notifications)
        field.value = "  Ann  "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.player == "Ann"
