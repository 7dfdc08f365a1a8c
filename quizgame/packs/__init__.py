"""Question packs: the format, loading with locations, quote checks and discovery."""

from quizgame.packs.discovery import PackEntry, discover_packs, resolve_pack
from quizgame.packs.loader import load_pack, validate_path
# The runtime objects the game reads; the pydantic models are in quizgame.packs.models.
from quizgame.packs.pack import FORMAT_VERSION, Pack, Question, Section, Source
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
