"""Start-up as CPU instructions: a steady companion to bench_tui.py's wall-clock times.

On a shared, noisy machine the start-up medians of bench_tui.py move by 10% from one run to
the next. The number of instructions a process executes until its first paint hardly moves
(about 0.1%), so this is the figure to compare two versions of quizgame with.

Each app runs once untimed (bytecode and pack caches), then under valgrind's cachegrind in a
pseudo-terminal, 80×24, until the frame showing its first text is handed to the terminal
(benchmarks/first_paint.py ends the process right there):

- baseline: benchmarks/tui_baselines/hello.py, until "hello";
- quizgame: `python -m quizgame play <article pack> --seed 1 --no-shuffle --player bench`, until the status
  line of the first question ("Question 1 of"), which is drawn in the same frame as it.

The ratio is of instructions only. bench_tui.py's wall-clock ratio also counts what both pay
alike (starting a process, the dynamic loader, the terminal), so it comes out lower. Needs
valgrind (`apt install valgrind`); takes about 10 s a run.

    .venv/bin/python benchmarks/bench_instructions.py
    .venv/bin/python benchmarks/bench_instructions.py --tree /tmp/qg-try   # a candidate fix
"""

from __future__ import annotations

import argparse
import fcntl
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = Path(sys.executable)
HERE = Path(__file__).resolve().parent
ARTICLE_PACK = ROOT / "questions" / "trump-putin-g20.yaml"
TARGET = 1.2
COLS, ROWS = 80, 24


def run_in_pty(argv: list[str], env: dict[str, str], timeout: float) -> int:
    """Run to the end in a pseudo-terminal of 80×24, discarding what it draws."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    try:
        while True:
            try:
                if not os.read(master, 1 << 16):
                    break
            except OSError:  # EIO: the terminal is closed
                break
        return proc.wait(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)


def instructions(argv: list[str], env: dict[str, str]) -> int:
    with tempfile.TemporaryDirectory(prefix="quizgame-bench-cg-") as tmp:
        log = Path(tmp) / "cachegrind.log"
        command = [
            "valgrind", "--tool=cachegrind", "--cache-sim=no",
            "--cachegrind-out-file=/dev/null", f"--log-file={log}", *argv,
        ]  # fmt: skip
        run_in_pty(command, env, timeout=600)
        match = re.search(r"I\s+refs:\s+([\d,]+)", log.read_text())
        if not match:
            raise RuntimeError(f"cachegrind reported no count for {' '.join(argv)}:\n{log.read_text()}")
        return int(match.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1, help="counts of each app (default 1: they barely vary)")
    parser.add_argument("--pack", type=Path, default=ARTICLE_PACK, help="the pack to play")
    parser.add_argument("--tree", type=Path, help="run quizgame from this copy of the repository instead")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("bench_instructions.py: needs valgrind (apt install valgrind)", file=sys.stderr)
        return 2
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    tmp = Path(tempfile.mkdtemp(prefix="quizgame-bench-instr-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "QUIZGAME", "PYTHONDONTWRITE"))}
    env.update(
        TERM="xterm-256color",
        COLORTERM="truecolor",
        QUIZGAME_DATA_DIR=str(tmp / "data"),
        QUIZGAME_CACHE_DIR=str(tmp / "cache"),
        QUIZGAME_DB=str(tmp / "results.sqlite"),
        QUIZGAME_CONFIG_DIR=str(tmp / "config"),
    )
    if args.tree:
        env["PYTHONPATH"] = str(args.tree.resolve())
    paint = [str(PYTHON), str(HERE / "first_paint.py")]
    hello = [*paint, "hello", str(HERE / "tui_baselines" / "hello.py")]
    play = [*paint, "Question 1 of", "-m", "quizgame", "play", str(args.pack), "--seed", "1", "--no-shuffle", "--player", "bench"]

    print(f"python {sys.version.split()[0]}  counting instructions to the first paint with cachegrind")
    print(f"app: python {' '.join(play[3:])}" + (f"  (PYTHONPATH={args.tree})" if args.tree else ""))
    try:
        for command in (hello, play):  # untimed: bytecode, and the pack cache of a second launch
            if run_in_pty(command, env, timeout=60) != 0:
                print(f"bench_instructions.py: {' '.join(command)} did not reach its first paint", file=sys.stderr)
                return 2
        counts = {"baseline hello": [], "quizgame play": []}
        for _ in range(args.runs):
            counts["baseline hello"].append(instructions(hello, env))
            counts["quizgame play"].append(instructions(play, env))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    for name, xs in counts.items():
        shown = "  ".join(f"{x / 1e6:,.1f}" for x in xs)
        print(f"  {name:22s} {min(xs) / 1e6:10,.1f} M instructions   (runs: {shown})")
    ratio = min(counts["quizgame play"]) / min(counts["baseline hello"])
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"Ratio quizgame / baseline: {ratio:.3f}x  (start-up target <= {TARGET}x in time: {verdict} by this count)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
