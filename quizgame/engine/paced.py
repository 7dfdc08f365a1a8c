"""Self-paced and exam classroom games: every student plays the same questions under the
same options, each at their own pace, through their own QuizSession.

The host's clock times every answer: a question's clock starts when the host hands it out
(ask()), and tick() times out whoever is past their limit. Self-paced play gives practice
feedback after each answer; an exam (options.mode == "exam") follows the exam rules: no
verdict and no score until the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, NamedTuple

from quizgame.engine.errors import SessionStateError
from quizgame.engine.live import QuestionClosed
from quizgame.engine.options import SessionOptions
from quizgame.engine.results import AnswerResult, PreparedQuestion
from quizgame.engine.roster import DEFAULT_MAX_PLAYERS, JoinRefused, Player, Roster, new_token
from quizgame.engine.session import QuizSession
from quizgame.engine.standings import Place, rank_players

if TYPE_CHECKING:
    from quizgame.packs import LoadedPack

Phase = Literal["lobby", "running", "finished"]


class Progress(NamedTuple):
    """One row of the host's dashboard."""

    player: str
    connected: bool
    answered: int
    total: int
    score: float | None  # None while an exam is under way: it would tell right from wrong
    max_score: float | None
    finished: bool


class Accuracy(NamedTuple):
    """How the class is doing on one question so far."""

    question: PreparedQuestion
    answers: int
    right: int


class PacedGame:
    def __init__(
        self,
        pack: LoadedPack,
        options: SessionOptions,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_players: int = DEFAULT_MAX_PLAYERS,
        make_token: Callable[[], str] = new_token,
    ) -> None:
        self.pack = pack
        self.options = options
        self._clock = clock
        self.questions = QuizSession(pack, options, clock=clock).questions
        self.roster = Roster(
            lambda: QuizSession(pack, options, clock=clock),
            max_players=max_players,
            make_token=make_token,
        )
        self.phase: Phase = "lobby"
        self._asking: set[str] = set()  # players whose current question's clock is running

    @property
    def exam(self) -> bool:
        return self.options.mode == "exam"

    @property
    def total(self) -> int:
        return len(self.questions)

    # -- players ---------------------------------------------------------------------------

    def join(self, name: object, token: str | None = None) -> tuple[Player, bool]:
        if self.phase == "finished":
            raise JoinRefused("finished", "this game is over")
        return self.roster.join(name, token)

    def leave(self, player: Player) -> None:
        """Connection lost. The clock of a question they were shown keeps running: coming
        back does not buy time."""
        self.roster.leave(player)

    def remove(self, player: Player) -> None:
        self.roster.remove(player)
        self._asking.discard(player.name)

    def player(self, token: str) -> Player:
        return self.roster.get(token)

    # -- the host's controls ---------------------------------------------------------------

    def start(self) -> None:
        if self.phase != "lobby":
            raise SessionStateError("the game has already started")
        self.phase = "running"

    def finish(self) -> None:
        """The host ends the session. Students who have not finished keep every answer."""
        self.phase = "finished"
        self._asking.clear()

    # -- a student's own pace --------------------------------------------------------------

    def ask(self, player: Player) -> PreparedQuestion | None:
        """The student's current question, its clock started (once); None when they are done."""
        if self.phase != "running":
            raise QuestionClosed("the game is not under way")
        session = player.session
        prepared = session.current
        if prepared is None:
            return None
        session.show_current()
        self._asking.add(player.name)
        return prepared

    def remaining(self, player: Player) -> float | None:
        return player.session.remaining_time()

    def answer(self, player: Player, response: object) -> AnswerResult:
        if self.phase != "running":
            raise QuestionClosed("the game is not under way")
        if player.removed or player.name not in self._asking:
            raise QuestionClosed("no question is open for you")
        session = player.session
        remaining = session.remaining_time()
        if remaining is not None and remaining <= 0:
            raise QuestionClosed("time is up")  # tick() records the time-out
        result = session.answer(response)
        self._asking.discard(player.name)
        return result

    def tick(self) -> list[tuple[Player, AnswerResult]]:
        """Time out every student past their question's limit, by the host's clock."""
        if self.phase != "running":
            return []
        timed_out = []
        for player in self.roster:
            if player.name not in self._asking:
                continue
            remaining = player.session.remaining_time()
            if remaining is not None and remaining <= 0:
                self._asking.discard(player.name)
                timed_out.append((player, player.session.time_out()))
        return timed_out

    # -- the dashboard ---------------------------------------------------------------------

    def progress(self) -> list[Progress]:
        hide = self.exam and self.phase != "finished"
        return [
            Progress(
                player=p.name,
                connected=p.connected,
                answered=p.session.position,
                total=p.session.total,
                score=None if hide else p.session.score,
                max_score=None if hide else p.session.max_score,
                finished=p.session.finished,
            )
            for p in self.roster
        ]

    def accuracy(self) -> list[Accuracy]:
        rows = []
        for index, prepared in enumerate(self.questions):
            given = [
                p.session.results[index]
                for p in self.roster
                if len(p.session.results) > index
            ]
            rows.append(Accuracy(prepared, len(given), sum(1 for r in given if r.correct)))
        return rows

    @property
    def everyone_done(self) -> bool:
        players = list(self.roster)
        return bool(players) and all(p.session.finished for p in players)

    def standings(self) -> list[Place]:
        return rank_players((p.name, p.session) for p in self.roster)
