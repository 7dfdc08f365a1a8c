"""Schema versions: creating, migrating, and refusing databases we must not touch."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quizgame.store import CURRENT_VERSION, ResultsStore, StoreCorrupt, StoreTooNew
from quizgame.store.schema import APPLICATION_ID, apply_migrations, user_version

from .helpers import fast_retry, play


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {row[0] for row in rows}
    finally:
        conn.close()


def _pragma(path: Path, name: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def test_new_database_is_created_at_the_current_version(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "folder" / "results.sqlite3"
    with ResultsStore.open(path):
        pass
    assert path.is_file()
    assert _pragma(path, "user_version") == CURRENT_VERSION >= 1
    assert _pragma(path, "application_id") == APPLICATION_ID
    assert _pragma(path, "journal_mode") == "wal"
    assert {"players", "sessions", "answers"} <= _tables(path)


def test_empty_v0_file_migrates_to_current(db_path: Path) -> None:
    db_path.write_bytes(b"")  # a zero-byte file is a valid, empty, version-0 database
    assert _pragma(db_path, "user_version") == 0
    with ResultsStore.open(db_path) as store:
        play(store)
        assert len(store.sessions()) == 1
    assert _pragma(db_path, "user_version") == CURRENT_VERSION


def test_reopening_does_not_migrate_again(db_path: Path) -> None:
    with ResultsStore.open(db_path) as store:
        play(store)
    with ResultsStore.open(db_path) as store:
        assert len(store.sessions()) == 1


def test_database_from_a_newer_version_is_refused_clearly(db_path: Path) -> None:
    with ResultsStore.open(db_path):
        pass
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 3}")
    conn.close()
    for readonly in (False, True):
        with pytest.raises(StoreTooNew) as caught:
            ResultsStore.open(db_path, readonly=readonly)
        message = str(caught.value)
        assert "newer quizgame" in message and str(db_path) in message
        assert f"schema {CURRENT_VERSION + 3}" in message and "\n" not in message
    assert _pragma(db_path, "user_version") == CURRENT_VERSION + 3  # left alone


def test_another_programs_sqlite_file_is_refused_and_left_alone(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreCorrupt, match="not a quizgame results database"):
        ResultsStore.open(db_path)
    assert _tables(db_path) == {"contacts"}


def test_a_failing_migration_leaves_the_old_version(db_path: Path) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("simulated failure in the middle of a migration")

    conn = sqlite3.connect(db_path, isolation_level=None)
    steps = [("CREATE TABLE first (x)",), broken]
    conn.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError):
        apply_migrations(conn, db_path, steps)
    conn.execute("ROLLBACK")
    assert user_version(conn) == 0
    assert _tables(db_path) == set()
    conn.execute("BEGIN IMMEDIATE")
    assert apply_migrations(conn, db_path, [("CREATE TABLE first (x)",)]) == 1
    conn.execute("COMMIT")
    assert user_version(conn) == 1 and _tables(db_path) == {"first"}
    conn.close()


def test_migrations_apply_in_order_from_any_version(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    steps = [
        ("CREATE TABLE t (x)",),
        ("INSERT INTO t VALUES ('two')",),
        lambda c: c.execute("INSERT INTO t VALUES ('three')"),
    ]
    conn.execute("BEGIN IMMEDIATE")
    apply_migrations(conn, db_path, steps[:1])
    conn.execute("COMMIT")
    conn.execute("BEGIN IMMEDIATE")
    assert apply_migrations(conn, db_path, steps) == 3
    conn.execute("COMMIT")
    assert [row[0] for row in conn.execute("SELECT x FROM t")] == ["two", "three"]
    conn.close()


def test_open_uses_wal_full_sync_and_foreign_keys(db_path: Path) -> None:
    with ResultsStore.open(db_path, retry=fast_retry()) as store:
        conn = store.connection
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 50
