"""What the results and the final scores share: a review of every question, one item each.

The first item has focus; ↑ and ↓ move from item to item (and to the buttons after them),
Enter opens or closes one, `e` opens or closes them all (the footer says which it will do),
and `s` opens the source at the quote of the item in focus.
"""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Collapsible

from quizgame.tui.screens.base import GameScreen


class ReviewBody(VerticalScroll):
    """The screen's scrolling body; its arrow keys go from item to item instead of scrolling
    a line (Page Up and Page Down still scroll)."""

    BINDINGS = [
        Binding("up", "step(-1)", "Previous", show=False, id="review.up", tooltip="Previous item"),
        Binding("down", "step(1)", "Next", show=False, id="review.down", tooltip="Next item"),
    ]

    def stops(self) -> list[Widget]:
        """What ↑ and ↓ stop at, in order: each item's title, then the buttons."""
        return [widget for widget in self.query("CollapsibleTitle, Button") if widget.focusable]

    def action_step(self, by: int) -> None:
        stops = self.stops()
        if not stops:
            return
        focused = self.screen.focused
        index = stops.index(focused) if focused in stops else -1
        if index + by < 0:
            self.scroll_home(animate=False)
        elif index + by >= len(stops):
            self.scroll_end(animate=False)
        else:
            stops[index + by].focus()


class ReviewScreen(GameScreen):
    BINDINGS = [
        Binding("e", "open_all", "Open all", id="review.open", tooltip="Open every item of the review"),
        Binding("e", "close_all", "Close all", id="review.close", tooltip="Close every item of the review"),
        Binding("s", "source", "Source", id="review.source", tooltip="Open the source text at this item's quote"),
    ]

    def __init__(self) -> None:
        super().__init__()
        # Each item of the review (by the widget's id()) and the question whose quote it shows.
        self._questions: dict[int, str] = {}

    def review_item(self, question_id: str, collapsible: Collapsible) -> Collapsible:
        """An item of the review, registered for `s` to know which question's quote it shows."""
        collapsible.add_class("review")
        self._questions[id(collapsible)] = question_id
        return collapsible

    def on_mount(self) -> None:
        titles = self.query("Collapsible.review CollapsibleTitle")
        if titles:
            titles.first().focus()
        else:
            self.query_one(ReviewBody).focus()

    # -- open and close ----------------------------------------------------------------------

    @property
    def _items(self) -> list[Collapsible]:
        return list(self.query("Collapsible.review").results(Collapsible))

    def _set_all(self, collapsed: bool) -> None:
        focused = self.focused
        for item in self._items:
            item.collapsed = collapsed
        self.refresh_bindings()
        # The item the player was at stays where it was on screen, not wherever the new
        # length of the page puts it.
        if focused is not None:
            top = focused.region.y - self.query_one(ReviewBody).region.y
            self.call_after_refresh(self._keep_at, focused, top)

    def _keep_at(self, widget: Widget, top: int) -> None:
        body = self.query_one(ReviewBody)
        in_body = widget.region.y - body.region.y + round(body.scroll_y)  # from the body's top
        body.scroll_to(y=max(0, in_body - max(top, 0)), animate=False)

    def action_open_all(self) -> None:
        self._set_all(False)

    def action_close_all(self) -> None:
        self._set_all(True)

    @on(Collapsible.Toggled)
    def _toggled(self) -> None:
        self.refresh_bindings()

    # -- the source at an item's quote -------------------------------------------------------

    def _focused_question(self) -> str | None:
        node = self.focused
        while node is not None and node is not self:
            if isinstance(node, Collapsible) and id(node) in self._questions:
                return self._questions[id(node)]
            node = node.parent  # type: ignore[assignment]
        return None

    def source_pack(self):  # the LoadedPack the review's quotes come from
        raise NotImplementedError

    def action_source(self) -> None:
        from quizgame.tui.screens.source import SourceScreen

        question = self._focused_question()
        if question is not None:
            self.app.push_screen(SourceScreen(self.source_pack(), question))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is False:
            return False
        if action == "open_all":
            return any(item.collapsed for item in self._items)
        if action == "close_all":
            return bool(self._items) and not any(item.collapsed for item in self._items)
        if action == "source":
            return self._focused_question() is not None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # `s` follows the item in focus
