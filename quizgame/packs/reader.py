"""Pack files to plain Python data, keeping the YAML node tree for error locations.

The file is parsed once, by libyaml, into a node tree. Python values are then built from
the nodes here rather than by PyYAML's constructors, so that nothing is ever built from a
tag, plain scalars follow the YAML 1.2 core schema, and every refusal carries a position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml import CSafeLoader, YAMLError, parse
from yaml.error import MarkedYAMLError
from yaml.events import AliasEvent, NodeEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# Moved to files.py (a cached load needs them without YAML); still importable from here.
from quizgame.packs.files import MAX_PACK_BYTES, read_bytes  # noqa: F401
from quizgame.packs.scalars import Ambiguous, resolve_plain
from quizgame.packs.yaml_errors import MAX_DEPTH, describe
from quizgame.safe_text import describe as describe_char
from quizgame.safe_text import BIDI_CONTROLS, C0_CONTROLS, DEL_AND_C1, INVISIBLE_BREAKS, NON_CHARACTERS


_CORE = "tag:yaml.org,2002:"
# Explicit tags an author may write: they only restate what the value already is.
_ALLOWED_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")}
# Returned by the resolver for nodes without a tag; explicit tags arrive as their full names.
_IMPLICIT = "?"
_NON_SPECIFIC = "!"

# Characters refused anywhere in a pack file: C0 controls except tab, LF and CR, DEL, C1
# controls, the invisible bidirectional controls (they can make text display differently
# from what it says), the Unicode line and paragraph separators, and non-characters.
_UNSAFE_CLASS = f"{C0_CONTROLS}{DEL_AND_C1}{BIDI_CONTROLS}{INVISIBLE_BREAKS}{NON_CHARACTERS}"
UNSAFE_IN_FILE = re.compile(f"[{_UNSAFE_CLASS}]")
# In values, where escapes like "\r" or "\u202e" can produce any character: LF and tab only.
_UNSAFE_IN_VALUE = re.compile(f"[{_UNSAFE_CLASS}\r]")
# libyaml rejects these itself; they are replaced by spaces (same column) so that parsing,
# and so every other check, can go on.
_LIBYAML_REJECTS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")

# Anchors, aliases and tags start with one of these, and only right after whitespace, a flow
# indicator, ':', '-' or '?', or at the very start. Any such place sends the file through an
# event-level check before the node tree is built; without one, it cannot hold any.
_PROPERTY_CHAR = re.compile(rb"[&*!]")
_BEFORE_PROPERTY = frozenset(b" \t\r\n[]{},:?-\x85\xa8\xa9\xbf")


@dataclass(frozen=True)
class Issue:
    """A problem at a 0-based line and column, in the pack file unless `path` names another
    file (the source text)."""

    line: int
    col: int
    message: str
    path: Path | None = None


@dataclass
class Document:
    """A parsed pack file: its data and the nodes the data came from."""

    text: str
    data: Any = None
    root: Node | None = None
    issues: list[Issue] = field(default_factory=list)
    # Nodes already reported on: schema errors at the same node would only repeat them.
    flagged: set[int] = field(default_factory=set)


class _Composer(CSafeLoader):
    """libyaml's parser and composer, with tag resolution left to us (plain scalars are
    resolved later). Only the node tree is used: nothing is ever constructed from it."""

    def resolve(self, kind: type, value: str | None, implicit: Any) -> str:
        if implicit is True or (implicit.__class__ is tuple and (implicit[0] or implicit[1])):
            return _IMPLICIT
        return _NON_SPECIFIC

    def descend_resolver(self, parent: Any, index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


def decode(data: bytes) -> tuple[str | None, Issue | None]:
    """UTF-8 text without a leading byte order mark, or where the first bad byte is."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start
        line_start = max(data.rfind(b"\n", 0, offset), data.rfind(b"\r", 0, offset)) + 1
        line = _count_breaks(data[:line_start].decode("utf-8", "replace"))
        col = len(data[line_start:offset].decode("utf-8", "replace"))
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            why = "the file is UTF-16; save it as UTF-8"
        else:
            why = f"byte 0x{data[offset]:02x} at byte offset {offset} is not valid UTF-8; save the file as UTF-8"
        return None, Issue(line, col, why)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, None


def _count_breaks(text: str) -> int:
    # Line breaks as libyaml counts them: CRLF, LF or a lone CR.
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def line_col(text: str, offset: int) -> tuple[int, int]:
    """0-based line and column of a character offset, counting breaks like libyaml."""
    before = text[:offset]
    line = _count_breaks(before)
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return line, offset - start


def unsafe_message(char: str) -> str:
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"control character {describe_char(char)} is not allowed"
    if char in "\u2028\u2029":
        return f"invisible line break {describe_char(char)} is not allowed; use an ordinary new line"
    if char in "\ufffe\uffff":
        return f"non-character {describe_char(char)} is not allowed"
    return (
        f"invisible bidirectional control {describe_char(char)} is not allowed: "
        "it can make text display differently from what it says"
    )


def read_document(data: bytes) -> Document:
    """Decode, parse and build a pack file's data, collecting every issue found on the way."""
    text, issue = decode(data)
    if text is None:
        assert issue is not None
        return Document(text="", issues=[issue])
    doc = Document(text=text)
    if not text.strip():
        doc.issues.append(Issue(0, 0, "the file is empty; a pack starts with 'schema: 1'"))
        return doc

    parse_text = text
    if UNSAFE_IN_FILE.search(text):
        for match in UNSAFE_IN_FILE.finditer(text):
            line, col = line_col(text, match.start())
            doc.issues.append(Issue(line, col, unsafe_message(match.group())))
        parse_text = _LIBYAML_REJECTS.sub(" ", text)

    if _may_have_properties(data) and _refuse_anchors(parse_text, doc):
        return doc
    try:
        root = _Composer(parse_text).get_single_node()
    except YAMLError as error:
        doc.issues.append(_yaml_issue(error, parse_text))
        return doc
    if root is None or (root.__class__ is ScalarNode and root.style == "" and root.value in ("", "~", "null")):
        doc.issues.append(Issue(0, 0, "the file holds no data; a pack starts with 'schema: 1'"))
        return doc
    doc.root = root
    if root.__class__ is not MappingNode:
        kind = "a list" if root.__class__ is SequenceNode else "a single value"
        doc.issues.append(
            Issue(
                root.start_mark.line,
                root.start_mark.column,
                f"a pack is a mapping of fields (schema: 1, id: ..., title: ...), not {kind}",
            )
        )
        return doc
    doc.data = _Builder(doc, escapes="\\" in text).build(root, 1)
    return doc


def _may_have_properties(data: bytes) -> bool:
    for match in _PROPERTY_CHAR.finditer(data):
        start = match.start()
        if start == 0 or data[start - 1] in _BEFORE_PROPERTY:
            return True
    return False


def _refuse_anchors(text: str, doc: Document) -> bool:
    """Report anchors and aliases from the event stream, before any node is built.

    Aliases let a small file stand for a huge (or endless) tree, so a file with any is
    refused whole, without building anything. Returns whether any were found. Scalars
    tagged with a bare '!' are reported here too: libyaml composes them as if untagged.
    """
    found = False
    try:
        for event in parse(text, Loader=_Composer):
            if event.__class__ is AliasEvent:
                found = True
                doc.issues.append(
                    _mark_issue(event, f"aliases (*{event.anchor}) are not allowed; write the value out in full")
                )
            elif isinstance(event, NodeEvent):
                if event.anchor is not None:
                    found = True
                    doc.issues.append(_mark_issue(event, f"anchors (&{event.anchor}) are not allowed"))
                if event.__class__ is ScalarEvent and event.tag == _NON_SPECIFIC:
                    doc.issues.append(_mark_issue(event, _tag_message(_NON_SPECIFIC)))
    except YAMLError as error:
        # Without anchors, composing reports the syntax error; with them, nothing is composed.
        if found:
            doc.issues.append(_yaml_issue(error, text))
    return found


def _mark_issue(event: Any, message: str) -> Issue:
    return Issue(event.start_mark.line, event.start_mark.column, message)


def _yaml_issue(error: YAMLError, text: str) -> Issue:
    if isinstance(error, MarkedYAMLError):
        line, col, message = describe(error, text)
        return Issue(line, col, f"YAML syntax error: {message}")
    # A reader error: libyaml gives a byte offset into the UTF-8 text.
    position = getattr(error, "position", 0) or 0
    offset = len(text.encode("utf-8")[:position].decode("utf-8", "replace"))
    line, col = line_col(text, offset)
    reason = getattr(error, "reason", "") or "invalid character"
    return Issue(line, col, f"YAML syntax error: {reason}")


class _Builder:
    """Builds Python values from nodes, refusing what a pack must not contain."""

    def __init__(self, doc: Document, *, escapes: bool) -> None:
        self.doc = doc
        # Without a backslash in the file no double-quoted escape can hide a character.
        self.escapes = escapes

    def flag(self, node: Node, message: str) -> None:
        self.doc.issues.append(Issue(node.start_mark.line, node.start_mark.column, message))
        self.doc.flagged.add(id(node))

    def build(self, node: Node, depth: int) -> Any:
        cls = node.__class__
        if cls is ScalarNode:
            if node.tag is not _IMPLICIT:
                return self._tagged_scalar(node)
            if node.style == "":
                try:
                    return resolve_plain(node.value)
                except Ambiguous as error:
                    self.flag(node, str(error))
                    return node.value
            if self.escapes and node.style == '"':
                self._check_value(node)
            return node.value
        if depth > MAX_DEPTH:
            self.flag(node, f"nested too deeply (the limit is {MAX_DEPTH} levels)")
            return None
        if node.tag is not _IMPLICIT and node.tag != (_CORE + ("map" if cls is MappingNode else "seq")):
            self.flag(node, _tag_message(node.tag))
        if cls is SequenceNode:
            return [self.build(item, depth + 1) for item in node.value]
        return self._mapping(node, depth)

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                self.flag(key_node, "a key must be a plain name, not a list or mapping")
                continue
            key = key_node.value
            if key_node.tag is not _IMPLICIT and key_node.tag != _CORE + "str":
                self.flag(key_node, _tag_message(key_node.tag))
            elif key_node.style == "" and key == "<<":
                self.flag(key_node, "merge keys (<<) are not allowed; write every field out")
                continue
            if self.escapes and key_node.style == '"':
                self._check_value(key_node)
            if key in result:
                first = next(k for k, _ in node.value if k.__class__ is ScalarNode and k.value == key)
                self.flag(key_node, f"duplicate key '{key}' (first defined on line {first.start_mark.line + 1})")
                continue
            result[key] = self.build(value_node, depth + 1)
        return result

    def _check_value(self, node: ScalarNode) -> None:
        match = _UNSAFE_IN_VALUE.search(node.value)
        if match:
            self.flag(node, unsafe_message(match.group()) + " (written as an escape)")

    def _tagged_scalar(self, node: ScalarNode) -> Any:
        tag = node.tag
        if tag not in _ALLOWED_TAGS:
            self.flag(node, _tag_message(tag))
            return node.value
        if self.escapes and node.style == '"':
            self._check_value(node)
        name = tag[len(_CORE) :]
        if name == "str":
            return node.value
        if name in ("map", "seq"):
            self.flag(node, f"!!{name} on a single value")
            return node.value
        try:
            value = resolve_plain(node.value) if node.value else None
        except Ambiguous:
            value = node.value
        expected = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}[name]
        if isinstance(value, expected) and not (name != "bool" and isinstance(value, bool)):
            return float(value) if name == "float" else value
        self.flag(node, f"{node.value!r} is not a valid !!{name}")
        return node.value


def _tag_message(tag: str) -> str:
    shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    if tag == _NON_SPECIFIC:
        shown = "!"
    return f"tag {shown} is not allowed; packs hold only plain text, numbers, true/false, lists and mappings"
