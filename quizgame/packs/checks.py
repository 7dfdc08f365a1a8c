"""Checks of what a pack means: unique ids, known sections, answers among choices, quotes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Sequence

from yaml.nodes import Node

from quizgame.packs.files import SourceOutside, read_bytes, source_path
from quizgame.packs.quotes import Source, normalise
from quizgame.packs.reader import UNSAFE_IN_FILE, Issue, decode, line_col, unsafe_message
from quizgame.packs.schema_errors import find_node
from quizgame.packs.suggest import closest, did_you_mean

Spans = dict[str, tuple[tuple[int, int], ...]]
Loc = tuple[Any, ...]


class Checker:
    """Meaning and quote checks over the pack's plain data, with issues at YAML nodes.

    They run on every question, valid or not, skipping only the fields that already have a
    schema error (`bad` holds (question index, field) pairs, field None for the whole
    question) and never adding a second issue at a node already reported on.
    """

    def __init__(
        self, root: Node, data: dict[str, Any], bad: set[tuple[int, str | None]], flagged: set[int]
    ) -> None:
        self.root = root
        self.data = data
        self.bad = bad
        self.flagged = flagged
        self.issues: list[Issue] = []
        # Suggesting a passage costs far more than a search; a pack pointed at the wrong
        # source would miss every quote, so only the first few misses get one.
        self.suggestions_left = 25

    def at(self, loc: Loc, message: str) -> None:
        node = find_node(self.root, loc)
        if id(node) not in self.flagged:
            self.flagged.add(id(node))
            self.issues.append(Issue(node.start_mark.line, node.start_mark.column, message))

    def line(self, loc: Loc) -> int:
        return find_node(self.root, loc).start_mark.line + 1

    def questions(self) -> list[tuple[int, dict[str, Any]]]:
        raw = self.data.get("questions")
        if not isinstance(raw, list):
            return []
        return [(i, q) for i, q in enumerate(raw) if isinstance(q, dict) and (i, None) not in self.bad]

    def field(self, i: int, question: dict[str, Any], name: str) -> Any:
        """A question's field if it has no schema error, else None."""
        return None if (i, name) in self.bad else question.get(name)

    def section_ids(self) -> list[str]:
        raw = self.data.get("sections")
        items = raw if isinstance(raw, list) else []
        return [s["id"] for s in items if isinstance(s, dict) and isinstance(s.get("id"), str)]

    # -- meaning -------------------------------------------------------------------------

    def check_meaning(self) -> None:
        known = list(dict.fromkeys(self.section_ids()))
        first_section: dict[str, int] = {}
        raw_sections = self.data.get("sections")
        for i, section in enumerate(raw_sections if isinstance(raw_sections, list) else []):
            section_id = section.get("id") if isinstance(section, dict) else None
            if not isinstance(section_id, str):
                continue
            if section_id in first_section:
                line = self.line(("sections", first_section[section_id], "id"))
                self.at(("sections", i, "id"), f"duplicate section id '{section_id}' (first defined on line {line})")
            else:
                first_section[section_id] = i

        known_set = set(known)
        first_question: dict[str, int] = {}
        for i, question in self.questions():
            where = ("questions", i)
            question_id = self.field(i, question, "id")
            if isinstance(question_id, str):
                if question_id in first_question:
                    line = self.line(("questions", first_question[question_id], "id"))
                    self.at(where + ("id",), f"duplicate question id '{question_id}' (first defined on line {line})")
                else:
                    first_question[question_id] = i
            section = self.field(i, question, "section")
            if isinstance(section, str) and section not in known_set and known:
                self.at(
                    where + ("section",),
                    f"unknown section '{section}'{did_you_mean(section, known)}; the sections are: {', '.join(known)}",
                )
            kind = question.get("type")
            if kind in ("single", "multiple"):
                self._check_choices(i, question, kind)


    def _check_choices(self, i: int, question: dict[str, Any], kind: str) -> None:
        where = ("questions", i)
        choices = self.field(i, question, "choices")
        if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
            return
        seen: dict[str, int] = {}
        for j, choice in enumerate(choices):
            folded = _fold(choice)
            if not folded:
                continue  # blank: the schema reports it
            if folded in seen:
                first = choices[seen[folded]]
                same = "" if first == choice else f" (as '{first}')"
                self.at(where + ("choices", j), f"choice '{choice}' is listed twice{same}")
            else:
                seen[folded] = j
        if len(choices) < 2:
            return  # the schema error says so already
        if kind == "single":
            answer = self.field(i, question, "answer")
            if isinstance(answer, str) and answer not in choices:
                self.at(where + ("answer",), _not_a_choice(answer, choices))
            return
        answers = self.field(i, question, "answers")
        given: set[str] = set()
        for j, answer in enumerate(answers if isinstance(answers, list) else []):
            if not isinstance(answer, str):
                continue
            if answer not in choices:
                self.at(where + ("answers", j), _not_a_choice(answer, choices))
            elif answer in given:
                self.at(where + ("answers", j), f"answer '{answer}' is listed twice")
            given.add(answer)

    # -- quotes --------------------------------------------------------------------------

    def check_quotes(self, source: Source) -> Spans:
        """Find every quote fragment in the source, in order; spans are original offsets."""
        spans: Spans = {}
        for i, question in self.questions():
            quote = self.field(i, question, "quote")
            if isinstance(quote, str):
                fragments, listed = [quote], False
            elif isinstance(quote, list) and quote and all(isinstance(f, str) for f in quote):
                fragments, listed = quote, True
            else:
                continue
            wanted = [normalise(fragment) for fragment in fragments]
            if not all(wanted):
                continue  # a blank fragment: the schema reports it
            found, failed = source.match(wanted)
            if failed is not None:
                loc = ("questions", i, "quote") + ((failed,) if listed else ())
                if id(find_node(self.root, loc)) in self.flagged:
                    continue  # a placeholder, already reported: no passage to suggest
                position = found[-1][1] if found else 0
                self.at(loc, self._not_found(source, wanted[failed], position, failed, listed))
                continue
            question_id = question.get("id")
            if isinstance(question_id, str):
                spans[question_id] = tuple(source.original_span(s, e) for s, e in found)
        return spans

    def _not_found(self, source: Source, wanted: str, position: int, index: int, listed: bool) -> str:
        if listed and position and source.find(wanted) != -1:
            return (
                f"quote fragment {index + 1} appears in the source only before fragment {index}; "
                "list fragments in the order they appear"
            )
        noun = f"quote fragment {index + 1}" if listed else "the quote"
        suggestion = None
        if self.suggestions_left > 0:
            self.suggestions_left -= 1
            suggestion = source.suggest(wanted)
        tail = f'; did you mean: "{suggestion}"' if suggestion else ""
        return f"{noun} is not in the source text (quotes must be word for word){tail}"


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _not_a_choice(answer: str, choices: Sequence[str]) -> str:
    folded = {_fold(c): c for c in choices}
    near = folded.get(_fold(answer)) or closest(answer, choices)
    hint = f" (did you mean '{near}'?)" if near else ""
    return f"answer '{answer}' is not one of the choices{hint}; write it exactly as in 'choices'"


def read_source(root: Node, pack_path: Path, text: str, limit: int) -> tuple[bytes, str] | list[Issue]:
    """The source file's bytes and text, or the issues that keep it from being used: at the
    pack's `source.text` value, or in the source file itself for characters it must not hold."""
    node = find_node(root, ("source", "text"))
    shown = pack_path.parent / text

    def issue(message: str) -> list[Issue]:
        return [Issue(node.start_mark.line, node.start_mark.column, message)]

    try:
        target = source_path(pack_path, text)
        data = read_bytes(target, limit)
    except SourceOutside as error:
        return issue(str(error))
    except FileNotFoundError:
        return issue(f"source text file not found: {shown}")
    except ValueError as error:
        return issue(f"source text {shown} {error}")
    except OSError as error:
        return issue(f"cannot read source text {shown}: {error.strerror or error}")
    decoded, problem = decode(data)
    if decoded is None:
        assert problem is not None
        return issue(f"source text {shown}: {problem.message.replace('save the file', 'save it')}")
    found = unsafe_in_source(decoded, shown, f"{pack_path.name} line {node.start_mark.line + 1}")
    return found or (data, decoded)


# A source is shown to players as it is: it holds no character a pack file may not hold.
# Carriage returns only as part of CRLF (a file saved on Windows).
_UNSAFE_IN_SOURCE = re.compile(UNSAFE_IN_FILE.pattern + r"|\r(?!\n)")
# Past this many, one line says how many more: a binary file would otherwise fill the screen.
MAX_SOURCE_ISSUES = 10


def unsafe_in_source(text: str, path: Path, named_by: str) -> list[Issue]:
    """An issue in the source file (at its own line and column) for each character a
    terminal would act on, naming the pack line that points at the file."""
    issues: list[Issue] = []
    matches = list(_UNSAFE_IN_SOURCE.finditer(text))
    for match in matches[:MAX_SOURCE_ISSUES]:
        line, col = line_col(text, match.start())
        char = match.group()
        what = "carriage return not followed by a line feed" if char == "\r" else unsafe_message(char)
        issues.append(Issue(line, col, f"{what} in a source text (source.text, {named_by})", path=path))
    if len(matches) > MAX_SOURCE_ISSUES:
        line, col = line_col(text, matches[MAX_SOURCE_ISSUES].start())
        more = len(matches) - MAX_SOURCE_ISSUES
        issues.append(
            Issue(line, col, f"{more} more such character{'s' if more != 1 else ''} in this source text", path=path)
        )
    return issues
