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


@pytest.fixture
def clock():
    from .helpers import FakeClock

    return FakeClock()


@pytest.fixture
def make_saver(db_path: Path, clock):
    """A GameSaver on `db_path` whose Recorder gives up on a locked file in a fraction of a
    second; `connect` swaps in a connection maker (read-only, full...). Closed afterwards.
    Its time of day (deadlines) moves with the test's clock."""
    from quizgame.store.connection import default_connect

    from .helpers import build_saver, wall_time

    made = []

    def make(connect=default_connect, path: Path | None = None, **writer_kw):
        saver = build_saver(path or db_path, connect, now=wall_time(clock), **writer_kw)
        made.append(saver.writer)
        return saver

    yield make
    for writer in made:
        writer.close(30)


@pytest.fixture
def make_app(lighthouse, clock, db_path: Path, make_saver):
    """The real app, as `quizgame` or `quizgame play` builds it, pinned for tests."""
    from quizgame.packs.discovery import PackEntry
    from quizgame.tui.app import create_app
    from quizgame.tui.config import AppConfig

    def make(**overrides):
        values = {
            "player": "Ann",
            "clock": clock,
            "seed_source": lambda: 7,
            "theme": "textual-dark",
            "find_packs": lambda dirs: [
                PackEntry(path=lighthouse.path, origin="built-in", pack=lighthouse, problems=[])
            ],
            "db_path": db_path,
            "status_every": 0.05,
        }
        values.update(overrides)
        if "recorder" not in values:
            values["recorder"] = make_saver()
        return create_app(AppConfig(**values))

    return make
