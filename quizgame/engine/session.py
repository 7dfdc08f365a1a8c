"""A quiz session: hands out questions, takes timed answers, keeps the score."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from quizgame.engine.errors import (
    EmptySelectionError,
    InvalidResponseError,
    RestoreError,
    SessionFinishedError,
    SessionStateError,
)
from quizgame.engine.options import ScoringOptions, SessionOptions
from quizgame.engine.responses import (
    check_response,
    decode_response,
    response_text,
    right_answer_text,
)
from quizgame.engine.results import (
    AnswerResult,
    PreparedQuestion,
    Response,
    SectionScore,
    SessionSummary,
)
from quizgame.engine.scoring import apply_bonuses, match_short, score_multiple, score_single
from quizgame.engine.selection import prepare_questions
from quizgame.tally import Tally, tally

if TYPE_CHECKING:
    from quizgame.packs.types import LoadedPack

Clock = Callable[[], float]


class QuestionClock(NamedTuple):
    """A question's clock at one moment: seconds it has run, and left (None: untimed)."""

    question: PreparedQuestion
    used: float
    remaining: float | None


def score_answer(
    prepared: PreparedQuestion,
    response: Response,
    elapsed: float,
    *,
    streak_before: int,
    scoring: ScoringOptions,
) -> AnswerResult:
    """Score a checked response given `elapsed` seconds after the question was shown."""
    question = prepared.question
    limit = prepared.time_limit
    timed_out = response is None or (limit is not None and elapsed > limit)
    accepted: str | None = None
    typo = False
    if timed_out:
        credit = 0.0
    elif question.type == "multiple":
        assert isinstance(response, frozenset)
        credit = score_multiple(response, question.answers)
    elif question.type == "short":
        assert isinstance(response, str)
        match = match_short(response, question.accept, exact=question.exact, fuller=prepared.fuller_forms)
        credit = 1.0 if match.correct else 0.0
        accepted, typo = match.accepted, match.typo
    else:
        assert isinstance(response, (str, bool))
        credit = score_single(response, question.answer)
    correct = credit == 1.0
    streak = streak_before + 1 if correct else 0
    points = apply_bonuses(
        prepared.base_points,
        credit,
        elapsed=elapsed,
        limit=limit,
        streak=streak,
        speed_bonus=scoring.speed_bonus,
        streak_bonus=scoring.streak_bonus,
    )
    return AnswerResult(
        question_id=question.id,
        response=response,
        correct=correct,
        credit=credit,
        points=points.total,
        max_points=float(prepared.base_points),
        speed_bonus=points.speed_bonus,
        streak_bonus=points.streak_bonus,
        elapsed=elapsed,
        timed_out=timed_out,
        accepted=accepted,
        typo=typo,
        right_answer=right_answer_text(prepared),
        response_text=response_text(prepared, response),
        credit_points=points.credit_points,
        streak=streak,
    )


class QuizSession:
    """One run through a selection of a pack's questions.

    Not tied to a terminal: a UI shows `current`, calls show_current() when it appears and
    answer() or time_out() when it is done. Time comes only from `clock` (seconds, any
    origin), so tests and other front ends can drive it. It is the quiz screen's local feed
    (quizgame.engine.feed.QuizFeed); a classroom's remote session is the other.
    """

    # The answer key is here before the answer: the feedback can be built ahead.
    key_ahead = True
    # A place among other players, for the status line; none in a quiz of one's own.
    standing: str | None = None
    # The player moves on when they choose.
    host_paced = False

    def __init__(
        self,
        pack: LoadedPack,
        options: SessionOptions,
        *,
        clock: Clock = time.monotonic,
    ) -> None:
        self.pack = pack
        self.options = options
        self._clock = clock
        self._questions = prepare_questions(pack.pack, options, pack.fuller_forms)
        self._results: list[AnswerResult] = []
        # The question asked now; ahead of len(_results) by the questions passed over.
        self._position = 0
        self._streak = 0
        # When the current question's clock started, on `clock`; moved later by the time it
        # stood still while the question was hidden (practice only).
        self._shown_at: float | None = None
        self._hidden_at: float | None = None

    # -- where the session is ------------------------------------------------------------

    @property
    def questions(self) -> tuple[PreparedQuestion, ...]:
        return self._questions

    @property
    def current(self) -> PreparedQuestion | None:
        if self.finished:
            return None
        return self._questions[self._position]

    @property
    def total(self) -> int:
        return len(self._questions)

    @property
    def mode(self) -> str:
        return self.options.mode

    @property
    def answered(self) -> int:
        return len(self._results)

    @property
    def position(self) -> int:
        """Questions behind this session: answered, timed out or passed over."""
        return self._position

    @property
    def finished(self) -> bool:
        return self._position >= len(self._questions)

    @property
    def results(self) -> list[AnswerResult]:
        return list(self._results)

    def tally(self) -> Tally:
        """Score, maximum and percentage of the answers so far (quizgame.tally)."""
        return tally(self._results)

    @property
    def score(self) -> float:
        return self.tally().score

    @property
    def max_score(self) -> float:
        """Base points of the questions answered so far."""
        return self.tally().max_score

    @property
    def streak(self) -> int:
        """Fully right answers in a row, up to now."""
        return self._streak

    @property
    def missed(self) -> tuple[PreparedQuestion, ...]:
        """Questions without a fully right answer (unanswered ones included)."""
        right = {r.question_id for r in self._results if r.correct}
        return tuple(q for q in self._questions if q.id not in right)

    # -- time -----------------------------------------------------------------------------

    def show_current(self) -> None:
        """Start the current question's clock. Calling it again (a redraw) does not restart it."""
        self._require_current("show a question")
        if self._shown_at is None:
            self._shown_at = self._clock()

    @property
    def used_time(self) -> float | None:
        """Seconds the current question's clock has run; None before it is shown."""
        if self.finished or self._shown_at is None:
            return None
        now = self._clock() if self._hidden_at is None else self._hidden_at
        return max(0.0, now - self._shown_at)

    def remaining_time(self) -> float | None:
        """Seconds left on the current question; None when it is untimed or there is none."""
        prepared = self.current
        if prepared is None or prepared.time_limit is None:
            return None
        used = self.used_time
        return prepared.time_limit if used is None else max(0.0, prepared.time_limit - used)

    def question_clock(self) -> QuestionClock | None:
        """The current question's clock now; None before it is shown."""
        prepared, used = self.current, self.used_time
        if prepared is None or used is None:
            return None
        return QuestionClock(prepared, used, self.remaining_time())

    @property
    def clock_stopped(self) -> bool:
        """The current question is hidden and its clock stands still (practice only)."""
        return self._hidden_at is not None

    def hide(self) -> bool:
        """The question is out of sight: a dialog is over it, or the terminal is too small
        to show it. In practice mode its clock stops until unhide(); in an exam it runs on,
        since the conditions are the teacher's. Returns whether the clock stopped."""
        if (
            self.options.mode == "exam"
            or self.finished
            or self._shown_at is None
            or self._hidden_at is not None
        ):
            return False
        self._hidden_at = self._clock()
        return True

    def unhide(self) -> bool:
        """The question shows again. Returns whether its clock starts again, and so its
        deadline moved later by the time it stood still."""
        if self._hidden_at is None:
            return False
        assert self._shown_at is not None
        self._shown_at += max(0.0, self._clock() - self._hidden_at)
        self._hidden_at = None
        return True

    def resume_clock(self, used: float) -> None:
        """The current question was shown in an earlier run and its clock has run `used`
        seconds since (the time away counts): it carries on from there, and a question
        whose time is up has none left."""
        self._require_current("resume a question's clock")
        self._shown_at = self._clock() - _checked_elapsed(used)
        self._hidden_at = None

    # -- answering ------------------------------------------------------------------------

    def answer(self, response: object, elapsed: float | None = None) -> AnswerResult:
        """Score `response` to the current question and move on.

        `elapsed` is the seconds the answer took; None measures it from show_current().
        An answer after the time limit counts as timed out. A None response is a time-out.
        """
        prepared = self._require_current("answer")
        checked = check_response(prepared, response)
        if elapsed is None:
            used = self.used_time
            if used is None:
                raise SessionStateError(
                    "answer() needs an elapsed time when show_current() was not called"
                )
            seconds = used
        else:
            seconds = _checked_elapsed(elapsed)
        return self._record(prepared, checked, seconds)

    def time_out(self, typed: str | None = None) -> AnswerResult:
        """The current question's time ran out (or the player gave up on it): zero points.

        `typed`: what was typed in a short answer's field but not submitted. In an exam it is
        taken as the answer, given at the deadline and so within it (docs/classroom.md); in
        practice the time-up stands, and the feedback shows the answer.
        """
        prepared = self._require_current("time out")
        if prepared.time_limit is not None:
            seconds = prepared.time_limit
        else:
            seconds = self.used_time or 0.0
        if (
            typed is not None
            and typed.strip()
            and self.options.mode == "exam"
            and prepared.question.type == "short"
        ):
            return self._record(prepared, check_response(prepared, typed), seconds)
        return self._record(prepared, None, seconds)

    def pass_over(self) -> None:
        """Move past the current question without an answer: it was never put to this
        player (they joined a live game after it, or the host skipped it). It scores
        nothing and does not count towards the maximum; the streak carries on."""
        self._require_current("pass over a question")
        self._position += 1
        self._shown_at = self._hidden_at = None

    def restore(self, answers: Iterable[tuple[str, object, float]]) -> None:
        """Replay stored answers (question id, response, elapsed) to resume a session.

        They must follow this session's question order from where it stands. Responses may
        be as stored (encode_response) or already decoded. Nothing changes unless every
        answer fits; afterwards `current` is the first unanswered question.
        """
        ids = {q.id for q in self._questions}
        position = self._position
        streak = self._streak
        staged: list[AnswerResult] = []
        for n, item in enumerate(answers, start=1):
            try:
                question_id, stored, elapsed = item
            except (TypeError, ValueError):
                raise RestoreError(
                    f"stored answer {n} is not (question id, response, elapsed): {item!r}"
                ) from None
            if question_id not in ids:
                raise RestoreError(
                    f"stored answer {n} is for question {question_id!r}, which is not in this "
                    "session; the pack or the session options have changed"
                )
            if position >= len(self._questions):
                raise RestoreError(
                    f"stored answer {n} is one more than this session's {self.total} questions"
                )
            prepared = self._questions[position]
            if prepared.id != question_id:
                raise RestoreError(
                    f"stored answer {n} is for question {question_id!r}, but question "
                    f"{prepared.number} of this session is {prepared.id!r}"
                )
            try:
                response = check_response(prepared, decode_response(prepared.type, stored))
                seconds = _checked_elapsed(elapsed)
            except InvalidResponseError as error:
                raise RestoreError(f"stored answer {n}: {error}") from None
            result = score_answer(
                prepared, response, seconds, streak_before=streak, scoring=self.options.scoring
            )
            staged.append(result)
            streak = result.streak
            position += 1
        self._results.extend(staged)
        self._position = position
        self._streak = streak
        self._shown_at = self._hidden_at = None

    # -- afterwards -----------------------------------------------------------------------

    def summary(self) -> SessionSummary:
        results = self._results
        right = sum(1 for r in results if r.correct)
        timed_out = sum(1 for r in results if r.timed_out)
        section_of = {q.id: q.section.id for q in self._questions}
        sections = []
        for section in self.pack.pack.sections:
            if section.id not in section_of.values():
                continue
            mine = [r for r in results if section_of[r.question_id] == section.id]
            credit = math.fsum(r.credit for r in mine if not r.timed_out)
            sections.append(SectionScore(section, sum(r.correct for r in mine), len(mine), credit))
        figures = tally(results)
        return SessionSummary(
            score=figures.score,
            max_score=figures.max_score,
            percent=figures.percent,
            right=right,
            wrong=len(results) - right - timed_out,
            timed_out=timed_out,
            partial=sum(1 for r in results if 0.0 < r.credit < 1.0),
            total_time=math.fsum(r.elapsed for r in results),
            sections=tuple(sections),
            answered=len(results),
            total=self.total,
            speed_bonus=figures.speed_bonus,
            streak_bonus=figures.streak_bonus,
            best_streak=max((r.streak for r in results), default=0),
            mode=self.options.mode,
        )

    def retry_missed(self, seed: int | None = None) -> QuizSession:
        """A new session over the questions not answered fully right; same options otherwise,
        no count. `seed` None keeps this session's seed."""
        missed = self.missed
        if not missed:
            raise EmptySelectionError("nothing to retry: every question was answered right")
        options = self.options.replace(
            seed=self.options.seed if seed is None else seed,
            count=None,
            question_ids=tuple(q.id for q in missed),
        )
        return QuizSession(self.pack, options, clock=self._clock)

    # -- inside ---------------------------------------------------------------------------

    def _require_current(self, action: str) -> PreparedQuestion:
        prepared = self.current
        if prepared is None:
            raise SessionFinishedError(
                f"cannot {action}: all {self.total} questions have been answered"
            )
        return prepared

    def _record(
        self, prepared: PreparedQuestion, response: Response, elapsed: float
    ) -> AnswerResult:
        result = score_answer(
            prepared, response, elapsed, streak_before=self._streak, scoring=self.options.scoring
        )
        self._results.append(result)
        self._position += 1
        self._streak = result.streak
        self._shown_at = self._hidden_at = None
        return result


def _checked_elapsed(elapsed: object) -> float:
    if (
        not isinstance(elapsed, (int, float))
        or isinstance(elapsed, bool)
        or not math.isfinite(elapsed)
        or elapsed < 0
    ):
        raise InvalidResponseError(
            f"elapsed time must be a number of seconds >= 0, got {elapsed!r}"
        )
    return float(elapsed)
