"""giveaway-choice (QG401) and answer-pattern (QG402): choices that tell the answer.

A test-wise player picks the longest choice, avoids "all of the above" traps, and learns
that every multiple-choice question has three right answers. These rules find what such a
player would exploit.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from quizgame.packs.lint.context import Context, Finding
from quizgame.packs.textmatch import normalise

# The right choice gives itself away when it is this many times as long as the longest
# wrong one, and at least GIVEAWAY_EXTRA_CHARS longer.
GIVEAWAY_LENGTH_RATIO = 1.5
GIVEAWAY_EXTRA_CHARS = 15
# Answer patterns are looked for in packs with at least this many questions of the kind...
PATTERN_MIN_QUESTIONS = 4
# ...and found when this share of them have the same number of right answers, or the same
# true/false key...
PATTERN_SHARE = 0.8
# ...or when more than this share of the choice questions have their right answer in the
# same place (as written: the order players see when choices are not shuffled).
POSITION_SHARE = 0.5

CATCH_ALL = re.compile(
    r"^(?:(?:all|none|both|neither) of (?:the above|the below|these|them|those|the others)"
    r"|no ?ones?|no one s|nobody ?s?|none|neither|nothing"
    r"|not (?:stated|mentioned|given|known|said)|cannot be (?:determined|known|told)"
    r"|can t be (?:determined|known|told)|(?:it|the \w+) (?:does not|doesn t) say)\b"
)


def check(ctx: Context) -> Iterator[Finding]:
    yield from _giveaways(ctx)
    yield from _patterns(ctx)


def _giveaways(ctx: Context) -> Iterator[Finding]:
    for i, q in enumerate(ctx.pack.questions):
        if q.type not in ("single", "multiple"):
            continue
        choices: tuple[str, ...] = q.choices  # type: ignore[union-attr]
        for j, choice in enumerate(choices):
            match = CATCH_ALL.match(normalise(choice))
            if match:
                yield ctx.finding(
                    "QG401",
                    ("questions", i, "choices", j),
                    f"'{choice}' is a catch-all choice; players learn to pick or avoid it whatever the question",
                    q.id,
                )
        right = {q.answer} if q.type == "single" else set(q.answers)  # type: ignore[union-attr]
        wrong = [c for c in choices if c not in right]
        if not wrong:
            continue
        longest_wrong = max(len(c.strip()) for c in wrong)
        shortest_right = min(len(c.strip()) for c in right)
        if (
            shortest_right >= GIVEAWAY_LENGTH_RATIO * longest_wrong
            and shortest_right - longest_wrong >= GIVEAWAY_EXTRA_CHARS
        ):
            j = min(choices.index(c) for c in right if len(c.strip()) == shortest_right)
            which = "the right choice is" if q.type == "single" else "every right choice is"
            yield ctx.finding(
                "QG401",
                ("questions", i, "choices", j),
                f"{which} much longer than every wrong one ({shortest_right} characters against at "
                f"most {longest_wrong}); make the choices alike",
                q.id,
            )


def _patterns(ctx: Context) -> Iterator[Finding]:
    questions = ctx.pack.questions
    counts = [len(q.answers) for q in questions if q.type == "multiple"]  # type: ignore[union-attr]
    keys = [q.answer for q in questions if q.type == "true_false"]  # type: ignore[union-attr]
    places = [q.choices.index(q.answer) for q in questions if q.type == "single"]  # type: ignore[union-attr]
    patterns = [
        (counts, PATTERN_SHARE, False, lambda v: f"'multiple' questions have {v} right answer(s): players learn how many to pick; vary the number"),
        (keys, PATTERN_SHARE, False, lambda v: f"'true_false' questions are {str(v).lower()}: players who always answer that do well; balance them"),
        # "Most" places: more than the share, where the others need at least it.
        (places, POSITION_SHARE, True, lambda v: f"'single' questions have the right answer as choice {v + 1}: players who see the choices unshuffled learn the place"),
    ]
    for values, share, strict, says in patterns:
        if len(values) < PATTERN_MIN_QUESTIONS:
            continue
        value, n = Counter(values).most_common(1)[0]
        if n > share * len(values) or (not strict and n == share * len(values)):
            line, col = ctx.key_position(("questions",))
            yield Finding(line, col, "QG402", f"{n} of the {len(values)} {says(value)}", None)
