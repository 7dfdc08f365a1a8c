"""Baseline: a minimal Textual app that swaps one line of text on a key press.

Each key press replaces the line with "pressed N" (N counts presses), so bench_tui.py
can time a key written to the terminal until the new text is on the screen.
"""

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Static


class SwapApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self._presses = 0

    def compose(self) -> ComposeResult:
        yield Static("ready", id="line")

    def on_key(self, event: events.Key) -> None:
        self._presses += 1
        self.query_one("#line", Static).update(f"pressed {self._presses}")


if __name__ == "__main__":
    SwapApp().run()
