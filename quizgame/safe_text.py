"""Text from outside (packs, source texts, names, database rows, the network) as it may be
written to a terminal, and the one definition of what may not.

A terminal runs control characters as commands: ESC starts every escape sequence (window
titles, clipboard writes, hyperlinks, colours, cursor moves), and the 8-bit C1 controls do
the same in a single character (U+009B is CSI, U+009D is OSC). The invisible bidirectional
controls make a line display in another order than it reads. None of them is ever written
from data: `safe_text` puts U+FFFD (the replacement character, "�") in their place, one
character for one, so offsets into the text (a quote's span in its source) still hold.

Plain `re`, nothing else: the packs, the engine, the store, the commands and the TUI all
use it, so it must sit below them all.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

# C0 controls except tab, line feed and carriage return; DEL and the C1 controls.
C0_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f"
DEL_AND_C1 = "\x7f-\x9f"
# All of them, carriage return too: alone, it sends the cursor back over the line.
CONTROLS = f"{C0_CONTROLS}\r{DEL_AND_C1}"
# The bidirectional marks, embeddings, overrides and isolates.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Line breaks a terminal does not break on, and the two non-characters.
INVISIBLE_BREAKS = "\u2028\u2029"
NON_CHARACTERS = "\ufffe\uffff"

_UNSAFE = re.compile(f"[{CONTROLS}{BIDI_CONTROLS}{INVISIBLE_BREAKS}{NON_CHARACTERS}]")
# On one line (a name, a field): tab and line feed are out too.
_UNSAFE_IN_LINE = re.compile(f"[\t\n{CONTROLS}{BIDI_CONTROLS}{INVISIBLE_BREAKS}{NON_CHARACTERS}]")
# What an input field accepts as a whole value.
LINE_PATTERN = f"[^\t\n{CONTROLS}{BIDI_CONTROLS}{INVISIBLE_BREAKS}{NON_CHARACTERS}]*"


def safe_text(text: str, *, one_line: bool = False) -> str:
    """`text` with every character a terminal would act on replaced by U+FFFD, one for one.
    Tabs and line feeds are kept, unless the text must stay on `one_line` (a table cell)."""
    unsafe = _UNSAFE_IN_LINE if one_line else _UNSAFE
    if unsafe.search(text) is None:
        return text
    return unsafe.sub(REPLACEMENT, text)


def find_unsafe(text: str, *, one_line: bool = False) -> re.Match[str] | None:
    """The first character `safe_text` would replace (with `one_line`, tab and line feed
    too), or None."""
    return (_UNSAFE_IN_LINE if one_line else _UNSAFE).search(text)


def escaped(text: str) -> str:
    """For messages that quote what someone wrote: each unsafe character as a visible
    escape (`\\x1b`, `\\u202e`), so the reader sees what is wrong where it is."""
    if _UNSAFE_IN_LINE.search(text) is None:
        return text
    return _UNSAFE_IN_LINE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def describe(char: str) -> str:
    """`U+202E (RIGHT-TO-LEFT OVERRIDE)`: a character named so a reader can find it."""
    import unicodedata

    name = unicodedata.name(char, "")
    code = f"U+{ord(char):04X}"
    return f"{code} ({name})" if name else code
