"""`quizgame join ADDRESS`: a student's terminal in a classroom game."""

from __future__ import annotations

import argparse
import sys

from quizgame.exits import EXIT_OK, EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    from quizgame.live.client import LiveClient, TokenStore, parse_address

    try:
        address = parse_address(args.address)
    except ValueError as error:
        print(f"quizgame join: {error}", file=sys.stderr)
        return EXIT_USAGE
    pin = (args.pin or "").strip()
    if pin and (len(pin) != 6 or not pin.isdigit()):
        print("quizgame join: the PIN is the 6 digits on the projector", file=sys.stderr)
        return EXIT_USAGE

    from quizgame.tui.join import JoinApp, JoinConfig

    tokens = TokenStore.default()
    name = (args.player or "").strip()
    suggested = ""
    if not name:
        kept = tokens.get(address)  # this device was in a game there: carry on as that player
        name = kept[0] if kept is not None else ""
    if not name:
        suggested = _remembered_name()
    client = LiveClient(address, tokens=tokens)
    from quizgame.hangup import received

    app = JoinApp(
        JoinConfig(client=client, name=name, suggested_name=suggested, pin=pin, handle_signals=True)
    )
    if received() is None:  # else SIGTERM or SIGHUP on the way here: nothing to show
        app.run()
    return app.return_code or EXIT_OK


def _remembered_name() -> str:
    """The name this player gave the game before (quizgame.settings), to offer in the form:
    offered, not used, as a shared machine may have another student at it now."""
    from quizgame.settings import SettingsFile

    return SettingsFile.default().settings.player
