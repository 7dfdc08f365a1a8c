"""Every key that works on the screen underneath, grouped by where it applies."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen

from quizgame.tui.screens.base import GameModal, sheet
from quizgame.tui.widgets.literal import Plain


@dataclass(frozen=True)
class KeyGroup:
    title: str
    rows: tuple[tuple[str, str], ...]  # (keys, what they do)


_NAMES = {"command_palette": "Command palette"}


def _describe(binding: Binding) -> str:
    if binding.group is not None and binding.group.description:
        return binding.group.description
    if binding.action in _NAMES:
        return _NAMES[binding.action]
    return binding.description or binding.tooltip or binding.action.replace("_", " ")


def _join_keys(keys: list[str]) -> str:
    digits = [key for key in keys if key.isdigit()]
    if len(digits) > 2 and len(digits) == len(keys):
        return f"{digits[0]}–{digits[-1]}"
    return " ".join(keys)


def collect_keys(screen: Screen) -> list[KeyGroup]:
    """The bindings active on `screen` (its focused widget, the screen, the app), grouped."""
    app = screen.app
    groups: dict[str, dict[str, list[str]]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system:
            continue
        node = active.node
        if node is app:
            where = "Everywhere"
        elif node is screen:
            where = "This screen"
        else:
            where = "The focused list or field"
        keys = groups.setdefault(where, {}).setdefault(_describe(binding), [])
        display = app.get_key_display(binding)
        if display not in keys:
            keys.append(display)
    order = ["This screen", "Everywhere", "The focused list or field"]
    return [
        KeyGroup(where, tuple((_join_keys(keys), what) for what, keys in groups[where].items()))
        for where in order
        if where in groups
    ]


class HelpScreen(GameModal):
    DEFAULT_CSS = sheet("help.tcss")
    BINDINGS = [Binding("escape,q", "close", "Close", id="help.close")]

    def __init__(self, groups: list[KeyGroup]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Plain(Content.styled("Keys", "bold"), id="title")
            width = max((len(keys) for group in self.groups for keys, _ in group.rows), default=0)
            with VerticalScroll(id="keys"):
                for group in self.groups:
                    yield Plain(Content.styled(group.title, "bold $text-accent"), classes="group")
                    lines = [
                        Content.assemble((keys.rjust(width), "bold"), "  ", what)
                        for keys, what in group.rows
                    ]
                    yield Plain(Content("\n").join(lines), classes="rows")
            yield Plain("Escape closes this list.", id="close-note")

    def action_close(self) -> None:
        self.dismiss()
