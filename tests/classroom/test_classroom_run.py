"""The end of a real run: whatever is still queued is written, and what cannot be is named."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from quizgame.engine import QuizSession, SessionOptions
from quizgame.store import ResultsStore
from quizgame.tui import run

from .helpers import lock_database, right_answer


@pytest.fixture
def restore_signals():
    saved = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGHUP)}
    yield
    for signum, handler in saved.items():
        signal.signal(signum, handler)


def answered(saver, pack) -> QuizSession:
    session = QuizSession(pack, SessionOptions(seed=1))
    saver.start(session, "Ann")
    session.show_current()
    saver.record(session, session.answer(right_answer(session.current), elapsed=1.0))
    return session


def test_closing_writes_what_is_queued_quietly(make_saver, lighthouse, db_path, capsys, restore_signals) -> None:
    saver = make_saver()
    answered(saver, lighthouse)
    run._close(saver)
    assert capsys.readouterr().err == ""
    with ResultsStore.open(db_path, readonly=True) as store:
        assert store.sessions()[0].answered == 1
    # While the last answers are written, a second signal cannot cut it short.
    assert signal.getsignal(signal.SIGTERM) == signal.getsignal(signal.SIGHUP) == signal.SIG_IGN


def test_answers_that_cannot_be_saved_are_named_on_stderr(
    make_saver, lighthouse, db_path: Path, capsys, restore_signals
) -> None:
    blocker = lock_database(db_path)
    try:
        saver = make_saver()
        answered(saver, lighthouse)
        run._close(saver)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    err = capsys.readouterr().err
    assert err.startswith("quizgame: results database is locked by another program")
    assert "unsaved result(s) written to" in err
    (unsaved,) = (db_path.parent / "unsaved").glob("quizgame-unsaved-*.jsonl")
    assert str(unsaved) in err
