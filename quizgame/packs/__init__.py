"""Question packs: the format, loading with locations, quote checks and discovery."""

from quizgame.packs.models import FORMAT_VERSION, Pack, Question, Section, Source
from quizgame.packs.types import LoadedPack, PackError, Problem

__all__ = [
    "FORMAT_VERSION",
    "LoadedPack",
    "Pack",
    "PackError",
    "Problem",
    "Question",
    "Section",
    "Source",
]
