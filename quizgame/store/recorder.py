"""Recorder: the game's only way to save results. It never raises and never drops an answer.

Each call queues the write and then tries to write everything queued, in order. If the
database cannot be written (locked past the retries, read-only, full, damaged), the answers
stay queued in memory, `status` says so in one plain line, and every later call, `flush()`
and `close()` try again. If they still cannot be saved at `close()`, they are written to an
"unsaved" file beside the database (or in the data folder), which the next Recorder for that
database replays. Thread-safe: the TUI may call it from a worker thread.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizgame.atomic import atomic_write
from quizgame.store.connection import QUICK_RETRY, Connector, RetryPolicy, default_connect
from quizgame.store.errors import StoreError
from quizgame.store.rows import AnswerRecord, ClockRecord, SessionRecord, utc_now
from quizgame.store.store import ResultsStore, resolve_db_path

_KEPT = "answers are kept in memory and will be saved when possible"
UNSAVED_PATTERN = "quizgame-unsaved-*.jsonl"


@dataclass(frozen=True)
class RecorderStatus:
    ok: bool
    message: str  # one line; "" when all is well and there is nothing to say
    pending: int  # writes waiting in memory


@dataclass(frozen=True)
class _Finish:
    session_id: str
    finished_at: str
    score: float | None
    max_score: float | None


@dataclass(frozen=True)
class _Clock:
    clock: ClockRecord
    moved: bool  # a practice pause moved the deadline; else the question was shown


_Op = SessionRecord | AnswerRecord | _Finish | _Clock


def _answers(ops: Iterable[_Op]) -> int:
    """The answers among waiting writes: what a player counts as a result (the start or the
    end of a session is not one)."""
    return sum(1 for op in ops if isinstance(op, AnswerRecord))


def _apply(store: ResultsStore, op: _Op) -> None:
    if isinstance(op, SessionRecord):
        store.start_session(op)
    elif isinstance(op, AnswerRecord):
        store.record_answer(op)
    elif isinstance(op, _Clock):
        if op.moved:
            store.move_deadline(op.clock)
        else:
            store.question_shown(op.clock)
    else:
        store.finish_session(
            op.session_id, finished_at=op.finished_at, score=op.score, max_score=op.max_score
        )


def _op_to_json(op: _Op) -> dict[str, Any]:
    if isinstance(op, _Clock):
        return {"op": "moved" if op.moved else "shown", **dataclasses.asdict(op.clock)}
    data = {f.name: getattr(op, f.name) for f in dataclasses.fields(op) if f.init}
    if isinstance(op, SessionRecord):
        data["options"] = dict(op.options)
        return {"op": "start", **data}
    if isinstance(op, AnswerRecord):
        data["response"] = json.loads(op.response_json)
        return {"op": "answer", **data}
    return {"op": "finish", **data}


def _op_from_json(data: dict[str, Any]) -> _Op:
    kind = data.pop("op")
    if kind == "start":
        return SessionRecord(**data)
    if kind == "answer":
        response = data["response"]
        data["response"] = frozenset(response) if isinstance(response, list) else response
        return AnswerRecord(**data)
    if kind == "finish":
        return _Finish(**data)
    if kind in ("shown", "moved"):
        return _Clock(ClockRecord(**data), moved=kind == "moved")
    raise ValueError(f"unknown operation {kind!r}")


class Recorder:
    """Wraps a ResultsStore for the game. No method raises."""

    def __init__(
        self,
        opener: Callable[[RetryPolicy], ResultsStore],
        path: Path,
        *,
        retry: RetryPolicy | None = None,
        quick_retry: RetryPolicy = QUICK_RETRY,
        now: Callable[[], str] = utc_now,
        rescue_dirs: tuple[Path, ...] | None = None,
    ) -> None:
        self.path = path
        self._opener = opener
        self._retry = retry or RetryPolicy()
        self._quick = quick_retry
        self._now = now
        self._rescue_dirs = rescue_dirs
        self._lock = threading.Lock()
        self._store: ResultsStore | None = None
        self._pending: deque[_Op] = deque()
        # Called once its op is committed (by id of the op, which the queue keeps alive).
        self._on_commit: dict[int, Callable[[], None]] = {}
        self._rejected: list[_Op] = []
        self._rejected_reason = ""
        self._status = RecorderStatus(True, "", 0)
        self._trouble = False  # the database itself failed us last time
        self._holding = False  # writes queue without being written, until release()
        with self._lock:
            self._connect(self._retry)
            if self._store is not None:
                try:
                    self._replay_unsaved()
                except Exception:
                    pass  # the files stay where they are, for the next run or a person

    @classmethod
    def open(
        cls,
        db: Path | str | None = None,
        *,
        retry: RetryPolicy | None = None,
        quick_retry: RetryPolicy = QUICK_RETRY,
        connect: Connector = default_connect,
    ) -> Recorder:
        """The Recorder for --db / QUIZGAME_DB / the default database. Never raises: if the
        database cannot be opened, `status` says why and answers wait in memory."""
        path = resolve_db_path(db)
        return cls(
            lambda policy: ResultsStore.open(path, retry=policy, connect=connect),
            path,
            retry=retry,
            quick_retry=quick_retry,
        )

    # -- public API ------------------------------------------------------------------------

    @property
    def status(self) -> RecorderStatus:
        # No lock: the UI thread may ask while a worker waits on a busy database. Reading
        # one attribute that is only ever replaced by a whole frozen object is safe.
        return self._status

    def start_session(self, record: SessionRecord) -> RecorderStatus:
        if record.started_at is None:
            record = dataclasses.replace(record, started_at=self._now())
        return self._submit(record)

    def record(
        self, answer: AnswerRecord, *, on_commit: Callable[[], None] | None = None
    ) -> RecorderStatus:
        """`on_commit` is called (on this thread) once the answer is in the database: at
        once, later when the database could not be written now, or never if it never can."""
        # Stamp the time now: a queued answer is saved later but was given now.
        if answer.answered_at is None:
            answer = dataclasses.replace(answer, answered_at=self._now())
        return self._submit(answer, on_commit)

    def finish_session(
        self,
        session_id: str,
        *,
        score: float | None = None,
        max_score: float | None = None,
        finished_at: str | None = None,
    ) -> RecorderStatus:
        return self._submit(_Finish(session_id, finished_at or self._now(), score, max_score))

    def question_shown(self, clock: ClockRecord) -> RecorderStatus:
        """A question is on screen for the first time: its deadline is fixed from now."""
        return self._submit(_Clock(clock, moved=False))

    def move_deadline(self, clock: ClockRecord) -> RecorderStatus:
        return self._submit(_Clock(clock, moved=True))

    def hold(self) -> None:
        """Queue the next writes without writing them, until release(): answers that come
        together are then committed together, in one transaction."""
        with self._lock:
            self._holding = True

    def release(self) -> RecorderStatus:
        with self._lock:
            self._holding = False
            self._drain(self._quick if self._trouble else self._retry)
            return self._status

    def flush(self) -> RecorderStatus:
        """Try every queued write now, waiting out a busy database as long as a write would."""
        with self._lock:
            self._drain(self._retry)
            return self._status

    def close(self) -> RecorderStatus:
        """Flush; anything still unsaved goes to an "unsaved" file. Then let go of the
        database. (A later call simply opens it again.)"""
        with self._lock:
            self._drain(self._retry)
            if self._pending or self._rejected:
                self._rescue()
            self._drop_store()
            return self._status

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- internals -------------------------------------------------------------------------

    def _submit(self, op: _Op, on_commit: Callable[[], None] | None = None) -> RecorderStatus:
        with self._lock:
            self._pending.append(op)
            if on_commit is not None:
                self._on_commit[id(op)] = on_commit
            if self._holding:
                return self._status
            # Already in trouble: a short try, so a locked database does not stall each answer.
            self._drain(self._quick if self._trouble else self._retry)
            return self._status

    def _degrade(self, message: str) -> None:
        self._trouble = True
        waiting = _answers(self._pending) + _answers(self._rejected)
        self._status = RecorderStatus(False, f"{message} — {_KEPT}", waiting)

    def _connect(self, policy: RetryPolicy) -> None:
        try:
            self._store = self._opener(policy)
        except StoreError as exc:
            self._store = None
            self._degrade(str(exc))
        except Exception as exc:  # never let the game crash over its results
            self._store = None
            self._degrade(f"cannot open the results database ({exc}): {self.path}")

    def _drain(self, policy: RetryPolicy) -> None:
        if self._trouble and self._store is None and not self._pending:
            # Nothing to write, and no database opened since the trouble: nothing shows it
            # is over (a flush before the first answer must not say "saved again").
            return
        while self._pending:
            if self._store is None:
                self._connect(policy)
                if self._store is None:
                    return
            op = self._pending[0]
            self._store.retry = policy
            together = self._drain_together()
            if together == "written":
                continue
            if together == "trouble":
                return
            try:
                _apply(self._store, op)
            except StoreError as exc:
                # Reopen next time: a file made writable again, or a replaced file, needs a
                # fresh connection.
                self._drop_store()
                self._degrade(str(exc))
                return
            except Exception as exc:
                # A caller's mistake (e.g. an answer for a session never started): retrying
                # cannot help, and must not hold up the answers queued behind it. It is set
                # aside, reported, and written to the unsaved file on close.
                self._rejected.append(op)
                self._rejected_reason = str(exc)
                self._on_commit.pop(id(op), None)
            else:
                committed = self._on_commit.pop(id(op), None)
                if committed is not None:
                    try:
                        committed()
                    except Exception:
                        pass  # the caller's business; the answer is saved all the same
            finally:
                if self._store is not None:
                    self._store.retry = self._retry
            self._pending.popleft()
        if _answers(self._rejected):
            self._status = RecorderStatus(
                False,
                f"{_answers(self._rejected)} result(s) could not be saved ({self._rejected_reason}); "
                "they will be kept in an unsaved file when quizgame closes",
                _answers(self._rejected),
            )
        elif self._trouble:
            self._status = RecorderStatus(True, f"results saved again: {self.path}", 0)
        else:
            self._status = RecorderStatus(True, "", 0)
        self._trouble = False

    _BATCH = 500

    def _drain_together(self) -> str:
        """Commit the writes at the head of the queue in one transaction (a class joining,
        answering or finishing at once: one commit, not one each). "written"; "single" when
        there is only one, or the batch met a caller's mistake (each is then tried on its
        own, and the mistaken one set aside); "trouble" when the database failed us."""
        batch = list(itertools.islice(self._pending, self._BATCH))
        if len(batch) < 2:
            return "single"
        store = self._store
        assert store is not None
        try:
            store.together(lambda: [_apply(store, op) for op in batch])
        except StoreError as exc:
            self._drop_store()
            self._degrade(str(exc))
            return "trouble"
        except Exception:
            return "single"
        store.retry = self._retry
        for op in batch:
            self._pending.popleft()
            committed = self._on_commit.pop(id(op), None)
            if committed is not None:
                try:
                    committed()
                except Exception:
                    pass  # the caller's business; the answer is saved all the same
        return "written"

    def _drop_store(self) -> None:
        if self._store is not None:
            try:
                self._store.close()
            except Exception:
                pass
            self._store = None

    # -- unsaved files ---------------------------------------------------------------------

    def _candidate_dirs(self) -> list[Path]:
        if self._rescue_dirs is not None:
            return list(self._rescue_dirs)
        from quizgame.locations import data_dir

        dirs = [self.path.parent, data_dir()]
        return [d for i, d in enumerate(dirs) if d not in dirs[:i]]

    def _rescue(self) -> None:
        header = {"quizgame_unsaved": 1, "db": str(self.path.resolve()), "written_at": self._now()}
        unsaved = [*self._rejected, *self._pending]
        lines = [json.dumps(header)] + [
            json.dumps(_op_to_json(op), ensure_ascii=False) for op in unsaved
        ]
        text = "\n".join(lines) + "\n"
        reason = self._status.message.split(" — ")[0] or "the results database was closed"
        for folder in self._candidate_dirs():
            name = f"quizgame-unsaved-{header['written_at'][:10]}-{uuid.uuid4().hex[:12]}.jsonl"
            target = folder / name
            try:
                folder.mkdir(parents=True, exist_ok=True)
                atomic_write(target, lambda handle: handle.write(text))
            except OSError:
                continue
            count = _answers(unsaved)
            self._pending.clear()
            self._rejected.clear()
            self._on_commit.clear()  # in a file, not the database: never acknowledged
            self._status = RecorderStatus(
                False,
                f"{reason} — {count} unsaved result(s) written to {target}; "
                "they will be added the next time this database can be opened",
                0,
            )
            return
        self._status = RecorderStatus(
            False,
            f"{reason} — {_answers(unsaved)} result(s) could not be saved anywhere and will be "
            "lost when quizgame exits",
            _answers(unsaved),
        )

    def _replay_unsaved(self) -> None:
        """Add results an earlier run could not save. Writes are idempotent, so two programs
        replaying the same file at once, or a replay cut short and redone, is harmless."""
        assert self._store is not None
        mine = str(self.path.resolve())
        for folder in self._candidate_dirs():
            try:
                files = sorted(folder.glob(UNSAVED_PATTERN))
            except OSError:
                continue
            for file in files:
                try:
                    lines = file.read_text(encoding="utf-8").splitlines()
                    if json.loads(lines[0]).get("db") != mine:
                        continue
                    for line in lines[1:]:
                        _apply(self._store, _op_from_json(json.loads(line)))
                except StoreError as exc:
                    self._drop_store()
                    self._degrade(str(exc))
                    return
                except (OSError, ValueError, TypeError, KeyError, IndexError, LookupError):
                    continue  # unreadable or foreign file: leave it for a person to look at
                try:
                    file.unlink()
                except OSError:
                    pass

