"""The pack covers the whole article: every section, every question type, a spread of difficulty.

All numbers are counted from the pack file itself.
"""

from __future__ import annotations

from collections import Counter

from quizgame.packs.models import QUESTION_TYPES, Pack

# The introduction, then the article's five takeaways in the order it gives them.
SECTION_IDS = ["intro", "russia", "cyber", "press", "syria", "common"]
MIN_TOTAL = 36
MIN_PER_SECTION = 6
MIN_PER_TYPE = {"multiple": 4, "true_false": 4, "short": 4}
# About a third each, as in the pack's first version (14 easy, 13 hard of 41).
MIN_SHARE = {"easy": 0.3, "hard": 0.3}


def test_sections_are_the_introduction_and_the_five_takeaways_in_order(article_pack: Pack) -> None:
    assert [section.id for section in article_pack.sections] == SECTION_IDS


# Key words of each takeaway as the article states it.
TAKEAWAY_WORDS = {
    "russia": ["straight answer", "Trump", "2016 presidential election"],
    "cyber": ["work together", "cybersecurity"],
    "press": ["bonded", "hostility", "free press"],
    "syria": ["cease-fire", "brokered", "Syria"],
    "common": ["more in common", "Tillerson"],
}


def test_takeaway_sections_carry_the_article_s_wording_in_their_descriptions(article_pack: Pack) -> None:
    descriptions = {section.id: section.description or "" for section in article_pack.sections}
    for section_id, words in TAKEAWAY_WORDS.items():
        for word in words:
            assert word.lower() in descriptions[section_id].lower(), (section_id, word)


def test_section_titles_shown_above_the_questions_give_none_of_the_takeaway_away(article_pack: Pack) -> None:
    titles = {section.id: section.title for section in article_pack.sections}
    for number, section_id in enumerate(SECTION_IDS[1:], start=1):
        assert titles[section_id] == f"Takeaway {number}"
        for word in TAKEAWAY_WORDS[section_id]:
            assert word.lower() not in titles[section_id].lower(), (section_id, word)


def test_enough_questions_in_all_and_in_every_section(article_pack: Pack) -> None:
    per_section = Counter(question.section for question in article_pack.questions)

    assert len(article_pack.questions) >= MIN_TOTAL
    for section_id in SECTION_IDS:
        assert per_section[section_id] >= MIN_PER_SECTION, (section_id, per_section[section_id])
    assert set(per_section) == set(SECTION_IDS)


def test_every_question_type_is_used_enough(article_pack: Pack) -> None:
    per_type = Counter(question.type for question in article_pack.questions)

    assert set(per_type) == set(QUESTION_TYPES)
    for question_type, minimum in MIN_PER_TYPE.items():
        assert per_type[question_type] >= minimum, (question_type, per_type[question_type])


def test_about_a_third_easy_and_a_third_hard(article_pack: Pack) -> None:
    total = len(article_pack.questions)
    per_difficulty = Counter(question.difficulty for question in article_pack.questions)

    for difficulty, share in MIN_SHARE.items():
        assert per_difficulty[difficulty] / total >= share, (difficulty, per_difficulty[difficulty], total)


def test_every_hard_question_has_a_hint(article_pack: Pack) -> None:
    hard = [question for question in article_pack.questions if question.difficulty == "hard"]

    assert hard
    assert [question.id for question in hard if not question.hint] == []


def test_true_false_keys_are_not_all_the_same(article_pack: Pack) -> None:
    # A player who always answers "false" must not do well.
    keys = Counter(q.answer for q in article_pack.questions if q.type == "true_false")

    assert keys[True] >= 2 and keys[False] >= 2, keys


# Facts of the article that a class should be asked about, each proved by a quote.
COVERED = {
    "the headline's length": "2-Hour",
    "the body's length": "two-hour-and-15-minute",
    "Tillerson's title": "Secretary of State Rex Tillerson",
    "Lavrov's title": "Russian Foreign Minister Sergei Lavrov",
    "Lavrov's experience": "decades of diplomatic experience",
    "the author's doubt": "(further?)",
}


def test_the_facts_a_class_needs_are_asked(article_pack: Pack) -> None:
    quoted = [" ".join(question.quote_fragments) for question in article_pack.questions]
    for fact, passage in COVERED.items():
        assert any(passage in quote for quote in quoted), fact


def test_each_takeaway_sentence_is_the_quote_of_one_question_at_most(article_pack: Pack) -> None:
    # A one-sentence takeaway asked about six ways gives itself away six times.
    takeaways = [
        "no closer to getting a straight answer from Trump",
        "have agreed to work together on cybersecurity",
        "Putin and Trump bonded over their hostility toward a free press",
        "Another cease-fire was brokered in Syria",
        "The two countries have more in common than separating them",
    ]
    for sentence in takeaways:
        quoting = [q.id for q in article_pack.questions if any(sentence in f or f in sentence and len(f) > 20 for f in q.quote_fragments)]
        assert len(quoting) <= 1, (sentence, quoting)
