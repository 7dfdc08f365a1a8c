"""What every lint rule reads: the checked pack, its YAML nodes, and its words.

Rules find text by its place in the pack (a pydantic-style location such as
("questions", 3, "hint")), and report at the node there, or at a word inside it.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from quizgame.packs.lint.codes import BY_CODE
from quizgame.packs.lint.locate import Locator
from quizgame.packs.lint.words import Word, Words
from quizgame.packs.pack import Question
from quizgame.packs.reader import Document
from quizgame.packs.schema_errors import find_node
from quizgame.packs.types import LoadedPack

Loc = tuple[object, ...]

# A word is "shared by every question", and so says nothing about any one answer, when at
# least this share of the questions use it (counted only in packs of COMMON_MIN_QUESTIONS
# or more: in a small pack every word is in a large share of it).
COMMON_SHARE = 0.5
COMMON_MIN_QUESTIONS = 8
# A word fewer than this share of the questions use is rare: on its own it ties a text to a
# question's subject (in packs smaller than COMMON_MIN_QUESTIONS, every word is rare).
RARE_SHARE = 0.2


class Finding(NamedTuple):
    """One fault, at a 1-based line and column, ordered by position."""

    line: int
    col: int
    code: str
    message: str
    # The question whose `lint` silence applies; None for the pack as a whole.
    question: str | None

    @property
    def rule(self) -> str:
        return BY_CODE[self.code].name


class Piece(NamedTuple):
    """A text of the pack, where it is, and what a reader calls it."""

    loc: Loc
    text: str
    label: str  # "the prompt", "choice 2", "the explanation", ...


class Context:
    def __init__(self, doc: Document, loaded: LoadedPack) -> None:
        assert doc.root is not None
        self.doc = doc
        self.root = doc.root
        self.loaded = loaded
        self.pack = loaded.pack
        self.locator = Locator(doc.text)
        self.words = Words(self.pack.language)
        self.uses = self._uses()
        n = len(self.pack.questions)
        small = n < COMMON_MIN_QUESTIONS
        self.common = frozenset() if small else frozenset(s for s, k in self.uses.items() if k >= COMMON_SHARE * n)
        self._rare_below = float("inf") if small else RARE_SHARE * n

    # -- places --------------------------------------------------------------------------

    def position(self, loc: Loc, offset: int = 0) -> tuple[int, int]:
        """1-based line and column of a location, or of a character inside its value."""
        line, col = self.locator.inside(find_node(self.root, loc), offset)
        return line + 1, col + 1

    def finding(self, code: str, loc: Loc, message: str, question: str | None, offset: int = 0) -> Finding:
        line, col = self.position(loc, offset)
        return Finding(line, col, code, message, question)

    def key_position(self, loc: Loc) -> tuple[int, int]:
        node = find_node(self.root, loc, key=True)
        return node.start_mark.line + 1, node.start_mark.column + 1

    # -- texts ---------------------------------------------------------------------------

    def index(self, question: Question) -> int:
        return self.pack.questions.index(question)

    def shown(self, i: int) -> list[Piece]:
        """Every text of question i a player sees, before or after answering it."""
        q = self.pack.questions[i]
        where: Loc = ("questions", i)
        pieces = [Piece(where + ("prompt",), q.prompt, "the prompt")]
        for j, choice in enumerate(getattr(q, "choices", ())):
            pieces.append(Piece(where + ("choices", j), choice, f"choice {j + 1}"))
        if q.type == "short":
            pieces.append(Piece(where + ("accept", 0), q.accept[0], "the answer shown"))  # type: ignore[union-attr]
        if q.hint:
            pieces.append(Piece(where + ("hint",), q.hint, "the hint"))
        pieces.append(Piece(where + ("explanation",), q.explanation, "the explanation"))
        if isinstance(q.quote, str):
            pieces.append(Piece(where + ("quote",), q.quote, "the quote"))
        else:
            for j, fragment in enumerate(q.quote):
                pieces.append(Piece(where + ("quote", j), fragment, f"quote fragment {j + 1}"))
        return pieces

    def own_text(self, q: Question) -> str:
        """What a question says in its own words (not its quote), for counting words."""
        parts = [q.prompt, q.explanation, q.hint or "", *getattr(q, "choices", ()), *getattr(q, "accept", ())]
        return "\n".join(parts)

    def _uses(self) -> Counter[str]:
        """How many questions use each word (stem) in their own text."""
        counts: Counter[str] = Counter()
        for q in self.pack.questions:
            counts.update(self.words.stems(self.own_text(q)))
        return counts

    def rare(self, stem: str) -> bool:
        return self.uses[stem] < self._rare_below

    def content(self, text: str) -> list[Word]:
        """Words that carry meaning: no fillers, no words every question shares."""
        return self.words.content(text, self.common)

    def stems(self, text: str) -> set[str]:
        return {w.stem for w in self.content(text)}
