"""The conversion libraries are imported only by `quizgame convert`: playing, validating and
the command line itself never load lark, defusedxml, openpyxl or the converters."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ARTICLE

CONVERSION = ("lark", "defusedxml", "openpyxl", "quizgame.packs.convert", "quizgame.commands.convert")

PLAY_AND_VALIDATE = f"""
import sys
from pathlib import Path
from quizgame import cli
from quizgame.engine import QuizSession, SessionOptions
from quizgame.packs import load_pack
from quizgame.packs.load import validate_path

QuizSession(load_pack(Path({str(ARTICLE)!r})), SessionOptions(seed=1))
assert validate_path(Path({str(ARTICLE)!r})) == []
cli.build_parser().parse_args(["convert", "a.gift", "b.yaml"])
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in {CONVERSION!r} or m.startswith({CONVERSION!r}))))
"""


def test_play_validate_and_the_parser_load_no_conversion_library() -> None:
    done = subprocess.run([sys.executable, "-c", PLAY_AND_VALIDATE], capture_output=True, text=True, timeout=120)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_each_format_loads_only_its_own_library() -> None:
    code = (
        "import sys\n"
        "from quizgame.packs.convert.gift import read_gift\n"
        "read_gift('Q?{T}')\n"
        "assert 'lark' in sys.modules\n"
        "assert not [m for m in sys.modules if m.startswith(('openpyxl', 'defusedxml', 'textual', 'quizgame.engine'))]\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
