"""The `quizgame` command line.

This module only parses arguments and dispatches. Each command's work lives in a small
module under `quizgame/commands/`, imported only when that command runs, so `quizgame
validate` never pays for Textual and `quizgame play` never pays for the exporters.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module
from pathlib import Path

from quizgame import __version__
from quizgame.exits import EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "build_parser", "main"]

DESCRIPTION = """\
A trivia game for the terminal. Every answer is backed by a quote from its source.

Run `quizgame` with no command to open the home screen: pick a pack, type your name,
choose the options, and play."""

EPILOG = """\
exit status: 0 when all went well; 1 when problems were found in a pack, a source text or
the results database, or a file could not be written; 2 when the command line is wrong
(a bad option, an unknown pack id or section, a missing file or folder).

`quizgame COMMAND --help` describes each command."""


class _Parser(argparse.ArgumentParser):
    # The subcommands' parsers by name (set by build_parser), so that a wrong option after
    # a command is reported with that command's usage rather than the top-level one.
    commands: dict[str, argparse.ArgumentParser] = {}

    def error(self, message: str) -> None:  # argparse's default is exit 2 with usage; keep that
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None


# Options accepted both before and after the command name. On a subcommand the default is
# SUPPRESS, or argparse would overwrite a value given before the command with the default.
def _folder(text: str) -> Path:
    path = Path(text)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"no such folder: {text}" if not path.exists() else f"not a folder: {text}")
    return path


def _add_packs_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    parser.add_argument(
        "--packs",
        metavar="DIR",
        action="append",
        type=_folder,
        default=[] if top else argparse.SUPPRESS,
        help="also look for packs in DIR (repeatable; QUIZGAME_PACKS adds more)",
    )


def _add_db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=Path,
        default=None if top else argparse.SUPPRESS,
        help="results database (default: QUIZGAME_DB, else one in the user data folder)",
    )


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pack", metavar="ID", help="only this pack")
    parser.add_argument("--player", metavar="NAME", help="only this player")
    parser.add_argument("--game", metavar="ID", help="only this game (a classroom or hot-seat game's id)")


def _add_session_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--player", metavar="NAME", help="play under this name, this time (default: the name you gave last; asked for on the first run)")
    parser.add_argument("--seed", type=_seed, help="fix question and choice order")
    parser.add_argument(
        "--shuffle",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="shuffle questions and choices (default: on)",
    )
    parser.add_argument(
        "--time-limit", metavar="S", type=_positive_int, help="seconds allowed per question"
    )
    parser.add_argument(
        "--sections", metavar="ID", nargs="+", help="only questions from these sections"
    )
    parser.add_argument("--tags", metavar="TAG", nargs="+", help="only questions with these tags")
    parser.add_argument("--count", metavar="N", type=_positive_int, help="ask at most N questions")
    parser.add_argument(
        "--mode",
        choices=("practice", "exam"),
        default=None,
        help="practice: feedback after each answer (default); exam: feedback at the end",
    )
    parser.add_argument(
        "--speed-bonus", action="store_true", help="score quick answers higher"
    )
    parser.add_argument(
        "--streak-bonus", action="store_true", help="score runs of right answers higher"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="quizgame",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"quizgame {__version__}")
    _add_packs_option(parser, top=True)
    _add_db_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    play = sub.add_parser("play", help="start a quiz straight away")
    play.add_argument("pack", metavar="PACK", help="a pack file, or the id of a pack found")
    _add_session_options(play)
    _add_packs_option(play)
    _add_db_option(play)

    validate = sub.add_parser("validate", help="check packs and report every problem")
    validate.add_argument("paths", metavar="PATH", nargs="+", type=Path, help="pack files or folders")

    lint = sub.add_parser("lint", help="find leaks, weak explanations and giveaway choices in packs")
    lint.add_argument("paths", metavar="PATH", nargs="+", type=Path, help="pack files or folders")
    lint.add_argument("--format", choices=("text", "json"), default="text", help="json: for editors and CI")
    lint.add_argument("--show-silenced", action="store_true", help="also list silenced findings, with their reasons")

    sub.add_parser("schema", help="print the pack format's JSON Schema")

    new = sub.add_parser("new", help="write a starter pack")
    new.add_argument("file", metavar="FILE", type=Path, help="where to write the pack")
    new.add_argument(
        "--source", metavar="TEXTFILE", type=Path, required=True, help="the source document's text"
    )
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    packs = sub.add_parser("packs", help="list the packs found")
    _add_packs_option(packs)

    results = sub.add_parser("results", help="list past sessions")
    _add_filters(results)
    _add_db_option(results)
    results.add_argument(
        "--limit",
        metavar="N",
        type=_positive_int,
        default=None,
        help="show the N newest sessions (default: 50)",
    )

    export = sub.add_parser("export", help="export answers for a gradebook")
    export.add_argument(
        "--format",
        choices=("csv", "json"),
        default="csv",
        help="csv: one row per player per question, for a spreadsheet (default); "
        "json: every answer with its details",
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", type=Path, default=None, help="write to FILE (default: stdout)"
    )
    _add_filters(export)
    _add_db_option(export)

    convert = sub.add_parser(
        "convert",
        help="bring GIFT, Aiken, Moodle XML, Kahoot or Quizlet questions in as a pack, or take a pack out",
        description="Convert between a quizgame pack (.yaml) and another tool's question file. "
        "Formats: gift (.gift, .txt), aiken (.txt), moodle (.xml), kahoot (.xlsx), quizlet (.tsv, in only).",
    )
    convert.add_argument("input", metavar="INPUT", type=Path, help="the file to convert")
    convert.add_argument("output", metavar="OUTPUT", type=Path, help="the file to write")
    formats = ("gift", "aiken", "moodle", "kahoot", "quizlet", "yaml")
    convert.add_argument("--from", dest="from_format", choices=formats, help="INPUT's format (default: from its name)")
    convert.add_argument("--to", dest="to_format", choices=formats, help="OUTPUT's format (default: from its name)")
    convert.add_argument(
        "--source", metavar="TEXTFILE", type=Path, help="the source document's text: propose a quote for each question"
    )
    convert.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")

    stats = sub.add_parser("stats", help="per-question results for a pack")
    stats.add_argument("pack", metavar="PACK", help="a pack id or file")
    stats.add_argument(
        "--format",
        choices=("text", "csv", "json"),
        default="text",
        help="a table to read (default), or CSV or JSON for a spreadsheet or a program",
    )
    _add_packs_option(stats)
    _add_db_option(stats)
    _add_classroom_commands(sub)

    parser.commands = dict(sub.choices)
    return parser


def _add_classroom_commands(sub) -> None:  # type: ignore[no-untyped-def]  # argparse's subparsers
    host = sub.add_parser("host", help="host a classroom game: the projector, students join")
    host.add_argument("pack", metavar="PACK", help="a pack file, or the id of a pack found")
    host.add_argument("--seed", type=_seed, help="fix question and choice order")
    host.add_argument(
        "--time-limit", metavar="S", type=_positive_int, help="seconds per question (live default: 20)"
    )
    host.add_argument("--sections", metavar="ID", nargs="+", help="only questions from these sections")
    host.add_argument("--tags", metavar="TAG", nargs="+", help="only questions with these tags")
    host.add_argument("--count", metavar="N", type=_positive_int, help="ask at most N questions")
    host.add_argument("--speed-bonus", action="store_true", help="score quick answers higher")
    host.add_argument("--streak-bonus", action="store_true", help="score runs of right answers higher")
    host.add_argument(
        "--mode",
        choices=("live", "self-paced", "exam"),
        default="live",
        help="live: you set the pace (default); self-paced: practice at their own pace; exam",
    )
    host.add_argument("--port", type=_port, default=8765, help="the port students join on (default: 8765)")
    host.add_argument(
        "--lan", action="store_true", help="open the game to the local network (default: this computer only)"
    )
    host.add_argument(
        "--max-players", metavar="N", type=_positive_int, default=100, help="at most N students (default: 100)"
    )
    _add_packs_option(host)
    _add_db_option(host)

    join = sub.add_parser("join", help="join a classroom game someone is hosting")
    join.add_argument("address", metavar="ADDRESS", help="the host's address: host[:port]")
    join.add_argument("--player", metavar="NAME", help="your name (asked for if missing)")
    join.add_argument("--pin", metavar="PIN", help="the game's PIN (asked for if missing)")


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is from 0 to 65535, got {value}")
    return value


# command -> module under quizgame.commands exposing run(args) -> int
_COMMANDS = {
    None: "home",
    "play": "play",
    "validate": "validate",
    "schema": "schema",
    "new": "new",
    "packs": "packs",
    "results": "results",
    "export": "export",
    "stats": "stats",
    "convert": "convert",
    "lint": "lint",
    "host": "host",
    "join": "join",
}


def _parse(parser: _Parser, argv: list[str]) -> argparse.Namespace:
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        # Left over by the command's own parser when they come after the command's name:
        # that command's usage is the one to show.
        command = parser.commands.get(args.command) if args.command else None
        after = args.command in argv and unknown[0] in argv and argv.index(unknown[0]) > argv.index(args.command)
        (command if command is not None and after else parser).error(
            f"unrecognized arguments: {' '.join(unknown)}"
        )
    return args


# The commands that run a game in the terminal: from their first moment, SIGTERM and SIGHUP
# mean "save and leave", never death with the terminal in application mode.
_GAMES = {None, "play", "host", "join"}


def main(argv: list[str] | None = None) -> int:
    own = argv is None  # this process's own command line, not a call from other code
    if own:
        # Before anything else: a window closed while the parser is built is a hang-up too.
        from quizgame.hangup import catch_signals

        catch_signals()
    parser = build_parser()
    args = _parse(parser, sys.argv[1:] if argv is None else list(argv))
    if own and args.command not in _GAMES:
        from quizgame.hangup import received, release_signals

        release_signals()
        if received() is not None:  # SIGTERM or SIGHUP while the command line was read
            return EXIT_OK
    module = import_module(f"quizgame.commands.{_COMMANDS[args.command]}")
    try:
        return module.run(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `quizgame export | head`: the reader left; say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
