"""`play` never pays for the classroom: no aiohttp and no quizgame.live on its way to the
first question."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ARTICLE = Path(__file__).resolve().parents[2] / "questions" / "trump-putin-g20.yaml"

# What `quizgame play PACK` imports before Textual draws the first question: the command,
# the pack, the session, the app and its first screen.
PLAY = """
import sys
import quizgame.cli
import quizgame.commands.play
from quizgame.engine import QuizSession, SessionOptions
from quizgame.packs import load_pack
from quizgame.tui.app import create_app
from quizgame.tui.config import AppConfig
from quizgame.tui.screens.quiz import QuizScreen
pack = load_pack(sys.argv[1])
config = AppConfig(start_pack=pack, options=SessionOptions(seed=1), player="Ann")
app = create_app(config)
app.get_default_screen()
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("aiohttp", "yarl", "multidict") or m.startswith("quizgame.live"))
print(" ".join(heavy))
"""


def test_play_imports_no_aiohttp_and_no_network_layer() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PLAY, str(ARTICLE)], capture_output=True, text=True, timeout=120
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


def test_the_check_sees_aiohttp_when_it_is_imported() -> None:
    code = PLAY.replace("import quizgame.cli\n", "import quizgame.cli\nimport quizgame.live.server\n")
    done = subprocess.run(
        [sys.executable, "-c", code, str(ARTICLE)], capture_output=True, text=True, timeout=120
    )

    assert done.returncode == 0, done.stderr
    assert "aiohttp" in done.stdout.split()
