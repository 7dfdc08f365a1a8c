"""Scoring rules as pure functions. docs/scoring.md explains them with worked examples."""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

# Typed answers are matched in the pack layer, where lint asks the same question.
from quizgame.packs.textmatch import TYPO_MIN_LETTERS, ShortMatch, match_short  # noqa: F401
from quizgame.tally import round_points

# Every tunable number of scoring in one place (docs/scoring.md quotes them); the matcher's
# TYPO_MIN_LETTERS is in quizgame/packs/textmatch.py.
SPEED_FLOOR = 0.5  # share of the points kept by an answer given right at the time limit
STREAK_STEP_PERCENT = 10  # of base points, per answer in a streak beyond the first
STREAK_CAP_PERCENT = 50


def score_single(response: str | bool, answer: str | bool) -> float:
    """Credit for single and true/false questions: all or nothing."""
    return 1.0 if response == answer else 0.0


def score_multiple(picked: Collection[str], right: Collection[str]) -> float:
    """(right picks - wrong picks) / number of right choices, never below zero."""
    right_set = set(right)
    hits = sum(1 for choice in set(picked) if choice in right_set)
    misses = len(set(picked)) - hits
    return max(0.0, (hits - misses) / len(right_set))


class Points(NamedTuple):
    """The points an answer earns, in parts that add up to `total`: each part is rounded
    (quizgame.tally.round_points) before it is added, so the parts shown add up."""

    credit_points: float
    speed_bonus: float
    streak_bonus: float

    @property
    def total(self) -> float:
        return round_points(self.credit_points + self.speed_bonus + self.streak_bonus)


def speed_factor(elapsed: float, limit: float | None) -> float:
    """1.0 for an instant answer, falling linearly to SPEED_FLOOR at the limit."""
    if limit is None:
        return 1.0
    share = min(max(elapsed / limit, 0.0), 1.0)
    return 1.0 - (1.0 - SPEED_FLOOR) * share


def streak_percent(streak: int) -> int:
    """Bonus percent of base points for the `streak`-th fully right answer in a row."""
    return min(STREAK_STEP_PERCENT * max(streak - 1, 0), STREAK_CAP_PERCENT)


def apply_bonuses(
    base: int,
    credit: float,
    *,
    elapsed: float,
    limit: float | None,
    streak: int,
    speed_bonus: bool,
    streak_bonus: bool,
) -> Points:
    """Split an answer's points into parts.

    With the speed bonus on (and a time limit), SPEED_FLOOR of base*credit is earned for
    being right and the rest is the speed bonus, shrinking linearly to zero at the limit:
    the total is base*credit*(1 - 0.5*elapsed/limit). `streak` counts this answer, and is 0
    when the answer was not fully right.
    """
    earned = base * credit
    if speed_bonus and limit is not None:
        credit_points = earned * SPEED_FLOOR
        speed = earned * (speed_factor(elapsed, limit) - SPEED_FLOOR)
    else:
        credit_points, speed = earned, 0.0
    streak_points = base * streak_percent(streak) / 100 if streak_bonus and streak else 0.0
    # Rounded here, once: what is stored and shown is what is added up.
    return Points(round_points(credit_points), round_points(speed), round_points(streak_points))
