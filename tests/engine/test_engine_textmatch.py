"""normalise() and the edit distance behind forgiving typos."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgame.packs.textmatch import damerau_levenshtein, digits, letter_count, normalise


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Hamburg", "hamburg"),
        ("  HAMBURG  ", "hamburg"),
        ("U.S.", "us"),
        ("Hamburg, Germany", "hamburg germany"),
        ("Hamburg   Germany", "hamburg germany"),
        ("Hamburg\tGermany\n", "hamburg germany"),
        ("Zürich", "zurich"),
        ("Mélenchon", "melenchon"),
        ("Straße", "strasse"),
        ("O’Brien", "obrien"),
        ("O'Brien", "obrien"),
        ("“Quoted”", "quoted"),
        ("Jean-Luc", "jean luc"),
        ("Jean–Luc", "jean luc"),  # en dash
        ("Jean—Luc", "jean luc"),  # em dash
        ("Ｆｕｌｌｗｉｄｔｈ", "fullwidth"),
        ("ﬁnance", "finance"),
        ("København", "kobenhavn"),
        ("Łódź", "lodz"),
        ("Æsop", "aesop"),
        ("1,000", "1000"),
        ("zero\u200bwidth", "zerowidth"),
        ("non\u00a0breaking", "non breaking"),
        ("...", ""),
        ("", ""),
    ],
)
def test_normalise(typed: str, expected: str) -> None:
    assert normalise(typed) == expected


def test_normalise_folds_decomposed_and_composed_accents_alike() -> None:
    assert normalise("e\u0301te\u0301") == normalise("\u00e9t\u00e9") == "ete"


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text())
def test_normalise_leaves_no_edge_or_double_spaces(text: str) -> None:
    result = normalise(text)
    assert result == result.strip()
    assert "  " not in result


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("hamburg", "hamburg", 0),
        ("hamburg", "hamburgg", 1),  # insertion
        ("hamburg", "hambrg", 1),  # deletion
        ("hamburg", "hanburg", 1),  # substitution
        ("hamburg", "hambrug", 1),  # adjacent transposition
        ("hamburg", "hmbrug", 2),
        ("ca", "abc", 3),  # optimal string alignment: no edit of a transposed pair
        ("", "abc", 3),
        ("abc", "", 3),
        ("kitten", "sitting", 3),
    ],
)
def test_damerau_levenshtein(a: str, b: str, distance: int) -> None:
    assert damerau_levenshtein(a, b) == distance


@given(st.text(max_size=12), st.text(max_size=12))
def test_distance_is_symmetric(a: str, b: str) -> None:
    assert damerau_levenshtein(a, b) == damerau_levenshtein(b, a)


@given(st.text(max_size=12), st.text(max_size=12))
def test_distance_is_zero_only_for_equal_strings_and_bounded(a: str, b: str) -> None:
    distance = damerau_levenshtein(a, b)
    assert (distance == 0) == (a == b)
    assert abs(len(a) - len(b)) <= distance <= max(len(a), len(b))


@given(st.text(min_size=2, max_size=12), st.data())
def test_any_single_edit_is_distance_at_most_one(word: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(word) - 2))
    char = data.draw(st.characters())
    edits = [
        word[:i] + word[i + 1 :],
        word[:i] + char + word[i:],
        word[:i] + char + word[i + 1 :],
        word[:i] + word[i + 1] + word[i] + word[i + 2 :],
    ]
    for edited in edits:
        assert damerau_levenshtein(word, edited) <= 1


def test_letter_count_counts_letters_only() -> None:
    assert letter_count("apollo 11") == 6
    assert letter_count("1984") == 0


def test_digits() -> None:
    assert digits("apollo 11 and 2") == "112"
