"""Linting a pack file: validate it, then run every rule and apply the pack's silences."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from quizgame.packs.lint import choices, difficulty, explanations, leaks, same_fact, variants
from quizgame.packs.lint.context import Context, Finding
from quizgame.packs.lint.silences import Silenced, apply
from quizgame.packs.types import PackError, Problem

# Each module's check(ctx) yields its rules' findings.
RULE_MODULES = (leaks, same_fact, explanations, choices, variants, difficulty)


class Report(NamedTuple):
    path: Path
    # A pack that does not validate is not linted: its problems are reported instead.
    problems: list[Problem]
    findings: list[Finding]
    silenced: list[Silenced]


def lint_path(path: Path) -> Report:
    from quizgame.packs.files import read_pack_bytes
    from quizgame.packs.load import gc_paused
    from quizgame.packs.validation import check_document

    try:
        data = read_pack_bytes(path)
        with gc_paused():
            loaded, doc = check_document(path, data)
    except PackError as error:
        return Report(path, error.problems, [], [])
    ctx = Context(doc, loaded)
    found = [finding for module in RULE_MODULES for finding in module.check(ctx)]
    left, silenced = apply(ctx, found)
    return Report(path, [], left, silenced)
