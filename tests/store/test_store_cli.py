"""`quizgame results`, `export` and `stats`, run through the real command line."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import sys
import types
from pathlib import Path

import pytest

from quizgame.cli import main
from quizgame.commands.stats import CSV_COLUMNS as CSV_HEADER
from quizgame.packs.models import Pack
from quizgame.packs.types import LoadedPack, PackError, Problem
from quizgame.store import CURRENT_VERSION, EXPORT_COLUMNS, ResultsStore, StoreCorrupt

from .helpers import answer, as_version_2, play, session


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_fits(text: str) -> None:
    """Every line fits 80 columns, except that a database path is shown whole."""
    assert all(len(line) <= 80 for line in text.splitlines() if "database: " not in line), text


@pytest.fixture
def filled(db_path: Path) -> Path:
    with ResultsStore.open(db_path) as store:
        play(store, "ann", (True, True, True, False))
        play(store, "bob", (True, False), finish=False)
        play(store, "=HYPERLINK(\"http://evil\")", (False, False))
        play(store, "cat", (True,), pack_id="other")
    return db_path


# -- results -----------------------------------------------------------------------------


def test_results_without_a_database_says_so_and_creates_nothing(capsys, tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite3"
    expected = (0, f"no results yet (database: {path})\n", "")
    assert run(capsys, "results", "--db", str(path)) == expected
    assert not path.exists() and not list(tmp_path.glob("none*"))


def test_results_default_database_is_in_the_data_folder(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "results")
    assert code == 0 and str(tmp_path / "data" / "results.sqlite3") in out
    assert not (tmp_path / "data").exists()


def test_results_honours_quizgame_db(capsys, filled: Path, monkeypatch) -> None:
    monkeypatch.setenv("QUIZGAME_DB", str(filled))
    code, out, _ = run(capsys, "results")
    assert code == 0 and "ann" in out and f"(database: {filled})" in out


def test_results_of_an_empty_database(capsys, db_path: Path) -> None:
    db_path.write_bytes(b"")
    assert run(capsys, "results", "--db", str(db_path))[:2] == (
        0, f"no results yet (database: {db_path})\n",
    )
    with ResultsStore.open(db_path):
        pass
    assert run(capsys, "--db", str(db_path), "results")[0] == 0


def table_rows(out: str) -> list[str]:
    """The results table's rows: from under the header to the first blank line."""
    lines = out.splitlines()
    return lines[1 : lines.index("")]


def test_results_table(capsys, filled: Path) -> None:
    code, out, err = run(capsys, "results", "--db", str(filled))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["PLAYER", "PACK", "RUN", "SCORE", "%", "DATE", "DONE"]
    rows = {line.split()[0]: line.split() for line in lines[1:5]}
    assert rows["cat"][1:5] == ["other", "A", "20/20", "100%"] and rows["cat"][-1] == "yes"
    assert rows["bob"][3:5] == ["20/40", "50%"] and rows["bob"][-1] == "2/2"
    assert rows["ann"][3:5] == ["60/80", "75%"] and rows["ann"][-1] == "yes"
    assert [line.split()[0] for line in lines[1:5]] == [
        "cat", '=HYPERLINK("http://evil")', "bob", "ann",  # newest first
    ]
    assert lines[-1] == f"4 sessions (database: {filled})"
    assert_fits(out)


def test_reports_on_a_database_an_older_quizgame_left_upgrade_it_and_report(capsys, db_path: Path) -> None:
    old = as_version_2(db_path, player="ann")
    code, out, err = run(capsys, "results", "--db", str(db_path))
    assert (code, err) == (0, "")
    assert out.splitlines()[1].split()[0] == "ann"
    assert out.splitlines()[-1] == f"1 session (database: {db_path})"
    code, out, err = run(capsys, "export", "--db", str(db_path))
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 4 and {row["session_id"] for row in rows} == {old.session_id}
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION


def test_results_filters_and_limit(capsys, filled: Path) -> None:
    _, out, _ = run(capsys, "results", "--db", str(filled), "--player", "ann")
    assert [line.split()[0] for line in table_rows(out)] == ["ann"]
    _, out, _ = run(capsys, "results", "--db", str(filled), "--pack", "other")
    assert [line.split()[0] for line in table_rows(out)] == ["cat"]
    _, out, _ = run(capsys, "results", "--db", str(filled), "--limit", "2")
    assert len(table_rows(out)) == 2
    code, out, _ = run(capsys, "results", "--db", str(filled), "--player", "zed")
    assert code == 0 and out == f"no results yet for player 'zed' (database: {filled})\n"


def test_results_fit_80_columns_and_hide_terminal_controls(capsys, db_path: Path) -> None:
    with ResultsStore.open(db_path) as store:
        play(store, "A" * 70 + "\x1b[2J\u202e", pack_id="a-very-long-pack-identifier-" + "x" * 30)
        play(store, "名前" * 30)
    code, out, _ = run(capsys, "results", "--db", str(db_path))
    assert code == 0 and "\x1b" not in out and "\u202e" not in out and "…" in out
    from quizgame.store.table import cell_width

    table = [line for line in out.splitlines() if "database: " not in line]
    assert all(cell_width(line) <= 80 for line in table)
    assert any(line.startswith("名前名前") for line in table)


@pytest.mark.parametrize("command", [["results"], ["export"], ["stats", "g20"]])
def test_bad_databases_give_one_line_and_exit_1(capsys, tmp_path: Path, command) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(os.urandom(4096))
    newer = tmp_path / "newer.sqlite3"
    with ResultsStore.open(newer):
        pass
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    for path, words in [(tmp_path, "is a folder"), (damaged, "damaged"), (newer, "newer quizgame")]:
        code, out, err = run(capsys, *command, "--db", str(path))
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and words in err and str(path) in err
        assert err.startswith("quizgame: ")


# -- export ------------------------------------------------------------------------------


def test_export_csv_round_trip(capsys, filled: Path) -> None:
    code, out, err = run(capsys, "export", "--db", str(filled))
    assert code == 0 and err == ""
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    assert len(rows) == 4 + 2 + 2 + 1
    first = rows[0]
    assert (first["player"], first["pack_id"], first["question_id"], first["question_number"]) == (
        "ann", "g20", "q1", "1",
    )
    assert (first["answer"], first["correct"], first["credit"], first["points"]) == (
        "Hamburg", "1", "1.0", "20.0",
    )
    assert first["pack_hash"] == "a" * 64 and first["game_id"] == "" and first["seconds"] == "2.5"
    assert first["answered_at"].endswith("+00:00")
    # A name that a spreadsheet would run as a formula is shown as text.
    assert {r["player"] for r in rows} == {"ann", "bob", "'=HYPERLINK(\"http://evil\")", "cat"}
    assert out.endswith("\r\n")


def test_export_csv_guards_every_formula_prefix(capsys, db_path: Path) -> None:
    with ResultsStore.open(db_path) as store:
        record = session(player="@admin")
        store.start_session(record)
        for n, text in enumerate(["=1+1", "+1", "-5", "@x", "\tTab", "plain", "a=b"], 1):
            store.record_answer(answer(record.session_id, n, response=text, correct=False))
    _, out, _ = run(capsys, "export", "--db", str(db_path))
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [r["answer"] for r in rows] == ["'=1+1", "'+1", "'-5", "'@x", "'\tTab", "plain", "a=b"]
    assert rows[0]["player"] == "'@admin" and rows[0]["points"] == "0.0"


def test_export_json_round_trip(capsys, filled: Path) -> None:
    code, out, _ = run(capsys, "export", "--format", "json", "--db", str(filled), "--pack", "g20")
    assert code == 0
    data = json.loads(out)
    assert data["format"] == "quizgame-results" and data["version"] == 2
    assert data["filters"] == {"pack": "g20", "player": None, "game": None}
    assert data["columns"] == [*EXPORT_COLUMNS, "response"]
    rows = data["rows"]
    assert len(rows) == 8 and {r["pack_id"] for r in rows} == {"g20"}
    assert rows[0]["correct"] is True and rows[0]["response"] == "Hamburg"
    assert '=HYPERLINK("http://evil")' in {r["player"] for r in rows}  # exact in JSON


def test_export_json_with_no_rows_is_still_valid(capsys, filled: Path) -> None:
    _, out, err = run(capsys, "export", "--format", "json", "--db", str(filled), "--player", "zed")
    assert json.loads(out)["rows"] == [] and "no answers matched" in err


def test_export_without_a_database(capsys, tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite3"
    code, out, err = run(capsys, "export", "--db", str(path))
    assert code == 0 and out.strip() == ",".join(EXPORT_COLUMNS)
    assert err == f"no results yet (database: {path})\n" and not path.exists()


def test_export_to_a_file(capsys, filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "grades.csv"
    code, out, _ = run(capsys, "export", "--db", str(filled), "-o", str(target), "--player", "ann")
    assert code == 0 and out == f"wrote 4 answers to {target}\n"
    with target.open(newline="", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 4
    assert target.stat().st_mode & 0o044  # readable like any file the user makes, not 0600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_json_to_a_file_replaces_the_old_one(capsys, filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "grades.json"
    target.write_text("old")
    assert run(capsys, "export", "--format", "json", "--db", str(filled), "-o", str(target))[0] == 0
    assert len(json.loads(target.read_text(encoding="utf-8"))["rows"]) == 9


def _crashing_writer(exc: BaseException):
    def write_csv(rows, handle) -> int:
        handle.write("session_id,half a file\r\n" * 1000)
        next(iter(rows))
        raise exc

    return write_csv


@pytest.mark.parametrize("existing", [True, False])
def test_a_crash_mid_export_leaves_no_half_file(
    capsys, filled: Path, tmp_path: Path, monkeypatch, existing: bool
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "grades.csv"
    if existing:
        target.write_text("last week's grades\n")
    crash = _crashing_writer(RuntimeError("crash"))
    monkeypatch.setattr("quizgame.commands.export.write_csv", crash)
    with pytest.raises(RuntimeError):
        main(["export", "--db", str(filled), "-o", str(target)])
    if existing:
        assert target.read_text() == "last week's grades\n"
        assert [p.name for p in out_dir.iterdir()] == ["grades.csv"]
    else:
        assert list(out_dir.iterdir()) == []


def test_a_database_error_mid_export_is_one_line_and_leaves_no_file(
    capsys, filled: Path, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "out.csv"
    monkeypatch.setattr(
        "quizgame.commands.export.write_csv",
        _crashing_writer(StoreCorrupt(f"results database is damaged: {filled}", filled)),
    )
    code, out, err = run(capsys, "export", "--db", str(filled), "-o", str(target))
    assert (code, out) == (1, "") and err == f"quizgame: results database is damaged: {filled}\n"
    assert not target.exists() and [p for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_export_to_an_impossible_place(capsys, filled: Path, tmp_path: Path) -> None:
    # A path that cannot be a file is a mistake on the command line: exit 2, like any.
    cases = [(tmp_path / "no" / "such" / "dir.csv", "no such folder"), (tmp_path, "is a folder")]
    for target, words in cases:
        code, out, err = run(capsys, "export", "--db", str(filled), "-o", str(target))
        assert code == 2 and out == "" and err.count("\n") == 1 and words in err


# -- stats -------------------------------------------------------------------------------


def _pack(questions: list[str]) -> Pack:
    return Pack.model_validate(
        {
            "schema": 1,
            "id": "g20",
            "title": "G20 takeaways",
            "description": "Test pack.",
            "language": "en",
            "authors": ["Tester"],
            "license": "CC0-1.0",
            "source": {
                "title": "Source",
                "author": "Writer",
                "publication": "Paper",
                "date": "2017-07-07",
                "text": "source.txt",
            },
            "sections": [{"id": "summit", "title": "The summit"}],
            "questions": [
                {
                    "id": qid,
                    "type": "single",
                    "section": "summit",
                    "prompt": f"Prompt for {qid}: "
                    + "where did the leaders meet " * (qid == "q2")
                    + "?",
                    "explanation": "Because.",
                    "quote": "a quote",
                    "choices": ["Hamburg", "Berlin"],
                    "answer": "Hamburg",
                }
                for qid in questions
            ],
        }
    )


@pytest.fixture
def pack_layer(monkeypatch, tmp_path: Path):
    """Stand-in for the pack layer: ids in `known` resolve; `problems` makes loading fail."""
    state: dict = {"known": {}, "problems": None}

    def resolve_pack(ref: str, extra_dirs) -> Path:
        stem = Path(ref).stem
        if stem in state["known"]:
            return tmp_path / f"{stem}.yaml"
        raise LookupError(f"no pack {ref!r}")

    def load_pack(path: Path, *, cache: bool = True) -> LoadedPack:
        if state["problems"]:
            raise PackError([Problem(path, 3, 5, state["problems"])])
        return state["known"][path.stem]

    module = types.ModuleType("quizgame.packs.discovery")
    module.resolve_pack = resolve_pack  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "quizgame.packs.discovery", module)
    import quizgame.packs

    monkeypatch.setattr(quizgame.packs, "load_pack", load_pack, raising=False)
    return state


def _class_results(db_path: Path, pack_hash: str = "a" * 64) -> None:
    with ResultsStore.open(db_path) as store:
        # q1: everyone right; q2: mostly "Berlin"; q3: half right; q4 never asked.
        for i, (r1, r2, r3) in enumerate([(1, 0, 1), (1, 0, 0), (1, 1, 1), (1, 0, 0)]):
            record = session(player=f"s{i}", pack_hash=pack_hash)
            store.start_session(record)
            for n, right in enumerate((r1, r2, r3), 1):
                store.record_answer(answer(record.session_id, n, correct=bool(right)))


def test_stats_by_question_id_when_the_pack_is_not_found(capsys, db_path: Path, pack_layer) -> None:
    _class_results(db_path)
    code, out, err = run(capsys, "stats", "g20", "--db", str(db_path))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "G20 takeaways (g20)"
    assert lines[1].startswith("version aaaaaaaa: 4 sessions, 12 answers, latest ")
    assert lines[2].split() == ["#", "QUESTION", "ID", "ANSWERS", "RIGHT"]
    assert lines[3:-1] == [
        "   q1                 4   100%",
        "*  q2                 4    25%",
        "     most-chosen wrong answer: Berlin (3)",
        "   q3                 4    50%",
        "     most-chosen wrong answer: Berlin (2)",
    ]
    assert lines[-1] == "* hardest: q2 (25% right)"
    assert_fits(out)


def test_stats_in_pack_order_with_prompts(capsys, db_path: Path, pack_layer) -> None:
    loaded = LoadedPack(_pack(["q4", "q2", "q1", "q3"]), Path("g20.yaml"), "text", "a" * 64)
    pack_layer["known"]["g20"] = loaded
    _class_results(db_path)
    code, out, _ = run(capsys, "stats", "g20", "--db", str(db_path))
    assert code == 0
    lines = out.splitlines()
    assert lines[1].startswith("version aaaaaaaa (current):")
    assert lines[2].split()[:3] == ["#", "QUESTION", "ID"]
    rows = [line for line in lines[3:-1] if not line.startswith(" ")]
    assert [row.split()[:2] for row in rows] == [["1", "q4"], ["2*", "q2"], ["3", "q1"], ["4", "q3"]]
    assert rows[0].split()[-2:] == ["0", "-"] and rows[1].split()[-2:] == ["4", "25%"]
    # The whole prompt, wrapped under its question id: never cut short.
    at = lines.index(rows[1])
    prompt = " ".join(line.strip() for line in lines[at + 1 : at + 4] if not line.strip().startswith("most-"))
    assert prompt.startswith("Prompt for q2: where did the leaders meet") and "…" not in out
    assert lines[at + 1].startswith("     Prompt for q2")
    assert lines[-1] == "* hardest: 2 (25% right)"
    assert_fits(out)


def test_stats_keeps_pack_versions_apart(capsys, db_path: Path, pack_layer) -> None:
    current = LoadedPack(_pack(["q1", "q2", "q3"]), Path("g20.yaml"), "t", "b" * 64)
    pack_layer["known"]["g20"] = current
    _class_results(db_path, "a" * 64)
    with ResultsStore.open(db_path) as store:
        long_ago = "2020-01-01T00:00:00.000+00:00"
        record = session(player="new", pack_hash="b" * 64, started_at=long_ago)
        store.start_session(record)
        store.record_answer(answer(record.session_id, 2, correct=True))
    code, out, _ = run(capsys, "stats", "g20", "--db", str(db_path))
    assert code == 0
    assert out.startswith("Results come from 2 versions of this pack.")
    assert "version bbbbbbbb (current): 1 session, 1 answer" in out
    assert "version aaaaaaaa (an earlier version): 4 sessions, 12 answers" in out
    current, earlier = out.split("(an earlier version)")
    assert "Prompt for q2" in current and "100%" in current and "25%" not in current
    assert "QUESTION ID" in earlier and "25%" in earlier and "Prompt" not in earlier
    assert_fits(out)


def test_stats_when_only_an_older_version_has_results(capsys, db_path: Path, pack_layer) -> None:
    pack_layer["known"]["g20"] = LoadedPack(_pack(["q1"]), Path("g20.yaml"), "t", "c" * 64)
    _class_results(db_path)
    code, out, _ = run(capsys, "stats", "g20", "--db", str(db_path))
    assert code == 0 and "No results yet for the current version of this pack." in out
    assert "(an earlier version)" in out


def test_stats_for_a_pack_with_no_results(capsys, db_path: Path, pack_layer) -> None:
    pack_layer["known"]["g20"] = LoadedPack(_pack(["q1"]), Path("g20.yaml"), "t", "c" * 64)
    with ResultsStore.open(db_path) as store:
        play(store, pack_id="other")
    assert run(capsys, "stats", "g20", "--db", str(db_path))[:2] == (
        0, f"no results yet for pack 'g20' (database: {db_path})\n",
    )


def test_stats_for_an_unknown_pack(capsys, db_path: Path, pack_layer) -> None:
    _class_results(db_path)
    code, out, err = run(capsys, "stats", "nope", "--db", str(db_path))
    assert (code, out) == (2, "")
    assert err == (
        f"quizgame: no pack or results called 'nope' (database: {db_path}); "
        "packs with results: g20\n"
    )


def test_stats_for_a_broken_pack_file_is_an_error(
    capsys, db_path: Path, pack_layer, tmp_path: Path
) -> None:
    _class_results(db_path)
    pack_layer["problems"] = "unknown field 'colour'"
    pack_layer["known"]["g20"] = None
    code, _, err = run(capsys, "stats", str(tmp_path / "g20.yaml"), "--db", str(db_path))
    assert code == 1 and err.startswith("quizgame: ") and ":3:5: unknown field 'colour'" in err
    # By id, the stored results are still worth showing.
    code, out, _ = run(capsys, "stats", "g20", "--db", str(db_path))
    assert code == 0 and out.startswith("note: pack 'g20' has problems (unknown field 'colour')")
    assert "QUESTION ID" in out


def test_stats_without_a_database(capsys, tmp_path: Path, pack_layer) -> None:
    path = tmp_path / "none.sqlite3"
    pack_layer["known"]["g20"] = LoadedPack(_pack(["q1"]), Path("g20.yaml"), "t", "c" * 64)
    assert run(capsys, "stats", "g20", "--db", str(path))[:2] == (
        0, f"no results yet (database: {path})\n",
    )
    assert not path.exists()


@pytest.mark.parametrize("empty_database", [False, True], ids=["no database", "no results"])
def test_stats_as_csv_or_json_with_no_results_is_an_empty_document(
    capsys, tmp_path: Path, pack_layer, empty_database: bool
) -> None:
    path = tmp_path / "results.sqlite3"
    if empty_database:
        with ResultsStore.open(path) as store:
            play(store, pack_id="other")
    pack_layer["known"]["g20"] = LoadedPack(_pack(["q1"]), Path("g20.yaml"), "t", "c" * 64)
    detail = " for pack 'g20'" if empty_database else ""
    said = f"no results yet{detail} (database: {path})\n"

    code, out, err = run(capsys, "stats", "g20", "--db", str(path), "--format", "csv")
    assert (code, err) == (0, said)
    assert list(csv.reader(io.StringIO(out))) == [list(CSV_HEADER)]
    code, out, err = run(capsys, "stats", "g20", "--db", str(path), "--format", "json")
    assert (code, err) == (0, said)
    document = json.loads(out)
    assert (document["pack"], document["versions"]) == ("g20", [])


def test_stats_of_an_unknown_pack_without_a_database(capsys, tmp_path: Path, pack_layer) -> None:
    path = tmp_path / "none.sqlite3"
    code, out, err = run(capsys, "stats", "nope", "--db", str(path))
    assert (code, out) == (2, "")
    assert err == f"quizgame: no pack or results called 'nope' (database: {path}, not created yet)\n"
    assert not path.exists()


def test_stats_with_the_real_built_in_pack(capsys, db_path: Path, article_pack_path: Path) -> None:
    from quizgame.packs import load_pack

    loaded = load_pack(article_pack_path)
    first, second = loaded.pack.questions[:2]
    with ResultsStore.open(db_path) as store:
        for i, right in enumerate([True, False, False]):
            record = session(player=f"s{i}", pack_id=loaded.id, pack_hash=loaded.content_hash)
            store.start_session(record)
            store.record_answer(answer(record.session_id, 1, question_id=first.id))
            store.record_answer(
                answer(record.session_id, 2, question_id=second.id, correct=right, response="Nope")
            )
    for ref in (loaded.id, str(article_pack_path)):
        code, out, err = run(capsys, "stats", ref, "--db", str(db_path))
        assert code == 0 and err == ""
        lines = out.splitlines()
        assert lines[0] == f"{loaded.title} ({loaded.id})"
        assert "(current): 3 sessions, 6 answers" in lines[1]
        rows = [line for line in lines[3:-1] if not line.startswith(" ")]
        assert rows[0].split() == ["1", first.id, "3", "100%"]
        assert rows[1].split() == ["2*", second.id, "3", "33%"]
        assert len(rows) == len(loaded.pack.questions)
        assert "     most-chosen wrong answer: Nope (2)" in lines
        assert_fits(out)


def test_results_shows_the_most_recent_fifty_unless_asked(capsys, db_path: Path) -> None:
    with ResultsStore.open(db_path) as store:
        for i in range(53):
            play(store, f"p{i:02d}", (True,))
    code, out, _ = run(capsys, "results", "--db", str(db_path))
    lines = out.splitlines()
    assert code == 0 and len(table_rows(out)) == 50
    assert lines[1].startswith("p52") and lines[50].startswith("p03")
    assert lines[-1].startswith("the 50 most recent of 53 sessions; --limit N shows more")
    _, out, _ = run(capsys, "results", "--db", str(db_path), "--limit", "60")
    assert len(table_rows(out)) == 53 and out.splitlines()[-1].startswith("53 sessions")
    _, out, _ = run(capsys, "results", "--db", str(db_path), "--limit", "53")
    assert out.splitlines()[-1].startswith("53 sessions")


def test_sql_formula_guard_matches_the_rule(db_path: Path) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from quizgame.store.exporting import spreadsheet_safe

    texts = st.text(alphabet=st.sampled_from("=+-@\t\r 'a1é\n\""), max_size=6)
    with ResultsStore.open(db_path) as store:
        record = session()
        store.start_session(record)
        numbers = iter(range(1, 10**6))

        @settings(max_examples=200, deadline=None)
        @given(texts)
        def check(text: str) -> None:
            n = next(numbers)
            store.record_answer(answer(record.session_id, n, response=text))
            number = EXPORT_COLUMNS.index("question_number")
            (row,) = [r for r in store.spreadsheet_rows() if r[number] == n]
            assert row[EXPORT_COLUMNS.index("answer")] == spreadsheet_safe(text)

        check()


# -- outside text in the reports -------------------------------------------------------------

# Names and answers as an older version could have stored them.
HOSTILE_NAME = "\x1b]0;pwned\x07Eve\x1b[31m\u202e"
HOSTILE_ANSWER = "\x9b2J\x1bP1$qm\x1b\\yes"


@pytest.fixture
def hostile(db_path: Path) -> Path:
    with ResultsStore.open(db_path) as store:
        record = session(player=HOSTILE_NAME, pack_title="Pack\x1b]8;;https://x\x07")
        store.start_session(record)
        store.record_answer(answer(record.session_id, 1, response=HOSTILE_ANSWER, correct=False))
        store.finish_session(record.session_id, finished_at="2025-03-01T10:00:00.000+00:00")
    return db_path


def assert_safe(text: str) -> None:
    from quizgame.safe_text import find_unsafe

    assert find_unsafe(text) is None, repr(text)


def test_results_show_stored_hostile_names_safe(capsys, hostile: Path) -> None:
    code, out, _ = run(capsys, "results", "--db", str(hostile))
    assert code == 0 and "Eve" in out
    assert_safe(out)


def test_stats_show_stored_hostile_answers_safe(capsys, hostile: Path) -> None:
    code, out, _ = run(capsys, "stats", "g20", "--db", str(hostile))
    assert code == 0 and "yes" in out
    assert_safe(out)


def test_export_csv_on_a_terminal_shows_hostile_cells_safe_and_a_file_keeps_them(
    capsys, hostile: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, _ = run(capsys, "export", "--db", str(hostile))
    assert code == 0 and "Eve" in out
    assert_safe(out.replace("\r\n", "\n"))
    target = tmp_path / "out.csv"
    assert run(capsys, "export", "--db", str(hostile), "-o", str(target))[0] == 0
    (row,) = csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline=""))
    assert (row["player"], row["answer"]) == (HOSTILE_NAME, HOSTILE_ANSWER)  # exact, for the gradebook


def test_export_json_escapes_what_a_terminal_would_run_and_keeps_the_values(capsys, hostile: Path) -> None:
    code, out, _ = run(capsys, "export", "--format", "json", "--db", str(hostile))
    assert code == 0
    assert_safe(out)
    (row,) = json.loads(out)["rows"]
    assert (row["player"], row["answer"], row["response"]) == (HOSTILE_NAME, HOSTILE_ANSWER, HOSTILE_ANSWER)


def test_a_refusal_that_quotes_stored_pack_ids_shows_them_safe(capsys, db_path: Path) -> None:
    with ResultsStore.open(db_path) as store:
        play(store, "ann", pack_id="evil\x1b]0;pwned\x07")
    code, _, err = run(capsys, "stats", "nothing-here", "--db", str(db_path))
    assert code == 2 and "evil\\x1b]0;pwned\\x07" in err  # 2: an unknown pack id
    assert_safe(err)


FORMULA_NAMES = ['=HYPERLINK("http://evil","click")', "@SUM(1)", "+cmd", "-2+3"]


def test_names_a_spreadsheet_would_run_pass_the_name_check_and_export_as_text(capsys, db_path: Path) -> None:
    from quizgame.engine.names import check_name

    with ResultsStore.open(db_path) as store:
        for name in FORMULA_NAMES:
            play(store, check_name(name), (True,))
    _, out, _ = run(capsys, "export", "--db", str(db_path))
    players = [row["player"] for row in csv.DictReader(io.StringIO(out, newline=""))]
    assert players == [f"'{name}" for name in FORMULA_NAMES]
    _, out, _ = run(capsys, "export", "--format", "json", "--db", str(db_path))
    assert [row["player"] for row in json.loads(out)["rows"]] == FORMULA_NAMES  # exact in JSON


# -- stats: what went wrong, and other formats ------------------------------------------------


def _multiple_pack() -> Pack:
    pack = _pack(["q1"]).model_dump(by_alias=True)
    pack["questions"] = [
        {
            "id": "cyber-uses",
            "type": "multiple",
            "section": "summit",
            "prompt": "According to the article, " + "what did the two leaders discuss " * 3 + "?",
            "explanation": "Because.",
            "quote": "a quote",
            "choices": ["Interfering with the internal affairs", "Cyber security", "Sanctions", "Trade"],
            "answers": ["Interfering with the internal affairs", "Cyber security"],
        }
    ]
    return Pack.model_validate(pack)


def _multiple_results(db_path: Path) -> None:
    right = ["Cyber security", "Interfering with the internal affairs"]
    given = [
        (right, True),  # fully right: no mistake
        (["Cyber security"], False),  # a right choice missed
        (["Cyber security", "Sanctions"], False),  # a wrong one ticked, a right one missed
        ([*right, "Sanctions"], False),  # a wrong one ticked
        ([*right, "Trade"], False),
    ]
    with ResultsStore.open(db_path) as store:
        for i, (picked, full) in enumerate(given):
            record = session(player=f"s{i}")
            store.start_session(record)
            store.record_answer(
                answer(record.session_id, 1, question_id="cyber-uses", response=frozenset(picked),
                       correct=full, credit=1.0 if full else 0.5)
            )


def test_stats_for_multiple_choice_count_wrong_choices_ticked_and_right_ones_missed(
    capsys, db_path: Path, pack_layer
) -> None:
    pack_layer["known"]["g20"] = LoadedPack(_multiple_pack(), Path("g20.yaml"), "t", "a" * 64)
    _multiple_results(db_path)
    code, out, _ = run(capsys, "stats", "g20", "--db", str(db_path))
    assert code == 0
    flat = " ".join(out.split())
    assert "wrong choices ticked: Sanctions (2), Trade (1)" in flat
    assert "right choices missed: Interfering with the internal affairs (2)" in flat
    # A right choice is never listed as a wrong answer.
    assert "wrong answer" not in flat and "ticked: Cyber" not in flat and "ticked: Interfering" not in flat
    assert_fits(out)


def test_stats_as_csv_and_json(capsys, db_path: Path, pack_layer) -> None:
    pack_layer["known"]["g20"] = LoadedPack(_multiple_pack(), Path("g20.yaml"), "t", "a" * 64)
    _multiple_results(db_path)
    code, out, err = run(capsys, "stats", "g20", "--db", str(db_path), "--format", "csv")
    assert code == 0 and err == ""
    (row,) = csv.DictReader(io.StringIO(out))
    assert (row["question_id"], row["type"], row["answers"], row["right"], row["percent_right"]) == (
        "cyber-uses", "multiple", "5", "1", "20.0",
    )
    assert row["prompt"].startswith("According to the article, what did")
    assert row["wrong_choices_ticked"] == "Sanctions (2); Trade (1)"
    assert row["right_choices_missed"] == "Interfering with the internal affairs (2)"
    code, out, _ = run(capsys, "stats", "g20", "--db", str(db_path), "--format", "json")
    assert code == 0
    document = json.loads(out)
    (version,) = document["versions"]
    (question,) = version["questions"]
    assert document["format"] == "quizgame-stats" and version["current"] is True
    assert question["mistakes"]["wrong choices ticked"] == [
        {"answer": "Sanctions", "count": 2}, {"answer": "Trade", "count": 1},
    ]
