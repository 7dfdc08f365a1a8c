"""A live classroom game: the host sets the pace, every student answers the same question.

Pure rules, no network: the host's clock is injected and is the only one that counts. One
question is open at a time. It closes when everyone asked has answered, when its time is up
(tick() notices), or when the host moves on; then comes its reveal (what the class answered,
the standings and who moved). Every player has an ordinary QuizSession built from the game's
options, so scoring, speed and streak bonuses are the solo game's.

The question's clock: seconds since it opened, stopped while the host pauses, and wound back
when the host adds time. That clock is what an answer's time (and its speed bonus) is measured
on, so an answer is never scored as later than the countdown the class saw.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Literal, NamedTuple

from quizgame.engine.errors import SessionStateError
from quizgame.engine.options import SessionOptions
from quizgame.engine.results import AnswerResult, PreparedQuestion
from quizgame.engine.roster import (
    DEFAULT_MAX_PLAYERS,
    JoinRefused,
    Player,
    Roster,
    new_token,
)
from quizgame.engine.session import QuizSession
from quizgame.engine.standings import Place, rank_players, ranks
from quizgame.packs.textmatch import normalise

if TYPE_CHECKING:
    from quizgame.packs import LoadedPack

Phase = Literal["lobby", "open", "closed", "finished"]
CloseReason = Literal["all_answered", "time_up", "host"]

ADDED_TIME = 10.0  # seconds the host's "add time" key gives
SHORT_TALLIES = 5  # the most common typed answers shown at a short question's reveal


class QuestionClosed(SessionStateError):
    """An answer that came when no question was taking answers (too late, or paused)."""


class Tally(NamedTuple):
    """How many chose one answer. `key` is what answers it (1-9, t, f; "" for typed text)."""

    key: str
    text: str
    count: int
    right: bool


class Reveal(NamedTuple):
    question: PreparedQuestion
    reason: CloseReason
    tallies: tuple[Tally, ...]
    asked: int  # players the question was put to
    answered: int  # of them, those who answered in time
    results: Mapping[str, AnswerResult]  # player name -> their result, for those asked
    standings: tuple[Place, ...]


def tally(prepared: PreparedQuestion, results: Iterable[AnswerResult]) -> tuple[Tally, ...]:
    """Per choice, how many chose it (ticked it, for multiple); for short questions, the
    most common answers after normalising, each with its most common spelling."""
    given = [r for r in results if not r.timed_out and r.response is not None]
    question = prepared.question
    if question.type == "true_false":
        counts = Counter(r.response for r in given)
        return (
            Tally("t", "True", counts[True], question.answer is True),
            Tally("f", "False", counts[False], question.answer is False),
        )
    if question.type in ("single", "multiple"):
        right = {question.answer} if question.type == "single" else set(question.answers)
        counts = Counter()
        for r in given:
            counts.update(r.response if isinstance(r.response, frozenset) else [r.response])
        return tuple(
            Tally(str(n), choice, counts[choice], choice in right)
            for n, choice in enumerate(prepared.choices, 1)
        )
    groups: dict[str, list[AnswerResult]] = {}
    for r in given:
        assert isinstance(r.response, str)
        key = normalise(r.response)
        if key:
            groups.setdefault(key, []).append(r)
    ranked = sorted(groups.values(), key=lambda group: -len(group))[:SHORT_TALLIES]
    return tuple(
        Tally(
            "",
            Counter(r.response_text for r in group).most_common(1)[0][0],
            len(group),
            any(r.correct for r in group),
        )
        for group in ranked
    )


class LiveGame:
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
        # Built once here so options that fit no question fail before anyone joins.
        self.questions = QuizSession(pack, options, clock=clock).questions
        self.roster = Roster(
            lambda: QuizSession(pack, options, clock=clock),
            max_players=max_players,
            make_token=make_token,
        )
        self.phase: Phase = "lobby"
        self._index = -1  # the current (or last) question's position
        self._asked: dict[str, Player] = {}  # name -> player, for the current question
        self._opened_at = 0.0
        self._held = 0.0  # seconds off the question's clock: pauses and added time
        self._paused_at: float | None = None
        self._last_ranks: dict[str, int] | None = None  # at the previous reveal
        self.last_reveal: Reveal | None = None

    # -- where the game is -----------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def question(self) -> PreparedQuestion | None:
        """The open question, or the one just closed; None in the lobby and at the end."""
        if self.phase in ("open", "closed") and 0 <= self._index < self.total:
            return self.questions[self._index]
        return None

    @property
    def next_number(self) -> int:
        """The number of the question the next advance() opens."""
        return self._index + 2

    @property
    def is_last(self) -> bool:
        return self._index + 1 >= self.total

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def elapsed(self) -> float:
        """Seconds on the open question's clock (0 when none is open)."""
        if self.phase != "open":
            return 0.0
        now = self._paused_at if self._paused_at is not None else self._clock()
        return max(0.0, now - self._opened_at - self._held)

    def remaining(self) -> float | None:
        """Seconds left on the open question; None when there is none or it is untimed."""
        prepared = self.question
        if self.phase != "open" or prepared is None or prepared.time_limit is None:
            return None
        now = self._paused_at if self._paused_at is not None else self._clock()
        return max(0.0, prepared.time_limit - (now - self._opened_at - self._held))

    @property
    def asked(self) -> list[Player]:
        return list(self._asked.values())

    @property
    def answered_count(self) -> int:
        return sum(1 for p in self._asked.values() if p.session.position > self._index)

    def has_answered(self, player: Player) -> bool:
        return self.phase == "open" and player.session.position > self._index

    # -- players ---------------------------------------------------------------------------

    def join(self, name: object, token: str | None = None) -> tuple[Player, bool]:
        """A student arrives (or comes back). Late joiners start at zero and may answer the
        open question, on its clock."""
        if self.phase == "finished":
            raise JoinRefused("finished", "this game is over")
        player, new = self.roster.join(name, token)
        if self.phase == "open":
            self._catch_up(player)
            self._asked.setdefault(player.name, player)
        return player, new

    def leave(self, player: Player) -> None:
        """Connection lost: the seat and score wait. An open question they were asked still
        counts them; unanswered, it times out for them when it closes."""
        self.roster.leave(player)

    def remove(self, player: Player) -> None:
        """The host removes a player: gone from the game, the standings and the question."""
        self.roster.remove(player)
        self._asked.pop(player.name, None)

    def player(self, token: str) -> Player:
        return self.roster.get(token)

    # -- the host's controls ---------------------------------------------------------------

    def start(self) -> PreparedQuestion:
        if self.phase != "lobby":
            raise SessionStateError("the game has already started")
        return self._open_next()

    def advance(self) -> PreparedQuestion | None:
        """After a reveal: the next question, or the end (None)."""
        if self.phase != "closed":
            raise SessionStateError("a question must be closed before the next one")
        if self.is_last:
            self.finish()
            return None
        return self._open_next()

    def close(self, reason: CloseReason = "host") -> Reveal:
        """Stop taking answers: whoever was asked and has not answered times out."""
        if self.phase != "open":
            raise SessionStateError("no question is open")
        prepared = self.questions[self._index]
        results: dict[str, AnswerResult] = {}
        for name, player in self._asked.items():
            session = player.session
            if session.position == self._index:
                session.time_out()
            results[name] = session.results[-1]
        self.phase = "closed"
        self._paused_at = None
        standings = tuple(self.standings(before=self._last_ranks))
        self._last_ranks = ranks(standings)
        self.last_reveal = Reveal(
            question=prepared,
            reason=reason,
            tallies=tally(prepared, results.values()),
            asked=len(results),
            answered=sum(1 for r in results.values() if not r.timed_out),
            results=results,
            standings=standings,
        )
        return self.last_reveal

    def skip(self) -> PreparedQuestion | None:
        """Drop the open question without a reveal and go on: answers already given to it
        stand; nobody else is marked as timed out, as it was never finished for them."""
        if self.phase != "open":
            raise SessionStateError("no question is open")
        self._pass_over_unanswered()
        self.phase = "closed"
        self._paused_at = None
        if self.is_last:
            self.finish()
            return None
        return self._open_next()

    def pause(self) -> None:
        if self.phase != "open":
            raise SessionStateError("no question is open")
        if self._paused_at is None:
            self._paused_at = self._clock()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._held += self._clock() - self._paused_at
            self._paused_at = None

    def add_time(self, seconds: float = ADDED_TIME) -> None:
        if self.phase != "open":
            raise SessionStateError("no question is open")
        self._held += seconds

    def finish(self) -> None:
        """The end of the game (the host may end it at any time): an open question is
        dropped as by skip()."""
        if self.phase == "open":
            self._pass_over_unanswered()
        self.phase = "finished"
        self._asked = {}
        self._paused_at = None

    # -- answers ---------------------------------------------------------------------------

    def answer(self, player: Player, response: object) -> AnswerResult:
        """A student's answer to the open question, timed by the host's clock."""
        if self.phase != "open":
            raise QuestionClosed("the question is closed")
        if self.paused:
            raise QuestionClosed("the game is paused")
        remaining = self.remaining()
        if remaining is not None and remaining <= 0:
            raise QuestionClosed("time is up")
        if player.removed or player.name not in self._asked:
            raise QuestionClosed("this question was not put to you")
        if player.session.position > self._index:
            raise QuestionClosed("you have already answered this question")
        return player.session.answer(response, self.elapsed())

    def tick(self) -> Reveal | None:
        """Close the open question when its time is up or everyone asked has answered;
        the reveal, if it closed. Called after every answer and on the host's timer."""
        if self.phase != "open" or self.paused:
            return None
        remaining = self.remaining()
        if remaining is not None and remaining <= 0:
            return self.close("time_up")
        if self._asked and all(p.session.position > self._index for p in self._asked.values()):
            return self.close("all_answered")
        return None

    # -- the score -------------------------------------------------------------------------

    def standings(self, before: Mapping[str, int] | None = None) -> list[Place]:
        return rank_players(((p.name, p.session) for p in self.roster), before)

    def podium(self) -> list[Place]:
        return [place for place in self.standings() if place.rank <= 3]

    def place_of(self, player: Player, standings: Iterable[Place] | None = None) -> Place | None:
        for place in standings if standings is not None else self.standings():
            if place.player == player.name:
                return place
        return None

    # -- carrying on after a restart -------------------------------------------------------

    def carry_on(
        self,
        players: Iterable[tuple[str, str, Mapping[int, tuple[str, object, float]]]],
        next_number: int,
    ) -> None:
        """Rebuild a game the host was running when it stopped: each (name, token, answers
        by question number) is seated, disconnected, with their answers replayed; the game
        stands closed before question `next_number`, which advance() opens."""
        if self.phase != "lobby" or len(self.roster):
            raise SessionStateError("only a new game can carry on an old one")
        if not 1 <= next_number <= self.total + 1:
            raise SessionStateError(f"there is no question {next_number} to carry on from")
        for name, token, answers in players:
            session = QuizSession(self.pack, self.options, clock=self._clock)
            for number in range(1, next_number):
                if number in answers:
                    session.restore([answers[number]])
                else:
                    session.pass_over()
            self.roster.add_restored(name, token, session)
        self._index = next_number - 2
        self.phase = "closed"
        self._last_ranks = ranks(self.standings())

    # -- inside ----------------------------------------------------------------------------

    def _open_next(self) -> PreparedQuestion:
        self._index += 1
        self._asked = {}
        for player in self.roster:
            self._catch_up(player)
            if player.connected:
                self._asked[player.name] = player
        self._opened_at = self._clock()
        self._held = 0.0
        self._paused_at = None
        self.phase = "open"
        return self.questions[self._index]

    def _catch_up(self, player: Player) -> None:
        """Questions before this one that the player was not asked are passed over."""
        session = player.session
        while session.position < self._index:
            session.pass_over()

    def _pass_over_unanswered(self) -> None:
        for player in self.roster:
            if player.session.position == self._index:
                player.session.pass_over()
