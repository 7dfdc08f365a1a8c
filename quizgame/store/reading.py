"""What the report commands share: opening the database for reading, and saying what failed."""

from __future__ import annotations

import sys
from pathlib import Path

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


def no_results(path: Path, detail: str = "") -> int:
    print(f"no results yet{detail} (database: {path})")
    return EXIT_OK


def fail(message: str, code: int = EXIT_PROBLEMS) -> int:
    # Messages quote pack ids, names and file names: shown with visible escapes, never run.
    shown = "\n".join(escaped(line) for line in message.split("\n"))
    print(f"quizgame: {shown}", file=sys.stderr)
    return code
