"""The article pack passes every check of the real loader, quotes included."""

from __future__ import annotations

from quizgame.packs import load_pack

from .conftest import PACK_PATH, SOURCE_COPY


def test_the_real_loader_accepts_the_pack_without_problems() -> None:
    loaded = load_pack(PACK_PATH, cache=False)  # raises PackError listing every problem

    assert loaded.pack.id == "trump-putin-g20"
    assert loaded.source_text == SOURCE_COPY.read_text(encoding="utf-8")


def test_every_quote_fragment_is_located_in_the_source() -> None:
    loaded = load_pack(PACK_PATH, cache=False)

    for question in loaded.pack.questions:
        spans = loaded.quote_spans[question.id]
        assert len(spans) == len(question.quote_fragments), question.id
        starts = [start for start, _ in spans]
        assert starts == sorted(starts), f"{question.id}: fragments out of source order"
        for start, end in spans:
            assert 0 <= start < end <= len(loaded.source_text), question.id
