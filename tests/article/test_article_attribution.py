"""Disputed claims are always someone's claim.

The article reports conflicting accounts of whether Trump accepted Putin's denial (Lavrov says he
did, anonymous officials told CNN he did not, Tillerson's account says neither). Questions on such
claims are tagged `contested`; each must name who makes the claim, or ask who does.
"""

from __future__ import annotations

import re

from quizgame.packs.models import MultipleQuestion, Pack, SingleQuestion

SPEAKERS = re.compile(r"\b(Lavrov|Tillerson|officials|CNN|White House)\b", re.IGNORECASE)
ASKS_WHO = re.compile(r"\bwho\b", re.IGNORECASE)
# Wording that touches the dispute over Putin's denial.
DISPUTE = re.compile(r"Putin's (explanation|claims|denial)|accept(ed)? Putin", re.IGNORECASE)


def _contested(pack: Pack) -> list:
    return [question for question in pack.questions if "contested" in question.tags]


def test_there_are_contested_questions_to_check(article_pack: Pack) -> None:
    assert len(_contested(article_pack)) >= 5


def test_contested_prompts_name_or_ask_for_the_speaker(article_pack: Pack) -> None:
    for question in _contested(article_pack):
        prompt = question.prompt.replace("\u2019", "'")
        assert SPEAKERS.search(prompt) or ASKS_WHO.search(prompt), question.id


def test_contested_explanations_name_the_speaker(article_pack: Pack) -> None:
    for question in _contested(article_pack):
        assert SPEAKERS.search(question.explanation), question.id


def test_questions_touching_the_dispute_are_tagged_contested(article_pack: Pack) -> None:
    for question in article_pack.questions:
        texts = [question.prompt]
        if isinstance(question, (SingleQuestion, MultipleQuestion)):
            texts.extend(question.choices)
        if any(DISPUTE.search(text.replace("\u2019", "'")) for text in texts):
            assert "contested" in question.tags, question.id
