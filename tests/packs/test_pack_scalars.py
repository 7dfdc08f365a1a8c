"""Plain scalars follow the YAML 1.2 core schema; YAML 1.1 lookalikes must be quoted."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from quizgame.packs import load_pack
from quizgame.packs.scalars import Ambiguous, resolve_plain

from .conftest import assert_problem, edit, problems_of, write


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("", None),
        ("~", None),
        ("null", None),
        ("Null", None),
        ("NULL", None),
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("FALSE", False),
        ("0", 0),
        ("-0", 0),
        ("42", 42),
        ("+42", 42),
        ("-17", -17),
        ("0o17", 15),
        ("0x1F", 31),
        ("1.5", 1.5),
        ("-.5", -0.5),
        ("1e3", 1000.0),
        ("2.5E-1", 0.25),
        (".inf", math.inf),
        ("-.Inf", -math.inf),
        ("Hamburg", "Hamburg"),
        ("2017-07-07", "2017-07-07"),
        ("true story", "true story"),
        ("nothing", "nothing"),
        ("one-two", "one-two"),
        ("-", "-"),
        ("1.2.3", "1.2.3"),
        ("4,380", "4,380"),
    ],
)
def test_core_schema_values(text: str, value: object) -> None:
    assert resolve_plain(text) == value
    assert type(resolve_plain(text)) is type(value)


def test_nan() -> None:
    assert math.isnan(resolve_plain(".nan"))


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("yes", "a boolean in YAML 1.1"),
        ("No", "a boolean in YAML 1.1"),
        ("ON", "a boolean in YAML 1.1"),
        ("off", "a boolean in YAML 1.1"),
        ("y", "a boolean in YAML 1.1"),
        ("N", "a boolean in YAML 1.1"),
        ("yEs", "a boolean in YAML 1.1"),
        ("tRUE", "write true in lower case"),
        ("nULL", "write null in lower case"),
        ("010", "the octal number 8 in YAML 1.1"),
        ("-007", "the octal number 7 in YAML 1.1"),
        ("09", "not a number in YAML 1.1"),
        ("12:30", "the number 750 in YAML 1.1"),
        ("1:30:00", "the number 5400 in YAML 1.1"),
        ("-1:30", "the number -90 in YAML 1.1"),
        ("1_000", "a number in YAML 1.1, text in YAML 1.2"),
        ("0b101", "a number in YAML 1.1, text in YAML 1.2"),
        ("1_000.5", "a number in YAML 1.1, text in YAML 1.2"),
    ],
)
def test_yaml_11_lookalikes_are_refused_never_coerced(text: str, meaning: str) -> None:
    with pytest.raises(Ambiguous) as raised:
        resolve_plain(text)

    message = str(raised.value)
    assert message.startswith(f"unquoted {text} is ambiguous")
    assert meaning in message
    assert f'quote it ("{text}")' in message


def test_the_exact_message_for_no(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("answer: false", "answer: no"))

    assert found == [
        '42:13: unquoted no is ambiguous (a boolean in YAML 1.1); quote it ("no") if you mean text, '
        "or write true/false"
    ]


def test_a_sexagesimal_choice_is_refused_not_read_as_750(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("choices: [short, precise, long, funny]", "choices: [short, precise, 12:30, funny]"))

    assert found == ['33:31: unquoted 12:30 is ambiguous (the number 750 in YAML 1.1); quote it ("12:30") if you mean text']


@pytest.mark.parametrize(
    ("line", "value", "fragment"),
    [
        ("    time_limit: 30", "    time_limit: 030", "the octal number 24 in YAML 1.1"),
        ("    difficulty: easy", "    difficulty: easy\n    points: 1_000", "unquoted 1_000 is ambiguous"),
        ("    difficulty: easy", "    difficulty: easy\n    points: 0b101", "unquoted 0b101 is ambiguous"),
        ("description: A small pack used by the tests.", "description: Off", "unquoted Off is ambiguous"),
    ],
)
def test_lookalikes_are_reported_at_the_value(pack_dir: Path, line: str, value: str, fragment: str) -> None:
    text = edit(line, value)
    row = text.splitlines().index(value.splitlines()[-1]) + 1
    col = value.splitlines()[-1].index(":") + 3

    assert_problem(problems_of(pack_dir, text), row, col, fragment)


def test_quoted_lookalikes_are_text(pack_dir: Path) -> None:
    text = edit("choices: [short, precise, long, funny]", 'choices: [short, precise, "12:30", "no"]')
    path = write(pack_dir, text)

    assert load_pack(path, cache=False).pack.questions[1].choices == ("short", "precise", "12:30", "no")


def test_a_number_where_text_is_meant_says_to_quote_it(pack_dir: Path) -> None:
    text = edit('choices: ["4,380 hours", "2,000 hours", "8,760 hours"]', 'choices: [2017, 2018, "x"]')

    found = problems_of(pack_dir, text)

    assert found == [
        '25:15: \'choices\' must be text, not a number; quote it ("2017") if you mean text',
        '25:21: \'choices\' must be text, not a number; quote it ("2018") if you mean text',
    ]


def test_a_boolean_where_text_is_meant_says_to_quote_it(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("license: CC0-1.0", "license: true"))

    assert found == ['8:10: \'license\' must be text, not true (a boolean); quote it ("true") if you mean text']


def test_an_empty_value_where_text_is_required(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("license: CC0-1.0", "license:"))

    assert found == ["8:9: 'license' has no value; write the text"]
