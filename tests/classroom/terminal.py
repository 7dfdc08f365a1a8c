"""A real `quizgame` process in a pseudo-terminal, driven by key presses like a player.

The child gets the pty as its controlling terminal (pty.fork), 80x24, TERM=xterm-256color,
so Textual runs exactly as in a terminal window. A reader thread keeps draining the output:
a child whose output is not read stalls once the pty's buffer fills.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import threading
import time
from collections.abc import Mapping, Sequence

# Escape sequences: CSI (with private and intermediate bytes), OSC, DCS/APC strings, and
# two-byte ones. Stripping them leaves the text the screen shows, run together.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[P_^][^\x1b]*\x1b\\"
    r"|\x1b[@-Z\\-_]"
    r"|\x1b[()][0-9A-Za-z]"
)

ALT_SCREEN_ON = "\x1b[?1049h"
ALT_SCREEN_OFF = "\x1b[?1049l"

# Terminals may be started from several threads at once: no fork while a master is inheritable.
_FORKING = threading.Lock()

KEYS = {"enter": "\r", "escape": "\x1b", "ctrl+q": "\x11", "tab": "\t", "space": " "}


def visible(raw: str) -> str:
    return _ESCAPES.sub("", raw)


class Terminal:
    def __init__(
        self,
        args: Sequence[str],
        env: Mapping[str, str],
        *,
        size: tuple[int, int] = (80, 24),
        program: Sequence[str] = ("-m", "quizgame"),
    ) -> None:
        self._raw = bytearray()
        self._lock = threading.Lock()
        self._seen = 0  # where in the visible text the next wait starts looking
        argv = [sys.executable, *program, *args]
        self.args = list(args)
        with _FORKING:
            pid, fd = pty.fork()
            if pid == 0:  # the child: exec at once, nothing else (the parent may have threads)
                try:
                    os.execve(sys.executable, argv, dict(env))
                finally:
                    os._exit(127)
            # pty.fork() leaves the master inheritable: a game started after this one would
            # hold this terminal open, and closing it here would hang nothing up.
            os.set_inheritable(fd, False)
        self.pid, self.fd = pid, fd
        columns, rows = size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.returncode: int | None = None
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # -- output ----------------------------------------------------------------------------

    def _read(self) -> None:
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.1)
            except (OSError, ValueError):
                return
            if not ready:
                if self.returncode is not None:
                    return
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # EIO: the child side is closed
                return
            if not chunk:
                return
            with self._lock:
                self._raw += chunk

    @property
    def output(self) -> bytes:
        """Every byte the terminal received so far."""
        with self._lock:
            return bytes(self._raw)

    @property
    def raw(self) -> str:
        with self._lock:
            return self._raw.decode("utf-8", errors="replace")

    @property
    def text(self) -> str:
        return visible(self.raw)

    def wait_for(self, text: str, timeout: float = 15.0) -> None:
        """Wait until `text` is shown after whatever the last wait found."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.text
            found = shown.find(text, self._seen)
            if found >= 0:
                self._seen = found + len(text)
                return
            if time.monotonic() > deadline:
                tail = shown[-1500:]
                raise AssertionError(f"{text!r} not shown within {timeout} s; last output:\n{tail}")
            if self.poll() is not None and not self._reader.is_alive():
                raise AssertionError(
                    f"the game exited ({self.returncode}) before showing {text!r}:\n{shown[-1500:]}"
                )
            time.sleep(0.02)

    def wait_for_any(self, texts: Sequence[str], timeout: float = 15.0) -> str:
        """Wait until one of `texts` is shown after whatever the last wait found; which."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.text
            found = [(shown.find(t, self._seen), t) for t in texts]
            found = [(at, t) for at, t in found if at >= 0]
            if found:
                at, text = min(found)
                self._seen = at + len(text)
                return text
            if time.monotonic() > deadline:
                raise AssertionError(f"none of {texts!r} shown within {timeout} s:\n{shown[-1500:]}")
            if self.poll() is not None and not self._reader.is_alive():
                raise AssertionError(f"the program exited ({self.returncode}):\n{shown[-1500:]}")
            time.sleep(0.02)

    # -- input -----------------------------------------------------------------------------

    def press(self, *keys: str) -> None:
        for key in keys:
            os.write(self.fd, KEYS.get(key, key).encode())
            # One key at a time, as typed: Textual reads keys in bursts and some screens
            # are still mounting when the next key arrives.
            time.sleep(0.03)

    # -- the process -----------------------------------------------------------------------

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float = 15.0) -> int:
        deadline = time.monotonic() + timeout
        while self.poll() is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"the game did not exit within {timeout} s:\n{self.text[-1500:]}")
            time.sleep(0.02)
        self._reader.join(2)
        assert self.returncode is not None
        return self.returncode

    def signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def hang_up(self) -> None:
        """Close the terminal window: the master side goes away and the kernel sends SIGHUP."""
        self._stop.set()
        self._reader.join(5)
        os.close(self.fd)
        self.fd = -1

    def termios_lflag(self) -> int:
        return termios.tcgetattr(self.fd)[3]

    def close(self) -> None:
        if self.poll() is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.wait(10)
        if self.fd >= 0:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = -1
