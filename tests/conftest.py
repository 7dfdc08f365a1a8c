"""Test-wide isolation: no test may read or write the real user's packs, cache, settings or
results."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Set at import time, before any test module imports quizgame, so subprocesses inherit it too.
_SANDBOX = Path(tempfile.mkdtemp(prefix="quizgame-tests-"))
os.environ["QUIZGAME_DATA_DIR"] = str(_SANDBOX / "data")
os.environ["QUIZGAME_CACHE_DIR"] = str(_SANDBOX / "cache")
os.environ["QUIZGAME_CONFIG_DIR"] = str(_SANDBOX / "config")
os.environ["QUIZGAME_DB"] = str(_SANDBOX / "data" / "results.sqlite3")
os.environ.pop("QUIZGAME_PACKS", None)

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def article_pack_path() -> Path:
    return REPO_ROOT / "questions" / "trump-putin-g20.yaml"
