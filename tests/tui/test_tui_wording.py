"""The words and symbols the game shows, without Textual."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from quizgame.tui import wording


@dataclass
class _Result:
    timed_out: bool = False
    correct: bool = False
    credit: float = 0.0
    points: float = 0.0
    max_points: float = 20.0
    speed_bonus: float = 0.0
    streak_bonus: float = 0.0
    credit_points: float = 0.0


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        (_Result(correct=True, credit=1.0), "✔ Right"),
        (_Result(credit=0.5), "◐ Partly right"),
        (_Result(), "✘ Wrong"),
        (_Result(timed_out=True), "⌛ Time's up"),
        # A late answer is a time-out even if it happened to be right.
        (_Result(timed_out=True, correct=True, credit=1.0), "⌛ Time's up"),
    ],
)
def test_verdict_has_symbol_and_words(result: _Result, expected: str) -> None:
    assert str(wording.verdict(result)) == expected  # type: ignore[arg-type]


def test_points_line_names_bonuses_only_when_given() -> None:
    assert wording.points_line(_Result(points=20)) == "+20 of 20 points"  # type: ignore[arg-type]
    line = wording.points_line(_Result(points=17.5, credit_points=10, speed_bonus=7.5))  # type: ignore[arg-type]
    assert line == "+10 +7.5 speed bonus = 17.5 of 20 points"
    line = wording.points_line(_Result(points=17.5, credit_points=10, speed_bonus=5, streak_bonus=2.5))  # type: ignore[arg-type]
    assert line == "+10 +5 speed bonus +2.5 streak bonus = 17.5 points (worth 20, streak bonus on top)"
    line = wording.points_line(_Result(points=22, credit_points=20, streak_bonus=2))  # type: ignore[arg-type]
    assert line == "+20 +2 streak bonus = 22 points (worth 20, streak bonus on top)"


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00"), (59.4, "0:59"), (61, "1:01"), (3725, "1:02:05")]
)
def test_duration(seconds: float, text: str) -> None:
    assert wording.duration(seconds) == text


def test_countdown_rounds_up_until_the_end() -> None:
    assert wording.countdown(0.2) == "⌛ 0:01 left"
    assert wording.countdown(10) == "⌛ 0:10 left"
    assert wording.countdown(0) == "⌛ 0:00 left"


@pytest.mark.parametrize(
    ("done", "total", "bar"),
    [(0, 4, "░░░░░░░░░░"), (4, 4, "██████████"), (1, 3, "███░░░░░░░"), (0, 0, "░░░░░░░░░░")],
)
def test_bar(done: int, total: int, bar: str) -> None:
    assert wording.bar(done, total) == bar


def test_percent_of_nothing_is_zero() -> None:
    assert wording.percent(0, 0) == "0%"
    assert wording.percent(2, 3) == "67%"


def test_long_date_has_no_leading_zero() -> None:
    assert wording.long_date(dt.date(2017, 7, 7)) == "7 July 2017"


def test_size_message_gives_current_and_needed_size() -> None:
    text = wording.size_message(50, 15, (60, 18))
    assert "50×15" in text and "60×18" in text


def test_a_refused_name_is_told_as_a_sentence() -> None:
    from quizgame.engine.names import InvalidName, check_name
    from quizgame.tui.wording import name_refused

    assert name_refused("   ", "a name needs at least one letter") == "Type your name first."
    with pytest.raises(InvalidName) as refused:
        check_name("x" * 41)
    said = name_refused("x" * 41, str(refused.value))
    assert said[0].isupper() and said.endswith(".") and said[1:-1] == str(refused.value)[1:]
