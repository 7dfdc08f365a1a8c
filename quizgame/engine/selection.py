"""Picking and ordering a session's questions, reproducibly from a seed."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, MutableSequence
from hashlib import sha256
from typing import TYPE_CHECKING, TypeVar

from quizgame.engine.errors import EmptySelectionError, OptionsError
from quizgame.engine.options import SessionOptions
from quizgame.engine.results import PreparedQuestion

if TYPE_CHECKING:
    from quizgame.packs.pack import Pack

T = TypeVar("T")


def seeded_random(*parts: object) -> random.Random:
    """A generator seeded from `parts` through sha256.

    Each use gets its own stream (question order; each question's choices), so the choice
    order of a question does not depend on which other questions were picked. The seed is an
    int made by sha256, which depends on neither PYTHONHASHSEED nor the Python version.
    """
    key = "\x1f".join(str(part) for part in parts).encode()
    return random.Random(int.from_bytes(sha256(key).digest(), "big"))


def stable_shuffle(items: MutableSequence[T], rng: random.Random) -> None:
    """Fisher-Yates driven only by rng.random().

    random() is the one method CPython promises will give the same sequence for the same
    seed in future versions; shuffle() and randrange() carry no such promise.
    """
    for i in range(len(items) - 1, 0, -1):
        j = int(rng.random() * (i + 1))
        items[i], items[j] = items[j], items[i]


def matching_questions(pack: Pack, options: SessionOptions) -> list:
    """The pack's questions that `options` filter in (sections, tags, ids), in pack order,
    before any shuffling or `count`."""
    sections, tags, ids = set(options.sections), set(options.tags), set(options.question_ids)
    return [
        q
        for q in pack.questions
        if (not sections or q.section in sections)
        and (not tags or tags.intersection(q.tags))
        and (not ids or q.id in ids)
    ]


def prepare_questions(
    pack: Pack, options: SessionOptions, fuller_forms: Mapping[str, tuple[str, ...]] | None = None
) -> tuple[PreparedQuestion, ...]:
    """Filter, shuffle, cut to `count`, shuffle choices, and number from 1.

    `fuller_forms` are the loaded pack's (LoadedPack.fuller_forms), handed to each question.
    """
    fuller_forms = fuller_forms or {}
    _check_names(pack, options)
    picked = matching_questions(pack, options)
    if not picked:
        raise EmptySelectionError(_empty_message(pack, options))
    if options.shuffle_questions:
        stable_shuffle(picked, seeded_random("questions", options.seed))
    if options.count is not None:
        picked = picked[: options.count]

    prepared = []
    for number, question in enumerate(picked, start=1):
        choices: list[str] = list(getattr(question, "choices", ()))
        # A question may keep its choices in the order written (ordinals, dates, a scale).
        if options.shuffle_choices and getattr(question, "shuffle", True):
            stable_shuffle(choices, seeded_random("choices", options.seed, question.id))
        limit = options.time_limit if options.time_limit is not None else question.time_limit
        prepared.append(
            PreparedQuestion(
                number=number,
                question=question,
                section=pack.section(question.section),
                choices=tuple(choices),
                time_limit=None if limit is None else float(limit),
                base_points=question.base_points,
                fuller_forms=fuller_forms.get(question.id, ()),
            )
        )
    return tuple(prepared)


def pack_tags(pack: Pack) -> list[str]:
    """Every tag used in the pack, in first-use order."""
    return list(dict.fromkeys(tag for q in pack.questions for tag in q.tags))


def _check_names(pack: Pack, options: SessionOptions) -> None:
    known_sections = [s.id for s in pack.sections]
    unknown = [s for s in options.sections if s not in known_sections]
    if unknown:
        raise OptionsError(
            f"no section {_listed(unknown)} in pack {pack.id}; "
            f"its sections are {_listed(known_sections)}"
        )
    known_tags = pack_tags(pack)
    unknown = [t for t in options.tags if t not in known_tags]
    if unknown:
        have = f"its tags are {_listed(known_tags)}" if known_tags else "it has no tags"
        raise OptionsError(f"no question in pack {pack.id} is tagged {_listed(unknown)}; {have}")
    known_ids = {q.id for q in pack.questions}
    unknown = [i for i in options.question_ids if i not in known_ids]
    if unknown:
        raise OptionsError(f"no question {_listed(unknown)} in pack {pack.id}")


def _empty_message(pack: Pack, options: SessionOptions) -> str:
    filters = []
    if options.sections:
        filters.append(f"sections {_listed(options.sections)}")
    if options.tags:
        filters.append(f"tags {_listed(options.tags)}")
    if options.question_ids:
        filters.append(f"questions {_listed(options.question_ids)}")
    tags = pack_tags(pack)
    return (
        f"no question in pack {pack.id} matches {' and '.join(filters)}; "
        f"its sections are {_listed([s.id for s in pack.sections])}"
        + (f" and its tags are {_listed(tags)}" if tags else "")
    )


def _listed(names: Iterable[str]) -> str:
    return ", ".join(names)
