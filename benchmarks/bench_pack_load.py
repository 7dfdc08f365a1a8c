"""How fast does a big pack load, compared with bare libyaml?

Generates a 10,000-question pack (all four question types, quotes drawn from a generated
source text) in a temporary folder and times, in the same run:

  (a) yaml.load(text, Loader=yaml.CSafeLoader) of the same file: the baseline,
  (b) load_pack(path, cache=False): locations, every check, quote search,
  (c) load_pack(path) served from the cache.

Targets: b/a <= 1.25 (checking costs at most a quarter more than parsing alone) and
a/c >= 10 (the cache makes loading at least ten times cheaper than parsing).

    .venv/bin/python benchmarks/bench_pack_load.py [--questions N] [--repeat R]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Callable

WORDS = (
    "the of and to in a is that for it as was with be by on not he I this are or his from at "
    "which but have an they you were her she there would their we him been has when who will "
    "more no if out so said what up its about into than them can only other new some could "
    "time these two may then do first any my now such like our over man me even most made "
    "after also did many before must through back years where much your way well down should "
    "because each just those people how too little state good very make world still own see "
    "men work long get here between both life being under never day same another know while "
    "last might us great old year off come since against go came right used take three"
).split()
SECTIONS = [f"part-{n}" for n in range(1, 9)]


def make_source(rng: random.Random, paragraphs: int) -> str:
    out = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(3, 7)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
            words[0] = words[0].capitalize()
            # Typographic apostrophes and dashes, which quotes may write plainly.
            if rng.random() < 0.2:
                words[rng.randrange(len(words))] += "\u2019s"
            if rng.random() < 0.1:
                words.insert(rng.randrange(1, len(words)), "\u2014")
            sentences.append(" ".join(words) + rng.choice(".!?."))
        out.append("\n".join(textwrap.wrap(" ".join(sentences), 72)))
    return "\n\n".join(out) + "\n"


def _quote(words: list[str], start: int, length: int) -> str:
    text = " ".join(words[start : start + length])
    # Authors type straight apostrophes and hyphens; the source has curly ones and dashes.
    return text.replace("\u2019", "'").replace("\u2014", "-")


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_pack(rng: random.Random, source: str, questions: int) -> str:
    words = source.split()
    lines = [
        "# yaml-language-server: $schema=pack.schema.json",
        "schema: 1",
        "id: bench-pack",
        "title: A very large generated pack",
        "description: Generated for the load benchmark.",
        "language: en",
        "authors: [Benchmark]",
        "license: CC0-1.0",
        "source:",
        "  title: Generated words",
        "  author: A random number generator",
        "  publication: Nowhere",
        "  date: 2020-01-02",
        "  text: source.txt",
        "sections:",
    ]
    for section in SECTIONS:
        lines += [f"  - id: {section}", f"    title: Everything about {section}"]
    lines.append("questions:")
    kinds = ("single", "multiple", "true_false", "short")
    for n in range(questions):
        kind = kinds[n % 4]
        lines += [
            f"  - id: q{n:05d}",
            f"    type: {kind}",
            f"    section: {rng.choice(SECTIONS)}",
            f"    prompt: What does the text say about item number {n} in this part?",
        ]
        if kind in ("single", "multiple"):
            choices = [f"choice {c} for {n}" for c in "abcd"]
            lines.append("    choices: [" + ", ".join(choices) + "]")
            if kind == "single":
                lines.append(f"    answer: {choices[1]}")
            else:
                lines += ["    answers:", f"      - {choices[0]}", f"      - {choices[2]}"]
        elif kind == "true_false":
            lines.append(f"    answer: {rng.choice(['true', 'false'])}")
        else:
            lines += [f"    accept: [answer {n}, the answer {n}]", "    exact: false"]
        lines.append(f"    explanation: {_yaml_str('Because the source says so, around item ' + str(n) + '.')}")
        start = rng.randrange(len(words) - 40)
        if n % 5 == 0:  # two fragments, in source order
            first, second = _quote(words, start, 6), _quote(words, start + 12, 8)
            lines += ["    quote:", f"      - {_yaml_str(first)}", f"      - {_yaml_str(second)}"]
        else:
            lines.append(f"    quote: {_yaml_str(_quote(words, start, rng.randint(5, 12)))}")
        if n % 3 == 0:
            lines += [f"    difficulty: {rng.choice(['easy', 'medium', 'hard'])}", "    tags: [generated, big]"]
    return "\n".join(lines) + "\n"


def write_pack(folder: Path, questions: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    source = make_source(rng, paragraphs=max(40, questions // 25))
    (folder / "source.txt").write_text(source, encoding="utf-8")
    text = make_pack(rng, source, questions)
    path = folder / "bench.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _without_gc(fn: Callable[[], object]) -> object:
    gc.disable()
    try:
        return fn()
    finally:
        gc.enable()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import yaml

    with tempfile.TemporaryDirectory(prefix="quizgame-bench-") as tmp:
        os.environ["QUIZGAME_CACHE_DIR"] = str(Path(tmp) / "cache")
        from quizgame.packs import load_pack

        path = write_pack(Path(tmp), args.questions)
        text = path.read_text(encoding="utf-8")
        print(f"pack: {args.questions} questions, {len(text.encode()) / 1e6:.2f} MB")

        load_pack(path)  # fills the cache, and proves the generated pack is valid
        baseline = best_of(args.repeat, lambda: yaml.load(text, Loader=yaml.CSafeLoader))
        full = best_of(args.repeat, lambda: load_pack(path, cache=False))
        cached = best_of(args.repeat * 4, lambda: load_pack(path))
        # For reference only: the loader pauses the cyclic garbage collector while it builds
        # its objects; this is the baseline given the same advantage.
        paused = best_of(args.repeat, lambda: _without_gc(lambda: yaml.load(text, Loader=yaml.CSafeLoader)))

    print(f"(a) yaml.load CSafeLoader      {baseline * 1000:8.1f} ms")
    print(f"(b) load_pack(cache=False)     {full * 1000:8.1f} ms")
    print(f"(c) load_pack, cached          {cached * 1000:8.1f} ms")
    print(f"    yaml.load with GC paused   {paused * 1000:8.1f} ms  (reference: b/that = {full / paused:.2f})")
    ok_full = full / baseline <= 1.25
    ok_cache = baseline / cached >= 10
    print(f"b/a = {full / baseline:.2f}  (target <= 1.25: {'met' if ok_full else 'MISSED'})")
    print(f"a/c = {baseline / cached:.1f}  (target >= 10: {'met' if ok_cache else 'MISSED'})")
    return 0 if ok_full and ok_cache else 1


if __name__ == "__main__":
    sys.exit(main())
