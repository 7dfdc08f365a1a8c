"""What the report commands share: opening the database for reading, and saying what failed."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeVar

from quizgame.exits import EXIT_OK, EXIT_PROBLEMS
from quizgame.safe_text import escaped
from quizgame.store.store import ResultsStore, StoreMissing, resolve_db_path


def open_for_report(db: Path | None) -> tuple[Path, ResultsStore | None]:
    """The database named by --db / QUIZGAME_DB / the default, opened read-only, or None
    when there is no file yet (a report never creates one). Raises StoreError."""
    path = resolve_db_path(db)
    try:
        return path, ResultsStore.open(path, readonly=True)
    except StoreMissing:
        return path, None


T = TypeVar("T")


def to_stdout(write: Callable[[TextIO], T]) -> T:
    """Run `write` on standard output as UTF-8 with no newline translation (csv writes its
    own \\r\\n), whatever the locale."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        return write(sys.stdout)
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    try:
        return write(out)
    finally:
        out.flush()
        out.detach()


def no_results(path: Path, detail: str = "", *, file: TextIO | None = None) -> int:
    print(f"no results yet{detail} (database: {path})", file=file or sys.stdout)
    return EXIT_OK


def fail(message: str, code: int = EXIT_PROBLEMS) -> int:
    # Messages quote pack ids, names and file names: shown with visible escapes, never run.
    shown = "\n".join(escaped(line) for line in message.split("\n"))
    print(f"quizgame: {shown}", file=sys.stderr)
    return code
