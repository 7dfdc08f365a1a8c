"""`source.text`: a file inside the pack's folder, and a text with nothing a terminal would run.

Packs come from colleagues and the web, and the source view puts their source on a class's
screens: a pack must not be able to show /etc/shadow, or write escape sequences to them.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from quizgame.packs import PackError, load_pack
from quizgame.packs.files import SourceOutside, source_path

from .conftest import SOURCE_PATH, VALID, edit, problems_of, write

TEXT_LINE = "14:9: "  # where `text: source.txt` is in the fixture pack


def with_text(value: str) -> str:
    return edit("  text: source.txt", f"  text: {value}")


# -- confinement ---------------------------------------------------------------------------


def test_a_source_beside_or_below_the_pack_is_fine(pack_dir: Path) -> None:
    (pack_dir / "texts").mkdir()
    (pack_dir / "texts" / "source.txt").write_bytes(SOURCE_PATH.read_bytes())
    for value in ("source.txt", "./source.txt", "texts/source.txt", "texts/../source.txt"):
        assert problems_of(pack_dir, with_text(value)) == [], value


@pytest.mark.parametrize("value", ["/etc/passwd", "/etc/shadow", "C:/Windows/win.ini", "'C:\\Windows\\win.ini'", "'\\\\server\\share\\x.txt'"])
def test_an_absolute_path_is_refused_at_the_text_line(pack_dir: Path, value: str) -> None:
    (found,) = problems_of(pack_dir, with_text(value))
    assert found.startswith(TEXT_LINE + "'source.text' must be a path relative to the pack's folder")


def test_a_path_out_of_the_folder_is_refused_even_when_the_file_exists(pack_dir: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("someone") / "notes.txt"
    outside.write_bytes(SOURCE_PATH.read_bytes())  # a perfectly good source, but not the pack's
    relative = os.path.relpath(outside, pack_dir)
    assert relative.startswith("..")
    for value in (relative, "../" * 12 + str(outside).lstrip("/"), f"texts/../{relative}"):
        (found,) = problems_of(pack_dir, with_text(value))
        assert found.startswith(TEXT_LINE + "'source.text' must stay inside the pack's folder"), found
        assert str(outside.resolve()) in found  # says where the path really leads


def test_a_symlink_out_of_the_folder_is_refused(pack_dir: Path, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "notes.txt").write_bytes(SOURCE_PATH.read_bytes())
    (pack_dir / "link.txt").symlink_to(elsewhere / "notes.txt")
    (pack_dir / "texts").symlink_to(elsewhere, target_is_directory=True)
    for value in ("link.txt", "texts/notes.txt"):
        (found,) = problems_of(pack_dir, with_text(value))
        assert found.startswith(TEXT_LINE + "'source.text' must stay inside the pack's folder"), found


def test_a_symlink_that_stays_inside_the_folder_is_fine(pack_dir: Path) -> None:
    (pack_dir / "texts").mkdir()
    (pack_dir / "source.txt").rename(pack_dir / "texts" / "article.txt")
    (pack_dir / "source.txt").symlink_to(Path("texts") / "article.txt")
    assert problems_of(pack_dir, VALID) == []


def test_the_folder_is_the_one_holding_the_pack_as_named(pack_dir: Path, tmp_path_factory) -> None:
    """A pack reached through a symlink (a teacher's packs folder linking to a shared one)
    finds its source beside the link: the folder it was found in is the one that counts."""
    shared = tmp_path_factory.mktemp("shared")
    real = write(shared, VALID)
    (shared / "source.txt").write_bytes(SOURCE_PATH.read_bytes())
    (pack_dir / "pack.yaml").symlink_to(real)
    assert load_pack(pack_dir / "pack.yaml", cache=False).pack.id == "lighthouse"  # pack_dir has source.txt too
    (pack_dir / "source.txt").unlink()
    with pytest.raises(PackError, match="source text file not found"):
        load_pack(pack_dir / "pack.yaml", cache=False)


def test_a_folder_named_as_the_source_is_refused(pack_dir: Path) -> None:
    (pack_dir / "article.txt").mkdir()
    assert problems_of(pack_dir, with_text("article.txt")) == [
        f"{TEXT_LINE}source text {pack_dir / 'article.txt'} is a folder, not a file"
    ]
    assert problems_of(pack_dir, with_text(".")) == [f"{TEXT_LINE}source text {pack_dir} is a folder, not a file"]


def test_a_source_that_is_not_a_regular_file_is_refused_without_waiting(pack_dir: Path) -> None:
    os.mkfifo(pack_dir / "pipe.txt")  # opening it for reading must not wait for a writer
    assert problems_of(pack_dir, with_text("pipe.txt")) == [
        f"{TEXT_LINE}source text {pack_dir / 'pipe.txt'} is not a regular file"
    ]


def test_a_source_over_the_size_limit_is_refused(pack_dir: Path, monkeypatch) -> None:
    import quizgame.packs.validation as validation

    monkeypatch.setattr(validation, "MAX_SOURCE_BYTES", 100)
    (found,) = problems_of(pack_dir, VALID)
    assert found.startswith(f"{TEXT_LINE}source text {pack_dir / 'source.txt'} is too large (")
    assert "the limit is 100 bytes" in found


def test_source_path_resolves_inside_or_says_why(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    assert source_path(pack, "a/../b.txt") == (tmp_path / "b.txt").resolve()
    for value in ("/etc/passwd", "../x.txt", "a/../../x.txt"):
        with pytest.raises(SourceOutside):
            source_path(pack, value)


def test_a_cached_pack_never_serves_a_source_from_outside(pack_dir: Path, tmp_path_factory) -> None:
    """An entry written before the rule (or tampered with) names a source elsewhere: a miss."""
    from quizgame.packs import cache

    path = write(pack_dir, VALID)
    loaded = load_pack(path)  # stored in the cache
    assert cache.lookup(path, path.read_bytes()) is not None
    entry = cache._entry_path(path.read_bytes())
    outside = tmp_path_factory.mktemp("outside") / "source.txt"
    outside.write_bytes(SOURCE_PATH.read_bytes())
    with open(entry, "wb") as handle:
        pickle.dump((os.path.relpath(outside, pack_dir), loaded), handle)
    assert cache.lookup(path, path.read_bytes()) is None


# -- what the source may hold --------------------------------------------------------------


def source_problems(pack_dir: Path, text: str | bytes) -> list[str]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    (pack_dir / "source.txt").write_bytes(SOURCE_PATH.read_bytes() + data)
    path = write(pack_dir, VALID)
    try:
        load_pack(path, cache=False)
    except PackError as error:
        return [str(problem) for problem in error.problems]
    return []


def source_lines() -> int:
    return SOURCE_PATH.read_bytes().count(b"\n")


@pytest.mark.parametrize(
    ("inserted", "what"),
    [
        ("\x1b]0;pwned\x07", "control character U+001B is not allowed in a source text"),
        ("\x1b[31m", "control character U+001B"),
        ("\x9b2J", "control character U+009B"),
        ("\x9d0;x\x9c", "control character U+009D"),
        ("\x07", "control character U+0007"),
        ("\x7f", "control character U+007F"),
        ("\u202etxt", "invisible bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\u2066x\u2069", "invisible bidirectional control U+2066 (LEFT-TO-RIGHT ISOLATE)"),
        ("\rb", "carriage return not followed by a line feed"),
    ],
)
def test_a_source_holding_a_control_or_bidi_character_is_refused_where_it_is(
    pack_dir: Path, inserted: str, what: str
) -> None:
    found = source_problems(pack_dir, f"0123456789abcdef{inserted} end.\n")  # at column 17
    first = found[0]
    # SOURCE_PATH:LINE:COL, in the source file, naming the pack line that points at it.
    assert first.startswith(f"{pack_dir / 'source.txt'}:{source_lines() + 1}:17: {what}"), first
    assert first.endswith("(source.text, pack.yaml line 14)")
    assert "\x1b" not in "".join(found) and "\u202e" not in "".join(found)


def test_windows_line_endings_are_fine_in_a_source(pack_dir: Path) -> None:
    crlf = SOURCE_PATH.read_bytes().replace(b"\n", b"\r\n")
    (pack_dir / "source.txt").write_bytes(crlf)
    assert problems_of(pack_dir, VALID) == []


def test_a_source_full_of_controls_gives_ten_lines_and_a_count(pack_dir: Path) -> None:
    found = source_problems(pack_dir, "\x1b" * 25 + "\n")
    assert len(found) == 11
    assert found[-1].endswith(": 15 more such characters in this source text")


def test_validate_names_the_source_file_and_still_checks_the_pack(pack_dir: Path, capsys) -> None:
    from quizgame.cli import main

    (pack_dir / "source.txt").write_bytes(SOURCE_PATH.read_bytes() + b"\x1b]52;c;cHduZWQ=\x07\n")
    path = write(pack_dir, edit("answer: false", 'answer: "no"'))
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{pack_dir / 'source.txt'}:{source_lines() + 1}:1: control character U+001B" in out
    assert f"{path}:" in out  # the pack's own problem is reported too
    assert "\x1b" not in out and "\x07" not in out
