"""quizgame uses only the public APIs of Python, its libraries and Textual.

A private name (one underscore) can change in any release without notice; a maintainer
bumping Textual or PyYAML should not find the game broken by one. Read from the source:
private modules imported, private attributes of other objects, and private methods of a
library's class overridden in a subclass.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "quizgame"
SOURCES = sorted(PACKAGE.rglob("*.py"))


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _findings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if any(_private(part) for part in alias.name.split(".")):
                    found.append(f"{node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] == "quizgame":
                continue
            if any(_private(part) for part in node.module.split(".")):
                found.append(f"{node.lineno}: from {node.module} import ...")
            found += [
                f"{node.lineno}: from {node.module} import {alias.name}"
                for alias in node.names
                if _private(alias.name)
            ]
        elif isinstance(node, ast.Attribute) and _private(node.attr):
            # Our own objects' private attributes are ours to use; anything else's are not.
            # Only `self`, `cls` and `other` (a record compared with another) count as ours.
            base = node.value
            if not (isinstance(base, ast.Name) and base.id in ("self", "cls", "other")):
                found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(PACKAGE.parent).as_posix())
def test_no_private_names_of_other_code(path: Path) -> None:
    assert _findings(path) == []


def _library_classes() -> list[tuple[str, type]]:
    classes = []
    for path in SOURCES:
        if "tui" not in path.parts and "packs" not in path.parts:
            continue
        module = importlib.import_module(_module_name(path))
        for name, value in vars(module).items():
            if inspect.isclass(value) and value.__module__ == module.__name__:
                classes.append((f"{module.__name__}.{name}", value))
    return classes


def _own_private_names(cls: type) -> set[str]:
    """The private names a class's own code defines, or reads or sets on `self`."""
    tree = ast.parse(inspect.getsource(cls).strip() + "\n")
    body = tree.body[0].body  # type: ignore[attr-defined]
    names: set[str] = set()
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
            names.add(node.attr)
    return {name for name in names if _private(name)}


@pytest.mark.parametrize("name, cls", _library_classes(), ids=lambda v: v if isinstance(v, str) else "")
def test_no_private_name_of_a_library_class_is_used_or_overridden(name: str, cls: type) -> None:
    ours = _own_private_names(cls)
    borrowed = sorted(
        f"{attr} (from {base.__module__}.{base.__qualname__})"
        for attr in ours
        for base in cls.__mro__[1:]
        if not base.__module__.startswith("quizgame") and attr in vars(base)
    )
    assert borrowed == []
