"""The Kahoot quiz spreadsheet template, written and read with openpyxl."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from quizgame.packs.convert import kahoot
from quizgame.packs.convert.model import ImportRefused

from .conftest import loaded, run


def test_an_exported_file_opens_exactly_in_kahoots_layout(every_type: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = every_type.parent / "every.xlsx"

    code, printed, _ = run(capsys, str(every_type), str(out))

    assert code == 1  # two questions do not fit
    assert printed.splitlines()[:2] == [
        f"{every_type}:22:5: skipped 'dew-point': it has 5 choices; Kahoot has at most 4",
        f"{every_type}:55:5: skipped 'thunder': a Kahoot quiz question has answers to choose from, not a typed answer",
    ]
    sheet = load_workbook(out).worksheets[0]
    assert sheet.title == "Sheet1"
    assert sheet["B2"].value == "Quiz template"
    assert sheet["B3"].value.startswith("Add questions, at least two answer alternatives")
    assert sheet["B4"].value.startswith("Remember: questions have a limit of 120 characters")
    assert [sheet.cell(row=8, column=c).value for c in range(2, 9)] == [
        "Question - max 120 characters",
        "Answer 1 - max 75 characters",
        "Answer 2 - max 75 characters",
        "Answer 3 - max 75 characters",
        "Answer 4 - max 75 characters",
        "Time limit (sec) \u2013 5, 10, 20, 30, 60, 90, 120, or 240 secs",
        "Correct answer(s) - choose at least one",
    ]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=9, max_col=8)]
    assert rows == [
        [1, "Which clouds are described as thin or flat?", "Cirrus", "Stratus", "Cumulus", "Nimbus & co.", 20, "1,2"],
        [2, "Fog is a cloud on the ground (\u96fe).", "True", "False", None, None, 30, "1"],
    ]


def test_pack_to_kahoot_to_pack(every_type: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = every_type.parent / "every.xlsx"
    back = every_type.parent / "back.yaml"
    run(capsys, str(every_type), str(out))

    code, printed, _ = run(capsys, str(out), str(back))

    assert code == 0, printed
    from quizgame.packs.convert.kahoot import read_kahoot_bytes

    got = read_kahoot_bytes(out.read_bytes()).questions
    original = {q.id: q for q in loaded(every_type).questions}
    assert [(q.kind, q.prompt, q.choices, q.answers, q.truth, q.time_limit, q.line, q.col) for q in got] == [
        ("multiple", original["kinds"].prompt, list(original["kinds"].choices), ["Cirrus", "Stratus"], None, 20, 9, 2),
        ("true_false", original["fog"].prompt, [], [], True, 30, 10, 2),
    ]


def template(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet["B2"] = "Capitals"
    for k, header in enumerate(kahoot.HEADERS):
        sheet.cell(row=8, column=2 + k, value=header)
    for r, values in enumerate(rows, 9):
        for c, value in enumerate(values, 1):
            sheet.cell(row=r, column=c, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_filled_in_template_comes_in_with_locations_for_each_mistake() -> None:
    data = template(
        [
            [1, "Capital of France?", "Lyon", "Paris", "Nice", None, 30, 2],
            [2, "Which are in Italy?", "Rome", "Oslo", "Milan", None, 20, "1, 3"],
            [3, "Capital of Spain?", "Madrid", None, None, None, 20, 1],
            [4, "Capital of Peru?", "Lima", "Quito", None, None, 20, "first"],
            [5, "Capital of Chad?", "Abuja", "N'Djamena", None, None, 20, 3],
        ]
    )

    result = kahoot.read_kahoot_bytes(data)

    assert result.title == "Capitals"
    assert [(q.kind, q.prompt, q.answers, q.time_limit) for q in result.questions] == [
        ("single", "Capital of France?", ["Paris"], 30),
        ("multiple", "Which are in Italy?", ["Rome", "Milan"], 20),
    ]
    assert [(f.line, f.col) for f in result.findings] == [(11, 3), (12, 8), (13, 8)]
    assert "at least two answers" in result.findings[0].message
    assert "'first'" in result.findings[1].message
    assert "correct answer 3 has no text" in result.findings[2].message


def test_a_spreadsheet_without_the_headers_is_refused() -> None:
    workbook = Workbook()
    workbook.active["A1"] = "just a table"
    buffer = io.BytesIO()
    workbook.save(buffer)

    with pytest.raises(ImportRefused) as refused:
        kahoot.read_kahoot_bytes(buffer.getvalue())
    assert "no row with 'Question' and 'Answer 1' headers" in refused.value.finding.message


def test_a_truncated_xlsx_is_refused() -> None:
    data = template([[1, "Q?", "a", "b", None, None, 20, 1]])

    for cut in (len(data) // 2, 100, 0):
        with pytest.raises(ImportRefused) as refused:
            kahoot.read_kahoot_bytes(data[:cut])
        assert "truncated" in refused.value.finding.message


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        # 200 MiB of zeros, a few hundred KiB packed.
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(200):
                member.write(block)
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024

    with pytest.raises(ImportRefused) as refused:
        kahoot.read_kahoot_bytes(data)
    assert "would unpack to 200 MiB" in refused.value.finding.message


def test_a_zip_that_is_not_a_spreadsheet_is_refused_cleanly() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")

    with pytest.raises(ImportRefused) as refused:
        kahoot.read_kahoot_bytes(buffer.getvalue())
    assert refused.value.finding.message.startswith("cannot read the spreadsheet")


def test_long_texts_and_time_limits_are_fitted_or_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .conftest import EVERY_TYPE, FIXTURES

    text = EVERY_TYPE.read_text(encoding="utf-8")
    text = text.replace("    time_limit: 30\n", "    time_limit: 45\n")
    text = text.replace('prompt: "Which clouds are described as thin or flat?"', 'prompt: "' + "Which clouds? " * 10 + '"')
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "every-type.txt").write_text((FIXTURES / "every-type.txt").read_text(encoding="utf-8"), encoding="utf-8")

    code, printed, _ = run(capsys, str(tmp_path / "p.yaml"), str(tmp_path / "p.xlsx"))

    assert code == 1
    assert "skipped 'kinds': its prompt has 139 characters; Kahoot allows 120" in printed
    assert "note: 'fog': time limit 45 s written as 30 s, the nearest Kahoot allows" in printed
