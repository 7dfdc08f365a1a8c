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
    where = ("questions",)

    multiple = [q for q in questions if q.type == "multiple"]
    if len(multiple) >= PATTERN_MIN_QUESTIONS:
        count, n = Counter(len(q.answers) for q in multiple).most_common(1)[0]  # type: ignore[union-attr]
        if n >= PATTERN_SHARE * len(multiple):
            line, col = ctx.key_position(where)
            yield Finding(
                line, col, "QG402",
                f"{n} of the {len(multiple)} 'multiple' questions have {count} right answer(s): "
                "players learn how many to pick; vary the number",
                None,
            )

    true_false = [q.answer for q in questions if q.type == "true_false"]  # type: ignore[union-attr]
    if len(true_false) >= PATTERN_MIN_QUESTIONS:
        key, n = Counter(true_false).most_common(1)[0]
        if n >= PATTERN_SHARE * len(true_false):
            line, col = ctx.key_position(where)
            yield Finding(
                line, col, "QG402",
                f"{n} of the {len(true_false)} 'true_false' questions are {str(key).lower()}: "
                "players who always answer that do well; balance them",
                None,
            )

    positions = [q.choices.index(q.answer) for q in questions if q.type == "single"]  # type: ignore[union-attr]
    if len(positions) >= PATTERN_MIN_QUESTIONS:
        place, n = Counter(positions).most_common(1)[0]
        if n > POSITION_SHARE * len(positions):
            line, col = ctx.key_position(where)
            yield Finding(
                line, col, "QG402",
                f"the right answer is choice {place + 1} in {n} of the {len(positions)} 'single' "
                "questions: players who see the choices unshuffled learn the place",
                None,
            )
