"""The one sanitiser for outside text: nothing a terminal would run survives it, and nothing
else is touched."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from quizgame.safe_text import REPLACEMENT, describe, escaped, find_unsafe, safe_text

# Every character the terminal must never get from data.
UNSAFE = (
    [chr(c) for c in range(0x20) if chr(c) not in "\t\n"]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + list("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    + list("\u2028\u2029\ufffe\uffff")
)
# Sequences as an attacker writes them: OSC window title, OSC 52 clipboard, OSC 8 link, CSI
# colour and cursor moves, DCS, 8-bit CSI and OSC, a bidi override.
SEQUENCES = [
    "\x1b]0;pwned\x07",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\x1b[31m",
    "\x1b[2J\x1b[H",
    "\x1bP1$qm\x1b\\",
    "\x9b31m",
    "\x9d0;pwned\x9c",
    "\u202etxt.exe",
]

texts = st.text(
    alphabet=st.one_of(st.sampled_from(UNSAFE + ["\t", "\n", "a", "é", "字", "😀"]), st.characters()),
    max_size=60,
)


def test_every_unsafe_character_is_replaced_and_tab_and_newline_kept() -> None:
    for char in UNSAFE:
        assert safe_text(f"a{char}b") == f"a{REPLACEMENT}b", repr(char)
    assert safe_text("a\tb\nc") == "a\tb\nc"
    assert safe_text("a\tb\nc", one_line=True) == f"a{REPLACEMENT}b{REPLACEMENT}c"


def test_injected_sequences_lose_every_escape_byte() -> None:
    for sequence in SEQUENCES:
        shown = safe_text(sequence).encode()
        assert b"\x1b" not in shown and b"\xc2\x9b" not in shown and b"\xc2\x9d" not in shown
        assert "\u202e".encode() not in shown


@given(texts)
@example("\x1b]0;pwned\x07")
@example("\r\n")
def test_safe_text_replaces_only_what_is_unsafe_one_for_one(text: str) -> None:
    shown = safe_text(text)
    assert len(shown) == len(text)  # offsets into the text (quote spans) still hold
    for before, after in zip(text, shown):
        assert after == (REPLACEMENT if before in UNSAFE else before)
    assert find_unsafe(shown) is None
    assert safe_text(shown) == shown


@given(texts)
def test_nothing_unsafe_reaches_the_bytes(text: str) -> None:
    data = safe_text(text).encode("utf-8", "surrogatepass")
    assert b"\x1b" not in data and b"\x7f" not in data
    assert not any(data[i] == 0xC2 and 0x80 <= data[i + 1] <= 0x9F for i in range(len(data) - 1))
    for char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert char.encode() not in data


@given(texts)
def test_one_line_text_stays_on_one_line(text: str) -> None:
    shown = safe_text(text, one_line=True)
    assert "\n" not in shown and "\t" not in shown and len(shown) == len(text)
    assert find_unsafe(shown, one_line=True) is None


@given(texts)
def test_escaped_messages_show_each_unsafe_character_visibly(text: str) -> None:
    shown = escaped(text)
    assert find_unsafe(shown, one_line=True) is None
    if find_unsafe(text, one_line=True) is None:
        assert shown == text
    else:
        assert "\\" in shown


def test_escaped_names_the_character_where_it_is() -> None:
    assert escaped("bad\x1b[31m and \u202e") == "bad\\x1b[31m and \\u202e"
    assert escaped("two\nlines") == "two\\nlines"


def test_describe_names_characters() -> None:
    assert describe("\u202e") == "U+202E (RIGHT-TO-LEFT OVERRIDE)"
    assert describe("\x1b") == "U+001B"
    assert unicodedata.name("\u2066") in describe("\u2066")
