"""Pydantic's validation errors as one-line messages at the right YAML node.

Unknown fields point at the key, wrong values at the value, missing fields at the mapping
that lacks them. Pydantic's wording is rewritten into what an author needs to do.
"""

from __future__ import annotations

from typing import Any, Iterable

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pydantic import BaseModel

from quizgame.packs.models import (
    NOT_BLANK,
    QUESTION_TYPES,
    LintSilence,
    MultipleQuestion,
    Pack,
    Section,
    ShortQuestion,
    SingleQuestion,
    Source,
    TrueFalseQuestion,
)
from quizgame.packs.reader import Issue
from quizgame.packs.scalars import describe
from quizgame.packs.suggest import closest, did_you_mean

Loc = tuple[Any, ...]

_TYPES = ", ".join(QUESTION_TYPES)
QUESTION_MODELS: dict[str, type[BaseModel]] = {
    "single": SingleQuestion,
    "multiple": MultipleQuestion,
    "true_false": TrueFalseQuestion,
    "short": ShortQuestion,
}


def _field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def model_at(loc: Loc) -> type[BaseModel] | None:
    """The model whose fields live at `loc` (a path to a mapping), if it is one."""
    if loc == ():
        return Pack
    if loc == ("source",):
        return Source
    if len(loc) == 2 and loc[0] == "sections":
        return Section
    if len(loc) == 3 and loc[0] == "questions" and loc[2] in QUESTION_MODELS:
        return QUESTION_MODELS[loc[2]]
    if loc == ("lint",) or (len(loc) == 4 and loc[0] == "questions" and loc[3] == "lint"):
        return LintSilence
    return None


def _pair(node: MappingNode, key: str) -> tuple[ScalarNode, Node] | None:
    for key_node, value_node in node.value:
        if key_node.__class__ is ScalarNode and key_node.value == key:
            return key_node, value_node
    return None


def find_node(root: Node, loc: Iterable[Any], *, key: bool = False) -> Node:
    """The node at a pydantic location, or the deepest one that exists on the way there.

    With key=True and a location ending in a mapping key, the key's node itself.
    """
    node = root
    items = list(loc)
    for i, part in enumerate(items):
        if node.__class__ is MappingNode and isinstance(part, str):
            pair = _pair(node, part)
            if pair is None:
                continue  # not written (a missing field): stay at the mapping
            node = pair[0] if key and i == len(items) - 1 else pair[1]
        elif node.__class__ is SequenceNode and isinstance(part, int):
            if not 0 <= part < len(node.value):
                break
            node = node.value[part]
    return node


def _quote_label(loc: Loc) -> str | None:
    """The union member pydantic names after a question's `quote`: 'constrained-str' or 'list[...]'."""
    if len(loc) >= 5 and loc[0] == "questions" and loc[2] in QUESTION_TYPES and loc[3] == "quote":
        return str(loc[4])
    return None


def strip_labels(loc: Loc) -> Loc:
    """A pydantic location as a path of keys and indexes in the pack.

    Drops the question type pydantic puts after a question's index, and the union member
    it names after `quote`.
    """
    if _quote_label(loc) is not None:
        loc = loc[:4] + loc[5:]
    if len(loc) > 2 and loc[0] == "questions" and loc[2] in QUESTION_TYPES:
        return loc[:2] + loc[3:]
    return loc


def _field(loc: Loc) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return "value"


_LIST_NOUNS = {
    "choices": "2 choices",
    "answers": "one right answer",
    "accept": "one accepted answer",
    "authors": "one author",
    "sections": "one section",
    "questions": "one question",
    "quote": "one fragment",
}


_ITEM_NOUNS = {
    "choices": "a choice",
    "answers": "a right answer",
    "accept": "an accepted answer",
    "authors": "an author",
    "quote": "a quote fragment",
}


def _raw(node: Node) -> str:
    return node.value if node.__class__ is ScalarNode else ""


def _got(value: Any, node: Node) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if node.__class__ is ScalarNode and node.style == "":
        return describe(value)
    return "text"


def message(error: dict[str, Any], node: Node) -> str:
    """One line saying what is wrong and how to fix it."""
    kind = error["type"]
    loc = strip_labels(tuple(error["loc"]))
    field = _field(loc)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    raw = _raw(node)

    if kind == "missing":
        return f"missing required field '{field}'"
    if kind == "extra_forbidden":
        model = model_at(tuple(error["loc"])[:-1])
        hint = did_you_mean(field, _field_names(model)) if model else ""
        if model is Pack and field == "format_version":
            hint = " (did you mean 'schema'?)"
        return f"unknown field '{field}'{hint}"
    if kind == "union_tag_not_found":
        return f"missing field 'type'; a question's type is one of: {_TYPES}"
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag", raw))
        return f"unknown question type '{tag}'{did_you_mean(tag, QUESTION_TYPES)}; use one of: {_TYPES}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        what = "a question" if loc[:1] == ("questions",) and len(loc) == 2 else f"'{field}'"
        return f"{what} must be a mapping of fields (key: value), not {_got(value, node)}"
    if kind == "string_type":
        if field == "quote" and not isinstance(value, str) and loc[-1] == "quote":
            return f"'quote' must be text or a list of text fragments, not {_got(value, node)}"
        if value is None:
            return f"'{field}' has no value; write the text"
        got = _got(value, node)
        if got in ("a list", "a mapping", "text"):
            return f"'{field}' must be text, not {got}"
        return f'\'{field}\' must be text, not {got}; quote it ("{raw}") if you mean text'
    if kind == "string_too_short":
        return f"'{field}' must not be empty"
    if kind == "string_too_long":
        return f"'{field}' is too long (at most {ctx.get('max_length')} characters)"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == NOT_BLANK:
            if loc and isinstance(loc[-1], int):
                return f"{_ITEM_NOUNS.get(field, f'an item of {field!r}')} must not be blank"
            return f"'{field}' must not be blank"
        return _pattern_message(field, value)
    if kind == "literal_error":
        if field == "schema":
            return f"'schema' must be 1 (the pack format version), not {raw or value!r}"
        return f"'{field}' must be one of {ctx.get('expected', '')}, not {raw or value!r}"
    if kind == "bool_type":
        if node.__class__ is ScalarNode and node.style != "":
            return f"'{field}' must be true or false, without quotes"
        return f"'{field}' must be true or false, not {_got(value, node) if not raw else repr(raw)}"
    if kind.startswith("int_") or kind == "int_type":
        return f"'{field}' must be a whole number, not {repr(raw) if raw else _got(value, node)}"
    if kind == "greater_than_equal":
        return f"'{field}' must be at least {ctx.get('ge')}, not {raw or value}"
    if kind == "less_than_equal":
        return f"'{field}' must be at most {ctx.get('le')}, not {raw or value}"
    if kind == "list_type":
        return f"'{field}' must be a list, not {_got(value, node)}"
    if kind == "too_short":
        noun = _LIST_NOUNS.get(field, f"{ctx.get('min_length', 1)} item(s)")
        return f"'{field}' needs at least {noun}"
    if kind == "too_long":
        return f"'{field}' has {ctx.get('actual_length')} items; at most {ctx.get('max_length')} are allowed"
    if kind.startswith("date"):
        return f"'{field}' must be a date written YYYY-MM-DD, not {raw or value!r}"
    text = str(error.get("msg", "invalid value"))
    return f"'{field}': {text[:1].lower()}{text[1:]}"


def _pattern_message(field: str, value: Any) -> str:
    if field == "language":
        return f"'language' must be a language tag such as en or en-GB, not {value!r}"
    if field == "url":
        return f"'url' must start with http:// or https:// and contain no spaces, not {value!r}"
    return (
        f"{value!r} is not a valid {field}: use lower-case letters, digits, '-' and '_', "
        "starting with a letter or digit"
    )


def schema_issues(errors: list[dict[str, Any]], root: Node, flagged: set[int]) -> list[Issue]:
    """Issues for pydantic errors, skipping nodes already reported and union duplicates."""
    issues: list[Issue] = []
    seen: set[tuple[int, str]] = set()
    # A misspelt field is reported once, as unknown with a suggestion, not also as missing.
    unknown: dict[tuple[Any, ...], list[str]] = {}
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            unknown.setdefault(loc[:-1], []).append(str(loc[-1]))
    for error in errors:
        raw = tuple(error["loc"])
        if _is_other_quote_branch(raw, error):
            continue
        loc = strip_labels(raw)
        kind = error["type"]
        if kind == "missing":
            model = model_at(raw[:-1])
            typos = unknown.get(raw[:-1], [])
            if model is not None and any(closest(typo, _field_names(model)) == loc[-1] for typo in typos):
                continue
            node = find_node(root, loc[:-1])
        elif kind == "union_tag_invalid":
            node = find_node(root, loc + ("type",))
        else:
            node = find_node(root, loc, key=kind == "extra_forbidden")
        if id(node) in flagged and kind != "missing":
            continue
        text = message(error, node)
        if (id(node), text) in seen:
            continue
        seen.add((id(node), text))
        issues.append(Issue(node.start_mark.line, node.start_mark.column, text))
    return issues


def _is_other_quote_branch(loc: Loc, error: dict[str, Any]) -> bool:
    """`quote` is text or a list: report only the branch that matches what was written."""
    label = _quote_label(loc)
    if label is None:
        return False
    is_list_branch = label.startswith("list")
    if len(loc) > 5:
        return not is_list_branch  # an error inside the list: the quote was a list
    value = error.get("input")
    if not isinstance(value, (str, list)):
        return is_list_branch  # neither: keep one message, the text branch's
    return isinstance(value, list) != is_list_branch
