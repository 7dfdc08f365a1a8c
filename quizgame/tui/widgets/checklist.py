"""A list of choices to tick, showing [x] and [ ] so the state reads without colour."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quizgame.tui.widgets.literal import safe

TICKED = ("[x] ", "bold $text-success")
UNTICKED = ("[ ] ", "$foreground-muted")


class Checklist(OptionList):
    """Items are (label, value); Space, Enter or a click ticks the highlighted one."""

    DEFAULT_CSS = """
    Checklist {
        height: auto;
        border: none;
        padding: 0;
        background: transparent;
        &:focus {
            border: none;
            background-tint: transparent;
        }
    }
    """
    # Enter is "done", not "tick": Space and clicks tick. (Not a priority binding on the
    # screen: those run before earlier keys have finished bubbling, and could submit before
    # a tick typed just ahead of them.)
    BINDINGS = [
        Binding("space", "select", "Tick", show=False, id="list.tick", tooltip="Tick or untick the highlighted item"),
        Binding("enter", "submit", "Submit", id="list.submit", tooltip="Done: these ticks are the answer"),
    ]

    class _Event(Message):
        def __init__(self, checklist: Checklist) -> None:
            super().__init__()
            self.checklist = checklist

        @property
        def control(self) -> Checklist:
            return self.checklist

    class Submitted(_Event):
        """Enter: the ticks are the answer."""

    class Changed(_Event):
        """A tick was set or cleared."""

    def __init__(
        self,
        items: Sequence[tuple[Content, str]] = (),
        *,
        ticked: Iterable[str] = (),
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._labels: list[Content] = []
        self._values: list[str] = []
        self._ticked: set[str] = set()
        self.set_items(items, ticked=ticked)

    # -- contents --------------------------------------------------------------------------

    def set_items(self, items: Sequence[tuple[Content, str]], *, ticked: Iterable[str] = ()) -> None:
        self._labels = [label for label, _ in items]
        self._values = [value for _, value in items]
        self._ticked = set(ticked) & set(self._values)
        self.clear_options()
        self.add_options([Option(self._prompt(i)) for i in range(len(self._values))])

    @property
    def labels(self) -> list[str]:
        return [label.plain for label in self._labels]

    @property
    def selected(self) -> list[str]:
        """Ticked values, in list order."""
        return [value for value in self._values if value in self._ticked]

    def _prompt(self, index: int) -> Content:
        mark = TICKED if self._values[index] in self._ticked else UNTICKED
        return Content.assemble(mark, safe(self._labels[index]))

    # -- ticking ---------------------------------------------------------------------------

    def _set(self, values: Iterable[str], ticked: bool) -> None:
        changed = False
        for value in values:
            if (value in self._ticked) != ticked:
                (self._ticked.add if ticked else self._ticked.discard)(value)
                index = self._values.index(value)
                self.replace_option_prompt_at_index(index, self._prompt(index))
                changed = True
        if changed:
            self.post_message(self.Changed(self))

    def toggle(self, value: str) -> None:
        self._set([value], value not in self._ticked)

    def select(self, value: str) -> None:
        self._set([value], True)

    def deselect(self, value: str) -> None:
        self._set([value], False)

    def select_all(self) -> None:
        self._set(self._values, True)

    def deselect_all(self) -> None:
        self._set(self._values, False)

    def on_focus(self) -> None:
        # Space ticks the highlighted item and the arrows move from it: with none highlighted
        # the first Space would do nothing and the first arrow only highlight the first item.
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Selecting an item ticks it; it is not an answer, so nothing above hears of it.
        event.stop()
        self.toggle(self._values[event.option_index])
