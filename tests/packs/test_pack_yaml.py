"""YAML-level rules: encoding, one mapping document, no anchors, aliases, merge keys or tags,
no duplicate keys, bounded nesting, no unsafe characters. Each problem at its exact place."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from quizgame.packs import PackError, load_pack
from quizgame.packs.reader import MAX_PACK_BYTES

from .conftest import VALID, assert_problem, edit, problems_in, problems_of, write


def test_the_valid_fixture_loads(pack_dir: Path) -> None:
    loaded = load_pack(write(pack_dir, VALID), cache=False)

    assert loaded.pack.id == "lighthouse"
    assert [q.id for q in loaded.pack.questions] == ["lamp-hours", "log", "transfer", "port"]
    assert loaded.path == pack_dir / "pack.yaml"
    assert len(loaded.content_hash) == 64


# -- encoding and shape ------------------------------------------------------------------


def test_bytes_that_are_not_utf8_are_reported_at_their_offset(pack_dir: Path) -> None:
    found = problems_of(pack_dir, b"schema: 1\nid: caf\xe9\n")

    assert found == ["2:8: byte 0xe9 at byte offset 17 is not valid UTF-8; save the file as UTF-8"]


def test_a_utf16_file_is_named_as_such(pack_dir: Path) -> None:
    found = problems_of(pack_dir, "schema: 1\n".encode("utf-16"))

    assert_problem(found, 1, 1, "the file is UTF-16; save it as UTF-8")


def test_a_utf8_byte_order_mark_is_accepted_and_columns_ignore_it(pack_dir: Path) -> None:
    found = problems_of(pack_dir, "\ufeff" + edit("id: lighthouse", "id: Light"))

    assert found == ["3:5: 'Light' is not a valid id: use lower-case letters, digits, '-' and '_', "
                     "starting with a letter or digit"]


@pytest.mark.parametrize("content", ["", "\n\n   \n"])
def test_an_empty_file(pack_dir: Path, content: str) -> None:
    assert problems_of(pack_dir, content) == ["1:1: the file is empty; a pack starts with 'schema: 1'"]


def test_a_file_of_comments_holds_no_data(pack_dir: Path) -> None:
    found = problems_of(pack_dir, "# just a comment\n")

    assert found == ["1:1: the file holds no data; a pack starts with 'schema: 1'"]


@pytest.mark.parametrize(
    ("content", "kind"), [("- a\n- b\n", "not a list"), ("\n\njust words\n", "not a single value")]
)
def test_the_root_must_be_a_mapping(pack_dir: Path, content: str, kind: str) -> None:
    found = problems_of(pack_dir, content)

    assert len(found) == 1
    assert_problem(found, 1 if content.startswith("-") else 3, 1, kind)


def test_a_second_document_is_refused_where_it_starts(pack_dir: Path) -> None:
    found = problems_of(pack_dir, VALID + "---\nid: other\n")

    assert found == ["57:1: YAML syntax error: a pack file holds one YAML document; remove this second one"]


def test_an_error_without_a_plainer_telling_keeps_libyamls_words_and_position(pack_dir: Path) -> None:
    found = problems_of(pack_dir, "%YAML 1.2\n%YAML 1.2\n---\n" + VALID)

    assert found == ["2:1: YAML syntax error: found duplicate %YAML directive"]


# The syntax errors authors make most, each told in plain words at the place to fix:
# (what was written wrong, the edit of the valid pack, LINE:COL: the message).
AUTHOR_MISTAKES = [
    (
        "a field of a list item indented too little",
        ("    section: spring\n    prompt: The keeper", "    section: spring\n   prompt: The keeper"),
        "41:4: YAML syntax error: this line's indentation does not match the list above it (from line 21): "
        "start it at column 5 to go on with an item's fields, or begin a new item with '- ' at column 3",
    ),
    (
        "a field of a list item indented too much",
        ("    section: spring\n    prompt: The keeper", "    section: spring\n     prompt: The keeper"),
        "41:12: YAML syntax error: this line is indented more than the line above it, so YAML reads it as "
        "more of that line's value; start it at column 5, like the line above",
    ),
    (
        "a list item out of line with the items above",
        ("  - id: port", "   - id: port"),
        "48:4: YAML syntax error: this list item does not line up with the list above it: put its '-' at "
        "column 3, like the first item (line 21)",
    ),
    (
        "a quote fragment out of line with the one above",
        ("      - It was refused.", "     - It was refused."),
        "46:6: YAML syntax error: this list item's indentation does not match the item above it (line 45): "
        "put its '-' at column 7",
    ),
    (
        "a new item indented as a field of the item above",
        ("  - id: port", "    - id: port"),
        "48:5: YAML syntax error: a list item where a key was expected: to begin a new item of the list on "
        "line 38, put its '-' at column 3",
    ),
    (
        "a line indented more than the key above it",
        ("  author: Anonymous", "    author: Anonymous"),
        "11:11: YAML syntax error: this line is indented more than the line above it, so YAML reads it as "
        "more of that line's value; start it at column 3, like the line above",
    ),
    (
        "a ': ' in unquoted text",
        ("prompt: Where did", "prompt: Note: where did"),
        "51:17: YAML syntax error: unexpected ':' (it reads a ':' followed by a space as the start of a key; "
        "put text that contains ': ' in quotes)",
    ),
    (
        "a quote left open",
        ('quote: "Supplies came by boat from Hamburg every second Tuesday..."', 'quote: "Supplies came by boat'),
        '54:12: YAML syntax error: this quoted text is never closed: end it with "',
    ),
    (
        "text after the closing quote",
        ('answer: "4,380 hours"', 'answer: "4,380" hours'),
        '26:21: YAML syntax error: text goes on after the closing "; put the whole text in quotes once, '
        'and write a " inside it as \\"',
    ),
    (
        "an apostrophe inside single quotes",
        ("title: The long winter", "title: 'The keeper's winter'"),
        "17:24: YAML syntax error: text goes on after the closing '; put the whole text in quotes once, "
        "and write a ' inside it as ''",
    ),
    (
        "a backslash in double quotes",
        ('answer: "4,380 hours"', 'answer: "C:\\lamp"'),
        "26:16: YAML syntax error: '\\l' is not an escape YAML knows in double-quoted text; write a "
        "backslash as '\\\\', or put the text in single quotes",
    ),
    (
        "a line without its ':'",
        ("  author: Anonymous", "  author Anonymous"),
        "11:3: YAML syntax error: this line has no ':' after its key; every line of a mapping is "
        "'key: value' (text that goes on from the line above must be indented more than its key, or quoted)",
    ),
    (
        "a list in brackets left open",
        ("authors: [Test Author]", "authors: [Test Author"),
        "7:10: YAML syntax error: '[' starts a list that is never closed with ']', or an item in it has no "
        "',' after it; put text that starts with '[' in quotes",
    ),
    (
        "text that starts with a character YAML keeps for itself",
        ("hint: A German port.", "hint: `A German port`"),
        "55:11: YAML syntax error: '`' cannot start a value; put text that starts with '`' in quotes",
    ),
    (
        "a closing bracket too many",
        ("authors: [Test Author]", "authors: [Test Author]]"),
        "7:23: YAML syntax error: this ']' closes nothing: remove it, or put the text in quotes",
    ),
    (
        "a list on its key's line",
        ("tags: [places]", "tags: - places"),
        "56:11: YAML syntax error: a list cannot start on its key's line; put each '- ' item on a line of "
        "its own, under the key",
    ),
]


@pytest.mark.parametrize(("mistake", "change", "expected"), AUTHOR_MISTAKES, ids=[m[0] for m in AUTHOR_MISTAKES])
def test_the_yaml_mistakes_authors_make_most_are_told_in_plain_words(
    pack_dir: Path, mistake: str, change: tuple[str, str], expected: str
) -> None:
    assert problems_of(pack_dir, edit(*change)) == [expected]


def test_tab_indentation_gets_a_plain_explanation(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("  author: Anonymous", "\tauthor: Anonymous"))

    assert found == ["11:1: YAML syntax error: tabs are not allowed for indentation in YAML; use spaces"]


# -- size and kinds of file --------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_before_parsing(pack_dir: Path) -> None:
    path = write(pack_dir, b"# " + b"x" * MAX_PACK_BYTES + b"\n")

    found = problems_in(path)

    assert len(found) == 1
    assert found[0].startswith("1:1: the file is too large (5.0 MiB; the limit is 5.0 MiB)")


def test_a_missing_file(tmp_path: Path) -> None:
    assert problems_in(tmp_path / "nope.yaml") == ["1:1: file not found"]


def test_a_folder_is_not_a_pack(tmp_path: Path) -> None:
    folder = tmp_path / "folder.yaml"
    folder.mkdir()

    assert problems_in(folder) == ["1:1: the file is a folder, not a file"]


# -- anchors, aliases, merge keys, tags ---------------------------------------------------


def test_anchors_and_aliases_are_refused_where_written(pack_dir: Path) -> None:
    text = edit("source:\n", "source: &src\n") + "again: *src\n"

    found = problems_of(pack_dir, text)

    assert found == [
        "9:9: anchors (&src) are not allowed",
        "57:8: aliases (*src) are not allowed; write the value out in full",
    ]


def test_a_self_referencing_alias_is_refused(pack_dir: Path) -> None:
    found = problems_of(pack_dir, "schema: 1\nloop: &a [1, *a]\n")

    assert found == [
        "2:7: anchors (&a) are not allowed",
        "2:14: aliases (*a) are not allowed; write the value out in full",
    ]


def billion_laughs() -> str:
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*lol{level - 1}"] * 10)
        lines.append(f"lol{level}: &lol{level} [{refs}]")
    return "\n".join(lines) + "\n"


def test_a_billion_laughs_is_refused_fast_with_flat_memory(pack_dir: Path) -> None:
    path = write(pack_dir, billion_laughs())
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(PackError) as raised:
            load_pack(path, cache=False)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    messages = [p.message for p in raised.value.problems]
    assert "anchors (&lol9) are not allowed" in messages
    assert sum("aliases" in m for m in messages) == 90
    assert elapsed < 1.0
    assert peak < 2 * 1024 * 1024


def test_merge_keys_are_refused(pack_dir: Path) -> None:
    text = edit("  title: The Lighthouse Keeper’s Year\n", "  <<: {title: The Lighthouse Keeper’s Year}\n")

    found = problems_of(pack_dir, text)

    assert_problem(found, 10, 3, "merge keys (<<) are not allowed")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!python/object/apply:os.system [echo hi]", "!!python/object/apply:os.system"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!set {a, b}", "!!set"),
        ("!!timestamp 2020-01-01", "!!timestamp"),
        ("!custom thing", "!custom"),
        ("! thing", "!"),
        ("!<tag:example.com,2000:x> thing", "tag:example.com,2000:x"),
    ],
)
def test_tags_are_refused(pack_dir: Path, value: str, shown: str) -> None:
    found = problems_of(pack_dir, edit("description: A small pack used by the tests.", f"description: {value}"))

    assert_problem(found, 5, 14, f"tag {shown} is not allowed")


def test_core_tags_are_allowed_and_mean_what_they_say(pack_dir: Path) -> None:
    text = edit('choices: ["4,380 hours", "2,000 hours", "8,760 hours"]', 'choices: [!!str 4380, "2,000 hours"]')
    text = edit('answer: "4,380 hours"', 'answer: !!str 4380', text)
    text = edit("time_limit: 30", 'time_limit: !!int "30"', text)
    text = edit("answer: false", "answer: !!bool false", text)
    text = edit("  - id: winter", "  - !!map\n    id: winter", text)

    assert problems_in(write(pack_dir, text)) == []
    loaded = load_pack(pack_dir / "pack.yaml", cache=False)
    assert loaded.pack.questions[0].choices[0] == "4380"
    assert loaded.pack.questions[2].time_limit == 30


def test_a_core_tag_that_does_not_fit_its_value_is_refused(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("answer: false", "answer: !!bool yes"))

    assert found == ["42:13: 'yes' is not a valid !!bool"]


# -- duplicate keys and nesting ----------------------------------------------------------


def test_duplicate_keys_name_both_lines(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("    section: spring\n", "    section: spring\n    section: winter\n"))

    assert found == ["41:5: duplicate key 'section' (first defined on line 40)"]


def test_nesting_beyond_64_levels_is_refused_at_the_first_level_too_deep(pack_dir: Path) -> None:
    text = VALID + "extra: " + "[" * 70 + "]" * 70 + "\n"

    found = problems_of(pack_dir, text)

    # The root mapping is level 1, so the 64th bracket opens level 65.
    assert_problem(found, 57, 7 + 64, "nested too deeply (the limit is 64 levels)")


def test_absurd_nesting_is_a_problem_not_a_crash(pack_dir: Path) -> None:
    found = problems_of(pack_dir, "a: " + "[" * 100_000 + "\n")

    assert len(found) == 1
    assert "nested too deeply" in found[0]


# -- unsafe characters -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "message"),
    [
        ("\x00", "control character U+0000 is not allowed"),
        ("\x07", "control character U+0007"),
        ("\x1b", "control character U+001B"),
        ("\x7f", "control character U+007F"),
        ("\x85", "control character U+0085"),
        ("\x9b", "control character U+009B"),
        ("\u202e", "invisible bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\u2066", "invisible bidirectional control U+2066 (LEFT-TO-RIGHT ISOLATE)"),
        ("\u200f", "invisible bidirectional control U+200F (RIGHT-TO-LEFT MARK)"),
        ("\u061c", "invisible bidirectional control U+061C (ARABIC LETTER MARK)"),
        ("\u2028", "invisible line break U+2028 (LINE SEPARATOR)"),
    ],
)
def test_unsafe_characters_are_refused_at_their_exact_column(pack_dir: Path, char: str, message: str) -> None:
    found = problems_of(pack_dir, edit("description: A small pack", f"description: A small{char} pack"))

    assert_problem(found, 5, 21, message)


def test_unsafe_characters_in_quoted_text_keys_and_comments(pack_dir: Path) -> None:
    text = edit('answer: "4,380 hours"', 'answer: "4,380\u202e hours"')
    text = edit("  author: Anonymous", "  au\u200ethor: Anonymous", text)
    text = edit("# yaml-language-server", "# \u2067 yaml-language-server", text)

    found = problems_of(pack_dir, text)

    assert_problem(found, 26, 19, "U+202E")
    assert_problem(found, 11, 5, "U+200E")
    assert_problem(found, 1, 3, "U+2067")


def test_an_escape_that_produces_an_unsafe_character_is_refused_at_the_value(pack_dir: Path) -> None:
    found = problems_of(
        pack_dir, edit("prompt: How long did the lamp burn that year?", 'prompt: "How \\u202e long?"')
    )

    assert_problem(found, 24, 13, "U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed")
    assert_problem(found, 24, 13, "written as an escape")


def test_problem_messages_never_carry_the_unsafe_character(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("  author: Anonymous", "  au\u202ethor: Anonymous"))

    assert any("unknown field 'au\\u202ethor'" in p for p in found)
    assert not any("\u202e" in p for p in found)


def test_tabs_and_line_breaks_inside_text_are_fine(pack_dir: Path) -> None:
    text = edit("explanation: The boat came from Hamburg.", 'explanation: "The boat\\tcame\\nfrom Hamburg."')

    assert problems_of(pack_dir, text) == []


def test_other_problems_are_still_found_after_an_unsafe_character(pack_dir: Path) -> None:
    text = edit("description: A small pack", "description: A small\x07 pack")
    text = edit("    section: spring\n", "    section: spring\n    section: winter\n", text)

    found = problems_of(pack_dir, text)

    assert_problem(found, 5, 21, "U+0007")
    assert_problem(found, 41, 5, "duplicate key 'section'")


def test_a_syntax_error_after_an_anchor_is_reported_too(pack_dir: Path) -> None:
    found = problems_of(pack_dir, "schema: 1\nbase: &b {x: 1}\nbroken: [1, 2\n")

    assert found == [
        "2:7: anchors (&b) are not allowed",
        "3:9: YAML syntax error: '[' starts a list that is never closed with ']', or an item in it has no "
        "',' after it; put text that starts with '[' in quotes",
    ]
