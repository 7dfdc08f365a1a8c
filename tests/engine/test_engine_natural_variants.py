"""Short answers accept natural variants, and never a wrong answer that contains a right one.

Natural variants: a leading preposition or article ("in Hamburg", "the THAAD system"), and
the source's own fuller name for the answer ("Russian Foreign Minister Sergei Lavrov" for
"Lavrov"). docs/scoring.md states the rules these tests hold it to.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.engine import QuizSession, SessionOptions
from quizgame.engine.scoring import match_short
from quizgame.packs import load_pack
from quizgame.packs.names import fuller_forms

ARTICLE_PACK = Path(__file__).resolve().parents[2] / "questions" / "trump-putin-g20.yaml"
ARTICLE = (ARTICLE_PACK.parent / "trump-putin-g20-takeaways.txt").read_text(encoding="utf-8")

# A source that names things in full and then shortly, and mentions places next to them.
SOURCE = """\
The festival was opened by Mayor Anna Schmidt of Hamburg. Schmidt spoke for an hour.

Flights were diverted from Hamburg Airport to Bremen. Hamburg itself stayed calm.
In New York, the delegates met. Later York Minster rang its bells. Envoys came from North
Korea and South Korea; Korea was on every agenda. Mayor Schmidt thanked them.
The Trump-Putin summit was long. Putin spoke first.
"""


@pytest.mark.parametrize(
    ("typed", "accept"),
    [
        ("in Hamburg", ["Hamburg"]),
        ("In hamburg", ["Hamburg"]),
        ("at Hamburg", ["Hamburg"]),
        ("the THAAD system", ["THAAD system"]),
        ("the THAAD missile system", ["THAAD", "THAAD missile system"]),
        ("a framework", ["framework"]),
        ("the framework", ["framework"]),
        ("a cybersecurity framework", ["framework", "cybersecurity framework"]),
        ("free press", ["the free press"]),
        ("a free press", ["the free press"]),
        ("to Moscow", ["Moscow"]),
        ("Hamburg", ["in Hamburg"]),
        ("in the Hambrug", ["Hamburg"]),  # a variant with a typo is still one typo
    ],
)
def test_a_leading_preposition_or_article_is_accepted(typed: str, accept: list[str]) -> None:
    assert match_short(typed, accept).correct, typed


@pytest.mark.parametrize(
    ("typed", "accept"),
    [
        ("Hamburg Airport", ["Hamburg"]),  # another place, though it contains the answer
        ("Hamburg Germany Airport", ["Hamburg", "Hamburg, Germany"]),
        ("New Hamburg", ["Hamburg"]),
        ("near Hamburg", ["Hamburg"]),  # "near" would make it somewhere else
        ("before the summit", ["after the summit"]),
        ("after the summit", ["summit"]),
        ("the", ["the free press"]),
        ("press", ["the free press"]),
        ("free", ["the free press"]),
        ("Lavrov's deputy", ["Lavrov"]),
        ("in in Hamburg", ["Hamburg"]),
        ("the the THAAD system", ["THAAD system"]),
    ],
)
def test_a_wrong_answer_that_contains_a_right_one_is_refused(typed: str, accept: list[str]) -> None:
    assert not match_short(typed, accept).correct, typed


def test_a_variant_of_an_exact_answer_forgives_no_typo() -> None:
    assert match_short("in Hamburg", ["Hamburg"], exact=True).correct
    assert not match_short("in Hambrug", ["Hamburg"], exact=True).correct


def test_the_article_s_fuller_names_for_its_people() -> None:
    assert fuller_forms(ARTICLE, ["Lavrov"]) == (
        "Sergei Lavrov",
        "Minister Sergei Lavrov",
        "Foreign Minister Sergei Lavrov",
        "Russian Foreign Minister Sergei Lavrov",
    )
    assert "Secretary of State Rex Tillerson" in fuller_forms(ARTICLE, ["Tillerson"])
    assert "U.S. President Donald Trump" in fuller_forms(ARTICLE, ["Trump"])
    assert "Russian President Vladimir Putin" in fuller_forms(ARTICLE, ["Putin"])


@pytest.mark.parametrize(
    "typed",
    [
        "Russian Foreign Minister Sergei Lavrov",
        "Foreign Minister Sergei Lavrov",
        "sergei lavrov",
        "Russian Foreign Minister Sergei Lavrv",  # and one typo, as for any accepted answer
    ],
)
def test_the_source_s_fuller_name_is_accepted(typed: str) -> None:
    assert match_short(typed, ["Lavrov"], fuller=fuller_forms(ARTICLE, ["Lavrov"])).correct


@pytest.mark.parametrize(
    "typed",
    [
        "Russian Foreign Minister",  # the title alone is not the answer
        "Foreign Minister Lavrov Putin",
        "Russian Lavrov",  # not the source's phrase
        "Lavrov also said",
        "Sergei",
    ],
)
def test_only_the_source_s_own_fuller_names_are_accepted(typed: str) -> None:
    assert not match_short(typed, ["Lavrov"], fuller=fuller_forms(ARTICLE, ["Lavrov"])).correct


def test_names_end_in_the_answer_so_a_longer_place_is_never_the_city() -> None:
    forms = fuller_forms(SOURCE, ["Hamburg"])

    # "Hamburg Airport" continues past the answer; "Mayor Anna Schmidt of Hamburg" is a person.
    assert forms == ()
    assert not match_short("Hamburg Airport", ["Hamburg"], fuller=forms).correct


def test_a_fuller_name_needs_the_source_to_use_the_short_form_alone_too() -> None:
    # "Anna Schmidt" is introduced in full and then called "Schmidt": her name.
    assert fuller_forms(SOURCE, ["Schmidt"]) == ("Anna Schmidt", "Mayor Anna Schmidt", "Mayor Schmidt")
    # "York" only ever comes inside "New York" and "York Minster": no sign it is one name.
    assert fuller_forms(SOURCE, ["York"]) == ()
    assert not match_short("New York", ["York"], fuller=fuller_forms(SOURCE, ["York"])).correct


def test_two_different_fuller_names_make_the_short_form_no_one_s_name() -> None:
    assert fuller_forms(SOURCE, ["Korea"]) == ()
    assert not match_short("North Korea", ["Korea"], fuller=fuller_forms(SOURCE, ["Korea"])).correct


def test_a_word_opening_a_sentence_counts_only_if_the_source_capitalises_it_elsewhere() -> None:
    source = "Yesterday Putin spoke. Putin left. Minister Sergei Lavrov stayed. Lavrov and Minister Shoigu ate."

    assert fuller_forms(source, ["Putin"]) == ()
    assert fuller_forms(source, ["Lavrov"]) == ("Sergei Lavrov", "Minister Sergei Lavrov")


def test_a_hyphenated_pair_is_not_a_fuller_name_of_either() -> None:
    assert fuller_forms(SOURCE, ["Putin"]) == ()
    assert not match_short("Trump-Putin", ["Putin"], fuller=fuller_forms(SOURCE, ["Putin"])).correct


def test_headlines_and_sentence_openings_give_no_names() -> None:
    source = "Talks Between Trump And Putin\n\nAnd Trump left. Trump spoke. The Cable reported it.\n"

    assert fuller_forms(source, ["Trump"]) == ()


LAVROV_PACK = """\
schema: 1
id: lavrov
title: Who said it
description: One question on the article.
language: en
authors: [Test Author]
license: CC0-1.0
source: {title: The article, author: Someone, publication: Somewhere, date: 2017-07-07, text: source.txt}
sections: [{id: s, title: Part one}]
questions:
  - id: circles
    type: short
    section: s
    prompt: Who reported that Trump spoke of "certain circles"?
    accept: [Lavrov]
    explanation: The Russian side's account.
    quote: Lavrov also said
"""


def test_the_game_accepts_the_fuller_name_in_a_real_session(tmp_path: Path) -> None:
    (tmp_path / "source.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "pack.yaml").write_text(LAVROV_PACK, encoding="utf-8")
    loaded = load_pack(tmp_path / "pack.yaml", cache=False)
    assert "Russian Foreign Minister Sergei Lavrov" in loaded.fuller_forms["circles"]

    for typed, right in [("Russian Foreign Minister Sergei Lavrov", True), ("Russian Foreign Minister", False)]:
        session = QuizSession(loaded, SessionOptions(seed=1))
        session.show_current()
        result = session.answer(typed, 1.0)
        assert (result.correct, result.typo) == (right, False), typed
