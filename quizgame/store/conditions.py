"""The conditions a session was played under, read from its stored options: what `results`,
`export` and the leaderboard show, and what runs are compared by."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from quizgame.tally import points_text

ORIGINS = {"command": "command line", "home": "home screen"}


class Conditions(NamedTuple):
    mode: str
    time_limit: float | None  # seconds for every question; None: each question's own, or none
    seed: int | None
    questions: int  # questions in the session
    sections: tuple[str, ...]
    tags: tuple[str, ...]
    retry: bool  # a retry of the questions missed in an earlier run
    speed_bonus: bool
    streak_bonus: bool
    started_from: str | None  # "command", "home", or None when not known

    @property
    def key(self) -> tuple[object, ...]:
        """What makes two runs comparable: the same mode, questions and rules of scoring.
        (The seed is left out: a home-screen run draws a new one each time.)"""
        return (
            self.mode, self.time_limit, self.questions, self.sections, self.tags, self.retry,
            self.speed_bonus, self.streak_bonus,
        )

    @property
    def time_text(self) -> str:
        if self.time_limit is None:
            return "own time limits"
        return f"{points_text(self.time_limit)} s a question"

    @property
    def text(self) -> str:
        """ "exam, 5 questions, 30 s a question, sections: a b, seed 42, command line" """
        parts = [self.mode + (" retry" if self.retry else ""), f"{self.questions} questions"]
        parts.append(self.time_text)
        if self.sections:
            parts.append("sections: " + " ".join(self.sections))
        if self.tags:
            parts.append("tags: " + " ".join(self.tags))
        bonuses = [name for name, on in (("speed", self.speed_bonus), ("streak", self.streak_bonus)) if on]
        if bonuses:
            parts.append(" and ".join(bonuses) + " bonus")
        if self.seed is not None:
            parts.append(f"seed {self.seed}")
        if self.started_from in ORIGINS:
            parts.append(ORIGINS[self.started_from])
        return ", ".join(parts)


def _names(value: object) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(str(item) for item in value)
    return ()


def read_conditions(
    mode: str, options: Mapping[str, Any], questions: int, started_from: str | None
) -> Conditions:
    """From a stored session's mode, options JSON (any version: missing keys are defaults)
    and question count."""
    scoring = options.get("scoring") if isinstance(options.get("scoring"), Mapping) else {}
    limit = options.get("time_limit")
    seed = options.get("seed")
    return Conditions(
        mode=mode,
        time_limit=float(limit) if isinstance(limit, (int, float)) and not isinstance(limit, bool) else None,
        seed=seed if isinstance(seed, int) and not isinstance(seed, bool) else None,
        questions=questions,
        sections=_names(options.get("sections")),
        tags=_names(options.get("tags")),
        retry=bool(_names(options.get("question_ids"))),
        speed_bonus=bool(scoring.get("speed_bonus")),
        streak_bonus=bool(scoring.get("streak_bonus")),
        started_from=started_from,
    )
