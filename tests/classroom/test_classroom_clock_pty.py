"""The exam clock with a real `quizgame play` in a pseudo-terminal: a question's deadline
holds across a killed process, a hang-up and a quit, and the "too small" message pauses a
practice question's clock but never an exam's."""

from __future__ import annotations

import fcntl
import os
import re
import signal
import struct
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgame.store import ResultsStore, StoreMissing

from .helpers import LIGHTHOUSE, wait_until
from .terminal import Terminal
from .test_classroom_interrupt import env  # noqa: F401  (the same isolated environment)

pytestmark = pytest.mark.slow

# The pack's own order: question 1 granite (t is right), 2 year (1 is right), 3 steps (f).
EXAM = ["play", str(LIGHTHOUSE), "--no-shuffle", "--mode", "exam", "--seed", "42",
        "--time-limit", "30", "--count", "5", "--player", "M"]
PRACTICE = [*EXAM[:3], "--time-limit", "30", "--player", "M"]
LEFT = re.compile(r"(\d+):(\d\d) left")


@pytest.fixture
def start(env: dict[str, str]) -> Iterator:
    started: list[Terminal] = []

    def run(args: list[str]) -> Terminal:
        terminal = Terminal(args, env)
        started.append(terminal)
        return terminal

    yield run
    for terminal in started:
        terminal.close()


def clocks(env: dict[str, str]) -> int:
    try:
        with ResultsStore.open(Path(env["QUIZGAME_DB"]), readonly=True) as store:
            return sum(len(store.question_clocks(s.session_id)) for s in store.sessions())
    except StoreMissing:
        return 0


def seconds_left(terminal: Terminal, after: int, timeout: float = 15.0) -> list[int]:
    """The countdowns the screen drew after position `after` of its text, once there is one."""
    deadline = time.monotonic() + timeout
    while True:
        found = [int(m[1]) * 60 + int(m[2]) for m in LEFT.finditer(terminal.text, after)]
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"no countdown shown:\n{terminal.text[after:][-1500:]}")
        time.sleep(0.05)


def resize(terminal: Terminal, columns: int, rows: int) -> None:
    """What a terminal window does when it is resized: new size, then SIGWINCH."""
    fcntl.ioctl(terminal.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    os.kill(terminal.pid, signal.SIGWINCH)


def leave(terminal: Terminal, how: str) -> None:
    if how == "quit":
        terminal.press("ctrl+q")
        terminal.wait_for("Quit?")
        terminal.press("y")
        assert terminal.wait() == 0
    elif how == "SIGHUP":
        terminal.signal(signal.SIGHUP)
        assert terminal.wait() == 0
    else:
        terminal.signal(signal.SIGKILL)
        assert terminal.wait() == -signal.SIGKILL


@pytest.mark.parametrize("how", ["SIGKILL", "SIGHUP", "quit"])
def test_an_exam_question_comes_back_with_only_its_time_left(start, env, how: str) -> None:
    first = start(EXAM)
    first.wait_for("Question 1 of 5")
    first.press("t")
    first.wait_for("Question 2 of 5")
    # Question 2's deadline is in the database as soon as it shows.
    wait_until(lambda: clocks(env) == 2, what="question 2's clock in the database")
    first.wait_for("0:25 left")
    leave(first, how)
    left_at = time.monotonic()

    second = start(EXAM)
    second.wait_for("Carry on")
    second.press("r")
    second.wait_for("Question 2 of 5")
    shown = seconds_left(second, second.text.rfind("Question 2 of 5"))
    away = time.monotonic() - left_at
    # Not the full 30 s again: at most what was left when it was killed, less the time away.
    assert shown[0] <= 25 - int(away) + 1, (shown, away)
    assert shown[0] >= 5, shown
    second.press("1")  # right, and in time: the exam carries on
    second.wait_for("Question 3 of 5")
    assert seconds_left(second, second.text.rfind("Question 3 of 5"))[0] >= 28
    second.signal(signal.SIGTERM)
    assert second.wait() == 0
    with ResultsStore.open(Path(env["QUIZGAME_DB"]), readonly=True) as store:
        (info,) = store.sessions()
        answers = store.session_answers(info.session_id)
    assert [(a.question_id, a.correct, a.timed_out) for a in answers] == [
        ("granite", True, False), ("year", True, False),
    ]
    assert answers[1].seconds >= 5 + away - 1


def test_an_exam_question_whose_time_ran_out_while_away_is_a_time_up(start, env) -> None:
    args = [*EXAM[:-6], "--time-limit", "3", *EXAM[-4:]]
    first = start(args)
    first.wait_for("Question 1 of 5")
    first.press("t")
    first.wait_for("Question 2 of 5")
    wait_until(lambda: clocks(env) == 2, what="question 2's clock in the database")
    leave(first, "SIGKILL")
    time.sleep(3.5)  # longer than question 2's whole time: the point of the test

    second = start(args)
    second.wait_for("ran out while you were away")
    second.press("r")
    second.wait_for("Question 3 of 5")
    second.wait_for("Time's up on question 2")
    second.signal(signal.SIGTERM)
    assert second.wait() == 0


def test_too_small_pauses_a_practice_question_and_not_an_exam_one(start, env) -> None:
    practice = start(PRACTICE)
    practice.wait_for("Question 1 of 6")
    practice.wait_for("0:27 left")
    resize(practice, 50, 15)
    practice.wait_for("the clock is paused")
    hidden_at = time.monotonic()
    wait_until(lambda: time.monotonic() - hidden_at > 4, what="4 s with the question hidden")
    mark = len(practice.text)
    resize(practice, 80, 24)
    shown = seconds_left(practice, mark)
    assert shown[0] >= 26, shown  # 0:27 or so again, not 0:23
    practice.signal(signal.SIGTERM)
    assert practice.wait() == 0

    exam = start(EXAM)
    exam.wait_for("Question 1 of 5")
    exam.wait_for("0:28 left")
    resize(exam, 50, 15)
    exam.wait_for("In an exam the clock runs on")
    mark = len(exam.text)
    exam.wait_for("0:23 left")  # counting down on the "too small" message itself
    assert "Question 1 of 5: ⌛" in exam.text[mark - 200:]
    resize(exam, 80, 24)
    exam.wait_for("Question 1 of 5")
    assert seconds_left(exam, len(exam.text) - 400)[-1] <= 23
    exam.signal(signal.SIGTERM)
    assert exam.wait() == 0
