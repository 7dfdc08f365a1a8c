"""pack -> GIFT -> pack gives back the same questions, answers and explanations; generated
packs survive the trip, and generated GIFT never makes the importer raise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgame.packs import load_pack
from quizgame.packs.convert.gift import read_gift, read_gift_bytes
from quizgame.packs.convert.gift_export import write_gift
from quizgame.packs.convert.model import ImportRefused
from quizgame.packs.pack import MultipleQuestion, Pack, Section, ShortQuestion, SingleQuestion, Source, TrueFalseQuestion
from quizgame.packs.types import LoadedPack

from .conftest import essentials, fill_in, loaded, run


def round_trip(capsys: pytest.CaptureFixture[str], pack_path: Path, middle: str) -> Path:
    out = pack_path.parent / f"out.{middle}"
    back = pack_path.parent / "back.yaml"
    code, _, _ = run(capsys, str(pack_path), str(out))
    assert code == 0
    code, _, _ = run(capsys, str(out), str(back))
    assert code == 0
    source_name = Path(load_pack(pack_path, cache=False).pack.source.text).name
    back.write_text(fill_in(back.read_text(encoding="utf-8"), source_name), encoding="utf-8")
    return back


@pytest.mark.parametrize("pack_fixture", ["article_copy", "every_type"])
def test_pack_to_gift_to_pack(capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest, pack_fixture: str) -> None:
    pack_path = request.getfixturevalue(pack_fixture)

    back = round_trip(capsys, pack_path, "gift")

    original, again = loaded(pack_path), loaded(back)
    assert essentials(again) == essentials(original)
    # The quotes came back too (as proposals, confirmed by fill_in) and are found in the source.
    assert [q.quote_fragments for q in again.questions] == [
        tuple(" ".join(f.split()) for f in q.quote_fragments) for q in original.questions
    ]


# -- generated packs ---------------------------------------------------------------------

# Every character GIFT escapes, markup, quotes and non-ASCII letters; no control characters,
# and no runs of spaces (GIFT collapses them: see docs/convert.md).
ALPHABET = st.sampled_from(list("abcXYZ019 ~=#{}:\\%[]<>&\"'/-*.,?!()éßøÆ雾Ω\u2019") + ["\n", "->", "[html]", "####", "//"])


def _clean(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


TEXT = st.lists(ALPHABET, min_size=1, max_size=30).map("".join).map(_clean).filter(lambda t: any(c.isalnum() for c in t))


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


CHOICES = st.lists(TEXT, min_size=2, max_size=9, unique_by=_fold)


@st.composite
def questions(draw: st.DrawFn, index: int) -> object:
    kind = draw(st.sampled_from(["single", "multiple", "true_false", "short"]))
    common = dict(
        id=f"q{index}",
        section=draw(st.sampled_from(["one", "two"])),
        prompt=draw(TEXT),
        explanation=draw(TEXT),
        quote=draw(st.one_of(TEXT, st.lists(TEXT, min_size=1, max_size=3).map(tuple))),
        difficulty="medium",
        points=None,
        time_limit=None,
        hint=None,
        tags=(),
        lint=None,
    )
    if kind == "single":
        choices = draw(CHOICES)
        return SingleQuestion(
            **common, type=kind, choices=tuple(choices), answer=draw(st.sampled_from(choices)), shuffle=True
        )
    if kind == "multiple":
        choices = draw(CHOICES)
        answers = draw(st.lists(st.sampled_from(choices), min_size=1, unique=True))
        return MultipleQuestion(**common, type=kind, choices=tuple(choices), answers=tuple(answers), shuffle=True)
    if kind == "true_false":
        return TrueFalseQuestion(**common, type=kind, answer=draw(st.booleans()))
    accept = draw(st.lists(TEXT.filter(lambda t: "->" not in t and t != "*"), min_size=1, max_size=4))
    return ShortQuestion(**common, type=kind, accept=tuple(accept), exact=False)


@st.composite
def packs(draw: st.DrawFn) -> LoadedPack:
    count = draw(st.integers(1, 6))
    qs = tuple(draw(questions(i)) for i in range(count))
    source = Source(draw(TEXT), draw(TEXT), draw(TEXT), None, dt.date(2020, 1, 2), None, "s.txt")
    # Moodle's category paths cannot hold a name that starts or ends with '/'.
    sections = (
        Section("one", draw(TEXT.map(lambda t: t.replace("\n", " ").strip("/ ")).filter(bool)), None),
        Section("two", "Second / part", None),
    )
    pack = Pack(1, "generated", draw(TEXT), "d", "en", ("a",), "CC0-1.0", source, sections, qs, None)
    return LoadedPack(pack, Path("generated.yaml"), "", "0")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_generated_packs_survive_a_gift_round_trip(loaded_pack: LoadedPack) -> None:
    exported = write_gift(loaded_pack, [])
    result = read_gift(exported.data.decode("utf-8"))

    assert [f.message for f in result.findings if f.severity != "note"] == []
    pack = loaded_pack.pack
    assert len(result.questions) == len(pack.questions)
    for got, want in zip(result.questions, pack.questions):
        assert (got.title, got.kind, got.prompt, got.general_feedback) == (want.id, want.type, want.prompt, want.explanation)
        assert got.category == pack.section(want.section).title
        assert got.quote == [" ".join(f.split()) for f in want.quote_fragments]
        if want.type == "single":
            assert (got.choices, got.answers) == (list(want.choices), [want.answer])
        elif want.type == "multiple":
            # Written in the order of the choices.
            assert (got.choices, sorted(got.answers)) == (list(want.choices), sorted(want.answers))
        elif want.type == "true_false":
            assert got.truth is want.answer
        else:
            assert got.accept == list(want.accept)


GIFT_PIECES = st.sampled_from(
    list("{}=~#:\\%[]->\n \tTF*") + ["::", "####", "$CATEGORY:", "[html]", "[markdown]", "//", "\n\n", "%50%", "TRUE", "->", "{#", "a", "é"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(GIFT_PIECES, max_size=60).map("".join))
def test_generated_gift_never_makes_the_importer_raise(text: str) -> None:
    result = read_gift(text)

    for finding in result.findings:
        assert finding.line >= 1 and finding.col >= 1
        assert finding.line <= text.count("\n") + 2


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_generated_bytes_are_read_or_refused_with_a_location(data: bytes) -> None:
    try:
        read_gift_bytes(data)
    except ImportRefused as refused:
        assert refused.finding.line >= 1 and refused.finding.severity == "refused"
