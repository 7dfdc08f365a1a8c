"""libyaml's syntax errors, told in plain words at the place to fix.

libyaml says what its parser expected ("did not find expected '-' indicator"); an author
needs to hear what is probably wrong with their line: an indentation that matches neither
the list nor the keys above it, a quote left open, text after a closing quote, a ':' in
unquoted text. The text around the error decides which, and the message names the column
the line should start at when there is one.
"""

from __future__ import annotations

from yaml.error import Mark, MarkedYAMLError

# How deep a pack may nest; the reader refuses deeper nesting with the same message.
MAX_DEPTH = 64

_COLON = "it reads a ':' followed by a space as the start of a key; put text that contains ': ' in quotes"


def describe(error: MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """(0-based line, column, message) for a YAML error raised while parsing `text`."""
    mark = error.problem_mark or error.context_mark
    problem = error.problem or error.context or "invalid YAML"
    explained = _explain(error, problem, text)
    if explained is not None:
        at, message = explained
    else:
        at, message = mark, problem
        if error.context and error.problem and error.context_mark is not None:
            context = error.context.replace("while ", "", 1)
            message = f"{problem} ({context} on line {error.context_mark.line + 1})"
    if at is None:
        return 0, 0, message
    return at.line, at.column, message


def _explain(error: MarkedYAMLError, problem: str, text: str) -> tuple[Mark | None, str] | None:
    """(where, what in plain words), or None for an error without a plainer telling."""
    lines = text.splitlines()
    mark = error.problem_mark
    start = error.context_mark  # where the list, mapping or quoted text began
    context = error.context or ""
    if problem in ("expected a single document in the stream", "but found another document"):
        return mark, "a pack file holds one YAML document; remove this second one"
    if "tab character" in problem:
        return mark, "tabs are not allowed for indentation in YAML; use spaces"
    if problem == "exceeded maximum nesting depth":
        return mark, f"nested too deeply (the limit is {MAX_DEPTH} levels)"
    if problem == "found undefined alias":
        return mark, "aliases are not allowed"
    if mark is None:
        return None
    here = _char(text, mark)
    if problem == "found character that cannot start any token":
        if here == "\t":
            return mark, "tabs are not allowed for indentation in YAML; use spaces"
        return mark, f"'{here}' cannot start a value; put text that starts with '{here}' in quotes"
    if problem.startswith("mapping values are not allowed"):
        above = _line_above(lines, mark.line)
        if above is not None and _indent(lines[mark.line]) > _indent(lines[above]) and ": " in lines[mark.line]:
            column = _fields_column(lines[above])
            return mark, (
                f"this line is indented more than the line above it, so YAML reads it as more of "
                f"that line's value; start it at column {column + 1}, like the line above"
            )
        return mark, f"unexpected ':' ({_COLON})"
    if problem == "did not find expected '-' indicator" and start is not None:
        line = lines[mark.line] if mark.line < len(lines) else ""
        if line.lstrip().startswith("- "):
            return mark, (
                f"this list item does not line up with the list above it: put its '-' at column "
                f"{start.column + 1}, like the first item (line {start.line + 1})"
            )
        fields = _fields_column(lines[start.line][start.column :]) + start.column
        return mark, (
            f"this line's indentation does not match the list above it (from line {start.line + 1}): "
            f"start it at column {fields + 1} to go on with an item's fields, or begin a new item "
            f"with '- ' at column {start.column + 1}"
        )
    if problem == "did not find expected key" and start is not None:
        return _unexpected_in_mapping(lines, text, mark, start)
    if problem == "found unexpected end of stream" and "quoted scalar" in context and start is not None:
        quote = _char(text, start)
        return start, f"this quoted text is never closed: end it with {quote}"
    if problem == "found unknown escape character":
        escape = text[mark.index - 1 : mark.index + 1] if mark.index > 0 else "\\"
        if not escape.startswith("\\"):
            escape = text[mark.index : mark.index + 2]
        return mark, (
            f"'{escape}' is not an escape YAML knows in double-quoted text; write a backslash "
            "as '\\\\', or put the text in single quotes"
        )
    if problem == "could not find expected ':'" and start is not None:
        return start, (
            "this line has no ':' after its key; every line of a mapping is 'key: value' (text "
            "that goes on from the line above must be indented more than its key, or quoted)"
        )
    if problem in ("did not find expected ',' or ']'", "did not find expected ',' or '}'") and start is not None:
        opening, closing = ("[", "]") if "]" in problem else ("{", "}")
        kind = "list" if opening == "[" else "mapping"
        return start, (
            f"'{opening}' starts a {kind} that is never closed with '{closing}', or an item in it has "
            f"no ',' after it; put text that starts with '{opening}' in quotes"
        )
    if problem == "did not find expected comment or line break" and "block scalar" in context:
        return mark, "after '|' or '>' the text starts on the next line, indented more than the key"
    if problem == "block sequence entries are not allowed in this context":
        return mark, "a list cannot start on its key's line; put each '- ' item on a line of its own, under the key"
    return None


def _unexpected_in_mapping(lines: list[str], text: str, mark: Mark, start: Mark) -> tuple[Mark, str]:
    line = lines[mark.line] if mark.line < len(lines) else ""
    before = line[: mark.column].rstrip()
    if before and before[-1] in "\"'" and before.lstrip() != before[-1]:
        quote = before[-1]
        inside = '\\"' if quote == '"' else "''"
        return mark, (
            f"text goes on after the closing {quote}; put the whole text in quotes once, "
            f"and write a {quote} inside it as {inside}"
        )
    if before.strip():  # something else on the line first: not a matter of indentation
        here = line[mark.column : mark.column + 1]
        if here in ("]", "}"):
            return mark, f"this '{here}' closes nothing: remove it, or put the text in quotes"
        return mark, "more text after this line's value; put the whole value in quotes"
    keys = start.column
    above = _line_above(lines, mark.line)
    if line.lstrip().startswith("-") and above is not None and lines[above].lstrip().startswith("- "):
        return mark, (
            f"this list item's indentation does not match the item above it (line {above + 1}): "
            f"put its '-' at column {_indent(lines[above]) + 1}"
        )
    if line.lstrip().startswith("-"):
        outer = _list_above(lines, mark.line, _indent(line))
        if outer is not None:
            return mark, (
                f"a list item where a key was expected: to begin a new item of the list on line "
                f"{outer + 1}, put its '-' at column {_indent(lines[outer]) + 1}"
            )
        return mark, (
            f"a list item where a key was expected: the keys above (from line {start.line + 1}) "
            f"start at column {keys + 1}; put the list under the key it belongs to, indented more"
        )
    return mark, (
        f"this line's indentation does not match the keys above it: they start at column "
        f"{keys + 1} (from line {start.line + 1})"
    )


def _char(text: str, mark: Mark) -> str:
    return text[mark.index] if 0 <= mark.index < len(text) else ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _line_above(lines: list[str], index: int) -> int | None:
    """The nearest line above that holds something other than a comment."""
    for above in range(min(index, len(lines)) - 1, -1, -1):
        stripped = lines[above].strip()
        if stripped and not stripped.startswith("#"):
            return above
    return None


def _list_above(lines: list[str], index: int, indent: int) -> int | None:
    """The nearest line above that is an item of a list indented less than `indent`."""
    for above in range(min(index, len(lines)) - 1, -1, -1):
        text = lines[above]
        if text.strip() and not text.lstrip().startswith("#") and _indent(text) < indent:
            if text.lstrip().startswith("- "):
                return above
            if _indent(text) == 0:
                return None
    return None


def _fields_column(line: str) -> int:
    """The column a line's fields start at: after its '- ', if it opens a list item."""
    column = _indent(line)
    rest = line[column:]
    while rest.startswith("- "):
        step = 2 + len(rest[2:]) - len(rest[2:].lstrip(" "))
        column += step
        rest = rest[step:]
    return column
