"""Whatever the bytes, loading gives a LoadedPack or a PackError with located problems."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgame.packs import LoadedPack, PackError, load_pack

from .conftest import SOURCE_PATH, VALID

SNIPPETS = [
    "&a ", "*a", "&b [1, *b]", "!!python/object/apply:os.system [ls]", "!!binary ", "!!set ", "!x ",
    "! ", "!<tag:x> ", "<<: ", "<<: {a: 1}", "\t", "\x00", "\x07", "\x85", "\u202e", "\u2028", "\ufeff",
    "\\u202e", "\\x00", ": ", "- ", "? ", "[", "]", "{", "}", ",", "'", '"', "\n", "\r\n", "\r", "#",
    "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x:\n", "|\n", ">-\n", "no", "yes", "010", "12:30",
    "1_000", "0b11", ".inf", "~", "null", "true", "2017", "id: x\n", "type: short\n", "quote: [a, b]",
    "  ", "    ", "\u00e9", "\U0001f600", "\ud7ff", "\ufffd", "\uffff",
]
MUTATION = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 40)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.sampled_from(SNIPPETS)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.text(max_size=8)),
    st.tuples(st.just("replace"), st.integers(0, 10**6), st.characters()),
    st.tuples(st.just("swap-lines"), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just("copy-line"), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just("bytes"), st.integers(0, 10**6), st.binary(min_size=1, max_size=6)),
)


def mutate(text: str, mutations: list[tuple[Any, ...]]) -> bytes:
    raw_inserts: list[tuple[int, bytes]] = []
    for kind, a, b in mutations:
        at = a % (len(text) + 1)
        if kind == "delete":
            text = text[:at] + text[at + b :]
        elif kind == "insert":
            text = text[:at] + b + text[at:]
        elif kind == "replace":
            text = text[:at] + b + text[at + 1 :]
        elif kind in ("swap-lines", "copy-line"):
            lines = text.split("\n")
            i, j = a % len(lines), b % len(lines)
            if kind == "swap-lines":
                lines[i], lines[j] = lines[j], lines[i]
            else:
                lines.insert(j, lines[i])
            text = "\n".join(lines)
        else:
            raw_inserts.append((a, b))
    data = text.encode("utf-8", "surrogatepass")
    for a, b in raw_inserts:
        at = a % (len(data) + 1)
        data = data[:at] + b + data[at:]
    return data


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copy(SOURCE_PATH, folder / "source.txt")
    return folder


def check(path: Path, data: bytes, *, cache: bool = False) -> None:
    path.write_bytes(data)
    try:
        loaded = load_pack(path, cache=cache)
    except PackError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == path
            assert problem.line >= 1 and problem.col >= 1, problem
            assert problem.message and "\n" not in problem.message and "\r" not in problem.message
            assert problem.message != "the pack does not match the pack format"
    else:
        assert isinstance(loaded, LoadedPack)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(MUTATION, min_size=1, max_size=6))
def test_mutated_packs_never_raise_anything_else(fuzz_dir: Path, mutations: list[tuple[Any, ...]]) -> None:
    check(fuzz_dir / "pack.yaml", mutate(VALID, mutations))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_random_bytes_never_raise_anything_else(fuzz_dir: Path, data: bytes) -> None:
    check(fuzz_dir / "bytes.yaml", data)


YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
FIELDS = ["id", "type", "section", "prompt", "choices", "answer", "answers", "accept", "quote", "explanation",
          "points", "time_limit", "tags", "exact", "hint", "difficulty"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(FIELDS), YAML_VALUES, st.booleans())
def test_any_value_in_any_question_field(fuzz_dir: Path, field: str, value: Any, cache: bool) -> None:
    data = yaml.safe_load(VALID)
    data["questions"][1][field] = value
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    check(fuzz_dir / "value.yaml", text.encode("utf-8", "surrogatepass"), cache=cache)


PROPERTY_ALPHABET = list("ab &*!-?:,[]{}\"'#|>\n\t") + ["\r\n", "\ufeff", "\u2028", "\x85", "\u00bf"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PROPERTY_ALPHABET), max_size=30))
def test_the_quick_scan_never_misses_an_anchor_alias_or_tag(pieces: list[str]) -> None:
    """Files the byte scan lets through are composed without the event-level check, so it
    must find a possible anchor, alias or tag wherever libyaml would see one."""
    from quizgame.packs.reader import _Composer, _may_have_properties

    text = "".join(pieces)
    try:
        events = list(yaml.parse(text, Loader=_Composer))
    except yaml.YAMLError:
        return
    if any(getattr(e, "anchor", None) is not None or getattr(e, "tag", None) is not None for e in events):
        assert _may_have_properties(text.encode("utf-8"))
