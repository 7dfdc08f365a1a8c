"""What every screen of the game shares: size handling and the actions kept while too small."""

from __future__ import annotations

from textual import events, on
from textual.screen import ModalScreen, Screen

from quizgame.tui.config import FULL_SIZE, MIN_SIZE
from quizgame.tui.widgets.too_small import TooSmall

# Breakpoint classes: "-tiny" below MIN_SIZE, "-compact" below FULL_SIZE, "-full" from there.
HORIZONTAL = [(0, "-w-tiny"), (MIN_SIZE[0], "-w-compact"), (FULL_SIZE[0], "-w-full")]
VERTICAL = [(0, "-h-tiny"), (MIN_SIZE[1], "-h-compact"), (FULL_SIZE[1], "-h-full")]

# Still allowed while the terminal is too small to show anything else.
_ALWAYS = {"quit", "help_quit", "command_palette"}


def too_small(node: Screen) -> bool:
    return node.has_class("-w-tiny") or node.has_class("-h-tiny")


class _SizeAware:
    """Adds the "terminal too small" message and keeps blind key presses from doing anything."""

    HORIZONTAL_BREAKPOINTS = HORIZONTAL
    VERTICAL_BREAKPOINTS = VERTICAL

    @on(events.Mount)
    def _add_too_small(self) -> None:
        self.mount(TooSmall())  # type: ignore[attr-defined]

    @on(events.Resize)
    def _resized(self) -> None:
        for widget in self.query(TooSmall):  # type: ignore[attr-defined]
            widget.refresh()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if too_small(self) and action not in _ALWAYS:  # type: ignore[arg-type]
            return False
        return True


class GameScreen(_SizeAware, Screen[None]):
    pass


class GameModal(_SizeAware, ModalScreen[object]):
    pass
