"""How the source itself writes an answer: its words, and the fuller names it gives.

Articles introduce a person or thing in full and then shorten it: "Russian Foreign Minister
Sergei Lavrov" first, "Lavrov" after. A player who types the source's full form of an
accepted answer is right, and fuller_forms() finds those forms for the matcher. Lint's
short-variants rule reads the source the same way to find the phrases it would still refuse.

The source is read as tokens (runs of non-space characters, their outer punctuation set
apart). Clause punctuation (, ; : ( ) quotation marks, a sentence's full stop) and blank
lines are boundaries that no phrase crosses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from quizgame.packs.function_words import FUNCTION_WORDS
from quizgame.packs.textmatch import normalise

# Lower-case words that may sit inside a name: "Secretary of State", "Ludwig van Beethoven".
CONNECTORS = frozenset({"of", "the", "de", "del", "der", "van", "von", "du", "da", "di", "al", "bin", "la", "le"})

_OPENING = "([{\"'“‘«"
_CLOSING = ")]}\"'”’»,;:.!?…"
# A token that ends in one of these ends a clause, except a full stop in an abbreviation.
_ENDS_CLAUSE = frozenset(")]}\"”’»,;:.!?…")
_ENDS_SENTENCE = frozenset(".!?…")
_ABBREVIATION = re.compile(r"(?:[^\W\d_]\.)+")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")


class Token(NamedTuple):
    text: str  # as the source writes it, outer punctuation removed
    words: tuple[str, ...]  # normalised; "Trump-Putin" is ("trump", "putin")
    capitalised: bool
    boundary_before: bool  # a clause ends between the token before and this one
    start: int  # offset of `text` in the source
    # In a paragraph written in title case (a headline), where capitals say nothing.
    headline: bool
    # First in its paragraph or sentence, where any word is capitalised.
    sentence_start: bool


def tokens(source: str) -> list[Token]:
    """The source's words as tokens; punctuation-only runs leave only a boundary."""
    found: list[Token] = []
    for paragraph in _PARAGRAPH.finditer(source):
        # A paragraph break ends whatever came before it: headlines have no full stop.
        headline = _is_headline(paragraph.group())
        pending = sentence_start = True
        for match in re.finditer(r"\S+", paragraph.group()):
            raw = match.group()
            lead = len(raw) - len(raw.lstrip(_OPENING))
            body = raw[lead:].rstrip(_CLOSING)
            trail = raw[lead + len(body) :]
            if trail.startswith(".") and _ABBREVIATION.fullmatch(body + "."):
                body, trail = body + ".", trail[1:]  # "U.S." keeps its full stop
            possessive = _POSSESSIVE.search(body) if len(body) > 2 else None
            if possessive:
                body = body[: possessive.start()]  # "Putin’s" is "Putin", and ends the name
            words = tuple(normalise(body).split())
            # A single word in brackets, "(THAAD)", is an aside inside the phrase, not a break.
            aside = raw.startswith("(") and trail.endswith(")") and not possessive
            if lead and not aside:
                pending = True
            if words:
                start = paragraph.start() + match.start() + lead
                capitalised = body[:1].isupper()
                found.append(Token(body, words, capitalised, pending, start, headline, sentence_start))
                pending = sentence_start = False
            if aside:
                trail = trail[:-1]
            if possessive or not words or any(char in _ENDS_CLAUSE for char in trail):
                pending = True
            if any(char in _ENDS_SENTENCE for char in trail):
                sentence_start = True
    return found


def _is_headline(paragraph: str) -> bool:
    """Every word of four letters or more is capitalised: title case, as headlines are."""
    long_words = [word for word in _LETTER_WORD.findall(paragraph) if len(word) >= 4]
    return len(long_words) >= 2 and all(word[:1].isupper() for word in long_words)


def occurrences(toks: Sequence[Token], answer: str) -> list[tuple[int, int]]:
    """(first, last) token indexes of every place the answer appears as whole tokens."""
    wanted = tuple(normalise(answer).split())
    if not wanted:
        return []
    found = []
    for i, token in enumerate(toks):
        if token.words[0] != wanted[0]:
            continue
        words: tuple[str, ...] = ()
        j = i
        while j < len(toks) and len(words) < len(wanted):
            if j > i and toks[j].boundary_before:
                break
            words += toks[j].words
            j += 1
        if words == wanted:
            found.append((i, j - 1))
    return found


def name_words(toks: Sequence[Token]) -> frozenset[str]:
    """Words the source capitalises where nothing else would: inside a sentence."""
    return frozenset(t.text for t in toks if t.capitalised and not t.sentence_start and not t.headline)


def name_chain(toks: Sequence[Token], first: int, names: frozenset[str]) -> list[int]:
    """Starts of the capitalised names running into token `first`, nearest first.

    From "Russian Foreign Minister Sergei Lavrov" and the index of "Lavrov": the indexes of
    "Sergei", "Minister", "Foreign" and "Russian". Connectors may sit inside a name
    ("Secretary of State") but not right before the answer ("Mayor of Hamburg" is not a
    name for Hamburg). A name never starts with a function word ("And Tillerson"); a word
    that opens a sentence counts only if the source capitalises it elsewhere too (`names`);
    headlines, where every word is capitalised, give no names.
    """
    starts: list[int] = []
    if toks[first].headline:
        return starts
    k = first
    while k > 0 and not toks[k].boundary_before:
        k -= 1
        token = toks[k]
        if token.text in CONNECTORS and k < first - 1:
            continue
        if (
            not token.capitalised
            or token.text.casefold() in FUNCTION_WORDS
            or (token.sentence_start and token.text not in names)
        ):
            break
        starts.append(k)
    return starts


def _runs_on(toks: Sequence[Token], last: int) -> bool:
    """Whether a capitalised word follows the answer within the clause ("York Minster")."""
    following = toks[last + 1] if last + 1 < len(toks) else None
    return (
        following is not None
        and not following.boundary_before
        and following.capitalised
        and following.text.casefold() not in FUNCTION_WORDS
    )


def phrase(toks: Sequence[Token], first: int, last: int) -> str:
    return " ".join(token.text for token in toks[first : last + 1])


def passage(source: str, toks: Sequence[Token], first: int, last: int) -> str:
    """Tokens first..last as the source writes them, brackets and all, on one line."""
    end = toks[last].start + len(toks[last].text)
    text = source[toks[first].start : end]
    if text.count("(") > text.count(")"):
        text += ")"
    return " ".join(text.split())


def _agree(toks: Sequence[Token], chains: list[list[int]]) -> bool:
    """Whether every name's words are among the longest one's ("Mayor Schmidt" and
    "Mayor Anna Schmidt" agree; "North Korea" and "South Korea" do not)."""
    if not chains:
        return True
    word_sets = [{toks[k].text.casefold() for k in range(starts[-1], starts[0] + 1)} for starts in chains]
    longest = max(word_sets, key=len)
    return all(words <= longest for words in word_sets)


def fuller_forms(source: str, accept: Sequence[str], toks: Sequence[Token] | None = None) -> tuple[str, ...]:
    """The source's fuller names for the accepted answers, as the source writes them.

    For each accepted answer that the source also uses on its own, every capitalised name
    it runs on from: "Sergei Lavrov", "Minister Sergei Lavrov", ... "Russian Foreign
    Minister Sergei Lavrov" for "Lavrov". Only names that end in the answer: words after it
    would make another thing of it ("Hamburg Airport" is not the city). None when the source
    gives the short form two different fuller names ("North Korea", "South Korea").
    """
    toks = tokens(source) if toks is None else toks
    names = name_words(toks)
    forms: dict[str, None] = {}
    for answer in accept:
        chains = [(last, name_chain(toks, first, names)) for first, last in occurrences(toks, answer)]
        if not any(not starts and not _runs_on(toks, last) for last, starts in chains):
            continue  # never used alone: no sign that the short form is the thing's name
        if not _agree(toks, [starts for _, starts in chains if starts]):
            continue  # "North Korea" and "South Korea": the short form names no one thing
        for last, starts in chains:
            for start in starts:
                forms[phrase(toks, start, last)] = None
    return tuple(forms)
