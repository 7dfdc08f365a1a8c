"""The terminal driver of the game's apps: Textual's own for Linux and macOS, made safe for
a terminal that goes away under it.

Closing a terminal window hangs up its terminal: from then on every write to it fails with
EIO, and the kernel sends the game SIGHUP and SIGCONT. Textual 8's driver meets that badly:

- its writer thread ends at the first failed write, and with nobody emptying its queue (30
  writes long) the app's next writes wait for ever, in the event loop's thread, so neither
  SIGHUP nor SIGTERM is ever handled;
- it takes every SIGCONT for the end of a ctrl+z, and starts application mode again (a second
  input thread and writer) on the terminal that has just gone; that new writer fails at once;
- a read that fails because the terminal was closed under it (EIO, in the instant before the
  hang-up is complete) is a crash to it: the app ends with a traceback and status 1.

So here output goes through a writer that never stops before it is told to (a failed write
ends the output; what comes after is dropped), application mode starts again only after a
suspension, and EIO ends the input (the SIGHUP on its way ends the game). Nothing else of
Textual's driver changes.
"""

from __future__ import annotations

import errno
import os
import sys
import threading
from queue import Full, Queue
from typing import IO, TYPE_CHECKING

from textual.drivers.linux_driver import LinuxDriver

if TYPE_CHECKING:
    from textual.app import App
    from textual.driver import Driver

# As many writes as Textual's own writer queues: enough to absorb a burst, few enough that
# a slow terminal holds the app back rather than piling up frames.
QUEUED_WRITES = 30
# How long closing waits for the last writes (the terminal restored) to reach the terminal.
CLOSE_WAIT = 1.0


class TerminalWriter(threading.Thread):
    """Writes text to the terminal in the background, flushing when there is a pause."""

    def __init__(self, file: IO[str]) -> None:
        super().__init__(daemon=True, name="quizgame-output")
        self.queue: Queue[str | None] = Queue(QUEUED_WRITES)
        self.file = file
        self.failed = False  # a write failed: the terminal is gone

    def write(self, text: str) -> None:
        if not self.failed:
            self.queue.put(text)

    def run(self) -> None:
        get, empty = self.queue.get, self.queue.empty
        while (text := get()) is not None:
            if self.failed:
                continue  # keep emptying the queue: a write waiting on it must not wait
            try:
                self.file.write(text)
                if empty():
                    self.file.flush()
            except (OSError, ValueError):  # EIO once hung up; ValueError if closed
                self.failed = True

    def stop(self, timeout: float = CLOSE_WAIT) -> None:
        """Let what is queued be written, waiting at most `timeout` seconds (a terminal
        that is still open but no longer read would otherwise hold the game for ever)."""
        try:
            self.queue.put(None, timeout=timeout)
        except Full:
            return
        self.join(timeout)


class TerminalDriver(LinuxDriver):
    def __init__(
        self, app: App, *, debug: bool = False, mouse: bool = True, size: tuple[int, int] | None = None
    ) -> None:
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        self.output: TerminalWriter | None = None
        self.suspended = False
        self.starting = False

    def write(self, data: str) -> None:
        if self.output is not None:
            self.output.write(data)

    def start_application_mode(self) -> None:
        # Textual's driver starts a writer of its own too; it is given nothing to write.
        self.starting = True
        try:
            if self.output is None:
                self.output = TerminalWriter(sys.__stderr__)  # where Textual writes
                self.output.start()
            super().start_application_mode()
        finally:
            self.starting = False

    def suspend_application_mode(self) -> None:
        super().suspend_application_mode()
        self.suspended = True

    def resume_application_mode(self) -> None:
        # Textual calls this on every SIGCONT. Only one that ends a suspension resumes, or
        # one that ends the stop of a game started in the background (Textual stops it as
        # it starts, and starts for real when it is continued in the foreground); never
        # the one that comes with a hang-up, whose terminal is no longer a terminal.
        if self.suspended or (self.starting and os.isatty(self.fileno)):
            self.suspended = False
            super().resume_application_mode()

    def run_input_thread(self) -> None:
        try:
            super().run_input_thread()
        except OSError as error:
            if error.errno != errno.EIO:
                raise

    def close(self) -> None:
        super().close()
        if self.output is not None:
            self.output.stop()
            self.output = None


def driver_class(textual_choice: type[Driver]) -> type[Driver]:
    """The driver for an app: ours where Textual would use its Linux and macOS driver;
    Textual's choice anywhere else (Windows, a driver named in TEXTUAL_DRIVER)."""
    return TerminalDriver if textual_choice is LinuxDriver else textual_choice
