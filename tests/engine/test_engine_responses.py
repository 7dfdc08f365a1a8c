"""Storing responses as JSON and reading them back."""

from __future__ import annotations

import json

import pytest

from quizgame.engine import InvalidResponseError, decode_response, encode_response


@pytest.mark.parametrize(
    ("question_type", "response"),
    [
        ("single", "Hamburg"),
        ("multiple", frozenset({"B", "A", "C"})),
        ("multiple", frozenset()),
        ("true_false", False),
        ("short", "  hambrug "),
        ("short", None),
        ("multiple", None),
    ],
)
def test_round_trip(question_type: str, response: object) -> None:
    stored = json.loads(json.dumps(encode_response(response)))  # type: ignore[arg-type]
    assert decode_response(question_type, stored) == response
    assert type(decode_response(question_type, stored)) is type(response)


def test_sets_are_stored_sorted() -> None:
    assert encode_response(frozenset({"b", "c", "a"})) == ["a", "b", "c"]


def test_decoding_twice_is_harmless() -> None:
    once = decode_response("multiple", ["A"])
    assert decode_response("multiple", once) == frozenset({"A"})


@pytest.mark.parametrize(
    ("question_type", "data"),
    [
        ("multiple", "A"),
        ("multiple", [1]),
        ("true_false", "true"),
        ("true_false", 1),
        ("single", ["A"]),
        ("short", 3),
        ("essay", "x"),
    ],
)
def test_decode_refuses_the_wrong_shape(question_type: str, data: object) -> None:
    with pytest.raises(InvalidResponseError):
        decode_response(question_type, data)


def test_encode_refuses_what_it_cannot_store() -> None:
    with pytest.raises(InvalidResponseError, match="cannot store a response of type int"):
        encode_response(3)  # type: ignore[arg-type]
