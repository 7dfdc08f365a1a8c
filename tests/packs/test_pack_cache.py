"""The pack cache: served only for the same pack and source bytes, never a reason to fail."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from quizgame import locations
from quizgame.packs import PackError, load_pack
from quizgame.packs import validation

from .conftest import VALID, edit, write


def _entries() -> list[Path]:
    folder = locations.pack_cache_dir()
    return sorted(folder.glob("*.pack-cache")) if folder.is_dir() else []


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path, data: bytes) -> None:
        raise AssertionError("the pack was parsed again")

    monkeypatch.setattr(validation, "load_bytes", refuse)


def test_the_cache_lives_in_the_test_folder(isolated_folders: Path) -> None:
    assert locations.pack_cache_dir().is_relative_to(isolated_folders)


def test_an_unchanged_pack_is_served_from_the_cache(pack_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(pack_dir, VALID)
    first = load_pack(path)
    assert len(_entries()) == 1

    _no_parsing(monkeypatch)
    second = load_pack(path)

    assert second == first
    assert second.quote_spans == first.quote_spans


def test_cache_false_neither_reads_nor_writes(pack_dir: Path) -> None:
    load_pack(write(pack_dir, VALID), cache=False)

    assert _entries() == []


def test_a_changed_source_is_checked_again(pack_dir: Path) -> None:
    path = write(pack_dir, VALID)
    load_pack(path)
    source = pack_dir / "source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("It was refused.", "It was granted."), encoding="utf-8")

    with pytest.raises(PackError) as raised:
        load_pack(path)

    assert "quote fragment 2 is not in the source text" in str(raised.value)


def test_a_changed_pack_is_checked_again(pack_dir: Path) -> None:
    path = write(pack_dir, VALID)
    load_pack(path)
    write(pack_dir, edit("answer: false", "answer: no"))

    with pytest.raises(PackError):
        load_pack(path)


def test_the_same_bytes_elsewhere_get_their_own_path_and_source(pack_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    first = load_pack(write(pack_dir, VALID))
    other = tmp_path_factory.mktemp("other")
    copy = write(other, VALID)

    with pytest.raises(PackError) as raised:  # no source.txt next to the copy
        load_pack(copy)
    assert "source text file not found" in str(raised.value)

    (other / "source.txt").write_bytes((pack_dir / "source.txt").read_bytes())
    again = load_pack(copy)
    assert again.path == copy
    assert again.content_hash == first.content_hash


def test_invalid_packs_are_not_cached(pack_dir: Path) -> None:
    with pytest.raises(PackError):
        load_pack(write(pack_dir, edit("answer: false", "answer: no")))

    assert _entries() == []


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", pickle.dumps(("source.txt", "not a pack")), pickle.dumps(42)])
def test_a_corrupt_entry_is_ignored_and_rewritten(pack_dir: Path, garbage: bytes) -> None:
    path = write(pack_dir, VALID)
    expected = load_pack(path)
    [entry] = _entries()
    entry.write_bytes(garbage)

    assert load_pack(path) == expected
    assert entry.read_bytes() != garbage


def test_a_cache_folder_that_cannot_be_written_never_stops_loading(pack_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = pack_dir / "a-file"
    blocker.write_text("in the way")
    monkeypatch.setenv("QUIZGAME_CACHE_DIR", str(blocker / "cache"))

    loaded = load_pack(write(pack_dir, VALID))

    assert loaded.pack.id == "lighthouse"


def test_no_temporary_files_are_left_behind(pack_dir: Path) -> None:
    load_pack(write(pack_dir, VALID))

    assert [p.name for p in locations.pack_cache_dir().iterdir() if p.name.startswith(".tmp")] == []


def test_old_entries_are_pruned(pack_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quizgame.packs import cache

    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    for n in range(5):
        load_pack(write(pack_dir, VALID + f"# edit {n}\n"))
        latest = max(_entries(), key=lambda p: p.stat().st_mtime_ns)
        os.utime(latest, ns=(n * 10**9, n * 10**9 + 10**12))

    assert len(_entries()) == 3


def test_the_cache_key_follows_the_installed_pydantic() -> None:
    import pydantic

    from quizgame.packs import cache

    # Found without importing pydantic, so a different install gives different entries.
    assert cache._pydantic_stamp().startswith(f"pydantic {Path(pydantic.__file__).parent}:")
