"""Silencing a finding on a question, or for the whole pack, always with a reason."""

from __future__ import annotations

from pathlib import Path

from .conftest import CLEAN, at, edit, findings, report

RESTATED = edit(
    "explanation: A storm in March had wrecked the old quay, so building started within months.",
    "explanation: The article says the harbour was rebuilt in 1904.",
)


def _silence(lines: str, text: str = RESTATED) -> str:
    return edit("    difficulty: easy\n", "    difficulty: easy\n" + lines, text)


def test_a_silence_with_a_reason_silences_its_question_s_finding(pack_dir: Path) -> None:
    text = _silence("    lint:\n      ignore: [QG301]\n      because: A warm-up question; the date is the point.\n")
    result = report(pack_dir, text)

    assert result.findings == []
    [silenced] = result.silenced
    assert (silenced.finding.code, silenced.finding.line, silenced.finding.col) == ("QG301", 27, 18)
    assert silenced.because == "A warm-up question; the date is the point."


def test_a_silence_applies_to_its_own_question_only(pack_dir: Path) -> None:
    text = RESTATED.replace(
        "    hint: Read what he wrote about it.\n",
        "    hint: Read what he wrote about it.\n    lint: {ignore: [QG301], because: Not this one.}\n",
    )
    found = findings(pack_dir, text)

    assert at(found, "QG301") == ["27:18"]
    assert at(found, "QG002") == ["46:21"]  # the praise question's silence silences nothing


def test_a_silence_without_a_reason_is_itself_a_finding(pack_dir: Path) -> None:
    found = findings(pack_dir, _silence("    lint:\n      ignore: [QG301]\n"))

    assert at(found, "QG301") == []
    assert at(found, "QG001") == ["30:5"]  # the `lint` key
    assert "silences QG301 without a reason" in found[0]


def test_a_silence_that_silences_nothing_is_a_finding(pack_dir: Path) -> None:
    found = findings(pack_dir, _silence("    lint: {ignore: [QG301, QG401], because: Warm-up.}\n"))

    assert at(found, "QG002") == ["30:28"]  # QG401 in the list
    assert "QG401 is silenced here but finds nothing" in found[0]


def test_the_pack_may_silence_a_rule_everywhere(pack_dir: Path) -> None:
    text = RESTATED + "lint:\n  ignore: [QG301]\n  because: Every question here is a warm-up.\n"
    result = report(pack_dir, text)

    assert result.findings == []
    assert [s.finding.code for s in result.silenced] == ["QG301"]


def test_an_unused_pack_silence_is_a_finding(pack_dir: Path) -> None:
    found = findings(pack_dir, CLEAN + "lint:\n  ignore: [QG601]\n  because: Small pack.\n")

    assert at(found, "QG002") == ["55:12"]
