"""Aiken: single-choice questions in plain text, read and written.

    What is the capital of France?
    A. Lyon
    B. Paris
    ANSWER: B

The question is the first line (further lines before the first choice are joined to it),
each choice a letter followed by '.' or ')' and a space, then `ANSWER:` and the letter. A
blank line may separate questions. Aiken has no other kind of question, no feedback and no
titles: a pack's other questions are skipped when writing, each with its location.
"""

from __future__ import annotations

import re
import string
from typing import Any

from quizgame.packs.convert.model import Exported, Finding, Imported, ImportResult
from quizgame.packs.convert.text import decoded, plain, unsafe_character

_CHOICE = re.compile(r"^([A-Z])[.)][ \t]+(.*\S)[ \t]*$")
_ANSWER = re.compile(r"^ANSWER:[ \t]*(\S*)[ \t]*$", re.IGNORECASE)


def read_aiken_bytes(data: bytes) -> ImportResult:
    return read_aiken(decoded(data))


class _Open:
    def __init__(self, line: int) -> None:
        self.line = line
        self.prompt: list[str] = []
        self.choices: list[tuple[str, str, int]] = []
        self.problem: tuple[int, int, str] | None = None


def read_aiken(text: str) -> ImportResult:
    result = ImportResult()
    current: _Open | None = None

    def skip(line: int, col: int, message: str) -> None:
        result.findings.append(Finding(line, col, message, "skipped"))

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        answer = _ANSWER.match(line)
        choice = _CHOICE.match(line)
        col = len(raw) - len(raw.lstrip()) + 1
        if answer:
            if current is None or not current.choices:
                skip(number, col, "ANSWER: without a question and its choices before it")
                current = None
                continue
            _finish(result, current, answer.group(1), number, col + line.index(":") + 1)
            current = None
        elif choice and current is not None and current.prompt:
            letter = choice.group(1)
            expected = string.ascii_uppercase[len(current.choices)]
            if letter != expected and current.problem is None:
                current.problem = (number, col, f"choice {letter} where {expected} was expected; letter the choices A, B, C... in order")
            current.choices.append((letter, plain(choice.group(2)), number))
        else:
            if current is not None and current.choices:
                skip(current.line, 1, "a question without an ANSWER: line after its choices")
                current = None
            if current is None:
                current = _Open(number)
            current.prompt.append(line)
    if current is not None:
        skip(current.line, 1, "a question without an ANSWER: line after its choices" if current.choices else "a question without choices")
    return result


def _finish(result: ImportResult, current: _Open, letter: str, line: int, col: int) -> None:
    def skip(at_line: int, at_col: int, message: str) -> None:
        result.findings.append(Finding(at_line, at_col, message, "skipped"))

    if current.problem is not None:
        skip(*current.problem)
        return
    letters = [c[0] for c in current.choices]
    letter = letter.upper()
    if letter not in letters:
        shown = f"'{letter}'" if letter else "nothing"
        skip(line, col, f"ANSWER: {shown} is not one of the choices {', '.join(letters)}")
        return
    prompt = plain(" ".join(current.prompt))
    choices = [c[1] for c in current.choices]
    for text in [prompt, *choices]:
        bad = unsafe_character(text)
        if bad:
            skip(current.line, 1, f"skipped: the question holds {bad}, which a pack may not hold")
            return
    result.questions.append(
        Imported(
            kind="single",
            prompt=prompt,
            line=current.line,
            col=1,
            choices=choices,
            answers=[choices[letters.index(letter)]],
        )
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def write_aiken(loaded: Any, locations: list[tuple[int, int]]) -> Exported:
    lines: list[str] = []
    findings: list[Finding] = []
    converted = 0
    for index, question in enumerate(loaded.pack.questions):
        line, col = locations[index] if index < len(locations) else (1, 1)
        if question.type != "single":
            findings.append(
                Finding(line, col, f"skipped '{question.id}': Aiken holds single-choice questions only, not {question.type}", "skipped", question.type)
            )
            continue
        prompt = _one_line(question.prompt)
        if _ANSWER.match(prompt) or _CHOICE.match(prompt):
            findings.append(Finding(line, col, f"skipped '{question.id}': its prompt would read as an Aiken choice or answer line", "skipped", "single"))
            continue
        if "\n" in question.prompt.strip() or any("\n" in c.strip() for c in question.choices):
            findings.append(Finding(line, col, f"'{question.id}' has line breaks; Aiken puts each text on one line"))
        lines.append(prompt)
        for letter, choice in zip(string.ascii_uppercase, question.choices):
            lines.append(f"{letter}. {_one_line(choice)}")
        lines.append(f"ANSWER: {string.ascii_uppercase[question.choices.index(question.answer)]}")
        lines.append("")
        converted += 1
    return Exported(data="\n".join(lines).encode("utf-8"), converted=converted, findings=findings)
