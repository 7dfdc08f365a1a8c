"""Finding a player's unfinished session on a pack, and rebuilding it to play on.

What is offered: the player's most recent solo session on this pack that was played under
the conditions asked for now (see `same_conditions`), if it is unfinished, was started on
this exact version of the pack (content hash) and has at least one answer (an exam: or a
question already shown, whose clock runs on). Only the most
recent: after "Start over" the new session is the most recent one, so the abandoned one is
not offered again and again. Hot-seat sessions are never offered to a player alone.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizgame.engine import EngineError, QuizSession, SessionOptions
from quizgame.saving.engine_rows import time_used, wall_now
from quizgame.store import ResultsStore, RetryPolicy, SessionInfo, StoreMissing, StoredAnswer

if TYPE_CHECKING:
    from quizgame.packs import LoadedPack

# A read in WAL mode does not wait for writers; this only bounds a pathological case.
_LOOKUP_RETRY = RetryPolicy(busy_timeout=1.0, total=3.0)
# How far back to look past hot-seat games for the player's last solo session.
_RECENT = 50


@dataclass(frozen=True)
class OptionChange:
    """An option asked for now that differs from the unfinished session's. `name` is a
    SessionOptions field, or speed_bonus / streak_bonus for its scoring."""

    name: str
    before: Any
    now: Any


def changed_options(
    stored: SessionOptions, wanted: SessionOptions, *, seed_fixed: bool
) -> tuple[OptionChange, ...]:
    """What differs between the session's options and those asked for now. The seed only
    when it was given (otherwise it is a new random one each time, not a choice)."""
    before, now = _flat(stored), _flat(wanted)
    if not seed_fixed:
        del before["seed"], now["seed"]
    return tuple(OptionChange(name, before[name], now[name]) for name in before if before[name] != now[name])


def _flat(options: SessionOptions) -> dict[str, Any]:
    values = options.to_dict()
    return {**values, **values.pop("scoring")}


@dataclass(frozen=True)
class ResumeOffer:
    info: SessionInfo
    # The session rebuilt from its stored options, with the stored answers replayed: it
    # stands at the next unanswered question with the score so far, and that question's
    # clock where it stands if it was shown before.
    session: QuizSession
    # The options asked for now that differ from the session's (practice only: an exam is
    # offered only under the same conditions). Carrying on keeps the session's.
    changes: tuple[OptionChange, ...] = ()

    @property
    def session_id(self) -> str:
        return self.info.session_id

    @property
    def answered(self) -> int:
        return self.session.answered

    @property
    def total(self) -> int:
        return self.session.total

    @property
    def time_up(self) -> bool:
        """The question to carry on with ran out of time while the player was away."""
        return self.session.remaining_time() == 0.0


def same_conditions(stored: SessionOptions, wanted: SessionOptions, *, seed_fixed: bool) -> bool:
    """Whether a stored session was played under the conditions asked for now.

    Practice: the same mode is enough; the offer says which options differ (`changed_options`),
    and the player chooses between the stored ones and the new ones. Exam: every option must match (the seed too when it was fixed, as a
    teacher's command line fixes it), so last week's unfinished exam never stands in for
    today's, and a practice session never stands in for an exam.
    """
    if stored.mode != wanted.mode:
        return False
    if stored.mode != "exam":
        return True
    if not seed_fixed:
        stored = stored.replace(seed=wanted.seed)
    return stored == wanted


def find_resumable(
    store: ResultsStore,
    player: str,
    pack: LoadedPack,
    *,
    wanted: SessionOptions | None = None,
    seed_fixed: bool = False,
    clock: Callable[[], float] = time.monotonic,
    now: Callable[[], dt.datetime] = wall_now,
) -> ResumeOffer | None:
    """The session `player` could resume on `pack`, rebuilt; None if there is none.
    `wanted`: the options of the session about to start (None: any conditions). `clock` is
    the new session's; `now`, the time of day (UTC) its stored deadlines are read against."""

    def candidate(info: SessionInfo) -> bool:
        if info.game_id is not None or info.player_kind != "player":
            return False
        if wanted is None:
            return True
        try:
            stored = SessionOptions.from_dict(info.options)
        except EngineError:
            return False
        return same_conditions(stored, wanted, seed_fixed=seed_fixed)

    sessions = store.sessions(pack_id=pack.id, player=player, limit=_RECENT, with_empty=True)
    latest = next((info for info in sessions if candidate(info)), None)
    if latest is None or latest.finished or latest.pack_hash != pack.content_hash:
        return None
    answers = _in_order(store.session_answers(latest.session_id))
    clocks = {c.question_id: c for c in store.question_clocks(latest.session_id)}
    # A practice session with nothing answered has nothing to lose; an exam whose question
    # was seen has its clock running.
    if not answers and not (latest.mode == "exam" and clocks):
        return None
    try:
        options = SessionOptions.from_dict(latest.options)
        session = QuizSession(pack, options, clock=clock)
        session.restore(
            [(a.question_id, a.response, 0.0 if a.seconds is None else a.seconds) for a in answers]
        )
        current = session.current
        stored = None if current is None else clocks.get(current.id)
        if current is not None and stored is not None:
            used = time_used(stored, current.time_limit, now())
            if used is not None:
                session.resume_clock(used)
    except (EngineError, ValueError):
        return None  # stored by another version with other options; it cannot continue
    changes = () if wanted is None else changed_options(options, wanted, seed_fixed=seed_fixed)
    return ResumeOffer(latest, session, changes)


def lookup_resumable(
    db: Path,
    player: str,
    pack: LoadedPack,
    *,
    wanted: SessionOptions | None = None,
    seed_fixed: bool = False,
    clock: Callable[[], float] = time.monotonic,
    now: Callable[[], dt.datetime] = wall_now,
) -> ResumeOffer | None:
    """find_resumable on the database at `db`; None when there is no database yet. Other
    database trouble raises StoreError."""
    try:
        store = ResultsStore.open(db, readonly=True, retry=_LOOKUP_RETRY)
    except StoreMissing:
        return None
    with store:
        return find_resumable(
            store, player, pack, wanted=wanted, seed_fixed=seed_fixed, clock=clock, now=now
        )


def _in_order(answers: list[StoredAnswer]) -> list[StoredAnswer]:
    """Answers to questions 1, 2, 3... with no gap: the engine replays them in that order,
    and a gap (an answer that could not be saved) means the rest cannot be trusted to fit."""
    kept: list[StoredAnswer] = []
    for answer in answers:
        if answer.question_number != len(kept) + 1:
            break
        kept.append(answer)
    return kept
