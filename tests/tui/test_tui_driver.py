"""The terminal driver's answers to a terminal that goes away (quizgame.tui.driver); the
whole program, hung up at random moments, is tested in tests/classroom/test_classroom_hangup_anytime.py."""

from __future__ import annotations

import errno
import io
import os
import signal
import threading
from collections.abc import AsyncIterator

import pytest
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver

from quizgame.tui.driver import QUEUED_WRITES, TerminalDriver, TerminalWriter, driver_class


class HungUp(io.StringIO):
    """A terminal that was closed after `good` writes: every later write fails with EIO."""

    def __init__(self, good: int) -> None:
        super().__init__()
        self.good = good

    def write(self, text: str) -> int:
        if self.good <= 0:
            raise OSError(errno.EIO, "Input/output error")
        self.good -= 1
        return super().write(text)


def test_writes_after_a_failed_one_are_dropped_and_never_wait() -> None:
    file = HungUp(good=3)
    writer = TerminalWriter(file)
    writer.start()
    done = threading.Event()

    def write_many() -> None:
        for number in range(QUEUED_WRITES * 10):  # far more than the queue holds
            writer.write(f"frame {number}\n")
        done.set()

    threading.Thread(target=write_many, daemon=True).start()
    assert done.wait(10), "a write waited on a queue nobody empties"
    writer.stop()
    assert not writer.is_alive()
    assert writer.failed
    assert file.getvalue() == "frame 0\nframe 1\nframe 2\n"


def test_every_write_reaches_a_terminal_that_stays() -> None:
    file = io.StringIO()
    writer = TerminalWriter(file)
    writer.start()
    for number in range(QUEUED_WRITES * 3):
        writer.write(f"{number},")
    writer.stop()
    assert file.getvalue() == "".join(f"{number}," for number in range(QUEUED_WRITES * 3))
    assert not writer.failed


@pytest.fixture
async def driver() -> AsyncIterator[TerminalDriver]:
    # Made on a running loop, as Textual makes it. It sets SIGTSTP and SIGCONT handlers as
    # it is made: put them back after.
    saved = {signum: signal.getsignal(signum) for signum in (signal.SIGTSTP, signal.SIGCONT)}
    try:
        yield TerminalDriver(App())
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)


async def test_a_read_cut_off_by_a_hang_up_ends_the_input_quietly(driver, monkeypatch) -> None:
    read, write = os.pipe()
    os.write(write, b"x")  # something to read, so the read is tried
    driver.fileno = read

    def cut_off(fd: int, size: int) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "read", cut_off)
    try:
        driver.run_input_thread()  # returns: no traceback, no crash of the app
    finally:
        os.close(read)
        os.close(write)


async def test_any_other_read_error_is_still_an_error(driver, monkeypatch) -> None:
    read, write = os.pipe()
    os.write(write, b"x")
    driver.fileno = read

    def broken(fd: int, size: int) -> bytes:
        raise OSError(errno.EBADF, "Bad file descriptor")

    monkeypatch.setattr(os, "read", broken)
    try:
        with pytest.raises(OSError):
            driver.run_input_thread()
    finally:
        os.close(read)
        os.close(write)


async def test_a_sigcont_resumes_only_a_suspension(driver, monkeypatch) -> None:
    started: list[str] = []
    monkeypatch.setattr(LinuxDriver, "start_application_mode", lambda self: started.append("start"))
    monkeypatch.setattr(LinuxDriver, "stop_application_mode", lambda self: started.append("stop"))
    driver.resume_application_mode()  # the SIGCONT of a hang-up, or a stray `kill -CONT`
    assert started == []
    driver.suspend_application_mode()  # ctrl+z
    driver.resume_application_mode()  # fg
    assert started == ["stop", "start"]
    driver.resume_application_mode()  # once only
    assert started == ["stop", "start"]
    driver.close()


def test_the_driver_replaces_only_textuals_linux_one() -> None:
    assert driver_class(LinuxDriver) is TerminalDriver

    class Other(LinuxDriver):
        pass

    assert driver_class(Other) is Other
