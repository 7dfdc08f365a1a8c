"""Hot-seat games: 2 to 8 players or teams take turns on one screen, question by question.

Each player has an ordinary QuizSession built from the same options, so everyone gets the
same questions with the choices in the same order. A round is one question: every player
answers it in turn (the UI hides each answer from the next player), then the round is over
and the UI may show who was right; `advance()` moves on to the next question.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from quizgame.engine.errors import EngineError, SessionStateError
from quizgame.engine.names import InvalidName, check_name
from quizgame.engine.options import SessionOptions
from quizgame.engine.results import AnswerResult, PreparedQuestion
from quizgame.engine.session import QuizSession

if TYPE_CHECKING:
    from quizgame.packs import LoadedPack

MIN_PLAYERS = 2
MAX_PLAYERS = 8

PlayerKind = Literal["player", "team"]
Phase = Literal["answering", "round_over", "finished"]


class GameSetupError(EngineError):
    """Player or team names that cannot be used; the message says which and why."""


def check_names(names: Sequence[str], kind: PlayerKind = "player") -> tuple[str, ...]:
    """The names to play under, normalised; raises GameSetupError for anything unusable.

    Names must differ ignoring case: "Ann" and "ann" on one scoreboard is a trap for the
    person reading it out, even though the store would keep them apart.
    """
    word = "team" if kind == "team" else "player"
    if not MIN_PLAYERS <= len(names) <= MAX_PLAYERS:
        raise GameSetupError(
            f"a hot-seat game needs {MIN_PLAYERS} to {MAX_PLAYERS} {word}s, got {len(names)}"
        )
    cleaned: list[str] = []
    seen: dict[str, int] = {}
    for position, raw in enumerate(names, 1):
        if isinstance(raw, str) and not raw.strip():
            raise GameSetupError(f"{word} {position} has no name")
        try:
            name = check_name(raw)
        except InvalidName as error:
            raise GameSetupError(f"{word} {position}: {error}") from None
        key = name.casefold()
        if key in seen:
            raise GameSetupError(
                f"{word}s {seen[key]} and {position} have the same name: {name}"
            )
        seen[key] = position
        cleaned.append(name)
    return tuple(cleaned)


@dataclass(frozen=True)
class Standing:
    rank: int  # 1-based; players with equal scores share a rank ("1, 1, 3")
    player: str
    score: float
    max_score: float
    right: int
    answered: int
    # quizgame.tally's percentage (0..100, the streak bonus left out): what a bar shows.
    percent: float = 0.0


class HotSeatGame:
    """Turn order and rounds over one QuizSession per player. Pure: no I/O, no UI.

    The clock starts for a player when the UI calls show_turn(), that is once the
    "pass to <name>" screen has been dismissed and the question is really in front of them.
    """

    def __init__(
        self,
        pack: LoadedPack,
        options: SessionOptions,
        players: Sequence[str],
        *,
        kind: PlayerKind = "player",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if kind not in ("player", "team"):
            raise GameSetupError(f"kind must be 'player' or 'team', got {kind!r}")
        self.pack = pack
        self.options = options
        self.kind: PlayerKind = kind
        self.players = check_names(players, kind)
        self.sessions = tuple(QuizSession(pack, options, clock=clock) for _ in self.players)
        self._round = 0  # 0-based index of the question being played
        self._ended_early = False

    # -- where the game is -----------------------------------------------------------------

    @property
    def total(self) -> int:
        return self.sessions[0].total

    @property
    def phase(self) -> Phase:
        # Worked out from the sessions, so a front end may answer through a player's session
        # directly (current_session.answer) and the game still knows where it is.
        if self._ended_early or self._round >= self.total:
            return "finished"
        if all(session.answered > self._round for session in self.sessions):
            return "round_over"
        return "answering"

    @property
    def finished(self) -> bool:
        return self.phase == "finished"

    @property
    def rounds_played(self) -> int:
        """Questions everyone has answered."""
        return min(session.answered for session in self.sessions)

    @property
    def ended_early(self) -> bool:
        return self._ended_early

    @property
    def can_end_early(self) -> bool:
        """Between rounds, with at least one played: everyone has answered the same questions,
        so the scores so far compare fairly."""
        answered = {session.answered for session in self.sessions}
        return not self.finished and len(answered) == 1 and self.rounds_played > 0

    @property
    def question(self) -> PreparedQuestion | None:
        """The question of this round (the same for everyone); None once the game is over."""
        if self.finished:
            return None
        return self.sessions[0].questions[self._round]

    @property
    def turn(self) -> int | None:
        """Index of the player to answer now; None between rounds and at the end."""
        if self.phase != "answering":
            return None
        for index, session in enumerate(self.sessions):
            if session.answered == self._round:
                return index
        return None  # pragma: no cover - the phase would be round_over

    @property
    def current_player(self) -> str | None:
        turn = self.turn
        return None if turn is None else self.players[turn]

    @property
    def current_session(self) -> QuizSession | None:
        turn = self.turn
        return None if turn is None else self.sessions[turn]

    @property
    def next_player(self) -> str | None:
        """Who answers after the current player in this round; None if they are the last."""
        turn = self.turn
        if turn is None or turn + 1 >= len(self.players):
            return None
        return self.players[turn + 1]

    # -- playing ---------------------------------------------------------------------------

    def show_turn(self) -> None:
        """The current player now sees the question: their clock starts."""
        self._require_turn("show a turn").show_current()

    def remaining_time(self) -> float | None:
        session = self.current_session
        return None if session is None else session.remaining_time()

    def answer(self, response: object, elapsed: float | None = None) -> AnswerResult:
        """The current player's answer; the turn passes on (or the round ends)."""
        return self._require_turn("answer").answer(response, elapsed)

    def time_out(self) -> AnswerResult:
        return self._require_turn("time out").time_out()

    def round_results(self) -> list[tuple[str, AnswerResult]]:
        """Each player's answer to this round's question, in turn order (once it is over)."""
        if self.phase != "round_over":
            raise SessionStateError("the round's answers are shown only once everyone answered")
        return [
            (player, session.results[self._round])
            for player, session in zip(self.players, self.sessions)
        ]

    def advance(self) -> None:
        """After the round's feedback: on to the next question, or the end of the game."""
        if self.phase != "round_over":
            raise SessionStateError("cannot move on before everyone has answered")
        self._round += 1

    def end_early(self) -> None:
        """Finish the game now, on the rounds played; see can_end_early."""
        if not self.can_end_early:
            raise SessionStateError(
                "a game can end early only between rounds, once everyone has answered the same questions"
            )
        self._ended_early = True

    # -- the score -------------------------------------------------------------------------

    def standings(self) -> list[Standing]:
        """Everyone, best score first; equal scores share a rank and keep turn order."""
        rows = sorted(
            (
                (-session.score, index, player, session)
                for index, (player, session) in enumerate(zip(self.players, self.sessions))
            ),
            key=lambda row: (row[0], row[1]),
        )
        standings: list[Standing] = []
        for position, (_, _, player, session) in enumerate(rows, 1):
            figures = session.tally()
            rank = position
            if standings and math.isclose(standings[-1].score, figures.score, abs_tol=1e-9):
                rank = standings[-1].rank
            standings.append(
                Standing(
                    rank=rank,
                    player=player,
                    score=figures.score,
                    max_score=figures.max_score,
                    right=sum(r.correct for r in session.results),
                    answered=session.answered,
                    percent=figures.percent,
                )
            )
        return standings

    def podium(self) -> list[Standing]:
        """The top three places (more than three people when some are tied)."""
        return [s for s in self.standings() if s.rank <= 3]

    # -- inside ----------------------------------------------------------------------------

    def _require_turn(self, action: str) -> QuizSession:
        session = self.current_session
        if session is None:
            where = "the game is over" if self.finished else "everyone has answered this round"
            raise SessionStateError(f"cannot {action}: {where}")
        return session
