"""`quizgame convert` through the real command line: messages, summary, exit codes, files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quizgame.packs.load import validate_path

from .conftest import FIXTURES, REPO, fill_in, loaded, run

GIFT = (
    "// A small bank\n\n"
    "$CATEGORY: $course$/top/Tombs\n\n"
    "::Grant::Who's buried in Grant's tomb?{~Grant ~Jefferson =no one#Nobody is: he is entombed.}\n\n"
    "When was Grant born?{#1822:5}\n\n"
    "Match.{=Canada -> Ottawa =Italy -> Rome}\n\n"
    "Grant is buried in Grant's tomb.{F####He is entombed above ground.}\n"
)


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "bank.gift"
    path.write_text(GIFT, encoding="utf-8")
    return path


def test_import_prints_each_skip_then_a_summary_and_exits_1(bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = bank.parent / "packs" / "tombs.yaml"

    code, out, err = run(capsys, str(bank), str(out_path))

    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"{bank}:7:1: skipped a numerical question ({{#...}}): quizgame has no number-with-tolerance kind",
        f"{bank}:9:1: skipped a matching question (a -> b): quizgame has no such kind",
        f"converted 2 questions from {bank} to {out_path}; skipped 2 (1 matching, 1 numerical)",
        f"next: replace every TODO, then run: quizgame validate {out_path}",
    ]
    assert (out_path.parent / "pack.schema.json").exists()
    text = out_path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=pack.schema.json\n")
    # The placeholders are problems, each at its place; nothing else is.
    problems = validate_path(out_path)
    assert problems and all("placeholder" in p.message for p in problems)
    assert sum("quote is still a placeholder" in p.message for p in problems) == 2


def test_a_clean_import_exits_0_and_the_pack_plays_once_filled_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = tmp_path / "bank.gift"
    bank.write_text("::Fog::Fog is a cloud on the ground.{T####Le brouillard, c'est un nuage au sol.}\n", encoding="utf-8")
    shutil.copy(FIXTURES / "every-type.txt", tmp_path / "every-type.txt")
    out_path = tmp_path / "fog.yaml"

    code, out, _ = run(capsys, str(bank), str(out_path))

    assert code == 0
    assert out.startswith(f"converted 1 question from {bank} to {out_path}\n")
    text = out_path.read_text(encoding="utf-8")
    text = text.replace('"TODO: copy a passage from the source, word for word"', '"Le brouillard, c\'est un nuage au sol."')
    out_path.write_text(fill_in(text, "every-type.txt"), encoding="utf-8")
    pack = loaded(out_path)
    assert [(q.id, q.type, q.answer, q.explanation) for q in pack.questions] == [
        ("fog", "true_false", True, "Le brouillard, c'est un nuage au sol.")
    ]


def test_never_overwrites_without_force(bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = bank.parent / "tombs.yaml"
    out_path.write_text("mine", encoding="utf-8")

    code, out, err = run(capsys, str(bank), str(out_path))

    assert (code, out) == (2, "")  # the command line asks for what needs --force
    assert err == f"quizgame convert: {out_path} already exists; use --force to overwrite it\n"
    assert out_path.read_text(encoding="utf-8") == "mine"
    assert run(capsys, str(bank), str(out_path), "--force")[0] == 1  # 1: two questions skipped
    assert out_path.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_writes_through_a_temporary_file_and_leaves_the_old_one_on_failure(
    bank: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out_path = bank.parent / "tombs.yaml"
    out_path.write_text("mine", encoding="utf-8")
    replaced: list[tuple[str, str]] = []

    def failing_replace(src: str, dst: str) -> None:
        replaced.append((os.path.basename(src), os.path.basename(dst)))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    code, _, err = run(capsys, str(bank), str(out_path), "--force")

    assert code == 1
    assert err == f"quizgame convert: cannot write {out_path}: No space left on device\n"
    assert replaced[0][0].startswith(".tombs.yaml.") and replaced[0][1] == "tombs.yaml"
    assert out_path.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in bank.parent.iterdir()) == ["bank.gift", "tombs.yaml"]


def test_the_written_file_follows_the_umask(bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = os.umask(0o027)
    try:
        run(capsys, str(bank), str(bank.parent / "tombs.yaml"))
    finally:
        os.umask(old)

    assert (bank.parent / "tombs.yaml").stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(
    "argv, message",
    [
        (["nope.gift", "out.yaml"], "no such file: nope.gift"),
        (["bank.gift", "out.gift"], "one side must be a quizgame pack (.yaml): got GIFT to GIFT"),
        (["bank.gift", "out.doc"], "cannot tell the format of out.doc from its name"),
        (["bank.gift", "out.yaml", "--from", "gift", "--to", "gift"], "one side must be a quizgame pack"),
        (["pack.yaml", "out.gift", "--source", "bank.gift"], "--source is for bringing questions in"),
        (["bank.gift", "out.yaml", "--source", "missing.txt"], "source text file not found: missing.txt"),
        (["bank.gift", "out.gift", "--to", "yaml"], "out.gift: a pack file's name must end in .yaml or .yml"),
        (["pack.yaml", "pack.yaml", "--force", "--to", "gift"], "pack.yaml is the input itself"),
    ],
)
def test_bad_usage_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bank.gift").write_text(GIFT, encoding="utf-8")
    Path("pack.yaml").write_text("schema: 1\n", encoding="utf-8")

    code, out, err = run(capsys, *argv)

    assert (code, out) == (2, "")
    assert err.startswith(f"quizgame convert: {message}") and err.count("\n") == 1


def test_an_invalid_pack_is_not_exported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "broken.yaml"
    pack.write_text("schema: 1\nid: x\n", encoding="utf-8")

    code, out, _ = run(capsys, str(pack), str(tmp_path / "out.gift"))

    assert code == 1
    assert out.splitlines()[0].startswith(f"{pack}:1:1: missing required field")
    assert out.splitlines()[-1].startswith(f"nothing converted: {pack} is not a valid pack")
    assert not (tmp_path / "out.gift").exists()


def test_a_file_with_nothing_to_convert_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = tmp_path / "essays.gift"
    bank.write_text("Write about fog.{}\n", encoding="utf-8")

    code, out, _ = run(capsys, str(bank), str(tmp_path / "out.yaml"))

    assert code == 1
    assert out.splitlines()[-1] == f"nothing converted: no question in {bank} fits a quizgame pack; skipped 1 (1 essay)"
    assert not (tmp_path / "out.yaml").exists()


def test_messages_never_carry_control_characters_to_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = tmp_path / "evil.gift"
    bank.write_text("Pick\x1b[31m{~%50%a\x1b]0;x\x07 ~%50%b ~c}\n\nFine?{T}\n", encoding="utf-8")

    code, out, err = run(capsys, str(bank), str(tmp_path / "out.yaml"))

    assert code == 1
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "U+001B" in out


def test_in_a_real_process(bank: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quizgame", "convert", str(bank), str(bank.parent / "t.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "converted 2 questions" in done.stdout


def test_help_names_every_format() -> None:
    done = subprocess.run([sys.executable, "-m", "quizgame", "convert", "--help"], capture_output=True, text=True, timeout=60, cwd=REPO)

    assert done.returncode == 0
    for name in ("gift", "aiken", "moodle", "kahoot", "quizlet", "--force", "--source"):
        assert name in done.stdout
