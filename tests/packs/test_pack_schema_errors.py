"""Schema errors in plain words, at the right node: unknown field at the key, wrong value at
the value, missing field at the mapping that lacks it."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import VALID, assert_problem, edit, problems_of


def test_an_unknown_field_points_at_its_key_with_a_suggestion(pack_dir: Path) -> None:
    text = edit('    answer: "4,380 hours"\n', '    answer: "4,380 hours"\n    anwser: "4,380 hours"\n')

    assert problems_of(pack_dir, text) == ["27:5: unknown field 'anwser' (did you mean 'answer'?)"]


@pytest.mark.parametrize(
    ("old", "new", "line", "col", "message"),
    [
        ("license: CC0-1.0", "lisence: CC0-1.0", 8, 1, "unknown field 'lisence' (did you mean 'license'?)"),
        ("  author: Anonymous", "  autor: Anonymous", 11, 3, "unknown field 'autor' (did you mean 'author'?)"),
        ("    title: Spring", "    title: Spring\n    colour: green", 20, 5, "unknown field 'colour'"),
        ("schema: 1", "format_version: 1", 2, 1, "unknown field 'format_version' (did you mean 'schema'?)"),
    ],
)
def test_unknown_fields_everywhere(pack_dir: Path, old: str, new: str, line: int, col: int, message: str) -> None:
    found = problems_of(pack_dir, edit(old, new))

    assert f"{line}:{col}: {message}" in found


def test_a_missing_field_points_at_the_mapping_that_lacks_it(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("    explanation: The keeper's log records it.\n", ""))

    assert found == ["21:5: missing required field 'explanation'"]


def test_a_missing_top_level_field_points_at_the_root(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("license: CC0-1.0\n", ""))

    assert found == ["2:1: missing required field 'license'"]


@pytest.mark.parametrize(
    ("old", "new", "line", "col", "message"),
    [
        ("schema: 1", "schema: 2", 2, 9, "'schema' must be 1 (the pack format version), not '2'"),
        ("id: lighthouse", "id: Light House", 3, 5, "'Light House' is not a valid id"),
        ("language: en", "language: english", 6, 11, "'language' must be a language tag such as en or en-GB"),
        ("authors: [Test Author]", "authors: []", 7, 10, "'authors' needs at least one author"),
        ("  date: 2011-01-01", "  date: 2011-1-1", 13, 9, "'date' must be written YYYY-MM-DD, not '2011-1-1'"),
        ("  date: 2011-01-01", "  date: 0", 13, 9, "'date' must be written YYYY-MM-DD, not '0'"),
        ("  date: 2011-01-01", "  date: 2011-02-30", 13, 9, "'date' must be a date written YYYY-MM-DD"),
        ("  text: source.txt", "  text: source.txt\n  url: not a url", 15, 8, "'url' must start with http://"),
        ("    time_limit: 30", "    time_limit: 2", 47, 17, "'time_limit' must be at least 5, not 2"),
        ("    time_limit: 30", "    time_limit: 1.5", 47, 17, "'time_limit' must be a whole number, not '1.5'"),
        ("    difficulty: easy", "    difficulty: extreme", 37, 17, "'difficulty' must be one of 'easy', 'medium' or 'hard'"),
        ("    answer: false", '    answer: "false"', 42, 13, "'answer' must be true or false, without quotes"),
        ("    answer: false", "    answer: maybe", 42, 13, "'answer' must be true or false, not 'maybe'"),
        ("    tags: [places]", "    tags: [Places]", 56, 12, "'Places' is not a valid tags"),
        ("    tags: [places]", "    tags: places", 56, 11, "'tags' must be a list, not text"),
        ('    quote: "Supplies', '    quote: 5\n    x: "Supplies', 54, 12, "'quote' must be text or a list of text fragments, not a number"),
        ("    choices: [short, precise, long, funny]", "    choices: [short]", 33, 14, "'choices' needs at least 2 choices"),
        ("    choices: [short, precise, long, funny]", "    choices: [a, b, c, d, e, f, g, h, i, j]", 33, 14, "'choices' has 10 items; at most 9 are allowed"),
        ("    answers: [short, precise]", "    answers: []", 34, 14, "'answers' needs at least one right answer"),
        ("    accept: [Hamburg]", "    accept: []", 52, 13, "'accept' needs at least one accepted answer"),
        ("    prompt: Where did the supply boat come from?", '    prompt: ""', 51, 13, "'prompt' must not be empty"),
        ("    prompt: Where did the supply boat come from?", '    prompt: "  "', 51, 13, "'prompt' must not be blank"),
        ("sections:\n  - id: winter", "sections: winter\nx:\n  - id: winter", 15, 11, "'sections' must be a list, not text"),
    ],
)
def test_wrong_values_point_at_the_value(
    pack_dir: Path, old: str, new: str, line: int, col: int, message: str
) -> None:
    assert_problem(problems_of(pack_dir, edit(old, new)), line, col, message)


def test_an_unknown_question_type_lists_the_types(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("    type: single", "    type: singel"))

    assert found == [
        "22:11: unknown question type 'singel' (did you mean 'single'?); "
        "use one of: single, multiple, true_false, short"
    ]


def test_a_missing_question_type_points_at_the_question(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("    type: multiple\n", ""))

    assert found == ["29:5: missing field 'type'; a question's type is one of: single, multiple, true_false, short"]


def test_a_question_that_is_not_a_mapping(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("questions:\n", "questions:\n  - just a sentence\n"))

    assert_problem(found, 21, 5, "a question must be a mapping of fields (key: value), not text")


def test_fields_of_another_question_type_are_unknown(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("    accept: [Hamburg]\n", "    accept: [Hamburg]\n    choices: [a, b]\n"))

    assert found == ["53:5: unknown field 'choices'"]


def test_every_problem_in_every_question_is_listed(pack_dir: Path) -> None:
    text = edit("    prompt: How long did the lamp burn that year?\n", "")
    text = edit("    difficulty: easy", "    difficulty: extreme", text)
    text = edit("    time_limit: 30", "    time_limit: 0", text)
    text = edit("    hint: A German port.", "    hint: []", text)
    text = edit("title: The Lighthouse Keeper's Year", "title:", text)

    found = problems_of(pack_dir, text)

    assert found == [
        "4:7: 'title' has no value; write the text",
        "21:5: missing required field 'prompt'",
        "36:17: 'difficulty' must be one of 'easy', 'medium' or 'hard', not 'extreme'",
        "46:17: 'time_limit' must be at least 5, not 0",
        "54:11: 'hint' must be text, not a list",
    ]


def test_the_valid_fixture_has_no_problems(pack_dir: Path) -> None:
    assert problems_of(pack_dir, VALID) == []


def test_a_misspelt_required_field_is_reported_once(pack_dir: Path) -> None:
    # Not also "missing required field 'license'": the suggestion already says what to do.
    assert problems_of(pack_dir, edit("license: CC0-1.0", "lisence: CC0-1.0")) == [
        "8:1: unknown field 'lisence' (did you mean 'license'?)"
    ]
