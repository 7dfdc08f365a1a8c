"""Choices with an order of their own (ordinals, days, months, a scale of amounts) are shown
in the order written, whatever the session shuffles: `shuffle: false` on each of them."""

from __future__ import annotations

import re

from quizgame.engine import QuizSession, SessionOptions
from quizgame.packs import load_pack

from .conftest import PACK_PATH

ORDERS = {
    "ordinals": r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(st|nd|rd|th))\b",
    "days": r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    # May is left out: as a verb it is in too many choices.
    "months": r"\b(january|february|march|april|june|july|august|september|october|november|december)\b",
    "amounts": r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|half|dozen)\b",
}


def _ordered(choices: tuple[str, ...]) -> list[str]:
    """The kinds of order every one of `choices` has a place in."""
    return [name for name, words in ORDERS.items() if all(re.search(words, c, re.IGNORECASE) for c in choices)]


def test_every_question_with_ordered_choices_keeps_them_in_order(article_pack) -> None:
    ordered = {q.id: _ordered(q.choices) for q in article_pack.questions if getattr(q, "choices", None)}
    ordered = {qid: kinds for qid, kinds in ordered.items() if kinds}
    # The pack has such questions: the days of the week, the meeting's possible lengths.
    assert {"intro-day", "intro-length"} <= ordered.keys()
    shuffled = [qid for qid in ordered if next(q for q in article_pack.questions if q.id == qid).shuffle]
    assert shuffled == [], f"choices in an order of their own, shuffled: {shuffled}"


def test_a_shuffled_session_shows_them_as_written_and_shuffles_the_rest() -> None:
    loaded = load_pack(PACK_PATH, cache=False)
    seen_moved = False
    for seed in range(5):
        session = QuizSession(loaded, SessionOptions(seed=seed, shuffle_choices=True))
        for prepared in session.questions:
            written = tuple(getattr(prepared.question, "choices", ()))
            if not written:
                continue
            if not prepared.question.shuffle:
                assert tuple(prepared.choices) == written, prepared.question.id
            elif tuple(prepared.choices) != written:
                seen_moved = True
    assert seen_moved  # the others are shuffled, so keeping the order is the flag's doing
