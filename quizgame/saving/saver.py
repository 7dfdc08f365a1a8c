"""GameSaver: what a front end calls as a game goes on. Every call returns at once.

Records are built (and checked) on the caller's thread, stamped with the moment the answer
was given, and queued for the writer thread. So a mistake shows up where it was made, and
a busy database never delays the feedback.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from quizgame.saving.engine_rows import answer_record, clock_record, session_record, wall_now
from quizgame.saving.resume import ResumeOffer, lookup_resumable
from quizgame.saving.writer import ResultsWriter
from quizgame.store import RecorderStatus, SessionRecord, new_id, utc_now
from quizgame.store.rows import PlayerKind

if TYPE_CHECKING:
    from quizgame.engine import AnswerResult, QuestionClock, QuizSession, SessionOptions
    from quizgame.engine.game import HotSeatGame
    from quizgame.packs import LoadedPack


class GameSaver:
    """Keeps which stored session each QuizSession is, and queues its results."""

    def __init__(
        self, writer: ResultsWriter, *, now: Callable[[], dt.datetime] = wall_now
    ) -> None:
        self.writer = writer
        # The time of day (UTC) a question's deadline is stored in: it must hold across a
        # restart, which the sessions' own clock (monotonic, any origin) does not.
        self._now = now
        # Keyed by the session object itself: a session is saved under one id for its life.
        self._ids: dict[int, tuple[QuizSession, str]] = {}
        self._finished: set[str] = set()
        # Sessions kept back until their first answer: one left before it is no result.
        self._unstored: dict[str, SessionRecord] = {}

    @classmethod
    def open(cls, db: Path | str | None = None) -> GameSaver:
        return cls(ResultsWriter.open(db))

    @property
    def path(self) -> Path:
        return self.writer.path

    @property
    def status(self) -> RecorderStatus:
        return self.writer.status

    def session_id(self, session: QuizSession) -> str | None:
        found = self._ids.get(id(session))
        return found[1] if found is not None and found[0] is session else None

    # -- the TUI's Recorder protocol -------------------------------------------------------

    def start(
        self,
        session: QuizSession,
        player: str,
        *,
        game_id: str | None = None,
        player_kind: PlayerKind = "player",
        session_id: str | None = None,
        started_at: str | None = None,
        mode: str | None = None,
        started_from: str | None = None,
        until_answered: bool = False,
    ) -> str:
        """Save a new session and return its id; the answers given to `session` follow it.
        `mode`: what the store calls how it was played, when not the options' own mode (a
        classroom's "live" or "self-paced"). `started_from`: "command" or "home".
        `until_answered`: write it only with its first answer (or `keep`), so a player who
        leaves before answering leaves nothing in the teacher's results."""
        session_id = session_id or new_id()
        record = session_record(
            session,
            player,
            session_id,
            game_id=game_id,
            player_kind=player_kind,
            started_at=started_at,
            mode=mode,
            started_from=started_from,
        )
        self._ids[id(session)] = (session, session_id)
        if until_answered:
            self._unstored[session_id] = record
        else:
            self.writer.submit(lambda recorder: recorder.start_session(record))
        return session_id

    def keep(self, session: QuizSession) -> str:
        """Write a session kept back by `until_answered` now (something must refer to it);
        returns its id."""
        session_id = self._require(session)
        record = self._unstored.pop(session_id, None)
        if record is not None:
            self.writer.submit(lambda recorder: recorder.start_session(record))
        return session_id

    def resume(self, session: QuizSession, session_id: str) -> None:
        """`session` continues the stored session `session_id`: nothing new is written, its
        next answers are added to that session."""
        self._ids[id(session)] = (session, session_id)

    def shown(self, session: QuizSession, clock: QuestionClock) -> None:
        """A question of `session` is on screen, its clock as `clock` (taken then): its
        deadline is stored, to hold across a quit or a killed process. Again for the same
        question (a restart) keeps the first."""
        self._save_clock(session, clock, moved=False)

    def clock_moved(self, session: QuizSession, clock: QuestionClock) -> None:
        """The question's clock stood still while it was hidden (practice): its deadline is
        later now."""
        self._save_clock(session, clock, moved=True)

    def _save_clock(self, session: QuizSession, clock: QuestionClock, *, moved: bool) -> None:
        session_id = self.session_id(session)
        if session_id is None:
            return  # not a session saved here
        exam = session.options.mode == "exam"
        if clock.remaining is None and (moved or not exam):
            # Untimed: no deadline to keep. Only an exam's question seen matters (its
            # session can then be carried on, not started again).
            return
        if session_id in self._unstored:
            if not exam:
                return  # practice with nothing answered leaves nothing behind
            # An exam's question seen is a clock running: it must hold across a restart
            # even before the first answer, so the session is written now.
            self.keep(session)
        record = clock_record(session_id, clock, self._now())
        if moved:
            self.writer.submit(lambda recorder: recorder.move_deadline(record))
        else:
            self.writer.submit(lambda recorder: recorder.question_shown(record))

    def record(
        self,
        session: QuizSession,
        result: AnswerResult,
        *,
        on_commit: Callable[[], None] | None = None,
    ) -> None:
        """Queue the answer. `on_commit` is called on the writer thread once it is committed
        to the database (not merely kept in memory): what a remote player's acknowledgement
        waits for."""
        session_id = self.keep(session)
        prepared = next(q for q in session.questions if q.id == result.question_id)
        record = answer_record(session_id, prepared, result)
        if on_commit is None:
            self.writer.submit(lambda recorder: recorder.record(record))
        else:
            self.writer.submit(lambda recorder: recorder.record(record, on_commit=on_commit))
        if session.finished:
            # Finished when the last answer is in, not when the results are shown: a player
            # who quits on the last feedback has nothing left to resume.
            self.finish(session)

    def finish(self, session: QuizSession) -> None:
        """Mark the session finished; again for the same session does nothing."""
        session_id = self._require(session)
        if session_id in self._finished:
            return
        self._finished.add(session_id)
        if session_id in self._unstored:
            return  # never answered: nothing was stored, nothing to finish
        summary = session.summary()
        finished_at = utc_now()
        # The store's max_score becomes the base points of the questions answered, as the
        # engine's summary has it: the same "x of y" the player saw.
        self.writer.submit(
            lambda recorder: recorder.finish_session(
                session_id,
                score=summary.score,
                max_score=summary.max_score,
                finished_at=finished_at,
            )
        )

    def pause_writing(self) -> None:
        """Hold the writes queued from now on until resume_writing() (at most
        quizgame.saving.writer.PAUSE_AT_MOST seconds): a front end keeps the saver's thread
        from delaying the frame it is about to draw. Nothing queued is lost meanwhile:
        flush() and close() write it (see ResultsWriter.pause)."""
        self.writer.pause()

    def resume_writing(self) -> None:
        self.writer.resume()

    # -- resuming --------------------------------------------------------------------------

    def find_resumable(
        self,
        player: str,
        pack: LoadedPack,
        wanted: SessionOptions | None = None,
        *,
        seed_fixed: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> Future[ResumeOffer | None]:
        """The session `player` could resume (see quizgame.saving.resume), looked up on the
        writer thread after whatever it still has to write, such as the answers an earlier
        run left in an unsaved file. The future raises StoreError if the database is bad."""
        now = self._now
        return self.writer.query(
            lambda path: lookup_resumable(
                path, player, pack, wanted=wanted, seed_fixed=seed_fixed, clock=clock, now=now
            )
        )

    # -- hot-seat --------------------------------------------------------------------------

    def start_game(self, game: HotSeatGame, *, game_id: str | None = None) -> str:
        """One stored session per player or team, sharing a game id; returns the game id."""
        game_id = game_id or new_id()
        started_at = utc_now()  # one game, one start: everyone began at the same moment
        for player, session in zip(game.players, game.sessions):
            self.start(
                session,
                player,
                game_id=game_id,
                player_kind=game.kind,
                started_at=started_at,
                until_answered=True,
            )
        return game_id

    def finish_game(self, game: HotSeatGame) -> None:
        for session in game.sessions:
            self.finish(session)

    # -- the end ---------------------------------------------------------------------------

    def flush(self, timeout: float | None = None) -> bool:
        return self.writer.flush(timeout)

    def close(self, timeout: float | None = None) -> RecorderStatus:
        return self.writer.close(timeout)

    def _require(self, session: QuizSession) -> str:
        session_id = self.session_id(session)
        if session_id is None:
            raise ValueError("this session was never started with the saver")
        return session_id

