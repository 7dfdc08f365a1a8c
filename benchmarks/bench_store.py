"""How fast is the results store with a big class's worth of answers?

Fills a temporary database with 1,000,000 answers (10,000 sessions x 100 answers, 300
players, 10 packs, generated in one executemany transaction) and times, in the same run:

  results   `quizgame results`' queries: the 50 newest sessions and the count of all
            of them (the command shows 50 unless --limit asks for more)  target < 50 ms
  board     a pack's leaderboard (best finished session per player)    target < 50 ms
  export    `quizgame export --pack P -o FILE`, 100,000 answers as CSV target < 2 s
  answer    one answer stored: one committed transaction (WAL, FULL)   target < 5 ms
  recorder  the same through the Recorder (lock, timestamp, queue)     target < 5 ms
  all       every session listed (--limit 1000000), for information

each against a baseline timed on the same machine in the same run:

  queries   reading the same rows raw: SELECT * FROM sessions with the same LIMIT or
            WHERE pack_id = ?, no join, no sorting, no objects built
  export    csv.writer writing the same rows from an in-memory list to a file
  answer    a bare INSERT + COMMIT of one row into an empty table, in a database in the
            same folder with the same settings (WAL, synchronous=FULL)

Medians of several repeats. A report, not a test: exits 0 whatever the numbers.

    .venv/bin/python benchmarks/bench_store.py [--sessions N] [--answers N] [--repeat R]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizgame.store import (  # noqa: E402
    EXPORT_COLUMNS,
    AnswerRecord,
    Recorder,
    ResultsStore,
    SessionRecord,
)

COLUMNS = len(EXPORT_COLUMNS)

PLAYERS = 300
PACKS = 10


def timed(action: Callable[[], object], repeat: int) -> float:
    """Median seconds of `repeat` runs, after one untimed warm-up run."""
    action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def stamp(base: float, seconds: float) -> str:
    import datetime as dt

    moment = dt.datetime.fromtimestamp(base + seconds, dt.timezone.utc)
    return moment.isoformat(timespec="milliseconds")


def fill(path: Path, sessions: int, answers: int, seed: int = 1) -> None:
    """Write the data straight through SQL, in one transaction, as the store would have."""
    with ResultsStore.open(path):
        pass  # schema
    rng = random.Random(seed)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")  # generating test data only
    conn.execute("BEGIN IMMEDIATE")
    base = time.time() - 365 * 86400
    conn.executemany(
        "INSERT INTO players (id, name, kind, created_at) VALUES (?, ?, 'player', ?)",
        [(i + 1, f"student-{i:03d}", stamp(base, 0)) for i in range(PLAYERS)],
    )
    session_rows, answer_rows = [], []
    for s in range(sessions):
        sid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        player = rng.randrange(1, PLAYERS + 1)
        pack = s % PACKS
        started = s * 3000.0
        score, right = 0.0, 0
        for n in range(1, answers + 1):
            ok = rng.random() < 0.7
            right += ok
            score += 20.0 * ok
            response = '"Hamburg"' if ok else rng.choice(['"Berlin"', '"Bonn"', '"Paris"'])
            answer_rows.append(
                (sid, player, f"q{n:03d}", n, response, response.strip('"'), int(ok),
                 float(ok), 20.0 * ok, 20.0, rng.uniform(1, 30), 0,
                 stamp(base, started + n * 10))
            )
        session_rows.append(
            (sid, None, player, f"pack-{pack}", f"{pack:064x}", f"Pack {pack}", "practice",
             '{"seed": 1}', s, answers, 20.0 * answers, stamp(base, started),
             stamp(base, started + answers * 10 + 5) if s % 10 else None, score, answers, right,
             20.0 * answers)
        )
    conn.executemany(
        "INSERT INTO sessions (id, game_id, player_id, pack_id, pack_hash, pack_title, mode, "
        "options, seed, question_count, max_score, started_at, finished_at, score, answered, "
        "right_count, answered_max) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        session_rows,
    )
    answer_rows.sort()  # primary-key order: a fast bulk load
    conn.executemany(
        "INSERT INTO answers (session_id, player_id, question_id, question_number, response, "
        "response_text, correct, credit, points, max_points, seconds, timed_out, answered_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        answer_rows,
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=100, help="answers per session")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--dir", type=Path, default=None, help="where to make the databases")
    args = parser.parse_args()

    print(f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
          f"load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        db = folder / "results.sqlite3"
        start = time.perf_counter()
        fill(db, args.sessions, args.answers)
        total = args.sessions * args.answers
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(f"generated {total:,} answers in {args.sessions:,} sessions "
              f"({size:.0f} MB) in {time.perf_counter() - start:.1f} s\n")
        rows = run_all(folder, db, args)
    print(f"{'measure':<10}{'quizgame':>12}{'baseline':>12}{'ratio':>9}{'target':>10}  result")
    for name, value, base, target in rows:
        verdict = "info" if target == float("inf") else "PASS" if value < target else "FAIL"
        print(f"{name:<10}{fmt(value):>12}{fmt(base):>12}{value / base:>8.1f}x"
              f"{fmt(target):>10}  {verdict}")
    return 0


def fmt(seconds: float) -> str:
    if seconds == float("inf"):
        return "-"
    return f"{seconds * 1000:.2f} ms" if seconds < 1 else f"{seconds:.2f} s"


Row = tuple[str, float, float, float]  # measure, seconds, baseline seconds, target seconds


def run_all(folder: Path, db: Path, args: argparse.Namespace) -> list[Row]:
    repeat = args.repeat
    out: list[Row] = []
    with ResultsStore.open(db, readonly=True) as store:
        conn = store.connection

        def raw(sql: str, *params: object) -> Callable[[], object]:
            return lambda: conn.execute(sql, params).fetchall()

        def results_command() -> None:
            store.sessions(limit=50)
            store.count_sessions()

        out.append(("results", timed(results_command, repeat),
                    timed(raw("SELECT * FROM sessions LIMIT 50"), repeat), 0.050))
        by_player = timed(lambda: store.sessions(player="student-007", limit=50), repeat)
        out.append(("player", by_player,
                    timed(raw("SELECT * FROM sessions WHERE player_id = 8 LIMIT 50"), repeat),
                    0.050))
        board = timed(lambda: store.leaderboard("pack-3"), repeat)
        pack_rows = raw("SELECT * FROM sessions WHERE pack_id = ?", "pack-3")
        out.append(("board", board, timed(pack_rows, repeat), 0.050))
        print(f"leaderboard: {len(store.leaderboard('pack-3'))} entries from "
              f"{len(store.sessions(pack_id='pack-3')):,} sessions")
        everything = timed(lambda: store.sessions(), max(3, repeat // 3))
        out.append(("all", everything, timed(raw("SELECT * FROM sessions"), max(3, repeat // 3)),
                    float("inf")))
        in_memory = [row[:COLUMNS] for row in store.export_rows(pack_id="pack-3")]
    print(f"export: {len(in_memory):,} answers")

    target = folder / "export.csv"
    baseline_file = folder / "baseline.csv"

    def baseline_export() -> None:
        with baseline_file.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(range(COLUMNS))
            writer.writerows(in_memory)

    def quizgame_export() -> None:
        from quizgame.cli import main as cli

        with contextlib.redirect_stdout(io.StringIO()):
            code = cli(["export", "--db", str(db), "--pack", "pack-3", "-o", str(target)])
        assert code == 0

    export_repeat = max(3, repeat // 3)
    out.append(("export", timed(quizgame_export, export_repeat),
                timed(baseline_export, export_repeat), 2.0))

    out.extend(answer_times(folder, db, repeat))
    return out


def answer_times(folder: Path, db: Path, repeat: int) -> list[Row]:
    """The three writers take turns, one write each, so disk hiccups (the generated data
    still being written back, other programs) hit all of them alike."""
    count = max(200, repeat * 20)
    bare = sqlite3.connect(folder / "bare.sqlite3", isolation_level=None)
    bare.execute("PRAGMA journal_mode = WAL")
    bare.execute("PRAGMA synchronous = FULL")
    bare.execute("CREATE TABLE t (a TEXT, b INTEGER)")

    record = SessionRecord(str(uuid.uuid4()), "student-001", "pack-3", f"{3:064x}", "Pack 3",
                           "practice", {}, 1, 2 * count, 40.0 * count)

    def one(n: int) -> AnswerRecord:
        return AnswerRecord(record.session_id, f"q{n:04d}", n, "Hamburg", True, 1.0, 20.0,
                            20.0, 3.2)

    bare_times, store_times, recorder_times = [], [], []
    with ResultsStore.open(db) as store, Recorder.open(db) as recorder:
        store.start_session(record)
        for i in range(count):
            start = time.perf_counter()
            bare.execute("BEGIN IMMEDIATE")
            bare.execute("INSERT INTO t VALUES (?, ?)", ("x", i))
            bare.execute("COMMIT")
            bare_times.append(time.perf_counter() - start)

            item = one(2 * i + 1)
            start = time.perf_counter()
            store.record_answer(item)
            store_times.append(time.perf_counter() - start)

            item = one(2 * i + 2)
            start = time.perf_counter()
            status = recorder.record(item)
            recorder_times.append(time.perf_counter() - start)
            assert status.ok, status.message
    bare.close()
    base = statistics.median(bare_times)
    return [
        ("answer", statistics.median(store_times), base, 0.005),
        ("recorder", statistics.median(recorder_times), base, 0.005),
    ]


if __name__ == "__main__":
    raise SystemExit(main())
