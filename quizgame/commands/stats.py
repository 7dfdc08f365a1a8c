"""`quizgame stats PACK`: how the class did on each question, hardest marked.

Answers are grouped by the pack's content hash: results from an edited pack are shown
separately, never added to the current version's numbers.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import textwrap
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TextIO

from quizgame.exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from quizgame.store import PackVersion, QuestionStats, StoreError
from quizgame.store.reading import fail, no_results, open_for_report, to_stdout
from quizgame.store.table import WIDTH, clean, format_table, local_time, percent, truncate

if TYPE_CHECKING:
    from quizgame.packs import LoadedPack

HEADERS = ("#", "QUESTION ID", "ANSWERS", "RIGHT")
ALIGN = "<<>>"
HARDEST = 3
_IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class _Refused(Exception):
    """PACK named a file that cannot be used; the message is ready to print."""

    def __init__(self, message: str, code: int = EXIT_PROBLEMS) -> None:
        super().__init__(message)
        self.code = code


def _looks_like_path(ref: str) -> bool:
    return (
        not _IDENTIFIER.match(ref)
        or os.sep in ref
        or "/" in ref
        or ref.endswith((".yaml", ".yml"))
        or Path(ref).exists()
    )


def _load(ref: str, extra_dirs: list[Path]) -> tuple[LoadedPack | None, str | None]:
    """The pack PACK names, if the pack layer can find and load it, and a note to print.

    An id that no longer matches a pack file is fine: its results can still be shown, by
    question id. A path that cannot be loaded is an error.
    """
    path_like = _looks_like_path(ref)
    try:
        from quizgame.packs import PackError, load_pack
        from quizgame.packs.discovery import resolve_pack
    except ImportError:
        if path_like:
            raise _Refused(f"cannot read pack files in this installation: {ref}") from None
        return None, None
    try:
        return load_pack(resolve_pack(ref, extra_dirs)), None
    except PackError as exc:
        if path_like:
            raise _Refused(str(exc)) from None
        first = exc.problems[0].message
        return None, f"note: pack {ref!r} has problems ({first}); showing question ids"
    except LookupError as exc:  # no such file
        if path_like:
            raise _Refused(str(exc), EXIT_USAGE) from None
        return None, None
    except (OSError, ValueError) as exc:
        if path_like:
            raise _Refused(str(exc) or f"cannot read pack {ref}") from None
        return None, None


# How many of a question's commonest mistakes are named.
SHOWN_MISTAKES = 3


class Row(NamedTuple):
    """One question of one version of the pack, as every format reports it."""

    pack_hash: str
    current: bool | None  # None: the pack file was not found, so it cannot be told
    number: int | None  # position in the pack; None when listed by id
    question_id: str
    type: str | None
    prompt: str | None
    answers: int
    right: int
    timed_out: int
    percent_right: float | None
    mean_credit: float | None
    hardest: bool
    # (what is counted, [(text, how many)]), commonest first: the most-chosen wrong answer,
    # or for a multiple-choice question the wrong choices ticked and the right ones missed.
    mistakes: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]


def _commonest(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _mistakes(
    question: object | None, stat: QuestionStats | None, wrong: list[tuple[object, int]]
) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    if stat is None:
        return ()
    if question is not None and getattr(question, "type", None) == "multiple":
        # An answer not fully right ticks some wrong choices, or misses right ones, or both:
        # each counted on its own, never the right choices it did tick.
        right = set(question.answers)  # type: ignore[attr-defined]
        ticked: Counter[str] = Counter()
        missed: Counter[str] = Counter()
        for response, count in wrong:
            picked = set(response) if isinstance(response, (set, frozenset, list)) else set()
            for choice in picked - right:
                ticked[choice] += count
            for choice in right - picked:
                missed[choice] += count
        return (
            ("wrong choices ticked", _commonest(ticked)),
            ("right choices missed", _commonest(missed)),
        )
    if stat.top_wrong is None:
        return ()
    text = stat.top_wrong if stat.top_wrong != "" else "(blank)"
    label = "most-chosen wrong answer"
    if question is None and any(isinstance(r, (set, frozenset)) for r, _ in wrong):
        # Without the pack, right choices cannot be told from wrong ones.
        label = "most-chosen answer not fully right"
    return ((label, ((text, stat.top_wrong_count),)),)


def _hardest(stats: list[QuestionStats]) -> list[QuestionStats]:
    """The few questions the class found hardest: up to three, and no more than a quarter of
    the questions answered, so the mark still picks something out."""
    answered = [s for s in stats if s.answers]
    missed = [s for s in answered if s.right < s.answers]
    missed.sort(key=lambda s: (s.percent_right, s.mean_credit, -s.answers, s.question_id))
    return missed[: min(HARDEST, max(1, len(answered) // 4))]


def _rows(
    version: PackVersion,
    stats: list[QuestionStats],
    wrong: dict[str, list[tuple[object, int]]],
    loaded: LoadedPack | None,
    current: bool | None,
) -> list[Row]:
    """Rows in the pack's question order when we have the pack, else by question id."""
    by_id = {s.question_id: s for s in stats}
    hard = {s.question_id for s in _hardest(stats)}
    if loaded is not None:
        entries = [(n, q.id, q) for n, q in enumerate(loaded.pack.questions, 1)]
    else:
        entries = [(None, s.question_id, None) for s in stats]
    rows = []
    for number, question_id, question in entries:
        stat = by_id.get(question_id)
        rows.append(
            Row(
                pack_hash=version.pack_hash,
                current=current,
                number=number,
                question_id=question_id,
                type=None if question is None else question.type,
                prompt=None if question is None else question.prompt,
                answers=stat.answers if stat else 0,
                right=stat.right if stat else 0,
                timed_out=stat.timed_out if stat else 0,
                percent_right=stat.percent_right if stat else None,
                mean_credit=stat.mean_credit if stat else None,
                hardest=question_id in hard,
                mistakes=_mistakes(question, stat, wrong.get(question_id, [])),
            )
        )
    return rows


def _mistake_text(label: str, items: tuple[tuple[str, int], ...]) -> str:
    if not items:
        return f"{label}: none"
    named = ", ".join(f"{text} ({count})" for text, count in items[:SHOWN_MISTAKES])
    more = len(items) - SHOWN_MISTAKES
    return f"{label}: {named}" + (f" and {more} more" if more > 0 else "")


def _table(rows: list[Row]) -> list[str]:
    """The question id in a column, the prompt wrapped under it, then its mistakes."""
    cells = [
        [
            ("" if row.number is None else str(row.number)) + ("*" if row.hardest else ""),
            row.question_id,
            str(row.answers),
            percent(row.percent_right),
        ]
        for row in rows
    ]
    table = format_table(HEADERS, cells, align=ALIGN, flex=(1,))
    lines = [table[0]]
    indent = " " * 5
    for row, line in zip(rows, table[1:]):
        lines.append(line)
        if row.prompt is not None:
            lines.extend(textwrap.wrap(clean(row.prompt), WIDTH, initial_indent=indent, subsequent_indent=indent))
        if row.answers:
            for label, items in row.mistakes:
                lines.extend(
                    textwrap.wrap(
                        clean(_mistake_text(label, items)), WIDTH,
                        initial_indent=indent, subsequent_indent=indent + "  ",
                    )
                )
    hardest = [row for row in rows if row.hardest]
    hardest.sort(key=lambda r: (r.percent_right or 0.0, r.mean_credit or 0.0, -r.answers, r.question_id))
    if hardest:
        named = ", ".join(
            f"{clean(row.question_id if row.number is None else str(row.number))} ({percent(row.percent_right)} right)"
            for row in hardest
        )
        lines.append(truncate(f"* hardest: {named}", WIDTH))
    return lines


def _heading(pack_id: str, title: str, version: PackVersion, current: bool | None) -> list[str]:
    which = " (current)" if current else " (an earlier version)" if current is False else ""
    sessions = f"{version.sessions} session{'s' if version.sessions != 1 else ''}"
    answers = f"{version.answers} answer{'s' if version.answers != 1 else ''}"
    return [
        truncate(clean(f"{title} ({pack_id})"), WIDTH),
        *textwrap.wrap(
            clean(
                f"version {version.pack_hash[:8]}{which}: {sessions}, {answers}, "
                f"latest {local_time(version.last_played)}"
            ),
            WIDTH,
        ),
    ]


def run(args: argparse.Namespace) -> int:
    ref: str = args.pack
    extra_dirs = list(getattr(args, "packs", None) or [])
    shape = getattr(args, "format", None) or "text"
    try:
        path, store = open_for_report(args.db)
    except StoreError as exc:
        return fail(str(exc))
    try:
        try:
            loaded, note = _load(ref, extra_dirs)
        except _Refused as exc:
            return fail(str(exc), exc.code)
        if note:
            # A table reads it first; a CSV or JSON file on standard output must stay whole.
            print(note, file=sys.stdout if shape == "text" else sys.stderr)
        pack_id = loaded.id if loaded is not None else ref

        def nothing(detail: str = "") -> int:
            if shape == "text":
                return no_results(path, detail)
            # A program reading the CSV or JSON gets an empty document, not a sentence.
            if shape == "csv":
                _write_csv([])
            else:
                _write_json(pack_id, [])
            return no_results(path, detail, file=sys.stderr)

        if store is None:
            if loaded is None:
                return fail(f"no pack or results called {ref!r} (database: {path}, not created yet)", EXIT_USAGE)
            return nothing()
        versions = store.pack_versions(pack_id)
        if not versions:
            if loaded is not None:
                return nothing(f" for pack {pack_id!r}")
            known = store.pack_ids()
            have = f"; packs with results: {', '.join(known)}" if known else ""
            return fail(f"no pack or results called {ref!r} (database: {path}){have}", EXIT_USAGE)
        current_hash = loaded.content_hash if loaded is not None else None
        versions.sort(key=lambda v: v.pack_hash != current_hash)  # stable: newest stay first
        found = {
            v.pack_hash: (
                store.question_stats(pack_id, v.pack_hash),
                store.wrong_responses(pack_id, v.pack_hash),
            )
            for v in versions
        }
    except StoreError as exc:
        return fail(str(exc))
    finally:
        if store is not None:
            store.close()
    tables: list[tuple[PackVersion, bool | None, list[Row]]] = []
    for version in versions:
        is_current = version.pack_hash == current_hash if current_hash is not None else None
        stats, wrong = found[version.pack_hash]
        # Prompts only for the version we have: an earlier version's questions may differ.
        rows = _rows(version, stats, wrong, loaded if is_current else None, is_current)
        tables.append((version, is_current, rows))
    if shape == "csv":
        _write_csv([row for _, _, rows in tables for row in rows])
    elif shape == "json":
        _write_json(pack_id, tables)
    else:
        _print_report(pack_id, loaded, tables, current_hash)
    return EXIT_OK


CSV_COLUMNS = (
    "pack_hash", "current", "number", "question_id", "type", "prompt", "answers", "right",
    "percent_right", "timed_out", "mean_credit", "hardest", "most_chosen_wrong",
    "most_chosen_wrong_count", "wrong_choices_ticked", "right_choices_missed",
)


def _flat(row: Row) -> dict[str, object]:
    mistakes = {label: items for label, items in row.mistakes}
    top = mistakes.get("most-chosen wrong answer") or mistakes.get("most-chosen answer not fully right") or ()

    def joined(label: str) -> str:
        return "; ".join(f"{text} ({count})" for text, count in mistakes.get(label, ()))

    return {
        "pack_hash": row.pack_hash,
        "current": row.current,
        "number": row.number,
        "question_id": row.question_id,
        "type": row.type,
        "prompt": row.prompt,
        "answers": row.answers,
        "right": row.right,
        "percent_right": None if row.percent_right is None else round(row.percent_right, 1),
        "timed_out": row.timed_out,
        "mean_credit": None if row.mean_credit is None else round(row.mean_credit, 3),
        "hardest": row.hardest,
        "most_chosen_wrong": top[0][0] if top else None,
        "most_chosen_wrong_count": top[0][1] if top else None,
        "wrong_choices_ticked": joined("wrong choices ticked"),
        "right_choices_missed": joined("right choices missed"),
    }


def _write_csv(rows: list[Row]) -> None:
    from quizgame.store.exporting import spreadsheet_safe

    def cell(value: object) -> object:
        if isinstance(value, bool):
            return int(value)
        return spreadsheet_safe(value)

    def write(out: TextIO) -> None:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            flat = _flat(row)
            writer.writerow([cell(flat[column]) for column in CSV_COLUMNS])

    to_stdout(write)


def _write_json(pack_id: str, tables: list[tuple[PackVersion, bool | None, list[Row]]]) -> None:
    from quizgame.store.exporting import dumps_safe

    document = {
        "format": "quizgame-stats",
        "version": 1,
        "pack": pack_id,
        "versions": [
            {
                "pack_hash": version.pack_hash,
                "current": current,
                "sessions": version.sessions,
                "answers": version.answers,
                "last_played": version.last_played,
                "questions": [
                    {
                        **{k: v for k, v in _flat(row).items() if k not in ("wrong_choices_ticked", "right_choices_missed")},
                        "mistakes": {
                            label: [{"answer": text, "count": count} for text, count in items]
                            for label, items in row.mistakes
                        },
                    }
                    for row in rows
                ],
            }
            for version, current, rows in tables
        ],
    }
    to_stdout(lambda out: out.write(dumps_safe(document, indent=2) + "\n"))


def _print_report(
    pack_id: str,
    loaded: LoadedPack | None,
    tables: list[tuple[PackVersion, bool | None, list[Row]]],
    current_hash: str | None,
) -> None:
    if len(tables) > 1:
        print(
            textwrap.fill(
                f"Results come from {len(tables)} versions of this pack. Each is shown on its"
                " own: questions may have changed between them.",
                WIDTH,
            )
        )
    if current_hash is not None and tables[0][0].pack_hash != current_hash:
        print("No results yet for the current version of this pack.")
    out: list[str] = []
    for version, is_current, rows in tables:
        title = loaded.title if is_current and loaded is not None else version.pack_title
        out.append("")
        out.extend(_heading(pack_id, title, version, is_current))
        out.extend(_table(rows))
    print("\n".join(out[1:] if len(tables) == 1 else out))
