"""The game hands each answer to the saver at once, and lets it be written once the frame
that follows the answer is drawn: the saver's thread, woken mid-frame, would delay it
(benchmarks/bench_tui.py measures how much). Nothing is lost meanwhile."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from quizgame.engine import SessionOptions
from quizgame.store import ResultsStore
from quizgame.tui.screens.quiz import QuizScreen

from .helpers import keys_for, screen_text, settle

OPTIONS = SessionOptions(seed=5, shuffle_questions=False, shuffle_choices=False)


class SpySaver:
    """The real saver, with a log of the calls that bracket an answer and what the screen
    showed when writing was let go on."""

    def __init__(self, saver, app_ref: list) -> None:
        self.saver = saver
        self.app_ref = app_ref
        self.log: list[str] = []
        self.screen_at_resume: list[str] = []

    def __getattr__(self, name: str):
        return getattr(self.saver, name)

    def pause_writing(self) -> None:
        self.log.append("pause")
        self.saver.pause_writing()

    def record(self, session, result) -> None:
        self.log.append("record")
        self.saver.record(session, result)

    def resume_writing(self) -> None:
        self.log.append("resume")
        self.screen_at_resume.append(screen_text(self.app_ref[0]))
        self.saver.resume_writing()


def stored_answers(db_path: Path) -> list[str]:
    with ResultsStore.open(db_path, readonly=True) as store:
        (info,) = store.sessions()
        return [a.question_id for a in store.session_answers(info.session_id)]


@pytest.mark.parametrize("mode", ["practice", "exam"])
async def test_an_answer_is_queued_at_once_and_written_after_its_frame(
    make_app, make_saver, lighthouse, db_path: Path, mode: str
) -> None:
    app_ref: list = []
    spy = SpySaver(make_saver(pause_at_most=60), app_ref)
    options = SessionOptions(seed=5, shuffle_questions=False, shuffle_choices=False, mode=mode)
    app = make_app(start_pack=lighthouse, options=options, recorder=spy)
    app_ref.append(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.showing == "question")
        first = app.screen.question
        await pilot.press(*keys_for(first, True))
        await settle(pilot, lambda: "resume" in spy.log)
        # Paused before the answer was queued; let go on only once it had been answered on
        # screen: the verdict in practice, the next question in an exam.
        assert spy.log == ["pause", "record", "resume"]
        shown = " ".join(spy.screen_at_resume[0].split())
        if mode == "practice":
            assert "✔ Right" in shown
        else:
            assert "Question 2 of" in shown
        # Written without anyone flushing: the pause ended.
        await settle(pilot, lambda: stored_answers(db_path) == [first.id])


async def test_a_signal_just_after_an_answer_still_saves_it(
    make_app, make_saver, lighthouse, db_path, monkeypatch
) -> None:
    import quizgame.tui.app

    # The writing is never let go on by the game here: a signal comes first.
    monkeypatch.setattr(quizgame.tui.app, "_SAVE_AFTER", 60)
    saver = make_saver(pause_at_most=60)
    app = make_app(start_pack=lighthouse, options=OPTIONS, recorder=saver)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.showing == "question")
        first = app.screen.question
        await pilot.press(*keys_for(first, True))
        app._interrupted(signal.SIGTERM)
        await settle(pilot)
    assert app.return_code == 0
    saver.close(10)  # what `quizgame play` does once the app has ended (quizgame.tui.run)
    assert stored_answers(db_path) == [first.id]
