"""How a session is put together and scored: plain, frozen, JSON-round-trippable options."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from quizgame.engine.errors import OptionsError
from quizgame.readonly_record import Record

Mode = Literal["practice", "exam"]
MODES: tuple[str, ...] = ("practice", "exam")


class ScoringOptions(Record):
    """Optional bonuses; both off by default. See docs/scoring.md."""

    __slots__ = ("speed_bonus", "streak_bonus")
    speed_bonus: bool
    streak_bonus: bool

    def __init__(self, speed_bonus: bool = False, streak_bonus: bool = False) -> None:
        for name, value in (("speed_bonus", speed_bonus), ("streak_bonus", streak_bonus)):
            if not isinstance(value, bool):
                raise OptionsError(f"scoring option {name} must be true or false")
        super().__init__(speed_bonus, streak_bonus)

    def to_dict(self) -> dict[str, bool]:
        return {"speed_bonus": self.speed_bonus, "streak_bonus": self.streak_bonus}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoringOptions:
        if not isinstance(data, Mapping):
            raise OptionsError("scoring options must be a mapping")
        _reject_unknown(data, cls, "scoring options")
        return cls(**dict(data))


_NO_SCORING = ScoringOptions()


class SessionOptions(Record):
    """Which questions a session asks, in what order, with what time and scoring.

    Filters: a question is kept when it is in one of `sections` (if any are given) and has
    one of `tags` (if any are given) and is among `question_ids` (if any are given). Then
    the order is shuffled (if `shuffle_questions`) and the first `count` are taken.
    """

    __slots__ = (
        "seed",
        "shuffle_questions",
        "shuffle_choices",
        "sections",
        "tags",
        "count",
        "time_limit",
        "mode",
        "scoring",
        "question_ids",
    )
    seed: int
    shuffle_questions: bool
    shuffle_choices: bool
    sections: tuple[str, ...]
    tags: tuple[str, ...]
    count: int | None
    # Seconds. Overrides every question's own limit; None means each question's own (or none).
    time_limit: float | None
    mode: Mode
    scoring: ScoringOptions
    # Restricts the session to these questions; set by retry_missed() so a retry session can
    # be stored and rebuilt from its options alone.
    question_ids: tuple[str, ...]

    def __init__(
        self,
        seed: int,
        shuffle_questions: bool = True,
        shuffle_choices: bool = True,
        sections: Iterable[str] = (),
        tags: Iterable[str] = (),
        count: int | None = None,
        time_limit: float | None = None,
        mode: Mode = "practice",
        scoring: ScoringOptions = _NO_SCORING,
        question_ids: Iterable[str] = (),
    ) -> None:
        if not isinstance(seed, int) or isinstance(seed, bool):
            raise OptionsError(f"seed must be a whole number, got {seed!r}")
        for name, flag in (("shuffle_questions", shuffle_questions), ("shuffle_choices", shuffle_choices)):
            if not isinstance(flag, bool):
                raise OptionsError(f"{name} must be true or false")
        if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 1):
            raise OptionsError(f"count must be a whole number of at least 1, got {count!r}")
        if time_limit is not None:
            if (
                not isinstance(time_limit, (int, float))
                or isinstance(time_limit, bool)
                or not math.isfinite(time_limit)
                or time_limit <= 0
            ):
                raise OptionsError(
                    f"time limit must be a positive number of seconds, got {time_limit!r}"
                )
            time_limit = float(time_limit)
        if mode not in MODES:
            raise OptionsError(f"mode must be 'practice' or 'exam', got {mode!r}")
        if not isinstance(scoring, ScoringOptions):
            raise OptionsError("scoring must be a ScoringOptions")
        super().__init__(
            seed,
            shuffle_questions,
            shuffle_choices,
            # Lists from argparse or JSON are welcome; keep tuples so options stay hashable.
            _names("sections", sections),
            _names("tags", tags),
            count,
            time_limit,
            mode,
            scoring,
            _names("question_ids", question_ids),
        )

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


def _reject_unknown(data: Mapping[str, Any], cls: type[Record], what: str) -> None:
    known = set(cls._fields)
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise OptionsError(f"unknown {what}: {', '.join(unknown)}")
