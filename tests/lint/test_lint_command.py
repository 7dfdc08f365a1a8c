"""`quizgame lint` through the real command line: lines, summary, exit status, JSON."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quizgame.cli import main

from .conftest import CLEAN, FIXTURES, edit

REPO = Path(__file__).resolve().parents[2]

RESTATED = edit(
    "explanation: A storm in March had wrecked the old quay, so building started within months.",
    "explanation: The article says the harbour was rebuilt in 1904.",
)
SILENCED = edit(
    "    difficulty: easy\n",
    "    difficulty: easy\n    lint: {ignore: [QG301], because: A warm-up question.}\n",
    RESTATED,
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(pack_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(pack_dir)
    return pack_dir


def test_a_clean_pack_exits_0(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "clean.yaml").write_text(CLEAN, encoding="utf-8")

    assert run(capsys, "lint", "clean.yaml") == (0, "1 pack linted: no findings\n", "")


def test_findings_are_printed_as_path_line_col_code_name_message(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "clean.yaml").write_text(CLEAN, encoding="utf-8")
    (folder / "restated.yaml").write_text(RESTATED, encoding="utf-8")

    code, out, err = run(capsys, "lint", "clean.yaml", "restated.yaml")

    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "restated.yaml:27:18: QG301 restated-explanation: the explanation adds 0 word(s) to the prompt and "
        "the answer (none); say why the answer is right, with the context a student needs",
        "2 packs linted: 1 clean, 1 with 1 finding",
    ]


def test_silenced_findings_are_counted_and_shown_on_request(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "silenced.yaml").write_text(SILENCED, encoding="utf-8")

    assert run(capsys, "lint", "silenced.yaml") == (0, "1 pack linted: no findings (1 silenced)\n", "")
    code, out, _ = run(capsys, "lint", "--show-silenced", "silenced.yaml")
    assert code == 0
    assert out.splitlines()[0].startswith("silenced.yaml:27:18: QG301 restated-explanation: the explanation adds 0")
    assert out.splitlines()[0].endswith("(silenced: A warm-up question.)")


def test_a_pack_that_does_not_validate_reports_its_problems(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "bad.yaml").write_text(edit("answer: false", "answer: maybe"), encoding="utf-8")

    code, out, _ = run(capsys, "lint", "bad.yaml")

    assert code == 1
    assert out.splitlines()[0].startswith("bad.yaml:42:13: ")
    assert out.splitlines()[-1] == "1 pack linted: 0 clean, 1 invalid with 1 problem"


def test_a_folder_is_searched_for_packs(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "sub").mkdir()
    shutil.copy(FIXTURES / "harbour.txt", folder / "sub" / "harbour.txt")
    (folder / "sub" / "a.yaml").write_text(CLEAN, encoding="utf-8")
    (folder / "sub" / "b.yml").write_text(RESTATED.replace("id: harbour", "id: harbour-two"), encoding="utf-8")

    code, out, _ = run(capsys, "lint", "sub")

    assert code == 1
    assert out.splitlines()[0].startswith("sub/b.yml:27:18: QG301 ")


def test_a_missing_path_is_a_usage_error(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "lint", "nope.yaml")

    assert (code, out) == (2, "")
    assert err == "quizgame lint: no such file or folder: nope.yaml\n"


def test_json_gives_every_finding_for_editors_and_ci(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "restated.yaml").write_text(SILENCED.replace("ignore: [QG301]", "ignore: [QG301, QG401]"), encoding="utf-8")

    code, out, _ = run(capsys, "lint", "--format", "json", "restated.yaml")
    data = json.loads(out)

    assert code == 1
    [pack] = data["packs"]
    assert (pack["path"], pack["valid"], pack["problems"]) == ("restated.yaml", True, [])
    assert pack["findings"] == [
        {
            "line": 30,
            "col": 28,
            "code": "QG002",
            "rule": "unused-silence",
            "message": "QG401 is silenced here but finds nothing; remove it",
            "question": "year",
        }
    ]
    [silenced] = pack["silenced"]
    assert (silenced["code"], silenced["line"], silenced["because"]) == ("QG301", 27, "A warm-up question.")
    assert data["summary"] == "1 pack linted: 0 clean, 1 with 1 finding (1 silenced)"


@pytest.mark.slow
def test_the_output_is_the_same_on_every_run(folder: Path) -> None:
    (folder / "restated.yaml").write_text(RESTATED, encoding="utf-8")
    article = REPO / "questions" / "trump-putin-g20.yaml"
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-m", "quizgame", "lint", "--format", "json", "restated.yaml", str(article)],
            capture_output=True, text=True, env=env, timeout=120, cwd=folder,
        )
        assert result.returncode in (0, 1), result.stderr
        outputs.add(result.stdout)

    assert len(outputs) == 1
