"""Quotes must be in the source word for word, forgiving only keyboard differences."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgame.packs import load_pack
from quizgame.packs.quotes import Source, normalise

from .conftest import SOURCE_PATH, VALID, assert_problem, edit, problems_of, write

LAMP = '    quote: "The lamp burned for 4,380 hours - more than in any year before."'


def with_quote(quote: str) -> str:
    return edit(LAMP, f"    quote: {quote}")


def test_spans_point_at_the_original_text(pack_dir: Path) -> None:
    loaded = load_pack(write(pack_dir, VALID), cache=False)
    source = loaded.source_text

    def quoted(question_id: str) -> list[str]:
        return [source[start:end] for start, end in loaded.quote_spans[question_id]]

    assert loaded.source_text == SOURCE_PATH.read_text(encoding="utf-8")
    # The source has a non-breaking space, an em dash and an ellipsis character.
    assert quoted("lamp-hours") == ["The lamp burned for 4,380\u00a0hours \u2014 more than in any year before."]
    assert quoted("port") == ["Supplies came by boat from Hamburg every second Tuesday\u2026"]
    assert quoted("transfer") == ["the keeper had asked for a transfer.", "It was refused."]


@pytest.mark.parametrize(
    "quote",
    [
        # Straight quotes for curly ones, across a line break in the source.
        '\'"the longest in living memory."\'',
        # Curly ones as in the source, extra spaces, and an apostrophe.
        '"“the  longest in living   memory.” The lamp"',
        "The keeper's daughter kept the log",
        "\"The keeper\u2019s daughter kept the log\"",
        # An en dash, a non-breaking space, and an ellipsis for three dots.
        '"4,380\u00a0hours \u2013 more"',
        "every second Tuesday\u2026 when",
        '"every second Tuesday... when"',
    ],
)
def test_keyboard_differences_are_forgiven(pack_dir: Path, quote: str) -> None:
    assert problems_of(pack_dir, with_quote(quote)) == []


@pytest.mark.parametrize(
    "quote",
    [
        "the lamp burned for 4,380 hours",  # case
        '"The lamp burned for 4,380 hours, more"',  # punctuation
        '"The lamp burned for 4380 hours"',  # a character missing
        '"The lamp burned for 4,380 hours - more than in any year before!"',
        '"Thelamp burned"',  # a space missing
    ],
)
def test_nothing_else_is_forgiven(pack_dir: Path, quote: str) -> None:
    found = problems_of(pack_dir, with_quote(quote))

    assert_problem(found, 28, 12, "the quote is not in the source text (quotes must be word for word)")
    assert len(found) == 1


def test_a_near_miss_suggests_the_closest_passage(pack_dir: Path) -> None:
    found = problems_of(pack_dir, with_quote('"The lamp burnt for 4,380 hours, more than in any year."'))

    assert found == [
        "28:12: the quote is not in the source text (quotes must be word for word); "
        'did you mean: "The lamp burned for 4,380 hours \u2014 more than in any year"'
    ]


def test_no_suggestion_when_nothing_is_close(pack_dir: Path) -> None:
    found = problems_of(pack_dir, with_quote('"Quantum chromodynamics explains the strong force."'))

    assert found == ["28:12: the quote is not in the source text (quotes must be word for word)"]


def test_a_missing_fragment_is_reported_at_the_fragment(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("      - It was refused.", "      - It was granted."))

    assert found == [
        '46:9: quote fragment 2 is not in the source text (quotes must be word for word); '
        'did you mean: "It was refused."'
    ]


def test_fragments_out_of_order(pack_dir: Path) -> None:
    text = edit(
        "      - the keeper had asked for a transfer.\n      - It was refused.",
        "      - It was refused.\n      - the keeper had asked for a transfer.",
    )

    found = problems_of(pack_dir, text)

    assert found == [
        "46:9: quote fragment 2 appears in the source only before fragment 1; "
        "list fragments in the order they appear"
    ]


def test_a_blank_quote(pack_dir: Path) -> None:
    assert problems_of(pack_dir, with_quote('"  "')) == ["28:12: 'quote' must not be blank"]


def test_a_missing_source_file_is_one_problem_at_the_text_value(pack_dir: Path) -> None:
    found = problems_of(pack_dir, edit("  text: source.txt", "  text: nope.txt"))

    assert found == [f"14:9: source text file not found: {pack_dir / 'nope.txt'}"]


def test_a_source_that_is_not_utf8(pack_dir: Path) -> None:
    (pack_dir / "latin1.txt").write_bytes("Caf\u00e9 au lait".encode("latin-1"))

    found = problems_of(pack_dir, edit("  text: source.txt", "  text: latin1.txt"))

    assert len(found) == 1
    assert found == [
        f"14:9: source text {pack_dir / 'latin1.txt'}: byte 0xe9 at byte offset 3 is not valid UTF-8; save it as UTF-8"
    ]


def test_a_source_that_is_a_folder(pack_dir: Path) -> None:
    (pack_dir / "folder").mkdir()

    found = problems_of(pack_dir, edit("  text: source.txt", "  text: folder"))

    assert found == [f"14:9: source text {pack_dir / 'folder'} is a folder, not a file"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_an_unreadable_source(pack_dir: Path) -> None:
    (pack_dir / "source.txt").chmod(0)

    found = problems_of(pack_dir, VALID)

    assert found == [f"14:9: cannot read source text {pack_dir / 'source.txt'}: Permission denied"]


def test_the_source_path_is_relative_to_the_pack_not_the_working_folder(
    pack_dir: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    (pack_dir / "texts").mkdir()
    (pack_dir / "source.txt").rename(pack_dir / "texts" / "source.txt")
    path = write(pack_dir, edit("  text: source.txt", "  text: texts/source.txt"))
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))

    assert load_pack(path, cache=False).quote_spans["log"]


# -- the search itself -------------------------------------------------------------------


def test_normalise() -> None:
    assert normalise("  \u201cIt\u2019s\u201d \u2014\n\tnow\u2026 ") == "\"It's\" - now..."


def test_many_lookups_use_the_index_and_agree_with_a_plain_search() -> None:
    rng = random.Random(3)
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()
    text = " ".join(rng.choice(words) for _ in range(5000))
    source = Source(text)
    for _ in range(300):
        start = rng.randrange(0, len(text) - 40)
        fragment = normalise(text[start : start + rng.randint(1, 40)])
        if not fragment:
            continue
        for after in (0, start, len(text) - 20):
            assert source.find(fragment, after) == text.find(fragment, after)
        missing = fragment + " omega"
        assert source.find(missing) == -1
    assert source._index is not None  # the index was used


def test_fragments_are_matched_in_order_even_when_one_first_appears_mid_word() -> None:
    # "eta" first appears inside "beta"; the index only knows word starts. The list must
    # still be found, through the earliest places.
    text = "beta gamma " + "filler " * 200 + "eta delta"
    source = Source(text)
    for _ in range(100):  # enough lookups to switch the index on
        source.find("filler filler")
    spans, failed = source.match(["eta gamma", "eta delta"])

    assert failed is None
    assert [text[s:e] for s, e in spans] == ["eta gamma", "eta delta"]


def test_a_dot_does_not_match_part_of_an_ellipsis() -> None:
    source = Source("He waited\u2026 and waited.")

    assert source.find("waited.") == source.text.index("waited.", 12)
    assert source.find("waited..") == -1
    assert source.find("waited...") == 3


WITHOUT_ELLIPSIS = list("ab .,'\"\u2019\u201c\u2014-\n\t\u00a0 ")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(WITHOUT_ELLIPSIS), min_size=1, max_size=80), st.data())
def test_every_passage_is_found_and_maps_back_to_the_same_words(text: str, data: st.DataObject) -> None:
    source = Source(text)
    if not source.text.strip():
        return
    start = data.draw(st.integers(0, len(source.text) - 1))
    end = data.draw(st.integers(start + 1, len(source.text)))
    fragment = normalise(source.text[start:end])
    if not fragment:
        return
    at = source.find(fragment)
    assert at != -1
    original_start, original_end = source.original_span(at, at + len(fragment))
    assert normalise(text[original_start:original_end]) == fragment


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(WITHOUT_ELLIPSIS + ["\u2026", "."]), min_size=1, max_size=60), st.data())
def test_with_ellipses_what_is_found_maps_back_to_the_same_words(text: str, data: st.DataObject) -> None:
    source = Source(text)
    start = data.draw(st.integers(0, len(source.text)))
    fragment = normalise(source.text[start : data.draw(st.integers(start, len(source.text)))])
    at = source.find(fragment) if fragment else -1
    if at != -1:
        original_start, original_end = source.original_span(at, at + len(fragment))
        assert normalise(text[original_start:original_end]) == fragment


def test_a_source_that_is_not_a_regular_file_is_not_opened(pack_dir: Path) -> None:
    os.mkfifo(pack_dir / "pipe")  # opening it for reading would block

    found = problems_of(pack_dir, edit("  text: source.txt", "  text: pipe"))

    assert found == [f"14:9: source text {pack_dir / 'pipe'} is not a regular file"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(WITHOUT_ELLIPSIS + ["\u2026", "abcdefgh", "abcdefgh "]), max_size=30), st.data())
def test_the_index_gives_exactly_the_plain_search_results(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    plain = Source(text)
    indexed = Source(text)
    indexed._lookups = 10**6  # as after many quotes: the index answers
    start = data.draw(st.integers(0, len(plain.text)))
    fragment = normalise(plain.text[start : data.draw(st.integers(start, len(plain.text)))])
    fragment += data.draw(st.sampled_from(["", " abcdefgh", "x"]))
    after = data.draw(st.integers(0, len(plain.text)))
    if fragment:
        assert indexed.find(fragment, after) == plain.find(fragment, after)
