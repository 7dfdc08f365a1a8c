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

    def __init__(self) -> None:
        super().__init__()
        # Mounted after the screen's keys were first announced: show them in the first
        # compose rather than waiting for the next change.
        self._bindings_ready = True

    def bindings_changed(self, screen: Screen) -> None:
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(DELAY, self.recompose)
