"""Section descriptions and lint silences: part of the format, checked like every field."""

from __future__ import annotations

from pathlib import Path

from quizgame.packs import load_pack

from .conftest import assert_problem, edit, problems_of, write

WITH_DESCRIPTION = edit(
    "    title: The long winter\n",
    "    title: Part one\n    description: The winter was the longest in living memory.\n",
)


def test_a_section_may_carry_a_description(pack_dir: Path) -> None:
    loaded = load_pack(write(pack_dir, WITH_DESCRIPTION), cache=False)

    winter, spring = loaded.pack.sections
    assert (winter.title, winter.description) == ("Part one", "The winter was the longest in living memory.")
    assert spring.description is None


def test_a_blank_description_is_refused_at_its_value(pack_dir: Path) -> None:
    text = edit("    title: The long winter\n", '    title: Part one\n    description: " "\n')

    assert_problem(problems_of(pack_dir, text), 18, 18, "description")


SILENCED = edit(
    "    hint: A German port.\n",
    "    hint: A German port.\n    lint:\n      ignore: [QG101, QG501]\n      because: It is a test.\n",
)


def test_a_question_and_the_pack_may_silence_lint_rules(pack_dir: Path) -> None:
    text = SILENCED + "lint:\n  ignore: [QG601]\n  because: Four questions are too few to spread.\n"
    loaded = load_pack(write(pack_dir, text), cache=False)

    port = loaded.pack.questions[-1]
    assert port.lint is not None
    assert (port.lint.ignore, port.lint.because) == (("QG101", "QG501"), "It is a test.")
    assert loaded.pack.questions[0].lint is None
    assert loaded.pack.lint is not None and loaded.pack.lint.ignore == ("QG601",)


def test_a_silence_may_leave_out_its_reason_for_lint_to_report(pack_dir: Path) -> None:
    text = edit("    hint: A German port.\n", "    hint: A German port.\n    lint: {ignore: [QG101]}\n")

    port = load_pack(write(pack_dir, text), cache=False).pack.questions[-1]
    assert port.lint is not None and port.lint.because is None


def test_an_unknown_rule_code_is_refused_at_the_code(pack_dir: Path) -> None:
    text = edit("    hint: A German port.\n", "    hint: A German port.\n    lint: {ignore: [QG101, QG999]}\n")

    assert_problem(problems_of(pack_dir, text), 56, 28, "QG999")


def test_an_empty_or_misspelt_silence_is_refused(pack_dir: Path) -> None:
    empty = edit("    hint: A German port.\n", "    hint: A German port.\n    lint: {ignore: []}\n")
    misspelt = edit("    hint: A German port.\n", "    hint: A German port.\n    lint: {ignore: [QG101], becuase: x}\n")

    assert_problem(problems_of(pack_dir, empty), 56, 20, "ignore")
    assert_problem(problems_of(pack_dir, misspelt), 56, 29, "did you mean 'because'")
