"""What loading a pack produces: the validated pack, or located problems."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from quizgame.readonly_record import Record
from quizgame.safe_text import escaped

if TYPE_CHECKING:
    from quizgame.packs.pack import Pack


class Problem(NamedTuple):
    """One thing wrong with a pack, at a 1-based line and column.

    Ordered by path, line, column, message. A NamedTuple rather than an ordered frozen
    dataclass, which costs every start-up over a millisecond to define.
    """

    path: Path
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        # A file's name is outside text too: the message already is escaped.
        return f"{escaped(str(self.path))}:{self.line}:{self.col}: {self.message}"


class PackError(Exception):
    """A pack that cannot be played. Carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("PackError needs at least one problem")
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class LoadedPack(Record):
    """A pack that passed every check, with the source text its quotes were found in."""

    __slots__ = ("pack", "path", "source_text", "content_hash", "quote_spans", "fuller_forms")
    # The runtime objects of pack.py, not the pydantic models.
    pack: Pack
    path: Path
    source_text: str
    # sha256 over the pack bytes, the source bytes and the format version: results from an
    # edited pack are never mixed up with results from the original.
    content_hash: str
    # question id -> (start, end) offsets in source_text, one per quote fragment.
    quote_spans: dict[str, tuple[tuple[int, int], ...]]
    # short question id -> the source's fuller names for its accepted answers, which the
    # matcher accepts too ("Russian Foreign Minister Sergei Lavrov" for "Lavrov").
    fuller_forms: dict[str, tuple[str, ...]]

    def __init__(
        self,
        pack: Pack,
        path: Path,
        source_text: str,
        content_hash: str,
        quote_spans: dict[str, tuple[tuple[int, int], ...]] | None = None,
        fuller_forms: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        super().__init__(
            pack,
            path,
            source_text,
            content_hash,
            {} if quote_spans is None else quote_spans,
            {} if fuller_forms is None else fuller_forms,
        )

    @property
    def id(self) -> str:
        return self.pack.id

    @property
    def title(self) -> str:
        return self.pack.title
