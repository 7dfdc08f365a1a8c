"""A real `quizgame play` in a pseudo-terminal, interrupted mid-quiz.

SIGKILL: nothing already answered is lost, and the next start offers to resume at the next
question with the score so far. SIGTERM, SIGHUP, a closed terminal and ctrl+q: the answers
are saved, the terminal is put back as it was, and the exit status is 0.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import termios
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgame.store import ResultsStore, SessionInfo, StoreMissing

from .helpers import LIGHTHOUSE, wait_until
from .terminal import ALT_SCREEN_OFF, ALT_SCREEN_ON, Terminal, visible

pytestmark = pytest.mark.slow

# --no-shuffle: the pack's own order, so each key below is known to be right or wrong.
PLAY = ["play", str(LIGHTHOUSE), "--no-shuffle", "--player", "Ann"]
# Question 1 granite (true), 2 year (choice 1: 1871), 3 steps (false), 4 clockwork
# (choice 2), 5 electric (true), 6 visitors (false). Each worth 20 points.
RIGHT = ["t", "1", "f", "2", "t", "f"]
WRONG = ["f", "2", "t", "1", "f", "t"]
# Something only the feedback on each question shows: its explanation.
EXPLAINED = [
    "The log says so in its first lines.",
    "It was built in 1871.",
    "It was one hundred and twelve steps.",
    "The keeper wound it every four hours.",
    "The conversion came in 1952.",
    "Only on summer weekends.",
]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    values = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("QUIZGAME_", "TEXTUAL", "COLUMNS", "LINES"))
    }
    values.update(
        TERM="xterm-256color",
        QUIZGAME_DB=str(tmp_path / "results.sqlite3"),
        QUIZGAME_DATA_DIR=str(tmp_path / "data"),
        QUIZGAME_CACHE_DIR=str(tmp_path / "cache"),
    )
    return values


@pytest.fixture
def start(env: dict[str, str]) -> Iterator:
    started: list[Terminal] = []

    def run(*extra: str) -> Terminal:
        terminal = Terminal([*PLAY, *extra], env)
        started.append(terminal)
        return terminal

    yield run
    for terminal in started:
        terminal.close()


def sessions(env: dict[str, str]) -> list[SessionInfo]:
    try:
        with ResultsStore.open(Path(env["QUIZGAME_DB"]), readonly=True) as store:
            return store.sessions()
    except StoreMissing:
        return []


def answered(env: dict[str, str]) -> int:
    return sum(info.answered for info in sessions(env))


def answer(terminal: Terminal, number: int, key: str) -> None:
    """Answer question `number` (1-based) and wait for its feedback."""
    terminal.wait_for(f"Question {number} of 6")
    terminal.press(key)
    terminal.wait_for(EXPLAINED[number - 1])


def next_question(terminal: Terminal) -> None:
    terminal.press("enter")


def assert_restored(terminal: Terminal, lflag_before: int) -> None:
    raw = terminal.raw
    assert ALT_SCREEN_ON in raw
    left = raw.rfind(ALT_SCREEN_OFF)
    assert left > raw.rfind(ALT_SCREEN_ON), "the alternate screen was never left"
    assert visible(raw[left:]).strip() == "", "the game drew on the screen after leaving it"
    # The line discipline is back as it was: echo and line editing on again.
    assert terminal.termios_lflag() & (termios.ECHO | termios.ICANON) == (
        lflag_before & (termios.ECHO | termios.ICANON)
    )


def test_sigkill_loses_nothing_answered_and_the_next_start_resumes(start, env) -> None:
    first = start()
    answer(first, 1, RIGHT[0])
    next_question(first)
    answer(first, 2, RIGHT[1])
    next_question(first)
    answer(first, 3, WRONG[2])
    # Each answer is committed as given: wait for the third, then pull the plug.
    wait_until(lambda: answered(env) == 3, what="3 answers in the database")
    first.signal(signal.SIGKILL)
    assert first.wait() == -signal.SIGKILL
    (info,) = sessions(env)
    assert (info.answered, info.right, info.score, info.finished) == (3, 2, 40.0, False)

    second = start()
    second.wait_for("Resume")
    second.wait_for("3 of 6")
    second.press("r")
    second.wait_for("Question 4 of 6")
    second.wait_for("Score 40 of 60")
    answer(second, 4, RIGHT[3])
    wait_until(lambda: answered(env) == 4, what="the 4th answer in the database")
    (after,) = sessions(env)  # the same session, continued
    assert after.session_id == info.session_id and (after.right, after.score) == (3, 60.0)
    second.signal(signal.SIGTERM)
    assert second.wait() == 0


def test_start_over_begins_a_new_session(start, env) -> None:
    first = start()
    answer(first, 1, RIGHT[0])
    wait_until(lambda: answered(env) == 1, what="the answer in the database")
    first.signal(signal.SIGKILL)
    first.wait()

    second = start()
    second.wait_for("Resume")
    second.press("s")
    second.wait_for("Question 1 of 6")
    answer(second, 1, WRONG[0])
    wait_until(lambda: len(sessions(env)) == 2 and answered(env) == 2, what="a second session")
    newest, oldest = sessions(env)
    assert (newest.answered, newest.right, oldest.answered, oldest.right) == (1, 0, 1, 1)
    second.signal(signal.SIGTERM)
    assert second.wait() == 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_mid_quiz_saves_restores_the_terminal_and_exits_0(start, env, signum) -> None:
    terminal = start()
    lflag_before = terminal.termios_lflag()
    answer(terminal, 1, RIGHT[0])
    next_question(terminal)
    answer(terminal, 2, WRONG[1])
    terminal.signal(signum)  # at once: no waiting for the database first
    assert terminal.wait() == 0
    assert_restored(terminal, lflag_before)
    (info,) = sessions(env)
    assert (info.answered, info.right, info.finished) == (2, 1, False)


def test_ctrl_q_mid_quiz_saves_restores_the_terminal_and_exits_0(start, env) -> None:
    terminal = start()
    lflag_before = terminal.termios_lflag()
    answer(terminal, 1, RIGHT[0])
    terminal.press("ctrl+q")
    terminal.wait_for("Quit (y)")
    terminal.press("y")
    assert terminal.wait() == 0
    assert_restored(terminal, lflag_before)
    (info,) = sessions(env)
    assert (info.answered, info.finished) == (1, False)


def test_a_closed_terminal_loses_nothing_and_exits_quietly(start, env) -> None:
    terminal = start()
    answer(terminal, 1, RIGHT[0])
    next_question(terminal)
    answer(terminal, 2, RIGHT[1])
    terminal.hang_up()  # the window is closed: SIGHUP, and nothing left to write to
    assert terminal.wait() == 0
    (info,) = sessions(env)
    assert (info.answered, info.right) == (2, 2)


def test_quitting_before_the_first_answer_leaves_no_session(start, env) -> None:
    terminal = start()
    terminal.wait_for("Question 1 of 6")
    terminal.press("ctrl+q")  # nothing answered, nothing to lose: it does not ask
    assert terminal.wait() == 0
    # Not hidden from the reports but never written: the teacher has nothing to wade through.
    db = Path(env["QUIZGAME_DB"])
    if db.exists():
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT count(*) FROM sessions").fetchone() == (0,)
