"""What a structurally valid pack means: unique ids, known sections, answers among choices."""

from __future__ import annotations

from pathlib import Path

from .conftest import assert_problem, edit, problems_of


def test_a_duplicate_question_id_points_at_the_second_and_names_the_first(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("  - id: log\n", "  - id: lamp-hours\n"))

    assert found == ["29:9: duplicate question id 'lamp-hours' (first defined on line 21)"]


def test_a_duplicate_section_id(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("  - id: spring\n", "  - id: winter\n"))

    # The spring question's section is now unknown too.
    assert found == [
        "18:9: duplicate section id 'winter' (first defined on line 16)",
        "40:14: unknown section 'spring'; the sections are: winter",
    ]


def test_an_unknown_section_lists_the_known_ones(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("    section: spring", "    section: sprng"))

    assert found == ["40:14: unknown section 'sprng' (did you mean 'spring'?); the sections are: winter, spring"]


def test_a_single_answer_not_among_the_choices(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit('answer: "4,380 hours"', 'answer: "4,380 Hours"'))

    assert found == [
        "26:13: answer '4,380 Hours' is not one of the choices (did you mean '4,380 hours'?); "
        "write it exactly as in 'choices'"
    ]


def test_multiple_answers_not_among_the_choices_point_at_each(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("answers: [short, precise]", "answers: [short, dry, wet]"))

    assert found == [
        "34:22: answer 'dry' is not one of the choices; write it exactly as in 'choices'",
        "34:27: answer 'wet' is not one of the choices; write it exactly as in 'choices'",
    ]


def test_an_answer_listed_twice(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("answers: [short, precise]", "answers: [short, short]"))

    assert found == ["34:22: answer 'short' is listed twice"]


def test_duplicate_choices_ignore_case_and_spacing(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("choices: [short, precise, long, funny]", 'choices: [short, precise, " Short", funny]'))

    assert found == ["33:31: choice ' Short' is listed twice (as 'short')"]


def test_a_blank_choice_and_a_blank_accepted_answer(pack_dir: Path) -> None:
    text = edit("choices: [short, precise, long, funny]", 'choices: [short, precise, "  ", funny]')
    text = edit("accept: [Hamburg]", 'accept: [Hamburg, " "]', text)

    found = problems_of(pack_dir, text)

    assert found == ["33:31: a choice must not be blank", "52:23: an accepted answer must not be blank"]


def test_meaning_checks_run_on_questions_with_schema_errors_elsewhere(pack_dir: Path) -> None:
    text = edit("    section: winter\n    prompt: How long", "    section: wintr\n    prompt: How long")
    text = edit("    explanation: The keeper's log records it.\n", "    explanation: The keeper's log records it.\n    points: 0\n", text)
    text = edit('answer: "4,380 hours"', 'answer: "4380 hours"', text)

    found = problems_of(pack_dir, text)

    assert_problem(found, 23, 14, "unknown section 'wintr'")
    assert_problem(found, 26, 13, "answer '4380 hours' is not one of the choices")
    assert_problem(found, 28, 13, "'points' must be at least 1, not 0")
    assert len(found) == 3


def test_every_meaning_problem_in_the_file_is_listed(pack_dir: Path) -> None:
    text = edit("  - id: port\n", "  - id: log\n")
    text = edit("    section: spring", "    section: summer", text)
    text = edit("answers: [short, precise]", "answers: [short, dry]", text)

    found = problems_of(pack_dir, text)

    assert len(found) == 3
    assert_problem(found, 34, 22, "answer 'dry'")
    assert_problem(found, 40, 14, "unknown section 'summer'")
    assert_problem(found, 48, 9, "duplicate question id 'log' (first defined on line 29)")


def test_shuffle_is_true_or_false_on_questions_with_choices(pack_dir: Path) -> None:
    from .conftest import edit, write
    from quizgame.packs import load_pack

    kept = write(pack_dir, edit("    answers: [short, precise]\n", "    answers: [short, precise]\n    shuffle: false\n"))
    (log,) = [q for q in load_pack(kept, cache=False).pack.questions if q.id == "log"]
    assert log.shuffle is False
    assert all(q.shuffle for q in load_pack(kept, cache=False).pack.questions if q.type == "single")

    found = problems_of(pack_dir, edit("    answers: [short, precise]\n", "    answers: [short, precise]\n    shuffle: no\n"))
    assert len(found) == 1 and found[0].startswith("35:14: unquoted no is ambiguous")
    found = problems_of(pack_dir, edit("    answer: false\n", "    answer: false\n    shuffle: false\n"))
    assert len(found) == 1 and found[0].startswith("43:5: unknown field 'shuffle'")
