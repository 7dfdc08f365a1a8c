"""`quizgame validate PATH...`: check pack files and folders, one line per problem.

Prints `path:LINE:COL: message` for every problem, then a summary line. Exit status: 0 when
every pack is valid, 1 when any has a problem, 2 when a path does not exist or a folder
holds no pack files. The cache is not used: validating always checks the files as they are.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizgame.exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from quizgame.safe_text import escaped


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def pack_paths(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """The pack files named or found under the given paths, each once (by the file it
    resolves to, under the name first given for it), and usage errors."""
    from quizgame.packs.discovery import PACK_SUFFIXES, pack_files

    found: dict[Path, Path] = {}
    errors: list[str] = []
    for path in paths:
        if path.is_dir():
            files = pack_files(path)
            if not files:
                errors.append(f"no pack files ({', '.join('*' + s for s in PACK_SUFFIXES)}) in folder {path}")
        elif path.exists() or path.is_symlink():
            files = [path]
        else:
            errors.append(f"no such file or folder: {path}")
            continue
        for file in files:
            found.setdefault(file.resolve(), file)
    return list(found.values()), errors


def run(args: argparse.Namespace) -> int:
    from quizgame.packs.load import validate_path

    files, errors = pack_paths(list(args.paths))
    if errors:
        for error in errors:
            print(f"quizgame validate: {escaped(error)}", file=sys.stderr)
        return EXIT_USAGE

    invalid = 0
    problems = 0
    for path in files:
        found = validate_path(path)
        for problem in found:
            print(problem)
        if found:
            invalid += 1
            problems += len(found)
    checked = _plural(len(files), "pack")
    if invalid:
        print(f"{checked} checked: {len(files) - invalid} valid, {invalid} with {_plural(problems, 'problem')}")
        return EXIT_PROBLEMS
    print(f"{checked} checked: all valid")
    return EXIT_OK
