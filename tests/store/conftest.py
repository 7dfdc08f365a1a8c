"""Store tests: every database and user folder in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.store import ResultsStore

from .helpers import fast_retry


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGAME_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("QUIZGAME_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("QUIZGAME_DB", raising=False)
    monkeypatch.delenv("QUIZGAME_PACKS", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "results.sqlite3"


@pytest.fixture
def store(db_path: Path):
    with ResultsStore.open(db_path, retry=fast_retry()) as opened:
        yield opened
