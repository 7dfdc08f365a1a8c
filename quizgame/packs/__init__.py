"""Question packs: the format, loading with locations, quote checks and discovery."""

from quizgame.packs.discovery import PackEntry, discover_packs, resolve_pack
from quizgame.packs.loader import load_pack, validate_path
from quizgame.packs.models import FORMAT_VERSION, Pack, Question, Section, Source
from quizgame.packs.types import LoadedPack, PackError, Problem

__all__ = [
    "FORMAT_VERSION",
    "LoadedPack",
    "Pack",
    "PackEntry",
    "PackError",
    "Problem",
    "Question",
    "Section",
    "Source",
    "discover_packs",
    "load_pack",
    "resolve_pack",
    "validate_path",
]
