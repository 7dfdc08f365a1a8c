"""answer-leak (QG101) and hint-leak (QG102): right answers shown before they are asked.

Questions are shuffled, and every question's explanation and quote are shown after it is
answered, so any other question's text may come first; the pack's title and the section
titles are on screen before any question is. A question's answer is given away where the
words that pick it out (its key) all appear in one sentence of such a text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from quizgame.packs.lint.context import Context, Finding, Loc, Piece
from quizgame.packs.lint.words import sentences
from quizgame.packs.pack import Question

# Words that give an answer away only do so in a text about the same thing, one that also
# holds some of the question's prompt words: one is enough when the answer has a rare word
# (context.RARE_SHARE); otherwise this many, or one rare one; and both when every word of
# the answer is one most questions share (context.COMMON_SHARE).
CONTEXT_WORDS = 2
# A hint for a `multiple` question may not say how many choices are right.
_COUNT_WORDS = {1: ("one", "single"), 2: ("two", "both", "pair"), 3: ("three",), 4: ("four",), 5: ("five",)}


class Key(NamedTuple):
    """What gives a question's answer away: all of `stems` in one sentence of a text that
    is about the question's subject (holds enough of the `context` words, the prompt's)."""

    stems: frozenset[str]
    shown: str  # the answer, as the pack writes it
    context: frozenset[str]
    weak: bool  # made only of words most questions share


def keys(ctx: Context, q: Question) -> list[Key]:
    """The keys of a question's right answers: every accepted form, every right choice."""
    words = ctx.words
    prompt = words.stems(q.prompt)
    found: list[Key] = []
    if q.type == "short":
        for form in q.accept:  # type: ignore[union-attr]
            found.append(_key(ctx, form, set(), prompt))
    elif q.type in ("single", "multiple"):
        right = [q.answer] if q.type == "single" else list(q.answers)  # type: ignore[union-attr]
        wrong = [c for c in q.choices if c not in right]  # type: ignore[union-attr]
        wrong_stems = set().union(*(words.stems(c) for c in wrong)) if wrong else set()
        for choice in right:
            found.append(_key(ctx, choice, wrong_stems, prompt))
    usable = [k for k in found if k.stems]
    # A key that holds another is given away only where that one is: keep the smallest.
    return [k for k in usable if not any(o.stems < k.stems for o in usable)]


def _key(ctx: Context, answer: str, wrong: set[str], prompt: set[str]) -> Key:
    stems = ctx.words.stems(answer)
    distinctive = stems - wrong - ctx.common
    if not distinctive:
        # Every word is shared with a wrong choice or with most questions: only the whole
        # answer picks it out ("Putin and Trump" among "Trump and Tillerson", ...).
        distinctive = stems - wrong or stems
    context = frozenset(prompt - distinctive - ctx.common)
    return Key(frozenset(distinctive), answer, context, distinctive <= ctx.common)


def _about(ctx: Context, key: Key, text: str) -> bool:
    """Whether a text is about the key's question: it holds its prompt's words."""
    if not key.context:
        return True
    present = key.context & ctx.words.stems(text)
    rare = any(ctx.rare(stem) for stem in present)
    if key.weak:
        return rare and len(present) >= CONTEXT_WORDS
    if any(ctx.rare(stem) for stem in key.stems):
        return bool(present)
    return rare or len(present) >= CONTEXT_WORDS


def _found(ctx: Context, key: Key, text: str, *, own: bool = False) -> int | None:
    """Offset of the first word of the key in the first sentence of `text` that holds it."""
    if not own and not _about(ctx, key, text):
        return None
    for start, end in sentences(text):
        words = ctx.words.words(text[start:end])
        if key.stems <= {w.stem for w in words}:
            first = next(w for w in words if w.stem in key.stems)
            return start + first.start
    return None


def _leak(ctx: Context, piece: Piece, question_keys: list[Key], *, own: bool = False) -> tuple[Key, int] | None:
    for key in question_keys:
        offset = _found(ctx, key, piece.text, own=own)
        if offset is not None:
            return key, offset
    return None


def check(ctx: Context) -> Iterator[Finding]:
    pack = ctx.pack
    titles: list[Piece] = [Piece(("title",), pack.title, "the pack's title")]
    for s, section in enumerate(pack.sections):
        titles.append(Piece(("sections", s, "title"), section.title, f"the title of section '{section.id}'"))
    shown = [ctx.shown(i) for i in range(len(pack.questions))]

    for i, q in enumerate(pack.questions):
        question_keys = keys(ctx, q)
        if not question_keys:
            continue
        own = Piece(("questions", i, "prompt"), q.prompt, "the prompt")
        for piece in [own, *titles]:
            hit = _leak(ctx, piece, question_keys, own=piece is own)
            if hit:
                key, offset = hit
                whose = "its own answer" if piece.loc[0] == "questions" else f"the answer to '{q.id}'"
                yield ctx.finding(
                    "QG101",
                    piece.loc,
                    f"{piece.label} gives away {whose} (\"{key.shown}\")",
                    q.id,
                    offset,
                )
        if q.hint:
            hit = _leak(ctx, Piece(("questions", i, "hint"), q.hint, "the hint"), question_keys, own=True)
            if hit:
                key, offset = hit
                yield ctx.finding("QG102", ("questions", i, "hint"), f"the hint contains the answer (\"{key.shown}\")", q.id, offset)
        for j, pieces in enumerate(shown):
            if j == i:
                continue
            other = pack.questions[j]
            for piece in pieces:
                hit = _leak(ctx, piece, question_keys)
                if hit:
                    key, offset = hit
                    yield ctx.finding(
                        "QG101",
                        piece.loc,
                        f"{piece.label} of '{other.id}' gives away the answer to '{q.id}' (\"{key.shown}\")",
                        other.id,
                        offset,
                    )
                    break  # one finding per question that leaks, at the first place it does

    yield from _counting_hints(ctx)


def _counting_hints(ctx: Context) -> Iterator[Finding]:
    """A hint that says how many choices of a `multiple` question are right."""
    for i, q in enumerate(ctx.pack.questions):
        if q.type != "multiple" or not q.hint:
            continue
        count = len(q.answers)  # type: ignore[union-attr]
        names = (str(count),) + _COUNT_WORDS.get(count, ())
        match = re.search(r"\b(" + "|".join(names) + r")\b", q.hint, re.IGNORECASE)
        if match:
            yield ctx.finding(
                "QG102",
                ("questions", i, "hint"),
                f"the hint says how many choices are right (\"{match.group()}\"); players then only count",
                q.id,
                match.start(),
            )
