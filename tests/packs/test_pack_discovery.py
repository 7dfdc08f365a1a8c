"""Finding packs in the built-in, user and extra folders, and resolving a pack by path or id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizgame import locations
from quizgame.packs import PackError, discover_packs, resolve_pack

from .conftest import SOURCE_PATH, edit, write


def make_folder(root: Path, name: str, packs: dict[str, str]) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    shutil.copy(SOURCE_PATH, folder / "source.txt")
    for file_name, text in packs.items():
        path = folder / file_name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.parent != folder:
            shutil.copy(SOURCE_PATH, path.parent / "source.txt")
        write(path.parent, text, path.name)
    return folder


def pack_with_id(pack_id: str) -> str:
    return edit("id: lighthouse", f"id: {pack_id}")


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    builtin = make_folder(tmp_path, "builtin", {"a.yaml": pack_with_id("alpha")})
    monkeypatch.setattr(locations, "builtin_packs_dir", lambda: builtin)
    user = make_folder(
        tmp_path,
        "user",
        {
            "b.yml": pack_with_id("beta"),
            "broken.yaml": edit("answer: false", "answer: no"),
            "nested/deeper/c.yaml": pack_with_id("gamma"),
            ".hidden/h.yaml": pack_with_id("hidden"),
            "notes.txt": "not a pack",
        },
    )
    monkeypatch.setattr(locations, "user_packs_dir", lambda: user)
    return {"builtin": builtin, "user": user, "root": tmp_path}


def summary(entries: list) -> list[tuple[str, str, str]]:
    return [(e.origin, e.path.name, e.pack.id if e.pack else "INVALID") for e in entries]


def test_packs_are_found_in_precedence_order(folders: dict[str, Path]) -> None:
    assert summary(discover_packs()) == [
        ("built-in", "a.yaml", "alpha"),
        ("user", "b.yml", "beta"),
        ("user", "broken.yaml", "INVALID"),
        ("user", "c.yaml", "gamma"),
    ]


def test_an_invalid_pack_is_listed_with_its_problems(folders: dict[str, Path]) -> None:
    [broken] = [e for e in discover_packs() if e.pack is None]

    assert not broken.ok
    assert broken.problems[0].line == 42
    assert "unquoted no is ambiguous" in broken.problems[0].message


def test_extra_folders_from_arguments_then_the_environment(
    folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    one = make_folder(folders["root"], "one", {"d.yaml": pack_with_id("delta")})
    two = make_folder(folders["root"], "two", {"e.yaml": pack_with_id("epsilon")})
    three = make_folder(folders["root"], "three", {"f.yaml": pack_with_id("zeta")})
    monkeypatch.setenv("QUIZGAME_PACKS", f"{two}:{three}")

    extras = [e for e in discover_packs([one]) if e.origin == "extra"]

    assert [(e.pack.id, e.folder) for e in extras if e.pack] == [("delta", one), ("epsilon", two), ("zeta", three)]


def test_a_duplicate_id_is_valid_but_not_used_and_the_first_wins(folders: dict[str, Path]) -> None:
    extra = make_folder(folders["root"], "extra", {"again.yaml": pack_with_id("alpha")})

    entries = discover_packs([extra])
    [duplicate] = [e for e in entries if e.path.name == "again.yaml"]

    assert duplicate.pack is not None and duplicate.problems == []
    assert duplicate.taken_by == folders["builtin"] / "a.yaml"
    assert not duplicate.ok
    assert resolve_pack("alpha") == folders["builtin"] / "a.yaml"


def test_a_folder_named_twice_lists_its_packs_once(folders: dict[str, Path]) -> None:
    entries = discover_packs([folders["builtin"], folders["builtin"]])

    assert [e.path.name for e in entries].count("a.yaml") == 1


def test_missing_folders_are_fine(folders: dict[str, Path]) -> None:
    assert summary(discover_packs([folders["root"] / "nowhere"]))[0] == ("built-in", "a.yaml", "alpha")


def test_resolve_by_id(folders: dict[str, Path]) -> None:
    assert resolve_pack("gamma") == folders["user"] / "nested" / "deeper" / "c.yaml"


def test_resolve_by_path_does_not_need_discovery(tmp_path: Path) -> None:
    path = write(tmp_path, "anything")

    assert resolve_pack(str(path)) == path


def test_an_unknown_id_suggests_and_lists(folders: dict[str, Path]) -> None:
    with pytest.raises(LookupError) as raised:
        resolve_pack("gama")

    assert str(raised.value) == (
        "no pack with id 'gama' (did you mean 'gamma'?); packs found: alpha, beta, gamma (see 'quizgame packs')"
    )


def test_an_invalid_pack_named_by_its_file_name_raises_its_problems(folders: dict[str, Path]) -> None:
    with pytest.raises(PackError) as raised:
        resolve_pack("broken")

    assert "unquoted no is ambiguous" in str(raised.value)


@pytest.mark.parametrize("ref", ["missing.yaml", "some/where"])
def test_a_missing_file(folders: dict[str, Path], ref: str) -> None:
    with pytest.raises(LookupError, match=f"no such pack file: {ref}"):
        resolve_pack(ref)


def test_a_folder_is_not_a_pack(folders: dict[str, Path]) -> None:
    with pytest.raises(LookupError, match="is a folder"):
        resolve_pack(str(folders["user"]))
