"""Every lint rule: a pack that trips it, at an exact LINE:COL, and one that must not."""

from __future__ import annotations

from pathlib import Path

from .conftest import CLEAN, at, edit, findings, report


def test_the_clean_pack_has_no_findings(pack_dir: Path) -> None:
    assert findings(pack_dir, CLEAN) == []


# -- QG101 answer-leak -----------------------------------------------------------------


def test_another_question_s_explanation_gives_an_answer_away(pack_dir: Path) -> None:
    text = edit(
        "explanation: Local money was not enough, so borrowing from a Glasgow firm made up the gap.",
        "explanation: Local money was not enough for the harbour of 1904, so a Glasgow firm lent the rest.",
    )
    found = findings(pack_dir, text)

    assert at(found, "QG101") == ["36:64"]  # the "1904" in the explanation of 'payers'
    assert "of 'payers' gives away the answer to 'year' (\"1904\")" in found[0]


def test_a_leak_is_found_across_case_accents_and_word_forms(pack_dir: Path) -> None:
    # "the councils of the TOWN" holds the right choice "The town council" in other forms.
    text = edit(
        "explanation: His log of ships and months is the report's main record of that busy year.",
        "explanation: His log, kept for the councils of the TÓWN who paid, records a busy year of ships.",
    )

    assert at(findings(pack_dir, text), "QG101") == ["52:40"]


def test_fillers_and_part_of_a_right_choice_do_not_leak(pack_dir: Path) -> None:
    # "council" alone does not pick out "The town council" (the whole choice's words do), and
    # "the", "of", "which" are fillers.
    text = edit(
        "explanation: His log of ships and months is the report's main record of that busy year.",
        "explanation: His log of ships and months, read to the council, is the main record of which year.",
    )

    assert at(findings(pack_dir, text), "QG101") == []


def test_words_of_another_subject_do_not_leak(pack_dir: Path) -> None:
    # The answer's word in a text that shares none of the question's prompt words.
    text = edit("hint: Read what he wrote about it.", "hint: Read what he wrote in 1904 about it.")

    assert at(findings(pack_dir, text), "QG101") == []


def test_a_section_title_gives_an_answer_away(pack_dir: Path) -> None:
    text = edit("    title: Part one\n", "    title: The harbour rebuilt in 1904\n")
    found = findings(pack_dir, text)

    assert at(found, "QG101") == ["16:35"]
    assert "the title of section 'works' gives away the answer to 'year'" in found[0]


def test_the_pack_title_gives_an_answer_away(pack_dir: Path) -> None:
    text = edit("title: A year at the harbour\n", "title: Reid's year at the harbour\n")

    assert at(findings(pack_dir, text), "QG101") == ["3:8"]


def test_a_prompt_gives_its_own_answer_away(pack_dir: Path) -> None:
    text = edit(
        "prompt: What was the harbour master's surname?",
        "prompt: John Reid was the harbour master; what was his surname?",
    )
    found = findings(pack_dir, text)

    assert at(found, "QG101") == ["50:18"]
    assert "the prompt gives away its own answer (\"Reid\")" in found[0]


# -- QG102 hint-leak -------------------------------------------------------------------


def test_a_hint_that_contains_the_answer(pack_dir: Path) -> None:
    text = edit(
        "    quote: Reid counted 312 ships\n",
        "    quote: Reid counted 312 ships\n    hint: His first name was John, and his surname is Reid.\n",
    )
    found = findings(pack_dir, text)

    assert at(found, "QG102") == ["54:55"]
    assert "the hint contains the answer (\"Reid\")" in found[0]


def test_a_hint_that_says_how_many_choices_are_right(pack_dir: Path) -> None:
    text = edit(
        "    quote: paid for by the town council and by a loan from the Glasgow Shipping Company\n",
        "    quote: paid for by the town council and by a loan from the Glasgow Shipping Company\n"
        "    hint: Two of them paid.\n",
    )

    assert at(findings(pack_dir, text), "QG102") == ["38:11"]


def test_a_hint_that_points_the_way_is_fine(pack_dir: Path) -> None:
    text = edit(
        "    quote: paid for by the town council and by a loan from the Glasgow Shipping Company\n",
        "    quote: paid for by the town council and by a loan from the Glasgow Shipping Company\n"
        "    hint: Think about who owned the harbour, and who lent money.\n",
    )

    assert at(findings(pack_dir, text), "QG102") == []


# -- QG201 same-fact -------------------------------------------------------------------


def test_two_questions_quoting_the_same_passage(pack_dir: Path) -> None:
    text = edit("    quote: Reid counted 312 ships\n", "    quote: Reid wrote that the new breakwater was “the finest on the coast.”\n")
    found = findings(pack_dir, text)

    assert at(found, "QG201") == ["53:12"]
    assert "the quote of 'praise'" in found[0]


def test_quotes_that_only_touch_are_different_facts(pack_dir: Path) -> None:
    # "Reid counted 312 ships that year" shares only "Reid" with the praise quote's sentence.
    text = edit("    quote: Reid counted 312 ships\n", "    quote: Reid counted 312 ships that year\n")

    assert at(findings(pack_dir, text), "QG201") == []


# -- QG301 restated-explanation --------------------------------------------------------


def test_an_explanation_that_restates_prompt_and_answer(pack_dir: Path) -> None:
    text = edit(
        "explanation: A storm in March had wrecked the old quay, so building started within months.",
        "explanation: The article says the harbour was rebuilt in 1904.",
    )
    found = findings(pack_dir, text)

    assert at(found, "QG301") == ["27:18"]
    assert "adds 0 word(s)" in found[0]


def test_an_explanation_with_context_is_fine(pack_dir: Path) -> None:
    text = edit(
        "explanation: A storm in March had wrecked the old quay, so building started within months.",
        "explanation: The harbour was rebuilt in 1904 because the March storm had wrecked the quay.",
    )

    assert at(findings(pack_dir, text), "QG301") == []


# -- QG302 copied-explanation ----------------------------------------------------------


def test_an_explanation_with_a_long_copied_run(pack_dir: Path) -> None:
    text = edit(
        "explanation: Local money was not enough, so borrowing from a Glasgow firm made up the gap.",
        "explanation: It was paid for by the town council and by a loan from the Glasgow firm.",
    )
    found = findings(pack_dir, text)

    assert at(found, "QG302") == ["36:21"]
    assert "copies 14 words in a row" in next(f for f in found if "QG302" in f)


def test_an_explanation_mostly_made_of_shorter_copied_runs(pack_dir: Path) -> None:
    text = edit(
        "explanation: Local money was not enough, so borrowing from a Glasgow firm made up the gap.",
        "explanation: Paid for by the town, a loan from the Glasgow firm; the council hoped the harbour would pay.",
    )
    found = findings(pack_dir, text)

    assert at(found, "QG302") == ["36:18"]
    assert "% of the explanation is copied" in next(f for f in found if "QG302" in f)


def test_an_explanation_that_quotes_a_few_words_is_fine(pack_dir: Path) -> None:
    text = edit(
        "explanation: He praised it highly, judging it better than any other along that shore.",
        "explanation: 'He praised it highly: \"the finest on the coast\", better than any other he knew.'",
    )

    assert at(findings(pack_dir, text), "QG302") == []


# -- QG401 giveaway-choice -------------------------------------------------------------


def test_a_right_choice_much_longer_than_the_others(pack_dir: Path) -> None:
    text = edit(
        'choices: ["1898", "1904", "1911", "1930"]\n    answer: "1904"',
        'choices: ["1898", "In 1904, after the storm of March", "1911", "1930"]\n'
        '    answer: "In 1904, after the storm of March"',
    )
    found = findings(pack_dir, text)

    assert at(found, "QG401") == ["25:24"]
    assert "33 characters against at most 4" in found[0]


def test_choices_of_like_length_are_fine(pack_dir: Path) -> None:
    text = edit(
        'choices: ["1898", "1904", "1911", "1930"]',
        'choices: ["In 1898, before the war", "1904", "1911", "1930"]',
    )

    assert at(findings(pack_dir, text), "QG401") == []


def test_a_catch_all_choice(pack_dir: Path) -> None:
    text = edit(
        "choices: [The town council, A shipping firm's loan, The king, The fishermen]",
        "choices: [The town council, A shipping firm's loan, The king, None of the above]",
    )
    found = findings(pack_dir, text)

    assert at(found, "QG401") == ["34:67"]
    assert "'None of the above' is a catch-all choice" in found[0]


def test_a_choice_that_only_starts_like_a_catch_all_is_fine(pack_dir: Path) -> None:
    text = edit(
        "choices: [The town council, A shipping firm's loan, The king, The fishermen]",
        "choices: [The town council, A shipping firm's loan, The king, Nobel's charity]",
    )

    assert at(findings(pack_dir, text), "QG401") == []


# -- QG402 answer-pattern --------------------------------------------------------------


def _questions(kind: str, n: int, **fields: str) -> str:
    """n more questions of one kind, each about its own line of the source."""
    quotes = ["the busiest month was August", "bring the herring fleet back", "could lift twelve tons",
              "By autumn the fleet had returned", "not repaid until 1920", "after the great storm of March"]
    blocks = []
    for k in range(n):
        body = fields[f"body{k}"] if f"body{k}" in fields else fields["body"]
        blocks.append(
            f"  - id: extra-{k}\n    type: {kind}\n    section: money\n"
            f"    prompt: Extra question number {k + 1} about part {k + 1}?\n{body}"
            f"    explanation: Written for test {k + 1}, with words of its own to add.\n"
            f"    quote: {quotes[k]}\n"
        )
    return "".join(blocks)


def test_every_multiple_question_with_the_same_number_of_right_answers(pack_dir: Path) -> None:
    body = "    choices: [Ash, Birch, Cedar, Deal]\n    answers: [Ash, Birch]\n"
    found = findings(pack_dir, CLEAN + _questions("multiple", 3, body=body))

    assert at(found, "QG402") == ["20:1"]  # the pack's `questions`
    assert "4 of the 4 'multiple' questions have 2 right answer(s)" in found[0]


def test_multiple_questions_with_varied_numbers_of_right_answers(pack_dir: Path) -> None:
    fields = {
        "body0": "    choices: [Ash, Birch, Cedar, Deal]\n    answers: [Ash]\n",
        "body1": "    choices: [Ash, Birch, Cedar, Deal]\n    answers: [Ash, Birch, Cedar]\n",
        "body2": "    choices: [Ash, Birch, Cedar, Deal]\n    answers: [Birch, Cedar]\n",
    }

    assert at(findings(pack_dir, CLEAN + _questions("multiple", 3, **fields)), "QG402") == []


def test_true_false_keys_all_the_same(pack_dir: Path) -> None:
    found = findings(pack_dir, CLEAN + _questions("true_false", 3, body="    answer: false\n"))

    assert at(found, "QG402") == ["20:1"]
    assert "4 of the 4 'true_false' questions are false" in found[0]


def test_right_answers_in_the_same_place(pack_dir: Path) -> None:
    body = '    choices: ["Oak", "Elm", "Yew"]\n    answer: "Elm"\n'
    found = findings(pack_dir, CLEAN + _questions("single", 3, body=body))

    assert at(found, "QG402") == ["20:1"]
    assert "4 of the 4 'single' questions have the right answer as choice 2" in found[0]


def test_right_answers_spread_over_the_places(pack_dir: Path) -> None:
    fields = {f"body{k}": f'    choices: ["Oak", "Elm", "Yew"]\n    answer: "{a}"\n' for k, a in enumerate(["Oak", "Yew", "Elm"])}

    assert at(findings(pack_dir, CLEAN + _questions("single", 3, **fields)), "QG402") == []


# -- QG501 short-variants --------------------------------------------------------------


def test_an_abbreviation_the_source_goes_on_describing(pack_dir: Path) -> None:
    text = CLEAN + (
        "  - id: crane\n    type: short\n    section: works\n"
        "    prompt: Whose make was the pier's new crane?\n    accept: [GSC]\n"
        "    explanation: Steam power let one machine do the work of a dozen dockers.\n"
        "    quote: a new GSC steam crane\n"
    )
    found = findings(pack_dir, text)

    assert at(found, "QG501") == ["58:14"]
    assert 'the source calls it "GSC steam crane", which is refused' in found[0]


def test_a_name_the_source_never_shortens(pack_dir: Path) -> None:
    # "John Reid" is never written alone, so the game does not accept the fuller name.
    text = edit("accept: [Reid]", "accept: [John Reid]")
    found = findings(pack_dir, text)

    assert at(found, "QG501") == ["51:14"]
    assert '"Harbour Master John Reid"' in found[0]


def test_the_source_s_fuller_name_already_accepted_is_fine(pack_dir: Path) -> None:
    # "Reid" is written alone too, so "Harbour Master John Reid" is accepted by the game.
    assert at(findings(pack_dir, CLEAN), "QG501") == []
    text = edit("accept: [Reid]", "accept: [John Reid, Harbour Master John Reid]")
    assert at(findings(pack_dir, text), "QG501") == []


# -- QG601 difficulty-spread -----------------------------------------------------------


def test_a_hard_question_without_a_hint(pack_dir: Path) -> None:
    text = edit("    hint: Read what he wrote about it.\n", "")
    found = findings(pack_dir, text)

    assert at(found, "QG601") == ["45:17"]
    assert "a hard question without a hint" in found[0]


def test_a_pack_with_too_few_easy_or_hard_questions(pack_dir: Path) -> None:
    body = "    answer: true\n"
    fields = {f"body{k}": f"    answer: {'true' if k % 2 else 'false'}\n" for k in range(6)}
    text = CLEAN + _questions("true_false", 6, body=body, **fields)
    found = findings(pack_dir, text)

    # 10 questions: 1 easy and 1 hard, of at least 20% each.
    assert at(found, "QG601") == ["20:1", "20:1"]
    assert any("1 of the 10 questions are easy (10%)" in f for f in found)
    assert any("1 of the 10 questions are hard (10%)" in f for f in found)


def test_a_spread_pack_is_fine(pack_dir: Path) -> None:
    fields = {f"body{k}": f"    answer: {'true' if k % 2 else 'false'}\n    difficulty: {level}\n"
              for k, level in enumerate(["easy", "easy", "hard", "hard", "medium", "medium"])}
    fields = {key: value.replace("difficulty: hard\n", "difficulty: hard\n    hint: Read it again.\n")
              for key, value in fields.items()}
    text = CLEAN + _questions("true_false", 6, **fields)

    assert at(findings(pack_dir, text), "QG601") == []
