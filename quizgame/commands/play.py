"""`quizgame play PACK`: straight to the first question.

Everything that can go wrong before the game starts (unknown pack, a pack with problems,
options that fit no question) is reported here, on stderr, without starting Textual.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizgame.exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE


def _fail(message: str, code: int) -> int:
    from quizgame.safe_text import escaped

    print(f"quizgame play: {escaped(message)}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    import gc

    # No collections on the way to the first question: start-up allocates a great deal
    # that lives for the whole game, and collecting it again and again only delays the
    # first paint (~25 ms). The app turns collection back on once the question is drawn.
    gc.disable()
    try:
        return _run(args)
    finally:
        gc.enable()


def _run(args: argparse.Namespace) -> int:
    from quizgame.engine import EngineError, QuizSession, ScoringOptions, SessionOptions
    from quizgame.packs import PackError, load_pack
    from quizgame.packs.discovery import resolve_pack
    from quizgame.tui.config import AppConfig, random_seed

    extra_dirs: list[Path] = list(getattr(args, "packs", None) or [])
    try:
        path = resolve_pack(args.pack, extra_dirs)
        pack = load_pack(path)
    except PackError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_PROBLEMS
    except LookupError as error:  # no such pack file, or no pack with that id
        return _fail(str(error.args[0] if error.args else error), EXIT_USAGE)

    shuffle = True if args.shuffle is None else args.shuffle
    try:
        options = SessionOptions(
            seed=args.seed if args.seed is not None else random_seed(),
            shuffle_questions=shuffle,
            shuffle_choices=shuffle,
            sections=tuple(args.sections or ()),
            tags=tuple(args.tags or ()),
            count=args.count,
            time_limit=float(args.time_limit) if args.time_limit else None,
            mode=args.mode or "practice",
            scoring=ScoringOptions(speed_bonus=args.speed_bonus, streak_bonus=args.streak_bonus),
        )
        # Built once here so options that fit no question fail before the screen changes.
        QuizSession(pack, options)
    except EngineError as error:
        return _fail(str(error), EXIT_USAGE)

    from quizgame.engine.names import InvalidName, check_name

    try:
        player = check_name(args.player) if args.player is not None else None
    except InvalidName as error:
        return _fail(f"the player name given with --player cannot be used: {error}", EXIT_USAGE)

    from quizgame.settings import SettingsFile
    from quizgame.tui.run import run_game

    settings = SettingsFile.default()
    config = AppConfig(
        extra_pack_dirs=tuple(extra_dirs),
        start_pack=pack,
        options=options,
        # Without --player, the game takes the name given last time from the settings once
        # the first question is drawn, or on the first run asks for one over it. A --player
        # name is for this game only.
        player=player or "",
        settings=settings,
        db_path=getattr(args, "db", None),
        # A seed on the command line is part of the conditions a teacher hands out.
        seed_fixed=args.seed is not None,
    )
    return run_game(config) or EXIT_OK
