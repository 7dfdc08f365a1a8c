"""Question packs: the format, loading with locations, quote checks and discovery.

Names are imported from their modules on first use, so that `from quizgame.packs import
load_pack` costs nothing a cached load does not need (no YAML, no pydantic). Pack, Question,
Section and Source are the runtime objects the game reads (pack.py); the pydantic models
that define and validate the format are in quizgame.packs.models.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizgame.packs.discovery import PackEntry, discover_packs, resolve_pack
    from quizgame.packs.load import load_pack, validate_path
    from quizgame.packs.pack import FORMAT_VERSION, Pack, Question, Section, Source
    from quizgame.packs.types import LoadedPack, PackError, Problem

_HOME = {
    "FORMAT_VERSION": "pack",
    "LoadedPack": "types",
    "Pack": "pack",
    "PackEntry": "discovery",
    "PackError": "types",
    "Problem": "types",
    "Question": "pack",
    "Section": "pack",
    "Source": "pack",
    "discover_packs": "discovery",
    "load_pack": "load",
    "resolve_pack": "discovery",
    "validate_path": "load",
}

__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))
