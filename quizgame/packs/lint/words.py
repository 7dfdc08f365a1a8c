"""Words as lint compares them: case, accents and word forms folded away, fillers ignored.

Word forms are folded by the Snowball stemmer for the pack's language (the snowballstemmer
package: the Snowball project's own algorithms, pure Python, deterministic, used by Sphinx's
search), so that "interfere", "interfering" and "interference" are one word. Fillers are
English function words and the words every quiz uses to talk about its source.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from quizgame.packs.function_words import FUNCTION_WORDS

# Words that say how a question asks, not what it asks about.
QUIZ_WORDS = frozenset(
    """
    according article articles say says said saying tell tells told text texts source sources
    author authors question questions answer answers true false statement statements
    mention mentions mentioned describe describes described description quote quotes quoted
    quotation report reports reported following give gives given call calls called
    name names named list lists listed passage line lines word words phrase
    """.split()
)
FILLERS = FUNCTION_WORDS | QUIZ_WORDS

NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}

# Snowball's algorithm names, by the primary subtag of the pack's language.
_SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "et": "estonian", "eu": "basque", "fi": "finnish",
    "fr": "french", "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian",
    "id": "indonesian", "it": "italian", "lt": "lithuanian", "nb": "norwegian", "ne": "nepali",
    "nl": "dutch", "nn": "norwegian", "no": "norwegian", "pl": "polish", "pt": "portuguese",
    "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish", "ta": "tamil",
    "tr": "turkish", "yi": "yiddish",
}

# Letters and digits; dotted abbreviations ("U.S.") are one word.
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?;])[\"'”’)]*\s+|\n\s*\n")


class Word(NamedTuple):
    stem: str
    folded: str  # case and accents folded, number words as digits
    start: int  # offset in the text
    end: int


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    folded = folded.rstrip(".")
    return NUMBER_WORDS.get(folded, folded)


class Words:
    """Splits texts into words for one pack's language, remembering every stem it made."""

    def __init__(self, language: str) -> None:
        self.english = language.split("-")[0].lower() == "en"
        algorithm = _SNOWBALL.get(language.split("-")[0].lower())
        self._stemmer = None
        if algorithm is not None:
            import snowballstemmer

            self._stemmer = snowballstemmer.stemmer(algorithm)
        self._stems: dict[str, str] = {}

    def stem(self, folded: str) -> str:
        stem = self._stems.get(folded)
        if stem is None:
            plain = self._stemmer is None or folded.isdigit() or "." in folded
            stem = folded if plain else self._stemmer.stemWord(folded)
            self._stems[folded] = stem
        return stem

    def words(self, text: str) -> list[Word]:
        found = []
        for match in _WORD.finditer(text):
            folded = fold(match.group())
            if folded:
                found.append(Word(self.stem(folded), folded, match.start(), match.end()))
        return found

    def is_filler(self, word: Word) -> bool:
        return self.english and (word.folded in FILLERS or len(word.folded) == 1 and not word.folded.isdigit())

    def content(self, text: str, ignore: Iterable[str] = ()) -> list[Word]:
        """The words that carry meaning: no fillers, nothing in `ignore` (stems)."""
        skip = set(ignore)
        return [w for w in self.words(text) if not self.is_filler(w) and w.stem not in skip]

    def stems(self, text: str, ignore: Iterable[str] = ()) -> set[str]:
        return {w.stem for w in self.content(text, ignore)}


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split after . ! ? ; and at blank lines."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
