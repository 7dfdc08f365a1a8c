"""Which questions a session asks and in what order: filters, count, seeds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from quizgame.engine import (
    EmptySelectionError,
    OptionsError,
    QuizSession,
    SessionOptions,
)
from quizgame.engine.selection import seeded_random, stable_shuffle
from quizgame.packs.types import LoadedPack

from .conftest import question

# Computed once with the code under test, checked to be permutations that differ between
# seeds, and frozen here: a change means every stored session would replay differently.
SEED_42_ORDER = ["q3", "q4", "q6", "q1", "q8", "q5", "q7", "q2"]
SEED_42_CHOICES = {
    "q1": ("Munich", "Cologne", "Hamburg", "Berlin"),
    "q8": ("B", "D", "E", "C", "A"),
    "q5": ("Munich", "Berlin", "Hamburg", "Cologne"),
    "q2": ("A", "B", "E", "D", "C"),
}
SEED_7_ORDER = ["q7", "q5", "q6", "q3", "q2", "q8", "q1", "q4"]
SEED_MINUS_42_ORDER = ["q7", "q6", "q1", "q3", "q8", "q2", "q4", "q5"]


def ids(session: QuizSession) -> list[str]:
    return [q.id for q in session.questions]


def test_stable_shuffle_is_pinned() -> None:
    items = list(range(10))
    stable_shuffle(items, seeded_random("questions", 1))
    assert items == [0, 8, 9, 2, 4, 1, 7, 5, 3, 6]


def test_fixed_seed_gives_fixed_question_and_choice_order(pack: LoadedPack) -> None:
    session = QuizSession(pack, SessionOptions(seed=42))
    assert ids(session) == SEED_42_ORDER
    assert {q.id: q.choices for q in session.questions if q.choices} == SEED_42_CHOICES
    assert [q.number for q in session.questions] == list(range(1, 9))


def test_other_seeds_give_other_orders(pack: LoadedPack) -> None:
    assert ids(QuizSession(pack, SessionOptions(seed=7))) == SEED_7_ORDER
    # CPython seeds Random(n) and Random(-n) alike; the engine's seeding does not.
    assert ids(QuizSession(pack, SessionOptions(seed=-42))) == SEED_MINUS_42_ORDER


def test_choice_order_does_not_depend_on_which_questions_were_picked(pack: LoadedPack) -> None:
    alone = QuizSession(pack, SessionOptions(seed=42, tags=("city",))).questions
    q1 = next(q for q in alone if q.id == "q1")
    assert q1.choices == SEED_42_CHOICES["q1"]


def test_no_shuffling_keeps_pack_order(pack: LoadedPack) -> None:
    session = QuizSession(
        pack, SessionOptions(seed=42, shuffle_questions=False, shuffle_choices=False)
    )
    assert ids(session) == [f"q{n}" for n in range(1, 9)]
    assert session.questions[0].choices == ("Berlin", "Hamburg", "Munich", "Cologne")


def test_choices_shuffled_but_questions_in_order(pack: LoadedPack) -> None:
    session = QuizSession(pack, SessionOptions(seed=42, shuffle_questions=False))
    assert ids(session) == [f"q{n}" for n in range(1, 9)]
    assert session.questions[0].choices == SEED_42_CHOICES["q1"]


def test_true_false_and_short_questions_have_no_choices(pack: LoadedPack) -> None:
    session = QuizSession(pack, SessionOptions(seed=1))
    by_id = {q.id: q for q in session.questions}
    assert by_id["q3"].choices == () and by_id["q4"].choices == ()


_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from engine.conftest import build_pack
from quizgame.engine import QuizSession, SessionOptions
session = QuizSession(build_pack(), SessionOptions(seed=42))
print(json.dumps([[q.id, list(q.choices)] for q in session.questions]))
"""


@pytest.mark.parametrize("hash_seed", ["0", "1", "4242"])
def test_order_is_the_same_under_any_hash_seed(hash_seed: str) -> None:
    tests_dir = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONHASHSEED=hash_seed)
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(tests_dir)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    order = json.loads(out)
    assert [qid for qid, _ in order] == SEED_42_ORDER
    assert {qid: tuple(c) for qid, c in order if c} == SEED_42_CHOICES


# -- filters and count ----------------------------------------------------------------------


def test_section_filter(pack: LoadedPack) -> None:
    session = QuizSession(pack, SessionOptions(seed=1, sections=("trade",)))
    assert sorted(ids(session)) == ["q3", "q4", "q6", "q8"]


def test_tag_filter_keeps_questions_with_any_tag(pack: LoadedPack) -> None:
    session = QuizSession(pack, SessionOptions(seed=1, tags=("city", "people")))
    assert sorted(ids(session)) == ["q1", "q4", "q6", "q7"]


def test_section_and_tag_filters_combine(pack: LoadedPack) -> None:
    session = QuizSession(pack, SessionOptions(seed=1, sections=("trade",), tags=("city",)))
    assert ids(session) == ["q4"]


def test_count_takes_the_first_after_shuffling(pack: LoadedPack) -> None:
    session = QuizSession(pack, SessionOptions(seed=42, count=3))
    assert ids(session) == SEED_42_ORDER[:3]
    assert session.total == 3


def test_count_applies_after_filters(pack: LoadedPack) -> None:
    unshuffled = SessionOptions(seed=42, shuffle_questions=False, sections=("trade",), count=2)
    assert ids(QuizSession(pack, unshuffled)) == ["q3", "q4"]


def test_count_above_the_selection_takes_everything(pack: LoadedPack) -> None:
    assert QuizSession(pack, SessionOptions(seed=1, count=100)).total == 8


def test_time_limit_option_overrides_each_question(pack: LoadedPack) -> None:
    own = {q.id: q.time_limit for q in QuizSession(pack, SessionOptions(seed=1)).questions}
    assert own["q4"] == 20.0 and own["q1"] is None
    forced = QuizSession(pack, SessionOptions(seed=1, time_limit=8)).questions
    assert {q.time_limit for q in forced} == {8.0}


def test_base_points_from_points_else_difficulty(pack: LoadedPack) -> None:
    by_id = {q.id: q.base_points for q in QuizSession(pack, SessionOptions(seed=1)).questions}
    assert (by_id["q1"], by_id["q2"], by_id["q3"], by_id["q5"]) == (20, 30, 10, 50)


def test_prepared_question_carries_its_section(pack: LoadedPack) -> None:
    by_id = {q.id: q for q in QuizSession(pack, SessionOptions(seed=1)).questions}
    assert by_id["q3"].section.title == "Trade"


def test_unknown_section_is_an_error_naming_the_real_ones(pack: LoadedPack) -> None:
    with pytest.raises(OptionsError, match=r"no section tarde .*sections are summit, trade, unused"):
        QuizSession(pack, SessionOptions(seed=1, sections=("tarde",)))


def test_unknown_tag_is_an_error_naming_the_real_ones(pack: LoadedPack) -> None:
    with pytest.raises(OptionsError, match=r"tagged citty; its tags are city, people"):
        QuizSession(pack, SessionOptions(seed=1, tags=("citty",)))


def test_unknown_tag_in_a_pack_without_tags(make_pack: Callable[..., LoadedPack]) -> None:
    bare = make_pack([question("only")])
    with pytest.raises(OptionsError, match="it has no tags"):
        QuizSession(bare, SessionOptions(seed=1, tags=("x",)))


def test_empty_selection_names_filters_and_what_exists(pack: LoadedPack) -> None:
    with pytest.raises(EmptySelectionError) as caught:
        QuizSession(pack, SessionOptions(seed=1, sections=("unused",), tags=("city",)))
    assert str(caught.value) == (
        "no question in pack test-pack matches sections unused and tags city; "
        "its sections are summit, trade, unused and its tags are city, people"
    )


@pytest.mark.parametrize("kind", ["single", "multiple"])
def test_a_question_can_keep_its_choices_in_the_order_written(make_pack, kind: str) -> None:
    ordinals = ["First", "Second", "Third", "Fourth", "Fifth"]
    right = {"answer": "Third"} if kind == "single" else {"answers": ["Third"]}
    pack = make_pack([question("kept", kind, choices=ordinals, shuffle=False, **right), question("mixed", kind, choices=ordinals, **right)])
    orders = {
        seed: {q.id: list(q.choices) for q in QuizSession(pack, SessionOptions(seed=seed)).questions}
        for seed in range(8)
    }
    assert all(order["kept"] == ordinals for order in orders.values())
    assert any(order["mixed"] != ordinals for order in orders.values())  # the others still are shuffled
