"""Text from other tools as quizgame text: HTML to plain text, and characters a pack refuses."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

from quizgame.packs.convert.model import ImportRefused
from quizgame.packs.reader import decode
from quizgame.safe_text import describe, find_unsafe

_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table pre blockquote hr dt dd section article".split()
)
# Tags whose content is not text a player should see.
_HIDDEN_TAGS = frozenset({"script", "style", "head", "title"})


def unsafe_character(text: str) -> str | None:
    """A description of the first character a pack may not hold, if there is one."""
    match = find_unsafe(text)
    return describe(match.group()) if match else None


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.dropped: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in ("img", "video", "audio", "iframe", "object", "embed"):
            self.dropped.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, list[str]]:
    """Plain text from HTML: tags dropped, entities decoded, one line per block; and the
    media tags (img, video...) whose content could not come along."""
    if "<" not in html and "&" not in html:
        return tidy(html), []
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return tidy("".join(parser.parts).replace("\xa0", " ")), parser.dropped


def tidy(text: str) -> str:
    """Spaces within each line collapsed, blank lines and spaces at either end removed."""
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def plain(text: str) -> str:
    """Entities decoded, for formats that allow them in plain text (Aiken, Quizlet)."""
    return tidy(unescape(text)) if "&" in text else tidy(text)


def decoded(data: bytes) -> str:
    """A text file's bytes as text (UTF-8, a byte order mark allowed), or refused at the
    first byte that is not UTF-8."""
    text, problem = decode(data)
    if text is None:
        assert problem is not None
        raise ImportRefused(problem.line + 1, problem.col + 1, problem.message)
    return text
