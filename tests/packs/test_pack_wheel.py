"""An installed wheel (not this checkout) ships the built-in packs and finds them, and the
join page's files."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_wheel_ships_and_finds_the_builtin_packs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", str(dist), str(REPO)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = dist.glob("quizgame-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "quizgame/questions/trump-putin-g20-takeaways.txt" in names
    assert "quizgame/packs/validation.py" in names
    from quizgame.live.page import FILES

    for page_file in FILES.values():  # the join page's files, served from the package
        assert f"quizgame/web/{page_file.name}" in names
    shipped_packs = sorted(n for n in names if n.startswith("quizgame/questions/") and n.endswith(".yaml"))

    site = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert install.returncode == 0, install.stderr

    # From another folder, with the installed copy first on the path (ahead of the
    # checkout's editable install); dependencies still come from this environment.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import quizgame, quizgame.locations as l; print(quizgame.__file__); print(l.builtin_packs_dir()); "
        "from quizgame.live.page import page_files; assert b'<!doctype html>' in page_files()['/'][0]; "
        "from quizgame.cli import main; raise SystemExit(main(['packs']))"
    )
    env = {**os.environ, "PYTHONPATH": str(site), "COLUMNS": "200"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr
    module_file, builtin, *listing = result.stdout.splitlines()
    assert Path(module_file).is_relative_to(site)
    assert Path(builtin) == site / "quizgame" / "questions"
    own = listing[: listing.index(next(line for line in listing if line.startswith("Your packs")))]
    assert own[0].startswith("Built-in packs")
    assert str(builtin) in "\n".join(own[:2])
    assert shipped_packs, "no pack in the wheel's questions folder"
    for name in shipped_packs:
        stem = Path(name).stem
        assert any(line.startswith(f"  {stem}") for line in own), (stem, own)
    assert "Traceback" not in result.stderr
