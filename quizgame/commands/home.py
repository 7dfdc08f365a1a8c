"""`quizgame` with no command: the home screen, to pick a pack, a name and options."""

from __future__ import annotations

import argparse
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from quizgame.commands.play import default_player
    from quizgame.tui.config import AppConfig
    from quizgame.tui.run import run_game

    extra_dirs: list[Path] = list(getattr(args, "packs", None) or [])
    config = AppConfig(
        extra_pack_dirs=tuple(extra_dirs),
        player=default_player(),
        db_path=getattr(args, "db", None),
    )
    return run_game(config)
