"""What every importer produces and every exporter reads: questions in a neutral shape.

An importer turns a file into `Imported` questions and `Finding`s (problems, skipped
questions and notes, each at a line and column of the input); build.py turns the questions
into a pack. An exporter reads a checked pack and reports, as findings, each question the
target format cannot hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["single", "multiple", "true_false", "short"]
# What a finding does to the conversion: a note changes nothing, a skip leaves out one
# question, a refusal leaves out the whole file.
Severity = Literal["note", "skipped", "refused"]


@dataclass(frozen=True)
class Finding:
    """One thing to tell the user about the input, at a 1-based line and column."""

    line: int
    col: int
    message: str
    severity: Severity = "note"
    # For a skipped question: the kind it was (matching, numerical, essay, description...).
    kind: str | None = None


@dataclass
class Imported:
    """One question read from another tool's file."""

    kind: Kind
    prompt: str
    line: int
    col: int
    # The other tool's name for the question (GIFT's ::title::); it becomes the id.
    title: str | None = None
    # The category (GIFT's $CATEGORY, Moodle's category); it becomes the section.
    category: str | None = None
    choices: list[str] = field(default_factory=list)
    # The right choices, for single (exactly one) and multiple.
    answers: list[str] = field(default_factory=list)
    truth: bool | None = None
    accept: list[str] = field(default_factory=list)
    # Feedback for the whole question.
    general_feedback: str | None = None
    # Feedback for one answer: (the answer as the player would give it, or None for "any
    # other answer"; whether it is a right answer; the feedback).
    answer_feedback: list[tuple[str | None, bool, str]] = field(default_factory=list)
    time_limit: int | None = None
    hint: str | None = None
    tags: list[str] = field(default_factory=list)
    # A quote carried in the file, from quizgame's own export: fragments, to be reviewed.
    quote: list[str] | None = None


def scoring_difference(weights: list[tuple[str, float]]) -> str | None:
    """What to tell the user when a multiple-answer question's weights (answer, percent)
    score differently from quizgame, which scores (right picks - wrong picks) / right
    choices: each right pick earns 100/n %, and each wrong pick costs as much."""
    right = sum(1 for _, weight in weights if weight > 0)
    if not right:
        return None
    share = 100 / right
    differ = [f"'{text}' {weight:.5g}%" for text, weight in weights if abs(weight - (share if weight > 0 else -share)) > 0.01]
    if not differ:
        return None
    return (
        "weights differ from quizgame's scoring, where each right pick earns and each wrong "
        f"pick costs {share:.5g}%: {', '.join(differ)}"
    )


@dataclass
class ImportResult:
    """A file read by an importer."""

    questions: list[Imported] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # The quiz's own title, when the format has one.
    title: str | None = None


class ImportRefused(Exception):
    """The file cannot be read at all; nothing is converted."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.finding = Finding(line, col, message, "refused")


@dataclass
class Exported:
    """A pack written in another format: the file's bytes, and the questions left out."""

    data: bytes
    converted: int
    findings: list[Finding] = field(default_factory=list)
