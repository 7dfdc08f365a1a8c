"""Score, maximum and percentage: worked out here and nowhere else (docs/scoring.md).

The game's screens, the resume offer, the classroom's standings, the hot-seat podium and
every report (`results`, `export`, `stats`, the leaderboard) take their figures from
`tally`, so a number reads the same wherever it is shown. A leaf module, importing nothing
of quizgame: the engine uses it, and so do the store and the reports, which must not load
the engine.

Points are rounded once, when an answer is scored (`round_points`, called by
quizgame.engine.scoring): every part of an answer (for being right, the speed bonus, the
streak bonus) is a whole number of tenths, and the parts are what is stored and shown. So
the parts add up to the answer's points, and the answers to the total, as the player reads
them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple, Protocol

# Points are kept to one decimal: 17.5 and 6.7, never 6.666666666666666.
POINT_DECIMALS = 1


def round_points(value: float) -> float:
    """Points as they are kept, stored and shown: to one decimal, half away from zero
    (not Python's half to even, which would make 0.25 read 0.2 and 0.35 read 0.4)."""
    scale = 10**POINT_DECIMALS
    rounded = math.floor(abs(value) * scale + 0.5 + 1e-9) / scale
    return math.copysign(rounded, value) + 0.0  # + 0.0: no "-0"


def points_text(value: float) -> str:
    """Points as people write them: 120, not 120.0; 12.5 stays 12.5."""
    rounded = round_points(value)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.{POINT_DECIMALS}f}"


def percent_text(value: float | None) -> str:
    """A percentage in whole numbers, "-" for none. Only a perfect score reads 100%: 99.6%
    is not one."""
    if value is None:
        return "-"
    shown = round(value)
    return f"{min(shown, 99) if value < 100 else shown:d}%"


class Scored(Protocol):
    """What `tally` reads of an answer: an engine AnswerResult and a stored answer alike."""

    @property
    def points(self) -> float: ...
    @property
    def max_points(self) -> float: ...
    @property
    def speed_bonus(self) -> float: ...
    @property
    def streak_bonus(self) -> float: ...


class Tally(NamedTuple):
    """A run's figures. `score` includes both bonuses; `percent` leaves the streak bonus out
    and so stays within 0..100; `max_score` is the base points of the questions asked."""

    score: float
    max_score: float
    percent: float
    speed_bonus: float
    streak_bonus: float
    answered: int

    @property
    def score_text(self) -> str:
        """ "83.3 of 80" """
        return f"{points_text(self.score)} of {points_text(self.max_score)}"

    @property
    def percent_text(self) -> str:
        return percent_text(self.percent if self.answered else None)

    @property
    def explained(self) -> str:
        """Why the score may pass the maximum, said where both are shown; "" when it cannot."""
        parts = []
        if self.speed_bonus:
            parts.append(f"{points_text(self.speed_bonus)} speed bonus")
        if self.streak_bonus:
            parts.append(f"{points_text(self.streak_bonus)} streak bonus")
        if not parts:
            return ""
        held = " and ".join(parts)
        return (
            f"includes {held}; the maximum is the base points of the questions asked, and the "
            "percentage leaves the streak bonus out"
        )


def totals(
    score: float, max_score: float, streak_bonus: float, speed_bonus: float, answered: int
) -> Tally:
    """The figures from sums already made (the store keeps them per session)."""
    score = round_points(score)  # sums of tenths: rounding only drops binary noise
    max_score = round_points(max_score)
    streak_bonus = round_points(streak_bonus)
    speed_bonus = round_points(speed_bonus)
    if answered and max_score > 0:
        # The streak bonus is left out so that percent measures the answers: 0..100.
        percent = min(100.0, max(0.0, 100.0 * (score - streak_bonus) / max_score))
    else:
        percent = 0.0
    return Tally(score, max_score, percent, speed_bonus, streak_bonus, answered)


def tally(answers: Iterable[Scored]) -> Tally:
    """The figures of the answers given so far: a run left half way is judged on what was
    asked."""
    rows = list(answers)
    return totals(
        math.fsum(a.points for a in rows),
        math.fsum(a.max_points for a in rows),
        math.fsum(a.streak_bonus for a in rows),
        math.fsum(a.speed_bonus for a in rows),
        len(rows),
    )
