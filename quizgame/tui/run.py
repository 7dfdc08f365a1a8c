"""Running the game for real: the results saver, the signals, and saving at the end.

The commands (`quizgame`, `quizgame play`) build an AppConfig and call run_game(); tests
build the app with create_app() and drive it with a Pilot instead.
"""

from __future__ import annotations

import signal
import sys
from typing import TYPE_CHECKING

from quizgame.tui.config import AppConfig

if TYPE_CHECKING:
    from quizgame.saving import GameSaver

# Past this, say on the restored terminal that the answers are still being written.
_QUIET_WAIT = 1.0


def run_game(config: AppConfig) -> int:
    from quizgame.tui.app import create_app
    from quizgame.hangup import received

    if received() is not None:  # SIGTERM or SIGHUP on the way here: nothing to show or save
        return 0
    if config.recorder is None:
        config.open_recorder = lambda: _open_saver(config)
    config.handle_signals = True
    app = create_app(config)
    try:
        app.run()
    finally:
        if config.recorder is not None:  # None: the game ended before it was needed
            _close(config.recorder)  # type: ignore[arg-type]
    return app.return_code or 0


def _open_saver(config: AppConfig) -> GameSaver:
    from quizgame.saving import GameSaver

    return GameSaver.open(config.db_path)  # opens the database on its own thread


def _close(saver: GameSaver) -> None:
    """Write whatever is still queued. The terminal is already restored by now; a second
    SIGTERM or a hang-up must not cut this short (SIGKILL still can, as ever)."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)
    status = saver.close(_QUIET_WAIT)
    if not saver.writer.done:
        _say("quizgame: waiting for the results database to save the last answers…")
        status = saver.close()
    if not status.ok and status.message:
        _say(f"quizgame: {status.message}")


def _say(line: str) -> None:
    try:
        print(line, file=sys.stderr, flush=True)
    except OSError:
        pass  # the terminal is gone; the unsaved file (named in the message) is not
