"""`quizgame packs`: list the packs found, folder by folder, invalid ones included."""

from __future__ import annotations

import argparse
import shutil
import textwrap
from pathlib import Path

from quizgame.exits import EXIT_OK
from quizgame.safe_text import safe_text


def _fit(text: str, width: int) -> str:
    indent = text[: len(text) - len(text.lstrip(" "))]
    # Titles and file names are outside text: nothing in them may act on the terminal.
    text = indent + " ".join(safe_text(text, one_line=True).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _wrap(text: str, width: int, indent: str = "      ") -> list[str]:
    """A reason in full, over as many lines as it takes; a path in it is never broken."""
    return textwrap.wrap(
        " ".join(safe_text(text, one_line=True).split()),
        width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def run(args: argparse.Namespace) -> int:
    from quizgame import locations
    from quizgame.packs.discovery import discover_packs

    width = max(40, min(shutil.get_terminal_size((80, 24)).columns, 100))
    extra: list[Path] = list(getattr(args, "packs", None) or [])
    entries = discover_packs(extra)

    folders: list[tuple[str, Path]] = [
        ("Built-in packs", locations.builtin_packs_dir()),
        ("Your packs", locations.user_packs_dir()),
    ]
    folders += [("Packs from --packs", folder) for folder in extra]
    folders += [("Packs from QUIZGAME_PACKS", folder) for folder in locations.extra_pack_dirs()]

    lines: list[str] = []
    shown: set[int] = set()
    for heading, folder in folders:
        state = "" if folder.is_dir() else (", does not exist yet" if not folder.exists() else ", not a folder")
        # A path cut short is no use: when it does not fit, it gets a line of its own.
        title = f"{heading} ({folder}{state}):"
        lines += [title] if len(title) <= width else [f"{heading}:", f"  in {folder}{state}"]
        mine = [e for e in entries if e.folder == folder and id(e) not in shown]
        shown.update(id(e) for e in mine)
        if not mine:
            lines.append("  none")
        for entry in mine:
            name = entry.path.relative_to(folder) if entry.path.is_relative_to(folder) else entry.path
            if entry.pack is not None:
                pack = entry.pack.pack
                source = pack.source
                lines.append(_fit(f"  {pack.id}: {pack.title}", width))
                count = _plural(len(pack.questions), "question")
                lines.append(_fit(f"      {count}; source: {source.title} ({source.publication})", width))
                if entry.taken_by is not None:
                    # Valid (as `quizgame validate` says), but its id means the other pack.
                    lines += _wrap(
                        f"not used: {name} is valid, but its id '{pack.id}' is taken by a pack "
                        f"found before it, {entry.taken_by}; give this one an id of its own",
                        width,
                    )
            else:
                count = _plural(len(entry.problems), "problem")
                lines.append(_fit(f"  {name}: INVALID, {count} ('quizgame validate' lists them)", width))
                first = entry.problems[0]
                lines += _wrap(f"{first.line}:{first.col}: {first.message}", width)
    valid = sum(1 for e in entries if e.pack is not None)
    invalid = len(entries) - valid
    unused = sum(1 for e in entries if e.taken_by is not None)
    summary = f"{_plural(len(entries), 'pack')} found: {valid} valid, {invalid} invalid"
    if unused:
        summary += f"; {unused} of the valid not used, {'its id' if unused == 1 else 'their ids'} taken"
    lines.append(summary)
    print("\n".join(lines))
    return EXIT_OK
