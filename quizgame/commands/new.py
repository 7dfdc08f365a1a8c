"""`quizgame new FILE --source TEXTFILE`: write a starter pack to fill in.

The starter has every field, with guidance in comments, and one question of each type. It
is valid YAML and valid pack format as written; every TODO, the placeholder date and the
placeholder quotes (to be replaced by passages copied from the source) are reported by
`quizgame validate` until they are replaced (see quizgame/packs/placeholders.py).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import sys
from pathlib import Path

from quizgame.atomic import atomic_write, atomic_write_bytes, user_file_mode
from quizgame.exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from quizgame.packs.placeholders import PLACEHOLDER_DATE, QUOTE_PLACEHOLDER

SCHEMA_FILE = "pack.schema.json"

TEMPLATE = """\
# yaml-language-server: $schema={schema_file}
#
# A quizgame question pack. Replace every TODO, then check the pack with
#     quizgame validate {file_name}
# Every field is described in docs/pack-format.md (and `quizgame schema` prints the rules).
# Put text that YAML could read as something else in quotes: "no", "yes", "010", "12:30".

schema: 1                 # the pack format version; always 1
{id_line}
title: "TODO: the pack's title, as players will see it"
description: "TODO: a sentence or two on what the questions cover"
language: en              # the questions' language: en, en-GB, de, fr-CA ...
authors:                  # who wrote the questions (not the source)
  - "TODO: your name"
license: CC-BY-4.0        # the license you share the questions under

source:                   # the document every quote comes from
  title: "TODO: the document's title, as published"
  author: "TODO: who wrote the document"
  publication: "TODO: the newspaper, magazine, site or book"
  # column: "TODO: the column or section within the publication, if any"
  date: {date}        # TODO: the publication date, YYYY-MM-DD
  # url: https://example.org/where-it-can-be-read
{text_line}

sections:                 # parts of the source; every question belongs to one
  - id: part-1
    title: "TODO: what this part of the source is about"

questions:
  - id: example-single
    type: single          # one right choice
    section: part-1
    prompt: "TODO: the question"
    choices:              # 2 to 9 of them, shown shuffled
      - "TODO: the right choice"
      - "TODO: a wrong choice"
      - "TODO: another wrong choice"
    answer: "TODO: the right choice"    # exactly as written in choices
    explanation: "TODO: why that is the answer, in your own words"
    quote: "{quote}"
    difficulty: medium    # easy (10 points), medium (20) or hard (30)

  - id: example-multiple
    type: multiple        # several right choices; partial credit
    section: part-1
    prompt: "TODO: the question"
    choices:
      - "TODO: a right choice"
      - "TODO: another right choice"
      - "TODO: a wrong choice"
      - "TODO: another wrong choice"
    answers:              # every right choice, exactly as written in choices
      - "TODO: a right choice"
      - "TODO: another right choice"
    explanation: "TODO: why those are the answers"
    quote:                # fragments that appear in the source in this order
      - "{quote}"
      - "{quote}"

  - id: example-true-false
    type: true_false      # a statement that is true or false
    section: part-1
    prompt: "TODO: a statement"
    answer: true          # true or false, without quotes
    explanation: "TODO: why it is true (or false)"
    quote: "{quote}"
    hint: "TODO: a hint, or delete this line"
    # time_limit: 30      # seconds, when the session sets no limit

  - id: example-short
    type: short           # the player types the answer
    section: part-1
    prompt: "TODO: the question"
    accept:               # accepted answers; the first is shown as the right one
      - "TODO: the answer"
      - "TODO: another accepted way to write it"
    exact: false          # true: no typo is forgiven
    explanation: "TODO: why that is the answer"
    quote: "{quote}"
    tags: [example]       # labels for picking subsets of questions
"""


def pack_id(file: Path) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", file.stem.lower()).strip("-_")[:64]
    return slug or "my-pack"


def render(file: Path, source: Path) -> str:
    try:
        relative = os.path.relpath(source.resolve(), file.parent.resolve())
    except ValueError:  # another drive on Windows
        relative = str(source.resolve())
    source_path = json.dumps(Path(relative).as_posix(), ensure_ascii=False)
    return TEMPLATE.format(
        schema_file=SCHEMA_FILE,
        file_name=file.name,
        id_line=_commented(f"id: {pack_id(file)}", "short and stable: lower-case letters, digits, '-' and '_'"),
        text_line=_commented(f"  text: {source_path}", "the document's text (UTF-8), relative to this file"),
        quote=QUOTE_PLACEHOLDER,
        date=PLACEHOLDER_DATE,
    )


def _commented(line: str, comment: str) -> str:
    return f"{line.ljust(25)} # {comment}"


def _write(path: Path, text: str) -> None:
    # Written whole or not at all; with the permissions any new file of the user's gets.
    atomic_write(path, lambda handle: handle.write(text), newline="\n", mode=user_file_mode(path))


def _write_bytes(path: Path, data: bytes) -> None:
    atomic_write_bytes(path, data, mode=user_file_mode(path))


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def _fail(message: str, code: int) -> int:
    from quizgame.safe_text import escaped

    print(f"quizgame new: {escaped(message)}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    from quizgame.packs.discovery import PACK_SUFFIXES
    from quizgame.packs.files import copy_beside
    from quizgame.packs.reader import decode, read_bytes

    file: Path = args.file
    source: Path = args.source
    if not file.name.endswith(PACK_SUFFIXES):
        return _fail(f"{file}: a pack file's name must end in .yaml or .yml", EXIT_USAGE)
    if not source.exists():
        return _fail(f"source text file not found: {source}", EXIT_USAGE)
    try:
        data = read_bytes(source, 20 * 1024 * 1024)
        text, problem = decode(data)
    except (OSError, ValueError) as error:
        return _fail(f"cannot read source text {source}: {getattr(error, 'strerror', None) or error}", EXIT_PROBLEMS)
    if text is None:
        return _fail(f"source text {source} is not UTF-8: {problem.message if problem else ''}", EXIT_PROBLEMS)
    if file.is_dir():
        return _fail(f"{file} is a folder", EXIT_USAGE)
    if file.exists() and not args.force:
        return _fail(f"{file} already exists; use --force to overwrite it", EXIT_USAGE)

    # A pack's source text must sit in the pack's folder (or below it): one from elsewhere
    # is copied there.
    copy = copy_beside(file, source)
    if copy is not None:
        if copy.is_dir() or copy.name == file.name:
            return _fail(f"cannot copy the source text to {copy}: give the pack another folder or name", EXIT_USAGE)
        if copy.exists() and not args.force and not _same_bytes(copy, data):
            return _fail(
                f"{copy} already exists and differs from {source}; a pack's source text must sit in "
                "the pack's folder: use --force to replace it with a copy",
                EXIT_USAGE,
            )

    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        if copy is not None:
            if not (copy.exists() and _same_bytes(copy, data)):
                _write_bytes(copy, data)
        _write(file, render(file, copy or source))
        print(f"wrote {file}: replace every TODO and the date, then run: quizgame validate {shlex.quote(str(file))}")
        if copy is not None:
            print(f"copied {source} to {copy}: a pack's source text sits in the pack's folder")
        schema = file.parent / SCHEMA_FILE
        if not schema.exists():
            from quizgame.packs.json_schema import render as render_schema

            _write(schema, render_schema())
            print(f"wrote {schema}: editors with YAML support use it to check the pack as you type")
    except OSError as error:
        return _fail(f"cannot write {file}: {error.strerror or error}", EXIT_PROBLEMS)
    return EXIT_OK
