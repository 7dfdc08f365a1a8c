"""Conversion between packs and other tools' question files.

One module per format reads files into the neutral questions of model.py (gift.py for
GIFT, aiken.py, moodle_xml.py, kahoot.py for Kahoot's spreadsheet template, quizlet.py for a Quizlet set exported as tab-separated
text), which build.py writes as a pack; the *_export modules write a checked pack in the
other formats. Each format's library is imported only when that format is used.
"""

from __future__ import annotations

from dataclasses import dataclass

PACK = "yaml"


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    suffixes: tuple[str, ...]
    can_import: bool
    can_export: bool


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("gift", "GIFT", (".gift", ".txt"), True, True),
        Format("aiken", "Aiken", (".txt",), True, True),
        Format("moodle", "Moodle XML", (".xml",), True, True),
        Format("kahoot", "Kahoot spreadsheet", (".xlsx",), True, True),
        Format("quizlet", "Quizlet export", (".tsv",), True, False),
        Format(PACK, "quizgame pack", (".yaml", ".yml"), True, True),
    )
}


# Each format's reader takes the file's bytes and returns an ImportResult (or raises
# ImportRefused); each writer takes a LoadedPack and the questions' locations and returns
# an Exported. Named here, imported when used.
_READERS = {
    "gift": "quizgame.packs.convert.gift:read_gift_bytes",
    "aiken": "quizgame.packs.convert.aiken:read_aiken_bytes",
    "moodle": "quizgame.packs.convert.moodle_xml:read_moodle_bytes",
    "kahoot": "quizgame.packs.convert.kahoot:read_kahoot_bytes",
    "quizlet": "quizgame.packs.convert.quizlet:read_quizlet_bytes",
}
_WRITERS = {
    "gift": "quizgame.packs.convert.gift_export:write_gift",
    "aiken": "quizgame.packs.convert.aiken:write_aiken",
    "moodle": "quizgame.packs.convert.moodle_xml:write_moodle",
    "kahoot": "quizgame.packs.convert.kahoot:write_kahoot",
}


def _load(target: str):  # type: ignore[no-untyped-def]
    from importlib import import_module

    module, name = target.split(":")
    return getattr(import_module(module), name)


def reader(name: str):  # type: ignore[no-untyped-def]
    return _load(_READERS[name])


def writer(name: str):  # type: ignore[no-untyped-def]
    return _load(_WRITERS[name])


def sniff_txt(data: bytes) -> str:
    """Aiken or GIFT, for a .txt file: Aiken has ANSWER: lines and no braces."""
    import re

    text = data.decode("utf-8", "replace")
    if re.search(r"(?m)^[ \t]*ANSWER:[ \t]*[A-Za-z]", text) and "{" not in text:
        return "aiken"
    return "gift"
