"""The built-in article pack, read straight from its YAML with the pack models.

The counting and quality tests read the pack this way so that they check the pack's content on
their own; whether the real loader accepts the file is test_article_pack_loads.py's business.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from quizgame.packs.models import Pack

REPO_ROOT = Path(__file__).resolve().parents[2]
PACK_PATH = REPO_ROOT / "questions" / "trump-putin-g20.yaml"
SOURCE_COPY = REPO_ROOT / "questions" / "trump-putin-g20-takeaways.txt"
# The article exactly as it was handed to the project, page furniture and all.
SHARED_SOURCE_DIR = REPO_ROOT.parent / "shared" / "source"


@pytest.fixture(scope="session")
def article_pack_text() -> str:
    return PACK_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def article_pack(article_pack_text: str) -> Pack:
    return Pack.model_validate(yaml.safe_load(article_pack_text))


@pytest.fixture(scope="session")
def article_source_text() -> str:
    return SOURCE_COPY.read_text(encoding="utf-8")
