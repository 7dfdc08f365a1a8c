"""What a session hands out: prepared questions, scored answers and the summary.

Immutable records as NamedTuples: defining a frozen dataclass costs start-up about a
millisecond each (measured), a NamedTuple a tenth of that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, TypeAlias

if TYPE_CHECKING:
    from quizgame.packs.pack import Question as AnyQuestion
    from quizgame.packs.pack import Section

# single -> str (choice text), multiple -> frozenset of choice texts, true_false -> bool,
# short -> str as typed; None means the time ran out.
Response: TypeAlias = str | frozenset[str] | bool | None


class PreparedQuestion(NamedTuple):
    """A question as this session asks it."""

    number: int  # 1-based position in the session
    question: AnyQuestion
    section: Section
    # Choices in display order; empty for true_false and short questions.
    choices: tuple[str, ...]
    # Effective seconds allowed: the session's limit, else the question's, else None (untimed).
    time_limit: float | None
    base_points: int
    # For short questions: the source's fuller names for the accepted answers, accepted too.
    fuller_forms: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def type(self) -> str:
        return self.question.type


class AnswerResult(NamedTuple):
    """One scored answer. points == credit_points + speed_bonus + streak_bonus."""

    question_id: str
    response: Response
    correct: bool  # full credit
    credit: float  # 0..1; between only for multiple questions
    points: float
    # What a perfect instant answer earns without the streak bonus: the base points.
    max_points: float
    # The part of `points` the speed bonus gave (>= 0); 0 when it is off or the question untimed.
    speed_bonus: float
    streak_bonus: float
    elapsed: float
    timed_out: bool  # no answer in time, or an answer after the limit; scores 0
    # The accepted answer a forgiven typo matched, as the pack writes it ("accepted: Hamburg").
    accepted: str | None
    typo: bool
    right_answer: str
    response_text: str
    # The part of `points` earned for the answer itself: base * credit, halved when the speed
    # bonus applies (the other half is what speed_bonus can add).
    credit_points: float = 0.0
    # Fully right answers in a row, this one included; 0 after anything else.
    streak: int = 0


class SectionScore(NamedTuple):
    section: Section
    right: int
    total: int  # questions of this section answered (timed out included)
    # The credit of those answers summed: `right`, plus the share of each partly right one.
    credit: float = 0.0


class SessionSummary(NamedTuple):
    score: float
    max_score: float
    # 100 * (score - streak_bonus) / max_score: within 0..100 even when streaks push the
    # score above max_score; 0 when nothing was answered.
    percent: float
    right: int
    wrong: int  # answered, not fully right, not timed out (partial included)
    timed_out: int
    partial: int  # multiple questions with some but not full credit (counted in wrong too)
    total_time: float
    # Sections with questions in this session, in pack order.
    sections: tuple[SectionScore, ...]
    answered: int
    total: int
    speed_bonus: float
    streak_bonus: float
    best_streak: int
    mode: str
