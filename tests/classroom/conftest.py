"""Classroom tests: every database and user folder in tmp_path, and a one-key-per-answer pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import FIXTURES


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGAME_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("QUIZGAME_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("QUIZGAME_DB", str(tmp_path / "results.sqlite3"))
    monkeypatch.delenv("QUIZGAME_PACKS", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "results.sqlite3"


@pytest.fixture
def lighthouse():
    from quizgame.packs import load_pack

    return load_pack(FIXTURES / "lighthouse.yaml", cache=False)
