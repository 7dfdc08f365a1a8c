"""`quizgame host PACK`: the projector, with the classroom's server on one port.

Everything that can go wrong before the game starts (an unknown pack, options that fit no
question, a port in use) is said here, on stderr, before Textual takes the terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizgame.exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
LIVE_TIME_LIMIT = 20.0


def _fail(message: str, code: int) -> int:
    print(f"quizgame host: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    from quizgame.engine import EngineError, ScoringOptions, SessionOptions
    from quizgame.engine.live import LiveGame
    from quizgame.engine.paced import PacedGame
    from quizgame.packs import PackError, load_pack
    from quizgame.packs.discovery import resolve_pack
    from quizgame.tui.config import random_seed

    extra_dirs: list[Path] = list(getattr(args, "packs", None) or [])
    try:
        pack = load_pack(resolve_pack(args.pack, extra_dirs))
    except PackError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_PROBLEMS
    except LookupError as error:
        return _fail(str(error.args[0] if error.args else error), EXIT_PROBLEMS)

    mode = args.mode
    limit = float(args.time_limit) if args.time_limit else (LIVE_TIME_LIMIT if mode == "live" else None)
    try:
        options = SessionOptions(
            seed=args.seed if args.seed is not None else random_seed(),
            sections=tuple(args.sections or ()),
            tags=tuple(args.tags or ()),
            count=args.count,
            time_limit=limit,
            mode="exam" if mode == "exam" else "practice",
            scoring=ScoringOptions(speed_bonus=args.speed_bonus, streak_bonus=args.streak_bonus),
        )
        if mode == "live":
            game: LiveGame | PacedGame = LiveGame(pack, options, max_players=args.max_players)
        else:
            game = PacedGame(pack, options, max_players=args.max_players)
    except EngineError as error:
        return _fail(str(error), EXIT_USAGE)

    from quizgame.live.server import bind

    try:
        sock = bind(args.port, lan=args.lan)
    except OSError as error:
        reason = "it is in use" if error.errno == 98 else (error.strerror or str(error))
        return _fail(f"cannot listen on port {args.port}: {reason}; pick another with --port", EXIT_PROBLEMS)
    return _host(args, pack, game, mode, sock)


def _host(args, pack, game, mode, sock) -> int:  # type: ignore[no-untyped-def]
    import signal

    from quizgame.live.classroom import Classroom
    from quizgame.live.guard import Limits, new_pin
    from quizgame.live.restart import find_unfinished
    from quizgame.live.server import LiveServer, lan_addresses
    from quizgame.saving import GameSaver
    from quizgame.store import new_id
    from quizgame.hangup import received
    from quizgame.tui.host import HostApp, HostConfig

    # From cli.main on, a signal is noted, not obeyed (quizgame.hangup): the saver opened
    # next is closed whatever comes.
    port = sock.getsockname()[1]
    db = getattr(args, "db", None)
    unfinished = find_unfinished(db, pack) if mode == "live" else None
    saver = GameSaver.open(db)
    classroom = Classroom(
        game, mode, pin=new_pin(), saver=saver, game_id=new_id(), limits=Limits(max_players=args.max_players)
    )
    addresses = lan_addresses(port) if args.lan else []
    addresses = addresses or [f"127.0.0.1:{port}"]
    app = HostApp(
        HostConfig(
            classroom=classroom,
            server=LiveServer(classroom),
            sock=sock,
            addresses=addresses,
            lan=args.lan,
            unfinished=unfinished,
            handle_signals=True,
        )
    )
    try:
        if received() is None:  # else SIGTERM or SIGHUP on the way here: nothing to show
            app.run()
    finally:
        sock.close()
        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)
        status = saver.close()
        if not status.ok and status.message:
            print(f"quizgame host: {status.message}", file=sys.stderr)
    return app.return_code or EXIT_OK
