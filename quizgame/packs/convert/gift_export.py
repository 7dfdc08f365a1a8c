"""A checked pack as GIFT, for Moodle and the other tools that read it.

Every question type has a GIFT form: `single` as one `=` answer among `~` ones, `multiple`
with weights that score as quizgame does (each right pick +100/n %, each wrong pick the
same taken away), `true_false` as {TRUE}/{FALSE}, `short` as `=` answers. Ids become
::titles::, sections become $CATEGORY lines, tags become `// [tag:...]` comments, and the
explanation, followed by the quote and its attribution, becomes the general feedback.
Texts are [plain] (Moodle shows them as written, never as HTML) and fully escaped.
"""

from __future__ import annotations

import re
from typing import Any

from quizgame.packs.convert.gift import QUOTE_JOIN
from quizgame.packs.convert.model import Exported, Finding

_SPECIAL = re.compile(r"[\\~=#{}:]")
_FORMAT_LIKE = re.compile(r"\[(?:html|moodle|plain|markdown)\]")


def escape(text: str) -> str:
    """A text as GIFT writes it: control characters escaped, line breaks as \\n."""
    text = _SPECIAL.sub(lambda m: "\\" + m.group(), text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _answer(mark: str, text: str, weight: str | None = None) -> str:
    body = escape(text)
    # A text that would read as a weight or a format marker gets an explicit one first.
    if weight is None and text.startswith("%") and "%" in text[1:]:
        weight = "100" if mark == "=" else "0"
    prefix = f"%{weight}%" if weight is not None else ""
    if _FORMAT_LIKE.match(text):
        prefix += "[plain]"
    return f"    {mark}{prefix}{body}"


def attribution(loaded: Any, fragments: tuple[str, ...]) -> str:
    """The quote and where it comes from, as the last paragraph of the feedback."""
    source = loaded.pack.source
    quote = QUOTE_JOIN.join(" ".join(fragment.split()) for fragment in fragments)
    where = [source.author, f"\u201c{source.title}\u201d", source.publication]
    if source.column:
        where.append(source.column)
    where.append(source.date.isoformat())
    return f"Source: \u201c{quote}\u201d ({', '.join(' '.join(w.split()) for w in where)})"


def feedback(loaded: Any, question: Any) -> str:
    return f"{question.explanation}\n\n{attribution(loaded, question.quote_fragments)}"


def _weight(share: float) -> str:
    return f"{share:.5f}".rstrip("0").rstrip(".")


def _category(title: str) -> str:
    # '/' separates Moodle's category levels; a '/' within a name is written '//'.
    return " ".join(title.split()).replace("/", "//")


def write_gift(loaded: Any, locations: list[tuple[int, int]]) -> Exported:
    pack = loaded.pack
    lines = [
        f"// {escape(pack.title)}",
        f"// Exported from the quizgame pack '{pack.id}'. Each question's general feedback holds its",
        "// explanation and the quote from the source that backs it.",
        "",
    ]
    findings: list[Finding] = []
    left_out: dict[str, int] = {}
    section = None
    converted = 0
    for index, question in enumerate(pack.questions):
        line, col = locations[index] if index < len(locations) else (1, 1)
        if question.type == "short" and all("->" in a for a in question.accept):
            findings.append(
                Finding(line, col, f"skipped '{question.id}': GIFT reads answers with '->' as a matching question", "skipped", "short")
            )
            continue
        if question.type == "short" and any(a.strip() == "*" for a in question.accept):
            findings.append(Finding(line, col, f"skipped '{question.id}': GIFT reads the answer '*' as any answer", "skipped", "short"))
            continue
        if question.section != section:
            section = question.section
            lines += [f"$CATEGORY: $course$/top/{_category(pack.section(section).title)}", ""]
        if question.tags:
            lines.append("// " + " ".join(f"[tag:{tag}]" for tag in question.tags))
        lines.append(f"::{escape(question.id)}::[plain]{escape(question.prompt)} {{")
        lines += _answers(question)
        said = feedback(loaded, question)
        lines.append(f"    ####{'[plain]' if _FORMAT_LIKE.match(said) else ''}{escape(said)}")
        lines += ["}", ""]
        converted += 1
        for name, present in (
            ("hints", question.hint is not None),
            ("time limits", question.time_limit is not None),
            ("points", question.points is not None),
            ("exact answers", getattr(question, "exact", False)),
        ):
            if present:
                left_out[name] = left_out.get(name, 0) + 1
    if left_out:
        shown = ", ".join(f"{name} ({n})" for name, n in left_out.items())
        findings.append(Finding(1, 1, f"GIFT has no place for these, left out: {shown}"))
    return Exported(data="\n".join(lines).encode("utf-8"), converted=converted, findings=findings)


def _answers(question: Any) -> list[str]:
    kind = question.type
    if kind == "single":
        return [_answer("=" if c == question.answer else "~", c) for c in question.choices]
    if kind == "multiple":
        share = 100 / len(question.answers)
        right, wrong = _weight(share), _weight(-share)
        return [_answer("~", c, right if c in question.answers else wrong) for c in question.choices]
    if kind == "true_false":
        return ["    TRUE" if question.answer else "    FALSE"]
    return [_answer("=", answer) for answer in question.accept]
