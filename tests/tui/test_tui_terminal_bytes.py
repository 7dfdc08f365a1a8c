"""Nothing from outside reaches the terminal raw: the real `quizgame` in a pseudo-terminal,
every byte it writes recorded, while it shows each screen that shows outside text.

The data (tests/tui/hostile_data.py) is stuffed with ESC, CSI, OSC 0, 8 and 52, DCS, C1 and
bidi sequences, brought in the ways validation cannot stop: a pack cache entry written over,
a results database written directly, a settings file, the login name. The game visits the home screen, the
leaderboard, a question, its feedback, the source view, the results with the review open,
the hot-seat set-up, a round, the scoreboard and the podium; `results`, `stats` and
`export` run on the terminal too. None of the injected sequences may be in what the
terminal received, while the text around them is there to see.

The same run with clean data passes, and a program that writes the hostile text raw is
caught: the check finds what it looks for.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from classroom.terminal import Terminal

from .hostile_data import (
    HOSTILE,
    QUESTIONS,
    fill_database,
    injected_bytes,
    injected_in,
    names,
    poison_cache,
    write_pack,
)

pytestmark = pytest.mark.slow

SIZE = (100, 40)
DOWN, SHIFT_TAB = "\x1b[B", "\x1b[Z"
CTRL_L, CTRL_N, CTRL_S, CTRL_T = "\x0c", "\x0e", "\x13", "\x14"


class Place:
    def __init__(self, folder: Path, hostile: bool) -> None:
        self.folder = folder
        self.hostile = hostile
        self.packs = folder / "packs"
        self.pack = write_pack(self.packs)
        self.db = folder / "results.sqlite3"
        login = f"Eve{HOSTILE}" if hostile else "eve"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("QUIZGAME_", "TEXTUAL"))}
        self.env.update(
            TERM="xterm-256color",
            QUIZGAME_DB=str(self.db),
            QUIZGAME_DATA_DIR=str(folder / "data"),
            QUIZGAME_CACHE_DIR=str(folder / "cache"),
            QUIZGAME_CONFIG_DIR=str(folder / "config"),
            LOGNAME=login,
            USER=login,
        )
        self.terminals: list[Terminal] = []

    def prepare(self) -> None:
        # A real load, which fills the pack cache the game will read; then the cache entry
        # and the database get what an attacker or an older version would put there.
        loaded = subprocess.run(
            [sys.executable, "-c", "import sys; from pathlib import Path; from quizgame.packs import load_pack;"
             " print(load_pack(Path(sys.argv[1])).content_hash)", str(self.pack)],
            env=self.env, capture_output=True, text=True, check=True, timeout=60,
        )
        if self.hostile:
            poison_cache(self.folder / "cache")
        # The name remembered from last time, as a settings file could hold it.
        config = self.folder / "config"
        config.mkdir()
        (config / "settings.json").write_text(json.dumps({"format": 1, "player": names(self.hostile)[0]}))
        fill_database(self.db, loaded.stdout.strip(), self.hostile)

    def start(self, *args: str) -> Terminal:
        terminal = Terminal(list(args), self.env, size=SIZE)
        self.terminals.append(terminal)
        return terminal

    def output(self) -> bytes:
        return b"".join(terminal.output for terminal in self.terminals)


@pytest.fixture
def place(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Place]:
    place = Place(tmp_path, request.param)
    place.prepare()
    yield place
    for terminal in place.terminals:
        terminal.close()


def press_until(terminal: Terminal, key: str, *shown: str) -> str:
    """Press `key` until one of `shown` appears; which. A key that arrives while a screen
    is still being set up can go unheard, and a player would press it again."""
    for _ in range(3):
        terminal.press(key)
        try:
            return terminal.wait_for_any(list(shown), timeout=8)
        except AssertionError:
            continue
    return terminal.wait_for_any(list(shown), timeout=8)


def visit_every_screen(place: Place) -> None:
    marker = "PWNED-title" if place.hostile else "The Lighthouse Log"
    game = place.start("--packs", str(place.packs))
    # Home: the built-in pack first, then ours, with its title, source and sections.
    if game.wait_for_any(["your name", "Trump and Putin"], timeout=60) == "your name":
        # The remembered name could not be used (it holds control characters): the game
        # asks for one, as on a first run.
        game.press("Z", "e", "d", "enter")
        game.wait_for("Trump and Putin", timeout=30)
        game.press(SHIFT_TAB)  # from the Player field back to the packs
    game.press(DOWN)
    game.wait_for("The Lighthouse Log", timeout=30)
    game.wait_for("History of the light", timeout=30)
    # The leaderboard of stored names.
    press_until(game, CTRL_L, "Mallory")
    game.press("escape")
    game.wait_for("Hot-seat ^t", timeout=30)
    # A solo quiz: both questions, their feedback, the source view, the results and review.
    first = press_until(game, "enter", *QUESTIONS)
    (second,) = set(QUESTIONS) - {first}
    press_until(game, QUESTIONS[first], "Next question (Enter)")  # its feedback
    press_until(game, "s", "Gull Point")  # the source view
    game.wait_for("esc Back", timeout=30)
    game.press("escape")
    game.wait_for("s Source", timeout=30)  # the feedback again
    press_until(game, "enter", second)
    press_until(game, QUESTIONS[second], "See the results (Enter)")
    press_until(game, "enter", "New quiz")  # the results
    press_until(game, "e", "It was built in 1871.")  # the review, open
    game.press("n")
    # Hot-seat: the set-up, two rounds, their scores, the podium.
    game.wait_for("History of the light", timeout=30)  # the pack played last, chosen again
    press_until(game, CTRL_T, "Hot-seat game:")
    game.press("A", "n", "n", "tab", "B", "o", "b")
    press_until(game, CTRL_S, "Pass to Ann")
    previous: str | None = None
    for round_number in (1, 2):
        question: str | None = None
        for player in ("Ann", "Bob"):
            # From "Pass to ..." to the question: this round's, the one not asked before.
            asked = press_until(game, "enter", *(q for q in QUESTIONS if q != previous))
            question = question or asked
            press_until(game, QUESTIONS[question], "Pass to Bob" if player == "Ann" else "Everyone has answered")
        previous = question
        press_until(game, "enter", "Scores so far")  # from the round to the scoreboard
        press_until(game, "enter", "Pass to Ann" if round_number == 1 else "Ranking")
    # The podium is on screen.
    game.press("ctrl+q")
    assert game.wait(30) == 0
    assert marker in game.text  # the outside text was on screen, made safe

    # The reports, on a terminal.
    reports = {
        ("results",): "Mallory",
        ("results", "--player", names(place.hostile)[0]): "Eve",
        ("stats", "lighthouse"): "granite",
        ("export",): "Mallory",
        ("export", "--format", "json"): "Mallory",
    }
    for args, shown in reports.items():
        report = place.start(*args)
        assert report.wait(60) == 0, args
        assert shown in report.text, args
    # A hostile name on the command line: refused, the refusal shown safe.
    refused = place.start("play", str(place.pack), "--player", f"Eve{HOSTILE}")
    assert refused.wait(60) == 2


@pytest.mark.parametrize("place", [True], indirect=True, ids=["hostile data"])
def test_no_injected_sequence_reaches_the_terminal(place: Place) -> None:
    visit_every_screen(place)
    found = injected_in(place.output())
    assert not found, f"{injected_bytes(place.output())} bytes of injected sequences reached the terminal: {found}"


@pytest.mark.parametrize("place", [False], indirect=True, ids=["clean data"])
def test_clean_data_passes_the_same_check(place: Place) -> None:
    visit_every_screen(place)
    assert injected_in(place.output()) == []


def test_the_check_finds_a_raw_injection(tmp_path: Path) -> None:
    program = ["-c", "import sys; sys.stdout.write(sys.argv[1]); sys.stdout.flush()"]
    terminal = Terminal([f"Eve{HOSTILE}"], dict(os.environ), program=program)
    try:
        assert terminal.wait(30) == 0
    finally:
        terminal.close()
    from .hostile_data import INJECTED

    found = {item.kind for item in injected_in(terminal.output)}
    assert found == set(INJECTED)
