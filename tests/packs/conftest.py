"""Shared helpers for the pack tests: a valid fixture pack, edits of it, and its problems."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizgame.packs import PackError, load_pack

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID_PATH = FIXTURES / "valid.yaml"
SOURCE_PATH = FIXTURES / "source.txt"
VALID = VALID_PATH.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def isolated_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache and user folders; QUIZGAME_PACKS is unset."""
    root = tmp_path_factory.mktemp("quizgame-home")
    monkeypatch.setenv("QUIZGAME_CACHE_DIR", str(root / "cache"))
    monkeypatch.setenv("QUIZGAME_DATA_DIR", str(root / "data"))
    monkeypatch.delenv("QUIZGAME_PACKS", raising=False)
    return root


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    """A folder holding the fixture source text, ready for pack files."""
    shutil.copy(SOURCE_PATH, tmp_path / "source.txt")
    return tmp_path


def edit(old: str, new: str, text: str = VALID) -> str:
    """The valid pack with one exact, unique piece of text replaced."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def write(folder: Path, content: str | bytes, name: str = "pack.yaml") -> Path:
    path = folder / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def problems_in(path: Path) -> list[str]:
    """'LINE:COL: message' for every problem, or [] when the pack loads."""
    try:
        load_pack(path, cache=False)
    except PackError as error:
        for problem in error.problems:
            assert problem.path == path
        return [f"{p.line}:{p.col}: {p.message}" for p in error.problems]
    return []


def problems_of(folder: Path, content: str | bytes) -> list[str]:
    return problems_in(write(folder, content))


def assert_problem(found: list[str], line: int, col: int, fragment: str) -> None:
    """Some problem is at exactly LINE:COL and its message contains `fragment`."""
    at = f"{line}:{col}: "
    assert any(p.startswith(at) and fragment in p for p in found), (
        f"expected a problem at {line}:{col} containing {fragment!r}; got:\n" + "\n".join(found)
    )
