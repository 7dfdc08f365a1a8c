"""Every path quizgame reads or writes, in one place.

Environment variables win over the platform defaults so that a teacher can point a whole
class at one folder or one database, and so tests never touch the real user directories.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "quizgame"

# Built-in packs: `questions/` at the repo root in a checkout, `quizgame/questions` in a wheel.
_PACKAGE_DIR = Path(__file__).resolve().parent


def builtin_packs_dir() -> Path:
    installed = _PACKAGE_DIR / "questions"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "questions"


def _platform_dirs():
    # platformdirs is cheap, but keep it out of import time for the CLI's fast paths.
    from platformdirs import PlatformDirs

    return PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    override = os.environ.get("QUIZGAME_DATA_DIR")
    return Path(override) if override else Path(_platform_dirs().user_data_dir)


def cache_dir() -> Path:
    override = os.environ.get("QUIZGAME_CACHE_DIR")
    return Path(override) if override else Path(_platform_dirs().user_cache_dir)


def config_dir() -> Path:
    override = os.environ.get("QUIZGAME_CONFIG_DIR")
    return Path(override) if override else Path(_platform_dirs().user_config_dir)


def settings_path() -> Path:
    """The player's name and last options (quizgame.settings)."""
    return config_dir() / "settings.json"


def user_packs_dir() -> Path:
    return data_dir() / "packs"


def extra_pack_dirs() -> list[Path]:
    """Folders named by QUIZGAME_PACKS (os.pathsep-separated)."""
    raw = os.environ.get("QUIZGAME_PACKS", "")
    return [Path(part) for part in raw.split(os.pathsep) if part.strip()]


def pack_cache_dir() -> Path:
    return cache_dir() / "packs"


def default_db_path() -> Path:
    override = os.environ.get("QUIZGAME_DB")
    return Path(override) if override else data_dir() / "results.sqlite3"
