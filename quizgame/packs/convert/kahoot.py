"""Kahoot's quiz spreadsheet template (.xlsx): read and written with openpyxl.

The layout relied on, as Kahoot's "Quiz template" spreadsheet has it (first sheet):

    B2  "Quiz template"                       (title)
    B3  "Add questions, at least two answer alternatives, ..."
    B4  "Remember: questions have a limit of 120 characters ..."
    row 8, the headers:
        B "Question - max 120 characters"
        C-F "Answer 1 - max 75 characters" ... "Answer 4 - max 75 characters"
        G "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs"
        H "Correct answer(s) - choose at least one"
    from row 9, one question a row, its number in column A; the correct answers are
    answer numbers, several separated by commas ("1,3").

Reading finds the header row by its "Question" and "Answer 1" cells, so a sheet whose
title rows were edited is still read. Locations are ROW:COLUMN, column B being 2. Before
openpyxl sees the file, its zip directory is checked: a file that would unpack to more than
MAX_UNPACKED bytes, or holds more than MAX_MEMBERS parts, is refused (a zip bomb), and so is
a file that is not a whole zip archive.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from quizgame.packs.convert.model import Exported, Finding, ImportRefused, Imported, ImportResult
from quizgame.packs.convert.text import plain, unsafe_character

TITLE = "Quiz template"
INSTRUCTIONS = (
    "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one). "
    "Have fun creating your awesome quiz!"
)
REMINDER = (
    "Remember: questions have a limit of 120 characters and answers can have 75 characters max. "
    "Text will turn red in Excel or Google Docs if you exceed this limit. "
    "If several answers are correct, separate them with a comma."
)
HEADERS = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) \u2013 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
HEADER_ROW = 8
FIRST_COLUMN = 2  # B
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
DEFAULT_TIME_LIMIT = 20
MAX_QUESTION = 120
MAX_ANSWER = 75
MAX_ANSWERS = 4
MAX_UNPACKED = 50 * 1024 * 1024
MAX_MEMBERS = 2000
_TRUE_FALSE = {"true": True, "false": False}


def _check_zip(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ImportRefused(1, 1, "not an .xlsx file, or a truncated one (it is not a whole zip archive)") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise ImportRefused(1, 1, f"refused: the file holds {len(members)} parts (a spreadsheet has a few dozen)")
        unpacked = sum(member.file_size for member in members)
        if unpacked > MAX_UNPACKED:
            raise ImportRefused(
                1, 1, f"refused: the file would unpack to {unpacked // (1024 * 1024)} MiB (the limit is {MAX_UNPACKED // (1024 * 1024)} MiB)"
            )


def read_kahoot_bytes(data: bytes) -> ImportResult:
    _check_zip(data)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file; all mean the same
        raise ImportRefused(1, 1, f"cannot read the spreadsheet: {type(error).__name__}: {error}"[:300]) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise ImportRefused(1, 1, "the spreadsheet has no sheet")
        rows = [tuple(cell for cell in row) for row in sheet.iter_rows(values_only=True)]
    except ImportRefused:
        raise
    except Exception as error:
        raise ImportRefused(1, 1, f"cannot read the spreadsheet: {type(error).__name__}: {error}"[:300]) from None
    finally:
        workbook.close()
    return read_rows(rows)


def _cell(row: tuple[Any, ...], index: int) -> str:
    value = row[index] if index < len(row) else None
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return plain(str(value))


def read_rows(rows: list[tuple[Any, ...]]) -> ImportResult:
    result = ImportResult()
    header = None
    for number, row in enumerate(rows[:50]):
        for col, value in enumerate(row):
            if isinstance(value, str) and value.strip().lower().startswith("question"):
                following = row[col + 1] if col + 1 < len(row) else None
                if isinstance(following, str) and following.strip().lower().startswith("answer 1"):
                    header = (number, col)
                    break
        if header:
            break
    if header is None:
        raise ImportRefused(1, 1, "this is not a Kahoot quiz spreadsheet: no row with 'Question' and 'Answer 1' headers")
    header_row, q_col = header
    title = _cell(rows[1], 1) if len(rows) > 1 else ""
    if title and title != TITLE:
        result.title = title
    for index in range(header_row + 1, len(rows)):
        row = rows[index]
        line = index + 1
        cells = [_cell(row, q_col + k) for k in range(7)]
        if not any(cells):
            continue
        item = _question(result, cells, line, q_col + 1)
        if item is not None:
            result.questions.append(item)
    return result


def _question(result: ImportResult, cells: list[str], line: int, col: int) -> Imported | None:
    def skip(at: int, message: str) -> None:
        result.findings.append(Finding(line, at, f"skipped: {message}", "skipped"))

    prompt, answers, limit, correct = cells[0], cells[1:5], cells[5], cells[6]
    if not prompt:
        skip(col, "the question is empty")
        return None
    filled = [(n, text) for n, text in enumerate(answers, 1) if text]
    if len(filled) < 2:
        skip(col + 1, "a Kahoot question needs at least two answers")
        return None
    numbers = [p.strip() for p in re.split(r"[,;]", correct) if p.strip()]
    if not numbers or not all(p.isdigit() for p in numbers):
        shown = f"'{correct}'" if correct else "nothing"
        skip(col + 6, f"correct answer(s) {shown}: write answer numbers, several separated by commas (1,3)")
        return None
    right = [int(p) for p in numbers]
    texts = dict(filled)
    missing = [n for n in right if n not in texts]
    if missing:
        skip(col + 6, f"correct answer {missing[0]} has no text in its Answer {missing[0]} column")
        return None
    time_limit = None
    if limit:
        try:
            time_limit = int(float(limit))
        except ValueError:
            skip(col + 5, f"time limit '{limit}' is not a number of seconds")
            return None
    for text in [prompt, *texts.values()]:
        bad = unsafe_character(text)
        if bad:
            skip(col, f"the question holds {bad}, which a pack may not hold")
            return None
    choices = [text for _, text in filled]
    item = Imported(kind="single", prompt=prompt, line=line, col=col, choices=choices, time_limit=time_limit)
    folded = {text.strip().lower() for text in choices}
    if len(right) == 1 and len(choices) == 2 and folded == set(_TRUE_FALSE):
        item.kind = "true_false"
        item.truth = _TRUE_FALSE[texts[right[0]].strip().lower()]
        item.choices = []
        return item
    item.answers = [texts[n] for n in sorted(set(right))]
    item.kind = "single" if len(item.answers) == 1 else "multiple"
    return item


# -- out -------------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _nearest_limit(seconds: int) -> int:
    return min(TIME_LIMITS, key=lambda allowed: (abs(allowed - seconds), allowed))


def write_kahoot(loaded: Any, locations: list[tuple[int, int]]) -> Exported:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet["B2"] = TITLE
    sheet["B2"].font = Font(bold=True, size=14)
    sheet["B3"] = INSTRUCTIONS
    sheet["B4"] = REMINDER
    for k, header in enumerate(HEADERS):
        cell = sheet.cell(row=HEADER_ROW, column=FIRST_COLUMN + k, value=header)
        cell.font = Font(bold=True)
    findings: list[Finding] = []
    row = HEADER_ROW + 1
    for index, question in enumerate(loaded.pack.questions):
        line, col = locations[index] if index < len(locations) else (1, 1)

        def skip(why: str) -> None:
            findings.append(Finding(line, col, f"skipped '{question.id}': {why}", "skipped", question.type))

        if question.type == "short":
            skip("a Kahoot quiz question has answers to choose from, not a typed answer")
            continue
        if question.type == "true_false":
            choices, right = ["True", "False"], [1 if question.answer else 2]
        else:
            choices = list(question.choices)
            answers = [question.answer] if question.type == "single" else list(question.answers)
            right = [choices.index(a) + 1 for a in answers]
        prompt = _one_line(question.prompt)
        if len(choices) > MAX_ANSWERS:
            skip(f"it has {len(choices)} choices; Kahoot has at most {MAX_ANSWERS}")
            continue
        if len(prompt) > MAX_QUESTION:
            skip(f"its prompt has {len(prompt)} characters; Kahoot allows {MAX_QUESTION}")
            continue
        long = [c for c in choices if len(_one_line(c)) > MAX_ANSWER]
        if long:
            skip(f"choice '{long[0][:30]}...' has {len(_one_line(long[0]))} characters; Kahoot allows {MAX_ANSWER}")
            continue
        limit = DEFAULT_TIME_LIMIT if question.time_limit is None else _nearest_limit(question.time_limit)
        if question.time_limit is not None and limit != question.time_limit:
            findings.append(
                Finding(line, col, f"'{question.id}': time limit {question.time_limit} s written as {limit} s, the nearest Kahoot allows")
            )
        sheet.cell(row=row, column=1, value=row - HEADER_ROW)
        sheet.cell(row=row, column=2, value=prompt)
        for k, choice in enumerate(choices):
            sheet.cell(row=row, column=3 + k, value=_one_line(choice))
        sheet.cell(row=row, column=7, value=limit)
        sheet.cell(row=row, column=8, value=",".join(str(n) for n in right))
        row += 1
    for letter, width in (("A", 12), ("B", 50), ("C", 32), ("D", 32), ("E", 32), ("F", 32), ("G", 26), ("H", 33)):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return Exported(data=buffer.getvalue(), converted=row - HEADER_ROW - 1, findings=findings)
