"""One background thread that hands every result to the store's Recorder, in order.

Why a single writer thread and not a worker per answer: the Recorder may wait up to 30 s
on a locked database the first time a write fails. A worker per answer would keep the UI
free too, but workers run concurrently, so an answer could reach the database before its
session, or answer 5 before answer 4. One thread reading one FIFO queue keeps the order the
answers were given, costs the caller a queue.put (microseconds), and does not depend on
the UI toolkit, so a web front end can use it as it is.
"""

from __future__ import annotations

import atexit
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from quizgame.store import Recorder, RecorderStatus, resolve_db_path

T = TypeVar("T")

# How often to try again, between answers, while the database is in trouble.
RETRY_EVERY = 2.0
# A write in progress longer than this is shown as a problem, not silently waited out.
SLOW_AFTER = 2.0
# At most this many writes waiting together are committed together.
BATCH = 500
# A pause (see ResultsWriter.pause) ends after this long even if nobody ends it.
PAUSE_AT_MOST = 0.5

_KEPT = "answers are kept in memory and will be saved when possible"

_Job = Callable[[Recorder], None]
_NOTHING = object()


class _Queued(NamedTuple):
    job: _Job
    counted: bool  # a write, counted as pending until the Recorder has it


class ResultsWriter:
    """Queue writes for a Recorder that lives on its own thread. No method blocks on the
    database except flush() and close(), which wait as long as they are told to."""

    def __init__(
        self,
        path: Path,
        open_recorder: Callable[[], Recorder],
        *,
        retry_every: float = RETRY_EVERY,
        slow_after: float = SLOW_AFTER,
        pause_at_most: float = PAUSE_AT_MOST,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self._open_recorder = open_recorder
        self._retry_every = retry_every
        self._slow_after = slow_after
        self._pause_at_most = pause_at_most
        self._clock = clock
        self._go_on = threading.Event()  # cleared while paused
        self._go_on.set()
        self._queue: queue.SimpleQueue[_Queued | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._queued = 0  # writes handed to submit() and not yet to the Recorder
        self._busy_since: float | None = None
        self._recorder: Recorder | None = None
        self._closed = False
        self._final: RecorderStatus | None = None
        self._thread = threading.Thread(target=self._run, name="quizgame-results", daemon=True)
        self._thread.start()
        # A daemon thread dies with the interpreter; make sure what is queued is written
        # first even if a caller forgets close().
        atexit.register(self.close)

    @classmethod
    def open(cls, db: Path | str | None = None, **kwargs: Any) -> ResultsWriter:
        """A writer for --db / QUIZGAME_DB / the default database. Returns at once: the
        database is opened on the writer thread."""
        path = resolve_db_path(db)
        return cls(path, lambda: Recorder.open(path), **kwargs)

    # -- writing ---------------------------------------------------------------------------

    def submit(self, job: _Job) -> None:
        """Queue a write, `job(recorder)`; jobs run one at a time in the order submitted."""
        self._put(job, counted=True)

    def _put(self, job: _Job, *, counted: bool) -> None:
        if self._closed:
            raise RuntimeError("the results writer is closed")
        if counted:
            with self._lock:
                self._queued += 1
        else:
            self.resume()  # a read or a flush waits for the writes before it: no pause
        self._queue.put(_Queued(job, counted))

    def pause(self) -> None:
        """Writes submitted from now on wait, queued, until resume(), a flush(), a query(),
        close(), or PAUSE_AT_MOST seconds. For a front end about to draw: this thread,
        woken by a write, would take turns with it for the interpreter (Python runs one
        thread at a time) and delay the frame by most of a millisecond. A queued write is
        as safe as one being written: close() writes it, and only a killed process loses it.
        A write already under way when this is called carries on."""
        self._go_on.clear()

    def resume(self) -> None:
        self._go_on.set()

    @property
    def paused(self) -> bool:
        return not self._go_on.is_set()

    def query(self, work: Callable[[Path], T]) -> Future[T]:
        """Run `work(path)` on the writer thread after everything queued before it, e.g. a
        read that must see the results an earlier run left in an unsaved file."""
        future: Future[T] = Future()

        def job(recorder: Recorder) -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(work(self.path))
            except BaseException as exc:  # handed to whoever waits on the future
                future.set_exception(exc)

        self._put(job, counted=False)
        return future

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything queued so far has been tried; False if `timeout` ran out."""
        if self._closed:
            return True
        done = threading.Event()

        def job(recorder: Recorder) -> None:
            recorder.flush()
            done.set()

        self._put(job, counted=False)
        return done.wait(timeout)

    def close(self, timeout: float | None = None) -> RecorderStatus:
        """Write everything queued, then let go of the database. Answers that still cannot
        be written go to the Recorder's unsaved file (see docs/results.md). Waits at most
        `timeout` seconds (None: as long as the Recorder's own retries take)."""
        if not self._closed:
            self._closed = True
            atexit.unregister(self.close)
            self.resume()
            self._queue.put(None)
        self._thread.join(timeout)
        return self.status

    # -- status ----------------------------------------------------------------------------

    @property
    def status(self) -> RecorderStatus:
        """Safe to read from any thread, at any time, without waiting."""
        if self._final is not None:
            return self._final
        recorder = self._recorder
        status = recorder.status if recorder is not None else RecorderStatus(True, "", 0)
        waiting = self._queued + status.pending
        busy = self._busy_since
        if status.ok and busy is not None and self._clock() - busy > self._slow_after:
            return RecorderStatus(
                False, f"waiting for the results database: {self.path} — {_KEPT}", waiting
            )
        return RecorderStatus(status.ok, status.message, waiting)

    @property
    def closed(self) -> bool:
        """close() was called (the writing may still be going on)."""
        return self._closed

    @property
    def done(self) -> bool:
        """The writer thread has finished: everything is written, or in an unsaved file."""
        return not self._thread.is_alive()

    # -- the thread ------------------------------------------------------------------------

    def _run(self) -> None:
        self._busy_since = self._clock()
        recorder = self._open_recorder()  # a Recorder never raises, even opening
        self._recorder = recorder
        self._busy_since = None
        carried: object = _NOTHING  # an item taken off the queue behind a batch, next in line
        while True:
            if carried is not _NOTHING:
                item, carried = carried, _NOTHING  # type: ignore[assignment]
            else:
                in_trouble = not recorder.status.ok or recorder.status.pending
                try:
                    item = self._queue.get(timeout=self._retry_every if in_trouble else None)
                except queue.Empty:
                    # Nothing new to write, but something old is waiting: try it again now
                    # rather than at the next answer, which may never come.
                    self._call(recorder, lambda r: r.flush(), counted=False)
                    continue
            if item is None:
                break
            assert isinstance(item, _Queued)
            if not item.counted:
                self._call(recorder, item.job, counted=False)
                continue
            # Paused: the writes wait here, and those that come meanwhile join the batch. A
            # pause nobody ended is over, not merely waited out once.
            if not self._go_on.wait(self._pause_at_most):
                self.resume()
            # Writes already waiting behind this one are written with it: a class's answers
            # arriving together cost one commit, not one each. A read or a flush waits for
            # them, and so comes after the batch.
            batch = [item]
            while len(batch) < BATCH:
                try:
                    following = self._queue.get_nowait()
                except queue.Empty:
                    break
                if following is None or not following.counted:
                    carried = following
                    break
                batch.append(following)
            if len(batch) == 1:
                self._call(recorder, item.job)
                continue
            hold = getattr(recorder, "hold", None)
            if hold is not None:
                hold()
            for queued in batch:
                self._call(recorder, queued.job)
            if hold is not None:
                self._call(recorder, lambda r: r.release(), counted=False)
        self._busy_since = self._clock()
        self._final = recorder.close()
        self._busy_since = None

    def _call(self, recorder: Recorder, job: _Job, *, counted: bool = True) -> None:
        self._busy_since = self._clock()
        try:
            job(recorder)
        except Exception:
            pass  # the Recorder never raises; a query's own errors went to its future
        finally:
            self._busy_since = None
            if counted:
                with self._lock:
                    self._queued -= 1
