"""What the reports say about each answer and each run: the conditions, empty answers for
time-outs, forgiven typos, rounded points, percentages as the game shows them, and no
session that nobody answered in."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

from quizgame.cli import main
from quizgame.store import ResultsStore
from quizgame.store.schema import MIGRATIONS

from .helpers import answer, play, session, stamp


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def csv_rows(capsys, db: Path, *more: str) -> list[dict[str, str]]:
    code, out, _ = run(capsys, "export", "--db", str(db), "--format", "csv", *more)
    assert code == 0
    return list(csv.DictReader(io.StringIO(out)))


def json_rows(capsys, db: Path) -> list[dict]:
    code, out, _ = run(capsys, "export", "--db", str(db), "--format", "json")
    assert code == 0
    return json.loads(out)["rows"]


EXAM = {
    "seed": 42, "mode": "exam", "time_limit": 30.0, "count": 5, "sections": ["summit", "trade"],
    "scoring": {"speed_bonus": False, "streak_bonus": False},
}


def test_a_time_out_is_an_empty_answer_marked_timed_out(capsys, db_path: Path) -> None:
    with ResultsStore.open(db_path) as store:
        record = session()
        store.start_session(record)
        store.record_answer(answer(record.session_id, 1, response=None, timed_out=True, correct=False))
        # A player who types the words is not a time-out.
        store.record_answer(answer(record.session_id, 2, response="(no answer)", correct=False))
        store.record_answer(answer(record.session_id, 3, response="Hambrug", typo=True))
    rows = csv_rows(capsys, db_path)
    assert [(r["answer"], r["timed_out"], r["typo_forgiven"]) for r in rows] == [
        ("", "1", "0"), ("(no answer)", "0", "0"), ("Hambrug", "0", "1"),
    ]
    rows = json_rows(capsys, db_path)
    assert [(r["answer"], r["timed_out"], r["typo_forgiven"], r["response"]) for r in rows] == [
        ("", True, False, None), ("(no answer)", False, False, "(no answer)"), ("Hambrug", False, True, "Hambrug"),
    ]


def test_export_and_results_show_the_conditions(capsys, db_path: Path) -> None:
    with ResultsStore.open(db_path) as store:
        teacher = session(player="ann", mode="exam", options=EXAM, seed=42, question_count=5, started_from="command")
        store.start_session(teacher)
        store.record_answer(answer(teacher.session_id, 1))
        untimed = dict(EXAM, time_limit=None, sections=[], count=None, seed=9)
        home = session(player="bob", mode="exam", options=untimed, seed=9, question_count=41, started_from="home")
        store.start_session(home)
        store.record_answer(answer(home.session_id, 1))
    rows = {r["player"]: r for r in csv_rows(capsys, db_path)}
    ann, bob = rows["ann"], rows["bob"]
    assert (ann["mode"], ann["time_limit"], ann["seed"], ann["question_count"], ann["sections"], ann["started_from"]) == (
        "exam", "30.0", "42", "5", "summit; trade", "command",
    )
    assert (bob["mode"], bob["time_limit"], bob["seed"], bob["question_count"], bob["sections"], bob["started_from"]) == (
        "exam", "", "9", "41", "", "home",
    )
    code, out, _ = run(capsys, "results", "--db", str(db_path))
    flat = " ".join(out.split())
    assert code == 0
    assert "exam, 5 questions, 30 s a question, sections: summit trade, seed 42, command line" in flat
    assert "exam, 41 questions, own time limits, seed 9, home screen" in flat


def test_points_in_the_csv_are_rounded(capsys, db_path: Path) -> None:
    with ResultsStore.open(db_path) as store:
        record = session()
        store.start_session(record)
        store.record_answer(answer(record.session_id, 1, points=10 * 2 / 3, max_points=10.0, credit=2 / 3, correct=False))
    (row,) = csv_rows(capsys, db_path)
    assert row["points"] == "6.7"


def test_a_session_nobody_answered_in_is_not_a_result(capsys, db_path: Path) -> None:
    with ResultsStore.open(db_path) as store:
        store.start_session(session(player="quitter"))
        play(store, "ann", (True,))
        assert [s.player for s in store.sessions()] == ["ann"]
        assert store.count_sessions() == 1 and store.pack_ids() == ["g20"]
    code, out, _ = run(capsys, "results", "--db", str(db_path))
    assert code == 0 and "quitter" not in out and "1 session " in out


def test_results_for_no_such_pack_say_so_with_exit_2(capsys, db_path: Path) -> None:
    with ResultsStore.open(db_path) as store:
        play(store, "ann", (True,))
    code, out, err = run(capsys, "results", "--db", str(db_path), "--pack", "nosuch")
    assert (code, out) == (2, "")
    assert err.startswith("quizgame: no such pack: 'nosuch'") and "packs with results: g20" in err


def test_the_percentage_leaves_the_streak_bonus_out_and_an_unfinished_run_is_judged_on_what_was_asked(
    capsys, db_path: Path
) -> None:
    with ResultsStore.open(db_path) as store:
        streaky = session(player="ann", question_count=4, max_score=80.0)
        store.start_session(streaky)
        for n, bonus in enumerate((0, 2, 4, 6), 1):
            store.record_answer(answer(streaky.session_id, n, points=20.0 + bonus, streak_bonus=float(bonus)))
        store.finish_session(streaky.session_id, finished_at=stamp(), score=92.0, max_score=80.0)
        half = session(player="bob", question_count=41, max_score=810.0)
        store.start_session(half)
        for n, right in enumerate((True, True, False), 1):
            store.record_answer(answer(half.session_id, n, correct=right, points=25.0 if right else 0.0, max_points=30.0 - 5 * n))
    code, out, _ = run(capsys, "results", "--db", str(db_path))
    rows = {line.split()[0]: line.split() for line in out.splitlines()[1:3]}
    assert rows["ann"][3:5] == ["92/80", "100%"]
    assert rows["bob"][3:5] == ["50/60", "83%"] and rows["bob"][-1] == "3/41"


def test_leaderboard_ranks_by_percentage_among_runs_of_the_same_conditions(db_path: Path) -> None:
    same = {"seed": 1, "count": 2}
    with ResultsStore.open(db_path) as store:
        # Two questions drawn from the pack each: ann's were worth 30, bob's 10.
        for player, points, max_points in (("ann", (30.0, 0.0), 30.0), ("bob", (10.0, 10.0), 10.0)):
            record = session(player=player, question_count=2, options=same)
            store.start_session(record)
            for n, got in enumerate(points, 1):
                store.record_answer(answer(record.session_id, n, points=got, max_points=max_points, correct=got > 0))
            store.finish_session(record.session_id, finished_at=stamp())
        # An exam, and a retry of missed questions, are on boards of their own.
        play(store, "examinee", (True, False), mode="exam", options={"seed": 1, "mode": "exam"})
        play(store, "retrier", (True,), options={"seed": 1, "question_ids": ["q1"]})
        board = store.leaderboard("g20")
    by_board: dict[int, list[tuple[int, str]]] = {}
    for entry in board:
        by_board.setdefault(entry.board, []).append((entry.rank, entry.player))
    # 20 of 20 (100%) above 30 of 60 (50%), though 30 points are more.
    assert sorted(by_board.values()) == [[(1, "bob"), (2, "ann")], [(1, "examinee")], [(1, "retrier")]]
    bob = next(e for e in board if e.player == "bob")
    assert (bob.score, bob.max_score, bob.percent) == (20.0, 20.0, 100.0)
    assert "practice, 2 questions" in bob.conditions
    examinee = next(e for e in board if e.player == "examinee")
    assert examinee.conditions.startswith("exam, 2 questions")
    retry = next(e for e in board if e.player == "retrier")
    assert retry.retry and board[-1] is retry and "practice retry" in retry.conditions


def test_leaderboard_of_one_board_ranks_100_of_110_above_230_of_810(db_path: Path) -> None:
    with ResultsStore.open(db_path) as store:
        for player, scores in (("small", [10.0] * 10 + [0.0]), ("big", [10.0] * 23 + [0.0] * 58)):
            record = session(player=player, question_count=len(scores))
            store.start_session(record)
            for n, points in enumerate(scores, 1):
                store.record_answer(answer(record.session_id, n, points=points, max_points=10.0, correct=points > 0))
            store.finish_session(record.session_id, finished_at=stamp())
        board = store.leaderboard("g20")
    # Different numbers of questions: two boards, each a first place, never "big" above.
    assert {e.player: e.rank for e in board} == {"small": 1, "big": 1}
    assert len({e.board for e in board}) == 2


def _v1_database(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO players (id, name, kind, created_at) VALUES (1, 'ann', 'player', 'x')")
    options = json.dumps({"seed": 1, "time_limit": 30.0, "scoring": {"speed_bonus": True, "streak_bonus": True}})
    conn.execute(
        "INSERT INTO sessions VALUES ('s1', NULL, 1, 'g20', ?, 'G20', 'practice', ?, 1, 41, 810.0, "
        "'2025-03-01T00:00:00.000+00:00', NULL, 50.26, 3, 2)",
        ("a" * 64, options),
    )
    answers = [
        # question, response, correct, credit, points (as an older version stored them), max
        (1, '"Hamburg"', 1, 1.0, 18.22, 20.0),
        (2, '"Moscow"', 1, 1.0, 32.04, 30.0),
        (3, "null", 0, 0.0, 0.0, 20.0),
    ]
    for n, response, correct, credit, points, max_points in answers:
        text = "(no answer)" if response == "null" else json.loads(response)
        conn.execute(
            "INSERT INTO answers VALUES ('s1', 1, ?, ?, ?, ?, ?, ?, ?, ?, 3.0, ?, '2025-03-01T00:00:0%d.000+00:00')" % n,
            (f"q{n}", n, response, text, correct, credit, points, max_points, int(response == "null")),
        )
    conn.close()


def test_an_older_database_is_migrated_with_the_parts_of_its_points(capsys, db_path: Path) -> None:
    _v1_database(db_path)
    with ResultsStore.open(db_path) as store:
        (info,) = store.sessions()
        answers = store.session_answers("s1")
    assert [(a.points, a.streak_bonus, a.typo) for a in answers] == [(18.2, 0.0, None), (32.0, 3.0, None), (0.0, 0.0, None)]
    assert [a.speed_bonus for a in answers] == [8.2, 14.0, 0.0]
    assert answers[2].response_text == ""
    figures = info.tally
    # The parts add up: 18.2 + 32 = 50.2, of the 50 points asked; the streak bonus left out.
    assert (figures.score, figures.max_score, figures.streak_bonus) == (50.2, 70.0, 3.0)
    assert round(figures.percent, 1) == round(100 * 47.2 / 70, 1)
    rows = csv_rows(capsys, db_path)
    assert [(r["answer"], r["points"], r["typo_forgiven"]) for r in rows] == [
        ("Hamburg", "18.2", ""), ("Moscow", "32.0", ""), ("", "0.0", ""),
    ]
