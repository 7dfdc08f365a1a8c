"""Finding quotes in the source text.

A quote must appear in the source word for word. The only differences forgiven are the
ones a keyboard introduces: runs of whitespace (including line breaks and non-breaking
spaces) count as one space, curly quotes and apostrophes match straight ones, dashes match
a hyphen, and an ellipsis character matches three dots. Case and punctuation must match.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from difflib import SequenceMatcher

_SAME_WIDTH = {
    **{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032"},
    **{c: '"' for c in "\u201c\u201d\u201e\u201f\u2033"},
    **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"},
    # Every character str.isspace() accepts, non-breaking spaces included, is a space.
    **{c: " " for c in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003"
       "\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"},
}
_TABLE = str.maketrans(_SAME_WIDTH)
# After translation, only these change length: runs of spaces and the ellipsis character.
_RESIZE = re.compile(" {2,}|\u2026")

# Index the source by the characters at each word start once there are enough quotes that
# scanning the whole source for each would cost more than building the index.
_KEY = 8
_INDEX_AFTER = 64
# Suggestions compare passages character by character: keep them to sensible quotes.
_SUGGEST_MAX = 1000
_SUGGEST_WORDS = 60


def normalise(text: str) -> str:
    """A quote as it is searched for."""
    text = text.translate(_TABLE)
    if "\u2026" in text:
        text = text.replace("\u2026", "...")
    if "  " in text:
        text = re.sub(" {2,}", " ", text)
    return text.strip(" ")


class Source:
    """A source text, normalised once, with a map back to the original's offsets."""

    def __init__(self, original: str) -> None:
        self.original = original
        translated = original.translate(_TABLE)
        pieces: list[str] = []
        # Edits where the normalised text's length differs from the original's:
        # (normalised start, normalised end, original start, original end).
        self._edits: list[tuple[int, int, int, int]] = []
        self._edit_starts: list[int] = []
        position = 0
        length = 0
        for match in _RESIZE.finditer(translated):
            start, end = match.span()
            pieces.append(translated[position:start])
            length += start - position
            replacement = "..." if match.group() == "\u2026" else " "
            pieces.append(replacement)
            self._edit_starts.append(length)
            self._edits.append((length, length + len(replacement), start, end))
            length += len(replacement)
            position = end
        pieces.append(translated[position:])
        self.text = "".join(pieces)
        self._has_ellipsis = "\u2026" in translated
        self._index: dict[str, list[int]] | None = None
        self._lookups = 0

    # -- offsets -------------------------------------------------------------------------

    def _original_offset(self, offset: int, *, end: bool) -> int:
        i = bisect_right(self._edit_starts, offset) - 1
        if i < 0:
            return offset
        n_start, n_end, o_start, o_end = self._edits[i]
        if offset < n_end or (end and offset == n_end):
            # Inside a collapsed run or an expanded ellipsis: snap to its edges.
            return o_end if end and offset > n_start else o_start
        return o_end + (offset - n_end)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self._original_offset(start, end=False), self._original_offset(end, end=True)

    # -- search --------------------------------------------------------------------------

    def find(self, fragment: str, start: int = 0) -> int:
        """Where a normalised fragment first appears at or after `start`, or -1.

        Once there have been enough lookups, an index of word starts answers for fragments
        with a space in them: wherever such a fragment appears, a word starts right after
        its first space, so looking that word up finds every place it could be.
        """
        self._lookups += 1
        if self._index is None and self._lookups > _INDEX_AFTER:
            self._index = self._build_index()
        space = fragment.find(" ")
        if self._index is not None and space != -1 and len(fragment) - space - 1 >= _KEY:
            positions = self._index.get(fragment[space + 1 : space + 1 + _KEY], [])
            text = self.text
            for i in range(bisect_left(positions, start + space + 1), len(positions)):
                at = positions[i] - space - 1
                if text.startswith(fragment, at) and not self._cuts_ellipsis(at, at + len(fragment)):
                    return at
            return -1
        at = self.text.find(fragment, start)
        while at != -1 and self._cuts_ellipsis(at, at + len(fragment)):
            at = self.text.find(fragment, at + 1)
        return at

    def match(self, fragments: list[str]) -> tuple[list[tuple[int, int]], int | None]:
        """Spans of fragments found in this order (each at its earliest place after the one
        before), and the index of the first fragment not found, if any."""
        spans: list[tuple[int, int]] = []
        position = 0
        for j, fragment in enumerate(fragments):
            at = self.find(fragment, position)
            if at == -1:
                return spans, j
            spans.append((at, at + len(fragment)))
            position = at + len(fragment)
        return spans, None

    def _cuts_ellipsis(self, start: int, end: int) -> bool:
        # "Tuesday." must not match the "Tuesday." inside "Tuesday..." written for "Tuesday…".
        if not self._has_ellipsis:
            return False
        for offset in (start, end):
            i = bisect_right(self._edit_starts, offset) - 1
            if i >= 0:
                n_start, n_end, o_start, o_end = self._edits[i]
                if n_start < offset < n_end:
                    return True
        return False

    def _build_index(self) -> dict[str, list[int]]:
        # Key: the first characters of each word (after a space, or at the start);
        # positions are appended in increasing order.
        index: dict[str, list[int]] = {}
        text = self.text
        position = 0
        for word in text.split(" "):
            if word:
                index.setdefault(text[position : position + _KEY], []).append(position)
            position += len(word) + 1
        return index

    def suggest(self, fragment: str) -> str | None:
        """The passage of the source most like a fragment that was not found, if any is close."""
        if len(fragment) > _SUGGEST_MAX:
            return None
        words = fragment.split(" ")[:_SUGGEST_WORDS]
        text = self.text
        # Candidate places: where runs of the fragment's words appear, longest runs first,
        # each vote for the place the fragment would start.
        votes: Counter[int] = Counter()
        for size in (4, 3, 2, 1):
            for i in range(0, max(1, len(words) - size + 1)):
                phrase = " ".join(words[i : i + size])
                if len(phrase) < 3:
                    continue
                offset = len(" ".join(words[:i])) + (1 if i else 0)
                at = text.find(phrase)
                for _ in range(5):
                    if at == -1:
                        break
                    votes[max(0, at - offset)] += size
                    at = text.find(phrase, at + 1)
            if len(votes) >= 3:
                break
        starts = [start for start, _ in votes.most_common(30)]
        best: tuple[float, int, int] | None = None
        for start in starts:
            window_start = self._word_start(max(0, start - 10), start)
            window_end = self._word_end(min(len(text), start + len(fragment) + 10), start + len(fragment))
            for ws, we in ((start, start + len(fragment)), (window_start, window_end)):
                ws, we = self._snap(ws, we)
                candidate = text[ws:we]
                matcher = SequenceMatcher(None, fragment, candidate, autojunk=False)
                if matcher.real_quick_ratio() < 0.5 or matcher.quick_ratio() < 0.5:
                    continue
                ratio = matcher.ratio()
                if best is None or ratio > best[0]:
                    best = (ratio, ws, we)
        if best is None or best[0] < 0.6:
            return None
        start, end = self.original_span(best[1], best[2])
        return " ".join(self.original[start:end].split())

    def _snap(self, start: int, end: int) -> tuple[int, int]:
        """Widen a window to whole words."""
        text = self.text
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        return start, min(end, len(text))

    def _word_start(self, lower: int, start: int) -> int:
        space = self.text.rfind(" ", lower, start)
        return space + 1 if space != -1 else start

    def _word_end(self, upper: int, end: int) -> int:
        space = self.text.find(" ", end, upper)
        return space if space != -1 else end
