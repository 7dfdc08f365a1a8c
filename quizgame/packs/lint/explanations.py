"""restated-explanation (QG301) and copied-explanation (QG302).

An explanation is shown after the answer, beside the quote. It should add what a student
needs to understand the answer, in the author's own words: not repeat the prompt and the
answer, and not copy the source, which the quote already shows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from quizgame.packs.lint.context import Context, Finding
from quizgame.packs.lint.words import fold
from quizgame.packs.pack import Question

# An explanation with fewer new words than this (not in the prompt or the right answer,
# not fillers, not words most questions share) restates them.
RESTATED_MIN_NEW_WORDS = 4
# Copied: a run of this many words (or more) found word for word in the source...
COPIED_RUN_WORDS = 8
# ...or this share of the explanation's words inside runs of COPIED_SHORT_RUN words or more.
COPIED_SHARE = 0.5
COPIED_SHORT_RUN = 4


def answer_text(q: Question) -> str:
    if q.type == "single":
        return q.answer  # type: ignore[union-attr,return-value]
    if q.type == "multiple":
        return "\n".join(q.answers)  # type: ignore[union-attr]
    if q.type == "short":
        return "\n".join(q.accept)  # type: ignore[union-attr]
    return ""


def check(ctx: Context) -> Iterator[Finding]:
    yield from _restated(ctx)
    yield from _copied(ctx)


def _restated(ctx: Context) -> Iterator[Finding]:
    for i, q in enumerate(ctx.pack.questions):
        known = ctx.words.stems(q.prompt) | ctx.words.stems(answer_text(q))
        new = {w.stem for w in ctx.content(q.explanation)} - known
        if len(new) < RESTATED_MIN_NEW_WORDS:
            shown = ", ".join(sorted(w.folded for w in ctx.content(q.explanation) if w.stem in new)) or "none"
            yield ctx.finding(
                "QG301",
                ("questions", i, "explanation"),
                f"the explanation adds {len(new)} word(s) to the prompt and the answer ({shown}); "
                "say why the answer is right, with the context a student needs",
                q.id,
            )


class _Word(NamedTuple):
    folded: str
    start: int


def written_words(text: str) -> list[_Word]:
    """Words as written, between spaces ("G-20" is one), case, accents and punctuation folded."""
    found = []
    for match in re.finditer(r"\S+", text):
        folded = "".join(fold(part) for part in re.findall(r"[^\W_]+", match.group()))
        if folded:
            found.append(_Word(folded, match.start()))
    return found


def _copied(ctx: Context) -> Iterator[Finding]:
    source = [w.folded for w in written_words(ctx.loaded.source_text)]
    explanations = [(i, q, written_words(q.explanation)) for i, q in enumerate(ctx.pack.questions)]
    # Where each word pair of the explanations starts in the source, found in one pass.
    wanted = {(a.folded, b.folded) for _, _, words in explanations for a, b in zip(words, words[1:])}
    starts: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k in range(len(source) - 1):
        pair = (source[k], source[k + 1])
        if pair in wanted:
            starts[pair].append(k)

    for i, q, words in explanations:
        folded = [w.folded for w in words]
        runs = _runs(folded, source, starts)
        longest = max(runs, key=lambda run: run[1] - run[0], default=(0, 0))
        length = longest[1] - longest[0]
        covered = set()
        for start, end in runs:
            if end - start >= COPIED_SHORT_RUN:
                covered.update(range(start, end))
        share = len(covered) / len(words) if words else 0.0
        if length >= COPIED_RUN_WORDS:
            yield ctx.finding(
                "QG302",
                ("questions", i, "explanation"),
                f"the explanation copies {length} words in a row from the source "
                f"({round(100 * share)}% of it is copied); explain in your own words: the quote "
                "already shows the source's",
                q.id,
                words[longest[0]].start,
            )
        elif share >= COPIED_SHARE and len(words) >= COPIED_SHORT_RUN * 2:
            yield ctx.finding(
                "QG302",
                ("questions", i, "explanation"),
                f"{round(100 * share)}% of the explanation is copied from the source in runs of "
                f"{COPIED_SHORT_RUN} words or more; explain in your own words",
                q.id,
            )


def _runs(words: list[str], source: list[str], starts: dict[tuple[str, str], list[int]]) -> list[tuple[int, int]]:
    """(start, end) of the longest run of source words beginning at each explanation word."""
    runs = []
    for i in range(len(words) - 1):
        best = 0
        for k in starts.get((words[i], words[i + 1]), ()):
            n = 2
            while i + n < len(words) and k + n < len(source) and words[i + n] == source[k + n]:
                n += 1
            best = max(best, n)
        if best:
            runs.append((i, i + best))
    return runs
