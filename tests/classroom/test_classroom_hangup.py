"""Telling a terminal that was closed from one that only got a SIGHUP."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from quizgame.hangup import terminal_gone

CHILD = """
import os, sys
from quizgame.hangup import silence_standard_streams, terminal_gone
print("ready", flush=True)
try:
    os.read(0, 1)  # wait for the parent to hang up (or not)
except OSError:
    pass  # EIO: the terminal is gone
gone = terminal_gone(2)
if gone:
    silence_standard_streams()
    print("written nowhere", flush=True)  # must not fail
with open(sys.argv[1], "w") as report:
    report.write(str(gone))
"""


def run_child(tmp_path, hang_up: bool) -> str:
    master, slave = pty.openpty()
    report = tmp_path / "report.txt"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(report)],
        stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
    )
    os.close(slave)
    said = b""
    while not said.endswith(b"\n"):  # the whole line: a write still on its way would fail
        said += os.read(master, 100)
    assert said.startswith(b"ready")
    if hang_up:
        os.close(master)
    else:
        os.write(master, b"\n")
    assert child.wait(20) == 0
    if not hang_up:
        os.close(master)
    return report.read_text()


def test_a_live_terminal_is_not_gone(tmp_path) -> None:
    assert run_child(tmp_path, hang_up=False) == "False"


def test_a_closed_terminal_is_gone_and_writes_go_nowhere(tmp_path) -> None:
    assert run_child(tmp_path, hang_up=True) == "True"


def test_a_closed_descriptor_counts_as_gone() -> None:
    read, write = os.pipe()
    os.close(read)
    os.close(write)
    assert terminal_gone(write)
