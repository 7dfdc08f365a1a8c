"""Hostile input through the real command line: each refused with a clear one-line message,
in a real process that must finish well within its deadline (a hang or a blow-up fails)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO
from .test_convert_moodle import BOMB, EXTERNAL_FILE


def convert(tmp_path: Path, name: str, data: bytes | None = None) -> subprocess.CompletedProcess[str]:
    if data is not None:
        (tmp_path / name).write_bytes(data)
    return subprocess.run(
        [sys.executable, "-m", "quizgame", "convert", str(tmp_path / name), str(tmp_path / "out.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(300):
                member.write(b"\0" * (1024 * 1024))
    return buffer.getvalue()


def test_a_50_mb_gift_file_is_refused_by_its_size(tmp_path: Path) -> None:
    with open(tmp_path / "huge.gift", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)

    done = convert(tmp_path, "huge.gift")

    assert done.returncode == 1 and done.stderr == ""
    assert done.stdout.splitlines() == [
        f"{tmp_path / 'huge.gift'}:1:1: the file is too large (50.0 MiB; the limit is 10.0 MiB)",
        f"nothing converted: {tmp_path / 'huge.gift'} was refused",
    ]


def test_a_large_gift_file_within_the_limit_is_read_question_by_question(tmp_path: Path) -> None:
    question = "::q{n}:: Who is buried in Grant's tomb?{{~Grant ~Jefferson =no one#Nobody.}}\n\n"
    text = "".join(question.format(n=n) for n in range(20_000))
    assert 1024 * 1024 < len(text) < 10 * 1024 * 1024

    done = convert(tmp_path, "big.gift", text.encode())

    assert done.returncode == 0, done.stdout[-500:]
    assert "converted 20000 questions" in done.stdout


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("junk.gift", os.urandom(4096).replace(b"\n", b"") + b"\xff", "is not valid UTF-8"),
        ("utf16.gift", "Q?{T}".encode("utf-16"), "the file is UTF-16; save it as UTF-8"),
        ("junk.xml", b"\x89PNG\r\n\x1a\n" + os.urandom(2048), "not well-formed XML"),
        ("junk.xlsx", os.urandom(4096), "not an .xlsx file, or a truncated one"),
        ("junk.tsv", b"a\tb\x00c\n", "U+0000"),
        ("bomb.xml", BOMB, "not allowed"),
        ("external.xml", EXTERNAL_FILE, "not allowed"),
        ("bomb.xlsx", zip_bomb(), "would unpack to 300 MiB"),
    ],
    ids=lambda value: value if isinstance(value, str) and value.count(".") == 1 and len(value) < 20 else "",
)
def test_junk_and_bombs_are_refused_with_one_clear_line(tmp_path: Path, name: str, data: bytes, words: str) -> None:
    done = convert(tmp_path, name, data)

    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr == ""
    assert words in done.stdout
    assert "\x1b" not in done.stdout
    assert not (tmp_path / "out.yaml").exists()
