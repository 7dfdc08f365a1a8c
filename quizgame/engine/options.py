"""How a session is put together and scored: plain, frozen, JSON-round-trippable options."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from quizgame.engine.errors import OptionsError

Mode = Literal["practice", "exam"]
MODES: tuple[str, ...] = ("practice", "exam")


@dataclass(frozen=True)
class ScoringOptions:
    """Optional bonuses; both off by default. See docs/scoring.md."""

    speed_bonus: bool = False
    streak_bonus: bool = False

    def __post_init__(self) -> None:
        for name in ("speed_bonus", "streak_bonus"):
            if not isinstance(getattr(self, name), bool):
                raise OptionsError(f"scoring option {name} must be true or false")

    def to_dict(self) -> dict[str, bool]:
        return {"speed_bonus": self.speed_bonus, "streak_bonus": self.streak_bonus}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoringOptions:
        if not isinstance(data, Mapping):
            raise OptionsError("scoring options must be a mapping")
        _reject_unknown(data, cls, "scoring options")
        return cls(**dict(data))


@dataclass(frozen=True)
class SessionOptions:
    """Which questions a session asks, in what order, with what time and scoring.

    Filters: a question is kept when it is in one of `sections` (if any are given) and has
    one of `tags` (if any are given) and is among `question_ids` (if any are given). Then
    the order is shuffled (if `shuffle_questions`) and the first `count` are taken.
    """

    seed: int
    shuffle_questions: bool = True
    shuffle_choices: bool = True
    sections: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    count: int | None = None
    # Seconds. Overrides every question's own limit; None means each question's own (or none).
    time_limit: float | None = None
    mode: Mode = "practice"
    scoring: ScoringOptions = field(default_factory=ScoringOptions)
    # Restricts the session to these questions; set by retry_missed() so a retry session can
    # be stored and rebuilt from its options alone.
    question_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.seed, int) or isinstance(self.seed, bool):
            raise OptionsError(f"seed must be a whole number, got {self.seed!r}")
        for name in ("shuffle_questions", "shuffle_choices"):
            if not isinstance(getattr(self, name), bool):
                raise OptionsError(f"{name} must be true or false")
        # Lists from argparse or JSON are welcome; keep tuples so options stay hashable.
        for name in ("sections", "tags", "question_ids"):
            object.__setattr__(self, name, _names(name, getattr(self, name)))
        if self.count is not None and (
            not isinstance(self.count, int) or isinstance(self.count, bool) or self.count < 1
        ):
            raise OptionsError(f"count must be a whole number of at least 1, got {self.count!r}")
        if self.time_limit is not None:
            limit = self.time_limit
            if (
                not isinstance(limit, (int, float))
                or isinstance(limit, bool)
                or not math.isfinite(limit)
                or limit <= 0
            ):
                raise OptionsError(
                    f"time limit must be a positive number of seconds, got {limit!r}"
                )
            object.__setattr__(self, "time_limit", float(limit))
        if self.mode not in MODES:
            raise OptionsError(f"mode must be 'practice' or 'exam', got {self.mode!r}")
        if not isinstance(self.scoring, ScoringOptions):
            raise OptionsError("scoring must be a ScoringOptions")

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe; `SessionOptions.from_dict(o.to_dict()) == o`."""
        return {
            "seed": self.seed,
            "shuffle_questions": self.shuffle_questions,
            "shuffle_choices": self.shuffle_choices,
            "sections": list(self.sections),
            "tags": list(self.tags),
            "count": self.count,
            "time_limit": self.time_limit,
            "mode": self.mode,
            "scoring": self.scoring.to_dict(),
            "question_ids": list(self.question_ids),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SessionOptions:
        """Rebuild options written by to_dict(); raises OptionsError on anything else."""
        if not isinstance(data, Mapping):
            raise OptionsError("session options must be a mapping")
        _reject_unknown(data, cls, "session options")
        if "seed" not in data:
            raise OptionsError("session options have no seed")
        values = dict(data)
        if "scoring" in values:
            values["scoring"] = ScoringOptions.from_dict(values["scoring"])
        return cls(**values)


def _names(option: str, value: object) -> tuple[str, ...]:
    if value is None:  # argparse leaves an unused nargs option as None
        return ()
    # A bare string is iterable too, and would silently become one-letter names.
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise OptionsError(f"{option} must be a list of names, got {value!r}")
    names = tuple(value)
    for name in names:
        if not isinstance(name, str) or not name:
            raise OptionsError(f"{option} must be a list of names, got {value!r}")
    return names


def _reject_unknown(data: Mapping[str, Any], cls: type, what: str) -> None:
    known = {f.name for f in fields(cls)}
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise OptionsError(f"unknown {what}: {', '.join(unknown)}")
