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


def answer_both(terminal: Terminal) -> Iterator[None]:
    """Answer the two questions, in whichever order they come (they are shuffled): yields
    after each answer, for the caller to move on to the next."""
    first = terminal.wait_for_any(list(QUESTIONS), timeout=30)
    terminal.press(QUESTIONS[first])
    yield
    (second,) = set(QUESTIONS) - {first}
    terminal.wait_for(second, timeout=30)
    terminal.press(QUESTIONS[second])
    yield


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
    game.press(CTRL_L)
    game.wait_for("Mallory", timeout=30)
    game.press("escape")
    game.wait_for("Hot-seat ^t", timeout=30)
    # A solo quiz: both questions, their feedback, the source view, the results and review.
    game.press("enter")
    answers = answer_both(game)
    next(answers)
    game.wait_for("Next question (Enter)", timeout=30)  # its feedback
    game.press("s")
    game.wait_for("Gull Point", timeout=30)  # the source view
    game.wait_for("esc Back", timeout=30)
    game.press("escape")
    game.wait_for("s Source", timeout=30)  # the feedback again
    game.press("enter")
    next(answers)
    game.wait_for("See the results (Enter)", timeout=30)
    game.press("enter")
    game.wait_for("New quiz", timeout=30)  # the results
    game.press("e")
    game.wait_for("It was built in 1871.", timeout=30)  # the review, open
    game.press("n")
    # Hot-seat: the set-up, two rounds, their scores, the podium.
    game.wait_for("History of the light", timeout=30)  # the pack played last, chosen again
    game.press(CTRL_T)
    game.wait_for("Hot-seat game:", timeout=30)
    game.press("A", "n", "n", "tab", "B", "o", "b")
    game.press(CTRL_S)
    previous: str | None = None
    for _ in range(2):
        question: str | None = None
        for player in ("Ann", "Bob"):
            game.wait_for(f"Pass to {player}", timeout=30)
            game.press("enter")
            if question is None:  # this round's question, the one not asked before
                question = game.wait_for_any([q for q in QUESTIONS if q != previous], timeout=30)
            else:
                game.wait_for(question, timeout=30)
            game.press(QUESTIONS[question])
        previous = question
        game.wait_for("Everyone has answered", timeout=30)  # the round
        game.press("enter")
        game.wait_for("Scores so far", timeout=30)  # the scoreboard
        game.press("enter")
    game.wait_for("Ranking", timeout=30)  # the podium
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
