"""docs/lint.md documents every rule and threshold, and its worked examples are what lint prints."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quizgame.packs.lint import choices, context, difficulty, explanations, leaks, same_fact, variants
from quizgame.packs.lint.codes import RULES
from quizgame.packs.lint.run import lint_path

REPO = Path(__file__).resolve().parents[2]
DOC = (REPO / "docs" / "lint.md").read_text(encoding="utf-8")
ARTICLE_SOURCE = REPO / "questions" / "trump-putin-g20-takeaways.txt"
MODULES = (context, leaks, same_fact, explanations, choices, variants, difficulty)

TAIL = """\
schema: 1
id: doc-example
title: An example
description: A worked example from docs/lint.md.
language: en
authors: [Test Author]
license: CC0-1.0
source:
  title: The article
  author: Someone
  publication: Somewhere
  date: 2017-07-07
  text: source.txt
"""


def _section(name: str, code: str) -> str:
    start = DOC.index(f"### {name} ({code})")
    following = DOC.find("\n### ", start + 1)
    return DOC[start : following if following != -1 else len(DOC)]


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_every_rule_is_documented_with_a_bad_and_a_good_example(rule) -> None:  # type: ignore[no-untyped-def]
    assert f"| {rule.code} | {rule.name} | {rule.summary} |" in DOC
    section = _section(rule.name, rule.code)
    assert "**What it does.**" in section and "**Why is this bad?**" in section
    assert section.count("```yaml") >= 2 or "Use instead" in section
    assert "Use instead" in section


def test_every_threshold_is_documented_with_its_value() -> None:
    documented = dict(re.findall(r"^\| `([A-Z_]+)` \| ([0-9.]+) \|", DOC, re.M))
    constants = {
        name: value
        for module in MODULES
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, (int, float)) and not isinstance(value, bool)
    }

    assert constants  # the scan found the thresholds
    assert {name: float(value) for name, value in documented.items()} == {
        name: float(value) for name, value in constants.items()
    }


def _example(name: str, code: str) -> tuple[str, str]:
    section = _section(name, code)
    yaml_block = re.search(r"```yaml\n(.*?)```", section, re.S)
    printed = re.search(r"```\n(pack\.yaml:.*?)\n```", section, re.S)
    assert yaml_block and printed
    return yaml_block.group(1), printed.group(1)


@pytest.mark.parametrize(
    ("name", "code", "extra"),
    [
        (
            "answer-leak",
            "QG101",
            "    explanation: A shared dislike of critical reporting was one thing the two leaders had in common.\n"
            "    quote: Putin and Trump bonded over their hostility toward a free press.\n",
        ),
        (
            "short-variants",
            "QG501",
            "    section: common\n"
            "    explanation: The United States placed these interceptors in South Korea against North Korea's missiles.\n"
            "    quote: Terminal High Altitude Area Defense (THAAD) missile defense system\n"
            "sections:\n  - id: common\n    title: Takeaway 5\n",
        ),
    ],
)
def test_the_worked_examples_print_what_the_page_shows(tmp_path: Path, name: str, code: str, extra: str) -> None:
    shutil.copy(ARTICLE_SOURCE, tmp_path / "source.txt")
    snippet, printed = _example(name, code)
    path = tmp_path / "pack.yaml"
    path.write_text(snippet + extra + TAIL, encoding="utf-8")

    report = lint_path(path)

    assert report.problems == []
    lines = [f"pack.yaml:{f.line}:{f.col}: {f.code} {f.rule}: {f.message}" for f in report.findings]
    assert printed in lines
