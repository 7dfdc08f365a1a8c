"""`quizgame convert INPUT OUTPUT`: bring another tool's questions in as a pack, or take a
pack out to another tool.

One side is always a pack (.yaml). Prints one line per problem, `path:LINE:COL: message`,
then a summary. Exit status: 0 when every question was converted, 1 when any was skipped
or the input was refused, 2 on bad usage. OUTPUT is never overwritten without --force, and
is written to a temporary file that then replaces it, so it is never left half-written.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from quizgame.exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

MAX_INPUT_BYTES = 10 * 1024 * 1024
SCHEMA_FILE = "pack.schema.json"


class _Usage(Exception):
    pass


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _fail(message: str, code: int) -> int:
    from quizgame.safe_text import escaped

    print(f"quizgame convert: {escaped(message)}", file=sys.stderr)
    return code


def _format_of(path: Path, given: str | None, data: bytes | None, role: str) -> str:
    from quizgame.packs.convert import FORMATS, sniff_txt

    if given is not None:
        return given
    suffix = path.suffix.lower()
    matches = [f.name for f in FORMATS.values() if suffix in f.suffixes]
    if not matches:
        known = ", ".join(sorted({s for f in FORMATS.values() for s in f.suffixes}))
        raise _Usage(f"cannot tell the format of {path} from its name ({known}); say it with --{role}")
    if len(matches) > 1:
        if data is None:
            raise _Usage(f"{path}: a {suffix} file can be {' or '.join(matches)}; say which with --{role}")
        return sniff_txt(data)
    return matches[0]


def run(args: argparse.Namespace) -> int:
    from quizgame.packs.convert import FORMATS, PACK

    source: Path = args.input
    target: Path = args.output
    if not source.exists():
        return _fail(f"no such file: {source}", EXIT_USAGE)
    if source.is_dir():
        return _fail(f"{source} is a folder, not a file", EXIT_USAGE)
    try:
        data = _read(source)
    except ValueError as error:
        print(f"{source}:1:1: the file {error}")
        return _summary_refused(source)
    except OSError as error:
        return _fail(f"cannot read {source}: {error.strerror or error}", EXIT_PROBLEMS)
    try:
        from_format = _format_of(source, args.from_format, data, "from")
        to_format = _format_of(target, args.to_format, None, "to")
    except _Usage as error:
        return _fail(str(error), EXIT_USAGE)
    if (from_format == PACK) == (to_format == PACK):
        return _fail(
            f"one side must be a quizgame pack (.yaml): got {FORMATS[from_format].label} to {FORMATS[to_format].label}",
            EXIT_USAGE,
        )
    if not FORMATS[to_format].can_export:
        return _fail(f"quizgame cannot write {FORMATS[to_format].label} files (only read them)", EXIT_USAGE)
    if args.source is not None and to_format != PACK:
        return _fail("--source is for bringing questions in (OUTPUT a .yaml pack)", EXIT_USAGE)
    if target.is_dir():
        return _fail(f"{target} is a folder", EXIT_USAGE)
    if (target.exists() or target.is_symlink()) and not args.force:
        return _fail(f"{target} already exists; use --force to overwrite it", EXIT_USAGE)
    if target.exists() and source.resolve() == target.resolve():
        return _fail(f"{target} is the input itself", EXIT_USAGE)
    if to_format == PACK:
        return _import(args, data, from_format)
    return _export(args, data, to_format)


def _read(path: Path) -> bytes:
    from quizgame.packs.files import read_bytes

    return read_bytes(path, MAX_INPUT_BYTES)


def _summary_refused(source: Path) -> int:
    print(f"nothing converted: {source} was refused")
    return EXIT_PROBLEMS


def _print_findings(path: Path, findings: list[Any]) -> None:
    from quizgame.safe_text import escaped

    for finding in sorted(findings, key=lambda f: (f.line, f.col)):
        prefix = "note: " if finding.severity == "note" else ""
        print(f"{path}:{finding.line}:{finding.col}: {prefix}{escaped(finding.message)}")


def _skipped_summary(findings: list[Any]) -> str:
    from quizgame.packs.convert.build import summary_kinds

    kinds = summary_kinds(findings)
    total = sum(kinds.values())
    if not total:
        return ""
    reasons = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"; skipped {total} ({reasons})"


# -- into a pack ---------------------------------------------------------------------------


def _import(args: argparse.Namespace, data: bytes, from_format: str) -> int:
    from quizgame.packs.convert import FORMATS, reader
    from quizgame.packs.convert.build import PackInfo, build, slug
    from quizgame.packs.convert.model import ImportRefused

    source: Path = args.input
    target: Path = args.output
    if not target.name.endswith((".yaml", ".yml")):
        return _fail(f"{target}: a pack file's name must end in .yaml or .yml", EXIT_USAGE)
    propose = None
    source_path = None
    copy = None  # a source text from outside the pack's folder is copied into it
    if args.source is not None:
        found = _proposer(args.source)
        if isinstance(found, int):
            return found
        propose = found
        from quizgame.packs.files import copy_beside

        copy = copy_beside(target, args.source)
        if copy is not None and (copy.is_dir() or copy.name == target.name):
            return _fail(f"cannot copy the source text to {copy}: give the pack another folder or name", EXIT_USAGE)
        if copy is not None and copy.exists() and not args.force and copy.read_bytes() != args.source.read_bytes():
            return _fail(
                f"{copy} already exists and differs from {args.source}; a pack's source text must sit in "
                "the pack's folder: use --force to replace it with a copy",
                EXIT_USAGE,
            )
        source_path = _relative(copy or args.source, target)
    try:
        result = reader(from_format)(data)
    except ImportRefused as refused:
        _print_findings(source, [refused.finding])
        return _summary_refused(source)
    title = result.title or source.stem.replace("_", " ").replace("-", " ").strip() or "Imported questions"
    info = PackInfo(
        pack_id=slug(target.stem, words=12, length=64) or "imported",
        title=title,
        description=f"Questions converted from {source.name} ({FORMATS[from_format].label}).",
        schema_file=SCHEMA_FILE,
        file_name=target.name,
        source_path=source_path,
    )
    built = build(result, info, propose=propose)
    _print_findings(source, built.findings)
    skipped = _skipped_summary(built.findings)
    if built.converted == 0:
        print(f"nothing converted: no question in {source} fits a quizgame pack{skipped}")
        return EXIT_PROBLEMS
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if copy is not None:
            _copy_file(args.source, copy)
            print(f"copied {args.source} to {copy}: a pack's source text sits in the pack's folder")
        _write_text(target, built.text)
        schema = target.parent / SCHEMA_FILE
        if not schema.exists():
            from quizgame.packs.json_schema import render as render_schema

            _write_text(schema, render_schema())
    except OSError as error:
        return _fail(f"cannot write {target}: {error.strerror or error}", EXIT_PROBLEMS)
    print(f"converted {_plural(built.converted, 'question')} from {source} to {target}{skipped}")
    todo = []
    if built.proposed:
        todo.append(f"confirm {_plural(built.proposed, 'proposed quote')} (marked '# check')")
    todo.append("replace every TODO")
    print(f"next: {', '.join(todo)}, then run: quizgame validate {_shell(str(target))}")
    return EXIT_PROBLEMS if skipped else EXIT_OK


def _shell(text: str) -> str:
    import shlex

    return shlex.quote(text)


def _relative(source: Path, target: Path) -> str:
    try:
        relative = os.path.relpath(source.resolve(), target.parent.resolve())
    except ValueError:  # another drive on Windows
        relative = str(source.resolve())
    return Path(relative).as_posix()


def _proposer(path: Path) -> Any:
    from quizgame.packs.convert.propose import Proposer
    from quizgame.packs.files import MAX_SOURCE_BYTES, read_bytes
    from quizgame.packs.reader import decode

    if not path.exists():
        return _fail(f"source text file not found: {path}", EXIT_USAGE)
    try:
        text, problem = decode(read_bytes(path, MAX_SOURCE_BYTES))
    except (OSError, ValueError) as error:
        return _fail(f"cannot read source text {path}: {getattr(error, 'strerror', None) or error}", EXIT_PROBLEMS)
    if text is None:
        return _fail(f"source text {path} is not UTF-8: {problem.message if problem else ''}", EXIT_PROBLEMS)
    return Proposer(text).propose


def _copy_file(source: Path, copy: Path) -> None:
    from quizgame.atomic import atomic_write_bytes, user_file_mode

    data = source.read_bytes()
    if not (copy.exists() and copy.read_bytes() == data):
        atomic_write_bytes(copy, data, mode=user_file_mode(copy))


def _write_text(path: Path, text: str) -> None:
    from quizgame.atomic import atomic_write, user_file_mode

    atomic_write(path, lambda handle: handle.write(text), newline="\n", mode=user_file_mode(path))


# -- out of a pack -------------------------------------------------------------------------


def _export(args: argparse.Namespace, data: bytes, to_format: str) -> int:
    from quizgame.packs import PackError, load_pack
    from quizgame.packs.convert import FORMATS, writer
    from quizgame.packs.convert.locate import question_locations

    source: Path = args.input
    target: Path = args.output
    try:
        loaded = load_pack(source, cache=False)
    except PackError as error:
        for problem in error.problems:
            print(problem)
        print(f"nothing converted: {source} is not a valid pack (quizgame validate lists the same problems)")
        return EXIT_PROBLEMS
    exported = writer(to_format)(loaded, question_locations(data))
    _print_findings(source, exported.findings)
    skipped = _skipped_summary(exported.findings)
    total = len(loaded.pack.questions)
    if exported.converted == 0:
        print(f"nothing converted: no question of {source} fits {FORMATS[to_format].label}{skipped}")
        return EXIT_PROBLEMS
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        from quizgame.atomic import atomic_write_bytes, user_file_mode

        atomic_write_bytes(target, exported.data, mode=user_file_mode(target))
    except OSError as error:
        return _fail(f"cannot write {target}: {error.strerror or error}", EXIT_PROBLEMS)
    print(
        f"converted {exported.converted} of {_plural(total, 'question')} from {source} "
        f"to {target} ({FORMATS[to_format].label}){skipped}"
    )
    return EXIT_PROBLEMS if skipped else EXIT_OK
