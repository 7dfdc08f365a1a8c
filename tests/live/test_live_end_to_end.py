"""The real thing: one `quizgame host` and three `quizgame join`, each in its own pseudo-
terminal, playing a live game to the podium; then the reports, a student killed and back,
and the host killed with every acknowledged answer kept."""

from __future__ import annotations

import csv
import io
import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.classroom.terminal import Terminal

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parents[1] / "classroom" / "fixtures"
# A phrase of each prompt -> the key that answers it right (all true/false questions).
RIGHT = {
    "built from local granite": "t",
    "fifty steps to the lamp": "f",
    "converted to electricity": "t",
    "Visitors may climb": "f",
}
WRONG = {"t": "f", "f": "t"}
WAIT = 60.0  # real processes on a shared, busy machine


def _pack(folder: Path) -> Path:
    """The lighthouse pack, true/false questions only: one key answers each."""
    data = yaml.safe_load((FIXTURES / "lighthouse.yaml").read_text(encoding="utf-8"))
    data["questions"] = [q for q in data["questions"] if q["type"] == "true_false"]
    folder.mkdir()
    (folder / "lighthouse.txt").write_bytes((FIXTURES / "lighthouse.txt").read_bytes())
    target = folder / "lighthouse.yaml"
    target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env(tmp_path: Path, device: str) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if not k.startswith(("QUIZGAME_", "TEXTUAL", "COLUMNS", "LINES"))}
    values.update(
        TERM="xterm-256color",
        QUIZGAME_DB=str(tmp_path / "results.sqlite3"),
        QUIZGAME_DATA_DIR=str(tmp_path / device),  # each device keeps its own rejoin token
        QUIZGAME_CONFIG_DIR=str(tmp_path / device / "config"),  # and its own settings
        QUIZGAME_CACHE_DIR=str(tmp_path / "cache"),
    )
    return values


@pytest.fixture
def terminals():
    started: list[Terminal] = []

    def run(args: list[str], env: dict[str, str], size=(100, 30)) -> Terminal:
        terminal = Terminal(args, env, size=size)
        started.append(terminal)
        return terminal

    yield run
    for terminal in started:
        terminal.close()


def _quizgame(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "quizgame", *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _pin(host: Terminal) -> str:
    """The PIN in the projector's status line, once it is drawn."""
    import time

    deadline = time.monotonic() + WAIT
    while not (found := re.findall(r"PIN +(\d{6})", host.text)):
        assert time.monotonic() < deadline, host.text[-1500:]
        assert host.poll() is None, host.text[-1500:]
        time.sleep(0.05)
    host.wait_for(found[-1], WAIT)
    return found[-1]


def _question(student: Terminal, number: int) -> str:
    """Which question the student is shown as question `number` (its status line first:
    the feedback before it shows the last question's prompt too)."""
    student.wait_for(f"Question {number} of 3", WAIT)
    return student.wait_for_any(list(RIGHT), WAIT)


def _stored_answers(db: Path) -> int:
    from quizgame.store import ResultsStore

    with ResultsStore.open(db, readonly=True) as store:
        return sum(s.answered for s in store.sessions())


def test_a_live_game_with_three_students_then_faults(tmp_path: Path, terminals) -> None:
    pack = _pack(tmp_path / "pack")
    port = _free_port()
    host_env = _env(tmp_path, "teacher")
    host_args = ["host", str(pack), "--port", str(port), "--count", "3", "--seed", "5", "--time-limit", "12"]

    # -- a whole game, to the podium: Ann right, Bob wrong, Cat lets the time run out ------
    host = terminals(host_args, host_env, size=(120, 40))
    pin = _pin(host)
    students = {}
    for name in ("Ann", "Bob", "Cat"):
        student = terminals(["join", f"127.0.0.1:{port}", "--player", name, "--pin", pin], _env(tmp_path, name))
        student.wait_for(f"You're in, {name}", WAIT)
        students[name] = student
    host.wait_for("Cat", WAIT)
    host.press("n")
    for number in (1, 2, 3):
        shown = {name: _question(s, number) for name, s in students.items()}
        assert len(set(shown.values())) == 1, shown  # everyone has the same question
        right = RIGHT[shown["Ann"]]
        students["Ann"].press(right)
        students["Bob"].press(WRONG[right])
        for name in ("Ann", "Bob"):
            students[name].wait_for("Answer locked in", WAIT)
        host.wait_for("Right answer:", WAIT)  # Cat's time ran out: the host's clock closed it
        # Each student's own verdict with the answer key (right or wrong: see the export).
        for name in ("Ann", "Bob", "Cat"):
            students[name].wait_for("Right answer:", WAIT)
        host.press("n")
        host.wait_for("Leaderboard", WAIT)
        host.press("n")
    host.wait_for("Final scores", WAIT)
    students["Ann"].wait_for("1st of 3", WAIT)
    for name in ("Bob", "Cat"):
        students[name].wait_for("of 3 ·", WAIT)

    # -- the reports show every student's answers -----------------------------------------
    results = _quizgame(host_env, "results")
    for name in ("Ann", "Bob", "Cat"):
        assert name in results
    rows = list(csv.DictReader(io.StringIO(_quizgame(host_env, "export", "--format", "csv"))))
    by_player: dict[str, list[dict]] = {}
    for row in rows:
        by_player.setdefault(row["player"], []).append(row)
    assert sorted(by_player) == ["Ann", "Bob", "Cat"]
    assert [r["correct"] for r in by_player["Ann"]] == ["1", "1", "1"]
    assert [r["correct"] for r in by_player["Bob"]] == ["0", "0", "0"]
    assert [r["timed_out"] for r in by_player["Cat"]] == ["1", "1", "1"]
    assert len({r["game_id"] for r in rows}) == 1
    host.press("ctrl+q")
    assert host.wait(WAIT) == 0
    for student in students.values():
        student.press("ctrl+q")
        assert student.wait(WAIT) == 0

    # -- a second game: a student killed mid-question comes back with their score ----------
    host = terminals([*host_args, "--seed", "6"], host_env, size=(120, 40))
    pin = _pin(host)
    ann_env = _env(tmp_path, "Ann")
    ann = terminals(["join", f"127.0.0.1:{port}", "--player", "Ann", "--pin", pin], ann_env)
    ann.wait_for("You're in, Ann", WAIT)
    bob = terminals(["join", f"127.0.0.1:{port}", "--player", "Bob", "--pin", pin], _env(tmp_path, "Bob"))
    bob.wait_for("You're in, Bob", WAIT)
    host.wait_for("Bob", WAIT)
    host.press("n")
    first = _question(ann, 1)
    _question(bob, 1)
    ann.press(RIGHT[first])
    bob.press(RIGHT[first])
    for terminal in (ann, bob, host):  # a reveal is sent only once the answers are committed
        terminal.wait_for("Right answer:", WAIT)
    host.press("n")
    host.wait_for("Leaderboard", WAIT)
    host.press("n")
    second = _question(ann, 2)
    score = re.findall(r"Score (\d+) of", ann.text)[-1]
    assert int(score) > 0
    ann.signal(signal.SIGKILL)  # mid-question
    ann.wait(WAIT)
    again = terminals(["join", f"127.0.0.1:{port}", "--pin", pin], ann_env)  # no name: the token says
    again.wait_for(f"Score {score}", WAIT)  # back on the open question with the score she had
    assert _question(again, 2) == second

    # -- the host killed: every acknowledged answer is in the database ---------------------
    again.press(RIGHT[second])
    again.wait_for("Answer locked in", WAIT)  # acknowledged; Bob has not answered: still open
    host.signal(signal.SIGKILL)
    host.wait(WAIT)
    # The first game's nine, this game's first two, and Ann's acknowledged second.
    assert _stored_answers(tmp_path / "results.sqlite3") == 9 + 2 + 1

    # -- and on restart, the host offers to carry the game on ------------------------------
    host = terminals(host_args, host_env, size=(120, 40))
    host.wait_for("Continue the unfinished game?", WAIT)
    host.press("y")
    pin = _pin(host)
    back = terminals(["join", f"127.0.0.1:{port}", "--player", "Bob", "--pin", pin], _env(tmp_path, "Bob"))
    back.wait_for("Welcome back, Bob", WAIT)


def test_join_offers_the_name_the_game_remembers(tmp_path: Path, terminals) -> None:
    """The name given to the game on this machine (settings.json) is in the join form, ready:
    Enter after the PIN joins with it."""
    import json

    port = _free_port()
    pack = _pack(tmp_path / "pack")
    host = terminals(["host", str(pack), "--port", str(port)], _env(tmp_path, "teacher"), size=(120, 40))
    pin = _pin(host)
    env = _env(tmp_path, "Dee")
    config = Path(env["QUIZGAME_CONFIG_DIR"])
    config.mkdir(parents=True)
    (config / "settings.json").write_text(json.dumps({"format": 1, "player": "Dee"}), encoding="utf-8")
    student = terminals(["join", f"127.0.0.1:{port}"], env)
    student.wait_for("Game PIN", WAIT)
    student.press(*pin, "enter")
    student.wait_for("You're in, Dee", WAIT)
    host.wait_for("Dee", WAIT)
