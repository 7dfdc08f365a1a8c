"""The quiz screen's footer: mounted just after the first question is drawn, and redrawn just
after a change of keys rather than in the same frame."""

from __future__ import annotations

from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer

# Rebuilding the footer's keys costs about as much as drawing the rest of the screen; when
# an answer changes both, the verdict should not wait for the footer.
DELAY = 0.05


class KeysFooter(Footer):
    _pending: Timer | None = None

    def on_mount(self) -> None:
        # Mounted after the screen first announced its keys: show them without waiting for
        # the next change.
        super().bindings_changed(self.screen)

    def bindings_changed(self, screen: Screen) -> None:
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(DELAY, lambda: super(KeysFooter, self).bindings_changed(screen))
