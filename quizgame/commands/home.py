"""`quizgame` with no command: the home screen, to pick a pack, a name and options."""

from __future__ import annotations

import argparse
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from quizgame.settings import SettingsFile
    from quizgame.tui.config import AppConfig
    from quizgame.tui.run import run_game

    extra_dirs: list[Path] = list(getattr(args, "packs", None) or [])
    settings = SettingsFile.default()
    config = AppConfig(
        extra_pack_dirs=tuple(extra_dirs),
        # The name given last time; on the first run the home screen asks for one.
        player=settings.settings.player,
        settings=settings,
        db_path=getattr(args, "db", None),
    )
    return run_game(config)
