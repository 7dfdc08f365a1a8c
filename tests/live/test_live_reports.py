"""The reports read classroom games as they are, and can be limited to one game."""

from __future__ import annotations

import csv
import io
import json
from contextlib import redirect_stdout

from quizgame.cli import main
from quizgame.engine import QuizSession
from quizgame.saving import GameSaver

from .conftest import game_options


def _store_two_games(harbour, db) -> None:
    saver = GameSaver.open(db)
    try:
        for game_id, names in (("game-a", ["Ann", "Bob"]), ("game-b", ["Cat"])):
            for name in names:
                session = QuizSession(harbour, game_options())
                saver.start(session, name, game_id=game_id, mode="live")
                saver.record(session, session.answer("Hamburg", 2.0))
        assert saver.flush(30)
    finally:
        saver.close(30)


def _run(*argv: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(list(argv)) == 0
    return out.getvalue()


def test_results_and_export_by_game(harbour, tmp_path) -> None:
    db = tmp_path / "results.sqlite3"
    _store_two_games(harbour, db)

    table = _run("results", "--db", str(db), "--game", "game-a")
    rows = list(csv.DictReader(io.StringIO(_run("export", "--db", str(db), "--game", "game-b"))))
    document = json.loads(_run("export", "--format", "json", "--db", str(db), "--game", "game-a"))

    assert "Ann" in table and "Bob" in table and "Cat" not in table
    assert [(r["player"], r["game_id"]) for r in rows] == [("Cat", "game-b")]
    assert {r["player"] for r in document["rows"]} == {"Ann", "Bob"} and document["filters"]["game"] == "game-a"
    assert "live" in _run("results", "--db", str(db))  # the mode a classroom game was played in
