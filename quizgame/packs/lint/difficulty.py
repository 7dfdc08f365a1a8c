"""difficulty-spread (QG601): the pack's mix of difficulties, and hard questions' hints.

A class needs easy questions to start with and hard ones to stretch; a pack of nearly all
one difficulty teaches little and scores unfairly. A hard question offers a hint, so a
player who is stuck can still learn something before answering.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from quizgame.packs.lint.context import Context, Finding

# In packs of at least this many questions...
SPREAD_MIN_QUESTIONS = 10
# ...at least this share should be easy, and as many hard.
SPREAD_MIN_SHARE = 0.2


def check(ctx: Context) -> Iterator[Finding]:
    questions = ctx.pack.questions
    if len(questions) >= SPREAD_MIN_QUESTIONS:
        counts = Counter(q.difficulty for q in questions)
        for level in ("easy", "hard"):
            if counts[level] < SPREAD_MIN_SHARE * len(questions):
                line, col = ctx.key_position(("questions",))
                share = round(100 * counts[level] / len(questions))
                yield Finding(
                    line, col, "QG601",
                    f"{counts[level]} of the {len(questions)} questions are {level} ({share}%); "
                    f"aim for at least {round(100 * SPREAD_MIN_SHARE)}%",
                    None,
                )
    for i, q in enumerate(questions):
        if q.difficulty == "hard" and not q.hint:
            yield ctx.finding(
                "QG601",
                ("questions", i, "difficulty"),
                "a hard question without a hint: give one, for players who are stuck",
                q.id,
            )
