"""Comparing typed answers with a short question's accepted answers.

Part of the pack layer, not the engine's, because lint asks the same question the game
does: would this wording of the answer be accepted? docs/scoring.md explains the rules.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

TYPO_MIN_LETTERS = 5  # accepted answers shorter than this must be matched without a typo

# Words a player may put before an answer without changing what it names: "in Hamburg",
# "the THAAD system". Only prepositions that keep the answer's meaning: never "near",
# "before", "after" or "without", which would turn a right answer into another one.
LEADING_PREPOSITIONS = frozenset({"in", "at", "on", "from", "to", "by", "of", "for", "with", "into"})
LEADING_ARTICLES = frozenset({"a", "an", "the"})

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


def core(words: str) -> str:
    """Normalised text without one leading preposition and then one leading article.

    Never strips the last word: "The" alone stays "the".
    """
    parts = words.split(" ")
    if len(parts) > 1 and parts[0] in LEADING_PREPOSITIONS:
        parts = parts[1:]
    if len(parts) > 1 and parts[0] in LEADING_ARTICLES:
        parts = parts[1:]
    return " ".join(parts)


class ShortMatch(NamedTuple):
    correct: bool
    # The accepted answer's original text, only when a typo was forgiven.
    accepted: str | None = None
    typo: bool = False


def match_short(
    response: str, accept: Sequence[str], *, exact: bool = False, fuller: Sequence[str] = ()
) -> ShortMatch:
    """Is a typed answer one of the accepted answers?

    Compared after normalise(), and again without a leading preposition or article on
    either side ("in Hamburg" is "Hamburg", "a framework" is "the framework"). `fuller` are
    the source's own fuller names for the accepted answers (names.fuller_forms), accepted
    as they are. Unless `exact`, one typo (Damerau-Levenshtein distance 1) is forgiven
    against an answer of TYPO_MIN_LETTERS letters or more, provided the numbers in both are
    the same: "Apollo 12" is not a typo of "Apollo 11". Nothing else is forgiven: an answer
    with more words, such as "Hamburg Airport" for "Hamburg", is wrong.
    """
    given = normalise(response)
    if not given:
        return ShortMatch(False)
    candidates = [(text, normalise(text)) for text in (*accept, *fuller)]
    if any(given == wanted for _, wanted in candidates):
        return ShortMatch(True)
    given_core = core(given)
    if any(given_core == core(wanted) for _, wanted in candidates):
        return ShortMatch(True)
    if exact:
        return ShortMatch(False)
    for text, wanted in candidates:
        for typed, meant in ((given, wanted), (given_core, core(wanted))):
            if (
                letter_count(meant) >= TYPO_MIN_LETTERS
                and abs(len(typed) - len(meant)) <= 1  # cheap test before the quadratic one
                and digits(typed) == digits(meant)
                and damerau_levenshtein(typed, meant) == 1
            ):
                return ShortMatch(True, accepted=text, typo=True)
    return ShortMatch(False)
