"""TUI benchmarks, measured as a player sees them.

Each app runs in its own pseudo-terminal (80x24, TERM=xterm-256color). Everything it writes
is read from the pty master and fed to a small VT emulator (pyte), so "drawn" means the text
is really on the emulated screen, not merely that some bytes went out.

Measures, each against a minimal Textual app timed in the same run, interleaved:

  start-up   launch `quizgame play <article pack>` until the first question's prompt is on
             screen, vs launching benchmarks/tui_baselines/hello.py until "hello" is drawn.
             Target: median ratio <= 1.2. Peak memory (VmHWM of the app process at that
             moment): median ratio <= 1.3.
  key press  on a pack of single-choice questions (the article pack's, copied to a
             temporary folder), write "1" to the pty until the verdict is on screen, then
             Enter for the next question (--presses of them); vs benchmarks/tui_baselines/swap.py
             swapping one line of text on a key press. Targets: median ratio <= 1.5, and
             p95 of all presses <= 1.5x the baseline's p95.
  first press  a fresh launch, the first question read for READ_FIRST seconds, then "1"
             until the verdict is drawn (what start-up deferred is paid here), over
             --first-runs launches. Target: its median <= 1.5x the baseline's key press
             median (the baseline's own first press is shown for information).

Start-up is measured warm (the pack cache exists, as on a player's second launch) against
the targets, and cold (a fresh, empty cache every launch) for information.

Needs pyte in the venv:  .venv/bin/pip install pyte
Run:                     .venv/bin/python benchmarks/bench_tui.py [--runs N] [--presses N]

This is a report: it prints PASS/FAIL per target and always exits 0 (2 on bad usage or
when an app cannot be driven at all).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

try:
    import pyte
except ImportError:  # pragma: no cover - depends on the environment
    sys.exit("bench_tui.py needs pyte: .venv/bin/pip install pyte")

import yaml

ROOT = Path(__file__).resolve().parent.parent
BASELINES = Path(__file__).resolve().parent / "tui_baselines"
PYTHON = Path(sys.executable)
QUIZGAME = PYTHON.parent / "quizgame"  # the console script a user runs
ARTICLE_PACK = ROOT / "questions" / "trump-putin-g20.yaml"

COLS, ROWS = 80, 24
STARTUP_TARGET = 1.2
MEMORY_TARGET = 1.3
KEYPRESS_TARGET = 1.5
P95_TARGET = 1.5
FIRST_PRESS_TARGET = 1.5
# How long the first question is read before its first answer: a player reads at least a
# second before a key; half of that is a fast reader.
READ_FIRST = 0.5

# What the quiz shows once an answer is in: a verdict symbol and words (quizgame/tui/wording.py).
FEEDBACK_VERDICTS = ("✔ Right", "◐ Partly right", "✘ Wrong", "⌛ Time's up")
NEXT_KEY = b"\r"
LAST_FEEDBACK = "See the results"  # the feedback screen's button after the session's last answer
ANSWER_KEY = b"1"  # every question of the key-press pack is single choice
SETTLE = 0.15  # seconds of quiet before each timed key press, so the app is idle
NEXT_TIMEOUT = 5.0  # seconds to wait for the next question after Enter

_BOX_CHARS = re.compile(r"[\u2500-\u259f\u2800-\u28ff]")
_SPACES = re.compile(r"\s+")


def _flat(text: str) -> str:
    """One line of text, spacing collapsed, box drawing removed: wrapped text reads through."""
    return _SPACES.sub(" ", _BOX_CHARS.sub(" ", text)).strip()


# --- the terminal ---------------------------------------------------------------------------


def _become_controlling_tty() -> None:  # runs in the child, after setsid
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Timeout(Exception):
    pass


class Term:
    """An app running in a pty, with what it has drawn kept on an emulated screen."""

    def __init__(self, argv: Sequence[str | Path], env: dict[str, str], cwd: Path = ROOT) -> None:
        self.argv = [str(a) for a in argv]
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.fd = master
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            self.argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=cwd,
            start_new_session=True,
            preexec_fn=_become_controlling_tty,
        )
        os.close(slave)
        self.last_output = self.started

    # Reading ---------------------------------------------------------------------------

    def _read(self, timeout: float) -> float | None:
        """Wait up to `timeout` for output; feed it to the screen; return when it arrived."""
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0.0))
        if not ready:
            return None
        arrived = time.perf_counter()  # before parsing, so the emulator's cost is not counted
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the app closed the terminal
            data = b""
        if not data:
            raise Timeout(f"{self.argv[0]} closed its terminal\n{self.text()}")
        self.stream.feed(data)
        self.last_output = arrived
        return arrived

    def wait_for(self, check: Callable[[str], bool], timeout: float, what: str) -> float:
        """perf_counter() time at which output making `check(screen text)` true arrived."""
        deadline = time.perf_counter() + timeout
        if check(self.text()):
            return self.last_output
        while True:
            arrived = self._read(deadline - time.perf_counter())
            if arrived is None:
                if time.perf_counter() >= deadline:
                    raise Timeout(f"no {what} after {timeout:.1f}s: {' '.join(self.argv)}\n{self.text()}")
                continue
            if check(self.text()):
                return arrived

    def drain(self, quiet: float) -> None:
        """Read until the app has written nothing for `quiet` seconds."""
        while self._read(quiet) is not None:
            pass

    def text(self) -> str:
        return _flat(" ".join(self.screen.display))

    def press(self, key: bytes) -> float:
        sent = time.perf_counter()
        os.write(self.fd, key)
        return sent

    # Process ---------------------------------------------------------------------------

    def peak_rss_kib(self) -> int:
        """VmHWM: the most resident memory the app process has used so far."""
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
        return int(match.group(1)) if match else 0

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            deadline = time.perf_counter() + 3.0
            while self.proc.poll() is None and time.perf_counter() < deadline:
                try:  # keep reading, or an app saving on exit could block on a full pty
                    self._read(0.02)
                except Timeout:
                    break
            if self.proc.poll() is None:
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        os.close(self.fd)


def base_env(tmp: Path, cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "QUIZGAME"))}
    env.update(
        TERM="xterm-256color",
        COLORTERM="truecolor",
        COLUMNS=str(COLS),
        LINES=str(ROWS),
        QUIZGAME_DATA_DIR=str(tmp / "data"),
        QUIZGAME_CACHE_DIR=str(cache),
        QUIZGAME_DB=str(tmp / "results.sqlite3"),
        QUIZGAME_CONFIG_DIR=str(tmp / "config"),
    )
    env.pop("NO_COLOR", None)
    # An installed quizgame has its bytecode compiled; without this every launch from a
    # checkout would compile quizgame's modules from source again (the warm-up writes them).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# --- what the apps show ---------------------------------------------------------------------


@dataclass(frozen=True)
class PackQuestion:
    id: str
    type: str
    prompt: str  # flattened, as it should read on screen

    def on(self, screen_text: str) -> bool:
        return self.prompt[:60] in screen_text


def read_pack_questions(pack: Path) -> list[PackQuestion]:
    data = yaml.safe_load(pack.read_text(encoding="utf-8"))
    return [PackQuestion(q["id"], q["type"], _flat(q["prompt"])) for q in data["questions"]]


_FEEDBACK = re.compile("|".join(re.escape(v) + r"\b" for v in FEEDBACK_VERDICTS))


def feedback_shown(screen_text: str) -> bool:
    return _FEEDBACK.search(screen_text) is not None


def single_choice_pack(pack: Path, folder: Path) -> Path:
    """A copy of `pack` with only its single-choice questions (and their sections), in
    `folder` beside a copy of its source text: every timed press is the same "1"."""
    data = yaml.safe_load(pack.read_text(encoding="utf-8"))
    data["questions"] = [q for q in data["questions"] if q["type"] == "single"]
    if not data["questions"]:
        raise SystemExit(f"bench_tui.py: {pack} has no single-choice question")
    used = {q["section"] for q in data["questions"]}
    data["sections"] = [s for s in data["sections"] if s["id"] in used]
    data["id"] = f"{data['id']}-single"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(pack.parent / data["source"]["text"], folder / data["source"]["text"])
    out = folder / "single-choice.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def question_on(questions: Sequence[PackQuestion], screen_text: str) -> PackQuestion | None:
    for q in questions:
        if q.on(screen_text):
            return q
    return None


# --- one measured thing each ----------------------------------------------------------------


@dataclass
class Launcher:
    """How to start one app and know that its first screen is drawn."""

    name: str
    argv: list[str | Path]
    drawn: Callable[[str], bool]
    timeout: float = 20.0
    extra_env: dict[str, str] = field(default_factory=dict)

    def start(self, env: dict[str, str]) -> tuple[Term, float, int]:
        """Launch; return the terminal, seconds to first draw, and peak RSS (KiB) then."""
        term = Term(self.argv, {**env, **self.extra_env})
        try:
            drawn_at = term.wait_for(self.drawn, self.timeout, f"first screen of {self.name}")
            rss = term.peak_rss_kib()
        except BaseException:
            term.close()
            raise
        return term, drawn_at - term.started, rss


@dataclass
class Samples:
    seconds: list[float] = field(default_factory=list)
    kib: list[int] = field(default_factory=list)


def measure_startup(
    pair: tuple[Launcher, Launcher], runs: int, env_for: Callable[[], dict[str, str]]
) -> tuple[Samples, Samples]:
    """Interleave launches A B B A A B ... so drift and order effects hit both alike."""
    out = (Samples(), Samples())
    for run in range(runs):
        order = (0, 1) if run % 2 == 0 else (1, 0)
        for which in order:
            term, secs, rss = pair[which].start(env_for())
            term.close()
            out[which].seconds.append(secs)
            out[which].kib.append(rss)
    return out


class SwapDriver:
    """The baseline key press: any key swaps the line to "pressed N"."""

    name = "baseline swap"

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.term: Term | None = None
        self.presses = 0

    def start(self) -> None:
        self.presses = 0
        self.term = Term([PYTHON, BASELINES / "swap.py"], self.env)
        self.term.wait_for(lambda s: "ready" in s, 20.0, "baseline swap app")

    def timed_press(self) -> float:
        assert self.term is not None
        self.term.drain(SETTLE)
        self.presses += 1
        want = re.compile(rf"\bpressed {self.presses}\b")
        sent = self.term.press(b"x")
        shown = self.term.wait_for(lambda s: want.search(s) is not None, 10.0, "swapped line")
        return shown - sent

    def close(self) -> None:
        if self.term:
            self.term.close()
            self.term = None


class QuizDriver:
    """Plays the single-choice pack: "1", time until the verdict is drawn, Enter for the
    next question. The game is relaunched when a session ends."""

    name = "quizgame play"

    def __init__(self, env: dict[str, str], argv: list[str | Path], questions: list[PackQuestion]) -> None:
        self.env = env
        self.argv = argv
        self.questions = questions
        self.term: Term | None = None
        self.current: PackQuestion | None = None
        self.unexpected_ends = 0

    def start(self) -> None:
        self.term = Term(self.argv, self.env)
        self.term.wait_for(lambda s: question_on(self.questions, s) is not None, 30.0, "first question")
        self.current = question_on(self.questions, self.term.text())

    def timed_press(self) -> float:
        if self.term is None:
            self.start()
        latency = self._answer()
        self._advance()
        return latency

    def _answer(self) -> float:
        assert self.term is not None and self.current is not None
        term = self.term
        term.drain(SETTLE)
        if feedback_shown(term.text()):
            raise Timeout(f"a verdict is on screen before answering {self.current.id}:\n{term.text()}")
        sent = term.press(ANSWER_KEY)
        shown = term.wait_for(feedback_shown, 10.0, f"verdict for {self.current.id}")
        return shown - sent

    def _advance(self) -> None:
        assert self.term is not None and self.current is not None
        previous = self.current
        self.term.drain(SETTLE)
        if LAST_FEEDBACK in self.term.text():
            self.close()
            return
        self.term.press(NEXT_KEY)

        def moved_on(s: str) -> bool:
            q = question_on(self.questions, s)
            return q is not None and q != previous and not feedback_shown(s)

        try:
            self.term.wait_for(moved_on, NEXT_TIMEOUT, f"the question after {previous.id}")
        except Timeout:
            # The session ended without the usual last-feedback wording (or the game is
            # stuck): start a new game rather than give up; the report says how often.
            self.unexpected_ends += 1
            self.close()
            return
        self.current = question_on(self.questions, self.term.text())

    def close(self) -> None:
        if self.term:
            self.term.close()
            self.term = None


def measure_first_press(
    drivers: tuple[SwapDriver | QuizDriver, ...], runs: int, scratch: Path
) -> list[list[float]]:
    """The first key press of a fresh launch, READ_FIRST seconds after the first screen.

    Each quiz launch gets its own results database: the one before was ended mid-session,
    and would be offered to resume."""
    out: list[list[float]] = [[] for _ in drivers]
    for run in range(runs):
        order = range(len(drivers)) if run % 2 == 0 else reversed(range(len(drivers)))
        for i in order:
            d = drivers[i]
            if isinstance(d, QuizDriver):
                data = Path(tempfile.mkdtemp(prefix="first-", dir=scratch))
                d.env = {**d.env, "QUIZGAME_DATA_DIR": str(data), "QUIZGAME_DB": str(data / "results.sqlite3")}
            try:
                d.start()
                assert d.term is not None
                time.sleep(READ_FIRST)
                out[i].append(d.timed_press())
            finally:
                d.close()
    return out


def measure_keypress(drivers: tuple[SwapDriver | QuizDriver, ...], presses: int) -> list[list[float]]:
    out: list[list[float]] = [[] for _ in drivers]
    try:
        for d in drivers:
            d.start()
        for n in range(presses):
            order = range(len(drivers)) if n % 2 == 0 else reversed(range(len(drivers)))
            for i in order:
                out[i].append(drivers[i].timed_press())
    finally:
        for d in drivers:
            d.close()
    return out


# --- report ---------------------------------------------------------------------------------


def _spread(xs: Sequence[float]) -> str:
    if len(xs) < 4:
        return f"min {min(xs):.3g} max {max(xs):.3g}"
    q = statistics.quantiles(xs, n=4)
    return f"IQR {q[0]:.4g}-{q[2]:.4g}"


def row(name: str, xs: Sequence[float], unit: str, scale: float) -> str:
    vals = [x * scale for x in xs]
    med = statistics.median(vals)
    return (
        f"  {name:<28} median {med:9.2f} {unit:<3} "
        f"{_spread(vals):<26} min {min(vals):8.2f}  max {max(vals):8.2f}  n={len(vals)}"
    )


def p95(xs: Sequence[float]) -> float:
    return statistics.quantiles(xs, n=20, method="inclusive")[18] if len(xs) > 1 else xs[0]


def verdict(label: str, ratio: float, target: float | None) -> str:
    if target is None:
        return f"  {label:<44} {ratio:5.2f}x  (information)"
    status = "PASS" if ratio <= target else "FAIL"
    return f"  {label:<44} {ratio:5.2f}x  target <= {target:.1f}x  {status}"


def paired_ratios(a: Sequence[float], b: Sequence[float]) -> str:
    """Spread of per-round ratios, and the ratio of the best runs (least disturbed by other
    work on the machine): shows whether the median ratio is stable."""
    rs = [x / y for x, y in zip(a, b) if y > 0]
    return f"{_spread(rs)}; best-of {min(a) / min(b):.2f}x"


# --- main -----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30, help="launches of each app, warm (default 30)")
    parser.add_argument("--cold-runs", type=int, default=5, help="launches with an empty cache (default 5; 0 skips)")
    parser.add_argument("--presses", type=int, default=40, help="timed key presses per app (default 40)")
    parser.add_argument(
        "--first-runs", type=int, default=10, help="launches timing the first key press (default 10; 0 skips)"
    )
    parser.add_argument("--only", choices=("startup", "keys"), help="run one of the two measures")
    parser.add_argument(
        "--pack", type=Path, default=ARTICLE_PACK,
        help="the pack to play (its single-choice questions for the key presses)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--play-args", default="", help="extra arguments for `quizgame play`, e.g. '--sections intro'"
    )
    parser.add_argument(
        "--tree",
        type=Path,
        help="run quizgame from this copy of the repository instead (put first on PYTHONPATH), to try a fix",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="measure the baselines against themselves (no quizgame): ratios show the harness noise",
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.presses < 1:
        parser.error("--runs and --presses must be at least 1")
    if args.tree is not None and not (args.tree / "quizgame" / "__init__.py").is_file():
        parser.error(f"--tree {args.tree}: no quizgame package there")
    do_startup = args.only in (None, "startup")
    do_keys = args.only in (None, "keys")

    hello = Launcher("baseline hello", [PYTHON, BASELINES / "hello.py"], lambda s: "hello" in s)
    app_env = {"PYTHONPATH": str(args.tree.resolve())} if args.tree else {}
    if args.self_check:
        app = Launcher("baseline hello (again)", hello.argv, hello.drawn)
        questions: list[PackQuestion] = []
    else:
        if not args.pack.is_file():
            print(f"bench_tui.py: no pack at {args.pack}", file=sys.stderr)
            return 2
        questions = read_pack_questions(args.pack)
        play_argv: list[str | Path] = [
            # A name given, as on any launch after the first (which asks for one).
            QUIZGAME, "play", args.pack, "--seed", str(args.seed), "--no-shuffle", "--player", "bench",
            *args.play_args.split(),
        ]
        app = Launcher(
            "quizgame play", play_argv, lambda s: question_on(questions, s) is not None, 30.0, app_env
        )

    print(f"python {sys.version.split()[0]}  textual {_textual_version()}  pyte {_pyte_version()}")
    print(f"terminal {COLS}x{ROWS} TERM=xterm-256color  load {os.getloadavg()[0]:.2f}  cpus {os.cpu_count()}")
    print(f"app: {' '.join(str(a) for a in app.argv)}" + (f"  (PYTHONPATH={args.tree})" if args.tree else ""))
    print()

    tmp = Path(tempfile.mkdtemp(prefix="quizgame-bench-tui-"))
    env = base_env(tmp, tmp / "cache")
    warm: tuple[Samples, Samples] | None = None
    cold: tuple[Samples, Samples] | None = None
    keys: list[list[float]] | None = None
    firsts: list[list[float]] | None = None
    key_drivers: tuple[SwapDriver | QuizDriver, ...] = ()
    try:
        # Warm-up: bytecode caches, the OS file cache, and the pack cache (a player's second launch).
        for launcher in (hello, app):
            term, _, _ = launcher.start(env)
            term.close()
        if do_startup:
            warm = measure_startup((hello, app), args.runs, lambda: env)
            if args.cold_runs > 0 and not args.self_check:

                def fresh_cache_env() -> dict[str, str]:
                    return base_env(tmp, Path(tempfile.mkdtemp(prefix="cache-", dir=tmp)))

                cold = measure_startup((hello, app), args.cold_runs, fresh_cache_env)
        if do_keys:
            if args.self_check:
                key_drivers = (SwapDriver(env), SwapDriver(env))
            else:
                single = single_choice_pack(args.pack, tmp / "single")
                single_argv = [QUIZGAME, "play", single, *play_argv[3:]]
                single_questions = read_pack_questions(single)
                key_drivers = (SwapDriver(env), QuizDriver({**env, **app_env}, single_argv, single_questions))
                # Warm the new pack's cache: every launch after is a player's second one.
                key_drivers[1].start()
                key_drivers[1].close()
            keys = measure_keypress(key_drivers, args.presses)
            if args.first_runs > 0:
                firsts = measure_first_press(key_drivers, args.first_runs, tmp)
    except Timeout as exc:
        print(f"bench_tui.py: could not drive the app: {exc}", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    med = statistics.median
    verdicts: list[str] = []
    if warm:
        print("Time to first screen (warm: pack cache exists)")
        print(row(hello.name, warm[0].seconds, "ms", 1000))
        print(row(app.name, warm[1].seconds, "ms", 1000))
        print("Peak memory (VmHWM) at first screen")
        print(row(hello.name, warm[0].kib, "MiB", 1 / 1024))
        print(row(app.name, warm[1].kib, "MiB", 1 / 1024))
        verdicts.append(
            verdict("start-up, warm", med(warm[1].seconds) / med(warm[0].seconds), STARTUP_TARGET)
            + f"   per-round {paired_ratios(warm[1].seconds, warm[0].seconds)}"
        )
        verdicts.append(
            verdict("peak memory at first screen, warm", med(warm[1].kib) / med(warm[0].kib), MEMORY_TARGET)
        )
    if cold:
        print("Time to first screen (cold: empty pack cache each launch)")
        print(row(hello.name, cold[0].seconds, "ms", 1000))
        print(row(app.name, cold[1].seconds, "ms", 1000))
        print(row(f"{app.name} memory", cold[1].kib, "MiB", 1 / 1024))
        verdicts.append(verdict("start-up, cold", med(cold[1].seconds) / med(cold[0].seconds), None))
        verdicts.append(verdict("peak memory, cold", med(cold[1].kib) / med(cold[0].kib), None))
    if keys:
        print("Key press to feedback drawn")
        print(row(key_drivers[0].name, keys[0], "ms", 1000))
        print(row(key_drivers[1].name, keys[1], "ms", 1000))
        quiz = key_drivers[1]
        if isinstance(quiz, QuizDriver):
            print("  (single-choice questions, key 1)")
            if quiz.unexpected_ends:
                print(
                    f"  NOTE: {quiz.unexpected_ends} time(s) no next question came within "
                    f"{NEXT_TIMEOUT:.0f}s of Enter; the game was relaunched"
                )
        for driver, xs in zip(key_drivers, keys):
            print(f"  {driver.name:<28} p95    {p95(xs) * 1000:9.2f} ms")
        verdicts.append(
            verdict("key press to feedback, median", med(keys[1]) / med(keys[0]), KEYPRESS_TARGET)
            + f"   per-press {paired_ratios(keys[1], keys[0])}"
        )
        verdicts.append(verdict("key press to feedback, p95", p95(keys[1]) / p95(keys[0]), P95_TARGET))
    if keys and firsts:
        print(f"First key press of a launch, {READ_FIRST:.1f} s after the first screen")
        print(row(key_drivers[0].name, firsts[0], "ms", 1000))
        print(row(key_drivers[1].name, firsts[1], "ms", 1000))
        verdicts.append(
            verdict("first press / baseline's key press median", med(firsts[1]) / med(keys[0]), FIRST_PRESS_TARGET)
        )
        verdicts.append(verdict("first press / baseline's first press", med(firsts[1]) / med(firsts[0]), None))
    print()
    print("Ratios (app / baseline, same run; medians unless said)")
    print("\n".join(verdicts))
    return 0


def _textual_version() -> str:
    from importlib.metadata import version

    return version("textual")


def _pyte_version() -> str:
    from importlib.metadata import version

    try:
        return version("pyte")
    except Exception:
        return "?"


if __name__ == "__main__":
    raise SystemExit(main())
