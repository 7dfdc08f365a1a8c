"""Helpers for the conversion tests: the command line, and packs compared question by question."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from quizgame.cli import main
from quizgame.packs import load_pack

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]
ARTICLE = REPO / "questions" / "trump-putin-g20.yaml"
EVERY_TYPE = FIXTURES / "every-type.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["convert", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def essentials(pack: Any) -> list[tuple[Any, ...]]:
    """What a round trip must give back: each question's id, type, section title, prompt,
    answers and explanation."""
    found = []
    for q in pack.questions:
        answers: Any
        if q.type == "single":
            answers = (tuple(q.choices), q.answer)
        elif q.type == "multiple":
            answers = (tuple(q.choices), tuple(q.answers))
        elif q.type == "true_false":
            answers = q.answer
        else:
            answers = tuple(q.accept)
        found.append((q.id, q.type, pack.section(q.section).title, q.prompt, answers, q.explanation, q.tags))
    return found


def fill_in(text: str, source_name: str) -> str:
    """A converted pack with its placeholders filled in and its proposed quotes confirmed."""
    text = text.replace("date: 2000-01-01", "date: 2017-07-07")
    text = re.sub(r"  # check:[^\n]*", "", text)
    text = re.sub(r'text: "TODO[^"]*"', f'text: "{source_name}"', text)
    return re.sub(r'"TODO: [^"]*"', '"filled in"', text)


@pytest.fixture
def article_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "article"
    folder.mkdir()
    shutil.copy(ARTICLE, folder / ARTICLE.name)
    shutil.copy(ARTICLE.parent / "trump-putin-g20-takeaways.txt", folder / "trump-putin-g20-takeaways.txt")
    return folder / ARTICLE.name


@pytest.fixture
def every_type(tmp_path: Path) -> Path:
    folder = tmp_path / "every"
    folder.mkdir()
    shutil.copy(EVERY_TYPE, folder / EVERY_TYPE.name)
    shutil.copy(FIXTURES / "every-type.txt", folder / "every-type.txt")
    return folder / EVERY_TYPE.name


def loaded(path: Path) -> Any:
    return load_pack(path, cache=False).pack
