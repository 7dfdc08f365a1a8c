"""Score, maximum and percentage from the one place that works them out (quizgame.tally)."""

from __future__ import annotations

import pytest

from quizgame.engine import QuizSession, ScoringOptions, SessionOptions
from quizgame.engine.scoring import apply_bonuses
from quizgame.engine.standings import rank_players
from quizgame.tally import percent_text, points_text, round_points, tally

from .conftest import question

BOTH = ScoringOptions(speed_bonus=True, streak_bonus=True)


def _tf_pack(make_pack, count: int):
    return make_pack([question(f"t{n}", "true_false", points=20) for n in range(1, count + 1)])


def test_all_right_with_both_bonuses_scores_above_the_maximum_but_not_above_100_percent(
    make_pack, clock
) -> None:
    pack = _tf_pack(make_pack, 4)
    session = QuizSession(pack, SessionOptions(seed=1, time_limit=30, scoring=BOTH), clock=clock)
    for _ in range(4):
        session.show_current()
        clock.advance(3.7)
        session.answer(True)
    figures = session.tally()
    assert figures.score > figures.max_score == 80
    # The streak bonus (2 + 4 + 6) is left out of the percentage.
    assert figures.streak_bonus == 12
    assert figures.percent == pytest.approx(100 * (figures.score - 12) / 80)
    assert 0 <= figures.percent <= 100
    assert session.summary().percent == figures.percent
    assert "streak bonus" in figures.explained and "maximum" in figures.explained


def test_a_half_finished_session_is_judged_on_what_was_asked(make_pack) -> None:
    pack = _tf_pack(make_pack, 10)
    session = QuizSession(pack, SessionOptions(seed=1))
    session.answer(True, elapsed=1)
    session.answer(False, elapsed=1)
    session.answer(True, elapsed=1)
    figures = session.tally()
    assert (figures.score, figures.max_score, figures.answered) == (40, 60, 3)
    assert figures.percent_text == "67%"


def test_points_are_rounded_once_so_the_parts_add_up_to_the_total() -> None:
    # 2/3 of a 20-point question answered after 7.77 s of 30: parts of many decimals.
    points = apply_bonuses(20, 2 / 3, elapsed=7.77, limit=30, streak=0, speed_bonus=True, streak_bonus=False)
    assert points.credit_points == 6.7 and points.speed_bonus == 4.9
    assert points.total == 11.6 == round_points(points.credit_points + points.speed_bonus)
    shown = [points_text(p) for p in (points.credit_points, points.speed_bonus)]
    assert shown == ["6.7", "4.9"] and points_text(points.total) == "11.6"


def test_the_answers_shown_add_up_to_the_score_shown(make_pack, clock) -> None:
    pack = _tf_pack(make_pack, 3)
    session = QuizSession(pack, SessionOptions(seed=1, time_limit=30, scoring=BOTH), clock=clock)
    for wait in (1.33, 7.29, 11.11):
        session.show_current()
        clock.advance(wait)
        session.answer(True)
    shown = [float(points_text(r.points)) for r in session.results]
    assert points_text(sum(shown)) == points_text(session.tally().score)
    for result in session.results:
        assert result.points == round_points(result.credit_points + result.speed_bonus + result.streak_bonus)


@pytest.mark.parametrize(
    ("value", "text"), [(99.6, "99%"), (100.0, "100%"), (0.4, "0%"), (66.66, "67%"), (None, "-")]
)
def test_a_percentage_reads_the_same_everywhere(value, text) -> None:
    assert percent_text(value) == text


def test_round_points_rounds_halves_up_not_to_even() -> None:
    assert [round_points(v) for v in (0.25, 0.35, 18.22, 32.04, 6.666666666666666)] == [0.3, 0.4, 18.2, 32.0, 6.7]


def test_classroom_standings_take_their_figures_from_the_tally(make_pack) -> None:
    pack = _tf_pack(make_pack, 4)
    ann, bob = (QuizSession(pack, SessionOptions(seed=1, scoring=BOTH)) for _ in range(2))
    for _ in range(4):
        ann.answer(True, elapsed=0)
    bob.answer(True, elapsed=0)
    bob.pass_over()
    places = rank_players([("Ann", ann), ("Bob", bob)])
    assert [(p.player, p.score, p.max_score, p.percent) for p in places] == [
        ("Ann", ann.tally().score, 80, 100.0),
        ("Bob", 20, 20, 100.0),
    ]


def test_tally_of_nothing() -> None:
    figures = tally([])
    assert (figures.score, figures.max_score, figures.percent, figures.percent_text) == (0, 0, 0, "-")
