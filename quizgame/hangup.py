"""SIGTERM and SIGHUP, from the first moment of a game command to its last.

Whatever the moment, either signal means: save and leave, with exit status 0.
- From the command's start until the app's event loop takes over, the signal is noted
  and nothing more (an exception raised into whatever runs then, an import of a compiled
  library say, can turn into a crash): the command checks before it opens anything and
  ends with status 0, or the app leaves as soon as it runs.
- While the app runs, its loop calls the app, which leaves.
- Once it is leaving, signals are noted and nothing more: the answers still queued are
  being written (see quizgame.tui.run).

Is the terminal still there? After a real hang-up (the window closed, the SSH link gone)
every write to it fails, so on SIGHUP the game checks, and if the terminal is gone it points
its standard streams at /dev/null: restoring the terminal then writes nowhere, at once.

No Textual here: plain signals and file descriptors, for the command line and the apps alike.
"""

from __future__ import annotations

import os
import select
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import asyncio
    from types import FrameType

SIGNALS = (signal.SIGTERM, signal.SIGHUP)

_GONE = select.POLLHUP | select.POLLERR | select.POLLNVAL

# The first SIGTERM or SIGHUP received since catch_signals(), if any.
_received: int | None = None


def terminal_gone(fd: int) -> bool:
    """True when `fd` is a terminal that has been hung up (or is no longer open)."""
    poller = select.poll()
    try:
        poller.register(fd, select.POLLOUT)
        events = poller.poll(0)
    except (OSError, ValueError):
        return True
    return any(mask & _GONE for _, mask in events)


def silence_standard_streams() -> None:
    """Point fds 0, 1 and 2 at /dev/null: reads see end of file, writes vanish."""
    devnull = os.open(os.devnull, os.O_RDWR)
    try:
        for fd in (0, 1, 2):
            try:
                os.dup2(devnull, fd)
            except OSError:
                pass
    finally:
        os.close(devnull)


def catch_signals() -> None:
    """Called first thing by the command line: from now on SIGTERM and SIGHUP are noted
    instead of killing the process; the command leaves with status 0 at its next check."""
    for signum in SIGNALS:
        signal.signal(signum, _note)


def release_signals() -> None:
    """For the commands that run no game: SIGTERM and SIGHUP back to their defaults."""
    for signum in SIGNALS:
        signal.signal(signum, signal.SIG_DFL)


def received() -> int | None:
    """The first SIGTERM or SIGHUP since catch_signals(), or None."""
    return _received


def hand_over(loop: asyncio.AbstractEventLoop, leave: Callable[[int], None]) -> None:
    """The app's loop takes the signals: the first one calls `leave(signum)` on the loop,
    at once if it came before the app was running."""

    def on_loop(signum: int) -> None:
        # asyncio resets its signals to the default (death) when its loop closes, which
        # happens before the command writes the last answers: note them from now on.
        for each in SIGNALS:
            loop.remove_signal_handler(each)
            signal.signal(each, _note)
        _note(signum, None)
        leave(signum)

    for signum in SIGNALS:
        loop.add_signal_handler(signum, on_loop, signum)
    if _received is not None:
        loop.call_soon(on_loop, _received)


def _note(signum: int, frame: FrameType | None) -> None:
    global _received
    if _received is None:
        _received = signum
    if signum == signal.SIGHUP and terminal_gone(2):
        # The window is gone: restoring it must not wait on, or fail at, a write.
        silence_standard_streams()
