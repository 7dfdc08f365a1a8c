"""Proposing, for an imported question, the passage of a source text that supports it.

The source is read as the validator reads it (quotes.Source: the same normalisation, and
offsets mapped back to the original text), so every proposal is found word for word when
the pack is validated. When the question's explanation is close to a passage, the
validator's own "did you mean" search (Source.suggest) finds it; otherwise the proposal is
the sentence holding most of the right answer's words, then the explanation's and the
prompt's. Each proposal is written with a `# check` marker: it is a guess for the author
to confirm, never a verified quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict

from quizgame.packs.convert.build import explanation
from quizgame.packs.convert.model import Imported
from quizgame.packs.quotes import Source, normalise

MAX_PROPOSAL = 400
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]* +|\n")
# Words too common to say where a passage is.
_COMMON = frozenset(
    """
    about above after again against also among and any are because been before being below
    between both but can could did does doing down during each few for from further had has
    have having her here hers herself him himself his how into its itself just more most
    not now off once only other our ours out over own same she should some such than that
    the their theirs them then there these they this those through too under until very
    was were what when where which while who whom why will with would you your yours
    true false which whose
    """.split()
)


def _words(text: str) -> list[str]:
    return [w for w in (m.group().casefold() for m in _WORD.finditer(text)) if _content(w)]


def _content(word: str) -> bool:
    return (len(word) >= 3 or word.isdigit()) and word not in _COMMON


class Proposer:
    """Proposals from one source text; build it once, ask for every question."""

    def __init__(self, text: str) -> None:
        self.source = Source(text)
        normal = self.source.text
        starts = [0]
        for match in _SENTENCE_END.finditer(normal):
            starts.append(match.end())
        self.starts = starts
        self.ends = starts[1:] + [len(normal)]
        self.index: dict[str, set[int]] = defaultdict(set)
        for match in _WORD.finditer(normal):
            word = match.group().casefold()
            if _content(word):
                self.index[word].add(bisect_right(starts, match.start()) - 1)

    def propose(self, item: Imported) -> str | None:
        """A passage of the source for the question's quote, or None when none fits."""
        said = explanation(item)
        if said:
            near = self.source.suggest(normalise(" ".join(said.split())))
            if near:
                return near
        if item.kind == "true_false":
            weighted = [(_words(item.prompt), 3), (_words(said or ""), 2)]
        else:
            right = item.answers if item.kind in ("single", "multiple") else item.accept[:1]
            weighted = [(_words(" ".join(right)), 3), (_words(said or ""), 2), (_words(item.prompt), 1)]
        key = weighted[0][0]
        scores: dict[int, int] = defaultdict(int)
        for words, weight in weighted:
            for word in set(words):
                for sentence in self.index.get(word, ()):
                    scores[sentence] += weight * (2 if word in key else 1)
        if not scores:
            return None
        best = max(scores, key=lambda s: (scores[s], -s))
        found = {w for w in key if best in self.index.get(w, ())}
        if key and not found and item.kind != "true_false":
            return None  # no sentence names the right answer: better no guess than a wrong one
        return self._passage(best)

    def _passage(self, sentence: int) -> str | None:
        start, end = self.starts[sentence], self.ends[sentence]
        text = self.source.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start > MAX_PROPOSAL:
            cut = text.rfind(" ", start, start + MAX_PROPOSAL)
            end = cut if cut > start else start + MAX_PROPOSAL
        if end <= start:
            return None
        o_start, o_end = self.source.original_span(start, end)
        passage = " ".join(self.source.original[o_start:o_end].split())
        return passage or None
