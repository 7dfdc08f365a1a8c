"""The scoring rules as pure functions (docs/scoring.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgame.engine.scoring import (
    STREAK_CAP_PERCENT,
    STREAK_STEP_PERCENT,
    apply_bonuses,
    match_short,
    score_multiple,
    score_single,
    speed_factor,
    streak_percent,
)

RIGHT = {"A", "B", "C"}


def test_single_is_all_or_nothing() -> None:
    assert score_single("Hamburg", "Hamburg") == 1.0
    assert score_single("Berlin", "Hamburg") == 0.0


def test_true_false_is_all_or_nothing() -> None:
    assert score_single(False, False) == 1.0
    assert score_single(True, False) == 0.0


@pytest.mark.parametrize(
    ("picked", "credit"),
    [
        ({"A", "B", "C"}, 1.0),
        ({"A", "B"}, 2 / 3),
        ({"A"}, 1 / 3),
        ({"A", "B", "C", "D"}, 2 / 3),  # all right plus one wrong
        ({"A", "D"}, 0.0),  # as many wrong as right
        ({"A", "D", "E"}, 0.0),  # more wrong than right: never below zero
        ({"D", "E"}, 0.0),
        (set(), 0.0),
    ],
)
def test_multiple_partial_credit(picked: set[str], credit: float) -> None:
    assert score_multiple(picked, RIGHT) == pytest.approx(credit)


@given(
    st.sets(st.sampled_from("ABCDEFGHI")),
    st.sets(st.sampled_from("ABCDEFGHI"), min_size=1),
)
def test_multiple_credit_is_within_0_and_1(picked: set[str], right: set[str]) -> None:
    credit = score_multiple(picked, right)
    assert 0.0 <= credit <= 1.0
    assert (credit == 1.0) == (picked == right)


@pytest.mark.parametrize(
    ("typed", "accept", "correct", "typo"),
    [
        ("hamburg", ["Hamburg"], True, False),
        ("  HAMBURG ", ["Hamburg"], True, False),
        ("Hambrug", ["Hamburg"], True, True),  # transposition
        ("Hamburgg", ["Hamburg"], True, True),  # insertion
        ("Hambrg", ["Hamburg"], True, True),  # deletion
        ("Hanburg", ["Hamburg"], True, True),  # substitution
        ("Hmbrug", ["Hamburg"], False, False),  # two edits
        ("Pars", ["Paris"], True, True),  # 5 letters: one typo allowed
        ("Rme", ["Rome"], False, False),  # 4 letters: no typo allowed
        ("Roma", ["Rome"], False, False),
        ("U.S.", ["US"], True, False),
        ("us", ["U.S."], True, False),
        ("Hamburg Germany", ["Hamburg, Germany"], True, False),
        ("zurich", ["Zürich"], True, False),
        ("Zürich", ["Zurich"], True, False),
        ("STRASSE", ["Straße"], True, False),
        ("Jean Luc", ["Jean-Luc"], True, False),
        ("Putin", ["Vladimir Putin", "Putin"], True, False),
        ("vladimir putn", ["Vladimir Putin", "Putin"], True, True),
        ("Apollo 12", ["Apollo 11"], False, False),  # numbers must be exact
        ("Apolo 11", ["Apollo 11"], True, True),
        ("1948", ["1984"], False, False),
        ("", ["Hamburg"], False, False),
        ("   ", ["Hamburg"], False, False),
        ("...", ["Hamburg"], False, False),
    ],
)
def test_match_short(typed: str, accept: list[str], correct: bool, typo: bool) -> None:
    match = match_short(typed, accept)
    assert (match.correct, match.typo) == (correct, typo)


def test_typo_reports_the_accepted_answer_as_written() -> None:
    match = match_short("vladimir putn", ["Vladimir Putin", "Putin"])
    assert match.accepted == "Vladimir Putin"


def test_exact_match_reports_no_accepted_answer() -> None:
    assert match_short("Hamburg", ["Hamburg"]).accepted is None


def test_an_exact_match_wins_over_a_typo_match_of_an_earlier_answer() -> None:
    match = match_short("Paris", ["Parts", "Paris"])
    assert (match.correct, match.typo, match.accepted) == (True, False, None)


def test_exact_rejects_a_typo_but_still_forgives_case_accents_and_punctuation() -> None:
    assert not match_short("Hambrug", ["Hamburg"], exact=True).correct
    assert match_short("ZURICH!", ["Zürich"], exact=True).correct


def test_letters_are_counted_in_the_normalised_accepted_answer() -> None:
    # "U.S.A." normalises to "usa": 3 letters, so no typo is forgiven.
    assert not match_short("usb", ["U.S.A."]).correct


def test_speed_factor() -> None:
    assert speed_factor(0, 20) == 1.0
    assert speed_factor(10, 20) == 0.75
    assert speed_factor(20, 20) == 0.5
    assert speed_factor(7, None) == 1.0


def _points(**kwargs: object):  # type: ignore[no-untyped-def]
    args: dict[str, object] = {
        "elapsed": 0.0,
        "limit": None,
        "streak": 0,
        "speed_bonus": False,
        "streak_bonus": False,
    }
    args.update(kwargs)
    return apply_bonuses(20, 1.0, **args)  # type: ignore[arg-type]


def test_no_bonuses_gives_base_times_credit() -> None:
    points = apply_bonuses(
        30, 2 / 3, elapsed=5, limit=10, streak=0, speed_bonus=False, streak_bonus=False
    )
    assert points.total == pytest.approx(20.0)
    assert (points.speed_bonus, points.streak_bonus) == (0.0, 0.0)


@pytest.mark.parametrize(
    ("elapsed", "total", "speed"),
    [(0.0, 20.0, 10.0), (10.0, 15.0, 5.0), (20.0, 10.0, 0.0)],
)
def test_speed_bonus_at_zero_half_and_full_limit(elapsed: float, total: float, speed: float) -> None:
    points = _points(elapsed=elapsed, limit=20.0, speed_bonus=True)
    assert points.total == pytest.approx(total)
    assert points.speed_bonus == pytest.approx(speed)
    assert points.credit_points == pytest.approx(10.0)


def test_speed_bonus_does_nothing_without_a_time_limit() -> None:
    points = _points(elapsed=300.0, limit=None, speed_bonus=True)
    assert (points.total, points.speed_bonus) == (20.0, 0.0)


def test_speed_bonus_scales_partial_credit() -> None:
    points = apply_bonuses(
        30, 2 / 3, elapsed=10.0, limit=20.0, streak=0, speed_bonus=True, streak_bonus=False
    )
    assert points.total == pytest.approx(15.0)
    assert (points.credit_points, points.speed_bonus) == (pytest.approx(10.0), pytest.approx(5.0))


@pytest.mark.parametrize(
    ("streak", "percent"),
    [(0, 0), (1, 0), (2, 10), (3, 20), (5, 40), (6, 50), (7, 50), (40, 50)],
)
def test_streak_percent_grows_by_step_and_stops_at_cap(streak: int, percent: int) -> None:
    assert STREAK_STEP_PERCENT == 10 and STREAK_CAP_PERCENT == 50
    assert streak_percent(streak) == percent


def test_streak_bonus_is_a_share_of_base_points() -> None:
    points = _points(streak=3, streak_bonus=True)
    assert points.streak_bonus == pytest.approx(4.0)
    assert points.total == pytest.approx(24.0)


def test_streak_bonus_off_adds_nothing() -> None:
    assert _points(streak=6, streak_bonus=False).streak_bonus == 0.0


def test_streak_bonus_is_not_scaled_by_speed() -> None:
    points = _points(streak=2, streak_bonus=True, speed_bonus=True, elapsed=20.0, limit=20.0)
    assert points.streak_bonus == pytest.approx(2.0)
    assert points.total == pytest.approx(12.0)


@given(
    st.integers(1, 1000),
    st.floats(0, 1),
    st.floats(0, 3600),
    st.floats(5, 3600),
    st.booleans(),
)
def test_points_never_exceed_base_without_streak(
    base: int, credit: float, elapsed: float, limit: float, speed: bool
) -> None:
    points = apply_bonuses(
        base, credit, elapsed=elapsed, limit=limit, streak=0, speed_bonus=speed, streak_bonus=True
    )
    assert 0.0 <= points.total <= base + 1e-9
    assert points.total == pytest.approx(points.credit_points + points.speed_bonus)
