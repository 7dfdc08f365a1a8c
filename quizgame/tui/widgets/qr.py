"""A QR code in the terminal: segno makes the matrix, half-block characters draw two rows of
modules in each line of text.

segno is imported here only, when the projector draws its lobby with --lan: `play` and
`join` never load it.
"""

from __future__ import annotations

from functools import lru_cache

from textual.widgets import Static

QUIET_ZONE = 2  # modules of light border; phone cameras read 2 on a screen


def join_url(address: str, pin: str) -> str:
    """The page's address, with the PIN after "#" (the page fills it in; a fragment is never
    sent to a server, so it lands in no log)."""
    return f"http://{address}/#pin={pin}"


@lru_cache(maxsize=8)
def qr_text(data: str) -> str:
    """`data` as a QR code: each character two modules high. A block is drawn where a module
    is light, so the widget shows light blocks on a dark background."""
    import segno

    rows = [[not dark for dark in row] for row in segno.make_qr(data, error="m").matrix_iter(border=QUIET_ZONE)]
    if len(rows) % 2:
        rows.append([True] * len(rows[0]))  # the quiet zone goes on below
    lines = []
    for top, bottom in zip(rows[::2], rows[1::2]):
        lines.append("".join(" ▄▀█"[2 * upper + lower] for upper, lower in zip(top, bottom)))
    return "\n".join(lines)


class QrCode(Static):
    """A scannable QR code of `data`, whatever the theme."""

    DEFAULT_CSS = """
    QrCode {
        width: auto;
        height: auto;
        /* Not theme colours on purpose: a camera needs dark modules on light, in any theme. */
        color: #ffffff;
        background: #000000;
    }
    """

    def __init__(self, data: str, **kwargs: object) -> None:
        super().__init__(qr_text(data), markup=False, **kwargs)  # type: ignore[arg-type]
        self.data = data
