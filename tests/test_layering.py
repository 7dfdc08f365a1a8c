"""The layers: files -> packs -> engine <-> store, with the TUI and the CLI on top.

Read from the source files' imports (every import, also those inside functions), so a
layering mistake fails here rather than as a slow start-up or a circular import later.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "quizgame"

# Modules that start the TUI, and may import it, but only inside a function: `quizgame
# validate` and the other commands must never pay for Textual.
TUI_LAUNCHERS = {
    "quizgame/commands/home.py",
    "quizgame/commands/play.py",
    "quizgame/commands/host.py",
    "quizgame/commands/join.py",
}


def imports(path: Path) -> list[tuple[str, bool]]:
    """(module imported, whether at module level) for every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    top_level = {id(node) for node in tree.body}
    found: list[tuple[str, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, id(node) in top_level))
            found += [(f"{node.module}.{alias.name}", id(node) in top_level) for alias in node.names]
    return found


def sources(*parts: str) -> list[Path]:
    return sorted(PACKAGE.joinpath(*parts).rglob("*.py"))


def rel(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def _is(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_the_package_folders_exist() -> None:
    for layer in ("packs", "engine", "store", "tui", "commands"):
        assert sources(layer), layer


# `saving` is the bridge between engine and store that any front end (this TUI, the
# classroom server) uses to keep every answer; `live` is the classroom's network.
LOWER_LAYERS = ["packs", "engine", "store", "saving", "live"]


@pytest.mark.parametrize("layer", LOWER_LAYERS)
def test_lower_layers_never_import_textual_or_the_tui(layer: str) -> None:
    offenders = [
        f"{rel(path)}: {module}"
        for path in sources(layer)
        for module, _ in imports(path)
        if _is(module, "textual") or _is(module, "quizgame.tui") or module == "quizgame.tui"
    ]
    assert offenders == []


def test_only_the_tui_imports_textual() -> None:
    offenders = [
        f"{rel(path)}: {module}"
        for path in sources()
        if not rel(path).startswith("quizgame/tui/")
        for module, _ in imports(path)
        if _is(module, "textual")
    ]
    assert offenders == []


def test_nothing_outside_the_tui_imports_it_except_its_launchers_lazily() -> None:
    offenders = []
    for path in sources():
        name = rel(path)
        if name.startswith("quizgame/tui/"):
            continue
        for module, top in imports(path):
            if _is(module, "quizgame.tui") and (name not in TUI_LAUNCHERS or top):
                offenders.append(f"{name}: {module}{' (at module level)' if top else ''}")
    assert offenders == []


def test_packs_do_not_depend_on_the_layers_above() -> None:
    offenders = [
        f"{rel(path)}: {module}"
        for path in sources("packs")
        for module, _ in imports(path)
        if any(
            _is(module, f"quizgame.{above}") for above in ("engine", "store", "saving", "tui", "commands")
        )
    ]
    assert offenders == []


def test_the_engine_does_not_depend_on_the_store_or_the_cli() -> None:
    offenders = [
        f"{rel(path)}: {module}"
        for path in sources("engine")
        for module, _ in imports(path)
        if any(
            _is(module, f"quizgame.{other}") for other in ("store", "saving", "tui", "commands", "cli")
        )
    ]
    assert offenders == []


def test_the_scan_sees_imports_inside_functions(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import os\ndef f():\n    from textual.app import App\n")

    assert imports(sample) == [("os", True), ("textual.app", False), ("textual.app.App", False)]


@pytest.mark.parametrize("module", [f"quizgame.{layer}" for layer in LOWER_LAYERS] + ["quizgame.cli"])
def test_importing_a_lower_layer_loads_no_textual(module: str) -> None:
    code = f"import sys, {module}; assert not [m for m in sys.modules if m.startswith('textual')]"

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr


def test_only_the_classroom_commands_and_the_network_import_aiohttp() -> None:
    allowed = ("quizgame/live/", "quizgame/commands/host.py", "quizgame/commands/join.py")
    offenders = [
        f"{rel(path)}: {module}"
        for path in sources()
        if not rel(path).startswith(allowed)
        for module, top in imports(path)
        if _is(module, "aiohttp") or (_is(module, "quizgame.live") and top)
    ]
    assert offenders == []


def test_the_network_layer_is_below_the_commands() -> None:
    offenders = [
        f"{rel(path)}: {module}"
        for path in sources("live")
        for module, _ in imports(path)
        if any(_is(module, f"quizgame.{above}") for above in ("tui", "commands", "cli"))
    ]
    assert offenders == []


def test_the_store_does_not_depend_on_the_engine_or_above() -> None:
    offenders = [
        f"{rel(path)}: {module}"
        for path in sources("store")
        for module, _ in imports(path)
        if any(_is(module, f"quizgame.{other}") for other in ("engine", "saving", "tui", "commands", "cli"))
    ]
    assert offenders == []


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def test_no_two_modules_import_each_other() -> None:
    """A circle (a imports b, b imports a, at any level) means a reader cannot tell which of
    the two to open first, and one import order away from a circular-import error."""
    modules = {_module_name(path): path for path in sources()}
    imported = {
        name: {module for module, _ in imports(path) if module in modules and module != name}
        for name, path in modules.items()
    }
    # A package's __init__ re-exporting its own modules is the usual shape, not a circle.
    circles = sorted(
        f"{a} <-> {b}"
        for a, targets in imported.items()
        for b in targets
        if a < b and a in imported[b] and not (_is(b, a) or _is(a, b))
    )
    assert circles == []


# Names that say a module holds "some things" rather than which: a reader cannot tell from
# one of them which file to open, least of all when several packages each have one.
VAGUE_NAMES = {"records", "utils", "util", "helpers", "misc", "common", "stuff", "things"}


def test_module_names_say_what_they_hold() -> None:
    vague = sorted(_module_name(path) for path in sources() if path.stem in VAGUE_NAMES)
    assert vague == []
