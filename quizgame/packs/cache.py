"""A cache of loaded packs, so that an unchanged pack is not parsed and checked again.

Entries are keyed on the pack's bytes and on everything that could change how they load
(format, quizgame, pydantic and Python versions, and the files of this package). A hit is
only served after the source text's bytes are hashed again and found unchanged. The cache
is an optimisation only: any failure to read or write it is ignored.

Entries hold the runtime objects of pack.py, so a hit needs neither pydantic nor YAML: this
module must not import them, nor validation.py.
"""

from __future__ import annotations

import os
import pickle
import sys
from functools import lru_cache
from hashlib import sha256
from pathlib import Path

from quizgame import __version__
from quizgame.locations import pack_cache_dir
from quizgame.packs.files import MAX_SOURCE_BYTES, content_hash, read_bytes, source_path
from quizgame.packs.pack import FORMAT_VERSION, Pack
from quizgame.packs.types import LoadedPack

MAX_ENTRIES = 100
_SUFFIX = ".pack-cache"
# Bump when what an entry holds changes shape (2: runtime objects instead of pydantic models;
# 3: LoadedPack a record rather than a dataclass; 4: with the source's fuller answer forms).
ENTRY_VERSION = 4


@lru_cache(maxsize=1)
def _fingerprint() -> bytes:
    parts = [
        f"entry {ENTRY_VERSION}",
        f"format {FORMAT_VERSION}",
        __version__,
        _pydantic_stamp(),
        sys.version,
    ]
    # In a source checkout the version does not change as the checks do; the files do.
    for file in sorted(Path(__file__).parent.glob("*.py")):
        info = file.stat()
        parts.append(f"{file.name}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(parts).encode()


def _pydantic_stamp() -> str:
    """Which pydantic did the validating, without importing it (that is what a hit avoids)."""
    # PathFinder rather than importlib.util.find_spec: already imported, so cheaper.
    from importlib.machinery import PathFinder

    try:
        spec = PathFinder.find_spec("pydantic")
        folder = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else None
        info = os.stat(os.path.join(folder, "version.py")) if folder else None
    except (ImportError, ValueError, OSError):
        return "pydantic ?"
    return f"pydantic {folder}:{info.st_size}:{info.st_mtime_ns}" if info else "pydantic ?"


def _entry_path(pack_bytes: bytes) -> Path:
    digest = sha256(_fingerprint())
    digest.update(pack_bytes)
    return pack_cache_dir() / f"{digest.hexdigest()}{_SUFFIX}"


def lookup(path: Path, pack_bytes: bytes) -> LoadedPack | None:
    """The cached LoadedPack for these bytes at this path, if its source is unchanged too."""
    try:
        with open(_entry_path(pack_bytes), "rb") as handle:
            source_name, loaded = pickle.load(handle)
        if not (
            isinstance(source_name, str) and isinstance(loaded, LoadedPack) and isinstance(loaded.pack, Pack)
        ):
            return None
        # The same confinement as a fresh load: an entry never serves a source from elsewhere.
        source_bytes = read_bytes(source_path(path, source_name), MAX_SOURCE_BYTES)
    except Exception:  # a missing, stale or corrupt entry is just a miss
        return None
    if content_hash(pack_bytes, source_bytes) != loaded.content_hash:
        return None
    return loaded.replace(path=path)


def store(loaded: LoadedPack, pack_bytes: bytes) -> None:
    """Remember a loaded pack; never raises."""
    import tempfile

    target = _entry_path(pack_bytes)
    temp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=_SUFFIX)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((loaded.pack.source.text, loaded), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, target)
        temp = None
        _prune(target.parent)
    except Exception:  # a read-only or full disk must not stop a pack from loading
        pass
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


def _prune(folder: Path) -> None:
    entries = [entry for entry in os.scandir(folder) if entry.name.endswith(_SUFFIX)]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda entry: entry.stat().st_mtime)
    for entry in entries[: len(entries) - MAX_ENTRIES]:
        try:
            os.unlink(entry.path)
        except OSError:
            pass
