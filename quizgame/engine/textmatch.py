"""Comparing typed answers: normalisation and edit distance."""

from __future__ import annotations

import unicodedata

# Typographic quotes and dashes that keyboards, phones and word processors substitute.
_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    }
)

# Letters that NFKD leaves alone but a player without the key types plainly.
_PLAIN_LETTERS = str.maketrans(
    {
        "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i",
        "æ": "ae", "œ": "oe", "þ": "th",
    }
)

# Dashes and slashes separate words ("Jean-Luc" is "Jean Luc"); other punctuation is dropped
# ("U.S." is "US", "Hamburg, Germany" is "Hamburg Germany").
_SEPARATORS = frozenset("-/\\_")


def normalise(text: str) -> str:
    """Fold case, accents, compatibility forms, punctuation and spacing away.

    Idempotent: normalise(normalise(s)) == normalise(s).
    """
    # Unicode's compatibility caseless matching (D146): casefold and decompose twice, because
    # each step can produce characters the other one changes.
    text = unicodedata.normalize("NFD", text)
    text = unicodedata.normalize("NFKD", text.casefold())
    text = unicodedata.normalize("NFKD", text.casefold()).translate(_TYPOGRAPHIC)
    kept: list[str] = []
    for char in text:
        if unicodedata.combining(char):
            continue
        category = unicodedata.category(char)
        if char in _SEPARATORS or char.isspace() or category == "Pd" or category.startswith("Z"):
            kept.append(" ")
        elif category.startswith(("P", "C", "M")):
            continue
        else:
            kept.append(char)
    return " ".join("".join(kept).translate(_PLAIN_LETTERS).split())


def letter_count(text: str) -> int:
    """Letters (not digits, spaces or symbols) in already-normalised text."""
    return sum(1 for char in text if char.isalpha())


def digits(text: str) -> str:
    return "".join(char for char in text if char.isdigit())


def damerau_levenshtein(a: str, b: str) -> int:
    """Edits between a and b: insertions, deletions, substitutions, adjacent transpositions.

    The optimal-string-alignment variant (no substring is edited twice), which is what a
    typo is. Symmetric; 0 only when a == b.
    """
    if a == b:
        return 0
    if not a or not b:
        return max(len(a), len(b))
    # Three rows are enough: a transposition looks back two rows.
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        before, previous = previous, current
    return previous[len(b)]
