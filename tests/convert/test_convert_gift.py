"""GIFT import: each construct, and every refusal at its exact line and column."""

from __future__ import annotations

import pytest

from quizgame.packs.convert.build import explanation
from quizgame.packs.convert.gift import read_gift
from quizgame.packs.convert.gift_export import escape


def one(text: str):  # type: ignore[no-untyped-def]
    result = read_gift(text)
    assert len(result.questions) == 1, result.findings
    return result.questions[0]


def test_single_multiple_true_false_and_short() -> None:
    result = read_gift(
        "Who?{~Grant =no one ~Jefferson}\n\n"
        "Which two?{~%50%Grant ~%50%his wife ~%-50%No one ~%-50%his father}\n\n"
        "Grant is buried there.{F}\n\n"
        "Who's buried?{=no one =nobody}\n"
    )

    kinds = [(q.kind, q.answers or q.accept or q.truth) for q in result.questions]
    assert kinds == [
        ("single", ["no one"]),
        ("multiple", ["Grant", "his wife"]),
        ("true_false", False),
        ("short", ["no one", "nobody"]),
    ]
    # ±50% for two right answers is exactly quizgame's scoring: nothing to report.
    assert result.findings == []


@pytest.mark.parametrize("word, truth", [("T", True), ("TRUE", True), ("F", False), ("FALSE", False)])
def test_every_spelling_of_true_and_false(word: str, truth: bool) -> None:
    assert (one(f"The sun is hot.{{{word}}}").kind, one(f"The sun is hot.{{{word}}}").truth) == ("true_false", truth)


def test_a_missing_word_is_shown_as_a_blank() -> None:
    assert one("Grant is {~buried =entombed ~living} in Grant's tomb.").prompt == "Grant is _____ in Grant's tomb."
    assert one("Jesus Christ was from {=Nazareth}.").prompt == "Jesus Christ was from _____."
    assert one("{=Asia} is the largest continent.").prompt == "_____ is the largest continent."


def test_every_escape() -> None:
    item = one(r"::a\:b:: \~ \= \# \{ \} \: \\ and \n two{=\~\=\#\{\}\:\\ ~x}")

    assert item.title == "a:b"
    assert item.prompt == "~ = # { } : \\ and \n two"
    assert item.answers == ["~=#{}:\\"]


def test_a_lone_backslash_is_a_backslash() -> None:
    assert one(r"A \ B{=C:\x ~y}").answers == ["C:\\x"]


def test_titles_categories_tags_and_comments() -> None:
    result = read_gift(
        "// a comment before anything\n\n"
        "$CATEGORY: $course$/top/Unit 1/Part A\n\n"
        "// [id:q-17] [tag:maps] [tag:easy one]\n"
        "::Capital of France::What is the capital of France?{=Paris ~Lyon}\n"
        "// a comment after it\n\n"
        "$CATEGORY: $course$/top\n\n"
        "No title.{T}\n"
    )

    first, second = result.questions
    assert (first.title, first.category, first.tags) == ("Capital of France", "Unit 1 / Part A", ["maps", "easy one"])
    assert (second.title, second.category) == (None, None)


def test_an_id_comment_names_a_question_without_a_title() -> None:
    assert one("// [id:q-17]\nWhat?{=a ~b}").title == "q-17"


def test_feedback_general_and_per_answer_become_the_explanation() -> None:
    item = one(
        "Grant is {~buried#No one is buried there. =entombed#Right answer! ~living#We hope not!"
        " ####He is entombed, not buried.} in Grant's tomb."
    )

    assert explanation(item) == (
        "He is entombed, not buried.\nRight answer!\n"
        "If you chose \u201cburied\u201d: No one is buried there.\nIf you chose \u201cliving\u201d: We hope not!"
    )


def test_true_false_feedback_is_for_the_wrong_then_the_right_answer() -> None:
    item = one("42 is the answer to everything.{FALSE#42 is the Ultimate Answer.#You gave the right answer.}")

    assert explanation(item) == "You gave the right answer.\nIf you answered \u201ctrue\u201d: 42 is the Ultimate Answer."


def test_format_markers() -> None:
    assert one("[html]<p>The sun rises in the <b>east</b>.</p>{T}").prompt == "The sun rises in the east."
    assert one("[markdown]Who's in **Grant's tomb**?  \nAnyone?{=no one}").prompt == "Who's in **Grant's tomb**?\nAnyone?"
    assert one("[plain]Two <b>plus</b> two?{=four}").prompt == "Two <b>plus</b> two?"


def test_html_media_is_reported() -> None:
    result = read_gift('[html]<p>Which?</p><img src="x.png">{=a ~b}')

    assert [(f.line, f.col, f.severity) for f in result.findings] == [(1, 7, "note")]
    assert "img" in result.findings[0].message


def test_weights_that_score_differently_are_reported() -> None:
    result = read_gift("Which two?{\n~%50%Grant\n~%50%his wife\n~No one\n~his father}")

    assert result.questions[0].answers == ["Grant", "his wife"]
    (note,) = result.findings
    assert (note.line, note.col, note.severity) == (1, 1, "note")
    assert "'No one' 0%" in note.message and "50%" in note.message


def test_partial_credit_in_a_single_choice_is_reported() -> None:
    result = read_gift("Difficult.{~wrong ~%50%half credit =full credit}")

    assert result.questions[0].kind == "single"
    assert "'half credit' (50%)" in result.findings[0].message


def test_several_right_answers_are_a_multiple_with_a_note() -> None:
    result = read_gift("Seasons?{=spring =summer ~easter}")

    assert (result.questions[0].kind, result.questions[0].answers) == ("multiple", ["spring", "summer"])
    assert "any one of them" in result.findings[0].message


@pytest.mark.parametrize(
    "text, kind",
    [
        ("When was Grant born?{#1822:5}", "numerical"),
        ("Match.{=Canada -> Ottawa =Italy -> Rome}", "matching"),
        ("Write an essay.{}", "essay"),
        ("Just some instructions.", "description"),
    ],
)
def test_kinds_we_cannot_hold_are_skipped_and_named(text: str, kind: str) -> None:
    result = read_gift("Before?{T}\n\n" + text + "\n\nAfter?{F}\n")

    assert len(result.questions) == 2
    (skipped,) = result.findings
    assert (skipped.line, skipped.col, skipped.severity, skipped.kind) == (3, 1, "skipped", kind)
    assert kind in skipped.message


@pytest.mark.parametrize(
    "text, line, col, words",
    [
        ("Who?{=a ~b", 1, 5, "never closed"),
        ("Who?{=a ~b} and {=c}", 1, 17, "second '{'"),
        ("Who? } {=a}", 1, 6, "'}' without a '{'"),
        ("Who?{=a ~%abc%b}", 1, 10, "%abc% is not a weight"),
        ("Who?{=a ~%150%b}", 1, 10, "%150% is not a weight"),
        ("Who?\nreally?{=a ~b {c}", 2, 15, "'{' inside an answer block"),
    ],
)
def test_syntax_errors_are_located_exactly(text: str, line: int, col: int, words: str) -> None:
    result = read_gift("First?{T}\n\n" + text + "\n\nLast?{F}\n")

    assert [q.prompt for q in result.questions] == ["First?", "Last?"]
    (error,) = result.findings
    assert (error.line - 2, error.col, error.severity) == (line, col, "skipped")
    assert words in error.message


def test_a_blank_line_inside_braces_ends_the_question() -> None:
    result = read_gift("Who?{=a\n~b\n\n~c}\n")

    assert result.questions == []
    assert [(f.line, f.col) for f in result.findings] == [(1, 5), (4, 3)]
    assert "never closed" in result.findings[0].message and "blank line" in result.findings[0].message


def test_control_characters_skip_the_question() -> None:
    result = read_gift("Bell\x07?{=a ~b}\n\nFine?{T}\n")

    assert [q.prompt for q in result.questions] == ["Fine?"]
    assert "U+0007" in result.findings[0].message


def test_escape_writes_what_the_import_reads_back() -> None:
    text = "a~b=c#d{e}f:g\\h\nnext line \\n literally"

    assert one(f"{escape(text)}{{=x ~y}}").prompt == text
