"""What can go wrong with the results database, as one-line plain-English messages."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


class StoreError(Exception):
    """The results database cannot be used right now. str() is one line naming the file."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        self.path = path
        super().__init__(message)


class StoreLocked(StoreError):
    """Another program held the database past every retry."""


class StoreReadOnly(StoreError):
    """The file, its folder or the connection does not allow writing."""


class StoreFull(StoreError):
    """The disk (or the database's size limit) is full."""


class StoreCorrupt(StoreError):
    """The file is damaged, or is not a quizgame results database."""


class StoreOutdated(StoreError):
    """The database was written by an older quizgame: its schema must be upgraded, which
    takes writing to it."""


class StoreTooNew(StoreError):
    """The database was written by a newer quizgame whose schema this one does not know."""


class UnknownSession(LookupError):
    """An answer or a finish names a session that was never started: a caller's mistake."""


# Primary SQLite result codes (the low byte of the extended code Python reports).
_BUSY, _LOCKED = 5, 6
_READONLY, _PERM = 8, 3
_FULL = 13
_CORRUPT, _NOTADB = 11, 26
_CANTOPEN = 14
_IOERR = 10


def primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_busy(exc: sqlite3.Error) -> bool:
    code = primary_code(exc)
    if code is not None:
        return code in (_BUSY, _LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


def translate(exc: sqlite3.Error, path: Path) -> StoreError:
    """Turn a sqlite3 exception into the StoreError a player or teacher can act on."""
    code = primary_code(exc)
    text = str(exc)
    if code in (_BUSY, _LOCKED) or (code is None and "locked" in text):
        return StoreLocked(
            f"results database is locked by another program and stayed locked: {path}", path
        )
    if code in (_READONLY, _PERM) or "readonly" in text:
        return StoreReadOnly(f"results database is read-only: {path}", path)
    if code == _FULL or "full" in text:
        return StoreFull(f"results database is full (is the disk full?): {path}", path)
    if code in (_CORRUPT, _NOTADB) or "not a database" in text or "malformed" in text:
        return StoreCorrupt(
            f"results database is damaged or is not a quizgame database: {path}", path
        )
    if code == _CANTOPEN:
        if path.is_dir():
            return StoreError(f"results database path is a folder, not a file: {path}", path)
        if path.exists() and _on_read_only_disk(path):
            # A USB stick or share mounted read-only: SQLite cannot create the files it
            # reads a WAL database through, and says only that it cannot open it.
            return StoreReadOnly(f"results database is read-only: {path}", path)
        return StoreError(f"cannot open the results database: {path}", path)
    if code == _IOERR:
        return StoreError(f"disk error while using the results database: {path}", path)
    return StoreError(f"results database error ({text}): {path}", path)


def _on_read_only_disk(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False
