"""The load benchmark's generated pack stays valid, so the benchmark measures a real load."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from quizgame.packs import load_pack

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_pack_load.py"


def test_the_generated_pack_is_valid(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_pack_load", BENCH)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)

    loaded = load_pack(bench.write_pack(tmp_path, 200), cache=False)

    assert len(loaded.pack.questions) == 200
    assert {q.type for q in loaded.pack.questions} == {"single", "multiple", "true_false", "short"}
    assert any(len(spans) == 2 for spans in loaded.quote_spans.values())
