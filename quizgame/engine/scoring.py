"""Scoring rules as pure functions. docs/scoring.md explains them with worked examples."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple

from quizgame.engine.textmatch import damerau_levenshtein, digits, letter_count, normalise

# Every tunable number in one place (docs/scoring.md quotes them).
SPEED_FLOOR = 0.5  # share of the points kept by an answer given right at the time limit
STREAK_STEP_PERCENT = 10  # of base points, per answer in a streak beyond the first
STREAK_CAP_PERCENT = 50
TYPO_MIN_LETTERS = 5  # accepted answers shorter than this must be matched without a typo


def score_single(response: str | bool, answer: str | bool) -> float:
    """Credit for single and true/false questions: all or nothing."""
    return 1.0 if response == answer else 0.0


def score_multiple(picked: Collection[str], right: Collection[str]) -> float:
    """(right picks - wrong picks) / number of right choices, never below zero."""
    right_set = set(right)
    hits = sum(1 for choice in set(picked) if choice in right_set)
    misses = len(set(picked)) - hits
    return max(0.0, (hits - misses) / len(right_set))


class ShortMatch(NamedTuple):
    correct: bool
    # The accepted answer's original text, only when a typo was forgiven.
    accepted: str | None = None
    typo: bool = False


def match_short(response: str, accept: Sequence[str], *, exact: bool = False) -> ShortMatch:
    """Is a typed answer one of the accepted answers?

    Compared after normalise(). Unless `exact`, one typo (Damerau-Levenshtein distance 1)
    is forgiven against an accepted answer of TYPO_MIN_LETTERS letters or more, provided
    the numbers in both are the same: "Apollo 12" is not a typo of "Apollo 11".
    """
    given = normalise(response)
    if not given:
        return ShortMatch(False)
    candidates = [(text, normalise(text)) for text in accept]
    if any(given == wanted for _, wanted in candidates):
        return ShortMatch(True)
    if exact:
        return ShortMatch(False)
    for text, wanted in candidates:
        if (
            letter_count(wanted) >= TYPO_MIN_LETTERS
            and abs(len(given) - len(wanted)) <= 1  # cheap test before the quadratic one
            and digits(given) == digits(wanted)
            and damerau_levenshtein(given, wanted) == 1
        ):
            return ShortMatch(True, accepted=text, typo=True)
    return ShortMatch(False)


class Points(NamedTuple):
    """The points an answer earns, in parts that add up to `total`."""

    credit_points: float
    speed_bonus: float
    streak_bonus: float

    @property
    def total(self) -> float:
        return self.credit_points + self.speed_bonus + self.streak_bonus


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
    return Points(credit_points, speed, streak_points)
