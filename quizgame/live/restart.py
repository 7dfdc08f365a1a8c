"""Carrying on a live game the host was running when it stopped (a SIGKILL, a crash).

Every answer a student was told was locked in is in the results database. A live game is
its sessions there: the same game id, mode "live", unfinished. The game carries on from the
question after the last one anybody answered; students join again (by name: their tokens
died with the host), each with their own score.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quizgame.store import ResultsStore, RetryPolicy, StoreError, StoreMissing

if TYPE_CHECKING:
    from quizgame.engine import SessionOptions
    from quizgame.live.classroom import Classroom
    from quizgame.packs import LoadedPack

_READ = RetryPolicy(busy_timeout=1.0, total=3.0)
_RECENT = 200


@dataclass(frozen=True)
class Unfinished:
    game_id: str
    options: SessionOptions
    # (name, session id, {question number: (question id, response, seconds)})
    players: tuple[tuple[str, str, dict[int, tuple[str, object, float]]], ...]
    next_number: int

    def carry_on(self, classroom: Classroom) -> None:
        """Make `classroom` (not yet open to students) play the old game: its options, every
        student seated with their answers, `next_number` the next question. Their answers
        go on being added to their old sessions."""
        from quizgame.engine.live import LiveGame

        old = classroom.game
        game = LiveGame(old.pack, self.options, max_players=old.roster.max_players)
        game.carry_on(self.players, self.next_number)
        classroom.adopt(game, self.game_id, {name: sid for name, sid, _ in self.players})


def find_unfinished(db: Path | None, pack: LoadedPack) -> Unfinished | None:
    """The latest unfinished live game on this exact pack, if it has a question left."""
    from quizgame.engine import EngineError, SessionOptions

    try:
        store = ResultsStore.open(db, readonly=True, retry=_READ)
    except StoreMissing:
        return None
    except StoreError:
        return None  # the host says what is wrong with the database when it opens it
    with store:
        recent = store.sessions(pack_id=pack.id, limit=_RECENT)
        latest = next(
            (s for s in recent if s.mode == "live" and s.game_id and not s.finished and s.pack_hash == pack.content_hash),
            None,
        )
        if latest is None or latest.game_id is None:
            return None
        sessions = [s for s in store.game_sessions(latest.game_id) if s.mode == "live"]
        players = []
        last = 0
        for info in sessions:
            answers = {
                a.question_number: (a.question_id, a.response, 0.0 if a.seconds is None else a.seconds)
                for a in store.session_answers(info.session_id)
            }
            last = max([last, *answers])
            players.append((info.player, info.session_id, answers))
    try:
        options = SessionOptions.from_dict(latest.options)
    except EngineError:
        return None
    if last >= latest.question_count or not players:
        return None
    return Unfinished(latest.game_id, options, tuple(players), last + 1)
