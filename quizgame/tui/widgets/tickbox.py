"""A checkbox whose state shows as a tick or a blank, not only as a colour."""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # read per render by ToggleButton
        return "✔" if self.value else " "
