"""What every screen of the game shares: size handling and the actions kept while too small."""

from __future__ import annotations

from pathlib import Path

from textual import events, on
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

from quizgame.tui.config import FULL_SIZE, MIN_SIZE
from quizgame.tui.widgets.field import TypingInput

# Breakpoint classes: "-tiny" below MIN_SIZE, "-compact" below FULL_SIZE, "-full" from there.
HORIZONTAL = [(0, "-w-tiny"), (MIN_SIZE[0], "-w-compact"), (FULL_SIZE[0], "-w-full")]
VERTICAL = [(0, "-h-tiny"), (MIN_SIZE[1], "-h-compact"), (FULL_SIZE[1], "-h-full")]

# Still allowed while the terminal is too small to show anything else.
_ALWAYS = {"quit", "help_quit", "command_palette"}


def sheet(name: str) -> str:
    """A screen's stylesheet, from the .tcss file beside it, for its DEFAULT_CSS.

    Not CSS_PATH: Textual re-parses every stylesheet of the app (and restyles every widget)
    the first time a screen with a CSS_PATH is shown, ~20 ms each time; DEFAULT_CSS is parsed
    once, on its own. Textual scopes a screen's DEFAULT_CSS to the screen's type, which is
    what each sheet spells out anyway (tests/tui/test_tui_css.py).
    """
    return Path(__file__).with_name(name).read_text(encoding="utf-8")


def too_small(node: Screen) -> bool:
    return node.has_class("-w-tiny") or node.has_class("-h-tiny")


def too_small_now(node: Screen) -> bool:
    """From the terminal's size itself: a screen under another has not had its classes
    updated for a resize meanwhile."""
    width, height = node.app.size
    return width < MIN_SIZE[0] or height < MIN_SIZE[1]


class _SizeAware(Screen[object]):
    """Adds the "terminal too small" message and keeps blind key presses from doing anything."""

    HORIZONTAL_BREAKPOINTS = HORIZONTAL
    VERTICAL_BREAKPOINTS = VERTICAL

    _hidden_focus: Widget | None = None

    # Mounted the first time the screen is too small, not before: every widget on a screen
    # is styled and laid out before its first paint, hidden or not.
    _too_small: Widget | None = None

    def size_changed(self, tiny: bool) -> None:
        """The screen was resized; `tiny`: too small to show anything but the message."""

    @on(events.Resize)
    def _resized(self, event: events.Resize) -> None:
        tiny = event.size.width < MIN_SIZE[0] or event.size.height < MIN_SIZE[1]
        if self._too_small is not None:
            self._too_small.refresh()
        elif tiny:
            from quizgame.tui.widgets.too_small import TooSmall

            self._too_small = TooSmall()
            self.mount(self._too_small)
        # Hidden widgets lose focus; give it back when the screen is big enough again.
        if tiny and self.focused is not None:
            self._hidden_focus = self.focused
        elif not tiny and self._hidden_focus is not None:
            widget, self._hidden_focus = self._hidden_focus, None
            # A text field keeps what was typed in it, not selected for the next key to replace.
            self.call_after_refresh(widget.focus_again if isinstance(widget, TypingInput) else widget.focus)
        self.size_changed(tiny)

    def show_beside_size_message(self, note: Content) -> None:
        """A line under the "too small" message, while it shows (a question's clock)."""
        if self._too_small is not None:
            self._too_small.show_note(note)  # type: ignore[attr-defined]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if too_small(self) and action not in _ALWAYS:
            return False
        return True


class GameScreen(_SizeAware):
    _save_status: Widget | None = None

    def retire(self) -> None:
        """The app is done with this main screen but cannot take it off the stack (it is
        the first; see QuizApp.main_screen): whatever it still has going must stop."""

    @on(events.Mount)
    def _watch_saving(self) -> None:
        # On every main screen: results that cannot be saved are never a silent matter.
        self.watch(self.app, "save_problem", self._saving_changed, init=True)

    def _saving_changed(self, problem: object) -> None:
        # The status line is mounted on the first trouble and stays (hidden once all is well).
        if problem is not None and self._save_status is None:
            from quizgame.tui.widgets.save_status import SaveStatus

            self._save_status = SaveStatus()
            self.mount(self._save_status)


class GameModal(_SizeAware, ModalScreen[object]):
    # Escape is the way back from anything opened over a screen (a modal's own escape
    # binding, saying what going back means there, comes first).
    BINDINGS = [Binding("escape", "back", "Back", show=False)]

    def action_back(self) -> None:
        self.dismiss()

    def dismiss(self, result: object | None = None) -> AwaitComplete:
        # Keys come in bursts on a busy machine: a second Enter (or "n" then Escape) can
        # reach a dialog already answered. Textual would pop whatever screen is on top by
        # then, taking away the one beneath (or failing if it is the last); it is ignored.
        if not self.is_active:
            return AwaitComplete.nothing()
        return super().dismiss(result)
