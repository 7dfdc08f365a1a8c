"""--source: each question gets a proposed quote, marked for review, refused until confirmed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizgame.packs import load_pack
from quizgame.packs.convert.build import PackInfo
from quizgame.packs.convert.gift import read_gift
from quizgame.packs.convert.propose import Proposer
from quizgame.packs.load import validate_path

from .conftest import FIXTURES, fill_in, run

GIFT = (
    "::kinds::Which clouds are flat grey sheets?{=Stratus ~Cirrus ~Cumulus}\n\n"
    "::thunder::What travels faster than sound?{=light ####Light travels faster than sound.}\n\n"
    "::fog::Fog is a cloud on the ground.{T}\n\n"
    "::tea::Which drink is served at five?{=tea ~coffee}\n"
)


def test_proposals_are_passages_of_the_source() -> None:
    proposer = Proposer((FIXTURES / "every-type.txt").read_text(encoding="utf-8"))
    kinds, thunder, fog, tea = read_gift(GIFT).questions

    # The sentence naming the right answer, then the prompt's words.
    assert proposer.propose(kinds) == "Cumulus clouds look like cotton; stratus clouds are flat grey sheets."
    # The explanation is close to a passage: the validator's "did you mean" finds it.
    assert proposer.propose(thunder) == "light travels faster than sound:"
    # A statement: the sentence sharing most of its words.
    assert proposer.propose(fog) == "\u96fe is fog in Chinese."
    # No sentence names the answer: no guess.
    assert proposer.propose(tea) is None


def test_a_proposed_quote_is_refused_until_its_marker_is_deleted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = tmp_path / "weather.gift"
    bank.write_text(GIFT, encoding="utf-8")
    shutil.copy(FIXTURES / "every-type.txt", tmp_path / "weather.txt")
    out_path = tmp_path / "packs" / "weather.yaml"

    code, out, _ = run(capsys, str(bank), str(out_path), "--source", str(tmp_path / "weather.txt"))

    assert code == 0
    assert "confirm 3 proposed quotes (marked '# check')" in out
    text = out_path.read_text(encoding="utf-8")
    # The source text is copied into the pack's folder, where a pack's source must be.
    assert f"copied {tmp_path / 'weather.txt'} to {tmp_path / 'packs' / 'weather.txt'}" in out
    assert 'text: "weather.txt"' in text
    assert text.count("# check: proposed") == 3
    assert 'quote: "TODO: copy a passage from the source, word for word"' in text  # the tea question

    # Everything else filled in, the markers kept: each one is a problem.
    filled = fill_in(text, "weather.txt")
    tea_quote = "quote: \"Le brouillard, c'est un nuage au sol.\""
    marked = text.replace("date: 2000-01-01", "date: 2017-07-07")
    marked = marked.replace('quote: "TODO: copy a passage from the source, word for word"', tea_quote)
    marked = marked.replace('text: "TODO', 'text: "x').replace('"TODO: ', '"filled in: ')
    out_path.write_text(marked, encoding="utf-8")
    problems = validate_path(out_path)
    assert [p.message.startswith("this quote was proposed for review") for p in problems] == [True] * 3
    assert [p.line for p in problems] == [n for n, line in enumerate(text.splitlines(), 1) if "# check:" in line]

    # Deleting the markers confirms the proposals, which are found in the source word for word.
    out_path.write_text(filled.replace('quote: "filled in"', tea_quote), encoding="utf-8")
    assert validate_path(out_path) == []
    assert len(load_pack(out_path, cache=False).pack.questions) == 4


def test_pack_info_is_plain_data() -> None:
    info = PackInfo("p", "T", "D", "pack.schema.json", "p.yaml")
    assert info.source_path is None
