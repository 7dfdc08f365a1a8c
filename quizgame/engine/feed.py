"""What the quiz screen is fed through: one small interface, two implementations.

QuizSession is the local one: answers are scored at once. quizgame.live.remote.RemoteSession
is the classroom's: answers go to the host, whose verdict comes back later. The screen uses
nothing else of either, so the one quiz screen serves solo play, hot-seat and the classroom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from quizgame.engine.results import AnswerResult, PreparedQuestion
    from quizgame.engine.session import QuestionClock
    from quizgame.packs.types import LoadedPack


class QuizFeed(Protocol):
    pack: LoadedPack  # the title, and the source a quote is attributed to
    total: int
    score: float
    max_score: float
    # "practice" (feedback after each answer) or "exam" (none until the end).
    mode: str
    # Whether the answer key is known before the answer, so feedback can be built ahead.
    key_ahead: bool
    # The player's place among others ("Rank 2 of 12, ..."), for the status line; or None.
    standing: str | None
    # Whether someone else moves the game on (a live classroom's host): the feedback then
    # says so instead of offering a key for the next question.
    host_paced: bool

    @property
    def current(self) -> PreparedQuestion | None: ...

    def show_current(self) -> None:
        """The question is on screen (a local clock starts; a remote one already runs)."""

    def remaining_time(self) -> float | None: ...

    def question_clock(self) -> QuestionClock | None:
        """The question's clock as it stands, to be kept; None when it is kept elsewhere."""

    def hide(self) -> bool:
        """The question is out of sight; whether its clock stopped (practice: yes)."""

    def unhide(self) -> bool:
        """The question shows again; whether its clock started again (a later deadline)."""

    def answer(self, response: object) -> AnswerResult | None:
        """The verdict, or None when it comes later (the screen is then told)."""

    def time_out(self, typed: str | None = None) -> AnswerResult | None:
        """Time ran out; `typed`: a short answer's text not submitted (see QuizSession)."""
