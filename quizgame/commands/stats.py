"""`quizgame stats PACK`: how the class did on each question, hardest marked.

Answers are grouped by the pack's content hash: results from an edited pack are shown
separately, never added to the current version's numbers.
"""

from __future__ import annotations

import argparse
import os
import re
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from quizgame.exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from quizgame.store import PackVersion, QuestionStats, StoreError
from quizgame.store.reading import fail, no_results, open_for_report
from quizgame.store.table import WIDTH, clean, format_table, local_time, percent, truncate

if TYPE_CHECKING:
    from quizgame.packs import LoadedPack

HEADERS = ("#", "QUESTION", "ANSWERS", "RIGHT", "MOST-CHOSEN WRONG ANSWER")
ALIGN = "<<>><"
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


def _wrong(stat: QuestionStats) -> str:
    if stat.top_wrong is None:
        return "-"
    text = stat.top_wrong if stat.top_wrong != "" else "(blank)"
    return f"{text} ({stat.top_wrong_count})"


def _hardest(stats: list[QuestionStats]) -> list[QuestionStats]:
    """The few questions the class found hardest: up to three, and no more than a quarter of
    the questions answered, so the mark still picks something out."""
    answered = [s for s in stats if s.answers]
    missed = [s for s in answered if s.right < s.answers]
    missed.sort(key=lambda s: (s.percent_right, s.mean_credit, -s.answers, s.question_id))
    return missed[: min(HARDEST, max(1, len(answered) // 4))]


def _table(stats: list[QuestionStats], loaded: LoadedPack | None) -> list[str]:
    """Rows in the pack's question order when we have the pack, else by question id."""
    by_id = {s.question_id: s for s in stats}
    hard = {s.question_id for s in _hardest(stats)}
    entries: list[tuple[str, str, QuestionStats | None]] = []
    if loaded is not None:
        for number, question in enumerate(loaded.pack.questions, 1):
            entries.append((str(number), question.prompt, by_id.get(question.id)))
        labels = {q.id: str(n) for n, q in enumerate(loaded.pack.questions, 1)}
    else:
        entries = [("", s.question_id, s) for s in stats]
        labels = {s.question_id: s.question_id for s in stats}
    rows = []
    for number, question, stat in entries:
        if stat is None:
            rows.append([number, question, "0", "-", "-"])
            continue
        mark = "*" if stat.question_id in hard else ""
        rows.append(
            [number + mark, question, str(stat.answers), percent(stat.percent_right), _wrong(stat)]
        )
    headers = HEADERS if loaded is not None else ("", "QUESTION ID", *HEADERS[2:])
    lines = format_table(headers, rows, align=ALIGN, flex=(1, 4))
    hardest = _hardest(stats)
    if hardest:
        named = ", ".join(
            f"{clean(labels.get(s.question_id, s.question_id))} ({percent(s.percent_right)} right)"
            for s in hardest
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
            print(note)
        pack_id = loaded.id if loaded is not None else ref
        if store is None:
            if loaded is None:
                return fail(f"no pack or results called {ref!r} (database: {path}, not created yet)", EXIT_USAGE)
            return no_results(path)
        versions = store.pack_versions(pack_id)
        if not versions:
            if loaded is not None:
                return no_results(path, f" for pack {pack_id!r}")
            known = store.pack_ids()
            have = f"; packs with results: {', '.join(known)}" if known else ""
            return fail(f"no pack or results called {ref!r} (database: {path}){have}", EXIT_USAGE)
        current_hash = loaded.content_hash if loaded is not None else None
        versions.sort(key=lambda v: v.pack_hash != current_hash)  # stable: newest stay first
        stats = {v.pack_hash: store.question_stats(pack_id, v.pack_hash) for v in versions}
    except StoreError as exc:
        return fail(str(exc))
    finally:
        if store is not None:
            store.close()
    _print_report(pack_id, loaded, versions, stats, current_hash)
    return EXIT_OK


def _print_report(
    pack_id: str,
    loaded: LoadedPack | None,
    versions: list[PackVersion],
    stats: dict[str, list[QuestionStats]],
    current_hash: str | None,
) -> None:
    if len(versions) > 1:
        print(
            textwrap.fill(
                f"Results come from {len(versions)} versions of this pack. Each is shown on its"
                " own: questions may have changed between them.",
                WIDTH,
            )
        )
    if current_hash is not None and versions[0].pack_hash != current_hash:
        print("No results yet for the current version of this pack.")
    out: list[str] = []
    for version in versions:
        is_current = version.pack_hash == current_hash if current_hash is not None else None
        title = loaded.title if is_current and loaded is not None else version.pack_title
        out.append("")
        out.extend(_heading(pack_id, title, version, is_current))
        # Prompts only for the version we have: an earlier version's questions may differ.
        out.extend(_table(stats[version.pack_hash], loaded if is_current else None))
    print("\n".join(out[1:] if len(versions) == 1 else out))
