"""A line on every screen while results cannot be saved: they are kept in memory meanwhile.

Shown by more than colour: it starts with "⚠ Not saved yet". Hidden when all is well.
"""

from __future__ import annotations

from textual.content import Content

from quizgame.tui.widgets.literal import Plain, lit


def status_text(message: str, pending: int) -> Content:
    # The saver's message ends "— answers are kept in memory..."; said shorter up front here,
    # so the reason and the file fit two lines of 80 columns.
    reason = message.split(" — ")[0]
    if pending:
        lead = f"⚠ {pending} result{'' if pending == 1 else 's'} not saved yet, kept in memory"
    else:
        lead = "⚠ Results not saved"
    return Content.assemble((lead, "bold"), ": ", lit(reason))


class SaveStatus(Plain):
    DEFAULT_CSS = """
    /* Not docked (it would cover the footer): last in the layout, under the 1fr body. */
    SaveStatus {
        display: none;
        height: auto;
        max-height: 3;
        padding: 0 1;
        background: $error-muted;
        color: $text-error;
        text-overflow: ellipsis;
    }
    SaveStatus.-shown {
        display: block;
    }
    """

    def on_mount(self) -> None:
        # The app polls the saver and keeps the latest trouble in `save_problem`.
        self.watch(self.app, "save_problem", self._changed, init=True)

    def _changed(self, problem: tuple[str, int] | None) -> None:
        self.set_class(problem is not None, "-shown")
        if problem is not None:
            self.show(status_text(*problem))
