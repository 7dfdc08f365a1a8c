"""QuizSession: handing out questions, timing, scoring, summary, resume and retry."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from quizgame.engine import (
    EmptySelectionError,
    EngineError,
    InvalidResponseError,
    QuizSession,
    RestoreError,
    ScoringOptions,
    SessionFinishedError,
    SessionOptions,
    SessionStateError,
    encode_response,
)
from quizgame.packs.types import LoadedPack

from .conftest import FakeClock, question

# Right answers for the standard pack's questions q1..q8.
RIGHT: dict[str, object] = {
    "q1": "Hamburg",
    "q2": frozenset({"A", "B", "C"}),
    "q3": True,
    "q4": "Hamburg",
    "q5": "Hamburg",
    "q6": False,
    "q7": "Putin",
    "q8": frozenset({"D"}),
}


def in_order(**changes: object) -> SessionOptions:
    return SessionOptions(seed=1, shuffle_questions=False, shuffle_choices=False, **changes)  # type: ignore[arg-type]


@pytest.fixture
def session(pack: LoadedPack, clock: FakeClock) -> QuizSession:
    return QuizSession(pack, in_order(), clock=clock)


def answer_right(session: QuizSession, elapsed: float = 1.0) -> None:
    assert session.current is not None
    session.answer(RIGHT[session.current.id], elapsed)


# -- progress ----------------------------------------------------------------------------


def test_a_new_session_is_at_its_first_question(session: QuizSession) -> None:
    assert session.current is not None and session.current.id == "q1"
    assert (session.total, session.answered, session.finished) == (8, 0, False)
    assert (session.score, session.max_score, session.results) == (0.0, 0.0, [])


def test_answers_move_the_session_on_and_add_up(session: QuizSession) -> None:
    first = session.answer("Hamburg", 2.0)
    assert first.correct and first.points == 20.0 and first.max_points == 20.0
    second = session.answer(frozenset({"A", "D"}), 2.0)  # one right, one wrong: no credit
    assert not second.correct and second.points == 0.0
    assert session.current is not None and session.current.id == "q3"
    assert (session.answered, session.score, session.max_score) == (2, 20.0, 50.0)
    assert session.results == [first, second]


def test_results_list_is_a_copy(session: QuizSession) -> None:
    session.answer("Hamburg", 1.0)
    session.results.clear()
    assert session.answered == 1


def test_session_finishes_after_the_last_answer(session: QuizSession) -> None:
    for _ in range(8):
        answer_right(session)
    assert session.finished and session.current is None
    assert session.score == session.max_score == 20 + 30 + 10 + 20 + 50 + 20 + 20 + 20


# -- misuse ------------------------------------------------------------------------------


def test_answering_after_the_end_is_refused(session: QuizSession) -> None:
    for _ in range(8):
        answer_right(session)
    with pytest.raises(SessionFinishedError, match="all 8 questions have been answered"):
        session.answer("Hamburg", 1.0)
    with pytest.raises(SessionFinishedError):
        session.time_out()
    with pytest.raises(SessionFinishedError):
        session.show_current()
    assert session.remaining_time() is None


@pytest.mark.parametrize(
    ("skip", "response", "message"),
    [
        (0, "Paris", r"question 1 \(q1\): 'Paris' is not one of its choices"),
        (0, 2, "takes one choice as text"),
        (0, frozenset({"Hamburg"}), "takes one choice as text"),
        (1, "A", "takes a set of choices"),
        (1, ["A"], "takes a set of choices"),
        (1, frozenset({"A", "Z"}), "'Z' not among its choices"),
        (2, "True", "takes True or False"),
        (2, 1, "takes True or False"),
        (3, True, "takes typed text"),
    ],
)
def test_a_response_of_the_wrong_kind_is_refused(
    session: QuizSession, skip: int, response: object, message: str
) -> None:
    for _ in range(skip):
        answer_right(session)
    with pytest.raises(InvalidResponseError, match=message):
        session.answer(response, 1.0)
    assert session.answered == skip


@pytest.mark.parametrize("elapsed", [-1.0, math.nan, math.inf, "3", True])
def test_a_nonsense_elapsed_time_is_refused(session: QuizSession, elapsed: object) -> None:
    with pytest.raises(InvalidResponseError, match="elapsed time"):
        session.answer("Hamburg", elapsed)  # type: ignore[arg-type]


def test_answer_without_elapsed_needs_show_current(session: QuizSession) -> None:
    with pytest.raises(SessionStateError, match="show_current"):
        session.answer("Hamburg")


def test_every_misuse_error_is_an_engine_error() -> None:
    for error in (InvalidResponseError, SessionFinishedError, RestoreError, EmptySelectionError):
        assert issubclass(error, EngineError)


def test_an_empty_short_answer_is_wrong_not_an_error(session: QuizSession) -> None:
    for _ in range(3):
        answer_right(session)
    result = session.answer("   ", 1.0)
    assert not result.correct and not result.timed_out and result.points == 0.0
    assert result.response_text == "(no answer)"


# -- time --------------------------------------------------------------------------------


def test_elapsed_comes_from_the_clock(session: QuizSession, clock: FakeClock) -> None:
    session.show_current()
    clock.advance(4.5)
    assert session.answer("Hamburg").elapsed == 4.5


def test_showing_again_does_not_restart_the_clock(session: QuizSession, clock: FakeClock) -> None:
    session.show_current()
    clock.advance(3)
    session.show_current()  # a redraw
    clock.advance(2)
    assert session.answer("Hamburg").elapsed == 5.0


def test_an_explicit_elapsed_wins_over_the_clock(session: QuizSession, clock: FakeClock) -> None:
    session.show_current()
    clock.advance(30)
    assert session.answer("Hamburg", 2.0).elapsed == 2.0


def test_remaining_time_counts_down(pack: LoadedPack, clock: FakeClock) -> None:
    session = QuizSession(pack, in_order(time_limit=10), clock=clock)
    assert session.remaining_time() == 10.0  # not shown yet
    session.show_current()
    clock.advance(4)
    assert session.remaining_time() == 6.0
    clock.advance(60)
    assert session.remaining_time() == 0.0


def test_remaining_time_is_none_for_untimed_questions(session: QuizSession) -> None:
    session.show_current()
    assert session.remaining_time() is None


def test_each_question_gets_its_own_clock(pack: LoadedPack, clock: FakeClock) -> None:
    session = QuizSession(pack, in_order(time_limit=10), clock=clock)
    session.show_current()
    clock.advance(7)
    session.answer("Hamburg")
    assert session.remaining_time() == 10.0
    session.show_current()
    clock.advance(1)
    assert session.remaining_time() == 9.0


def test_time_out_scores_zero_and_records_the_limit(pack: LoadedPack, clock: FakeClock) -> None:
    session = QuizSession(pack, in_order(time_limit=10), clock=clock)
    session.show_current()
    clock.advance(10)
    result = session.time_out()
    assert result.timed_out and not result.correct
    assert (result.points, result.max_points, result.elapsed, result.response) == (0.0, 20.0, 10.0, None)
    assert result.response_text == "(no answer)"
    assert result.right_answer == "Hamburg"


def test_time_out_on_an_untimed_question_uses_the_clock(session: QuizSession, clock: FakeClock) -> None:
    session.show_current()
    clock.advance(12)
    assert session.time_out().elapsed == 12.0


def test_a_none_response_is_a_time_out(session: QuizSession) -> None:
    result = session.answer(None, 3.0)
    assert result.timed_out and result.points == 0.0


def test_an_answer_after_the_limit_counts_as_timed_out(pack: LoadedPack) -> None:
    session = QuizSession(pack, in_order(time_limit=10))
    result = session.answer("Hamburg", 10.01)
    assert result.timed_out and not result.correct
    assert (result.credit, result.points) == (0.0, 0.0)
    assert result.response == "Hamburg"  # kept, so a replay scores it the same way


def test_an_answer_right_at_the_limit_counts(pack: LoadedPack) -> None:
    result = QuizSession(pack, in_order(time_limit=10)).answer("Hamburg", 10.0)
    assert result.correct and not result.timed_out and result.points == 20.0


def test_the_question_limit_applies_when_the_session_sets_none(session: QuizSession) -> None:
    for _ in range(3):
        answer_right(session)
    assert session.current is not None and session.current.time_limit == 20.0
    assert session.answer("Hamburg", 21.0).timed_out


# -- what an answer result says ------------------------------------------------------------


def test_partial_credit_on_a_multiple_question(session: QuizSession) -> None:
    answer_right(session)
    result = session.answer(frozenset({"A", "B", "C", "D"}), 1.0)
    assert not result.correct
    assert result.credit == pytest.approx(2 / 3)
    assert result.points == pytest.approx(20.0)
    assert result.right_answer == "A; B; C"
    assert result.response_text == "A; B; C; D"


def test_multiple_texts_follow_display_order(pack: LoadedPack) -> None:
    session = QuizSession(pack, SessionOptions(seed=42, shuffle_questions=False))
    answer_right(session)
    result = session.answer(frozenset({"C", "A"}), 1.0)
    # seed 42 shows q2's choices as A, B, E, D, C
    assert (result.right_answer, result.response_text) == ("A; B; C", "A; C")


def test_a_forgiven_typo_names_the_accepted_answer(session: QuizSession) -> None:
    for _ in range(3):
        answer_right(session)
    result = session.answer("hambrug", 1.0)
    assert result.correct and result.typo and result.accepted == "Hamburg"
    assert result.response_text == "hambrug"


def test_exact_questions_forgive_no_typo(make_pack: Callable[..., LoadedPack]) -> None:
    strict = make_pack([question("s", "short", accept=["Hamburg"], exact=True)])
    result = QuizSession(strict, in_order()).answer("Hambrug", 1.0)
    assert not result.correct and not result.typo


def test_true_false_texts(session: QuizSession) -> None:
    answer_right(session)
    answer_right(session)
    result = session.answer(False, 1.0)
    assert (result.right_answer, result.response_text, result.correct) == ("True", "False", False)


# -- bonuses through a session -------------------------------------------------------------


def test_speed_bonus_in_a_session(pack: LoadedPack) -> None:
    options = in_order(time_limit=20, scoring=ScoringOptions(speed_bonus=True))
    session = QuizSession(pack, options)
    result = session.answer("Hamburg", 5.0)
    # 20 * (1 - 0.5 * 5/20) = 17.5, of which 10 for the answer and 7.5 for speed
    assert result.points == pytest.approx(17.5)
    assert (result.credit_points, result.speed_bonus) == (pytest.approx(10.0), pytest.approx(7.5))
    assert result.max_points == 20.0


def test_streak_grows_caps_and_resets(make_pack: Callable[..., LoadedPack]) -> None:
    pack = make_pack([question(f"q{n}", "true_false", points=100) for n in range(1, 11)])
    session = QuizSession(pack, in_order(scoring=ScoringOptions(streak_bonus=True)))
    bonuses = []
    for n in range(1, 11):
        # answers 8 wrong; everything else right
        result = session.answer(n != 8, 1.0)
        bonuses.append(result.streak_bonus)
    assert bonuses == [0, 10, 20, 30, 40, 50, 50, 0, 0, 10]
    assert [r.streak for r in session.results] == [1, 2, 3, 4, 5, 6, 7, 0, 1, 2]
    assert session.streak == 2


def test_a_time_out_and_a_partial_answer_reset_the_streak(pack: LoadedPack) -> None:
    session = QuizSession(pack, in_order(scoring=ScoringOptions(streak_bonus=True)))
    answer_right(session)  # q1
    assert session.answer(frozenset({"A", "B"}), 1.0).streak == 0  # q2 partial
    answer_right(session)  # q3
    answer_right(session)  # q4
    assert session.results[-1].streak_bonus == 2.0  # 10% of q4's 20
    session.time_out()  # q5
    assert session.answer(False, 1.0).streak_bonus == 0.0  # q6: a new streak begins


def test_streak_is_counted_even_with_the_bonus_off(session: QuizSession) -> None:
    answer_right(session)
    result = session.answer(frozenset({"A", "B", "C"}), 1.0)
    assert (result.streak, result.streak_bonus, result.points) == (2, 0.0, 30.0)


# -- summary -------------------------------------------------------------------------------


def test_summary(session: QuizSession) -> None:
    session.answer("Hamburg", 2.0)  # q1 summit, right
    session.answer(frozenset({"A", "D"}), 3.0)  # q2 summit, wrong (credit 0)
    session.answer(True, 1.5)  # q3 trade, right
    session.answer("Paris", 4.0)  # q4 trade, wrong
    session.time_out()  # q5 summit, untimed and never shown: 0 seconds
    session.answer(False, 1.0)  # q6 trade, right
    session.answer("Putin", 2.5)  # q7 summit, right
    session.answer(frozenset({"D", "A"}), 1.0)  # q8 trade, more wrong than right
    summary = session.summary()
    assert (summary.right, summary.wrong, summary.timed_out, summary.partial) == (4, 3, 1, 0)
    assert (summary.answered, summary.total) == (8, 8)
    assert summary.score == 20 + 10 + 20 + 20
    assert summary.max_score == 190
    assert summary.percent == pytest.approx(100 * 70 / 190)
    assert summary.total_time == 15.0
    assert [(s.section.id, s.right, s.total) for s in summary.sections] == [
        ("summit", 2, 4),
        ("trade", 2, 4),
    ]
    assert summary.mode == "practice"


def test_summary_counts_partial_answers_as_wrong_and_partial(session: QuizSession) -> None:
    answer_right(session)
    session.answer(frozenset({"A"}), 1.0)
    summary = session.summary()
    assert (summary.right, summary.wrong, summary.partial) == (1, 1, 1)
    assert summary.score == pytest.approx(30.0)


def test_summary_of_nothing_answered(session: QuizSession) -> None:
    summary = session.summary()
    assert (summary.score, summary.max_score, summary.percent, summary.answered) == (0, 0, 0, 0)
    assert [(s.section.id, s.right, s.total) for s in summary.sections] == [
        ("summit", 0, 0),
        ("trade", 0, 0),
    ]


def test_summary_lists_only_sections_in_the_session(pack: LoadedPack) -> None:
    session = QuizSession(pack, in_order(sections=("trade",)))
    assert [s.section.id for s in session.summary().sections] == ["trade"]


def test_summary_sections_follow_pack_order_not_question_order(pack: LoadedPack) -> None:
    session = QuizSession(pack, SessionOptions(seed=42))  # starts with q3, a trade question
    assert session.questions[0].section.id == "trade"
    assert [s.section.id for s in session.summary().sections] == ["summit", "trade"]


def test_percent_leaves_the_streak_bonus_out(session: QuizSession) -> None:
    streaky = QuizSession(session.pack, in_order(scoring=ScoringOptions(streak_bonus=True)))
    for _ in range(8):
        answer_right(streaky)
    summary = streaky.summary()
    assert summary.score > summary.max_score
    assert summary.streak_bonus == pytest.approx(summary.score - summary.max_score)
    assert summary.percent == 100.0
    assert summary.best_streak == 8


def test_exam_mode_is_recorded_and_scores_the_same(pack: LoadedPack) -> None:
    practice = QuizSession(pack, in_order())
    exam = QuizSession(pack, in_order(mode="exam"))
    for s in (practice, exam):
        answer_right(s)
        s.answer(frozenset({"A"}), 1.0)
    assert exam.summary().mode == "exam"
    assert exam.summary().score == practice.summary().score


# -- restore -------------------------------------------------------------------------------


def stored(session: QuizSession) -> list[tuple[str, object, float]]:
    return [(r.question_id, encode_response(r.response), r.elapsed) for r in session.results]


def test_restore_resumes_at_the_next_question_with_the_same_score(pack: LoadedPack) -> None:
    options = SessionOptions(seed=42, time_limit=10, scoring=ScoringOptions(True, True))
    live = QuizSession(pack, options)
    for _ in range(5):
        answer_right(live, elapsed=3.0)
    live.time_out()
    resumed = QuizSession(pack, options)
    resumed.restore(stored(live))
    assert resumed.results == live.results
    assert resumed.current == live.current
    assert (resumed.score, resumed.answered, resumed.streak) == (live.score, 6, 0)


def test_restore_continues_a_streak(pack: LoadedPack) -> None:
    options = in_order(scoring=ScoringOptions(streak_bonus=True))
    live = QuizSession(pack, options)
    answer_right(live)
    answer_right(live)
    resumed = QuizSession(pack, options)
    resumed.restore(stored(live))
    assert resumed.streak == 2
    answer_right(resumed)
    assert resumed.results[-1].streak_bonus == pytest.approx(2.0)  # 20% of q3's 10


def test_restore_accepts_decoded_responses(session: QuizSession) -> None:
    session.restore([("q1", "Hamburg", 1.0), ("q2", frozenset({"A"}), 2.0)])
    assert session.answered == 2 and session.results[1].credit == pytest.approx(1 / 3)


def test_restore_can_finish_a_session(pack: LoadedPack) -> None:
    session = QuizSession(pack, in_order())
    session.restore([(qid, encode_response(RIGHT[qid]), 1.0) for qid in RIGHT])  # type: ignore[arg-type]
    assert session.finished and session.summary().right == 8


def test_restore_of_an_unknown_question_is_an_error(session: QuizSession) -> None:
    with pytest.raises(RestoreError, match="question 'gone', which is not in this session"):
        session.restore([("q1", "Hamburg", 1.0), ("gone", "x", 1.0)])
    assert session.answered == 0  # nothing half-restored


def test_restore_out_of_order_is_an_error(session: QuizSession) -> None:
    with pytest.raises(RestoreError, match="for question 'q2', but question 1 of this session is 'q1'"):
        session.restore([("q2", ["A"], 1.0)])


def test_restore_of_an_answer_twice_is_an_error(session: QuizSession) -> None:
    with pytest.raises(RestoreError, match="stored answer 2 is for question 'q1'"):
        session.restore([("q1", "Hamburg", 1.0), ("q1", "Hamburg", 1.0)])


def test_restore_of_too_many_answers_is_an_error(pack: LoadedPack) -> None:
    session = QuizSession(pack, in_order(count=1))
    with pytest.raises(RestoreError, match="one more than this session's 1 questions"):
        session.restore([("q1", "Hamburg", 1.0), ("q1", "Hamburg", 1.0)])


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (("q1", "Paris", 1.0), "stored answer 1: .*'Paris' is not one of its choices"),
        (("q1", "Hamburg", -1.0), "stored answer 1: elapsed time"),
        (("q1", "Hamburg"), r"stored answer 1 is not \(question id, response, elapsed\)"),
    ],
)
def test_restore_of_a_bad_answer_is_an_error(session: QuizSession, item: object, message: str) -> None:
    with pytest.raises(RestoreError, match=message):
        session.restore([item])  # type: ignore[list-item]


# -- retry ---------------------------------------------------------------------------------


def test_retry_missed_asks_only_what_was_not_fully_right(pack: LoadedPack) -> None:
    session = QuizSession(pack, in_order(count=4, time_limit=30, mode="exam"))
    answer_right(session)  # q1
    session.answer(frozenset({"A", "B"}), 1.0)  # q2 partial
    session.answer(False, 1.0)  # q3 wrong
    answer_right(session)  # q4
    retry = session.retry_missed()
    assert [q.id for q in retry.questions] == ["q2", "q3"]
    assert retry.options.count is None
    assert (retry.options.time_limit, retry.options.mode) == (30.0, "exam")
    assert retry.options.seed == session.options.seed


def test_retry_missed_with_a_new_seed_reshuffles(pack: LoadedPack) -> None:
    session = QuizSession(pack, SessionOptions(seed=42))
    for _ in range(8):
        session.time_out()
    retry = session.retry_missed(seed=7)
    assert retry.options.seed == 7
    # the same order a fresh seed-7 session gives
    assert [q.id for q in retry.questions] == [
        q.id for q in QuizSession(pack, SessionOptions(seed=7)).questions
    ]


def test_retry_missed_includes_unanswered_questions(session: QuizSession) -> None:
    answer_right(session)
    assert [q.id for q in session.retry_missed().questions] == [f"q{n}" for n in range(2, 9)]


def test_retry_session_can_be_rebuilt_from_its_stored_options(pack: LoadedPack) -> None:
    session = QuizSession(pack, SessionOptions(seed=3))
    session.answer(None, 1.0)
    retry = session.retry_missed(seed=11)
    rebuilt = QuizSession(pack, SessionOptions.from_dict(retry.options.to_dict()))
    assert rebuilt.questions == retry.questions


def test_retry_missed_when_nothing_was_missed(session: QuizSession) -> None:
    for _ in range(8):
        answer_right(session)
    with pytest.raises(EmptySelectionError, match="nothing to retry"):
        session.retry_missed()


def test_retry_keeps_the_clock(pack: LoadedPack, clock: FakeClock) -> None:
    session = QuizSession(pack, in_order(), clock=clock)
    session.time_out()
    retry = session.retry_missed()
    retry.show_current()
    clock.advance(2)
    assert retry.answer("Hamburg").elapsed == 2.0


def test_the_worked_example_in_docs_scoring(make_pack: Callable[..., LoadedPack]) -> None:
    pack = make_pack([question(f"q{n}", "true_false", points=20) for n in range(1, 8)])
    options = in_order(time_limit=20, scoring=ScoringOptions(speed_bonus=True, streak_bonus=True))
    session = QuizSession(pack, options)
    for response, elapsed in [(True, 0), (True, 5), (True, 10), (True, 20), (False, 3), (True, 4)]:
        session.answer(response, elapsed)
    session.time_out()
    rows = [(r.credit_points, r.speed_bonus, r.streak, r.streak_bonus, r.points) for r in session.results]
    assert rows == [
        (10, 10, 1, 0, 20),
        (10, 7.5, 2, 2, 19.5),
        (10, 5, 3, 4, 19),
        (10, 0, 4, 6, 16),
        (0, 0, 0, 0, 0),
        (10, 8, 1, 0, 18),
        (0, 0, 0, 0, 0),
    ]
    summary = session.summary()
    assert (summary.score, summary.max_score, summary.streak_bonus) == (92.5, 140, 12)
    assert summary.percent == pytest.approx(57.5)


# -- passing over a question (live games) ------------------------------------------------


def test_pass_over_moves_on_without_an_answer_or_a_maximum(session: QuizSession) -> None:
    session.pass_over()
    answer_right(session)

    assert session.position == 2 and session.answered == 1
    assert session.current is not None and session.current.id == "q3"
    assert session.max_score == session.results[0].max_points
    assert session.summary().answered == 1


def test_pass_over_keeps_the_streak_and_ends_a_session(pack: LoadedPack, clock: FakeClock) -> None:
    session = QuizSession(pack, in_order(count=3), clock=clock)
    answer_right(session)
    session.pass_over()
    answer_right(session)

    assert session.finished and session.streak == 2
    with pytest.raises(SessionFinishedError):
        session.pass_over()


def test_restore_continues_after_passed_over_questions(pack: LoadedPack, clock: FakeClock) -> None:
    session = QuizSession(pack, in_order(), clock=clock)
    session.pass_over()

    session.restore([("q2", ["A", "B", "C"], 1.0)])

    assert session.position == 2 and session.results[0].correct
