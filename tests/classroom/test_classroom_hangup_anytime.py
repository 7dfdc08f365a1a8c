"""A terminal closed at any moment: many real `quizgame play` launches in pseudo-terminals,
each hung up at a random moment, from the first milliseconds of start-up to the middle of a
quiz (on the question, its feedback, the source view, the help or the quit dialog); and a
few ended with SIGTERM the same way.

Each must be gone within 2 s, with exit status 0 and every answer given in the database.
The one exception is a hang-up in the first few milliseconds, while Python itself is still
starting and no line of quizgame has run: the kernel's default for SIGHUP ends the process
there and then (status -SIGHUP), with nothing drawn and nothing to save. Which case a
launch was in is read from the process itself (/proc: does it catch the signal yet?).

Launches run a few at a time, each in its own pseudo-terminal; every wait is on the thing
awaited, with a bound.
"""

from __future__ import annotations

import os
import random
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from quizgame.store import ResultsStore, StoreMissing

from .helpers import LIGHTHOUSE
from .terminal import ALT_SCREEN_OFF, ALT_SCREEN_ON, Terminal

pytestmark = pytest.mark.slow

PLAY = ["play", str(LIGHTHOUSE), "--no-shuffle", "--player", "Ann"]
# Question 1 granite (true), 2 year (choice 1), 3 steps (false), 4 clockwork (choice 2).
KEYS = ["t", "1", "f", "2"]
EXPLAINED = [
    "The log says so in its first lines.",
    "It was built in 1871.",
    "It was one hundred and twelve steps.",
    "The keeper wound it every four hours.",
]
GONE_WITHIN = 2.0  # seconds, the promise to the player
AT_ONCE = 4  # launches running side by side


@dataclass
class Launch:
    number: int
    # "closed" (the window closed), "sighup" (sent to the process group, as tmux does) or
    # "sigterm" (sent to the process)
    how: str
    delay: float  # seconds after the start (or after the last answer) of the hang-up
    caught: bool = False  # the game handled the signal itself when it came
    status: int | None = None
    took: float = 0.0
    answers_given: int = 0
    answers_saved: int = 0

    @property
    def problem(self) -> str:
        if self.status is None:
            return f"still running {self.took:.1f} s after the hang-up"
        if self.took > GONE_WITHIN:
            return f"took {self.took:.2f} s to exit"
        allowed = {0} if self.caught else {0, -self.signum}
        if self.status not in allowed:
            return f"exit status {self.status}"
        if self.answers_saved != self.answers_given:
            return f"{self.answers_saved} of {self.answers_given} answers saved"
        return ""

    @property
    def signum(self) -> int:
        return signal.SIGTERM if self.how == "sigterm" else signal.SIGHUP

    def __str__(self) -> str:
        return f"launch {self.number} ({self.how} after {self.delay * 1000:.0f} ms): {self.problem}"


def environment(folder: Path) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if not k.startswith(("QUIZGAME_", "TEXTUAL"))}
    values.update(
        TERM="xterm-256color",
        QUIZGAME_DB=str(folder / "results.sqlite3"),
        QUIZGAME_DATA_DIR=str(folder / "data"),
        QUIZGAME_CACHE_DIR=str(folder / "cache"),
        QUIZGAME_CONFIG_DIR=str(folder / "config"),
    )
    return values


def catches(pid: int, signum: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    mask = next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(int(mask, 16) >> (signum - 1) & 1)


def answered(db: Path) -> int:
    try:
        with ResultsStore.open(db, readonly=True) as store:
            return sum(info.answered for info in store.sessions())
    except StoreMissing:
        return 0


def hang_up(terminal: Terminal, launch: Launch) -> None:
    launch.caught = catches(terminal.pid, launch.signum)
    if launch.how == "closed":
        terminal.hang_up()
    elif launch.how == "sighup":
        os.killpg(terminal.pid, signal.SIGHUP)
    else:
        terminal.signal(signal.SIGTERM)
    sent = time.monotonic()
    # Polled well past the promise, so that a slow exit is told from a hang.
    while terminal.poll() is None and time.monotonic() - sent < GONE_WITHIN + 3:
        time.sleep(0.01)
    launch.took = time.monotonic() - sent
    launch.status = terminal.poll()


def run_launch(launch: Launch, folder: Path, screen: str | None) -> Launch:
    """One launch: hung up `launch.delay` after the start, or, when `screen` is given,
    after answering and going to that screen."""
    folder.mkdir()
    env = environment(folder)
    terminal = Terminal(PLAY, env)
    try:
        if screen is None:
            time.sleep(launch.delay)  # the moment itself is what is being varied
        else:
            launch.answers_given = play_to(terminal, screen, launch.number)
            time.sleep(launch.delay)
        hang_up(terminal, launch)
    finally:
        terminal.close()
    launch.answers_saved = answered(Path(env["QUIZGAME_DB"]))
    return launch


def play_to(terminal: Terminal, screen: str, number: int) -> int:
    """Answer one question or more, then go to `screen`; the number of answers given."""
    given = 1 + number % 3
    for index in range(given):
        terminal.wait_for(f"Question {index + 1} of 6", timeout=30)
        terminal.press(KEYS[index])
        terminal.wait_for(EXPLAINED[index], timeout=30)  # the answer is in: its feedback shows
        if index + 1 < given:
            terminal.press("enter")
    if screen == "next question":
        terminal.press("enter")
        terminal.wait_for(f"Question {given + 1} of 6", timeout=30)
    elif screen == "quit dialog":
        terminal.press("ctrl+q")
        terminal.wait_for("Quit (y)", timeout=30)
    elif screen == "help":
        terminal.press("?")
        terminal.wait_for("Escape closes", timeout=30)
    elif screen == "source":
        terminal.press("s")
        terminal.wait_for("esc Back", timeout=30)  # the source view's keys
    return given


def run_all(tmp_path: Path, launches: list[Launch], screens: list[str | None]) -> list[Launch]:
    with ThreadPoolExecutor(AT_ONCE) as pool:
        futures = [
            pool.submit(run_launch, launch, tmp_path / f"launch{launch.number}", screen)
            for launch, screen in zip(launches, screens, strict=True)
        ]
        return [future.result() for future in futures]


def test_a_hang_up_at_any_moment_of_start_up_ends_the_game_at_once(tmp_path: Path) -> None:
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    # 50 hang-ups, half of them a closed window; and a few SIGTERMs.
    kinds = ["closed", "sighup"] * 25 + ["sigterm"] * 10
    launches = [Launch(number, how, delay=rng.uniform(0.0, 0.6)) for number, how in enumerate(kinds)]
    done = run_all(tmp_path, launches, [None] * len(launches))
    problems = [str(launch) for launch in done if launch.problem]
    assert not problems, f"{len(problems)} of {len(done)} launches:\n" + "\n".join(problems)
    # Most signals come once the game has taken them over: the loop tests the game, not
    # only Python's start-up.
    assert sum(launch.caught for launch in done) >= len(done) // 2


SCREENS = ["feedback", "next question", "source", "help", "quit dialog"]


def test_a_hang_up_mid_quiz_on_any_screen_saves_every_answer(tmp_path: Path) -> None:
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    screens = [SCREENS[number % len(SCREENS)] for number in range(20)]
    kinds = ["closed", "sighup", "closed", "sigterm"] * 5
    launches = [Launch(number, how, delay=rng.uniform(0.0, 0.6)) for number, how in enumerate(kinds)]
    done = run_all(tmp_path, launches, list(screens))
    problems = [f"{launch} [{screen}]" for launch, screen in zip(done, screens) if launch.problem]
    assert not problems, f"{len(problems)} of {len(done)} launches:\n" + "\n".join(problems)
    assert all(launch.caught for launch in done)


def test_only_a_suspension_is_resumed_by_sigcont(tmp_path: Path) -> None:
    """The kernel sends SIGCONT with the SIGHUP of a closed terminal; the game restarts its
    terminal set-up only on the SIGCONT that ends a suspension (ctrl+z, then `fg`)."""
    terminal = Terminal(PLAY, environment(tmp_path))
    try:
        terminal.wait_for("Question 1 of 6", timeout=30)
        terminal.signal(signal.SIGCONT)  # not after a suspension: nothing to set up again
        terminal.press(KEYS[0])
        terminal.wait_for(EXPLAINED[0], timeout=30)
        before = len(terminal.raw)
        terminal.signal(signal.SIGTSTP)  # as the shell's ctrl+z does
        deadline = time.monotonic() + 30
        while Path(f"/proc/{terminal.pid}/stat").read_text().split()[2] != "T":
            assert time.monotonic() < deadline, "the game was never stopped"
            time.sleep(0.02)
        assert ALT_SCREEN_OFF in terminal.raw[before:]  # the shell got its screen back
        terminal.signal(signal.SIGCONT)
        terminal.wait_for("Next question", timeout=30)
        wait = time.monotonic() + 30
        while ALT_SCREEN_ON not in terminal.raw[before:]:
            assert time.monotonic() < wait, "the game never took the terminal back"
            time.sleep(0.02)
        terminal.press("enter")
        terminal.wait_for("Question 2 of 6", timeout=30)
        terminal.press("ctrl+q")
        terminal.wait_for("Quit (y)", timeout=30)
        terminal.press("y")
        assert terminal.wait(GONE_WITHIN + 3) == 0
    finally:
        terminal.close()
    assert raw_leaves_alt_screen_last(terminal.raw)


def raw_leaves_alt_screen_last(raw: str) -> bool:
    return raw.rfind(ALT_SCREEN_OFF) > raw.rfind(ALT_SCREEN_ON)
