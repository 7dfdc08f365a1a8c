"""SessionOptions: validation and the JSON round trip the store relies on."""

from __future__ import annotations

import json
from typing import Any

import pytest

from quizgame.engine import OptionsError, ScoringOptions, SessionOptions


def test_defaults() -> None:
    options = SessionOptions(seed=3)
    assert (options.shuffle_questions, options.shuffle_choices) == (True, True)
    assert (options.sections, options.tags, options.count, options.time_limit) == ((), (), None, None)
    assert options.mode == "practice"
    assert options.scoring == ScoringOptions(speed_bonus=False, streak_bonus=False)


def test_round_trip_through_json() -> None:
    options = SessionOptions(
        seed=-9,
        shuffle_questions=False,
        sections=("a", "b"),
        tags=("t",),
        count=4,
        time_limit=15,
        mode="exam",
        scoring=ScoringOptions(speed_bonus=True, streak_bonus=True),
        question_ids=("q1",),
    )
    data = json.loads(json.dumps(options.to_dict()))
    assert SessionOptions.from_dict(data) == options


def test_from_dict_fills_defaults() -> None:
    assert SessionOptions.from_dict({"seed": 1}) == SessionOptions(seed=1)


def test_lists_become_tuples_and_none_means_no_filter() -> None:
    options = SessionOptions(seed=1, sections=["a"], tags=None)  # type: ignore[arg-type]
    assert (options.sections, options.tags) == (("a",), ())
    hash(options)


def test_time_limit_is_stored_as_float() -> None:
    assert SessionOptions(seed=1, time_limit=10).time_limit == 10.0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"seed": "7"}, "seed must be a whole number"),
        ({"seed": True}, "seed must be a whole number"),
        ({"count": 0}, "count must be a whole number of at least 1"),
        ({"count": 2.5}, "count must be a whole number"),
        ({"time_limit": 0}, "time limit must be a positive number"),
        ({"time_limit": float("inf")}, "time limit must be a positive number"),
        ({"time_limit": "10"}, "time limit must be a positive number"),
        ({"mode": "test"}, "mode must be 'practice' or 'exam'"),
        ({"sections": "trade"}, "sections must be a list of names"),
        ({"tags": [""]}, "tags must be a list of names"),
        ({"shuffle_questions": "yes"}, "shuffle_questions must be true or false"),
        ({"scoring": {"speed_bonus": True}}, "scoring must be a ScoringOptions"),
    ],
)
def test_bad_options_are_refused(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(OptionsError, match=message):
        SessionOptions(**({"seed": 1} | changes))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "no seed"),
        ({"seed": 1, "colour": "red"}, "unknown session options: colour"),
        ({"seed": 1, "scoring": {"speed": True}}, "unknown scoring options: speed"),
        ({"seed": 1, "scoring": {"speed_bonus": 1}}, "speed_bonus must be true or false"),
        ({"seed": 1, "scoring": []}, "scoring options must be a mapping"),
        ([1], "session options must be a mapping"),
    ],
)
def test_from_dict_refuses_bad_data(data: Any, message: str) -> None:
    with pytest.raises(OptionsError, match=message):
        SessionOptions.from_dict(data)


def test_replace_builds_through_the_same_checks() -> None:
    options = SessionOptions(seed=1, sections=["intro"], time_limit=20)
    changed = options.replace(seed=2, tags=["contested"])
    assert changed == SessionOptions(seed=2, sections=("intro",), tags=("contested",), time_limit=20.0)
    assert options.seed == 1  # read-only: the original is untouched
    with pytest.raises(OptionsError, match="count must be a whole number"):
        options.replace(count=0)
    with pytest.raises(TypeError, match="no field colour"):
        options.replace(colour="red")


def test_options_are_read_only_and_hashable() -> None:
    options = SessionOptions(seed=1, scoring=ScoringOptions(speed_bonus=True))
    with pytest.raises(AttributeError):
        options.seed = 2  # type: ignore[misc]
    assert {options: "x"}[SessionOptions(seed=1, scoring=ScoringOptions(speed_bonus=True))] == "x"
    assert options != SessionOptions(seed=1)
