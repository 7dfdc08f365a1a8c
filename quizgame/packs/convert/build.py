"""Imported questions to the YAML text of a pack, with placeholders for what the formats lack.

Every text is written as a double-quoted YAML scalar by json.dumps: JSON strings are YAML
double-quoted scalars, so no text can ever be read back as anything but itself. What no
other tool's file holds (the source document, the authors, the license, each question's
quote) is written as a placeholder that `quizgame validate` reports until it is replaced;
quotes proposed from a source text are marked `# check` for review (see placeholders.py).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from quizgame.packs.convert.model import Finding, Imported, ImportResult
from quizgame.packs.placeholders import PLACEHOLDER_DATE, QUOTE_PLACEHOLDER, REVIEW_MARKER

MAX_CHOICES = 9
EXPLANATION_PLACEHOLDER = "TODO: why the answer is right, in your own words"
DEFAULT_SECTION = ("general", "General")
_ID_WORDS = 6
_ID_LENGTH = 48


@dataclass
class Built:
    """A pack's YAML text, and what happened to each imported question."""

    text: str
    converted: int
    findings: list[Finding] = field(default_factory=list)
    proposed: int = 0
    placeholders: int = 0


@dataclass(frozen=True)
class PackInfo:
    """What the pack says about itself and its source."""

    pack_id: str
    title: str
    description: str
    schema_file: str
    file_name: str
    # The source text's path relative to the pack, when --source was given.
    source_path: str | None = None


def slug(text: str, *, words: int = _ID_WORDS, length: int = _ID_LENGTH) -> str:
    """An id from any text: ASCII lower-case words joined by '-', or '' when none are left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    ascii_text = re.sub(r"['\u2019]", "", ascii_text)
    parts = [p for p in re.split(r"[^a-z0-9]+", ascii_text) if p][:words]
    result = "-".join(parts)[:length].strip("-")
    return result


class _Ids:
    def __init__(self, fallback: str) -> None:
        self.used: set[str] = set()
        self.fallback = fallback

    def take(self, *candidates: str | None) -> str:
        base = next((s for s in (slug(c) for c in candidates if c) if s), "") or f"{self.fallback}-{len(self.used) + 1}"
        found, n = base, 2
        while found in self.used:
            found = f"{base}-{n}"
            n += 1
        self.used.add(found)
        return found


def explanation(item: Imported) -> str | None:
    """The question's feedback as one explanation: the general feedback, the right
    answers' feedback, then what each other answer would have been told."""
    parts: list[str] = []

    def add(text: str) -> None:
        if text and text not in parts:
            parts.append(text)

    if item.general_feedback:
        add(item.general_feedback)
    for _, right, text in item.answer_feedback:
        if right:
            add(text)
    verb = "chose" if item.kind in ("single", "multiple") else "answered"
    for answer, right, text in item.answer_feedback:
        if not right:
            add(f"If you {verb} \u201c{answer}\u201d: {text}" if answer is not None else f"Any other answer: {text}")
    return "\n".join(parts) or None


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def check(item: Imported) -> str | None:
    """Why the question cannot be a quizgame question, if it cannot."""
    if not item.prompt.strip():
        return "it has no question text"
    if item.kind in ("single", "multiple"):
        if len(item.choices) < 2:
            return f"it has {len(item.choices)} choice; a quizgame question has 2 to {MAX_CHOICES}"
        if len(item.choices) > MAX_CHOICES:
            return f"it has {len(item.choices)} choices; a quizgame question has 2 to {MAX_CHOICES}"
        seen: set[str] = set()
        for choice in item.choices:
            if not choice.strip():
                return "one of its choices is empty"
            if _fold(choice) in seen:
                return f"choice '{choice}' is listed twice"
            seen.add(_fold(choice))
        if item.kind == "single" and len(item.answers) != 1:
            return "a single-choice question needs exactly one right answer"
        if not item.answers:
            return "it has no right answer"
        for answer in item.answers:
            if answer not in item.choices:
                return f"its answer '{answer}' is not one of its choices"
    elif item.kind == "short":
        if not any(a.strip() for a in item.accept):
            return "it has no accepted answer"
    elif item.truth is None:
        return "it is neither true nor false"
    if item.time_limit is not None and not 5 <= item.time_limit <= 3600:
        return f"its time limit of {item.time_limit} seconds is outside 5 to 3600"
    return None


def build(
    result: ImportResult,
    info: PackInfo,
    *,
    propose: Callable[[Imported], str | None] | None = None,
) -> Built:
    """The pack's YAML text from what an importer read."""
    findings = list(result.findings)
    questions: list[Imported] = []
    for item in result.questions:
        problem = check(item)
        if problem:
            findings.append(Finding(item.line, item.col, f"skipped: {problem}", "skipped"))
        else:
            questions.append(item)

    sections: dict[str | None, tuple[str, str]] = {}
    section_ids = _Ids("section")
    for item in questions:
        if item.category not in sections:
            if item.category is None:
                sections[None] = (section_ids.take(DEFAULT_SECTION[0]), DEFAULT_SECTION[1])
            else:
                sections[item.category] = (section_ids.take(item.category), item.category)

    out = _Writer()
    out.header(info)
    out.line("sections:")
    if not sections:
        sections[None] = DEFAULT_SECTION
    for section_id, title in sections.values():
        out.line(f"  - id: {section_id}")
        out.line(f"    title: {_q(title)}")
    out.line("")
    out.line("questions:")
    ids = _Ids("q")
    built = Built(text="", converted=0, findings=findings)
    for item in questions:
        question_id = ids.take(item.title, item.prompt)
        out.question(item, question_id, sections[item.category][0], propose, built)
        built.converted += 1
    if not questions:
        out.line("  []")
    built.text = out.text()
    built.findings.sort(key=lambda f: (f.line, f.col))
    return built


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def line(self, text: str) -> None:
        self.lines.append(text)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def header(self, info: PackInfo) -> None:
        source_line = (
            f"  text: {_q(info.source_path)}"
            if info.source_path is not None
            else f"  text: {_q('TODO: the path of the source text file (UTF-8), relative to this file')}"
        )
        self.lines += [
            f"# yaml-language-server: $schema={info.schema_file}",
            "#",
            "# Converted by quizgame convert. Replace every TODO, confirm each quote marked",
            f"# '{REVIEW_MARKER}' (then delete the comment), and check the pack with",
            f"#     quizgame validate {info.file_name}",
            "# Every field is described in docs/pack-format.md.",
            "",
            "schema: 1",
            f"id: {info.pack_id}",
            f"title: {_q(info.title)}",
            f"description: {_q(info.description)}",
            "language: en              # the questions' language: en, en-GB, de, fr-CA ...",
            "authors:",
            f"  - {_q('TODO: your name')}",
            f"license: {_q('TODO: the license you share the questions under, for example CC-BY-4.0')}",
            "",
            "source:                   # the document every quote comes from",
            f"  title: {_q('TODO: the document' + chr(39) + 's title, as published')}",
            f"  author: {_q('TODO: who wrote the document')}",
            f"  publication: {_q('TODO: the newspaper, magazine, site or book')}",
            f"  date: {PLACEHOLDER_DATE}        # TODO: the publication date, YYYY-MM-DD",
            source_line,
            "",
        ]

    def question(
        self,
        item: Imported,
        question_id: str,
        section_id: str,
        propose: Callable[[Imported], str | None] | None,
        built: Built,
    ) -> None:
        add = self.lines.append
        add(f"  - id: {question_id}")
        add(f"    type: {item.kind}")
        add(f"    section: {section_id}")
        add(f"    prompt: {_q(item.prompt)}")
        if item.kind in ("single", "multiple"):
            add("    choices:")
            self.lines += [f"      - {_q(choice)}" for choice in item.choices]
            if item.kind == "single":
                add(f"    answer: {_q(item.answers[0])}")
            else:
                add("    answers:")
                self.lines += [f"      - {_q(answer)}" for answer in item.answers]
        elif item.kind == "true_false":
            add(f"    answer: {'true' if item.truth else 'false'}")
        else:
            add("    accept:")
            self.lines += [f"      - {_q(answer)}" for answer in item.accept]
        text = explanation(item)
        if text is None:
            built.placeholders += 1
        add(f"    explanation: {_q(text or EXPLANATION_PLACEHOLDER)}")
        marker = f"  {REVIEW_MARKER}: proposed; confirm it supports the answer, then delete this comment"
        if item.quote:
            built.proposed += 1
            if len(item.quote) == 1:
                add(f"    quote: {_q(item.quote[0])}{marker}")
            else:
                add(f"    quote:{marker}")
                self.lines += [f"      - {_q(fragment)}" for fragment in item.quote]
        else:
            proposal = propose(item) if propose is not None else None
            if proposal:
                built.proposed += 1
                add(f"    quote: {_q(proposal)}{marker}")
            else:
                built.placeholders += 1
                add(f"    quote: {_q(QUOTE_PLACEHOLDER)}")
        if item.time_limit is not None:
            add(f"    time_limit: {item.time_limit}")
        if item.hint:
            add(f"    hint: {_q(item.hint)}")
        tags = list(dict.fromkeys(t for t in (slug(tag, words=8, length=64) for tag in item.tags) if t))
        if tags:
            add(f"    tags: [{', '.join(tags)}]")
        add("")


def summary_kinds(findings: list[Finding]) -> dict[str, int]:
    """How many questions were skipped, by reason."""
    counts: dict[str, int] = {}
    for finding in findings:
        if finding.severity == "skipped":
            key = finding.kind or "with problems"
            counts[key] = counts.get(key, 0) + 1
    return counts
