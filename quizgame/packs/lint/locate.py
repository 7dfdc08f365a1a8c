"""Where a word inside a YAML value is in the file, so a finding points at the word itself.

A value's words are the words written in the file between the node's start and end marks,
in the same order: YAML folding, indentation and quoting change the spaces between them,
never the words. (An escape such as \\u2019 changes a word's length, not the count; when
the counts differ all the same, the finding points at the value's first character.)
"""

from __future__ import annotations

import re
from bisect import bisect_right

from yaml.nodes import Node, ScalarNode

from quizgame.packs.reader import line_col

_WORD = re.compile(r"\S+")


class Locator:
    """0-based (line, column) of nodes and of offsets inside scalar values."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Offsets where each line starts, counting breaks as libyaml does (CRLF, LF, CR).
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", text)]

    def offset(self, line: int, column: int) -> int:
        return self._line_starts[line] + column

    def node(self, node: Node) -> tuple[int, int]:
        return node.start_mark.line, node.start_mark.column

    def inside(self, node: Node, value_offset: int) -> tuple[int, int]:
        """The file position of the character at `value_offset` in a scalar's value."""
        if not isinstance(node, ScalarNode) or value_offset < 0:
            return self.node(node)
        start = self.offset(node.start_mark.line, node.start_mark.column)
        end = self.offset(node.end_mark.line, node.end_mark.column)
        raw = self.text[start:end]
        body = 0
        if node.style in ("|", ">"):
            body = raw.find("\n") + 1 if "\n" in raw else len(raw)  # after the header line
        elif node.style in ("'", '"'):
            body = 1
        value_words = [m.span() for m in _WORD.finditer(node.value)]
        raw_words = [(m.start() + body, m.end() + body) for m in _WORD.finditer(raw[body:])]
        if node.style in ("'", '"') and raw_words:
            last_start, last_end = raw_words[-1]
            raw_words[-1] = (last_start, last_end - 1)  # the closing quote
        if len(value_words) != len(raw_words):
            return self.node(node)
        i = bisect_right([s for s, _ in value_words], value_offset) - 1
        if i < 0:
            return self.node(node)
        word_start, word_end = value_words[i]
        raw_start, raw_end = raw_words[i]
        within = min(value_offset - word_start, max(0, raw_end - raw_start - 1))
        if word_end - word_start != raw_end - raw_start:
            within = 0  # an escape inside the word: its start is the best guess
        return line_col(self.text, start + raw_start + within)
