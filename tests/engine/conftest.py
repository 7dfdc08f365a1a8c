"""Test packs built in memory, and a clock the tests move by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quizgame.packs.models import Pack
from quizgame.packs.pack import from_model
from quizgame.packs.types import LoadedPack
from fakes import FakeClock  # noqa: F401  (shared; re-exported for this package's tests)

SECTIONS = [
    {"id": "summit", "title": "The summit"},
    {"id": "trade", "title": "Trade"},
    {"id": "unused", "title": "A section without questions"},
]


def question(qid: str, qtype: str = "single", **fields: Any) -> dict[str, Any]:
    """A valid question of `qtype`; `fields` override the defaults."""
    base: dict[str, Any] = {
        "id": qid,
        "type": qtype,
        "section": "summit",
        "prompt": f"Prompt of {qid}?",
        "explanation": "Because the source says so.",
        "quote": "a quote",
    }
    if qtype == "single":
        base |= {"choices": ["Berlin", "Hamburg", "Munich", "Cologne"], "answer": "Hamburg"}
    elif qtype == "multiple":
        base |= {"choices": ["A", "B", "C", "D", "E"], "answers": ["A", "B", "C"]}
    elif qtype == "true_false":
        base |= {"answer": True}
    elif qtype == "short":
        base |= {"accept": ["Hamburg"]}
    return base | fields


def standard_questions() -> list[dict[str, Any]]:
    return [
        question("q1", "single", tags=["city"]),
        question("q2", "multiple", difficulty="hard"),
        question("q3", "true_false", difficulty="easy", section="trade"),
        question("q4", "short", section="trade", tags=["city"], time_limit=20),
        question("q5", "single", section="summit", points=50),
        question("q6", "true_false", answer=False, section="trade", tags=["people"]),
        question("q7", "short", accept=["Vladimir Putin", "Putin"], tags=["people"]),
        question("q8", "multiple", answers=["D"], section="trade"),
    ]


def build_pack(
    questions: list[dict[str, Any]] | None = None,
    sections: list[dict[str, Any]] | None = None,
) -> LoadedPack:
    pack = Pack.model_validate(
        {
            "schema": 1,
            "id": "test-pack",
            "title": "Test pack",
            "description": "Questions for engine tests.",
            "language": "en",
            "authors": ["Tester"],
            "license": "CC0-1.0",
            "source": {
                "title": "A source",
                "author": "Someone",
                "publication": "Somewhere",
                "date": "2017-07-08",
                "text": "source.txt",
            },
            "sections": SECTIONS if sections is None else sections,
            "questions": standard_questions() if questions is None else questions,
        }
    )
    # Validated by the models, then played as the loader hands packs over: runtime objects.
    return LoadedPack(pack=from_model(pack), path=Path("x.yaml"), source_text="a quote", content_hash="test")


@pytest.fixture
def make_pack() -> Callable[..., LoadedPack]:
    return build_pack


@pytest.fixture
def pack() -> LoadedPack:
    return build_pack()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
