"""Finding packs: built-in, the user's pack folder, and folders named by the user.

Every *.yaml / *.yml file in a pack folder (searched recursively, hidden ones skipped) is
treated as a pack. An invalid one is listed with its problems, never hidden. When two
packs share an id, the first found is the one used: built-in, then user, then extra
folders in order. The other is still a valid pack (`quizgame validate` passes it), listed
with the file that took its id, but it is not offered for play.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Literal, NamedTuple, Sequence

from quizgame import locations
from quizgame.packs.load import load_pack
from quizgame.packs.types import LoadedPack, PackError, Problem

Origin = Literal["built-in", "user", "extra"]
PACK_SUFFIXES = (".yaml", ".yml")


class PackEntry(NamedTuple):
    """A pack file found in a pack folder: loaded, or with the problems that stop it."""

    path: Path
    origin: Origin
    pack: LoadedPack | None
    problems: Sequence[Problem] = ()
    # The pack folder it was found in.
    folder: Path | None = None
    # For a valid pack whose id another pack, found first, already has: that pack's file.
    taken_by: Path | None = None

    @property
    def ok(self) -> bool:
        """Valid, and the pack its id stands for: offered for play."""
        return self.pack is not None and not self.problems and self.taken_by is None


def pack_folders(extra_dirs: Iterable[Path] = ()) -> list[tuple[Origin, Path]]:
    """Where packs are looked for, in order of precedence."""
    folders: list[tuple[Origin, Path]] = [
        ("built-in", locations.builtin_packs_dir()),
        ("user", locations.user_packs_dir()),
    ]
    folders += [("extra", Path(folder)) for folder in extra_dirs]
    folders += [("extra", folder) for folder in locations.extra_pack_dirs()]
    return folders


def pack_files(folder: Path) -> list[Path]:
    """Pack files under a folder, sorted; none if it does not exist."""
    found: list[Path] = []
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            Path(current) / name
            for name in sorted(files)
            if name.endswith(PACK_SUFFIXES) and not name.startswith(".")
        ]
    return found


def discover_packs(extra_dirs: Iterable[Path] = ()) -> list[PackEntry]:
    """Every pack file in every pack folder, loaded (from the cache when unchanged)."""
    entries: list[PackEntry] = []
    seen: set[Path] = set()
    owners: dict[str, Path] = {}
    for origin, folder in pack_folders(extra_dirs):
        for path in pack_files(folder):
            real = path.resolve()
            if real in seen:  # the same file reached through two folders
                continue
            seen.add(real)
            try:
                loaded = load_pack(path)
            except PackError as error:
                entries.append(PackEntry(path, origin, None, error.problems, folder))
                continue
            owner = owners.get(loaded.id)
            if owner is None:
                owners[loaded.id] = path
            entries.append(PackEntry(path, origin, loaded, [], folder, taken_by=owner))
    return entries


def _looks_like_path(ref: str) -> bool:
    return ref.endswith(PACK_SUFFIXES) or "/" in ref or os.sep in ref or Path(ref).exists()


def resolve_pack(ref: str, extra_dirs: Iterable[Path] = ()) -> Path:
    """A pack file named by path or by id.

    Raises LookupError when nothing matches, and PackError when the id names a pack file
    that is invalid (matched by its file name, since an invalid pack has no id).
    """
    if _looks_like_path(ref):
        path = Path(ref)
        if path.is_dir():
            raise LookupError(f"{ref} is a folder; give a pack file or a pack id")
        if not path.exists():
            raise LookupError(f"no such pack file: {ref}")
        return path
    entries = discover_packs(extra_dirs)
    for entry in entries:
        if entry.ok and entry.pack is not None and entry.pack.id == ref:
            return entry.path
    for entry in entries:
        if entry.pack is None and entry.path.stem == ref:
            raise PackError(entry.problems)
    from quizgame.packs.suggest import did_you_mean  # only when nothing matched

    ids = sorted(entry.pack.id for entry in entries if entry.ok and entry.pack is not None)
    hint = did_you_mean(ref, ids)
    available = f"; packs found: {', '.join(ids)}" if ids else "; no valid packs were found"
    raise LookupError(f"no pack with id '{ref}'{hint}{available} (see 'quizgame packs')")
