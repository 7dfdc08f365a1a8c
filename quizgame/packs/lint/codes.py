"""The lint rules' stable codes and names.

Kept apart from the rules themselves so that the pack models can list the codes (editors
complete them in `lint: {ignore: [...]}`) without importing any of the rules.
"""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    code: str
    name: str
    summary: str


# Codes are never reused or renumbered: packs silence rules by code.
RULES = (
    Rule("QG001", "silence-without-reason", "a `lint` silence that gives no reason"),
    Rule("QG002", "unused-silence", "a `lint` silence for a rule that finds nothing there"),
    Rule("QG101", "answer-leak", "a right answer shown before its question is asked"),
    Rule("QG102", "hint-leak", "a hint that gives the answer away"),
    Rule("QG201", "same-fact", "two questions whose quotes are the same passage or overlap heavily"),
    Rule("QG301", "restated-explanation", "an explanation that adds almost nothing to the prompt and answer"),
    Rule("QG302", "copied-explanation", "an explanation copied from the source rather than written"),
    Rule("QG401", "giveaway-choice", "a choice that gives itself away, or a catch-all choice"),
    Rule("QG402", "answer-pattern", "right answers that follow a pattern players can learn"),
    Rule("QG501", "short-variants", "a short answer that refuses the source's own fuller wording"),
    Rule("QG601", "difficulty-spread", "a lopsided mix of difficulties, or a hard question without a hint"),
)

BY_CODE = {rule.code: rule for rule in RULES}
# The rules a pack may silence; the two about silences themselves cannot be.
SILENCEABLE = tuple(rule.code for rule in RULES if not rule.code.startswith("QG0"))
