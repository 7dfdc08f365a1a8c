"""What does saving an answer add to the step from key press to feedback?

The game's UI thread calls GameSaver.record(session, result) right after the engine scores
an answer and before the feedback is drawn. That call builds the store's AnswerRecord
(checking every field, encoding the response as JSON, stamping the time) and puts it on the
writer thread's queue; the commit happens on that thread. Timed here, in the same run:

  saver      GameSaver.record: what the UI thread pays per answer          target < 5 ms
  locked     the same while the database is locked by another program
             (the writer thread is stuck in its retries): must not grow    target < 5 ms
  commit     Recorder.record on the calling thread, i.e. what the UI would
             pay if it wrote synchronously (one committed transaction)     information
  baseline   queue.put of a tuple: the floor for handing work to a thread

Median and 99th percentile of many single calls; the ratio is of the medians. A report, not a test: exits 0 whatever the numbers.

    .venv/bin/python benchmarks/bench_saving.py [--answers N]
"""

from __future__ import annotations

import argparse
import platform
import queue
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizgame.engine import QuizSession, SessionOptions  # noqa: E402
from quizgame.packs import load_pack  # noqa: E402
from quizgame.saving import GameSaver, ResultsWriter, answer_record, session_record  # noqa: E402
from quizgame.store import Recorder, ResultsStore, RetryPolicy  # noqa: E402

PACK = Path(__file__).resolve().parent.parent / "questions" / "trump-putin-g20.yaml"


def results(pack, n: int):
    """n scored answers (cycling through the pack), as the UI would have them."""
    out = []
    while len(out) < n:
        session = QuizSession(pack, SessionOptions(seed=len(out)))
        while not session.finished and len(out) < n:
            prepared = session.current
            response = (
                True if prepared.type == "true_false"
                else frozenset(prepared.choices[:1]) if prepared.type == "multiple"
                else prepared.choices[0] if prepared.choices
                else "an answer"
            )
            out.append((session, session.answer(response, elapsed=1.0)))
    return out


def per_call(calls: list[Callable[[], object]]) -> tuple[float, float]:
    """Median and 99th percentile seconds of single calls."""
    times = []
    for call in calls:
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), statistics.quantiles(times, n=100)[98]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=2000)
    args = parser.parse_args()
    pack = load_pack(PACK)
    answered = results(pack, args.answers)
    folder = Path(tempfile.mkdtemp(prefix="quizgame-bench-"))

    # Baseline: handing a tuple to another thread's queue.
    handoff: queue.SimpleQueue = queue.SimpleQueue()
    baseline, _ = per_call([lambda r=r: handoff.put((r[0], r[1])) for r in answered])

    def saving(path: Path, policy: RetryPolicy | None = None) -> tuple[GameSaver, tuple]:
        recorder = (lambda: Recorder.open(path, retry=policy)) if policy else (lambda: Recorder.open(path))
        saver = GameSaver(ResultsWriter(path, recorder))
        for session in {id(s): s for s, _ in answered}.values():
            saver.start(session, "Ann")
        cost = per_call([lambda s=s, r=r: saver.record(s, r) for s, r in answered])
        return saver, cost

    saver, saver_cost = saving(folder / "free.sqlite3")
    saver.close()

    locked_path = folder / "locked.sqlite3"
    with ResultsStore.open(locked_path):
        pass
    blocker = sqlite3.connect(locked_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    saver, locked_cost = saving(locked_path, RetryPolicy(busy_timeout=0.5, total=1.0))
    blocker.execute("ROLLBACK")
    blocker.close()
    saver.close()

    # Synchronous: the commit on the calling thread, as if the UI wrote itself.
    sync_path = folder / "sync.sqlite3"
    recorder = Recorder.open(sync_path)
    ids = {}
    for session, _ in answered:
        if id(session) not in ids:
            ids[id(session)] = f"s{len(ids)}"
            recorder.start_session(session_record(session, "Ann", ids[id(session)]))
    commit = per_call(
        [
            lambda s=s, r=r: recorder.record(
                answer_record(ids[id(s)], next(q for q in s.questions if q.id == r.question_id), r)
            )
            for s, r in answered
        ]
    )
    recorder.close()

    print(f"quizgame bench_saving — Python {platform.python_version()}, {args.answers} answers")
    print(f"{'measure':<10} {'median':>10} {'p99':>10} {'baseline':>10} {'ratio':>7}  target")
    rows = [
        ("saver", saver_cost, "< 5 ms"),
        ("locked", locked_cost, "< 5 ms"),
        ("commit", commit, "information"),
    ]
    for name, (median, p99), target in rows:
        print(
            f"{name:<10} {median * 1e3:>8.3f}ms {p99 * 1e3:>8.3f}ms {baseline * 1e3:>8.4f}ms "
            f"{median / baseline:>6.0f}×  {target}"
        )


if __name__ == "__main__":
    main()
