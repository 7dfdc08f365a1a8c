"""Packs for the lint tests: one that every rule passes, and edits of it that trip one rule."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizgame.packs.lint.run import Report, lint_path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLEAN = (FIXTURES / "clean.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def isolated_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path_factory.mktemp("quizgame-home")
    monkeypatch.setenv("QUIZGAME_CACHE_DIR", str(root / "cache"))
    monkeypatch.setenv("QUIZGAME_DATA_DIR", str(root / "data"))
    monkeypatch.delenv("QUIZGAME_PACKS", raising=False)


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    shutil.copy(FIXTURES / "harbour.txt", tmp_path / "harbour.txt")
    return tmp_path


def edit(old: str, new: str, text: str = CLEAN) -> str:
    """The clean pack with one exact, unique piece of text replaced."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def report(folder: Path, text: str) -> Report:
    path = folder / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    result = lint_path(path)
    assert result.problems == [], result.problems
    return result


def findings(folder: Path, text: str) -> list[str]:
    """'LINE:COL: QGnnn rule-name: message' for every finding left after silences."""
    return [f"{f.line}:{f.col}: {f.code} {f.rule}: {f.message}" for f in report(folder, text).findings]


def at(found: list[str], code: str) -> list[str]:
    """The LINE:COL of each finding of one rule."""
    return [line.split(": ")[0] for line in found if line.split(": ")[1].startswith(f"{code} ")]
