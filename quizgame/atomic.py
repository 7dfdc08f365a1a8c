"""Write a file so that readers see the old file or the whole new one, never half of it."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeVar

T = TypeVar("T")


def atomic_write(
    target: Path,
    write: Callable[[TextIO], T],
    *,
    newline: str | None = None,
    mode: int | None = None,
) -> T:
    """Call `write` with a text handle on a temporary file in the target's folder, then
    fsync and os.replace it over `target`. On any error the temporary file is removed and
    `target` is left exactly as it was. Returns what `write` returned.

    The temporary file is private (0600); `mode`, if given, is applied before the rename."""
    return _replace(target, lambda fd: _write_text(fd, write, newline), mode)


def atomic_write_bytes(target: Path, data: bytes, *, mode: int | None = None) -> None:
    """As atomic_write, for bytes already in memory."""
    _replace(target, lambda fd: _write_bytes(fd, data), mode)


def _write_text(fd: int, write: Callable[[TextIO], T], newline: str | None) -> T:
    with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
        result = write(handle)
        handle.flush()
        os.fsync(handle.fileno())
    return result


def _write_bytes(fd: int, data: bytes) -> None:
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _replace(target: Path, write: Callable[[int], T], mode: int | None) -> T:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        result = write(fd)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
        return result
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def user_file_mode(target: Path) -> int:
    """The permissions for a file written at `target` as the user's own: those of the file
    it replaces, else what the umask allows (0644 under the usual umask), as an editor
    would give it. For atomic_write's `mode`: its temporary file is private until then."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    try:  # Linux says it without changing it
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    # Elsewhere it is read by setting it; meanwhile another thread's new file is private.
    mask = os.umask(0o077)
    os.umask(mask)
    return mask
