"""Keys that work everywhere: quit (with a question first), help, hint, source, palette, sizes."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.containers import VerticalScroll

from quizgame.engine import SessionOptions
from quizgame.tui.app import create_app
from quizgame.tui.screens.confirm import ConfirmScreen
from quizgame.tui.screens.help import HelpScreen
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.source import QUOTE_STYLE, SourceScreen
from quizgame.tui.widgets.too_small import TooSmall

from .helpers import asking, telling, Messages, answer_keys, shows, until


def _options(**changes) -> SessionOptions:
    return SessionOptions(seed=3, shuffle_questions=False, shuffle_choices=False, **changes)


def _quiz(make_config, harbour, **changes):
    return create_app(make_config(start_pack=harbour, options=_options(**changes)))


async def test_ctrl_q_during_a_quiz_asks_first(make_config, harbour) -> None:
    app = _quiz(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        question = app.screen
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await shows(pilot, "A quiz is under way")
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is question and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is question and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_ctrl_q_asks_even_from_a_text_field(make_config, harbour) -> None:
    app = _quiz(make_config, harbour)  # the first question is typed
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.kind == "short"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)


async def test_ctrl_q_on_the_home_screen_quits_at_once(make_config) -> None:
    app = create_app(make_config())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_question_mark_lists_every_key_of_the_screen(make_config, harbour) -> None:
    app = _quiz(make_config, harbour, sections=("talks",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.question.id == "length"  # single choice, 3 choices
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        titles = [group.title for group in app.screen.groups]
        # The game's own keys first, then the general ones.
        assert titles == ["Answering", "Everywhere", "Moving around"]
        rows = {what: keys for group in app.screen.groups for keys, what in group.rows}
        assert rows["Answer with that choice"] == "1–3"  # only the choices this question has
        assert rows["Quit"] == "^q"
        assert rows["Keys"].startswith("?")
        assert rows["Next part of the screen"] == "tab"
        text = await shows(pilot, "1–3", "Answer with that choice", "Quit")
        # Textual's own names and keys that mean nothing to a player are not listed.
        for noise in ("Focus Next", "super+c", "Scroll Left", "Scroll Right", "Toggle collapsible"):
            assert noise not in text
        await pilot.press("escape")
        await until(pilot, lambda: asking(app))


async def _help_at(app, pilot, size):
    await pilot.resize_terminal(*size)
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("f1")
    await pilot.pause()
    await pilot.pause()
    return app.screen.query_one("#dialog", VerticalScroll)


async def test_help_fits_at_80_by_24_and_scrolls_below_with_its_title_in_view(make_config, harbour) -> None:
    from quizgame.packs.discovery import PackEntry

    entries = [PackEntry(path=harbour.path, origin="built-in", pack=harbour, problems=[])]
    for size, fits in (((100, 30), True), ((80, 24), True), ((60, 18), False)):
        for app in (create_app(make_config(find_packs=lambda dirs: entries)), _quiz(make_config, harbour)):
            async with app.run_test(size=(100, 30)) as pilot:
                dialog = await _help_at(app, pilot, size)
                await shows(pilot, "Keys", "Escape closes")
                if fits:
                    assert dialog.max_scroll_y == 0, size
                else:  # whatever does not fit can be scrolled to
                    dialog.scroll_end(animate=False)
                    await pilot.pause()
                    await shows(pilot, "Command palette", "Keys")


async def test_h_shows_the_hint_only_when_asked(make_config, harbour) -> None:
    app = _quiz(make_config, harbour, sections=("talks",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "enter")  # "length" has no hint
        await pilot.pause()
        assert app.screen.question.id == "robust"
        hint = app.screen.question.question.hint
        await shows(pilot, absent=[hint])
        await pilot.press("h")
        await shows(pilot, f"Hint: {hint}")


async def test_h_without_a_hint_says_there_is_none(make_config, harbour) -> None:
    app = _quiz(make_config, harbour, sections=("talks",))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert app.screen.question.id == "length" and app.screen.question.question.hint is None
        await pilot.press("h")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["No hint for this question."]
        assert asking(app)


async def test_a_multiple_question_starts_on_its_first_choice(make_config, harbour) -> None:
    app = _quiz(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        while app.screen.question.question.type != "multiple":
            await pilot.press(*answer_keys(app.screen.question, True))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("down", "down", "space", "down", "space")
        await pilot.pause()
        choices = app.screen.question.choices
        assert app.screen.query_one("#choices").selected == [choices[2], choices[3]]


async def test_the_home_screens_sections_start_on_the_first_after_tab(make_config, harbour) -> None:
    from quizgame.packs.discovery import PackEntry

    entries = [PackEntry(path=harbour.path, origin="built-in", pack=harbour, problems=[])]
    app = create_app(make_config(find_packs=lambda dirs: entries))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        sections = app.screen.query_one("#sections")
        while app.screen.focused is not sections:
            await pilot.press("tab")
            await pilot.pause()
        await pilot.press("space")  # unticks the first section
        await pilot.pause()
        assert sections.selected == [section.id for section in harbour.pack.sections][1:]


async def test_f2_shows_the_hint_while_typing(make_config, harbour) -> None:
    app = _quiz(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("h", "f2")  # h is typed into the field; f2 asks for the hint
        await shows(pilot, "Hint: A port on the Elbe.")
        assert app.screen.query_one("#answer").value == "h"


async def test_answer_keys_are_plain_letters_in_a_text_field(make_config, harbour) -> None:
    # The keys that pick a choice are priority bindings, acting before the focused widget
    # sees them; in a text field they must still be typed, not taken as an answer.
    app = _quiz(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.kind == "short"
        await pilot.press("1", "t", "f", "9", "2")
        await pilot.pause()
        assert app.screen.query_one("#answer").value == "1tf92"
        assert app.screen.showing == "question" and app.screen.result is None


async def test_s_opens_the_source_at_the_quote_and_escape_returns(make_config, article_pack_path) -> None:
    from .helpers import load

    pack = load(article_pack_path)
    # The question quoting furthest down the article: the view must scroll to show it.
    last = max(pack.pack.questions, key=lambda q: pack.quote_spans[q.id][0][0])
    app = create_app(make_config(start_pack=pack, options=_options(question_ids=(last.id,))))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*answer_keys(app.screen.question, True))
        await pilot.pause()
        feedback = app.screen
        assert telling(app)
        await pilot.press("s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        quoted = app.screen.query(".-quote").first()
        # The highlighted spans are exactly the quote's fragments.
        marked = "".join(
            quoted.visual.plain[span.start : span.end]
            for span in quoted.visual.spans
            if span.style == QUOTE_STYLE
        )
        assert marked == "".join(pack.source_text[a:b] for a, b in pack.quote_spans[last.id])
        body = app.screen.query_one("#text", VerticalScroll)
        assert body.scroll_y > 0
        assert quoted.region.overlaps(body.region)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is feedback and telling(app)


async def test_command_palette_offers_the_main_actions(make_config, harbour) -> None:
    app = _quiz(make_config, harbour, sections=("talks",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "enter", "h")  # to the question with a hint
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in ("New quiz", "Keys", "Toggle theme", "Theme", "Quit", "Show hint"):
            assert title in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"toggle theme", "enter")
        await pilot.pause()
        assert app.theme == "textual-light"


async def test_palette_on_feedback_offers_the_source(make_config, harbour) -> None:
    app = _quiz(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*answer_keys(app.screen.question, False))
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Show source" in titles


async def test_new_quiz_mid_quiz_asks_then_goes_home(make_config, harbour) -> None:
    app = _quiz(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.run_action("app.home")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # No quiz under way any more: quitting does not ask.
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_too_small_shows_sizes_blocks_keys_and_restores(make_config, harbour) -> None:
    app = _quiz(make_config, harbour, sections=("talks",))
    seen = Messages()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        await pilot.pause()
        text = await shows(pilot, "too small", "50×15", "60×18")
        assert screen.question.question.prompt not in text
        assert screen.query_one(TooSmall).display
        await pilot.press("2", "enter")  # blind key presses answer nothing
        await pilot.pause()
        assert app.screen is screen and asking(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        await shows(pilot, screen.question.question.prompt, absent=["too small"])
        await until(pilot, lambda: screen.focused is screen.query_one("#choices"))
        await pilot.press("enter")
        await until(pilot, lambda: telling(app))


async def test_a_short_answer_typed_before_the_window_was_too_small_is_kept(make_config, harbour) -> None:
    app = _quiz(make_config, harbour)  # the pack's first question is the short one (city)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#answer")
        await pilot.press(*"Lavr")
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert app.screen.focused is field
        await pilot.press("o", "v")
        await pilot.pause()
        assert field.value == "Lavrov"


async def test_compact_layout_at_60_by_18_keeps_the_question_whole(make_config, harbour) -> None:
    app = _quiz(make_config, harbour, sections=("talks",))
    async with app.run_test(size=(60, 18)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-w-compact") and screen.has_class("-h-compact")
        text = await shows(pilot, screen.question.question.prompt, absent=["too small"])
        for choice in screen.question.choices:
            assert choice in text
        assert "Question 1 of 3" in text


async def test_escape_on_every_screen_over_another_goes_back(make_config, harbour, tmp_path) -> None:
    """Escape closes whatever was opened over a screen: the keys, a question, the source,
    the leaderboard, the players' names, the command palette."""
    from quizgame.packs.discovery import PackEntry

    entries = [PackEntry(path=harbour.path, origin="built-in", pack=harbour, problems=[])]

    def home():
        return create_app(make_config(find_packs=lambda dirs: entries, db_path=tmp_path / "r.sqlite3"))

    def quiz():
        return _quiz(make_config, harbour, sections=("talks",))

    cases = [
        (quiz, ["f1"]),
        (quiz, ["ctrl+q"]),
        (quiz, ["ctrl+p"]),
        (quiz, ["2", "s"]),
        (home, ["f1"]),
        (home, ["ctrl+l"]),
        (home, ["ctrl+t"]),
    ]
    for make, keys in cases:
        app = make()
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            for key in keys[:-1]:
                await pilot.press(key)
                await pilot.pause()
            under = app.screen
            await pilot.press(keys[-1])
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen is not under, keys
            await pilot.press("escape")
            await pilot.pause()
            await pilot.pause()
            assert app.screen is under, keys


async def test_the_footer_due_after_a_quit_is_not_added(make_config, harbour) -> None:
    # The footer comes a frame after the question; on a busy machine the player can have
    # quit before that frame, and adding it to a screen on its way out must not fail.
    app = _quiz(make_config, harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        question = app.screen
        app.exit(0)
        question._add_footer()
    assert app.return_code == 0
