"""A pack served from the cache costs no YAML, no pydantic and no checks at start-up."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from quizgame.packs import load_pack

ARTICLE = Path(__file__).resolve().parents[2] / "questions" / "trump-putin-g20.yaml"

# What the slow path needs and a cache hit must not.
SLOW = (
    "pydantic",
    "pydantic_core",
    "yaml",
    "quizgame.packs.validation",
    "quizgame.packs.models",
    "quizgame.packs.reader",
    "quizgame.packs.checks",
    "quizgame.packs.schema_errors",
    "quizgame.packs.quotes",
)

# As `quizgame play PACK` does before Textual starts: find the pack, load it, build a session.
PLAY = """
import pickle, sys
from pathlib import Path
from quizgame.engine import QuizSession, SessionOptions
from quizgame.packs import load_pack
from quizgame.packs.discovery import resolve_pack

loaded = load_pack(resolve_pack(sys.argv[1]))
QuizSession(loaded, SessionOptions(seed=1))
sys.stdout.buffer.write(pickle.dumps((sorted(sys.modules), loaded)))
"""


def _play(cache: Path) -> tuple[list[str], object]:
    """The slow-path modules a start imported, and the pack it loaded."""
    env = {**os.environ, "QUIZGAME_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", PLAY, str(ARTICLE)], env=env, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    modules, loaded = pickle.loads(done.stdout)
    return [name for name in modules if name in SLOW or name.split(".")[0] in SLOW], loaded


def test_a_cached_start_imports_no_yaml_pydantic_or_loader(tmp_path: Path) -> None:
    cache = tmp_path / "cache"

    slow_first, first = _play(cache)
    assert list(cache.rglob("*.pack-cache")), "the first start should have filled the cache"
    slow_again, again = _play(cache)

    # The first start had to check the pack, which proves the module check sees them.
    assert {"pydantic", "yaml", "quizgame.packs.validation"} <= set(slow_first)
    assert slow_again == []
    fresh = load_pack(ARTICLE, cache=False)
    assert again == fresh == first
    assert again.pack.questions == fresh.pack.questions
    assert again.quote_spans == fresh.quote_spans


def test_an_edited_source_is_checked_again_not_served_stale(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    folder.mkdir()
    source = (ARTICLE.parent / "trump-putin-g20-takeaways.txt").read_text(encoding="utf-8")
    (folder / ARTICLE.name).write_bytes(ARTICLE.read_bytes())
    (folder / "trump-putin-g20-takeaways.txt").write_text(source, encoding="utf-8")
    cache = tmp_path / "cache"
    env = {**os.environ, "QUIZGAME_CACHE_DIR": str(cache)}
    run = [sys.executable, "-c", PLAY, str(folder / ARTICLE.name)]
    assert subprocess.run(run, env=env, capture_output=True, timeout=120).returncode == 0

    # One word of a quoted passage changed: same pack bytes, so the same cache entry.
    quoted = load_pack(ARTICLE, cache=False).pack.questions[0].quote_fragments[0]
    edited = source.replace(quoted, quoted.replace(" ", "  ", 1).upper(), 1)
    assert edited != source
    (folder / "trump-putin-g20-takeaways.txt").write_text(edited, encoding="utf-8")
    done = subprocess.run(run, env=env, capture_output=True, timeout=120)

    assert done.returncode != 0
    assert b"PackError" in done.stderr and b"not in the source text" in done.stderr
