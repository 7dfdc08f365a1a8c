"""Finding a player's unfinished session on a pack, and rebuilding it to play on.

What is offered: the player's most recent solo session on this pack, if it is unfinished,
was started on this exact version of the pack (content hash) and has at least one answer.
Only the most recent: after "Start over" the new session is the most recent one, so the
abandoned one is not offered again and again. Hot-seat sessions are never offered to a
player alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quizgame.engine import EngineError, QuizSession, SessionOptions
from quizgame.packs.types import LoadedPack
from quizgame.store import ResultsStore, RetryPolicy, SessionInfo, StoreMissing, StoredAnswer

# A read in WAL mode does not wait for writers; this only bounds a pathological case.
_LOOKUP_RETRY = RetryPolicy(busy_timeout=1.0, total=3.0)
# How far back to look past hot-seat games for the player's last solo session.
_RECENT = 50


@dataclass(frozen=True)
class ResumeOffer:
    info: SessionInfo
    # The session rebuilt from its stored options, with the stored answers replayed: it
    # stands at the next unanswered question with the score so far.
    session: QuizSession

    @property
    def session_id(self) -> str:
        return self.info.session_id

    @property
    def answered(self) -> int:
        return self.session.answered

    @property
    def total(self) -> int:
        return self.session.total


def find_resumable(
    store: ResultsStore,
    player: str,
    pack: LoadedPack,
    *,
    clock: Callable[[], float] = time.monotonic,
) -> ResumeOffer | None:
    """The session `player` could resume on `pack`, rebuilt; None if there is none."""
    latest = next(
        (
            info
            for info in store.sessions(pack_id=pack.id, player=player, limit=_RECENT)
            if info.game_id is None and info.player_kind == "player"
        ),
        None,
    )
    if latest is None or latest.finished or latest.pack_hash != pack.content_hash:
        return None
    answers = _in_order(store.session_answers(latest.session_id))
    if not answers:
        return None
    try:
        options = SessionOptions.from_dict(latest.options)
        session = QuizSession(pack, options, clock=clock)
        session.restore(
            [(a.question_id, a.response, 0.0 if a.seconds is None else a.seconds) for a in answers]
        )
    except EngineError:
        return None  # stored by another version with other options; it cannot continue
    return ResumeOffer(latest, session)


def lookup_resumable(
    db: Path, player: str, pack: LoadedPack, *, clock: Callable[[], float] = time.monotonic
) -> ResumeOffer | None:
    """find_resumable on the database at `db`; None when there is no database yet. Other
    database trouble raises StoreError."""
    try:
        store = ResultsStore.open(db, readonly=True, retry=_LOOKUP_RETRY)
    except StoreMissing:
        return None
    with store:
        return find_resumable(store, player, pack, clock=clock)


def _in_order(answers: list[StoredAnswer]) -> list[StoredAnswer]:
    """Answers to questions 1, 2, 3... with no gap: the engine replays them in that order,
    and a gap (an answer that could not be saved) means the rest cannot be trusted to fit."""
    kept: list[StoredAnswer] = []
    for answer in answers:
        if answer.question_number != len(kept) + 1:
            break
        kept.append(answer)
    return kept
