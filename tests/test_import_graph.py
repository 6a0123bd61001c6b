"""The import graph of ``bot``: no module imports itself back through others (also not for
type hints only), and the pure core (the plan, the conversation, safety) imports nothing of
storage, chat adapters or documents."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"
PURE = ("bot.plan", "bot.flows", "bot.safety")
OUTSIDE = ("bot.storage", "bot.adapters", "bot.documents")


def module_name(path: Path) -> str:
    parts = path.relative_to(BOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in BOT.rglob("*.py")}


def imports(name: str) -> set[str]:
    """The ``bot`` modules ``name`` imports anywhere in it (a package's ``from x import y``
    counts as ``x.y`` when that is a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(MODULES[name].read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bot"):
            found.update(f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}"
                         in MODULES else node.module for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in MODULES)
    return {module for module in found if module in MODULES and module != name}


GRAPH = {name: imports(name) for name in MODULES}


def test_no_import_cycles() -> None:
    # (Python also runs a module's package __init__ first; only what the code names counts.)
    try:
        tuple(TopologicalSorter(GRAPH).static_order())
    except CycleError as error:
        pytest.fail(f"import cycle: {' → '.join(error.args[1])}")


def test_the_pure_core_imports_no_storage_adapters_or_documents() -> None:
    wrong = {name: sorted(m for m in used if m.startswith(OUTSIDE))
             for name, used in GRAPH.items() if name.startswith(PURE)}
    assert {name: used for name, used in wrong.items() if used} == {}
