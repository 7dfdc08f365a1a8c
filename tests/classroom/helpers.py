"""Shared pieces for the classroom tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from quizgame.store import RetryPolicy
from fakes import FakeClock  # noqa: F401  (shared; re-exported for this package's tests)
from on_screen import screen_lines, screen_text, shows, until_screen  # noqa: F401  (re-exported)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LIGHTHOUSE = FIXTURES / "lighthouse.yaml"


def fast_retry(total: float = 0.3) -> RetryPolicy:
    """Gives up on a locked database within a fraction of a second."""
    return RetryPolicy(busy_timeout=0.05, total=total, first_delay=0.01, max_delay=0.05)


def right_answer(prepared) -> object:
    """The response that is fully right for a PreparedQuestion."""
    question = prepared.question
    if question.type == "multiple":
        return frozenset(question.answers)
    if question.type == "short":
        return question.accept[0]
    return question.answer


def wrong_answer(prepared) -> object:
    question = prepared.question
    if question.type == "true_false":
        return not question.answer
    if question.type == "single":
        return next(c for c in prepared.choices if c != question.answer)
    if question.type == "multiple":
        return frozenset(c for c in prepared.choices if c not in question.answers)
    return "definitely not this"


def wait_until(check: Callable[[], object], timeout: float = 10.0, what: str = "") -> object:
    """Poll `check` until it returns something true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or check}")
        time.sleep(0.02)


def keys_for(prepared, right: bool) -> list[str]:
    """Key presses answering a lighthouse question (true/false or single choice)."""
    question = prepared.question
    if question.type == "true_false":
        return ["t" if question.answer == right else "f"]
    wanted = question.answer if right else next(c for c in prepared.choices if c != question.answer)
    return [str(prepared.choices.index(wanted) + 1)]


async def settle(pilot, until: Callable[[], object] | None = None, timeout: float = 10.0) -> None:
    """Let the app catch up; with `until`, wait (in app time) until it holds."""
    await pilot.pause()
    if until is None:
        return
    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {until}")
        await pilot.pause(0.02)


def build_saver(path: Path, connect=None, *, retry_every: float = 0.05, now=None, **writer_kw):
    """A GameSaver on `path` whose Recorder gives up on a locked file in a fraction of a
    second; `connect` swaps in a connection maker (read-only, full...)."""
    from quizgame.saving import GameSaver, ResultsWriter
    from quizgame.store import Recorder, ResultsStore
    from quizgame.store.connection import default_connect

    connect = connect or default_connect
    writer = ResultsWriter(
        path,
        lambda: Recorder(
            lambda policy: ResultsStore.open(path, retry=policy, connect=connect),
            path,
            retry=fast_retry(),
            quick_retry=fast_retry(0.1),
            rescue_dirs=(path.parent / "unsaved",),
        ),
        retry_every=retry_every,
        **writer_kw,
    )
    return GameSaver(writer) if now is None else GameSaver(writer, now=now)


def wall_time(clock: FakeClock):
    """The time of day, moving with `clock`: what a saver stores deadlines in."""
    import datetime as dt

    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
    return lambda: start + dt.timedelta(seconds=clock())


def lock_database(path: Path):
    """Create the results database at `path` and hold a write lock on it, as another
    program would; the caller releases it with ROLLBACK and close()."""
    import sqlite3

    from quizgame.store import ResultsStore

    with ResultsStore.open(path):
        pass
    blocker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    return blocker
