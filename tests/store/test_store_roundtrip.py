"""Sessions and answers go in and come back out exactly, one committed answer at a time."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quizgame.store import (
    ResultsStore,
    StoreError,
    StoreMissing,
    UnknownSession,
    new_id,
)

from .helpers import answer, count_rows, play, session, stamp


def test_session_round_trip(store: ResultsStore) -> None:
    record = session(game_id="game-1", options={"seed": 3, "sections": ["summit"]}, seed=3)
    store.start_session(record)
    info = store.get_session(record.session_id)
    assert info is not None
    assert (info.player, info.pack_id, info.pack_hash, info.pack_title) == (
        "ann", "g20", "a" * 64, "G20 takeaways",
    )
    assert (info.mode, info.options, info.seed, info.game_id) == (
        "practice", {"seed": 3, "sections": ["summit"]}, 3, "game-1",
    )
    assert (info.question_count, info.max_score, info.started_at) == (4, 80.0, record.started_at)
    assert (info.score, info.answered, info.right, info.finished) == (0, 0, 0, False)
    assert store.get_session(new_id()) is None


@pytest.mark.parametrize(
    "response, text",
    [
        ("Hamburg", "Hamburg"),
        (True, "True"),
        (False, "False"),
        (frozenset({"Oil", "Gas"}), "Gas; Oil"),
        (None, ""),
        ("", ""),
        ("Zoë 🎉 \"quoted\", with comma", "Zoë 🎉 \"quoted\", with comma"),
    ],
)
def test_every_kind_of_response_round_trips(store: ResultsStore, response, text) -> None:
    record = session()
    store.start_session(record)
    store.record_answer(answer(record.session_id, response=response, timed_out=response is None))
    (stored,) = store.session_answers(record.session_id)
    assert stored.response == response and type(stored.response) is type(response)
    assert stored.response_text == text
    assert stored.timed_out is (response is None)


def test_answer_fields_round_trip_and_totals_follow(store: ResultsStore) -> None:
    record = session()
    store.start_session(record)
    given = [
        answer(record.session_id, 1, seconds=1.25, answered_at=stamp()),
        answer(record.session_id, 2, correct=False, seconds=None, answered_at=stamp()),
        answer(record.session_id, 3, response=frozenset({"a"}), correct=False, credit=0.5,
               points=10.0, answered_at=stamp()),
    ]
    for item in given:
        assert store.record_answer(item) is True
    stored = store.session_answers(record.session_id)
    assert [(a.question_id, a.question_number, a.correct, a.credit, a.points, a.max_points,
             a.seconds, a.answered_at) for a in stored] == [
        (g.question_id, g.question_number, g.correct, g.credit, g.points, g.max_points,
         g.seconds, g.answered_at) for g in given
    ]
    info = store.get_session(record.session_id)
    assert (info.score, info.answered, info.right) == (30.0, 3, 1)


def test_each_answer_is_committed_the_moment_it_is_given(
    store: ResultsStore, db_path: Path
) -> None:
    record = session()
    store.start_session(record)
    other = sqlite3.connect(db_path)  # another program, e.g. the teacher's report
    try:
        for number in range(1, 4):
            store.record_answer(answer(record.session_id, number))
            seen = other.execute(
                "SELECT count(*) FROM answers WHERE session_id = ?", (record.session_id,)
            ).fetchone()[0]
            assert seen == number
        assert not store.connection.in_transaction
    finally:
        other.close()


def test_writing_the_same_answer_again_changes_nothing(store: ResultsStore, db_path: Path) -> None:
    record = session()
    store.start_session(record)
    store.start_session(record)  # a retried start is harmless too
    first = answer(record.session_id, 1, answered_at=stamp())
    assert store.record_answer(first) is True
    assert store.record_answer(first) is False
    # A later, different answer to the same question does not replace the first one.
    assert store.record_answer(answer(record.session_id, 1, correct=False)) is False
    (stored,) = store.session_answers(record.session_id)
    assert stored.correct is True and stored.answered_at == first.answered_at
    info = store.get_session(record.session_id)
    assert (info.score, info.answered, info.right) == (20.0, 1, 1)
    assert count_rows(db_path, "sessions") == 1 and count_rows(db_path, "players") == 1


def test_finish_sets_time_and_final_score_once(store: ResultsStore) -> None:
    record = play(store, results=(True, False), finish=False)
    first, second = stamp(), stamp()
    store.finish_session(record.session_id, finished_at=first, score=25.0, max_score=50.0)
    store.finish_session(record.session_id, finished_at=second)
    info = store.get_session(record.session_id)
    assert (info.finished_at, info.score, info.max_score) == (first, 25.0, 50.0)
    assert info.tally.percent == 50.0


def test_unknown_session_is_a_callers_mistake(store: ResultsStore) -> None:
    with pytest.raises(UnknownSession):
        store.record_answer(answer(new_id()))
    with pytest.raises(UnknownSession):
        store.finish_session(new_id())


@pytest.mark.parametrize(
    "fields",
    [
        {"credit": 1.5},
        {"points": float("nan")},
        {"question_number": 0},
        {"correct": 1},
        {"response": 3},
        {"response": frozenset({1})},
        {"answered_at": "yesterday"},
        {"answered_at": "2025-03-01T10:00:00+02:00"},
        {"question_id": ""},
    ],
)
def test_bad_answer_records_are_refused_where_they_are_built(fields) -> None:
    with pytest.raises(ValueError):
        answer(new_id(), **fields)


@pytest.mark.parametrize(
    "fields",
    [{"player": "   "}, {"options": {"x": object()}}, {"seed": "7"}, {"player_kind": "robot"}],
)
def test_bad_session_records_are_refused_where_they_are_built(fields) -> None:
    with pytest.raises(ValueError):
        session(**fields)


def test_player_names_are_normalised(store: ResultsStore) -> None:
    play(store, player="Zoe\u0308 ")  # decomposed ë, trailing space
    play(store, player="Zo\u00eb")
    assert {s.player for s in store.sessions()} == {"Zo\u00eb"}
    assert len(store.sessions(player=" Zoe\u0308")) == 2


def test_resume_queries(store: ResultsStore) -> None:
    done = play(store, "ann")
    open_old = play(store, "ann", (True,), finish=False)
    open_new = play(store, "ann", (True, False), finish=False)
    play(store, "ann", (True,), finish=False, pack_hash="b" * 64)  # edited pack: not resumable
    play(store, "bob", (True,), finish=False)
    found = store.unfinished_sessions("ann", "g20", "a" * 64)
    assert [s.session_id for s in found] == [open_new.session_id, open_old.session_id]
    assert done.session_id not in {s.session_id for s in found}
    answers = store.session_answers(open_new.session_id)
    assert [(a.question_id, a.response, a.seconds) for a in answers] == [
        ("q1", "Hamburg", 2.5),
        ("q2", "Berlin", 2.5),
    ]


def test_hot_seat_game_groups_sessions(store: ResultsStore) -> None:
    game = new_id()
    players = ["ann", "bob", "cat"]
    for name in players:
        play(store, name, game_id=game)
    play(store, "dan")
    assert [s.player for s in store.game_sessions(game)] == players
    team = play(store, "Reds", player_kind="team")
    assert store.get_session(team.session_id).player_kind == "team"


def test_sessions_filters_order_and_limit(store: ResultsStore) -> None:
    a1 = play(store, "ann")
    b1 = play(store, "bob", pack_id="other")
    a2 = play(store, "ann")
    assert [s.session_id for s in store.sessions()] == [a2.session_id, b1.session_id, a1.session_id]
    assert [s.session_id for s in store.sessions(player="ann")] == [a2.session_id, a1.session_id]
    assert [s.session_id for s in store.sessions(pack_id="other")] == [b1.session_id]
    assert [s.session_id for s in store.sessions(limit=1)] == [a2.session_id]
    assert store.sessions(player="ann", pack_id="other") == []


def test_leaderboard_best_finished_session_per_player(store: ResultsStore) -> None:
    play(store, "ann", (True, False, False, False))
    best_ann = play(store, "ann", (True, True, True, False))
    play(store, "bob", (True, True, False, False))
    play(store, "cat", (True, True, True, True), finish=False)  # unfinished: not listed
    best_dan = play(store, "dan", (True, True, True, True))
    play(store, "eve", (True, True, True, True), pack_id="other")
    board = store.leaderboard("g20")
    assert [(e.rank, e.player, e.score, e.percent) for e in board] == [
        (1, "dan", 80.0, 100.0),
        (2, "ann", 60.0, 75.0),
        (3, "bob", 40.0, 50.0),
    ]
    assert board[0].session_id == best_dan.session_id and board[1].session_id == best_ann.session_id
    assert [e.player for e in store.leaderboard("g20", limit=2)] == ["dan", "ann"]
    assert store.leaderboard("g20", pack_hash="b" * 64) == []
    assert store.leaderboard("nothing") == []


def test_stats_and_versions_are_kept_apart_by_content_hash(store: ResultsStore) -> None:
    play(store, "ann", (True, False))
    play(store, "bob", (False, False))
    play(store, "cat", (True, True), pack_hash="b" * 64)
    versions = store.pack_versions("g20")
    assert [(v.pack_hash[0], v.sessions, v.answers) for v in versions] == [("b", 1, 2), ("a", 2, 4)]
    stats = {s.question_id: s for s in store.question_stats("g20", "a" * 64)}
    assert (stats["q1"].answers, stats["q1"].right, stats["q1"].percent_right) == (2, 1, 50.0)
    assert (stats["q2"].answers, stats["q2"].right, stats["q2"].top_wrong) == (2, 0, "Berlin")
    assert stats["q2"].top_wrong_count == 2
    assert store.question_stats("g20", "b" * 64)[0].right == 1
    assert store.pack_ids() == ["g20"]


def test_most_chosen_wrong_answer_ignores_timeouts(store: ResultsStore) -> None:
    for response in ["Bonn", "Bonn", "Paris", None, None, None]:
        record = session()
        store.start_session(record)
        store.record_answer(answer(record.session_id, 1, correct=False, response=response,
                                   timed_out=response is None))
    (stat,) = store.question_stats("g20", "a" * 64)
    assert (stat.answers, stat.timed_out, stat.top_wrong, stat.top_wrong_count) == (6, 3, "Bonn", 2)


def test_export_rows_filter_and_order(store: ResultsStore) -> None:
    first = play(store, "ann", (True, False))
    play(store, "bob", (True,), pack_id="other")
    rows = list(store.export_rows())
    assert [(r.player, r.question_number) for r in rows] == [("ann", 1), ("ann", 2), ("bob", 1)]
    assert rows[0].session_id == first.session_id and rows[1].correct is False
    assert [r.player for r in store.export_rows(player="bob")] == ["bob"]
    assert [r.pack_id for r in store.export_rows(pack_id="g20")] == ["g20", "g20"]
    assert list(store.export_rows(chunk=1)) == rows


def test_read_only_open_never_creates_a_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.sqlite3"
    with pytest.raises(StoreMissing):
        ResultsStore.open(path, readonly=True)
    with pytest.raises(StoreMissing):
        ResultsStore.open(path, create=False)
    assert not path.exists()


def test_read_only_view_of_an_empty_file_has_no_results(db_path: Path) -> None:
    db_path.write_bytes(b"")
    with ResultsStore.open(db_path, readonly=True) as store:
        assert store.sessions() == [] and list(store.export_rows()) == []
        assert store.leaderboard("g20") == [] and store.question_stats("g20", "x") == []
    assert db_path.read_bytes() == b""


def test_folder_instead_of_a_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        ResultsStore.open(tmp_path)


def test_stores_in_two_threads_share_one_file(db_path: Path) -> None:
    import threading

    with ResultsStore.open(db_path) as store:
        record = session(question_count=200)
        store.start_session(record)

        def write(start: int) -> None:
            for n in range(start, start + 100):
                store.record_answer(answer(record.session_id, n))

        threads = [threading.Thread(target=write, args=(s,)) for s in (1, 101)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert store.get_session(record.session_id).answered == 200
    assert count_rows(db_path) == 200


def test_store_and_reports_import_neither_engine_nor_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys, quizgame.store, quizgame.commands.results, quizgame.commands.export, "
        "quizgame.commands.stats; "
        "bad = sorted(m for m in sys.modules if m.startswith(('quizgame.engine', 'quizgame.tui', "
        "'textual', 'rich'))); print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
