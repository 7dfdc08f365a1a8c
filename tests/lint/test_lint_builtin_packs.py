"""Every pack that comes with quizgame passes lint: nothing found, and every silence explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.locations import builtin_packs_dir
from quizgame.packs.discovery import pack_files
from quizgame.packs.lint.run import lint_path

BUILTIN = pack_files(builtin_packs_dir())


def test_there_are_built_in_packs() -> None:
    assert BUILTIN


@pytest.mark.parametrize("path", BUILTIN, ids=[path.name for path in BUILTIN])
def test_a_built_in_pack_has_no_lint_findings(path: Path) -> None:
    report = lint_path(path)

    assert report.problems == []
    assert [f"{f.line}:{f.col}: {f.code} {f.rule}: {f.message}" for f in report.findings] == []
    for silenced in report.silenced:
        assert silenced.because and len(silenced.because.split()) >= 6, silenced
