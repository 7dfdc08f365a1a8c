"""Player and team names: the one check every way a name comes in goes through (the command
line, the home screen, hot-seat set-up, a classroom's join), before it is played under or
stored.
"""

from __future__ import annotations

import unicodedata

from quizgame.engine.errors import EngineError
from quizgame.safe_text import REPLACEMENT, describe, find_unsafe

MAX_NAME_LENGTH = 40


class InvalidName(EngineError):
    """A name that cannot be used; the message says why, without repeating the name."""


def normalize_name(name: str) -> str:
    """NFC and trimmed, as the results store compares names: "Zoë" typed two ways is one."""
    return unicodedata.normalize("NFC", name).strip()


def check_name(name: object) -> str:
    """The name to play under: trimmed, NFC, 1 to MAX_NAME_LENGTH characters, and plain text
    (no control or text-direction characters, tabs or line breaks, nor the U+FFFD that stands
    for one in a name shown made safe). Raises InvalidName."""
    if not isinstance(name, str):
        raise InvalidName("a name must be text")
    cleaned = normalize_name(name)
    if not cleaned:
        raise InvalidName("a name cannot be empty")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidName(
            f"a name can be at most {MAX_NAME_LENGTH} characters (this one has {len(cleaned)})"
        )
    unsafe = find_unsafe(cleaned, one_line=True)
    if unsafe is not None:
        raise InvalidName(
            "a name cannot hold control or text-direction characters "
            f"({describe(unsafe.group())} at character {unsafe.start() + 1})"
        )
    if REPLACEMENT in cleaned:
        # What a name shown made safe holds where a control character was.
        raise InvalidName("a name cannot hold U+FFFD (\N{REPLACEMENT CHARACTER}), which stands for a character lost")
    return cleaned
