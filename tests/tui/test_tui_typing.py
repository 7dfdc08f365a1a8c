"""Typing as a person types, in a real terminal on a busy machine: nothing typed is lost.

The home screen's Player field, cleared and typed into with 30-120 ms between keys while
every core is kept busy, must store exactly the name typed. (Textual's Input acts on its
backspaces only after they have bubbled up to the app; the letters typed after them used to
overtake them on a loaded machine, and "Eve" was stored as "Ev".) So must the name asked
for on the first run, and that name is the one remembered for the next.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from classroom.terminal import Terminal

pytestmark = pytest.mark.slow

CTRL_N, CTRL_Q, BACKSPACE, ENTER = b"\x0e", b"\x11", b"\x7f", b"\r"
NAMES = ["Eve", "Zed1", "Katherine", "Ada Lovelace"]
PACK_LISTED = "built-in · "  # under the built-in pack, once the home screen lists it


@contextmanager
def busy_machine() -> Iterator[None]:
    """Every core kept busy by other processes, as on a shared machine."""
    spinners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(2 * (os.cpu_count() or 1))
    ]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
        for spinner in spinners:
            spinner.wait()


def _type(terminal: Terminal, keys: list[bytes], rng: random.Random) -> None:
    for key in keys:
        os.write(terminal.fd, key)
        time.sleep(rng.uniform(0.03, 0.12))


def _shown(terminal: Terminal, *texts: str) -> bool:
    shown = terminal.text
    return any(text in shown for text in texts)


def _wait_until(done, what: str, terminal: Terminal, timeout: float = 60) -> None:
    """Wait, as long as a loaded machine may need, until `done()`; else fail, saying what
    the terminal showed."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not within {timeout} s; last output:\n{terminal.text[-1500:]}")
        if terminal.poll() is not None:
            raise AssertionError(f"the game exited ({terminal.returncode}) before {what}:\n{terminal.text[-3000:]}")
        time.sleep(0.05)


def _stored_names(db: Path) -> list[str]:
    if not db.exists():
        return []
    with sqlite3.connect(db) as connection:
        query = "SELECT players.name FROM sessions JOIN players ON players.id = sessions.player_id"
        return [row[0] for row in connection.execute(query)]


def _environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QUIZGAME_", "TEXTUAL"))}
    env.update(
        TERM="xterm-256color",
        QUIZGAME_DB=str(tmp / "results.sqlite3"),
        QUIZGAME_DATA_DIR=str(tmp / "data"),
        QUIZGAME_CACHE_DIR=str(tmp / "cache"),
        QUIZGAME_CONFIG_DIR=str(tmp / "config"),
    )
    return env


def _remembered(tmp: Path) -> str | None:
    path = tmp / "config" / "settings.json"
    return json.loads(path.read_text(encoding="utf-8"))["player"] if path.exists() else None


def _answer_any(terminal: Terminal) -> None:
    """Answer the question on screen, whatever its kind, and wait for the feedback."""
    # Its kind is told by the line under it, which can reach the terminal after the
    # question's number above it.
    kinds = ("or click a choice", "Press t for true", "Type the answer", "More than one may be right")
    _wait_until(lambda: _shown(terminal, *kinds), "how to answer", terminal)
    if _shown(terminal, "Press t for true"):
        keys = b"t"
    elif _shown(terminal, "Type the answer"):
        keys = b"x" + ENTER
    elif _shown(terminal, "More than one may be right"):
        keys = b"1" + ENTER
    else:
        keys = b"1"
    os.write(terminal.fd, keys)
    _wait_until(lambda: _shown(terminal, "Right", "Wrong", "Partly right"), "the feedback", terminal)


def _play_then_quit(terminal: Terminal) -> None:
    """Enter once the packs are listed, as a player would see them (before, it starts
    nothing); then answer the first question and quit."""
    _wait_until(lambda: PACK_LISTED in terminal.text, "the packs listed", terminal)
    os.write(terminal.fd, ENTER)
    # The quiz starts, or (the name typed was lost whole) the home screen asks for one.
    started = ("Question 1 of", "Type your name")
    _wait_until(lambda: _shown(terminal, *started), "the quiz started", terminal)
    if _shown(terminal, "Question 1 of"):
        # One answer, so the session is stored (one nobody answered in is no result).
        _answer_any(terminal)
    os.write(terminal.fd, CTRL_Q)
    if _shown(terminal, "Question 1 of"):
        terminal.wait_for("Quit?", timeout=60)
        os.write(terminal.fd, b"y")
    code = terminal.wait(60)
    assert code == 0, f"the game exited {code} after quit:\n{terminal.text[-3000:]}"


def _start_as(name: str, tmp: Path, rng: random.Random) -> list[str]:
    """On a later run: the home screen shows the name stored last time (here "root", as a
    login name once was), and the player puts their own in its place."""
    (tmp / "config").mkdir(parents=True)
    (tmp / "config" / "settings.json").write_text(json.dumps({"player": "root"}), encoding="utf-8")
    terminal = Terminal([], _environment(tmp))
    try:
        terminal.wait_for("Player", timeout=60)
        # As a player does it: to the name field, clear it (a backspace or two more than
        # needed), type the name, start.
        _type(terminal, [CTRL_N, *[BACKSPACE] * 8, *[c.encode() for c in name]], rng)
        _play_then_quit(terminal)
    finally:
        terminal.close()
    return _stored_names(tmp / "results.sqlite3")


def _first_run_as(name: str, tmp: Path, rng: random.Random) -> list[str]:
    """The first run: asked for a name, the player types it (and fixes a slip on the way)."""
    terminal = Terminal([], _environment(tmp))
    try:
        terminal.wait_for("What is your name?", timeout=60)
        _type(terminal, [b"x", BACKSPACE, *[c.encode() for c in name], ENTER], rng)
        # The question goes once the name is taken, and the name is remembered as it goes:
        # the next Enter is the home screen's.
        _wait_until(lambda: _remembered(tmp) is not None, "the name taken", terminal)
        _play_then_quit(terminal)
    finally:
        terminal.close()
    return _stored_names(tmp / "results.sqlite3")


def test_the_player_field_keeps_every_letter_typed_on_a_busy_machine(tmp_path: Path) -> None:
    rng = random.Random(14)
    stored = []
    with busy_machine():
        for trial, name in enumerate(NAMES * 2):
            stored.append((name, _start_as(name, tmp_path / str(trial), rng)))
    assert [got for _, got in stored] == [[name] for name, _ in stored]


def test_the_name_asked_on_the_first_run_keeps_every_letter_and_is_remembered(tmp_path: Path) -> None:
    rng = random.Random(4)
    stored = []
    with busy_machine():
        for trial, name in enumerate(NAMES):
            folder = tmp_path / str(trial)
            stored.append((name, _first_run_as(name, folder, rng), _remembered(folder)))
    assert [(got, kept) for _, got, kept in stored] == [([name], name) for name, _, _ in stored]
