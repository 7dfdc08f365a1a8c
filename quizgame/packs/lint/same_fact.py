"""same-fact (QG201): two questions whose quotes are the same passage or overlap heavily.

Two questions proved by one passage usually test one fact twice, and each gives the other
away. Quotes are compared where they were found in the source (their spans), so the same
words quoted from two different places do not count.
"""

from __future__ import annotations

from collections.abc import Iterator

from quizgame.packs.lint.context import Context, Finding

# Share of the shorter quote's characters that lie inside the other quote.
SAME_FACT_SHARE = 0.5

Spans = tuple[tuple[int, int], ...]


def overlap(a: Spans, b: Spans) -> float:
    """Share of the shorter of two quotes that lies inside the other one."""
    shared = sum(max(0, min(ae, be) - max(as_, bs)) for as_, ae in a for bs, be in b)
    shorter = min(sum(e - s for s, e in a), sum(e - s for s, e in b))
    return shared / shorter if shorter else 0.0


def check(ctx: Context) -> Iterator[Finding]:
    spans = ctx.loaded.quote_spans
    questions = ctx.pack.questions
    for j, later in enumerate(questions):
        mine = spans.get(later.id)
        if not mine:
            continue
        earlier = [
            q.id for q in questions[:j] if spans.get(q.id) and overlap(spans[q.id], mine) >= SAME_FACT_SHARE
        ]
        if earlier:
            listed = ", ".join(f"'{question_id}'" for question_id in earlier)
            yield ctx.finding(
                "QG201",
                ("questions", j, "quote"),
                f"the quote is mostly the same passage as the quote of {listed}: one fact asked twice",
                later.id,
            )
