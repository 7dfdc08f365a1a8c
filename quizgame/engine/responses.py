"""Responses: checking them against a question, showing them, and storing them as JSON."""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from quizgame.engine.errors import InvalidResponseError
from quizgame.engine.results import PreparedQuestion, Response
from quizgame.packs.pack import QUESTION_TYPES

NO_ANSWER = "(no answer)"
# Choice texts may themselves contain commas.
CHOICE_JOINER = "; "


def encode_response(response: Response) -> Any:
    """A JSON-safe form: a multiple-choice set becomes a sorted list; the rest pass through."""
    if response is None or isinstance(response, (bool, str)):
        return response
    if isinstance(response, Set):
        items = list(response)
        if all(isinstance(item, str) for item in items):
            return sorted(items)
    raise InvalidResponseError(f"cannot store a response of type {type(response).__name__}")


def decode_response(question_type: str, data: Any) -> Response:
    """The inverse of encode_response for a question of `question_type`.

    Already-decoded responses are returned as they are, so this is safe to apply twice.
    """
    if question_type not in QUESTION_TYPES:
        raise InvalidResponseError(f"unknown question type {question_type!r}")
    if data is None:
        return None
    if question_type == "multiple":
        if isinstance(data, (list, tuple, Set)) and all(isinstance(item, str) for item in data):
            return frozenset(data)
        raise InvalidResponseError(
            f"a multiple-choice response must be a list of choices, got {data!r}"
        )
    if question_type == "true_false":
        if isinstance(data, bool):
            return data
        raise InvalidResponseError(f"a true/false response must be true or false, got {data!r}")
    if isinstance(data, str):
        return data
    raise InvalidResponseError(f"a {question_type} response must be text, got {data!r}")


def check_response(prepared: PreparedQuestion, response: object) -> Response:
    """The response in canonical form, or InvalidResponseError saying what is wrong."""
    if response is None:
        return None
    question = prepared.question
    where = f"question {prepared.number} ({question.id})"
    if question.type == "single":
        if not isinstance(response, str):
            raise InvalidResponseError(f"{where} takes one choice as text, got {response!r}")
        if response not in prepared.choices:
            raise InvalidResponseError(f"{where}: {response!r} is not one of its choices")
        return response
    if question.type == "multiple":
        if not isinstance(response, Set) or not all(isinstance(item, str) for item in response):
            raise InvalidResponseError(f"{where} takes a set of choices, got {response!r}")
        unknown = sorted(item for item in response if item not in prepared.choices)
        if unknown:
            listed = ", ".join(repr(item) for item in unknown)
            raise InvalidResponseError(f"{where}: {listed} not among its choices")
        return frozenset(response)
    if question.type == "true_false":
        if not isinstance(response, bool):
            raise InvalidResponseError(f"{where} takes True or False, got {response!r}")
        return response
    if not isinstance(response, str):
        raise InvalidResponseError(f"{where} takes typed text, got {response!r}")
    return response


def right_answer_text(prepared: PreparedQuestion) -> str:
    question = prepared.question
    if question.type == "single":
        return question.answer
    if question.type == "multiple":
        right = set(question.answers)
        return CHOICE_JOINER.join(choice for choice in prepared.choices if choice in right)
    if question.type == "true_false":
        return "True" if question.answer else "False"
    return question.accept[0]


def response_text(prepared: PreparedQuestion, response: Response) -> str:
    if response is None:
        return NO_ANSWER
    if isinstance(response, bool):
        return "True" if response else "False"
    if isinstance(response, frozenset):
        picked = [choice for choice in prepared.choices if choice in response]
        return CHOICE_JOINER.join(picked) or NO_ANSWER
    return response.strip() or NO_ANSWER
