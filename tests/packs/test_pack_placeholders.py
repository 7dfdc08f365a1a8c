"""Placeholders are problems until they are replaced: TODO texts, the starter's date, `# check`."""

from __future__ import annotations

from pathlib import Path

from .conftest import edit, problems_of


def test_a_todo_text_is_reported_at_its_value(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("title: The Lighthouse Keeper's Year", 'title: "TODO: the title"'))

    assert found == ["4:8: 'title' is still a placeholder (\"TODO: the title\"); replace it"]


def test_a_todo_in_a_list_names_the_item(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("authors: [Test Author]", 'authors: [Ada, "TODO: your name"]'))

    assert found == ["7:16: 'authors' item 2 is still a placeholder (\"TODO: your name\"); replace it"]


def test_todo_inside_a_text_is_not_a_placeholder(pack_dir: Path) -> None:
    pack = edit("A small pack used by the tests.", "Write TODO lists, and TODOs.")
    pack = edit("authors: [Test Author]", "authors: [TODOROV]", pack)

    assert problems_of(pack_dir, pack) == []


def test_a_placeholder_quote_is_reported_once_without_a_suggestion(pack_dir: Path) -> None:
    found = problems_of(
        pack_dir, edit('quote: "The lamp burned', 'quote: "TODO: copy a passage" #"The lamp burned')
    )

    assert found == [
        "28:12: the quote is still a placeholder; replace it with a passage copied word for word from the source"
    ]


def test_every_placeholder_fragment_of_a_quote_is_reported(pack_dir: Path) -> None:
    pack = edit(
        "      - the keeper had asked for a transfer.\n      - It was refused.\n",
        '      - "TODO: a passage"\n      - "TODO: a later passage"\n',
    )

    assert problems_of(pack_dir, pack) == [
        "45:9: quote fragment 1 is still a placeholder; replace it with a passage copied word for word from the source",
        "46:9: quote fragment 2 is still a placeholder; replace it with a passage copied word for word from the source",
    ]


def test_a_real_fragment_before_a_placeholder_is_still_checked(pack_dir: Path) -> None:
    pack = edit("      - It was refused.\n", '      - "TODO: a later passage"\n')
    pack = edit("the keeper had asked for a transfer.", "the keeper asked for a transfer.", pack)

    found = problems_of(pack_dir, pack)

    assert found[0].startswith("45:9: quote fragment 1 is not in the source text")
    assert found[1].startswith("46:9: quote fragment 2 is still a placeholder")


def test_the_placeholder_date(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("date: 2011-01-01", "date: 2000-01-01"))

    assert found == ["13:9: 'date' is still the placeholder 2000-01-01; write the source's publication date"]


def test_a_placeholder_source_path_is_not_looked_for(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("text: source.txt", 'text: "TODO: the source text file"'))

    assert found == ["14:9: 'text' is still a placeholder (\"TODO: the source text file\"); replace it"]


REVIEW = (
    "this quote was proposed for review: check that it supports the answer, then delete this '# check' comment"
)


def test_a_check_comment_is_reported_where_it_stands(pack_dir: Path) -> None:
    pack = edit(
        "    quote: her entries are short, precise and dry.\n",
        "    quote: her entries are short, precise and dry.  # check: proposed from the source\n",
    )

    assert problems_of(pack_dir, pack) == [f"36:53: {REVIEW}"]


def test_a_check_comment_on_its_own_line_and_above_fragments(pack_dir: Path) -> None:
    pack = edit("    quote:\n      - the keeper", "    # CHECK\n    quote:  #check\n      - the keeper")

    assert problems_of(pack_dir, pack) == [f"44:5: {REVIEW}", f"45:13: {REVIEW}"]


def test_check_inside_a_value_is_not_a_marker(pack_dir: Path) -> None:
    pack = edit("explanation: Short, precise and dry.", 'explanation: "Short, # check it, dry."')
    pack = edit(
        "explanation: He asked, but it was refused.",
        "explanation: |\n      He asked.\n      # check: not a comment in a block scalar\n",
        pack,
    )
    pack = edit("    hint: A German port.", "    hint: A German port. #checked by Ada", pack)

    assert problems_of(pack_dir, pack) == []


def test_deleting_the_marker_confirms_the_quote(pack_dir: Path) -> None:
    marked = edit("quote: her entries are short, precise and dry.\n", "quote: her entries are short, precise and dry.  # check\n")
    assert problems_of(pack_dir, marked) == [f"36:53: {REVIEW}"]

    assert problems_of(pack_dir, marked.replace("  # check\n", "\n")) == []
