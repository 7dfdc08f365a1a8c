"""The host's game as the student's quiz screen sees it: a remote session.

RemoteSession offers the quiz screen what a QuizSession does (quizgame.engine.feed): the
pack, the current question, the score, the countdown, answer() and time_out(). The question
is built from the host's `question` message, so the screen shows exactly what was sent, and
nothing of its answer key: that comes with `reveal`, which fills the question in. Answers go
to the host through `send`; their verdict comes later, so answer() returns None.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from quizgame.engine.results import AnswerResult, PreparedQuestion
from quizgame.live import protocol as p
from quizgame.packs.pack import (
    MultipleQuestion,
    Pack,
    Section,
    ShortQuestion,
    SingleQuestion,
    Source,
    TrueFalseQuestion,
)
from quizgame.packs.types import LoadedPack


def _record(cls, **known: object):  # type: ignore[no-untyped-def]
    """A pack record from what the host sent: fields it does not send (a pack's lint
    settings and the like, which a student never needs) are left empty."""
    return cls(**{name: known.get(name) for name in cls._fields})


def _shell_pack(welcome: p.Welcome) -> LoadedPack:
    """What the student's screens need of the pack: its title and its source, for quotes."""
    info = welcome.source
    try:
        date = dt.date.fromisoformat(info.date)
    except ValueError:
        date = dt.date(1970, 1, 1)
    source = _record(
        Source, title=info.title, author=info.author, publication=info.publication,
        column=info.column, date=date, url=info.url, text="",
    )
    pack = _record(
        Pack, format_version=1, id="live", title=welcome.pack_title, description="", language="",
        authors=(), license="", source=source, sections=(), questions=(),
    )
    return LoadedPack(pack, Path(""), "", "")


def build_question(
    message: p.Question | p.ReviewItem,
    *,
    right_answer: str = "",
    explanation: str = "",
    quote: tuple[str, ...] = (),
) -> PreparedQuestion:
    """A question as the pack's runtime records have it, from what the host sent: before
    the reveal its answer, explanation and quote are blank, because they are not known."""
    section = _record(Section, id="live", title=message.section)
    points = getattr(message, "points", 0)
    common = dict(
        id=f"q{message.number}",
        section="live",
        prompt=message.prompt,
        explanation=explanation,
        quote=quote,
        difficulty="medium",
        points=points,
        time_limit=None,
        hint=None,  # never sent before a reveal
        tags=(),
    )
    choices = tuple(message.choices)
    kind = message.kind
    if kind == "single":
        question: object = _record(SingleQuestion, **common, type=kind, choices=choices, answer=right_answer)
    elif kind == "multiple":
        answers = tuple(c for c in choices if c in right_answer.split("; ")) if right_answer else ()
        question = _record(MultipleQuestion, **common, type=kind, choices=choices, answers=answers)
    elif kind == "true_false":
        question = _record(TrueFalseQuestion, **common, type=kind, answer=right_answer == "True")
    else:
        question = _record(ShortQuestion, **common, type=kind, accept=(right_answer,) if right_answer else (), exact=False)
    return PreparedQuestion(
        number=message.number,
        question=question,  # type: ignore[arg-type]
        section=section,
        choices=choices if kind in ("single", "multiple") else (),
        time_limit=getattr(message, "time_limit", None),
        base_points=points,
    )


def build_result(prepared: PreparedQuestion, outcome: p.Outcome | None, right_answer: str, streak: int = 0) -> AnswerResult:
    if outcome is None:
        return AnswerResult(
            question_id=prepared.id, response=None, correct=False, credit=0.0, points=0.0,
            max_points=float(prepared.base_points), speed_bonus=0.0, streak_bonus=0.0,
            elapsed=0.0, timed_out=True, accepted=None, typo=False, right_answer=right_answer,
            response_text="(not asked)",
        )
    return AnswerResult(
        question_id=prepared.id,
        response=outcome.response_text,
        correct=outcome.correct,
        credit=outcome.credit,
        points=outcome.points,
        max_points=outcome.max_points,
        speed_bonus=outcome.speed_bonus,
        streak_bonus=outcome.streak_bonus,
        elapsed=outcome.elapsed,
        timed_out=outcome.timed_out,
        accepted=outcome.accepted,
        typo=outcome.typo,
        right_answer=right_answer,
        response_text=outcome.response_text,
        credit_points=outcome.points - outcome.speed_bonus - outcome.streak_bonus,
    )


def to_wire(prepared: PreparedQuestion, response: object) -> object:
    """The engine's response as the protocol's answer: choice numbers, not texts."""
    kind = prepared.question.type
    if kind == "single":
        return prepared.choices.index(response) + 1  # type: ignore[arg-type]
    if kind == "multiple":
        return sorted(prepared.choices.index(c) + 1 for c in response)  # type: ignore[union-attr]
    return response


def standing_text(rank: int | None, players: int, gap: float | None) -> str | None:
    if rank is None:
        return None
    text = f"Rank {rank} of {players}"
    if gap:
        text += f", {round(gap, 1):g} points behind the next"
    return text


class RemoteSession:
    """A student's game on the host, fed by the host's messages (see the module's doc)."""

    key_ahead = False  # the answer key comes with the reveal, not with the question

    def __init__(
        self,
        welcome: p.Welcome,
        send: Callable[[p.Message], None],
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.welcome = welcome
        self.pack = _shell_pack(welcome)
        self.mode = "exam" if welcome.mode == "exam" else "practice"
        # Live: the host moves everyone on together; self-paced: the student asks for more.
        self.host_paced = welcome.mode == "live"
        self.total = welcome.total
        self.score = welcome.score
        self.max_score = 0.0
        self.standing: str | None = None
        self._send = send
        self._clock = clock
        self.current: PreparedQuestion | None = None
        self.message: p.Question | None = None
        self._deadline: float | None = None
        self._paused_left: float | None = None
        self.answered = False
        self.locked = False

    # -- what the host says ----------------------------------------------------------------

    def ask(self, message: p.Question) -> PreparedQuestion:
        self.message = message
        self.current = build_question(message)
        self.answered = message.answered
        self.locked = message.answered
        self._set_clock(message.remaining, message.paused)
        return self.current

    def clock(self, message: p.Clock) -> None:
        if self.current is not None and message.number == self.current.number:
            self._set_clock(message.remaining, message.paused)

    def _set_clock(self, remaining: float | None, paused: bool) -> None:
        if remaining is None:
            self._deadline = self._paused_left = None
        elif paused:
            self._deadline, self._paused_left = None, remaining
        else:
            self._deadline, self._paused_left = self._clock() + remaining, None

    @property
    def paused(self) -> bool:
        return self._paused_left is not None

    def reveal(self, message: p.Reveal) -> tuple[PreparedQuestion, AnswerResult]:
        """The question filled in with its key, and how the student's answer went."""
        asked = self.message
        assert asked is not None
        prepared = build_question(
            asked,
            right_answer=message.right_answer,
            explanation=message.explanation,
            quote=tuple(message.quote),
        )
        self.score, self.max_score = message.score, message.max_score
        self.standing = standing_text(message.rank, message.players, message.gap)
        self.current = prepared
        return prepared, build_result(prepared, message.outcome, message.right_answer)

    # -- what the quiz screen calls --------------------------------------------------------

    def show_current(self) -> None:
        """The host's clock started when it sent the question; nothing starts here."""

    def remaining_time(self) -> float | None:
        if self._paused_left is not None:
            return self._paused_left
        if self._deadline is None:
            return None
        return max(0.0, self._deadline - self._clock())

    def question_clock(self) -> None:
        """The host keeps the clock, and stores it."""
        return None

    def hide(self) -> bool:
        """The host's clock decides: a question hidden on this screen does not stop it."""
        return False

    def unhide(self) -> bool:
        return False

    def answer(self, response: object) -> AnswerResult | None:
        prepared = self.current
        if prepared is None or self.answered:
            return None
        if self.paused:
            from quizgame.engine import SessionStateError

            raise SessionStateError("the host has paused the game")
        self.answered = True
        self._send(p.Answer(question=prepared.number, answer=to_wire(prepared, response)))  # type: ignore[arg-type]
        return None

    def time_out(self, typed: str | None = None) -> AnswerResult | None:
        """Time is up on this screen; the host's clock has the last word, and its reveal
        (or the next question) follows. (`typed` is not sent: the host's deadline has
        passed, or is about to.)"""
        self.answered = True
        return None
