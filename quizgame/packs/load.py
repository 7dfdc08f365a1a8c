"""load_pack: from the cache when the pack and its source are unchanged, else checked afresh.

Kept apart from validation.py so that a cache hit imports neither YAML nor pydantic nor any of
the checks: only this module, files.py, cache.py and the runtime objects of pack.py.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from quizgame.packs.files import read_pack_bytes
from quizgame.packs.types import LoadedPack, PackError, Problem


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a large tree of objects.

    Loading creates hundreds of thousands of objects that all stay alive until the end, and
    none of them form cycles; collections during the load only traverse them again and
    again (measured: four fifths of parsing time for a big pack). Reference counting still
    frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_pack(path: Path, *, cache: bool = True) -> LoadedPack:
    """Load and check a pack; raises PackError with every problem found."""
    path = Path(path)
    data = read_pack_bytes(path)
    with gc_paused():
        if not cache:
            return _check(path, data)
        from quizgame.packs import cache as pack_cache

        cached = pack_cache.lookup(path, data)
        if cached is not None:
            return cached
        loaded = _check(path, data)
    pack_cache.store(loaded, data)
    return loaded


def _check(path: Path, data: bytes) -> LoadedPack:
    # The slow path, and the only one that imports YAML, pydantic and the checks.
    from quizgame.packs import validation

    return validation.load_bytes(path, data)


def validate_path(path: Path) -> list[Problem]:
    """Every problem in a pack file; empty when it is valid."""
    try:
        load_pack(Path(path), cache=False)
    except PackError as error:
        return error.problems
    return []
