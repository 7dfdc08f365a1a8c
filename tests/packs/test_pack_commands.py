"""quizgame validate, schema, new and packs, through the real command line."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quizgame import locations
from quizgame.cli import main
from quizgame.packs import load_pack
from quizgame.packs.json_schema import render as render_schema
from quizgame.packs.models import SCHEMA_URL

from .conftest import SOURCE_PATH, VALID, edit, write

REPO = Path(__file__).resolve().parents[2]
QUIZGAME = REPO / ".venv" / "bin" / "quizgame"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- validate ----------------------------------------------------------------------------


def test_validate_a_valid_pack(pack_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(pack_dir, VALID)

    assert run(capsys, "validate", str(path)) == (0, "1 pack checked: all valid\n", "")


def test_validate_prints_every_problem_then_a_summary(
    pack_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(pack_dir)
    write(pack_dir, VALID, "good.yaml")
    (pack_dir / "sub").mkdir()
    shutil.copy(SOURCE_PATH, pack_dir / "sub" / "source.txt")
    bad = edit("answer: false", "answer: no")
    bad = edit("    section: winter\n    prompt: Where", "    section: wintr\n    prompt: Where", bad)
    bad = edit("license: CC0-1.0", "licence: CC0-1.0", bad)
    write(pack_dir / "sub", bad, "bad.yml")

    code, out, err = run(capsys, "validate", "good.yaml", "sub")

    assert code == 1
    assert err == ""
    assert out.splitlines() == [
        "sub/bad.yml:8:1: unknown field 'licence' (did you mean 'license'?)",
        'sub/bad.yml:42:13: unquoted no is ambiguous (a boolean in YAML 1.1); quote it ("no") if you mean text, '
        "or write true/false",
        "sub/bad.yml:50:14: unknown section 'wintr' (did you mean 'winter'?); the sections are: winter, spring",
        "2 packs checked: 1 valid, 1 with 3 problems",
    ]


def test_validate_checks_each_file_once_however_it_is_named(
    pack_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(pack_dir)
    write(pack_dir, edit("answer: false", "answer: no"), "a.yaml")
    (pack_dir / "link.yaml").symlink_to(pack_dir / "a.yaml")

    code, out, _ = run(capsys, "validate", "a.yaml", ".", "./a.yaml", str(pack_dir / "a.yaml"))

    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("a.yaml:42:13: unquoted no is ambiguous")
    assert lines[-1] == "1 pack checked: 0 valid, 1 with 1 problem"


def test_validate_a_path_that_does_not_exist_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "validate", str(tmp_path / "nope.yaml"))

    assert (code, out) == (2, "")
    assert err == f"quizgame validate: no such file or folder: {tmp_path / 'nope.yaml'}\n"


def test_validate_a_folder_without_packs_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("hello")

    code, out, err = run(capsys, "validate", str(tmp_path))

    assert (code, out) == (2, "")
    assert "no pack files (*.yaml, *.yml) in folder" in err


def test_validate_without_a_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["validate"])

    assert raised.value.code == 2


@pytest.mark.parametrize(
    "content",
    [b"\x00\x01\x02\xff\xfe garbage", b"\x89PNG\r\n\x1a\n\x00\x00", "schema: 1\n\x00".encode(), b"[" * 100_000],
)
def test_validate_never_shows_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    path = write(tmp_path, content, "garbage.yaml")

    code, out, err = run(capsys, "validate", str(path))

    assert code == 1
    assert out.startswith(f"{path}:1:")
    assert out.endswith("1 pack checked: 0 valid, 1 with 1 problem\n") or "problems\n" in out
    assert "Traceback" not in out + err


def test_validate_in_a_real_process_on_binary_garbage(tmp_path: Path) -> None:
    path = tmp_path / "garbage.yaml"
    path.write_bytes(bytes(range(256)) * 20)

    result = subprocess.run([str(QUIZGAME), "validate", str(path)], capture_output=True, text=True, timeout=60)

    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    first, summary = result.stdout.splitlines()
    # 0x80 is the first byte that is not UTF-8; bytes 10 and 13 were line breaks before it.
    assert first == f"{path}:3:115: byte 0x80 at byte offset 128 is not valid UTF-8; save the file as UTF-8"
    assert summary == "1 pack checked: 0 valid, 1 with 1 problem"


def test_validate_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from quizgame.cli import main\n"
        "try:\n"
        "    main(['validate', sys.argv[1]])\n"
        "finally:\n"
        "    assert not [m for m in sys.modules if m.startswith('textual')], 'textual imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(REPO / "tests" / "packs" / "fixtures" / "valid.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert "all valid" in result.stdout


def test_importing_quizgame_packs_does_not_import_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import quizgame.packs, sys; assert not any(m.startswith('textual') for m in sys.modules)"],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr


# -- schema ------------------------------------------------------------------------------


def test_schema_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)

    assert code == 0
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_URL
    assert schema["title"] == "quizgame question pack (format 1)"
    assert schema["properties"]["schema"]["const"] == 1
    assert "format_version" not in schema["properties"]
    assert schema["additionalProperties"] is False
    assert set(schema["$defs"]) >= {"SingleQuestion", "MultipleQuestion", "TrueFalseQuestion", "ShortQuestion"}


def test_the_schema_file_in_docs_is_up_to_date() -> None:
    # If this fails: .venv/bin/quizgame schema > docs/pack.schema.json
    assert (REPO / "docs" / "pack.schema.json").read_text(encoding="utf-8") == render_schema()


# -- new ---------------------------------------------------------------------------------


def fill_in_quotes(text: str, source: str) -> str:
    """Replace each quote placeholder with a real passage, later ones further on."""
    passages = iter(
        [
            "The lamp burned for 4,380 hours",
            "Supplies came by boat from Hamburg",
            "the keeper had asked for a transfer.",
            "It was refused.",
            "her entries are short, precise and dry.",
        ]
    )
    for passage in passages:
        assert passage in source.replace("\u00a0", " ")
    passages = iter(
        [
            "The lamp burned for 4,380 hours",
            "the keeper had asked for a transfer.",
            "It was refused.",
            "Supplies came by boat from Hamburg",
            "her entries are short, precise and dry.",
        ]
    )
    return re.sub(r"TODO: copy a passage from the source, word for word", lambda _: next(passages), text)


def fill_in_everything(text: str, source: str) -> str:
    """The starter with real quotes, a real date and every other TODO text replaced."""
    text = fill_in_quotes(text, source).replace("date: 2000-01-01", "date: 2011-01-01")
    # The same placeholder gets the same text, so answers still match their choices.
    filled: dict[str, str] = {}
    return re.sub(r'"TODO: ([^"]*)"', lambda m: f'"{filled.setdefault(m[1], f"filled in {len(filled) + 1}")}"', text)


def test_new_writes_a_starter_that_validates_once_quotes_are_real(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "texts" / "lighthouse.txt"
    source.parent.mkdir()
    shutil.copy(SOURCE_PATH, source)
    pack = tmp_path / "packs" / "My Lighthouse.yaml"

    code, out, err = run(capsys, "new", str(pack), "--source", str(source))

    assert (code, err) == (0, "")
    assert f"wrote {pack}" in out
    # A source text from elsewhere is copied beside the pack: that is where a source must be.
    assert f"copied {source} to {pack.parent / 'lighthouse.txt'}" in out
    assert (pack.parent / "lighthouse.txt").read_bytes() == source.read_bytes()
    text = pack.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=pack.schema.json\n")
    assert 'text: "lighthouse.txt"' in text
    assert "id: my-lighthouse" in text
    for kind in ("single", "multiple", "true_false", "short"):
        assert f"type: {kind}" in text
    assert (pack.parent / "pack.schema.json").read_text(encoding="utf-8") == render_schema()

    # As written, every placeholder is a problem, each at its own line: the TODO texts, the
    # date, and each quote fragment.
    code, out, _ = run(capsys, "validate", str(pack))
    assert code == 1
    lines = out.splitlines()[:-1]
    todo_lines = [n for n, line in enumerate(text.splitlines(), 1) if re.search(r'^[^#]*"TODO', line)]
    date_line = next(n for n, line in enumerate(text.splitlines(), 1) if "2000-01-01" in line)
    assert sorted(int(line.split(":")[1]) for line in lines) == sorted(todo_lines + [date_line])
    assert all("placeholder" in line for line in lines)
    assert sum("quote fragment" in line for line in lines) == 2

    # Real quotes are not enough while other placeholders are left.
    pack.write_text(fill_in_quotes(text, source.read_text(encoding="utf-8")), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(pack))
    assert code == 1 and "quote" not in out and "2000-01-01" in out

    pack.write_text(fill_in_everything(text, source.read_text(encoding="utf-8")), encoding="utf-8")
    assert run(capsys, "validate", str(pack)) == (0, "1 pack checked: all valid\n", "")
    assert [q.type for q in load_pack(pack, cache=False).pack.questions] == ["single", "multiple", "true_false", "short"]


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_new_writes_files_as_the_umask_allows_and_keeps_a_replaced_files_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], umask: int
) -> None:
    pack = tmp_path / "mine.yaml"
    before = os.umask(umask)
    try:
        assert run(capsys, "new", str(pack), "--source", str(SOURCE_PATH))[0] == 0
        assert pack.stat().st_mode & 0o777 == 0o666 & ~umask
        assert (tmp_path / "pack.schema.json").stat().st_mode & 0o777 == 0o666 & ~umask
        pack.chmod(0o640)
        assert run(capsys, "new", str(pack), "--source", str(SOURCE_PATH), "--force")[0] == 0
        assert pack.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(before)


def test_new_quotes_a_path_with_spaces_in_its_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "my packs" / "Lighthouse quiz.yaml"

    code, out, _ = run(capsys, "new", str(pack), "--source", str(SOURCE_PATH))

    assert code == 0
    hint = out.splitlines()[0]
    assert hint.endswith(f"then run: quizgame validate '{pack}'")
    # The hint pastes into a shell as one argument.
    command = hint.split("then run: ", 1)[1]
    done = subprocess.run(["sh", "-c", command.replace("quizgame", str(QUIZGAME), 1)], capture_output=True, text=True)
    assert done.returncode == 1 and f"{pack}:" in done.stdout


def test_new_keeps_a_source_already_in_the_pack_s_folder_where_it_is(
    pack_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (pack_dir / "texts").mkdir()
    shutil.move(pack_dir / "source.txt", pack_dir / "texts" / "source.txt")
    code, out, _ = run(capsys, "new", str(pack_dir / "pack.yaml"), "--source", str(pack_dir / "texts" / "source.txt"))
    assert code == 0 and "copied" not in out
    assert 'text: "texts/source.txt"' in (pack_dir / "pack.yaml").read_text(encoding="utf-8")


def test_new_does_not_overwrite_a_different_source_beside_the_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "packs").mkdir()
    source = tmp_path / "texts" / "source.txt"
    shutil.copy(SOURCE_PATH, source)
    (tmp_path / "packs" / "source.txt").write_text("another text\n", encoding="utf-8")
    pack = tmp_path / "packs" / "pack.yaml"
    code, _, err = run(capsys, "new", str(pack), "--source", str(source))
    assert code == 2 and "already exists and differs" in err and "--force" in err
    assert not pack.exists()
    assert (tmp_path / "packs" / "source.txt").read_text(encoding="utf-8") == "another text\n"
    assert run(capsys, "new", str(pack), "--source", str(source), "--force")[0] == 0
    assert (tmp_path / "packs" / "source.txt").read_bytes() == source.read_bytes()


def test_new_refuses_to_overwrite_without_force(pack_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = write(pack_dir, "mine")
    source = str(pack_dir / "source.txt")

    code, out, err = run(capsys, "new", str(pack), "--source", source)
    assert (code, out) == (2, "")
    assert err == f"quizgame new: {pack} already exists; use --force to overwrite it\n"
    assert pack.read_text() == "mine"

    assert run(capsys, "new", str(pack), "--source", source, "--force")[0] == 0
    assert pack.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_new_with_a_missing_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "new", str(tmp_path / "p.yaml"), "--source", str(tmp_path / "nope.txt"))

    assert (code, out) == (2, "")
    assert err == f"quizgame new: source text file not found: {tmp_path / 'nope.txt'}\n"
    assert not (tmp_path / "p.yaml").exists()


def test_new_with_a_source_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "latin1.txt").write_bytes("caf\u00e9".encode("latin-1"))

    code, _, err = run(capsys, "new", str(tmp_path / "p.yaml"), "--source", str(tmp_path / "latin1.txt"))

    assert code == 1
    assert "is not UTF-8" in err


def test_new_needs_a_yaml_file_name(pack_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "new", str(pack_dir / "pack.txt"), "--source", str(pack_dir / "source.txt"))

    assert code == 2
    assert "must end in .yaml or .yml" in err


# -- packs -------------------------------------------------------------------------------


@pytest.fixture
def builtin(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("builtin")
    shutil.copy(SOURCE_PATH, folder / "source.txt")
    write(folder, VALID, "lighthouse.yaml")
    monkeypatch.setattr(locations, "builtin_packs_dir", lambda: folder)
    return folder


def test_packs_lists_every_folder_and_pack(
    builtin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # relative folder names keep the headings short
    Path("extra").mkdir()
    shutil.copy(SOURCE_PATH, "extra/source.txt")
    write(Path("extra"), edit("answer: false", "answer: no"), "broken.yaml")
    monkeypatch.setenv("QUIZGAME_PACKS", "from-env")
    locations.user_packs_dir().mkdir(parents=True)
    monkeypatch.setenv("COLUMNS", "200")

    code, out, err = run(capsys, "packs", "--packs", "extra")

    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Built-in packs ({builtin}):",
        "  lighthouse: The Lighthouse Keeper's Year",
        "      4 questions; source: The Lighthouse Keeper’s Year (Test Press)",
        f"Your packs ({locations.user_packs_dir()}):",
        "  none",
        "Packs from --packs (extra):",
        "  broken.yaml: INVALID, 1 problem ('quizgame validate' lists them)",
        # A reason is wrapped at the terminal's width (100 columns at most), never cut.
        '      42:13: unquoted no is ambiguous (a boolean in YAML 1.1); quote it ("no") if you mean text, or',
        "      write true/false",
        "Packs from QUIZGAME_PACKS (from-env, does not exist yet):",
        "  none",
        "2 packs found: 1 valid, 1 invalid",
    ]


def test_packs_fits_80_columns_except_for_long_paths(
    builtin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / ("a-folder-with-a-long-name-" * 3)
    extra.mkdir()
    shutil.copy(SOURCE_PATH, extra / "source.txt")
    write(extra, edit("answer: false", "answer: no"), "broken.yaml")
    monkeypatch.setenv("COLUMNS", "80")

    _, out, _ = run(capsys, "packs", "--packs", str(extra))

    lines = out.splitlines()
    assert f"  in {extra}" in lines  # a path is never cut
    assert [line for line in lines if len(line) > 80 and not line.startswith("  in /")] == []
    assert lines[lines.index(f"  in {extra}") + 2 :][:2] == [
        '      42:13: unquoted no is ambiguous (a boolean in YAML 1.1); quote it ("no")',
        "      if you mean text, or write true/false",
    ]


def test_packs_shows_the_user_folder_even_when_empty(builtin: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locations.user_packs_dir().mkdir(parents=True)

    code, out, _ = run(capsys, "packs")

    assert code == 0
    assert f"Your packs ({locations.user_packs_dir()}):\n  none\n" in out


def test_packs_before_the_command_counts_too(builtin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()

    _, out, _ = run(capsys, "--packs", str(extra), "packs")

    assert str(extra) in out
    assert "Packs from --packs" in out


def test_long_titles_are_cut_to_the_width(builtin: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    write(builtin, edit("title: The Lighthouse Keeper's Year", "title: " + "Very long title " * 10), "lighthouse.yaml")
    monkeypatch.setenv("COLUMNS", "80")

    _, out, _ = run(capsys, "packs")

    line = next(line for line in out.splitlines() if line.startswith("  lighthouse:"))
    assert len(line) <= 80
    assert line.endswith("…")


def test_the_user_environment_is_isolated(isolated_folders: Path) -> None:
    assert locations.user_packs_dir().is_relative_to(isolated_folders)
    assert "QUIZGAME_PACKS" not in os.environ


def test_packs_and_validate_agree_on_a_pack_whose_id_is_taken(
    builtin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second pack with the same id is valid (validate passes it); `packs` says so too, and
    why it is not used, with the full path of the pack that has the id, whatever the width."""
    extra = tmp_path / "a-folder-with-a-long-name-to-push-the-path-past-the-width" / "extra"
    extra.mkdir(parents=True)
    shutil.copy(SOURCE_PATH, extra / "source.txt")
    write(extra, VALID, "again.yaml")
    monkeypatch.setenv("COLUMNS", "80")

    assert run(capsys, "validate", str(extra / "again.yaml")) == (0, "1 pack checked: all valid\n", "")
    code, out, err = run(capsys, "packs", "--packs", str(extra))

    assert (code, err) == (0, "")
    assert "INVALID" not in out
    note = " ".join(out.split())
    assert f"not used: again.yaml is valid, but its id 'lighthouse' is taken by a pack found before it, {builtin / 'lighthouse.yaml'}; give this one an id of its own" in note
    assert out.splitlines()[-1] == "2 packs found: 2 valid, 0 invalid; 1 of the valid not used, its id taken"
