"""What a pack still holds that an author must replace before it can be played.

Three kinds of placeholder, each reported at the exact place to fix:

- text starting with TODO, as written by `quizgame new` and `quizgame convert` (titles,
  names, explanations, every quote and every fragment of a quote);
- the starter's publication date, 2000-01-01;
- a `# check` comment, which `quizgame convert --source` writes after each quote it
  proposes: the author reads the passage, and deletes the comment once it supports the
  answer.

Comments are not in YAML's node tree, so the `# check` markers are found in the text, and
kept apart from a `#` inside a value by the positions of the values.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quizgame.packs.reader import Document, Issue

PLACEHOLDER_PREFIX = "TODO"
QUOTE_PLACEHOLDER = "TODO: copy a passage from the source, word for word"
PLACEHOLDER_DATE = "2000-01-01"
REVIEW_MARKER = "# check"

_TODO = re.compile(r"TODO\b")
# '#' starts a comment only at the start of a line or after whitespace.
_REVIEW = re.compile(r"(?:^|(?<=[ \t]))#[ \t]*check\b", re.IGNORECASE | re.MULTILINE)
_SHOWN = 60


def placeholder_issues(doc: Document) -> list[Issue]:
    """Every placeholder in a parsed pack, in file order; their nodes are marked as reported."""
    if doc.root is None:
        return []
    issues: list[Issue] = []
    _walk(doc, doc.root, (), issues)
    _check_date(doc, issues)
    issues.extend(_review_markers(doc))
    issues.sort(key=lambda issue: (issue.line, issue.col))
    return issues


def _walk(doc: Document, node: Node, loc: tuple[Any, ...], issues: list[Issue]) -> None:
    cls = node.__class__
    if cls is MappingNode:
        for key_node, value_node in node.value:
            if key_node.__class__ is ScalarNode:
                _walk(doc, value_node, loc + (key_node.value,), issues)
    elif cls is SequenceNode:
        for i, item in enumerate(node.value):
            _walk(doc, item, loc + (i,), issues)
    elif cls is ScalarNode and _TODO.match(node.value.lstrip()) and id(node) not in doc.flagged:
        doc.flagged.add(id(node))
        issues.append(Issue(node.start_mark.line, node.start_mark.column, _message(loc, node.value)))


def _message(loc: tuple[Any, ...], value: str) -> str:
    if len(loc) >= 3 and loc[0] == "questions" and loc[2] == "quote":
        noun = f"quote fragment {loc[3] + 1}" if len(loc) > 3 and isinstance(loc[3], int) else "the quote"
        return f"{noun} is still a placeholder; replace it with a passage copied word for word from the source"
    field = next((part for part in reversed(loc) if isinstance(part, str)), "the value")
    where = f"'{field}'" + (f" item {loc[-1] + 1}" if loc and isinstance(loc[-1], int) else "")
    shown = " ".join(value.split())
    if len(shown) > _SHOWN:
        shown = shown[: _SHOWN - 3] + "..."
    return f'{where} is still a placeholder ("{shown}"); replace it'


def _check_date(doc: Document, issues: list[Issue]) -> None:
    root = doc.root
    source = _value(root, "source") if root is not None else None
    date = _value(source, "date") if source is not None else None
    if date is None or date.__class__ is not ScalarNode or date.value != PLACEHOLDER_DATE:
        return
    if id(date) in doc.flagged:
        return
    doc.flagged.add(id(date))
    issues.append(
        Issue(
            date.start_mark.line,
            date.start_mark.column,
            f"'date' is still the placeholder {PLACEHOLDER_DATE}; write the source's publication date",
        )
    )


def _value(node: Node, key: str) -> Node | None:
    if node.__class__ is not MappingNode:
        return None
    for key_node, value_node in node.value:
        if key_node.__class__ is ScalarNode and key_node.value == key:
            return value_node
    return None


def _review_markers(doc: Document) -> list[Issue]:
    text = doc.text
    candidates = list(_REVIEW.finditer(text))
    if not candidates or doc.root is None:
        return []
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def offset(mark: Any) -> int:
        return line_starts[mark.line] + mark.column if mark.line < len(line_starts) else len(text)

    spans = sorted((offset(n.start_mark), offset(n.end_mark)) for n in _scalars(doc.root))
    starts = [start for start, _ in spans]
    issues = []
    for match in candidates:
        at = match.start()
        i = bisect_right(starts, at) - 1
        if i >= 0 and spans[i][0] <= at < spans[i][1]:
            continue  # inside a value, not a comment
        line = bisect_right(line_starts, at) - 1
        issues.append(
            Issue(
                line,
                at - line_starts[line],
                "this quote was proposed for review: check that it supports the answer, "
                f"then delete this '{REVIEW_MARKER}' comment",
            )
        )
    return issues


def _scalars(node: Node) -> list[Node]:
    found: list[Node] = []
    stack = [node]
    while stack:
        current = stack.pop()
        cls = current.__class__
        if cls is ScalarNode:
            found.append(current)
        elif cls is SequenceNode:
            stack.extend(current.value)
        elif cls is MappingNode:
            for key_node, value_node in current.value:
                stack.append(key_node)
                stack.append(value_node)
    return found
