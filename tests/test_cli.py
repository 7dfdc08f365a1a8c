"""The command line as a whole: one set of exit codes for every command, each command's own
usage on a mistake, and help that says what a new user needs to know."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from quizgame import exits
from quizgame.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "tui" / "fixtures"
HARBOUR = str(FIXTURES / "harbour.yaml")
BROKEN = str(FIXTURES / "broken" / "broken.yaml")


def _code(argv: list[str]) -> int:
    """The exit code of `quizgame ARGV`, whether the command returns it or argparse exits."""
    try:
        return main(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)


@pytest.fixture
def places(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "latin1.txt").write_bytes("caf\u00e9".encode("latin-1"))
    (tmp_path / "exists.yaml").write_text("mine")
    return {
        "missing": str(tmp_path / "nope.yaml"),
        "missing_dir": str(tmp_path / "nowhere"),
        "latin1": str(tmp_path / "latin1.txt"),
        "exists": str(tmp_path / "exists.yaml"),
        "new": str(tmp_path / "new.yaml"),
        "db": str(tmp_path / "results.sqlite3"),
        "source": str(FIXTURES / "harbour.txt"),
    }


# (what goes wrong, the command line, the exit code). `{name}` stands for a path of `places`.
CASES = [
    # 2: the command line is wrong.
    ("an unknown option", ["--bogus"], exits.EXIT_USAGE),
    ("an unknown option after a command", ["play", HARBOUR, "--bogus"], exits.EXIT_USAGE),
    ("a bad option value", ["play", HARBOUR, "--count", "0"], exits.EXIT_USAGE),
    ("an unknown pack id", ["play", "no-such-pack", "--packs", str(FIXTURES)], exits.EXIT_USAGE),
    ("a pack file that is not there", ["play", "{missing}"], exits.EXIT_USAGE),
    ("an unknown section", ["play", HARBOUR, "--sections", "nowhere"], exits.EXIT_USAGE),
    ("a packs folder that is not there", ["packs", "--packs", "{missing_dir}"], exits.EXIT_USAGE),
    ("a path to validate that is not there", ["validate", "{missing}"], exits.EXIT_USAGE),
    ("a source text that is not there", ["new", "{new}", "--source", "{missing}"], exits.EXIT_USAGE),
    ("a starter pack over a file, without --force", ["new", "{exists}", "--source", "{source}"], exits.EXIT_USAGE),
    ("stats of an unknown pack id", ["stats", "no-such-pack", "--db", "{db}"], exits.EXIT_USAGE),
    ("an export into a folder that is not there", ["export", "--db", "{db}", "-o", "{missing_dir}/x.csv"], exits.EXIT_USAGE),
    # 1: problems found in what was read.
    ("playing a pack with problems", ["play", BROKEN], exits.EXIT_PROBLEMS),
    ("validating a pack with problems", ["validate", BROKEN], exits.EXIT_PROBLEMS),
    ("a source text that is not UTF-8", ["new", "{new}", "--source", "{latin1}"], exits.EXIT_PROBLEMS),
    ("stats of a pack file with problems", ["stats", BROKEN, "--db", "{db}"], exits.EXIT_PROBLEMS),
    # 0: all went well.
    ("validating a good pack", ["validate", HARBOUR], exits.EXIT_OK),
    ("listing the packs", ["packs"], exits.EXIT_OK),
    ("results before any game", ["results", "--db", "{db}"], exits.EXIT_OK),
    ("the schema", ["schema"], exits.EXIT_OK),
]


@pytest.mark.parametrize(("what", "argv", "expected"), CASES, ids=[case[0] for case in CASES])
def test_each_exit_code(what: str, argv: list[str], expected: int, places: dict[str, str], capsys) -> None:
    argv = [arg.format(**places) for arg in argv]

    assert _code(argv) == expected, capsys.readouterr()

    err = capsys.readouterr().err
    assert "Traceback" not in err
    if expected == exits.EXIT_USAGE:
        assert err.strip(), "a usage error says what is wrong"


def test_the_codes_are_the_readmes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\d+)` \| (.+?) \|$", readme, flags=re.MULTILINE))

    assert set(rows) == {str(exits.EXIT_OK), str(exits.EXIT_PROBLEMS), str(exits.EXIT_USAGE), str(exits.EXIT_INTERRUPTED)}
    assert "unknown pack id" in rows[str(exits.EXIT_USAGE)] and "missing" in rows[str(exits.EXIT_USAGE)]
    assert "problems" in rows[str(exits.EXIT_PROBLEMS)]


def test_only_the_exits_module_defines_exit_codes() -> None:
    """Defined once: no command spells out its own."""
    offenders = []
    for path in sorted((ROOT / "quizgame").rglob("*.py")):
        if path.name == "exits.py":
            continue
        text = path.read_text(encoding="utf-8")
        offenders += [f"{path.name}: {line.strip()}" for line in text.splitlines() if re.match(r"\s*EXIT_\w+\s*=", line)]
    assert offenders == []


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        (["play", HARBOUR, "--bogus"], "usage: quizgame play "),
        (["validate", HARBOUR, "--bogus"], "usage: quizgame validate "),
        (["results", "--bogus"], "usage: quizgame results "),
        (["--bogus", "packs"], "usage: quizgame [-h]"),
    ],
)
def test_a_wrong_option_shows_the_usage_of_the_command_it_follows(argv: list[str], usage: str, capsys) -> None:
    assert _code(argv) == exits.EXIT_USAGE

    err = capsys.readouterr().err
    assert err.startswith(usage)
    assert err.rstrip().endswith("error: unrecognized arguments: --bogus")


def _help(*argv: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "quizgame", *argv, "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())


def test_help_says_that_plain_quizgame_opens_the_home_screen_and_what_the_codes_mean() -> None:
    text = _help()

    assert "Run `quizgame` with no command to open the home screen" in text
    assert "exit status: 0 when all went well; 1 when problems were found" in text


# In a command's --help an option's line is indented two spaces; its help follows two or
# more spaces on, or (a long option) on the lines below, indented further.
_OPTION_LINE = re.compile(r"^  (?P<option>-[^\s,]+)")


def _options_without_help(help_text: str) -> tuple[list[str], list[str]]:
    """The options a --help lists, and those of them that it lists with no words beside."""
    lines = help_text.splitlines()
    listed, bare = [], []
    for at, line in enumerate(lines):
        found = _OPTION_LINE.match(line)
        if found is None:
            continue
        listed.append(found["option"])
        below = lines[at + 1] if at + 1 < len(lines) else ""
        said_beside = re.search(r"\S {2,}\S", line) is not None
        said_below = below.startswith("   ") and below.strip() != ""
        if not (said_beside or said_below):
            bare.append(found["option"])
    return listed, bare


def test_every_option_of_every_command_has_help(monkeypatch: pytest.MonkeyPatch) -> None:
    from quizgame.cli import build_parser

    monkeypatch.setenv("COLUMNS", "80")  # as a player's terminal; --help wraps to it
    parser = build_parser()
    missing = []
    for name, command in [("quizgame", parser), *parser.commands.items()]:
        listed, bare = _options_without_help(command.format_help())
        assert "-h" in listed, f"{name}: no options found in its help"
        missing += [f"{name} {option}" for option in bare]
    assert missing == []


def test_an_option_without_help_is_caught() -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="quizgame demo")
    parser.add_argument("--described", help="says what it does")
    parser.add_argument("--bare")
    parser.add_argument("--a-long-option-name-that-pushes-its-help-below", metavar="VALUE", help="below")
    parser.add_argument("--last-and-bare", metavar="N")

    assert _options_without_help(parser.format_help()) == (
        ["-h", "--described", "--bare", "--a-long-option-name-that-pushes-its-help-below", "--last-and-bare"],
        ["--bare", "--last-and-bare"],
    )


def test_export_format_and_results_limit_say_what_they_take() -> None:
    export = _help("export")
    results = _help("results")

    assert "--format {csv,json} csv: one row per player per question" in export
    assert "--limit N show the N newest sessions" in results
