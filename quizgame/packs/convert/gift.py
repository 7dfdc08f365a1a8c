"""GIFT (Moodle's plain-text question format) to imported questions.

The file is split into questions at blank lines, as Moodle does; each is parsed with the
grammar in gift_grammar.py, so a mistake is reported at its exact line and column and the
other questions are still read. Texts are decoded as the GIFT-grammar-PEG.js reference
parser does (escapes, and whitespace collapsed except in [html] and [markdown] texts), then
made plain: HTML becomes text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from quizgame.packs.convert.model import Finding, Imported, ImportResult, scoring_difference
from quizgame.packs.convert.text import decoded, html_to_text, unsafe_character

MAX_GIFT_BYTES = 5 * 1024 * 1024

BLANK = "_____"
_ESCAPED = {"\\": "\\", ":": ":", "#": "#", "=": "=", "{": "{", "}": "}", "~": "~", "n": "\n"}
_ESCAPE = re.compile(r"\\([\\:#={}~n])")
_COMMENT_LINE = re.compile(r"^[ \t]*//[^\n]*(?:\n|$)", re.MULTILINE)
# A comment line within a text that started on an earlier line.
_COMMENT_WITHIN = re.compile(r"\n[ \t]*//[^\n]*")
_TAG = re.compile(r"\[tag:([^\x00-\x1f\x7f\]]+?)\]")
_ID = re.compile(r"\[id:([^\x00-\x1f\x7f\]]+?)\]")
_TRUE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
# Our own export puts the quote after the explanation, in this form (see gift_export.py).
QUOTE_LINE = re.compile(r"\n\nSource: \u201c(?P<quote>.+)\u201d \((?P<who>[^\n]*)\)\Z", re.S)
QUOTE_JOIN = " \u2026 "
# Moodle's special category names, which are not a category's own words.
_CATEGORY_ROOTS = re.compile(r"^\$[a-z0-9]*\$$")


@cache
def _parser() -> Any:
    from lark import Lark

    from quizgame.packs.convert.gift_grammar import GRAMMAR

    return Lark(GRAMMAR, parser="lalr", lexer="contextual", maybe_placeholders=False)


@dataclass
class _Chunk:
    text: str
    line: int  # 0-based line of the chunk's first line in the file


def read_gift(text: str) -> ImportResult:
    """Every question of a GIFT file, and a finding for each one left out."""
    result = ImportResult()
    category: str | None = None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for chunk in _chunks(text):
        body = _COMMENT_LINE.sub(lambda m: "\n" if m.group().endswith("\n") else "", chunk.text)
        if not body.strip():
            continue
        reader = _Question(chunk)
        try:
            item = reader.read()
        except _Skip as skip:
            result.findings.append(skip.finding)
            continue
        if item is None:
            continue
        if isinstance(item, _Category):
            category = item.title
            continue
        item.category = category
        result.findings.extend(reader.notes)
        result.questions.append(item)
    return result


def _chunks(text: str) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    lines: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n")):
        if line.strip(" \t"):
            if not lines:
                start = number
            lines.append(line)
        elif lines:
            chunks.append(_Chunk("\n".join(lines), start))
            lines = []
    if lines:
        chunks.append(_Chunk("\n".join(lines), start))
    return chunks


@dataclass
class _Category:
    title: str | None


class _Skip(Exception):
    def __init__(self, finding: Finding) -> None:
        self.finding = finding


def decode(raw: str, fmt: str) -> str:
    """A GIFT text as the reference parser reads it, then as plain quizgame text."""
    raw = raw.strip()
    if fmt not in ("html", "markdown"):
        raw = re.sub(r"\s\s+", " ", raw.replace("\n", " "))
    text = _ESCAPE.sub(lambda m: _ESCAPED[m.group(1)], raw)
    if fmt == "html":
        return html_to_text(text)[0]
    if fmt == "markdown":  # trailing spaces (a markdown line break) mean nothing here
        return "\n".join(line.rstrip() for line in text.split("\n")).strip()
    return text.strip()


class _Question:
    """One chunk of the file: a category, a question, or something we skip."""

    def __init__(self, chunk: _Chunk) -> None:
        self.chunk = chunk
        self.notes: list[Finding] = []
        self.format = "moodle"

    # -- positions ---------------------------------------------------------------------

    def at(self, offset: int) -> tuple[int, int]:
        text = self.chunk.text
        line = text.count("\n", 0, offset)
        col = offset - (text.rfind("\n", 0, offset) + 1)
        return self.chunk.line + line + 1, col + 1

    def skip(self, offset: int, message: str, kind: str | None = None) -> _Skip:
        line, col = self.at(offset)
        return _Skip(Finding(line, col, message, "skipped", kind))

    def note(self, offset: int, message: str) -> None:
        line, col = self.at(offset)
        self.notes.append(Finding(line, col, message))

    # -- parsing -------------------------------------------------------------------------

    def read(self) -> Imported | _Category | None:
        from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

        try:
            tree = _parser().parse(self.chunk.text)
        except (UnexpectedToken, UnexpectedCharacters, UnexpectedEOF) as error:
            raise self._syntax_error(error) from None
        except UnexpectedInput as error:  # any other lark complaint, still located
            raise self.skip(getattr(error, "pos_in_stream", 0) or 0, "GIFT syntax error") from None
        kind = tree.data
        if kind == "category":
            return _Category(category_title(str(tree.children[0])[len("$CATEGORY:") :]))
        title, stem, block, tail = self._parts(tree)
        start = self._start(tree)
        if kind == "description":
            raise self.skip(start, "skipped a description (text without a question): quizgame has no such kind", "description")
        return self._question(start, title, stem, block, tail)

    def _syntax_error(self, error: Any) -> _Skip:
        from lark.exceptions import UnexpectedCharacters, UnexpectedEOF

        text = self.chunk.text
        if isinstance(error, UnexpectedEOF):
            offset = len(text.rstrip())
            token = None
        elif isinstance(error, UnexpectedCharacters):
            offset = error.pos_in_stream
            token = text[offset]
        else:
            offset = error.token.start_pos if error.token.start_pos is not None else len(text)
            token = str(error.token) if error.token.type != "$END" else None
        if token is None:
            opened = text.rfind("{")
            if opened != -1 and text.rfind("}") < opened:
                line, col = self.at(opened)
                message = (
                    f"the '{{' at line {line}, column {col} is never closed with '}}' "
                    "(a blank line ends a question)"
                )
                return self.skip(opened, message)
            return self.skip(offset, "the question ends too early (GIFT syntax error)")
        before = re.sub(r"\\.", "", text[:offset])
        if token == "{" and before.rfind("{") > before.rfind("}"):
            message = "'{' inside an answer block: write \\{ for a brace in an answer"
        elif token == "{":
            message = (
                "a second '{' in one question: separate questions with a blank line, "
                "or write \\{ for a brace in the text"
            )
        elif token == "}":
            message = "'}' without a '{' before it: write \\} for a brace in the text"
        elif token.startswith("%"):
            message = f"{token} is not a weight: write a percentage between -100 and 100, as in %50%"
        else:
            shown = token if len(token) <= 20 else token[:17] + "..."
            message = f"unexpected {shown!r} (GIFT syntax error; escape = ~ # {{ }} with a backslash in text)"
        return self.skip(offset, message)

    def _start(self, tree: Any) -> int:
        for child in tree.children:
            token = child if hasattr(child, "start_pos") else _first_token(child)
            if token is not None:
                return token.start_pos
        return 0

    def _parts(self, tree: Any) -> tuple[Any, Any, Any, Any]:
        title = stem = block = tail = None
        for child in tree.children:
            if getattr(child, "type", None) == "TITLE":
                title = child
            elif getattr(child, "data", None) == "stem":
                stem = child
            elif getattr(child, "data", None) == "tail":
                tail = child
            else:
                block = child
        return title, stem, block, tail

    def _raw(self, tokens: list[Any]) -> str:
        if not tokens:
            return ""
        raw = self.chunk.text[tokens[0].start_pos : tokens[-1].end_pos]
        return _COMMENT_WITHIN.sub("", raw)

    def _text(self, tree: Any, *, default: str | None = None) -> tuple[str, str]:
        """The decoded text of a stem, tail, feedback or choice, and its format."""
        fmt = default or self.format
        tokens = []
        for child in tree.children if tree is not None else []:
            if getattr(child, "type", None) == "FORMAT":
                fmt = str(child)[1:-1]
            elif getattr(child, "type", None) in ("TEXT", "ATEXT", "ARROW"):
                tokens.append(child)
        raw = self._raw(tokens)
        if fmt == "html" and tokens:
            dropped = html_to_text(_ESCAPE.sub(lambda m: _ESCAPED[m.group(1)], raw))[1]
            if dropped:
                self.note(tokens[0].start_pos, f"HTML made plain text; left out what a terminal cannot show: {', '.join(sorted(set(dropped)))}")
        return decode(raw, fmt), fmt

    def _question(self, start: int, title: Any, stem: Any, block: Any, tail: Any) -> Imported:
        stem_text, fmt = self._text(stem) if stem is not None else ("", "moodle")
        self.format = fmt
        tail_text = self._text(tail)[0] if tail is not None else ""
        if tail is not None and stem is None:
            self.format = self._text(tail)[1]
        name = decode(str(title)[2:-2], "moodle") if title is not None else None
        kind = block.data
        if kind == "essay":
            raise self.skip(start, "skipped an essay question: quizgame has no such kind", "essay")
        if kind == "numerical":
            raise self.skip(
                start,
                "skipped a numerical question ({#...}): quizgame has no number-with-tolerance kind",
                "numerical",
            )
        prompt = _prompt(stem_text, tail_text, blank=tail is not None and bool(tail_text))
        if not prompt:
            raise self.skip(start, "skipped a question without any text")
        line, col = self.at(start)
        item = Imported(kind="single", prompt=prompt, line=line, col=col, title=name or None)
        self._comments(item)
        general = [c for c in block.children if getattr(c, "data", None) == "general"]
        if general:
            text = self._text(general[0])[0]
            item.general_feedback = text or None
        if kind == "bare":
            self._bare(item, block, start)
        else:
            self._choices(item, [c for c in block.children if getattr(c, "data", None) == "choice"], start)
        self._recover_quote(item)
        for text in [item.prompt, *item.choices, *item.accept, item.general_feedback or ""]:
            bad = unsafe_character(text)
            if bad:
                raise self.skip(start, f"skipped: the question holds {bad}, which a pack may not hold")
        return item

    def _comments(self, item: Imported) -> None:
        for line in self.chunk.text.split("\n"):
            if line.lstrip().startswith("//"):
                item.tags += [t.strip() for t in _TAG.findall(line)]
                found = _ID.search(line)
                if found and item.title is None:
                    item.title = found.group(1).strip()

    def _bare(self, item: Imported, block: Any, start: int) -> None:
        bare, *feedbacks = [c for c in block.children if getattr(c, "data", None) in ("bare", "feedback")]
        text, _ = self._text(bare)
        feedback = [self._text(f)[0] for f in feedbacks if getattr(f, "data", None) == "feedback"]
        word = text.strip()
        if word in _TRUE:
            item.kind = "true_false"
            item.truth = _TRUE[word]
            # GIFT's first feedback is for the wrong answer, the second for the right one.
            wrong = feedback[0] if feedback else ""
            right = feedback[1] if len(feedback) > 1 else ""
            if right:
                item.answer_feedback.append(("true" if item.truth else "false", True, right))
            if wrong:
                item.answer_feedback.append(("false" if item.truth else "true", False, wrong))
            return
        if not word:
            raise self.skip(start, "skipped a question whose answer is empty")
        item.kind = "short"
        item.accept = [word]
        if feedback and feedback[0]:
            item.answer_feedback.append((word, True, feedback[0]))

    def _choices(self, item: Imported, choices: list[Any], start: int) -> None:
        parsed: list[tuple[str, float | None, str, str | None, bool, int]] = []
        for choice in choices:
            mark = str(choice.children[0])
            weight: float | None = None
            body = []
            feedback = None
            for child in choice.children[1:]:
                kind = getattr(child, "type", None)
                if kind == "WEIGHT":
                    weight = self._weight(child)
                elif getattr(child, "data", None) == "feedback":
                    feedback = self._text(child)[0] or None
                else:
                    body.append(child)
            text, _ = self._text(_Fake(body))
            arrow = any(getattr(t, "type", None) == "ARROW" for t in body)
            parsed.append((mark, weight, text, feedback, arrow, choice.children[0].start_pos))
        if all(mark == "=" for mark, *_ in parsed) and all(arrow for *_, arrow, _ in parsed):
            raise self.skip(start, "skipped a matching question (a -> b): quizgame has no such kind", "matching")
        for mark, weight, text, _, _, offset in parsed:
            if not text:
                raise self.skip(offset, "skipped a question with an empty answer")
        if all(mark == "=" for mark, *_ in parsed):
            self._short(item, parsed)
            return
        # As Moodle reads it: with an '=' answer, one answer is picked and '=' (or 100%)
        # scores full marks; with none, several are picked and the positive weights add up.
        if any(mark == "=" for mark, *_ in parsed):
            full = [p for p in parsed if _credit(p[0], p[1]) >= 100]
            partial = [p for p in parsed if 0 < _credit(p[0], p[1]) < 100]
        else:
            full = []
            partial = [p for p in parsed if _credit(p[0], p[1]) > 0]
        item.choices = [text for _, _, text, *_ in parsed]
        for mark, weight, text, feedback, _, _ in parsed:
            if feedback:
                right = _credit(mark, weight) > 0 if not full else _credit(mark, weight) >= 100
                item.answer_feedback.append((text, right, feedback))
        if len(full) == 1:
            item.kind = "single"
            item.answers = [full[0][2]]
            if partial:
                shown = ", ".join(f"'{p[2]}' ({_percent(_credit(p[0], p[1]))})" for p in partial)
                self.note(start, f"partial credit dropped: {shown} now count as wrong (a single-choice question has one right answer)")
            return
        item.kind = "multiple"
        if len(full) > 1:
            item.answers = [p[2] for p in full]
            self.note(
                start,
                f"{len(full)} answers are marked right with '=': in GIFT any one of them scores full marks, "
                "in quizgame the player picks all of them",
            )
            return
        if not partial:
            raise self.skip(start, "skipped a question with no right answer")
        item.answers = [p[2] for p in partial]
        difference = scoring_difference([(p[2], _credit(p[0], p[1])) for p in parsed])
        if difference:
            self.note(start, difference)

    def _short(self, item: Imported, parsed: list[Any]) -> None:
        item.kind = "short"
        dropped = []
        for mark, weight, text, feedback, _, _ in parsed:
            credit = _credit(mark, weight)
            if text == "*":
                if feedback:
                    item.answer_feedback.append((None, False, feedback))
                continue
            if credit >= 100:
                item.accept.append(text)
                if feedback:
                    item.answer_feedback.append((text, True, feedback))
            else:
                dropped.append(f"'{text}' ({_percent(credit)})")
                if feedback:
                    item.answer_feedback.append((text, False, feedback))
        if not item.accept:
            raise self.skip(self._offset(item), "skipped a short-answer question with no fully right answer")
        if dropped:
            self.note(self._offset(item), f"partial credit dropped: {', '.join(dropped)} not accepted (quizgame accepts an answer or not)")

    def _offset(self, item: Imported) -> int:
        lines = self.chunk.text.split("\n")
        return sum(len(line) + 1 for line in lines[: item.line - 1 - self.chunk.line]) + item.col - 1

    def _weight(self, token: Any) -> float:
        shown = str(token)
        try:
            value = float(shown[1:-1])
        except ValueError:
            value = float("nan")
        if not -100 <= value <= 100:  # also NaN
            raise self.skip(token.start_pos, f"{shown} is not a weight: write a percentage between -100 and 100, as in %50%")
        return value

    def _recover_quote(self, item: Imported) -> None:
        if not item.general_feedback:
            return
        found = QUOTE_LINE.search(item.general_feedback)
        if found:
            item.quote = [part for part in found.group("quote").split(QUOTE_JOIN) if part.strip()]
            item.general_feedback = item.general_feedback[: found.start()] or None


class _Fake:
    def __init__(self, children: list[Any]) -> None:
        self.children = children


def _first_token(tree: Any) -> Any:
    for child in getattr(tree, "children", []):
        if hasattr(child, "start_pos"):
            return child
        found = _first_token(child)
        if found is not None:
            return found
    return None


def _credit(mark: str, weight: float | None) -> float:
    if weight is not None:
        return weight
    return 100.0 if mark == "=" else 0.0


def _percent(value: float) -> str:
    return f"{value:.5g}%"


def _prompt(stem: str, tail: str, *, blank: bool) -> str:
    if not blank:
        return stem
    joined = f"{stem} {BLANK}" if stem else BLANK
    if tail[:1] in ".,;:!?)":
        return joined + tail
    return f"{joined} {tail}"


def category_title(path: str) -> str | None:
    # '/' separates levels; '//' is a '/' within a name.
    parts = [part.replace("//", "/").strip() for part in re.split(r"(?<!/)/(?!/)", path.strip())]
    parts = [p for p in parts if p and not _CATEGORY_ROOTS.match(p)]
    if parts and parts[0] == "top":
        parts = parts[1:]
    return " / ".join(parts) or None


def read_gift_bytes(data: bytes) -> ImportResult:
    """A GIFT file's bytes: UTF-8 text (a byte order mark is fine)."""
    return read_gift(decoded(data))
