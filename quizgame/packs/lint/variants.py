"""short-variants (QG501): a short answer that refuses the source's own fuller wording.

A student who answers in the source's words is right. Where an accepted answer appears in
the source inside a longer phrase, the phrase is tried against the question the way the
game tries a typed answer, and a phrase it would refuse is suggested for `accept`. The
longer phrases are the capitalised name the answer ends (names.name_chain: "Secretary of
State Rex Tillerson") and, for an answer written in capitals (an abbreviation used as a
name, "THAAD"), the words that go on describing it ("THAAD missile defense system").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from quizgame.packs.function_words import FUNCTION_WORDS
from quizgame.packs.lint.context import Context, Finding
from quizgame.packs.names import Token, name_chain, name_words, occurrences, passage, tokens
from quizgame.packs.textmatch import match_short

# After an abbreviation, a longer phrase runs on over at most this many words, none of them
# a function word or a word that looks like a verb or an adverb.
RUN_ON_WORDS = 4
_VERB_ENDINGS = ("ed", "ing", "ly")


def _runs_on(toks: Sequence[Token], last: int) -> int:
    """The last token of the phrase that continues the answer after `last`."""
    end = last
    letters = [char for char in toks[last].text if char.isalpha()]
    if len(letters) < 2 or not all(char.isupper() for char in letters):
        return end  # only an abbreviation is used as a word that describes more
    while end + 1 < len(toks) and end - last < RUN_ON_WORDS:
        token = toks[end + 1]
        word = token.text.casefold()
        looks_like_verb = word.endswith(_VERB_ENDINGS) or (word.endswith("s") and not word.endswith(("ss", "us", "is")))
        if token.boundary_before or token.headline or word in FUNCTION_WORDS or looks_like_verb:
            break
        end += 1
    return end


def check(ctx: Context) -> Iterator[Finding]:
    source = ctx.loaded.source_text
    toks = tokens(source)
    names = name_words(toks)
    for i, q in enumerate(ctx.pack.questions):
        if q.type != "short":
            continue
        accept: tuple[str, ...] = q.accept  # type: ignore[union-attr]
        fuller = ctx.loaded.fuller_forms.get(q.id, ())
        suggested: set[str] = set()
        for a, answer in enumerate(accept):
            for first, last in occurrences(toks, answer):
                starts = name_chain(toks, first, names)
                begin = starts[-1] if starts else first
                end = _runs_on(toks, last)
                for lo, hi in {(begin, last), (first, end), (begin, end)} - {(first, last)}:
                    text = passage(source, toks, lo, hi)
                    if text in suggested or match_short(text, accept, exact=q.exact, fuller=fuller).correct:  # type: ignore[union-attr]
                        continue
                    suggested.add(text)
                    yield ctx.finding(
                        "QG501",
                        ("questions", i, "accept", a),
                        f"the source calls it \"{text}\", which is refused; add it to 'accept' "
                        "if it is a right answer",
                        q.id,
                    )
