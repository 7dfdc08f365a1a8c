"""Checking a pack's bytes: parse, validate against the models, check meaning and quotes.

The slow path of load_pack (load.py), taken when the cache has no entry for the pack. This
module never imports load.py: load.py imports it, on a cache miss only.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from quizgame.packs.checks import Checker, read_source
from quizgame.packs.files import MAX_SOURCE_BYTES, content_hash
from quizgame.packs.models import Pack
from quizgame.packs.names import fuller_forms, tokens
from quizgame.packs.pack import from_model
from quizgame.packs.placeholders import placeholder_issues
from quizgame.packs.quotes import Source as SourceText
from quizgame.packs.reader import Document, Issue, read_document
from quizgame.packs.schema_errors import find_node, schema_issues, strip_labels
from quizgame.packs.types import LoadedPack, PackError, Problem
from quizgame.safe_text import escaped

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _problems(path: Path, issues: list[Issue]) -> list[Problem]:
    return [
        Problem(issue.path or path, issue.line + 1, issue.col + 1, escaped(issue.message)) for issue in issues
    ]


def load_bytes(path: Path, data: bytes) -> LoadedPack:
    """Check a pack from its bytes; `path` locates the source text and names the problems."""
    return check_document(path, data)[0]


def check_document(path: Path, data: bytes) -> tuple[LoadedPack, Document]:
    """load_bytes, also handing back the parsed document (lint points into its nodes)."""
    doc = read_document(data)
    if doc.root is None or not isinstance(doc.data, dict):
        raise PackError(_problems(path, doc.issues))
    issues = doc.issues
    _check_date(doc)
    # Before the schema and the quotes: a placeholder is what the author needs to hear about,
    # and a source path still to be written is not looked for.
    issues.extend(placeholder_issues(doc))

    pack: Pack | None
    bad: set[tuple[int, str | None]] = set()
    try:
        pack = Pack.model_validate(doc.data, by_name=False)
    except ValidationError as error:
        pack = None
        errors = error.errors()
        issues.extend(schema_issues(errors, doc.root, doc.flagged))
        bad = _bad_fields(errors)

    checker = Checker(doc.root, doc.data, bad, doc.flagged)
    checker.check_meaning()
    issues.extend(checker.issues)

    source_text = ""
    source_bytes = b""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    source = doc.data.get("source")
    source_path = source.get("text") if isinstance(source, dict) else None
    text_ok = isinstance(source_path, str) and source_path.strip()
    if text_ok and id(find_node(doc.root, ("source", "text"))) not in doc.flagged:
        read = read_source(doc.root, path, source_path, MAX_SOURCE_BYTES)
        if isinstance(read, list):
            issues.extend(read)
        else:
            source_bytes, source_text = read
            checker.issues = []
            spans = checker.check_quotes(SourceText(source_text))
            issues.extend(checker.issues)

    if issues or pack is None:
        if not issues:  # every schema error fell on a node already reported; say something
            issues.append(Issue(0, 0, "the pack does not match the pack format"))
        raise PackError(_problems(path, issues))
    loaded = LoadedPack(
        pack=from_model(pack),
        path=path,
        source_text=source_text,
        content_hash=content_hash(data, source_bytes),
        quote_spans=spans,
        fuller_forms=_fuller_forms(pack, source_text),
    )
    return loaded, doc


def _fuller_forms(pack: Pack, source_text: str) -> dict[str, tuple[str, ...]]:
    short = [q for q in pack.questions if q.type == "short"]
    if not short:
        return {}
    toks = tokens(source_text)
    found = {q.id: fuller_forms(source_text, q.accept, toks) for q in short}
    return {question_id: forms for question_id, forms in found.items() if forms}


def _check_date(doc: Document) -> None:
    # Pydantic would take 0 or "2017-07-07T00:00" as a date; authors must write YYYY-MM-DD.
    source = doc.data.get("source")
    if not isinstance(source, dict) or "date" not in source:
        return
    value = source["date"]
    if isinstance(value, str) and _DATE.fullmatch(value):
        return
    assert doc.root is not None
    node = find_node(doc.root, ("source", "date"))
    if id(node) in doc.flagged:
        return
    shown = getattr(node, "value", "")
    doc.issues.append(
        Issue(node.start_mark.line, node.start_mark.column, f"'date' must be written YYYY-MM-DD, not {shown!r}")
    )
    doc.flagged.add(id(node))


def _bad_fields(errors: list[dict[str, Any]]) -> set[tuple[int, str | None]]:
    """(question index, field) for every question field with a schema error."""
    bad: set[tuple[int, str | None]] = set()
    for error in errors:
        loc = strip_labels(tuple(error["loc"]))
        if len(loc) < 2 or loc[0] != "questions" or not isinstance(loc[1], int):
            continue
        if len(loc) > 2 and isinstance(loc[2], str):
            bad.add((loc[1], loc[2]))
        elif error["type"].startswith("union_tag"):
            bad.add((loc[1], "type"))
        else:
            bad.add((loc[1], None))
    return bad
