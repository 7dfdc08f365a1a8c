"""`quizgame export`: every stored answer as CSV or JSON, one row per player per question."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TextIO

from quizgame.atomic import atomic_write, user_file_mode
from quizgame.exits import EXIT_OK, EXIT_USAGE
from quizgame.safe_text import safe_text
from quizgame.store import StoreError
from quizgame.store.exporting import write_csv, write_json
from quizgame.store.reading import fail, open_for_report, to_stdout


def _shown(rows: Iterable[Sequence[object]]) -> Iterator[list[object]]:
    for row in rows:
        yield [safe_text(cell) if isinstance(cell, str) else cell for cell in row]


def run(args: argparse.Namespace) -> int:
    pack = getattr(args, "pack", None)
    player = getattr(args, "player", None)
    game = getattr(args, "game", None)
    try:
        path, store = open_for_report(args.db)
    except StoreError as exc:
        return fail(str(exc))
    target = args.output.expanduser() if args.output is not None else None
    # Read on a terminal, CSV cells are text on a screen: names and answers shown safe there,
    # exact in a file or a pipe. (JSON always escapes what a terminal would run.)
    on_terminal = target is None and sys.stdout.isatty()

    def write(handle: TextIO) -> int:
        if args.format == "json":
            rows = store.export_rows(pack_id=pack, player=player, game_id=game) if store else iter(())
            return write_json(rows, handle, filters={"pack": pack, "player": player, "game": game})
        cells = store.spreadsheet_rows(pack_id=pack, player=player, game_id=game) if store else iter(())
        return write_csv(_shown(cells) if on_terminal else cells, handle)

    try:
        if target is None:
            count = to_stdout(write)
        elif target.is_dir():
            return fail(f"cannot write the export: {target} is a folder", EXIT_USAGE)
        elif not target.parent.is_dir():
            return fail(f"cannot write the export: no such folder: {target.parent}", EXIT_USAGE)
        else:
            count = atomic_write(target, write, newline="", mode=user_file_mode(target))
    except StoreError as exc:
        return fail(str(exc))
    except BrokenPipeError:
        raise
    except OSError as exc:
        return fail(f"cannot write the export to {target}: {exc.strerror or exc}")
    finally:
        if store is not None:
            store.close()
    # Notes go to stderr when the export itself is on stdout.
    note = sys.stdout if target is not None else sys.stderr
    if store is None:
        print(f"no results yet (database: {path})", file=note)
    elif count == 0:
        print(f"no answers matched (database: {path})", file=note)
    if target is not None:
        print(f"wrote {count} answer{'s' if count != 1 else ''} to {target}")
    return EXIT_OK
