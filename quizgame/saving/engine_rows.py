"""Engine objects turned into the store's records: the one place the two meet."""

from __future__ import annotations

import datetime as dt
import math

from quizgame.engine import AnswerResult, PreparedQuestion, QuestionClock, QuizSession
from quizgame.store import AnswerRecord, ClockRecord, SessionRecord, utc_now
from quizgame.store.rows import PlayerKind


def session_record(
    session: QuizSession,
    player: str,
    session_id: str,
    *,
    game_id: str | None = None,
    player_kind: PlayerKind = "player",
    started_at: str | None = None,
    mode: str | None = None,
    started_from: str | None = None,
) -> SessionRecord:
    """What the store keeps about a session when it starts. `max_score` is the base points
    of every question the session will ask, so a teacher sees "x of y" even mid-way."""
    loaded = session.pack
    return SessionRecord(
        session_id=session_id,
        player=player,
        pack_id=loaded.pack.id,
        pack_hash=loaded.content_hash,
        pack_title=loaded.pack.title,
        mode=mode or session.options.mode,
        options=session.options.to_dict(),
        seed=session.options.seed,
        question_count=session.total,
        max_score=math.fsum(q.base_points for q in session.questions),
        started_at=started_at or utc_now(),
        game_id=game_id,
        player_kind=player_kind,
        started_from=started_from,
    )


def answer_record(
    session_id: str,
    prepared: PreparedQuestion,
    result: AnswerResult,
    *,
    answered_at: str | None = None,
) -> AnswerRecord:
    """One answer, stamped now: it may be written later (a busy database) but was given now."""
    return AnswerRecord(
        session_id=session_id,
        question_id=result.question_id,
        question_number=prepared.number,
        response=result.response,
        correct=result.correct,
        credit=result.credit,
        points=result.points,
        max_points=result.max_points,
        seconds=result.elapsed,
        timed_out=result.timed_out,
        # No answer in time is no text: a player who types "(no answer)" is told apart.
        response_text="" if result.response is None else result.response_text,
        answered_at=answered_at or utc_now(),
        speed_bonus=result.speed_bonus,
        streak_bonus=result.streak_bonus,
        typo=result.typo,
    )


def wall_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds")


def clock_record(session_id: str, clock: QuestionClock, now: dt.datetime) -> ClockRecord:
    """A question's clock, as it stood at `now` (UTC): when it was shown and when its time
    runs out."""
    used, remaining = clock.used, clock.remaining
    return ClockRecord(
        session_id=session_id,
        question_id=clock.question.id,
        question_number=clock.question.number,
        shown_at=_stamp(now - dt.timedelta(seconds=used)),
        deadline_at=None if remaining is None else _stamp(now + dt.timedelta(seconds=remaining)),
    )


def time_used(clock: ClockRecord, limit: float | None, now: dt.datetime) -> float | None:
    """Seconds a stored timed question's clock has run by `now`: its limit less what is left
    before its deadline, so time away counts. None for an untimed question, which starts
    afresh."""
    if limit is None or clock.deadline_at is None:
        return None
    left = (dt.datetime.fromisoformat(clock.deadline_at) - now).total_seconds()
    return max(0.0, limit - left)
