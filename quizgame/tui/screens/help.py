"""The keys that work on the screen underneath: the game's own first, grouped by what they
are for, then the general ones (moving between parts of the screen, scrolling, commands).

The game's keys are its own bindings (each has an id, "question.hint", "results.retry": the
part before the dot says which group it is in); the general ones are Textual's, listed only
when they mean something to a player, in the player's words.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen

from quizgame.tui.screens.base import GameModal, sheet
from quizgame.tui.widgets.literal import Plain


@dataclass(frozen=True)
class KeyGroup:
    title: str
    rows: tuple[tuple[str, str], ...]  # (keys, what they do)


# The game's groups, by the part of a binding's id before the dot, in the order shown.
GAME_GROUPS = {
    "question": "Answering",
    "list": "Answering",
    "feedback": "After an answer",
    "hotseat": "Hot-seat",
    "results": "Results",
    "review": "Results",
    "podium": "Final scores",
    "home": "Home screen",
    "players": "Players",
    "source": "Source",
    "leaderboard": "Leaderboard",
    "confirm": "This question",
    "resume": "This question",
    "help": "This list",
    "projector": "The class's game",
    "final": "Final scores",
    "remove": "This question",
    "app": "Everywhere",
    "host": "Everywhere",
    "join": "Everywhere",
}
# The group of a game key whose id names none of the above.
THIS_SCREEN = "This screen"
GENERAL = "Moving around"

# Textual's own keys that a player may want, in the player's words; the others (the
# editing keys of a text field, horizontal scrolling) are left out.
_GENERAL_ACTIONS = {
    "app.focus_next": "next part of the screen",
    "app.focus_previous": "previous part of the screen",
    "cursor_up": "move in the list",
    "cursor_down": "move in the list",
    "select": "pick the highlighted item",
    "first": "first item / last item",
    "last": "first item / last item",
    "scroll_up": "scroll",
    "scroll_down": "scroll",
    "page_up": "scroll a page",
    "page_down": "scroll a page",
    "scroll_home": "to the top / the end",
    "scroll_end": "to the top / the end",
    "toggle_collapsible": "open or close the item",
    "toggle_button": "tick or untick",
    "press": "press the button",
    "submit": "send what is typed",
    "show_overlay": "open the menu",
    "command_palette": "command palette: every action by name",
    "screen.copy_text": "copy the selected text",
}


def _game_group(binding: Binding) -> str | None:
    if not binding.id or "." not in binding.id:
        return None  # one of Textual's own
    return GAME_GROUPS.get(binding.id.split(".", 1)[0], THIS_SCREEN)


def _describe(binding: Binding) -> str:
    # The tooltip, where there is one, says it in more words than the footer has room for.
    if binding.tooltip:
        return binding.tooltip
    if binding.group is not None and binding.group.description:
        return binding.group.description
    return binding.description or binding.action.replace("_", " ")


def _join_keys(keys: list[str]) -> str:
    digits = [key for key in keys if key.isdigit()]
    if len(digits) > 2 and len(digits) == len(keys):
        return f"{digits[0]}–{digits[-1]}"
    return " ".join(keys)


def collect_keys(screen: Screen) -> list[KeyGroup]:
    """The keys that work on `screen` now, grouped: the game's, then the general ones."""
    app = screen.app
    groups: dict[str, dict[str, list[str]]] = {}
    general: dict[str, list[str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or not active.enabled:
            continue
        display = app.get_key_display(binding)
        title = _game_group(binding)
        if title is not None:
            keys = groups.setdefault(title, {}).setdefault(_describe(binding), [])
        elif binding.action in _GENERAL_ACTIONS:
            keys = general.setdefault(_GENERAL_ACTIONS[binding.action], [])
        else:
            continue
        # One key for copying is enough: ^c, not "^c super+c".
        if display not in keys and not (binding.action == "screen.copy_text" and keys):
            keys.append(display)
    order = [THIS_SCREEN, *dict.fromkeys(GAME_GROUPS.values())]
    found = [
        KeyGroup(title, tuple((_join_keys(keys), what) for what, keys in groups[title].items()))
        for title in sorted(groups, key=lambda title: (title == "Everywhere", order.index(title)))
    ]
    if general:
        rows = tuple((" ".join(keys), what[0].upper() + what[1:]) for what, keys in general.items())
        found.append(KeyGroup(GENERAL, rows))
    return found


class HelpScreen(GameModal):
    DEFAULT_CSS = sheet("help.tcss")
    BINDINGS = [Binding("escape,q", "close", "Close", id="help.close")]

    def __init__(self, groups: list[KeyGroup]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        # The title and the way out on the frame: they stay in view however far the list
        # scrolls in a small terminal.
        with VerticalScroll(id="dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "Escape closes"
            width = max((len(keys) for group in self.groups for keys, _ in group.rows), default=0)
            for group in self.groups:
                yield Plain(Content.styled(group.title, "bold $text-accent"), classes="group")
                lines = [
                    Content.assemble((keys.rjust(width), "bold"), "  ", what)
                    for keys, what in group.rows
                ]
                yield Plain(Content("\n").join(lines), classes="rows")

    def action_close(self) -> None:
        self.dismiss()
