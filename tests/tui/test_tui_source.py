"""The source view's paragraphs and highlighting, without running the app."""

from __future__ import annotations

from quizgame.tui.screens.source import QUOTE_STYLE, displayable, highlighted, paragraphs


def _marked(content) -> str:
    return "".join(content.plain[s.start : s.end] for s in content.spans if s.style == QUOTE_STYLE)


def test_paragraphs_are_runs_of_non_blank_lines() -> None:
    text = "Title\n\nOne line.\nSame paragraph.\n   \nLast."
    assert [text[a:b] for a, b in paragraphs(text)] == ["Title", "One line.\nSame paragraph.", "Last."]


def test_only_the_quoted_part_is_highlighted() -> None:
    text = "Intro.\n\nBefore the quote. The quote itself. After it."
    start = text.index("The quote")
    end = start + len("The quote itself.")
    (_, (p_start, p_end)) = paragraphs(text)
    content = highlighted(text, p_start, p_end, ((start, end),))
    assert content is not None and _marked(content) == "The quote itself."
    assert highlighted(text, 0, 6, ((start, end),)) is None


def test_windows_line_endings_keep_the_offsets() -> None:
    raw = "Intro.\r\n\r\nLine one.\r\nLine two.\r\nThe quote itself, here.\r\n"
    # Left in, each carriage return would show as a replacement character.
    assert "\ufffd" in highlighted(raw, 10, len(raw), ((raw.index("The"), raw.index(", here")),)).plain
    text = displayable(raw)
    start = text.index("The quote")
    end = start + len("The quote itself")
    (_, (p_start, p_end)) = paragraphs(text)
    content = highlighted(text, p_start, p_end, ((start, end),))
    assert content is not None and _marked(content) == "The quote itself"


def test_a_quote_across_paragraphs_is_marked_in_each() -> None:
    text = "First part ends here.\n\nSecond part starts here."
    span = ((text.index("ends"), text.index("starts") + len("starts")),)
    first, second = (highlighted(text, a, b, span) for a, b in paragraphs(text))
    assert _marked(first) == "ends here." and _marked(second) == "Second part starts"
