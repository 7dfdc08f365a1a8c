"""A Quizlet set exported as text: one card a line, the term, a tab, the definition.

Each card becomes a `short` question that shows the definition and accepts the term, the
way Quizlet's "Write" mode asks. (Quizlet's export lets the separators be changed: choose
Tab between term and definition, and New line between rows.)
"""

from __future__ import annotations

from quizgame.packs.convert.model import Finding, Imported, ImportResult
from quizgame.packs.convert.text import decoded, plain, unsafe_character


def read_quizlet_bytes(data: bytes) -> ImportResult:
    return read_quizlet(decoded(data))


def read_quizlet(text: str) -> ImportResult:
    result = ImportResult()
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if not raw.strip():
            continue
        if "\t" not in raw:
            result.findings.append(
                Finding(number, 1, "skipped: no tab between the term and the definition (export with Tab between them)", "skipped")
            )
            continue
        term, definition = (plain(part) for part in raw.split("\t", 1))
        if not term or not definition:
            col = 1 if not term else raw.index("\t") + 2
            result.findings.append(Finding(number, col, f"skipped: the {'term' if not term else 'definition'} is empty", "skipped"))
            continue
        bad = unsafe_character(term + definition)
        if bad:
            result.findings.append(Finding(number, 1, f"skipped: the card holds {bad}, which a pack may not hold", "skipped"))
            continue
        result.questions.append(Imported(kind="short", prompt=definition, line=number, col=1, accept=[term]))
    return result
