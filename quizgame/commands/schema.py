"""`quizgame schema`: print the pack format's JSON Schema."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    from quizgame.packs.json_schema import render

    sys.stdout.write(render())
    return 0
