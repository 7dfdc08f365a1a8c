"""Aiken in and out, and Quizlet's tab-separated export in."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from quizgame.packs.convert.aiken import read_aiken, read_aiken_bytes
from quizgame.packs.convert.model import ImportRefused
from quizgame.packs.convert.quizlet import read_quizlet

from .conftest import essentials, fill_in, loaded, run

AIKEN = """What is the capital of France?
A. Lyon
B. Paris
C) Marseille
ANSWER: B

Which planet is red?
A. Mars
B. Venus
ANSWER: a
"""


def test_aiken_questions_are_single_choice() -> None:
    result = read_aiken(AIKEN)

    assert [(q.kind, q.prompt, q.choices, q.answers, q.line) for q in result.questions] == [
        ("single", "What is the capital of France?", ["Lyon", "Paris", "Marseille"], ["Paris"], 1),
        ("single", "Which planet is red?", ["Mars", "Venus"], ["Mars"], 7),
    ]
    assert result.findings == []


@pytest.mark.parametrize(
    "text, line, col, words",
    [
        ("Q?\nA. x\nB. y\nANSWER: C\n", 4, 8, "ANSWER: 'C' is not one of the choices A, B"),
        ("Q?\nA. x\nC. y\nANSWER: A\n", 3, 1, "choice C where B was expected"),
        ("Q?\nA. x\nB. y\n\nNext?\nA. x\nB. y\nANSWER: A\n", 1, 1, "without an ANSWER: line"),
        ("ANSWER: A\n", 1, 1, "ANSWER: without a question"),
        ("Q?\nA. x\nB. y\nANSWER:\n", 4, 8, "ANSWER: nothing is not one of the choices"),
    ],
)
def test_aiken_mistakes_are_located(text: str, line: int, col: int, words: str) -> None:
    result = read_aiken(text)

    skipped = [f for f in result.findings if f.severity == "skipped"]
    assert (skipped[0].line, skipped[0].col) == (line, col)
    assert words in skipped[0].message


def test_aiken_that_is_not_utf8_is_refused_at_the_byte() -> None:
    with pytest.raises(ImportRefused) as refused:
        read_aiken_bytes(b"Q?\nA. caf\xe9\n")
    assert (refused.value.finding.line, refused.value.finding.col) == (2, 7)


def test_a_txt_file_is_read_as_aiken_or_gift_by_its_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(AIKEN, encoding="utf-8")
    (tmp_path / "g.txt").write_text("Who?{=a ~b}\n", encoding="utf-8")

    assert run(capsys, str(tmp_path / "a.txt"), str(tmp_path / "a.yaml"))[1].startswith("converted 2 questions")
    assert run(capsys, str(tmp_path / "g.txt"), str(tmp_path / "g.yaml"))[1].startswith("converted 1 question")
    assert "(Aiken)" in (tmp_path / "a.yaml").read_text(encoding="utf-8")


def test_a_pack_to_aiken_keeps_single_questions_and_reports_the_rest(
    every_type: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = every_type.parent / "every.txt"

    code, printed, _ = run(capsys, str(every_type), str(out), "--to", "aiken")

    assert code == 1
    assert printed.splitlines() == [
        f"{every_type}:36:5: skipped 'kinds': Aiken holds single-choice questions only, not multiple",
        f"{every_type}:47:5: skipped 'fog': Aiken holds single-choice questions only, not true_false",
        f"{every_type}:55:5: skipped 'thunder': Aiken holds single-choice questions only, not short",
        f"converted 1 of 4 questions from {every_type} to {out} (Aiken); skipped 3 (1 multiple, 1 short, 1 true_false)",
    ]
    assert out.read_text(encoding="utf-8").splitlines()[1:7] == [
        "A. When air cools to its dew point",
        "B. When air warms = rises",
        "C. %50% of the time",
        "D. [html] never",
        "E. Über-night <b>only</b>",
        "ANSWER: A",
    ]


def test_aiken_round_trip_of_the_single_questions(article_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = article_copy.parent / "article.txt"
    run(capsys, str(article_copy), str(out), "--to", "aiken")
    back = article_copy.parent / "back.yaml"
    assert run(capsys, str(out), str(back))[0] == 0
    text = fill_in(back.read_text(encoding="utf-8"), article_copy.parent.joinpath("trump-putin-g20-takeaways.txt").name)
    singles = [q for q in loaded(article_copy).questions if q.type == "single"]
    quotes = iter(q.quote for q in singles)
    text = re.sub(r'quote: "filled in"', lambda _: "quote: " + json.dumps(next(quotes)), text)
    back.write_text(text, encoding="utf-8")
    again = loaded(back)
    assert [(q.prompt, q.choices, q.answer) for q in again.questions] == [(q.prompt, q.choices, q.answer) for q in singles]


QUIZLET = "Paris\tcapital of France\nBerlin\tcapital of Germany\n\nno tab here\n\tempty term\n"


def test_quizlet_cards_are_short_questions() -> None:
    result = read_quizlet(QUIZLET)

    assert [(q.kind, q.prompt, q.accept, q.line) for q in result.questions] == [
        ("short", "capital of France", ["Paris"], 1),
        ("short", "capital of Germany", ["Berlin"], 2),
    ]
    assert [(f.line, f.col, f.severity) for f in result.findings] == [(4, 1, "skipped"), (5, 1, "skipped")]
    assert "no tab" in result.findings[0].message and "term is empty" in result.findings[1].message


def test_quizlet_through_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "capitals.tsv").write_text(QUIZLET, encoding="utf-8")

    code, out, _ = run(capsys, str(tmp_path / "capitals.tsv"), str(tmp_path / "capitals.yaml"))

    assert code == 1
    assert f"converted 2 questions from {tmp_path / 'capitals.tsv'} to {tmp_path / 'capitals.yaml'}; skipped 2 (2 with problems)" in out
