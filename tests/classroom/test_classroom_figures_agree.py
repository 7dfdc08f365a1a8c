"""One session played through the game, then read back with `quizgame results` and
`quizgame export`: every figure the player was shown is the figure the teacher gets."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from quizgame.cli import main
from quizgame.engine import ScoringOptions, SessionOptions
from quizgame.store import ResultsStore
from quizgame.tui.screens.quiz import QuizScreen
from quizgame.tui.screens.results import ResultsScreen

from .helpers import keys_for, screen_text, settle, wait_until

# Both bonuses, a time limit, and waits that leave the speed bonus many decimals.
OPTIONS = SessionOptions(
    seed=11, count=4, time_limit=30, scoring=ScoringOptions(speed_bonus=True, streak_bonus=True)
)
WAITS = (1.37, 7.29, 11.11, 4.04)
# "+10 +9.8 speed bonus +2 streak bonus = 21.8 points ...", "+10 +9.5 speed bonus = 19.5 of
# 20 points" or "+0 of 20 points"
POINTS = re.compile(r"\+(?P<first>[\d.]+)(?P<rest>(?: \+[\d.]+ (?:speed|streak) bonus)*)(?: = (?P<total>[\d.]+)(?: of [\d.]+)? points| of [\d.]+ points)")


def _cli(capsys, *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _shown_points(text: str) -> tuple[float, float, float]:
    """(points, speed bonus, streak bonus) of the feedback line on screen."""
    found = POINTS.search(" ".join(text.split()))
    assert found, text
    bonuses = dict((kind, float(value)) for value, kind in re.findall(r"\+([\d.]+) (speed|streak) bonus", found["rest"]))
    total = float(found["total"] or found["first"])
    # The parts shown add up to the points shown.
    assert round(float(found["first"]) + sum(bonuses.values()), 1) == total
    return total, bonuses.get("speed", 0.0), bonuses.get("streak", 0.0)


async def test_every_figure_shown_is_what_results_and_export_print(
    capsys, make_app, lighthouse, clock, db_path: Path
) -> None:
    app = make_app(start_pack=lighthouse, options=OPTIONS, seed_fixed=True)
    shown: list[tuple[str, tuple[float, float, float]]] = []
    async with app.run_test(size=(100, 30)) as pilot:
        for n, wait in enumerate(WAITS):
            await settle(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.showing == "question" and not app.screen.held)
            screen = app.screen
            question = screen.question
            clock.advance(wait)
            await pilot.press(*keys_for(question, n != 2))  # the third answer wrong: the streak ends
            await settle(pilot, lambda: screen.showing == "feedback" and "points" in screen_text(app))
            shown.append((question.id, _shown_points(screen_text(app))))
            await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ResultsScreen))
        text = " ".join(screen_text(app).split())
        header = re.search(r"Score ([\d.]+) of ([\d.]+) \((\d+)%\)", text)
        assert header, text
        score, maximum, percent = header.groups()
        assert "includes" in text and "speed bonus" in text and "the percentage leaves the streak bonus out" in text

    def finished() -> bool:
        with ResultsStore.open(db_path, readonly=True) as store:
            return [s.finished for s in store.sessions()] == [True]

    wait_until(finished, what="the session saved and finished")
    assert any(streak for _, (_, _, streak) in shown) and all(speed for _, (p, speed, _) in shown if p)

    table = _cli(capsys, "results", "--db", str(db_path)).splitlines()
    row = table[1].split()
    assert row[3:5] == [f"{score}/{maximum}", f"{percent}%"]

    rows = list(csv.DictReader(io.StringIO(_cli(capsys, "export", "--db", str(db_path)))))
    assert [r["question_id"] for r in rows] == [qid for qid, _ in shown]
    for r, (_, (points, speed, streak)) in zip(rows, shown):
        assert (float(r["points"]), float(r["speed_bonus"]), float(r["streak_bonus"])) == (points, speed, streak)
    assert f"{sum(float(r['points']) for r in rows):g}" == score
    assert f"{sum(float(r['max_points']) for r in rows):g}" == maximum
    assert {(r["time_limit"], r["seed"], r["question_count"], r["started_from"]) for r in rows} == {("30.0", "11", "4", "command")}

    document = json.loads(_cli(capsys, "export", "--db", str(db_path), "--format", "json"))
    assert [(r["points"], r["speed_bonus"], r["streak_bonus"]) for r in document["rows"]] == [p for _, p in shown]
