"""The format reference's complete example is a valid pack."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from quizgame.packs import load_pack

from .conftest import SOURCE_PATH

DOC = Path(__file__).resolve().parents[2] / "docs" / "pack-format.md"


def test_the_complete_example_is_valid(tmp_path: Path) -> None:
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## A complete example") :]
    example = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert example is not None
    (tmp_path / "lighthouse.yaml").write_text(example.group(1), encoding="utf-8")
    shutil.copy(SOURCE_PATH, tmp_path / "lighthouse.txt")

    loaded = load_pack(tmp_path / "lighthouse.yaml", cache=False)

    assert [q.type for q in loaded.pack.questions] == ["single", "multiple", "true_false", "short"]
    assert loaded.pack.source.url == "https://example.org/lighthouse"


def test_every_field_of_the_models_is_documented() -> None:
    from quizgame.packs.models import Pack, Section, ShortQuestion, SingleQuestion, Source, TrueFalseQuestion
    from quizgame.packs.models import LintSilence, MultipleQuestion

    text = DOC.read_text(encoding="utf-8")
    models = (Pack, Source, Section, SingleQuestion, MultipleQuestion, TrueFalseQuestion, ShortQuestion, LintSilence)
    for model in models:
        for name, info in model.model_fields.items():
            assert f"| `{info.alias or name}` |" in text, f"{model.__name__}.{name}"
