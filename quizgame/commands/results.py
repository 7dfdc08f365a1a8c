"""`quizgame results`: past sessions as an 80-column table, newest first."""

from __future__ import annotations

import argparse

from quizgame.exits import EXIT_OK
from quizgame.store import SessionInfo, StoreError
from quizgame.store.reading import fail, no_results, open_for_report
from quizgame.store.table import format_table, local_time, number, percent

# A table to read, not a dump: a class's database soon holds thousands of sessions
# (`quizgame export` gives them all). --limit shows more.
DEFAULT_LIMIT = 50
HEADERS = ("PLAYER", "PACK", "MODE", "SCORE", "%", "DATE", "DONE")
ALIGN = "<<<>><<"


def _row(session: SessionInfo) -> list[str]:
    player = session.player + (" (team)" if session.player_kind == "team" else "")
    done = "yes" if session.finished else f"{session.answered}/{session.question_count}"
    return [
        player,
        session.pack_id,
        session.mode,
        f"{number(session.score)}/{number(session.max_score)}",
        percent(session.percent),
        local_time(session.started_at),
        done,
    ]


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
    except StoreError as exc:
        return fail(str(exc))
    if not sessions:
        filters = [
            f"pack {pack!r}" if pack else "",
            f"player {player!r}" if player else "",
            f"game {game!r}" if game else "",
        ]
        detail = " for " + " and ".join(f for f in filters if f) if pack or player or game else ""
        return no_results(path, detail)
    for line in format_table(HEADERS, [_row(s) for s in sessions], align=ALIGN, flex=(0, 1)):
        print(line)
    shown = len(sessions)
    if total > shown:
        print(
            f"\nthe {shown} most recent of {total} sessions; --limit N shows more "
            f"(database: {path})"
        )
    else:
        print(f"\n{shown} session{'s' if shown != 1 else ''} (database: {path})")
    return EXIT_OK
