"""Reading a pack's bytes and its source's, and hashing them: all a cached load needs.

No YAML and no pydantic here, so a pack served from the cache never imports them.
"""

from __future__ import annotations

import os
import stat
from hashlib import sha256
from pathlib import Path

from quizgame.packs.pack import FORMAT_VERSION
from quizgame.packs.types import PackError, Problem

MAX_PACK_BYTES = 5 * 1024 * 1024
MAX_SOURCE_BYTES = 20 * 1024 * 1024


class SourceOutside(ValueError):
    """A pack's `source.text` that names a file outside the pack's folder."""


def source_path(pack_path: Path, text: str) -> Path:
    """Where a pack's `source.text` leads: a relative path that, every symlink resolved,
    stays inside the folder holding the pack file. Raises SourceOutside with the reason.

    Packs come from colleagues and the web and their sources are shown to a class: one must
    not read /etc/shadow or someone's notes and put them on the screen.
    """
    from pathlib import PurePosixPath, PureWindowsPath

    if PurePosixPath(text).is_absolute() or PureWindowsPath(text).anchor:
        raise SourceOutside(
            f"'source.text' must be a path relative to the pack's folder, not {text!r}"
        )
    folder = pack_path.parent.resolve()
    target = (folder / text).resolve()
    if not target.is_relative_to(folder):
        raise SourceOutside(
            f"'source.text' must stay inside the pack's folder ({folder}): {text!r} leads to {target}"
        )
    return target


def copy_beside(pack_path: Path, source: Path) -> Path | None:
    """For the commands that write a pack (new, convert): where the source text at `source`
    must be copied for source_path() to accept it, or None when it already sits in the pack's
    folder. The copy keeps the file's name, beside the pack."""
    if source.resolve().is_relative_to(pack_path.parent.resolve()):
        return None
    return pack_path.parent / source.name


def read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes; raises OSError, or ValueError with a message for the author."""
    # Opened first and checked through the descriptor, so what is read is what was checked
    # (O_NONBLOCK: opening a FIFO must not wait for a writer).
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ValueError("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("is not a regular file")
        if info.st_size > limit:
            raise ValueError(f"is too large ({_size(info.st_size)}; the limit is {_size(limit)})")
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        # Sized by stat, so a small file does not cost a buffer of `limit` bytes; the extra
        # byte notices a file that grew since.
        data = handle.read(info.st_size + 1)
        if len(data) > info.st_size:
            data += handle.read(limit + 1 - len(data))
    if len(data) > limit:
        raise ValueError(f"is too large (over {_size(limit)})")
    return data


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MiB" if n >= 1024 * 1024 else f"{n} bytes"


def read_pack_bytes(path: Path) -> bytes:
    """The pack file's bytes, or a PackError saying why they cannot be read."""
    try:
        return read_bytes(path, MAX_PACK_BYTES)
    except FileNotFoundError:
        message = "file not found"
    except ValueError as error:
        message = f"the file {error}"
    except OSError as error:
        message = f"cannot read the file: {error.strerror or error}"
    raise PackError([Problem(path, 1, 1, message)])


def content_hash(pack_bytes: bytes, source_bytes: bytes) -> str:
    digest = sha256(f"quizgame pack format {FORMAT_VERSION}\n".encode())
    # Length-prefixed, so no split of the same bytes between the two files hashes alike.
    digest.update(len(pack_bytes).to_bytes(8, "big"))
    digest.update(pack_bytes)
    digest.update(source_bytes)
    return digest.hexdigest()
