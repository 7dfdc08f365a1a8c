"""`quizgame results`: past sessions as an 80-column table, newest first, and the conditions
each was played under."""

from __future__ import annotations

import argparse
import textwrap

from quizgame.exits import EXIT_OK, EXIT_USAGE
from quizgame.store import SessionInfo, StoreError
from quizgame.store.reading import fail, no_results, open_for_report
from quizgame.store.table import WIDTH, clean, format_table, local_time, number

# A table to read, not a dump: a class's database soon holds thousands of sessions
# (`quizgame export` gives them all). --limit shows more.
DEFAULT_LIMIT = 50
HEADERS = ("PLAYER", "PACK", "RUN", "SCORE", "%", "DATE", "DONE")
ALIGN = "<<<>><<"


def _label(n: int) -> str:
    """A, B, ... Z, AA, AB, ...: a short key to the conditions listed under the table."""
    label = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def _row(session: SessionInfo, run: str) -> list[str]:
    player = session.player + (" (team)" if session.player_kind == "team" else "")
    done = "yes" if session.finished else f"{session.answered}/{session.question_count}"
    figures = session.tally
    return [
        player,
        session.pack_id,
        run,
        f"{number(figures.score)}/{number(figures.max_score)}",
        figures.percent_text,
        local_time(session.started_at),
        done,
    ]


def _unknown_pack(pack: str) -> bool:
    """Whether no pack file has this id either: then it is a mistake, not "no results yet".
    Asked only when the database has nothing for it, so a report never loads packs."""
    from quizgame.packs import PackError
    from quizgame.packs.discovery import resolve_pack

    try:
        resolve_pack(pack)
    except LookupError:
        return True
    except PackError:  # a pack file of that name, broken: a pack all the same
        return False
    return False


def run(args: argparse.Namespace) -> int:
    pack = getattr(args, "pack", None)
    player = getattr(args, "player", None)
    game = getattr(args, "game", None)
    try:
        path, store = open_for_report(args.db)
        if store is None:
            return no_results(path)
        limit = args.limit if args.limit is not None else DEFAULT_LIMIT
        with store:
            sessions = store.sessions(pack_id=pack, player=player, limit=limit, game_id=game)
            total = (
                store.count_sessions(pack_id=pack, player=player, game_id=game)
                if len(sessions) == limit
                else len(sessions)
            )
            known = store.pack_ids() if pack and not sessions else []
    except StoreError as exc:
        return fail(str(exc))
    if not sessions:
        if pack and pack not in known and _unknown_pack(pack):
            have = f"; packs with results: {', '.join(known)}" if known else ""
            return fail(f"no such pack: {pack!r}{have} (see 'quizgame packs')", EXIT_USAGE)
        filters = [
            f"pack {pack!r}" if pack else "",
            f"player {player!r}" if player else "",
            f"game {game!r}" if game else "",
        ]
        detail = " for " + " and ".join(f for f in filters if f) if pack or player or game else ""
        return no_results(path, detail)
    runs: dict[str, str] = {}  # conditions -> label, in order of first appearance
    rows = []
    for session in sessions:
        text = session.conditions.text
        label = runs.setdefault(text, _label(len(runs)))
        rows.append(_row(session, label))
    for line in format_table(HEADERS, rows, align=ALIGN, flex=(0, 1)):
        print(line)
    print()
    for text, label in runs.items():
        print(
            textwrap.fill(
                clean(text), WIDTH, initial_indent=f"{label:>3}  ", subsequent_indent=" " * 5
            )
        )
    print(
        "\nSCORE includes bonuses; % is of the questions answered, streak bonus left out."
    )
    shown = len(sessions)
    if total > shown:
        print(
            f"the {shown} most recent of {total} sessions; --limit N shows more "
            f"(database: {path})"
        )
    else:
        print(f"{shown} session{'s' if shown != 1 else ''} (database: {path})")
    return EXIT_OK
