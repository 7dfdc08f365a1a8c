"""The projector's QR code of the join page: the matrix segno makes, drawn in half blocks,
for the page's address with the PIN filled in; only with --lan, and only for the host."""

from __future__ import annotations

import subprocess
import sys

import pytest
import segno

from quizgame.tui.widgets.qr import QUIET_ZONE, QrCode, join_url, qr_text

from .conftest import PIN
from .test_live_tui import host_app, screen_text, until

HALF_BLOCKS = {" ": (False, False), "▄": (False, True), "▀": (True, False), "█": (True, True)}


def drawn_matrix(text: str) -> list[list[bool]]:
    """The modules the text shows, light as True: two rows for each line."""
    rows: list[list[bool]] = []
    for line in text.split("\n"):
        rows.append([HALF_BLOCKS[c][0] for c in line])
        rows.append([HALF_BLOCKS[c][1] for c in line])
    return rows


@pytest.mark.parametrize("address", ["192.168.1.20:8765", "10.0.0.7:80", "[fe80::1]:8765"])
def test_the_drawing_is_the_qr_code_of_the_page_with_the_pin(address: str) -> None:
    url = join_url(address, PIN)
    assert url == f"http://{address}/#pin={PIN}"
    expected = [[not dark for dark in row] for row in segno.make_qr(url, error="m").matrix_iter(border=QUIET_ZONE)]
    drawn = drawn_matrix(qr_text(url))
    # An odd number of rows gets one more light row below: part of the quiet zone.
    assert drawn[: len(expected)] == expected
    assert all(all(row) for row in drawn[len(expected):])
    assert len(drawn) - len(expected) in (0, 1)
    # A different PIN is a different code.
    assert qr_text(join_url(address, "654321")) != qr_text(url)


async def test_the_lobby_shows_the_code_and_the_page_with_lan(harbour) -> None:
    app = host_app(harbour)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "or open http://192.168.1.20:8765/" in screen_text(app), what="the page's address")
        code = app.screen.query_one("#qr", QrCode)
        assert code.data == f"http://192.168.1.20:8765/#pin={PIN}"
        assert code.region.width == len(qr_text(code.data).split("\n")[0])
        assert qr_text(code.data).split("\n")[1] in screen_text(app)


async def test_no_code_without_lan(harbour) -> None:
    app = host_app(harbour)
    app.config.lan = False
    app.config.addresses = ["127.0.0.1:8765"]
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "or open http://127.0.0.1:8765/" in screen_text(app), what="the page's address")
        assert not app.screen.query("#qr")


def test_only_the_host_loads_segno() -> None:
    code = (
        "import sys\n"
        "import quizgame.cli, quizgame.commands.join, quizgame.commands.play, quizgame.live.client, quizgame.live.server\n"
        "import quizgame.tui.join, quizgame.tui.app, quizgame.tui.screens.projector\n"
        "print('segno' in sys.modules)\n"
        "from quizgame.tui.widgets.qr import qr_text\n"
        "qr_text('x')\n"
        "print('segno' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
