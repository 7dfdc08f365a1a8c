"""The footers: the quiz screen's, mounted just after the first question is drawn and
redrawn just after a change of keys rather than in the same frame; and one for the screens
with more keys than fit a narrow window."""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer

from quizgame.tui.config import FULL_SIZE

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


class FittingFooter(Footer):
    """Narrower than the full size (80 columns): compact spacing, and no command palette key
    (ctrl+p still opens it, and help lists it), so the screen's own keys fit."""

    DEFAULT_CSS = """
    FittingFooter.-compact FooterKey.-command-palette {
        display: none;
    }
    """

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < FULL_SIZE[0]
