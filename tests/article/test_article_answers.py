"""Each question has exactly one defensible key, written the way the format expects."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from quizgame.packs.models import MultipleQuestion, Pack, ShortQuestion, SingleQuestion


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}))
    return " ".join(text.split())


def _loose(text: str) -> str:
    """Case, spacing and punctuation folded away, as typed answers are compared."""
    return " ".join(re.sub(r"[^\w\s]", " ", _fold(text)).split())


def test_right_answers_are_among_the_choices(article_pack: Pack) -> None:
    for question in article_pack.questions:
        if isinstance(question, SingleQuestion):
            assert question.answer in question.choices, question.id
        elif isinstance(question, MultipleQuestion):
            assert set(question.answers) <= set(question.choices), question.id
            assert len(set(question.answers)) == len(question.answers), question.id
            # Partial credit only means something when some choices are wrong.
            assert len(question.answers) < len(question.choices), question.id


def test_choices_are_distinct_even_ignoring_case_and_spacing(article_pack: Pack) -> None:
    for question in article_pack.questions:
        if isinstance(question, (SingleQuestion, MultipleQuestion)):
            folded = [_fold(choice) for choice in question.choices]
            assert len(set(folded)) == len(folded), question.id


def test_no_catch_all_choices(article_pack: Pack) -> None:
    for question in article_pack.questions:
        if isinstance(question, (SingleQuestion, MultipleQuestion)):
            for choice in question.choices:
                assert _fold(choice) not in {"all of the above", "none of the above"}, question.id


def test_no_two_questions_share_a_prompt(article_pack: Pack) -> None:
    prompts = Counter(_fold(question.prompt) for question in article_pack.questions)

    assert [prompt for prompt, count in prompts.items() if count > 1] == []


def test_short_answers_are_short_and_distinct(article_pack: Pack) -> None:
    for question in article_pack.questions:
        if isinstance(question, ShortQuestion):
            shown = question.accept[0]
            assert len(shown.split()) <= 3, (question.id, shown)
            loose = [_loose(answer) for answer in question.accept]
            assert len(set(loose)) == len(loose), question.id


def test_right_answers_are_spread_over_the_choice_positions(article_pack: Pack) -> None:
    # With shuffling turned off, the key must not always sit in the same place.
    positions = Counter(
        question.choices.index(question.answer)
        for question in article_pack.questions
        if isinstance(question, SingleQuestion)
    )

    assert len(positions) >= 3, positions
    assert max(positions.values()) <= sum(positions.values()) / 2, positions
