"""Opening SQLite connections and running transactions with bounded, jittered retries."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from quizgame.store.errors import is_busy, translate

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """How long to keep trying when another writer holds the database.

    Each attempt lets SQLite itself wait up to `busy_timeout` seconds; between attempts we
    back off exponentially (with jitter, so many waiting writers do not retry in lock-step)
    until `total` seconds have passed. The clock, sleep and randomness are injectable so tests
    of the give-up path take milliseconds.
    """

    busy_timeout: float = 10.0
    total: float = 30.0
    first_delay: float = 0.05
    max_delay: float = 2.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    rng: random.Random = field(default_factory=random.Random)


# Used by the Recorder for its opportunistic retries of queued writes between answers, so a
# still-locked database costs the player a moment, not half a minute, on every answer.
QUICK_RETRY = RetryPolicy(busy_timeout=0.2, total=0.5, first_delay=0.05, max_delay=0.2)


class Connector(Protocol):
    def __call__(self, path: Path, *, timeout: float, readonly: bool) -> sqlite3.Connection: ...


def default_connect(path: Path, *, timeout: float, readonly: bool) -> sqlite3.Connection:
    """Autocommit mode (isolation_level=None): we issue BEGIN IMMEDIATE / COMMIT ourselves.

    check_same_thread=False because the TUI may write from a worker thread; the store
    serialises use of the connection with its own lock.
    """
    if readonly:
        # mode=ro never creates the file and refuses every write, whoever we run as.
        return sqlite3.connect(
            path.resolve().as_uri() + "?mode=ro",
            uri=True,
            timeout=timeout,
            isolation_level=None,
            check_same_thread=False,
        )
    return sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)


def immutable_connect(path: Path, *, timeout: float, readonly: bool) -> sqlite3.Connection:
    """Read a database in a folder we may not write to. A WAL database normally needs to
    create its -shm file next to it, even to read; immutable=1 reads the file as it stands,
    without locks. Only for read-only reports, as a fallback."""
    return sqlite3.connect(
        path.resolve().as_uri() + "?mode=ro&immutable=1",
        uri=True,
        timeout=timeout,
        isolation_level=None,
        check_same_thread=False,
    )


def _rollback_quietly(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite may already have rolled back (e.g. after SQLITE_FULL)


def run_transaction(
    conn: sqlite3.Connection,
    work: Callable[[sqlite3.Connection], T],
    policy: RetryPolicy,
    path: Path,
    *,
    write: bool = True,
) -> T:
    """Run `work` in one transaction, retrying the whole of it while the database is busy.

    Writes take the write lock up front (BEGIN IMMEDIATE): a deferred transaction that tries
    to upgrade to a writer mid-way can fail with SQLITE_BUSY without the busy handler being
    consulted. Retrying the whole transaction is safe because every write is idempotent.
    Raises a StoreError for database trouble; other exceptions from `work` pass through.
    """

    def attempt() -> T:
        _rollback_quietly(conn)
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            result = work(conn)
            conn.execute("COMMIT")
        except BaseException:
            _rollback_quietly(conn)
            raise
        return result

    return retry_busy(attempt, policy, path)


def retry_busy(action: Callable[[], T], policy: RetryPolicy, path: Path) -> T:
    """Call `action` until it stops failing with SQLITE_BUSY/LOCKED or time runs out."""
    deadline = policy.clock() + policy.total
    delay = policy.first_delay
    while True:
        try:
            return action()
        except sqlite3.Error as exc:
            remaining = deadline - policy.clock()
            if not is_busy(exc) or remaining <= 0:
                raise translate(exc, path) from exc
            policy.sleep(min(delay * (0.5 + 0.5 * policy.rng.random()), remaining))
            delay = min(delay * 2, policy.max_delay)
