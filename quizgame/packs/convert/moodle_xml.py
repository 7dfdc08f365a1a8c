"""Moodle XML: read and written.

Read with defusedxml's ElementTree parser, with document type declarations forbidden: no
entity of any kind (so no "billion laughs" bomb and no external entity), no DTD, and never
anything fetched from the network. Each question's line and column come from the parser as
it meets the question's start tag.

In: `multichoice` (single and multiple answers), `truefalse`, `shortanswer`, and `category`
entries, which become sections; `generalfeedback` and answer feedback become the
explanation, `<hint>` the hint, `<tags>` the tags. Every other type (matching, numerical,
essay, description, cloze...) is skipped with its name. Out: every question type, texts as
`plain_text` (Moodle shows them as written, never as HTML), sections as categories with
their ids, and the explanation with the quote and its attribution as general feedback.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from quizgame.packs.convert.gift import QUOTE_JOIN, QUOTE_LINE, category_title
from quizgame.packs.convert.model import Exported, Finding, ImportRefused, Imported, ImportResult, scoring_difference
from quizgame.packs.convert.text import html_to_text, tidy, unsafe_character

_KINDS = {"multichoice", "truefalse", "shortanswer"}
_NAMES = {
    "matching": "matching",
    "numerical": "numerical",
    "essay": "essay",
    "description": "description",
    "multianswer": "cloze (embedded answers)",
    "calculated": "calculated",
    "calculatedsimple": "calculated",
    "calculatedmulti": "calculated",
    "ddwtos": "drag and drop",
    "ddimageortext": "drag and drop",
    "ddmarker": "drag and drop",
    "gapselect": "select missing words",
    "randomsamatch": "random short-answer matching",
}


class _Located(ET.TreeBuilder):
    """A tree builder that remembers where each element started."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: Any = None
        self.where: dict[int, tuple[int, int]] = {}

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:  # type: ignore[override]
        element = super().start(tag, attrs)
        expat = self.parser.parser
        self.where[id(element)] = (expat.CurrentLineNumber, expat.CurrentColumnNumber + 1)
        return element


def _parse(data: bytes) -> tuple[ET.Element, dict[int, tuple[int, int]]]:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    target = _Located()
    parser = DefusedXMLParser(target=target, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    target.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except ET.ParseError as error:
        line, col = getattr(error, "position", (1, 0))
        raise ImportRefused(line, col + 1, f"not well-formed XML: {str(error).split(':')[0]}") from None
    except DefusedXmlException as error:
        raise _refusal(data, parser, error) from None
    return root, target.where


_WHAT = {
    "DTDForbidden": ("<!DOCTYPE", "a document type declaration (<!DOCTYPE ...>)"),
    "EntitiesForbidden": ("<!ENTITY", "an entity declaration (<!ENTITY ...>)"),
    "ExternalReferenceForbidden": ("SYSTEM", "a reference to an external file"),
}


def _refusal(data: bytes, parser: Any, error: Exception) -> ImportRefused:
    marker, what = _WHAT.get(type(error).__name__, ("<!", "a declaration"))
    at = data.find(marker.encode("ascii"))
    if at != -1:
        line = data.count(b"\n", 0, at) + 1
        col = len(data[data.rfind(b"\n", 0, at) + 1 : at].decode("utf-8", "replace")) + 1
    else:
        line, col = parser.parser.CurrentLineNumber or 1, (parser.parser.CurrentColumnNumber or 0) + 1
    return ImportRefused(
        line,
        col,
        f"refused: {what} is not allowed; it can expand to gigabytes or read other files, "
        "and a Moodle XML file needs none",
    )


def read_moodle_bytes(data: bytes) -> ImportResult:
    root, where = _parse(data)
    if root.tag != "quiz":
        line, col = where.get(id(root), (1, 1))
        raise ImportRefused(line, col, f"this is not a Moodle XML question file (its root is <{root.tag}>, not <quiz>)")
    result = ImportResult()
    category: str | None = None
    for element in root.iter("question"):
        line, col = where.get(id(element), (1, 1))
        kind = element.get("type", "")
        if kind == "category":
            category = category_title(_text(element.find("category")))
            continue
        if kind not in _KINDS:
            name = _NAMES.get(kind, kind or "untyped")
            result.findings.append(
                Finding(line, col, f"skipped {'an' if name[0] in 'aeiou' else 'a'} {name} question: quizgame has no such kind", "skipped", name)
            )
            continue
        reader = _Question(element, line, col, category)
        item = reader.read()
        result.findings.extend(reader.findings)
        if item is not None:
            result.questions.append(item)
    return result


def _text(element: ET.Element | None) -> str:
    if element is None:
        return ""
    text = element.find("text")
    return (text.text or "") if text is not None else (element.text or "")


def _formatted(element: ET.Element | None) -> tuple[str, list[str]]:
    """A Moodle text element as plain text, and the media left out of it."""
    raw = _text(element)
    fmt = element.get("format", "html") if element is not None else "html"
    if fmt in ("plain_text", "markdown"):
        return tidy(raw) if fmt == "markdown" else raw.strip(), []
    return html_to_text(raw)


class _Question:
    def __init__(self, element: ET.Element, line: int, col: int, category: str | None) -> None:
        self.element = element
        self.line = line
        self.col = col
        self.category = category
        self.findings: list[Finding] = []

    def note(self, message: str) -> None:
        self.findings.append(Finding(self.line, self.col, message))

    def skip(self, message: str) -> None:
        self.findings.append(Finding(self.line, self.col, f"skipped: {message}", "skipped"))

    def text(self, element: ET.Element | None) -> str:
        text, dropped = _formatted(element)
        if dropped:
            self.note(f"HTML made plain text; left out what a terminal cannot show: {', '.join(sorted(set(dropped)))}")
        return text

    def read(self) -> Imported | None:
        element = self.element
        kind = element.get("type")
        prompt = self.text(element.find("questiontext"))
        if not prompt:
            self.skip("the question has no text")
            return None
        name = _text(element.find("name")).strip() or (element.findtext("idnumber") or "").strip() or None
        item = Imported(kind="single", prompt=prompt, line=self.line, col=self.col, title=name, category=self.category)
        general = self.text(element.find("generalfeedback"))
        found = QUOTE_LINE.search(general) if general else None
        if found:
            item.quote = [part for part in found.group("quote").split(QUOTE_JOIN) if part.strip()]
            general = general[: found.start()]
        item.general_feedback = general or None
        hint = self.text(element.find("hint"))
        item.hint = hint or None
        item.tags = [t for t in (_text(tag).strip() for tag in element.findall("tags/tag")) if t]
        answers = []
        for answer in element.findall("answer"):
            try:
                fraction = float(answer.get("fraction", "0"))
            except ValueError:
                self.skip(f"answer fraction {answer.get('fraction')!r} is not a number")
                return None
            answers.append((self.text(answer), fraction, self.text(answer.find("feedback")) or None))
        if kind == "truefalse":
            right = [text.strip().lower() for text, fraction, _ in answers if fraction >= 100]
            if right not in (["true"], ["false"]):
                self.skip("a true/false question needs one right answer, true or false")
                return None
            item.kind = "true_false"
            item.truth = right == ["true"]
            for text, fraction, feedback in answers:
                if feedback:
                    item.answer_feedback.append((text.strip().lower(), fraction >= 100, feedback))
        elif kind == "shortanswer":
            item.kind = "short"
            dropped = []
            for text, fraction, feedback in answers:
                if text == "*":
                    if feedback:
                        item.answer_feedback.append((None, False, feedback))
                    continue
                if fraction >= 100:
                    item.accept.append(text)
                elif fraction > 0:
                    dropped.append(f"'{text}' ({fraction:g}%)")
                if feedback:
                    item.answer_feedback.append((text, fraction >= 100, feedback))
            if dropped:
                self.note(f"partial credit dropped: {', '.join(dropped)} not accepted (quizgame accepts an answer or not)")
        else:
            single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
            item.choices = [text for text, _, _ in answers]
            if single:
                full = [text for text, fraction, _ in answers if fraction >= 100]
                partial = [f"'{t}' ({f:g}%)" for t, f, _ in answers if 0 < f < 100]
                item.kind = "single" if len(full) == 1 else "multiple"
                item.answers = full
                if partial:
                    self.note(f"partial credit dropped: {', '.join(partial)} now wrong")
                if len(full) > 1:
                    self.note(f"{len(full)} answers score 100%: in Moodle any one of them is enough, in quizgame the player picks all")
            else:
                item.kind = "multiple"
                item.answers = [text for text, fraction, _ in answers if fraction > 0]
                difference = scoring_difference([(text, fraction) for text, fraction, _ in answers])
                if difference:
                    self.note(difference)
            for text, fraction, feedback in answers:
                if feedback:
                    item.answer_feedback.append((text, text in item.answers, feedback))
        for text in [item.prompt, *item.choices, *item.accept, item.general_feedback or "", item.hint or ""]:
            bad = unsafe_character(text)
            if bad:
                self.skip(f"the question holds {bad}, which a pack may not hold")
                return None
        return item


# -- out -------------------------------------------------------------------------------------


def _plain(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": "plain_text", **attrs})
    ET.SubElement(element, "text").text = text
    return element


def _weight(share: float) -> str:
    return f"{share:.7f}".rstrip("0").rstrip(".")


def write_moodle(loaded: Any, locations: list[tuple[int, int]]) -> Exported:
    from quizgame.packs.convert.gift_export import feedback

    pack = loaded.pack
    quiz = ET.Element("quiz")
    quiz.append(ET.Comment(f" {pack.title.replace('--', '- -')}: exported from the quizgame pack '{pack.id}' "))
    section = None
    for question in pack.questions:
        if question.section != section:
            section = question.section
            entry = ET.SubElement(quiz, "question", {"type": "category"})
            path = " ".join(pack.section(section).title.split()).replace("/", "//")
            ET.SubElement(ET.SubElement(entry, "category"), "text").text = f"$course$/top/{path}"
            ET.SubElement(entry, "idnumber").text = section
        kind = {"single": "multichoice", "multiple": "multichoice", "true_false": "truefalse", "short": "shortanswer"}
        element = ET.SubElement(quiz, "question", {"type": kind[question.type]})
        ET.SubElement(ET.SubElement(element, "name"), "text").text = question.id
        _plain(element, "questiontext", question.prompt)
        _plain(element, "generalfeedback", feedback(loaded, question))
        ET.SubElement(element, "idnumber").text = question.id
        if question.type in ("single", "multiple"):
            ET.SubElement(element, "single").text = "true" if question.type == "single" else "false"
            ET.SubElement(element, "shuffleanswers").text = "true" if question.shuffle else "false"
            ET.SubElement(element, "answernumbering").text = "abc"
            right = [question.answer] if question.type == "single" else list(question.answers)
            share = 100 / len(right)
            for choice in question.choices:
                if choice in right:
                    fraction = _weight(share)
                else:
                    fraction = "0" if question.type == "single" else _weight(-share)
                _plain(element, "answer", choice, fraction=fraction)
        elif question.type == "true_false":
            for value in ("true", "false"):
                _plain(element, "answer", value, fraction="100" if (value == "true") == question.answer else "0")
        else:
            # Case, like quizgame, does not matter.
            ET.SubElement(element, "usecase").text = "0"
            for answer in question.accept:
                _plain(element, "answer", answer, fraction="100")
        if question.hint:
            _plain(element, "hint", question.hint)
        if question.tags:
            tags = ET.SubElement(element, "tags")
            for tag in question.tags:
                ET.SubElement(ET.SubElement(tags, "tag"), "text").text = tag
    ET.indent(quiz)
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="utf-8", xml_declaration=False) + b"\n"
    return Exported(data=data, converted=len(pack.questions), findings=[])
