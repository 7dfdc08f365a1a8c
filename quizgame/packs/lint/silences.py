"""Silences: `lint: {ignore: [QG101], because: "..."}` on a question or on the whole pack.

A finding is silenced by its question's `lint`, or by the pack's. A silence must say why
(silence-without-reason, QG001) and must still silence something (unused-silence, QG002),
so that silences do not outlive their reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from quizgame.packs.lint.context import Context, Finding, Loc
from quizgame.packs.pack import LintSilence


class Silenced(NamedTuple):
    finding: Finding
    because: str | None


def apply(ctx: Context, findings: Iterable[Finding]) -> tuple[list[Finding], list[Silenced]]:
    """The findings left, then the ones silenced, each with the silence's reason."""
    places: dict[str | None, tuple[LintSilence, Loc]] = {}
    for i, q in enumerate(ctx.pack.questions):
        if q.lint is not None:
            places[q.id] = (q.lint, ("questions", i, "lint"))
    pack_silence = (ctx.pack.lint, ("lint",)) if ctx.pack.lint is not None else None

    used: set[tuple[Loc, str]] = set()
    left: list[Finding] = []
    silenced: list[Silenced] = []
    for finding in sorted(set(findings)):
        for place in (places.get(finding.question) if finding.question else None, pack_silence):
            if place is not None and finding.code in place[0].ignore:
                used.add((place[1], finding.code))
                silenced.append(Silenced(finding, place[0].because))
                break
        else:
            left.append(finding)

    owners = [(q.id, place) for q, place in ((q, places.get(q.id)) for q in ctx.pack.questions) if place]
    if pack_silence is not None:
        owners.append((None, pack_silence))
    for owner, (silence, loc) in owners:
        if not silence.because:
            line, col = ctx.key_position(loc)
            codes = ", ".join(silence.ignore)
            left.append(
                Finding(
                    line, col, "QG001",
                    f"silences {codes} without a reason; add 'because:' saying why the findings do not apply",
                    owner,
                )
            )
        for k, code in enumerate(silence.ignore):
            if (loc, code) not in used:
                left.append(
                    ctx.finding(
                        "QG002",
                        loc + ("ignore", k),
                        f"{code} is silenced here but finds nothing; remove it",
                        owner,
                    )
                )
    return sorted(left), silenced
