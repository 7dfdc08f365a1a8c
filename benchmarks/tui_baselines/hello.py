"""Baseline: the smallest Textual app that draws one line of text.

bench_tui.py times launching this until "hello" is on the screen, and compares
`quizgame play` against it. Keep it minimal: no CSS, no bindings, no extra widgets.
"""

from textual.app import App, ComposeResult
from textual.widgets import Static


class HelloApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("hello")


if __name__ == "__main__":
    HelloApp().run()
