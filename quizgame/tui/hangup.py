"""Is the terminal still there? After a real hang-up (the window closed, the SSH link gone)
every write to it fails, and a writer thread that dies on the first failure leaves the next
write waiting forever. So on SIGHUP the game checks, and if the terminal is gone it points
its standard streams at /dev/null: restoring the terminal then writes nowhere, at once.

No Textual here: plain file descriptors.
"""

from __future__ import annotations

import os
import select

_GONE = select.POLLHUP | select.POLLERR | select.POLLNVAL


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
