"""Hostile outside text, put where validation cannot stop it, and a way to find it again in
what a terminal received.

Validation refuses control and bidi characters in packs, source texts and names, so the
data comes in the ways an attacker (or an older version) has around it:
- a pack cache entry written over (the cache is trusted once the pack's and the source's
  bytes hash as before, and they do): every text of the pack and its source text;
- a results database written directly with sqlite3: player names, pack titles, responses;
- a settings file holding the name remembered from last time, and the login name.
"""

from __future__ import annotations

import pickle
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "classroom" / "fixtures"

# Each sequence a terminal would act on, by kind. Every one is unlike anything Textual
# writes itself, so finding it in the terminal's bytes means it came from the data.
INJECTED = {
    "CSI colours": "\x1b[5;31;47m",
    "CSI erase": "\x1b[3J",
    "ESC reset": "\x1bc",
    "OSC 0 title": "\x1b]0;PWNED-title\x07",
    "OSC 8 hyperlink": "\x1b]8;;https://evil.example/\x1b\\",
    "OSC 52 clipboard": "\x1b]52;c;cHduZWQ=\x07",
    "DCS": "\x1bP1$qm\x1b\\",
    "C1 CSI": "\u009b2J",
    "C1 OSC": "\u009d0;PWNED-c1\u009c",
    "bidi override": "\u202e",
    "bidi embedding": "\u202a",
    "bidi isolate": "\u2066",
}
HOSTILE = "<" + "|".join(INJECTED.values()) + ">"
# Characters that no screen of the game draws but data could bring: C1 controls and bidi
# controls, wherever they come from.
# controls, wherever they come from (as UTF-8: U+0080-U+009F, U+202A-U+202E, U+2066-U+2069).
STRAY = re.compile(rb"\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


def tainted(text: str, hostile: bool) -> str:
    return f"{text} {HOSTILE}" if hostile else text


@dataclass
class Found:
    kind: str
    count: int
    length: int

    @property
    def bytes(self) -> int:
        return self.count * self.length


def injected_in(output: bytes) -> list[Found]:
    """Every injected sequence found in `output`, and C1 or bidi characters from anywhere."""
    found = []
    for kind, sequence in INJECTED.items():
        raw = sequence.encode()
        if output.count(raw):
            found.append(Found(kind, output.count(raw), len(raw)))
    known = {sequence.encode() for sequence in INJECTED.values()}
    stray = [m.group() for m in STRAY.finditer(output)]
    # Those inside an injected sequence already counted are not counted twice.
    extra = len(stray) - sum(output.count(raw) * len(STRAY.findall(raw)) for raw in known)
    if extra > 0:
        found.append(Found("other C1 or bidi", extra, 3))
    return found


def injected_bytes(output: bytes) -> int:
    return sum(found.bytes for found in injected_in(output))


# -- the pack -----------------------------------------------------------------------------


PACK = """\
schema: 1
id: lighthouse
title: The Lighthouse Log
description: Two questions on the lighthouse.
language: en
authors: [Quiz Tester]
license: CC0-1.0
source:
  title: The Lighthouse Log
  author: Ann Writer
  publication: The Daily Test
  date: 2019-05-04
  text: lighthouse.txt
sections:
  - id: history
    title: History of the light
questions:
  - id: granite
    type: true_false
    section: history
    prompt: The lighthouse was built from local granite.
    answer: true
    explanation: The log says so in its first lines.
    quote: built in 1871 from local granite
  - id: year
    type: single
    section: history
    prompt: When was the lighthouse built?
    choices: ["1871", "1901", "1952"]
    answer: "1871"
    hint: Before 1900.
    explanation: It was built in 1871.
    quote: The lighthouse on Gull Point was built in 1871
"""
# Each question by the words its prompt starts with, and the key that answers it.
QUESTIONS = {"The lighthouse was built": "t", "When was the lighthouse": "1"}


def write_pack(folder: Path) -> Path:
    """A clean two-question pack and its source text in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "lighthouse.txt", folder / "lighthouse.txt")
    (folder / "lighthouse.yaml").write_text(PACK, encoding="utf-8")
    return folder / "lighthouse.yaml"


def poison_cache(cache_dir: Path) -> None:
    """Rewrite the one pack cache entry under `cache_dir` with hostile text everywhere."""
    (entry,) = (cache_dir / "packs").glob("*.pack-cache")
    with open(entry, "rb") as handle:
        source_name, loaded = pickle.load(handle)
    pack = loaded.pack
    questions = []
    for question in pack.questions:
        changes: dict[str, object] = {
            "prompt": tainted(question.prompt, True),
            "explanation": tainted(question.explanation, True),
        }
        if question.hint:
            changes["hint"] = tainted(question.hint, True)
        if question.type == "single":
            changes["choices"] = tuple(tainted(choice, True) for choice in question.choices)
            changes["answer"] = tainted(question.answer, True)
        questions.append(question.replace(**changes))
    source = pack.source.replace(
        title=tainted(pack.source.title, True),
        author=tainted(pack.source.author, True),
        publication=tainted(pack.source.publication, True),
    )
    sections = tuple(
        section.replace(title=tainted(section.title, True), description=tainted("About it.", True))
        if "description" in _fields(section)  # sections of older versions have none
        else section.replace(title=tainted(section.title, True))
        for section in pack.sections
    )
    pack = pack.replace(
        title=tainted(pack.title, True),
        description=tainted(pack.description, True),
        source=source,
        sections=sections,
        questions=tuple(questions),
    )
    # The source text too, the quotes' offsets moved along.
    before = f"{HOSTILE}\n\n"
    shift = len(before)
    spans = {
        key: tuple((start + shift, end + shift) for start, end in value)
        for key, value in loaded.quote_spans.items()
    }
    loaded = loaded.replace(
        pack=pack,
        source_text=f"{before}{loaded.source_text}\n\n{HOSTILE} the end.\n",
        quote_spans=spans,
    )
    with open(entry, "wb") as handle:
        pickle.dump((source_name, loaded), handle, protocol=pickle.HIGHEST_PROTOCOL)


def _fields(record: object) -> set[str]:
    return {name for cls in type(record).__mro__ for name in getattr(cls, "__slots__", ())}


# -- the results database -----------------------------------------------------------------


def names(hostile: bool) -> list[str]:
    return [tainted(name, hostile) for name in ("Eve", "Mallory", "Trent")]


def fill_database(db: Path, pack_hash: str, hostile: bool) -> None:
    """Finished sessions on the lighthouse pack by three players, as an older version
    might have stored them: names, titles and responses written as they came."""
    from quizgame.store import AnswerRecord, ResultsStore, SessionRecord, new_id

    clean_names = names(hostile=False)
    with ResultsStore.open(db) as store:
        for number, name in enumerate(clean_names):
            record = SessionRecord(
                session_id=new_id(),
                player=name,
                pack_id="lighthouse",
                pack_hash=pack_hash,
                pack_title="The Lighthouse Log",
                mode="practice",
                options={"seed": 7, "shuffle_questions": False},
                seed=7,
                question_count=2,
                max_score=40.0,
                started_at=f"2025-03-0{number + 1}T10:00:00.000+00:00",
            )
            store.start_session(record)
            for question, right in ((1, True), (2, number == 0)):
                store.record_answer(
                    AnswerRecord(
                        session_id=record.session_id,
                        question_id=("granite", "year")[question - 1],
                        question_number=question,
                        response=tainted("1871" if right else "1901", hostile),
                        correct=right,
                        credit=1.0 if right else 0.0,
                        points=20.0 if right else 0.0,
                        max_points=20.0,
                        seconds=2.0,
                    )
                )
            store.finish_session(record.session_id, finished_at=f"2025-03-0{number + 1}T10:05:00.000+00:00")
    if hostile:
        with sqlite3.connect(db) as connection:  # what validation never saw
            for clean, raw in zip(clean_names, names(hostile=True), strict=True):
                connection.execute("UPDATE players SET name = ? WHERE name = ?", (raw, clean))
            connection.execute("UPDATE sessions SET pack_title = ?", (tainted("The Lighthouse Log", True),))
        connection.close()
