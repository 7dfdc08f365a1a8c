"""A database that is locked, read-only, damaged or full: a clear error from the store, and
from the Recorder no error at all, answers kept in order in memory until the trouble clears."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from quizgame.store import (
    Recorder,
    RecorderStatus,
    ResultsStore,
    RetryPolicy,
    StoreCorrupt,
    StoreFull,
    StoreLocked,
    StoreReadOnly,
)
from quizgame.store.connection import default_connect

from .helpers import answer, count_rows, fast_retry, play, session, stamp

KEPT = "answers are kept in memory and will be saved when possible"


def recorder_for(path: Path, connect=default_connect, **kw) -> Recorder:
    return Recorder(
        lambda policy: ResultsStore.open(path, retry=policy, connect=connect),
        path,
        retry=fast_retry(),
        quick_retry=fast_retry(0.1),
        rescue_dirs=(path.parent / "unsaved",),
        **kw,
    )


def log_writes(path: Path) -> None:
    """Record the order answers reach the file, to check queued answers keep their order."""
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE write_log (seq INTEGER PRIMARY KEY, question_id TEXT);"
        "CREATE TRIGGER log_answer AFTER INSERT ON answers "
        "BEGIN INSERT INTO write_log (question_id) VALUES (new.question_id); END;"
    )
    conn.close()


def written_order(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT question_id FROM write_log ORDER BY seq")]
    finally:
        conn.close()


def one_line(message: str, path: Path) -> None:
    assert "\n" not in message and str(path) in message


# -- locked ------------------------------------------------------------------------------


@pytest.fixture
def blocker(db_path: Path) -> Iterator[sqlite3.Connection]:
    with ResultsStore.open(db_path):
        pass  # create it
    conn = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    yield conn
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.close()


@pytest.mark.parametrize("how", ["IMMEDIATE", "EXCLUSIVE"])
def test_store_gives_up_on_a_lock_held_past_the_retries(db_path: Path, blocker, how: str) -> None:
    sleeps: list[float] = []
    policy = RetryPolicy(busy_timeout=0.02, total=0.4, first_delay=0.01, max_delay=0.1,
                         sleep=lambda s: (sleeps.append(s), time.sleep(s)))
    with ResultsStore.open(db_path, retry=policy) as store:
        record = session()
        store.start_session(record)
        blocker.execute(f"BEGIN {how}")
        began = time.monotonic()
        with pytest.raises(StoreLocked) as caught:
            store.record_answer(answer(record.session_id))
        assert time.monotonic() - began < 3
        one_line(str(caught.value), db_path)
        assert "locked" in str(caught.value)
        assert len(sleeps) >= 2 and sleeps[1] > sleeps[0] * 0.5  # backed off, more than once
        assert not store.connection.in_transaction
        blocker.execute("COMMIT")
        assert store.record_answer(answer(record.session_id)) is True
    assert count_rows(db_path) == 1


def test_store_waits_out_a_short_lock(db_path: Path, blocker) -> None:
    import threading

    with ResultsStore.open(db_path, retry=fast_retry(total=5)) as store:
        record = session()
        store.start_session(record)
        blocker.execute("BEGIN IMMEDIATE")
        threading.Timer(0.3, lambda: blocker.execute("COMMIT")).start()
        assert store.record_answer(answer(record.session_id)) is True


def test_recorder_keeps_answers_while_locked_then_saves_them_in_order(
    db_path: Path, blocker
) -> None:
    log_writes(db_path)
    recorder = recorder_for(db_path)
    record = session()
    assert recorder.start_session(record).ok
    assert recorder.record(answer(record.session_id, 1)).ok
    blocker.execute("BEGIN EXCLUSIVE")
    for n in (2, 3, 4):
        status = recorder.record(answer(record.session_id, n))  # never raises
    assert not status.ok and status.pending == 3
    assert "locked" in status.message and status.message.endswith(KEPT)
    assert "\n" not in status.message
    assert recorder.flush().pending == 3  # still locked: still kept
    blocker.execute("COMMIT")
    status = recorder.record(answer(record.session_id, 5))
    assert status.ok and status.pending == 0 and "saved again" in status.message
    assert recorder.record(answer(record.session_id, 6)) == RecorderStatus(True, "", 0)
    assert written_order(db_path) == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert recorder.close().ok


# -- read-only ---------------------------------------------------------------------------


def ro_connect(path: Path, *, timeout: float, readonly: bool) -> sqlite3.Connection:
    # chmod cannot stop root (tests may run as root in containers), so we open the file
    # through SQLite's read-only mode instead: the same SQLITE_READONLY error a read-only
    # file gives an ordinary user.
    return default_connect(path, timeout=timeout, readonly=True)


def test_store_reports_a_read_only_database(db_path: Path) -> None:
    with ResultsStore.open(db_path) as store:
        record = play(store, finish=False)
    with ResultsStore.open(db_path, connect=ro_connect, retry=fast_retry()) as store:
        assert len(store.sessions()) == 1  # reading still works
        with pytest.raises(StoreReadOnly) as caught:
            store.record_answer(answer(record.session_id, 9))
    assert str(caught.value) == f"results database is read-only: {db_path}"
    assert count_rows(db_path) == 4


@pytest.fixture
def read_only_disk(tmp_path: Path) -> Iterator[Callable[[], None]]:
    """A folder on a disk of its own (a small tmpfs); calling what it yields mounts that
    disk read-only, as a USB stick or a share can be. Skipped where nothing may be mounted."""
    folder = tmp_path / "stick"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a disk here")
    try:
        yield lambda: subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_database_on_a_read_only_disk_is_read_and_never_written(tmp_path: Path, read_only_disk, capsys) -> None:
    from quizgame.cli import main
    from quizgame.store import StoreOutdated

    from .helpers import as_version_2

    current, older = tmp_path / "stick" / "results.sqlite3", tmp_path / "stick" / "old.sqlite3"
    with ResultsStore.open(current) as store:
        play(store, finish=False)
    as_version_2(older)
    read_only_disk()

    with ResultsStore.open(current, readonly=True) as store:  # a report reads it
        assert len(store.sessions()) == 1
    assert main(["results", "--db", str(current)]) == 0
    assert f"1 session (database: {current})" in capsys.readouterr().out
    with pytest.raises(StoreReadOnly) as caught:  # the game is told why it cannot save
        ResultsStore.open(current, retry=fast_retry())
    assert str(caught.value) == f"results database is read-only: {current}"
    with pytest.raises(StoreOutdated, match="cannot be upgraded here, as it cannot be written"):
        ResultsStore.open(older, readonly=True)


CHMOD_CHILD = """
import os, sys
from pathlib import Path
from quizgame.store import AnswerRecord, Recorder, ResultsStore, RetryPolicy, StoreError
folder = Path(sys.argv[1]); path = folder / "results.sqlite3"; session_id = sys.argv[2]
quick = RetryPolicy(busy_timeout=0.05, total=0.1)
try:
    with ResultsStore.open(path, retry=quick) as store:
        store.record_answer(AnswerRecord(session_id, "q9", 9, "x", True, 1.0, 1, 1, 1.0))
    print("wrote")
except StoreError as exc:
    print(type(exc).__name__, exc)
with ResultsStore.open(path, readonly=True) as store:
    print("read", len(store.sessions()))
recorder = Recorder.open(path, retry=quick, quick_retry=quick)
print(recorder.record(AnswerRecord(session_id, "q9", 9, "x", True, 1.0, 1, 1, 1.0)).pending)
os.chmod(folder, 0o755); os.chmod(path, 0o644)  # the owner makes it writable again
print(recorder.flush().ok, recorder.close().ok)
"""


def test_chmod_read_only_for_an_ordinary_user(request: pytest.FixtureRequest) -> None:
    """The real thing: file 0444 in a folder 0555. Root ignores permissions, so as root the
    check runs in a child process that has dropped to the unprivileged "nobody" user."""
    import subprocess
    import sys
    import tempfile

    # Not under tmp_path: pytest's folders are private to root, out of the other user's reach.
    folder = Path(tempfile.mkdtemp(prefix="quizgame-ro-"))
    request.addfinalizer(lambda: shutil.rmtree(folder, ignore_errors=True))
    path = folder / "results.sqlite3"
    with ResultsStore.open(path) as store:
        record = play(store, finish=False)
    drop: dict = {}
    if os.geteuid() == 0:
        os.chown(folder, 65534, 65534)
        for file in folder.iterdir():
            os.chown(file, 65534, 65534)
        drop = {"user": 65534, "group": 65534, "extra_groups": []}
    os.chmod(path, 0o444)
    os.chmod(folder, 0o555)
    env = {**os.environ, "QUIZGAME_DATA_DIR": str(folder / "data")}
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHMOD_CHILD, str(folder), record.session_id],
            capture_output=True, text=True, env=env, timeout=60, **drop,
        )
    except PermissionError:
        pytest.skip("cannot run a process as an unprivileged user here")
    finally:
        os.chmod(folder, 0o755)
        os.chmod(path, 0o644)
    if done.returncode != 0 and "Permission denied" in done.stderr and drop:
        pytest.skip("the unprivileged user cannot reach the interpreter or the code")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"StoreReadOnly results database is read-only: {path}",
        "read 1",
        "1",
        "True True",
    ]
    assert count_rows(path) == 5


def test_recorder_keeps_answers_while_read_only(db_path: Path) -> None:
    with ResultsStore.open(db_path):
        pass
    log_writes(db_path)
    state = {"readonly": True}

    def switchable(path: Path, *, timeout: float, readonly: bool) -> sqlite3.Connection:
        return default_connect(path, timeout=timeout, readonly=readonly or state["readonly"])

    recorder = recorder_for(db_path, connect=switchable)
    assert recorder.status.ok  # opening for reading works; the first write will tell
    record = session()
    recorder.start_session(record)
    for n in (1, 2):
        status = recorder.record(answer(record.session_id, n))
    # The status line counts answers, not the session's start: two answers are waiting.
    assert not status.ok and status.pending == 2
    assert status.message == f"results database is read-only: {db_path} — {KEPT}"
    assert count_rows(db_path, "sessions") == 0
    state["readonly"] = False
    assert recorder.flush() == recorder.status
    assert recorder.status.ok and recorder.status.pending == 0
    assert written_order(db_path) == ["q1", "q2"]
    recorder.close()


# -- damaged -----------------------------------------------------------------------------


def test_store_reports_a_damaged_file(db_path: Path) -> None:
    db_path.write_bytes(b"this is not a database at all" * 200)
    for readonly in (False, True):
        with pytest.raises(StoreCorrupt) as caught:
            ResultsStore.open(db_path, readonly=readonly)
        assert str(caught.value) == (
            f"results database is damaged or is not a quizgame database: {db_path}"
        )
    assert db_path.read_bytes().startswith(b"this is not")  # never "repaired" by overwriting


def test_a_flush_with_nothing_to_write_does_not_say_saved_again(db_path: Path) -> None:
    db_path.write_bytes(os.urandom(8192))
    recorder = recorder_for(db_path)  # nothing asked of it yet: a game before its first answer
    before = recorder.status
    assert not before.ok and before.pending == 0
    assert recorder.flush() == before  # the file is as damaged as it was
    recorder.close()


def test_recorder_keeps_answers_while_damaged_then_saves_them(db_path: Path) -> None:
    garbage = os.urandom(8192)
    db_path.write_bytes(garbage)
    recorder = recorder_for(db_path)
    assert not recorder.status.ok and "damaged" in recorder.status.message
    record = session()
    recorder.start_session(record)
    status = recorder.record(answer(record.session_id, 1))
    assert not status.ok and status.pending == 1 and status.message.endswith(KEPT)
    assert db_path.read_bytes() == garbage
    db_path.rename(db_path.with_suffix(".damaged"))  # the teacher moves the bad file aside
    status = recorder.record(answer(record.session_id, 2))
    assert status.ok and status.pending == 0
    with ResultsStore.open(db_path, readonly=True) as store:
        assert [a.question_id for a in store.session_answers(record.session_id)] == ["q1", "q2"]
    recorder.close()


# -- full --------------------------------------------------------------------------------


def full_connect(state: dict) -> object:
    def connect(path: Path, *, timeout: float, readonly: bool) -> sqlite3.Connection:
        conn = default_connect(path, timeout=timeout, readonly=readonly)
        if state["full"]:
            # The file may not grow past its current size: the same SQLITE_FULL a full disk gives.
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    return connect


def test_store_reports_a_full_database(db_path: Path) -> None:
    with ResultsStore.open(db_path) as store:
        record = play(store, finish=False)
    with ResultsStore.open(db_path, connect=full_connect({"full": True})) as store:
        with pytest.raises(StoreFull) as caught:
            for n in range(10, 5000):
                store.record_answer(answer(record.session_id, n, response="x" * 200))
        assert str(caught.value) == f"results database is full (is the disk full?): {db_path}"
        stored = count_rows(db_path)
        info = store.get_session(record.session_id)
        assert info.answered == stored  # the failed answer left no half-written trace


def test_recorder_keeps_answers_while_full_then_saves_them(db_path: Path) -> None:
    with ResultsStore.open(db_path) as store:
        record = play(store, finish=False)
    state = {"full": True}
    recorder = recorder_for(db_path, connect=full_connect(state))
    given = 0
    for n in range(10, 5000):
        given += 1
        if not recorder.record(answer(record.session_id, n, response="x" * 200)).ok:
            break
    assert not recorder.status.ok and "full" in recorder.status.message
    for n in range(5000, 5005):
        given += 1
        recorder.record(answer(record.session_id, n))
    assert recorder.status.pending >= 6
    state["full"] = False
    assert recorder.flush().ok
    assert count_rows(db_path) == 4 + given
    recorder.close()


# -- ambiguous failures and mistakes -----------------------------------------------------


class _CommitThenFail(sqlite3.Connection):
    """Commits, then reports "database is locked" once: the ambiguous failure a retry meets."""

    tripped = False

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        cursor = super().execute(sql, *args)
        if sql == "COMMIT" and self.armed and not _CommitThenFail.tripped:
            _CommitThenFail.tripped = True
            error = sqlite3.OperationalError("database is locked")
            raise error
        return cursor

    armed = False


def test_write_retried_after_an_ambiguous_failure_is_not_duplicated(db_path: Path) -> None:
    def connect(path: Path, *, timeout: float, readonly: bool) -> sqlite3.Connection:
        return sqlite3.connect(path, timeout=timeout, isolation_level=None,
                               check_same_thread=False, factory=_CommitThenFail)

    _CommitThenFail.tripped = False
    with ResultsStore.open(db_path, connect=connect, retry=fast_retry()) as store:
        record = session()
        store.start_session(record)
        store.connection.armed = True  # type: ignore[attr-defined]
        assert store.record_answer(answer(record.session_id, 1)) is False  # already there
        assert _CommitThenFail.tripped
        info = store.get_session(record.session_id)
        assert (info.answered, info.score) == (1, 20.0)
    assert count_rows(db_path) == 1


def test_recorder_sets_aside_a_callers_mistake_and_carries_on(db_path: Path) -> None:
    recorder = recorder_for(db_path)
    record = session()
    recorder.start_session(record)
    status = recorder.record(answer("never-started", 1))
    assert not status.ok and "could not be saved" in status.message and status.pending == 1
    recorder.record(answer(record.session_id, 1))
    assert count_rows(db_path) == 1
    closing = recorder.close()
    assert "written to" in closing.message
    (unsaved,) = (db_path.parent / "unsaved").glob("quizgame-unsaved-*.jsonl")
    assert "never-started" in unsaved.read_text()


def test_recorder_never_raises_even_if_opening_blows_up(db_path: Path) -> None:
    def opener(policy: RetryPolicy) -> ResultsStore:
        raise RuntimeError("disk on fire")

    recorder = Recorder(opener, db_path, retry=fast_retry(), quick_retry=fast_retry(0.1),
                        rescue_dirs=(db_path.parent / "unsaved",))
    assert not recorder.status.ok and "disk on fire" in recorder.status.message
    record = session()
    # Only answers are results: a session started and nothing answered yet is none.
    assert recorder.start_session(record).pending == 0
    assert recorder.record(answer(record.session_id)).pending == 1
    assert recorder.flush().pending == 1
    status = recorder.close()
    assert status.pending == 0 and "1 unsaved result(s) written to" in status.message


def test_queued_answer_keeps_the_time_it_was_given(db_path: Path, blocker) -> None:
    given = [stamp(), stamp()]
    times = iter(given)
    recorder = recorder_for(db_path, now=lambda: next(times, "2099-01-01T00:00:00.000+00:00"))
    record = session(started_at=None)
    recorder.start_session(record)
    blocker.execute("BEGIN IMMEDIATE")
    recorder.record(answer(record.session_id, 1))
    blocker.execute("COMMIT")
    recorder.flush()
    recorder.close()
    with ResultsStore.open(db_path, readonly=True) as store:
        info = store.get_session(record.session_id)
        (stored,) = store.session_answers(record.session_id)
    assert (info.started_at, stored.answered_at) == (given[0], given[1])


def test_a_database_created_meanwhile_is_not_taken_for_another_programs(tmp_path: Path) -> None:
    """Thirty students opening a new class database at once: another process may create the
    tables while this one looks at the file. The look must be one snapshot, or a version of 0
    read before and tables read after make a new quizgame database look foreign."""
    from quizgame.store import schema

    path = tmp_path / "class.sqlite3"
    sqlite3.connect(path).close()  # the empty file, as the first of them makes it
    conn = sqlite3.connect(path, isolation_level=None)

    class OtherProcessBetweenStatements:
        statements = 0

        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
            self.statements += 1
            if self.statements == 2:  # another student's quizgame creates the tables now
                ResultsStore.open(path).close()
            return conn.execute(sql, *args)

    try:
        assert schema.check_version(OtherProcessBetweenStatements(), path) == 0  # type: ignore[arg-type]
    finally:
        conn.close()
    with ResultsStore.open(path) as store:  # and the database is quizgame's
        assert store.sessions() == []
