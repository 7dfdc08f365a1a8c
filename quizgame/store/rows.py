"""Plain data going into and out of the results store.

The store knows nothing of the engine: the app layer turns engine objects into these records.
Records are checked when they are built, so a mistake shows up where it was made rather than
later inside a queued write.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from quizgame.store.conditions import Conditions, read_conditions
from quizgame.tally import Tally, totals

PlayerKind = Literal["player", "team"]
PLAYER_KINDS: tuple[str, ...] = ("player", "team")
STARTED_FROM: tuple[str | None, ...] = ("command", "home", None)


def utc_now() -> str:
    """The current time as UTC ISO 8601 with milliseconds, e.g. 2025-01-02T03:04:05.678+00:00."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def new_id() -> str:
    """A fresh session or game id. Random UUIDs need no coordination between writers."""
    return str(uuid.uuid4())


def normalize_player(name: str) -> str:
    """Names are compared after NFC normalisation and trimming: "Zoë" typed on two keyboards
    (composed or not), or with a stray space, is one player."""
    return unicodedata.normalize("NFC", name).strip()


def _check_timestamp(value: str | None, name: str) -> None:
    if value is None:
        return
    try:
        parsed = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be an ISO 8601 timestamp, got {value!r}") from None
    if parsed.utcoffset() != dt.timedelta(0):
        raise ValueError(f"{name} must be in UTC, got {value!r}")


def _check_text(value: object, name: str) -> None:
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} must be a non-empty string, got {value!r}")


def _check_whole(value: object, name: str, minimum: int | None = None) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value!r}")


def _check_number(value: object, name: str, *, allow_none: bool = False) -> None:
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")


def encode_response(response: object) -> str:
    """A response as JSON text. A set of choices is stored as a sorted array."""
    if isinstance(response, (set, frozenset)):
        response = sorted(response)
    if response is None or isinstance(response, (str, bool)):
        return json.dumps(response, ensure_ascii=False)
    if isinstance(response, (list, tuple)) and all(isinstance(item, str) for item in response):
        return json.dumps(list(response), ensure_ascii=False)
    raise ValueError(
        f"a response must be text, true/false, a set of texts or None, got {response!r}"
    )


def decode_response(text: str) -> str | bool | frozenset[str] | None:
    """The inverse of encode_response: arrays come back as frozensets, as the engine gives them."""
    value = json.loads(text)
    if isinstance(value, list):
        return frozenset(value)
    return value


def response_to_text(response: object) -> str:
    if response is None:
        return ""
    if isinstance(response, bool):
        return "True" if response else "False"
    if isinstance(response, (set, frozenset, list, tuple)):
        return "; ".join(sorted(response))
    return str(response)


@dataclass(frozen=True)
class SessionRecord:
    """One player's (or team's) run through a pack, written when the run starts."""

    session_id: str
    player: str
    pack_id: str
    pack_hash: str
    pack_title: str
    mode: str
    options: Mapping[str, Any]
    seed: int
    question_count: int
    max_score: float
    started_at: str | None = None  # UTC ISO 8601; None: stamped when first handed to the store
    game_id: str | None = None  # shared by the sessions of one hot-seat or team game
    player_kind: PlayerKind = "player"
    # How it was started: "command" (the options on the command line, as a teacher gives
    # them) or "home" (chosen on the home screen); None when not known.
    started_from: str | None = None
    options_json: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.player, str):
            object.__setattr__(self, "player", normalize_player(self.player))
        for name in ("session_id", "player", "pack_id", "pack_hash", "pack_title", "mode"):
            _check_text(getattr(self, name), name)
        if self.game_id is not None:
            _check_text(self.game_id, "game_id")
        if self.player_kind not in PLAYER_KINDS:
            raise ValueError(f"player_kind must be one of {PLAYER_KINDS}, got {self.player_kind!r}")
        if self.started_from not in STARTED_FROM:
            raise ValueError(f"started_from must be one of {STARTED_FROM}, got {self.started_from!r}")
        _check_whole(self.seed, "seed")
        _check_whole(self.question_count, "question_count", 0)
        _check_number(self.max_score, "max_score")
        _check_timestamp(self.started_at, "started_at")
        try:
            options_json = json.dumps(
                dict(self.options), sort_keys=True, ensure_ascii=False, allow_nan=False
            )
        except (TypeError, ValueError) as exc:
            raise ValueError(f"options must be JSON-safe: {exc}") from None
        object.__setattr__(self, "options_json", options_json)


@dataclass(frozen=True)
class AnswerRecord:
    """One answer as given. `response` is what the engine took: str, bool, frozenset[str], or
    None when time ran out."""

    session_id: str
    question_id: str
    question_number: int  # 1-based position in the session
    response: object
    correct: bool  # full credit
    credit: float  # 0..1
    points: float
    max_points: float
    seconds: float | None  # time taken
    timed_out: bool = False
    response_text: str | None = None  # human-readable; derived from `response` when None
    answered_at: str | None = None  # UTC ISO 8601; None: stamped when first handed to the store
    # The parts of `points` that are bonuses (the percentage leaves the streak bonus out).
    speed_bonus: float = 0.0
    streak_bonus: float = 0.0
    typo: bool = False  # right with one typo forgiven
    response_json: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _check_text(self.session_id, "session_id")
        _check_text(self.question_id, "question_id")
        _check_whole(self.question_number, "question_number", 1)
        if not all(isinstance(flag, bool) for flag in (self.correct, self.timed_out, self.typo)):
            raise ValueError("correct, timed_out and typo must be True or False")
        for name in ("credit", "points", "max_points", "speed_bonus", "streak_bonus"):
            _check_number(getattr(self, name), name)
        if not 0 <= self.credit <= 1:
            raise ValueError(f"credit must be between 0 and 1, got {self.credit!r}")
        _check_number(self.seconds, "seconds", allow_none=True)
        _check_timestamp(self.answered_at, "answered_at")
        object.__setattr__(self, "response_json", encode_response(self.response))
        if self.response_text is None:
            object.__setattr__(self, "response_text", response_to_text(self.response))


@dataclass(frozen=True)
class ClockRecord:
    """A question's clock in a session: when it was first shown (UTC ISO 8601) and when its
    time runs out (None: untimed). The first one stored for a question stands; only a
    practice session's pause moves the deadline (see ResultsStore.move_deadline)."""

    session_id: str
    question_id: str
    question_number: int  # 1-based position in the session
    shown_at: str
    deadline_at: str | None

    def __post_init__(self) -> None:
        _check_text(self.session_id, "session_id")
        _check_text(self.question_id, "question_id")
        _check_whole(self.question_number, "question_number", 1)
        _check_text(self.shown_at, "shown_at")
        _check_timestamp(self.shown_at, "shown_at")
        _check_timestamp(self.deadline_at, "deadline_at")


@dataclass(frozen=True)
class SessionInfo:
    """A stored session with its running totals."""

    session_id: str
    game_id: str | None
    player: str
    player_kind: str
    pack_id: str
    pack_hash: str
    pack_title: str
    mode: str
    options: dict[str, Any]
    seed: int
    question_count: int
    max_score: float
    score: float
    answered: int
    right: int
    started_at: str
    finished_at: str | None
    # Base points of the questions answered, and the streak bonus in `score`.
    answered_max: float = 0.0
    streak_bonus: float = 0.0
    started_from: str | None = None

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def conditions(self) -> Conditions:
        return read_conditions(self.mode, self.options, self.question_count, self.started_from)

    @property
    def tally(self) -> Tally:
        """Score, maximum and percentage as the game shows them (quizgame.tally): judged on
        the questions answered."""
        return totals(self.score, self.answered_max, self.streak_bonus, 0.0, self.answered)


@dataclass(frozen=True)
class StoredAnswer:
    """An answer read back, e.g. to resume a session: `response` has the engine's type again."""

    session_id: str
    player: str
    question_id: str
    question_number: int
    response: str | bool | frozenset[str] | None
    response_text: str
    correct: bool
    credit: float
    points: float
    max_points: float
    seconds: float | None
    timed_out: bool
    answered_at: str
    speed_bonus: float = 0.0
    streak_bonus: float = 0.0
    typo: bool | None = None  # None: stored before it was kept


@dataclass(frozen=True)
class LeaderboardEntry:
    rank: int
    player: str
    player_kind: str
    score: float
    max_score: float
    percent: float
    finished_at: str
    session_id: str
    # Which board: runs under the same conditions (described by `conditions`) are ranked
    # together; a retry of missed questions is on a board of retries.
    board: int = 0
    conditions: str = ""
    retry: bool = False


@dataclass(frozen=True)
class QuestionStats:
    """How one question went, over every stored answer to it from one version of a pack."""

    question_id: str
    answers: int
    right: int
    timed_out: int
    mean_credit: float
    top_wrong: str | None  # the most-chosen wrong answer (timeouts aside)
    top_wrong_count: int

    @property
    def percent_right(self) -> float:
        return 100.0 * self.right / self.answers if self.answers else 0.0


@dataclass(frozen=True)
class PackVersion:
    """One content hash of a pack that has results, newest first when listed."""

    pack_hash: str
    pack_title: str
    sessions: int
    answers: int
    last_played: str
