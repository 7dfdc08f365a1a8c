"""The engine stays light: it reads the runtime pack objects and never imports the format's
validation (pydantic) or parsing (YAML)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["quizgame.engine", "quizgame.engine.game"])
def test_importing_the_engine_imports_no_pydantic_or_yaml(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core', 'yaml', 'textual'))\n"
        "print(' '.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)

    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []
