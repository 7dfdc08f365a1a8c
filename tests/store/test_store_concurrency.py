"""Thirty real processes writing into one new database at once lose nothing and see no error."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from quizgame.store import ResultsStore

from .helpers import count_rows

PROCESSES = 30
ANSWERS = 100

WORKER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from quizgame.store import AnswerRecord, ResultsStore, SessionRecord, new_id

    db, go, index = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    while not go.exists():  # start together, for as much contention as possible
        time.sleep(0.005)
    with ResultsStore.open(db) as store:  # the first open of a new file races too
        session = SessionRecord(
            session_id=new_id(), player=f"student-{index:02d}", pack_id="g20",
            pack_hash="a" * 64, pack_title="G20", mode="exam", options={}, seed=index,
            question_count=%(answers)d, max_score=%(answers)d * 20.0,
        )
        store.start_session(session)
        for n in range(1, %(answers)d + 1):
            stored = store.record_answer(AnswerRecord(
                session_id=session.session_id, question_id=f"q{n}", question_number=n,
                response="Hamburg", correct=n %% 2 == 0, credit=float(n %% 2 == 0),
                points=20.0 * (n %% 2 == 0), max_points=20.0, seconds=1.0,
            ))
            assert stored, n
        store.finish_session(session.session_id)
    print("done")
    """
) % {"answers": ANSWERS}


@pytest.mark.slow
def test_thirty_processes_write_a_hundred_answers_each(tmp_path: Path) -> None:
    db = tmp_path / "class.sqlite3"
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db), str(go), str(i)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(PROCESSES)
    ]
    time.sleep(0.5)  # let the interpreters start
    go.touch()
    outcomes = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    failures = [(rc, err) for rc, out, err in outcomes if rc != 0 or err or out.strip() != "done"]
    assert failures == []
    assert count_rows(db) == PROCESSES * ANSWERS
    with ResultsStore.open(db, readonly=True) as store:
        sessions = store.sessions()
        assert len(sessions) == PROCESSES
        assert {s.player for s in sessions} == {f"student-{i:02d}" for i in range(PROCESSES)}
        assert all(s.finished and s.answered == ANSWERS for s in sessions)
        assert all(s.right == ANSWERS // 2 for s in sessions)
        assert all(s.score == 20.0 * (ANSWERS // 2) for s in sessions)
