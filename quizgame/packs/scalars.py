"""Plain (unquoted) YAML scalars, read with the YAML 1.2 core schema and nothing else.

PyYAML follows YAML 1.1, where `no` is false, `010` is 8 and `12:30` is 750. A pack author
who writes `answer: no` or `choices: [12:30, 13:00]` means text, so every plain scalar that
YAML 1.1 and 1.2 read differently is refused with a message that says to quote it, rather
than guessed at.
"""

from __future__ import annotations

import math
import re
from typing import Any

# Exact core-schema spellings; every other spelling of these words is refused below.
_CONSTANTS: dict[str, Any] = {
    "": None,
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
    ".inf": math.inf,
    ".Inf": math.inf,
    ".INF": math.inf,
    "+.inf": math.inf,
    "+.Inf": math.inf,
    "+.INF": math.inf,
    "-.inf": -math.inf,
    "-.Inf": -math.inf,
    "-.INF": -math.inf,
    ".nan": math.nan,
    ".NaN": math.nan,
    ".NAN": math.nan,
}

_YAML11_BOOLS = {"y": True, "yes": True, "on": True, "n": False, "no": False, "off": False}
_CORE_WORDS = {"true", "false", "null"}

# Only plain scalars starting with one of these can be anything but text.
_MAYBE_SPECIAL = frozenset("0123456789+-.~yYnNoOtTfF")

_DECIMAL = re.compile(r"[-+]?[0-9]+")
_OCTAL = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")

# YAML 1.1 numbers that are text in YAML 1.2.
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_UNDERSCORED = re.compile(r"[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?)")
_BINARY = re.compile(r"[-+]?0b[01_]+")


class Ambiguous(ValueError):
    """A plain scalar that YAML 1.1 and YAML 1.2 read differently."""


def resolve_plain(value: str) -> Any:
    """The value of a plain scalar under the core schema; raises Ambiguous for 1.1 lookalikes."""
    constant = _CONSTANTS.get(value, _CONSTANTS)
    if constant is not _CONSTANTS:
        return constant
    if value[0] not in _MAYBE_SPECIAL:
        return value
    if value[0].isalpha():
        if len(value) <= 5:
            _check_word(value)
        return value
    return _resolve_numeric(value)


def _check_word(value: str) -> None:
    lower = value.lower()
    if lower in _YAML11_BOOLS:
        raise Ambiguous(
            f"unquoted {value} is ambiguous (a boolean in YAML 1.1); "
            f'quote it ("{value}") if you mean text, or write true/false'
        )
    if lower in _CORE_WORDS:
        raise Ambiguous(
            f"unquoted {value} is ambiguous; write {lower} in lower case, "
            f'or quote it ("{value}") if you mean text'
        )


def _resolve_numeric(value: str) -> Any:
    if _DECIMAL.fullmatch(value):
        if _LEADING_ZERO.fullmatch(value):
            digits = value.lstrip("+-")
            old = f"the octal number {int(digits, 8)}" if set(digits) <= set("01234567") else "not a number"
            raise Ambiguous(
                f"unquoted {value} is ambiguous ({old} in YAML 1.1); "
                f'quote it ("{value}") if you mean text, or write it without leading zeros'
            )
        return int(value)
    if _OCTAL.fullmatch(value):
        return int(value[2:], 8)
    if _HEX.fullmatch(value):
        return int(value[2:], 16)
    if _FLOAT.fullmatch(value):
        return float(value)
    if _SEXAGESIMAL.fullmatch(value):
        raise Ambiguous(
            f"unquoted {value} is ambiguous ({_sexagesimal(value)} in YAML 1.1); "
            f'quote it ("{value}") if you mean text'
        )
    if _BINARY.fullmatch(value) or ("_" in value and _UNDERSCORED.fullmatch(value)):
        raise Ambiguous(
            f"unquoted {value} is ambiguous (a number in YAML 1.1, text in YAML 1.2); "
            f'quote it ("{value}") if you mean text'
        )
    return value


def _sexagesimal(value: str) -> str:
    sign = -1 if value.startswith("-") else 1
    total = 0.0
    for part in value.lstrip("+-").replace("_", "").split(":"):
        total = total * 60 + float(part or 0)
    number = sign * total
    return f"the number {int(number) if number.is_integer() else number}"


def describe(value: Any) -> str:
    """How a resolved plain scalar reads to an author, for error messages."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a boolean)"
    if isinstance(value, (int, float)):
        return "a number"
    return "text"
