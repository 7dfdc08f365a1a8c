"""Moodle XML in and out, through the hardened parser."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from quizgame.packs.convert.model import ImportRefused
from quizgame.packs.convert.moodle_xml import read_moodle_bytes

from .conftest import essentials, fill_in, loaded, run

QUIZ = b"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/top/Geography</text></category>
  </question>
  <question type="multichoice">
    <name><text>Capital of France</text></name>
    <questiontext format="html"><text><![CDATA[<p>What is the capital of <b>France</b>?</p>]]></text></questiontext>
    <generalfeedback format="html"><text>Paris has been the capital since 987.</text></generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html"><text>Paris</text><feedback><text>Right.</text></feedback></answer>
    <answer fraction="0" format="html"><text>Lyon</text><feedback><text>Lyon is the third city.</text></feedback></answer>
  </question>
  <question type="multichoice">
    <name><text>Rivers</text></name>
    <questiontext format="plain_text"><text>Which are rivers?</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>Seine</text></answer>
    <answer fraction="50"><text>Loire</text></answer>
    <answer fraction="-50"><text>Alps</text></answer>
    <tags><tag><text>rivers</text></tag></tags>
  </question>
  <question type="truefalse">
    <name><text>Round</text></name>
    <questiontext format="moodle_auto_format"><text>The Earth is round.</text></questiontext>
    <answer fraction="100"><text>true</text><feedback><text>Yes.</text></feedback></answer>
    <answer fraction="0"><text>false</text><feedback><text>It is.</text></feedback></answer>
    <hint format="html"><text>Look at a globe.</text></hint>
  </question>
  <question type="shortanswer">
    <name><text>Longest</text></name>
    <questiontext format="html"><text>The longest river in France?</text></questiontext>
    <answer fraction="100"><text>Loire</text></answer>
    <answer fraction="50"><text>Seine</text></answer>
  </question>
  <question type="matching"><name><text>m</text></name><questiontext><text>Match</text></questiontext></question>
  <question type="numerical"><name><text>n</text></name><questiontext><text>2+2?</text></questiontext></question>
  <question type="essay"><name><text>e</text></name><questiontext><text>Write.</text></questiontext></question>
  <question type="description"><name><text>d</text></name><questiontext><text>Read.</text></questiontext></question>
</quiz>
"""


def test_every_kind_we_hold_comes_in_and_the_rest_is_skipped_by_name() -> None:
    result = read_moodle_bytes(QUIZ)

    got = [(q.kind, q.title, q.prompt, q.choices or q.accept or q.truth, q.answers, q.category) for q in result.questions]
    assert got == [
        ("single", "Capital of France", "What is the capital of France?", ["Paris", "Lyon"], ["Paris"], "Geography"),
        ("multiple", "Rivers", "Which are rivers?", ["Seine", "Loire", "Alps"], ["Seine", "Loire"], "Geography"),
        ("true_false", "Round", "The Earth is round.", True, [], "Geography"),
        ("short", "Longest", "The longest river in France?", ["Loire"], [], "Geography"),
    ]
    first, rivers, round_, longest = result.questions
    assert first.general_feedback == "Paris has been the capital since 987."
    assert first.answer_feedback == [("Paris", True, "Right."), ("Lyon", False, "Lyon is the third city.")]
    assert (rivers.tags, round_.hint) == (["rivers"], "Look at a globe.")
    skipped = [(f.line, f.kind) for f in result.findings if f.severity == "skipped"]
    assert "skipped an essay question" in result.findings[-2].message
    assert skipped == [(36, "matching"), (37, "numerical"), (38, "essay"), (39, "description")]
    notes = [(f.line, f.message) for f in result.findings if f.severity == "note"]
    assert notes == [(30, "partial credit dropped: 'Seine' (50%) not accepted (quizgame accepts an answer or not)")]


def test_pack_to_moodle_xml_to_pack(every_type: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = every_type.parent / "every.xml"
    back = every_type.parent / "back.yaml"

    assert run(capsys, str(every_type), str(out))[0] == 0
    assert run(capsys, str(out), str(back))[0] == 0

    back.write_text(fill_in(back.read_text(encoding="utf-8"), "every-type.txt"), encoding="utf-8")
    original, again = loaded(every_type), loaded(back)
    assert essentials(again) == essentials(original)
    assert [q.hint for q in again.questions] == [q.hint for q in original.questions]
    # The quotes come back too, as proposals (confirmed by fill_in).
    assert [q.quote_fragments for q in again.questions] == [q.quote_fragments for q in original.questions]


def test_the_article_pack_to_moodle_xml_and_back(article_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = article_copy.parent / "article.xml"
    back = article_copy.parent / "back.yaml"
    assert run(capsys, str(article_copy), str(out))[0] == 0
    assert run(capsys, str(out), str(back))[0] == 0
    back.write_text(fill_in(back.read_text(encoding="utf-8"), "trump-putin-g20-takeaways.txt"), encoding="utf-8")

    assert essentials(loaded(back)) == essentials(loaded(article_copy))


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<quiz><question type="truefalse"><questiontext><text>&lol9;</text></questiontext></question></quiz>
"""
EXTERNAL_FILE = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<quiz><question type="truefalse"><questiontext><text>&secret;</text></questiontext></question></quiz>
"""
EXTERNAL_NET = b"""<?xml version="1.0"?>
<!DOCTYPE quiz SYSTEM "http://127.0.0.1:9/evil.dtd">
<quiz/>
"""


@pytest.mark.parametrize(
    "data, line, words",
    [
        (BOMB, 2, "not allowed"),
        (EXTERNAL_FILE, 2, "not allowed"),
        (EXTERNAL_NET, 2, "not allowed"),
        (b"<quiz><question type='truefalse'>", 1, "not well-formed XML"),
        (b"\x00\x01PK\x03\x04 junk \xff\xfe", 1, "not well-formed XML"),
        (b"<html><body/></html>", 1, "not a Moodle XML question file"),
        (b"<quiz>" + b"<a>" * 100_000, 1, "not well-formed XML"),
    ],
    ids=["bomb", "external-file", "external-dtd", "truncated", "junk", "not-moodle", "deep-truncated"],
)
def test_hostile_xml_is_refused_quickly_with_a_location(data: bytes, line: int, words: str) -> None:
    started = time.perf_counter()
    with pytest.raises(ImportRefused) as refused:
        read_moodle_bytes(data)

    assert refused.value.finding.line == line and words in refused.value.finding.message
    if b"<!DOCTYPE" in data:  # at the declaration itself
        assert refused.value.finding.col == 1
    assert "root:" not in refused.value.finding.message
    # Generous: only a parser that expanded or fetched something could take this long.
    assert time.perf_counter() - started < 10


def test_hostile_xml_through_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bomb.xml").write_bytes(BOMB)

    code, out, err = run(capsys, str(tmp_path / "bomb.xml"), str(tmp_path / "bomb.yaml"))

    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'bomb.xml'}:2:") and "not allowed" in lines[0]
    assert lines[1] == f"nothing converted: {tmp_path / 'bomb.xml'} was refused"
    assert not (tmp_path / "bomb.yaml").exists()
