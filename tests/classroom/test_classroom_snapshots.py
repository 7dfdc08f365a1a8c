"""What the classroom screens look like, pinned as SVG snapshots (update with --snapshot-update).

Seeds, clock, names, theme and stored times are all fixed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from quizgame.engine import QuizSession, SessionOptions
from quizgame.saving import answer_record, session_record
from quizgame.store import RecorderStatus, ResultsStore
from quizgame.tui.widgets.footer import DELAY as FOOTER_DELAY

from .helpers import right_answer, wrong_answer

NOON = "2025-03-01T12:00:00.000+00:00"
PRACTICE = SessionOptions(seed=5, shuffle_questions=False, shuffle_choices=False)
EXAM = SessionOptions(seed=5, mode="exam", shuffle_questions=False, shuffle_choices=False)
THREE = SessionOptions(seed=2, count=3, shuffle_questions=False, shuffle_choices=False)


def steps(*plan: str | tuple[str, ...], hot_seat: tuple[str, ...] = ()) -> Callable[[Pilot], Awaitable[None]]:
    """Optionally start a hot-seat game of `hot_seat` players, then press keys."""

    async def run_before(pilot: Pilot) -> None:
        app = pilot.app
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        if hot_seat:
            pack = app.config.find_packs(())[0].pack
            await app.start_hot_seat(pack, THREE, hot_seat, "player")
            await pilot.pause()
        for step in plan:
            if isinstance(step, tuple):
                await pilot.resize_terminal(int(step[1]), int(step[2]))
            else:
                await pilot.press(step)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
        for field in app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause(FOOTER_DELAY * 3)
        await pilot.pause()

    return run_before


def store_session(db_path: Path, pack, options, player: str, pattern: list[bool], *, finish: bool) -> None:
    session = QuizSession(pack, options)
    session_id = f"{player}-{len(pattern)}-{options.mode}"
    with ResultsStore.open(db_path) as store:
        store.start_session(dataclasses.replace(session_record(session, player, session_id), started_at=NOON))
        for ok in pattern:
            prepared = session.current
            response = right_answer(prepared) if ok else wrong_answer(prepared)
            store.record_answer(answer_record(session_id, prepared, session.answer(response, elapsed=2.0), answered_at=NOON))
        if finish:
            summary = session.summary()
            store.finish_session(session_id, finished_at=NOON, score=summary.score, max_score=summary.max_score)


class TroubledSaver:
    """A saver that cannot save: a fixed status, for a picture that does not depend on time."""

    status = RecorderStatus(
        False,
        "results database is read-only: /srv/class/results.sqlite3 — answers are kept in memory "
        "and will be saved when possible",
        2,
    )

    def start(self, session, player, **kwargs) -> str:
        return "s"

    def resume(self, session, session_id) -> None: ...

    def record(self, session, result) -> None: ...

    def pause_writing(self) -> None: ...

    def resume_writing(self) -> None: ...

    def shown(self, session, clock) -> None: ...

    def clock_moved(self, session, clock) -> None: ...

    def finish(self, session) -> None: ...

    def start_game(self, game) -> str:
        return "g"

    def finish_game(self, game) -> None: ...

    def find_resumable(self, *args, **kwargs) -> Future:
        found: Future = Future()
        found.set_result(None)
        return found


# -- solo: resume and exam -------------------------------------------------------------------


def test_resume_practice(snap_compare, make_app, lighthouse, db_path) -> None:
    store_session(db_path, lighthouse, PRACTICE, "Ann", [True, False, True], finish=False)
    app = make_app(start_pack=lighthouse, options=PRACTICE)
    assert snap_compare(app, run_before=steps())


def test_resume_exam(snap_compare, make_app, lighthouse, db_path) -> None:
    store_session(db_path, lighthouse, EXAM, "Ann", [True, False], finish=False)
    app = make_app(start_pack=lighthouse, options=EXAM, seed_fixed=True)
    assert snap_compare(app, run_before=steps())


def test_exam_question_without_score(snap_compare, make_app, lighthouse) -> None:
    app = make_app(start_pack=lighthouse, options=EXAM)
    assert snap_compare(app, run_before=steps("t"))


def test_exam_results_review_open(snap_compare, make_app, lighthouse) -> None:
    app = make_app(start_pack=lighthouse, options=EXAM.replace(count=2))
    assert snap_compare(app, run_before=steps("t", "2"))


def test_save_status_line(snap_compare, make_app, lighthouse) -> None:
    app = make_app(start_pack=lighthouse, options=PRACTICE, recorder=TroubledSaver())
    assert snap_compare(app, run_before=steps("t"))


# -- hot-seat ----------------------------------------------------------------------------------


def test_players_setup(snap_compare, make_app) -> None:
    plan = ("ctrl+t", "A", "n", "n", "enter", "B", "o", "b", "enter", "[", "C", "y", "]")
    assert snap_compare(make_app(recorder=None), run_before=steps(*plan))


def test_hot_seat_pass_to(snap_compare, make_app) -> None:
    app = make_app(recorder=None)
    assert snap_compare(app, run_before=steps("enter", "t", hot_seat=("Ann", "Bob", "[i]Cy[/i]")))


def test_hot_seat_round_feedback(snap_compare, make_app) -> None:
    plan = ("enter", "t", "enter", "f", "enter")
    app = make_app(recorder=None)
    assert snap_compare(app, run_before=steps(*plan, "t", hot_seat=("Ann", "Bob", "[i]Cy[/i]")))


def test_hot_seat_round_feedback_60x18(snap_compare, make_app) -> None:
    plan = (("resize", "60", "18"), "enter", "t", "enter", "f")
    app = make_app(recorder=None)
    assert snap_compare(app, run_before=steps(*plan, hot_seat=("Ann", "Bob")), terminal_size=(60, 18))


def test_hot_seat_scoreboard(snap_compare, make_app) -> None:
    plan = ("enter", "t", "enter", "f", "enter", "t", "enter")
    app = make_app(recorder=None)
    assert snap_compare(app, run_before=steps(*plan, hot_seat=("Ann", "Bob", "[i]Cy[/i]")))


def test_podium(snap_compare, make_app) -> None:
    # Three rounds: granite (t right), year (1 right), steps (f right). Ann all right, Bob
    # none, Cy the first only.
    rounds = [("t", "f", "t"), ("1", "2", "3"), ("f", "t", "t")]
    plan: list[str] = []
    for ann, bob, cy in rounds:
        plan += ["enter", ann, "enter", bob, "enter", cy, "enter", "enter"]
    app = make_app(recorder=None)
    assert snap_compare(app, run_before=steps(*plan, hot_seat=("Ann", "Bob", "[i]Cy[/i]")))


# -- leaderboard -----------------------------------------------------------------------------


def test_leaderboard(snap_compare, make_app, lighthouse, db_path) -> None:
    for player, right in (("Bob", 4), ("[b]Eve[/b]", 2), ("Zoë", 6)):
        store_session(db_path, lighthouse, PRACTICE, player, [n < right for n in range(6)], finish=True)
    assert snap_compare(make_app(recorder=None), run_before=steps("ctrl+l"))


def test_leaderboard_empty(snap_compare, make_app) -> None:
    assert snap_compare(make_app(recorder=None), run_before=steps("ctrl+l"))


def test_podium_two_players(snap_compare, make_app) -> None:
    # Two players, so two steps: no empty third.
    rounds = [("t", "f"), ("1", "2"), ("f", "t")]
    plan: list[str] = []
    for ann, bob in rounds:
        plan += ["enter", ann, "enter", bob, "enter", "enter"]
    app = make_app(recorder=None)
    assert snap_compare(app, run_before=steps(*plan, hot_seat=("Ann", "Bob")))
