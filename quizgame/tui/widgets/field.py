"""A one-line text field that keeps what was typed, in the order it was typed."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class TypingInput(Input):
    """Textual's Input, with two ways of losing typing taken away.

    Input inserts a letter the moment its key arrives, but acts on its other keys
    (backspace, ctrl+u, the arrows, Enter) only once the key has bubbled up to the app, from
    widget to widget through their message queues. On a busy machine the letters typed just
    after such a key overtake it: the backspaces that cleared the old name delete the first
    letters of the new one, and "Eve" is stored as "Ev". A TypingInput runs the binding a
    key stands for (its own, or the screen's: Tab, ctrl+s) as the key arrives, in order
    with the letters.

    Focus given back after a while away (the terminal was too small) leaves the text and
    the cursor where they were: Input would select all of it, for the next letter to replace.
    """

    _select_again = False

    async def on_key(self, event: events.Key) -> None:
        # Called before Input's own handler, which inserts the letters.
        if self.check_consume_key(event.key, event.character):
            return
        # What Textual would do once the key had reached the app: the first enabled binding
        # for it, from this field up. (Priority bindings were tried before the key came here.)
        active = self.screen.active_bindings.get(event.key)
        if active is None or active.binding.priority or not active.enabled:
            return
        event.stop()
        await self.app.run_action(active.binding.action, active.node)

    def focus_again(self) -> None:
        """Focus without selecting the text, for a player who goes on typing."""
        if self.select_on_focus:
            self.select_on_focus = False
            self._select_again = True
        self.focus()

    def on_focus(self, event: events.Focus) -> None:
        # Called before Input's own handler, which selects the text if select_on_focus is set.
        if self._select_again:
            self._select_again = False
            self.call_later(setattr, self, "select_on_focus", True)
