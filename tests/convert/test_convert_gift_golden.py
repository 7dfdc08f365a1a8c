"""GIFT import against the test set of GIFT-grammar-PEG.js (fixtures/gift-peg, MIT).

For every file, the questions our format can hold must agree with the reference parse on
their number, kinds, texts, titles, right answers and feedback; every other question must be
skipped with a message naming its kind. Where the two read a text differently on purpose,
the expected text goes through the same documented step first:

- [html] texts become plain text (html_to_text), since packs hold plain text;
- [markdown] texts lose the spaces at the ends of their lines;
- a blank followed by punctuation is written `_____.`, where the reference writes `_____ .`.

And by design, short answers accept only fully right answers (weight 100% or none): one with
partial credit is not accepted, and the importer says so in a note.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from quizgame.packs.convert.gift import read_gift
from quizgame.packs.convert.text import html_to_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "gift-peg"
FILES = sorted(FIXTURES.glob("*.gift"))
SKIPPED_KINDS = {"Numerical": "numerical", "Matching": "matching", "Essay": "essay", "Description": "description"}


def text_of(value: dict[str, Any] | None) -> str | None:
    if value is None:
        return None
    text = value["text"]
    if value["format"] == "html":
        text = html_to_text(text)[0]
    elif value["format"] == "markdown":
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text.strip() or None


def prompt_of(question: dict[str, Any]) -> str | None:
    text = text_of(question["stem"])
    return re.sub(r"_____ ([.,;:!?)])", r"_____\1", text) if text else text


def full_credit(choice: dict[str, Any]) -> bool:
    return choice["weight"] in (None, 100) if choice["isCorrect"] else (choice["weight"] or 0) >= 100


def expected(path: Path) -> list[dict[str, Any]]:
    return [q for q in json.loads(path.with_suffix(".json").read_text(encoding="utf-8")) if q["type"] != "Category"]


def test_the_whole_test_set_is_here() -> None:
    assert len(FILES) == 51
    assert all(path.with_suffix(".json").exists() for path in FILES)
    assert "MIT License" in (FIXTURES / "LICENSE").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_the_import_agrees_with_the_reference_parse(path: Path) -> None:
    want = expected(path)
    result = read_gift(path.read_text(encoding="utf-8"))

    held = [q for q in want if q["type"] not in SKIPPED_KINDS]
    skipped = [f for f in result.findings if f.severity == "skipped"]
    assert [f.kind for f in skipped] == [SKIPPED_KINDS[q["type"]] for q in want if q["type"] in SKIPPED_KINDS]
    for finding in skipped:
        assert finding.kind in finding.message
    assert len(result.questions) == len(held)

    for got, question in zip(result.questions, held):
        assert got.prompt == prompt_of(question)
        assert got.title == (question["title"] or question["id"])
        assert got.tags == (question["tags"] or [])
        assert got.general_feedback == text_of(question["globalFeedback"])
        kind = question["type"]
        if kind == "TF":
            assert (got.kind, got.truth) == ("true_false", question["isTrue"])
            # The reference keeps GIFT's two feedbacks in order: for a wrong answer, then a right one.
            wrong = [t for a, right, t in got.answer_feedback if not right]
            right = [t for a, ok, t in got.answer_feedback if ok]
            assert wrong == [t for t in [text_of(question["trueFeedback"])] if t]
            assert right == [t for t in [text_of(question["falseFeedback"])] if t]
            continue
        choices = question["choices"]
        texts = [text_of(c["text"]) or "" for c in choices]
        feedback = [text_of(c["feedback"]) for c in choices]
        if kind == "Short":
            accepted = [t for c, t in zip(choices, texts) if full_credit(c) and t != "*"]
            assert (got.kind, got.accept) == ("short", accepted)
            given = {(a if a is not None else "*"): t for a, _, t in got.answer_feedback}
            assert given == {t: f for t, f in zip(texts, feedback) if f}
            continue
        assert kind == "MC"
        assert got.choices == texts
        full = [t for c, t in zip(choices, texts) if full_credit(c)]
        partial = [t for c, t in zip(choices, texts) if not full_credit(c) and (c["weight"] or 0) > 0]
        if len(full) == 1:
            assert (got.kind, got.answers) == ("single", full)
        else:
            assert (got.kind, got.answers) == ("multiple", full or partial)
        assert [(a, t) for a, _, t in got.answer_feedback] == [(t, f) for t, f in zip(texts, feedback) if f]


def test_the_agreement_in_numbers() -> None:
    files = questions = 0
    for path in FILES:
        held = [q for q in expected(path) if q["type"] not in SKIPPED_KINDS]
        if held:
            files += 1
            questions += len(held)
    # Files with at least one question our format holds, and those questions.
    assert (files, questions) == (36, 67)
