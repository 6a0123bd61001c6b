"""The import graph of ``bot``: no circles, and the pure core never reaches outward.

Read from the source with ``ast`` (nothing is imported): an edge for every module-level
import of a ``bot`` module, so a circle is found whether Python would run into it at start
or only a reader (and a type checker) would; a layer rule holds for every import in a file,
also those inside functions.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PURE = ("bot.plan", "bot.flows", "bot.safety")  # no chat platform, no database, no files
OUTSIDE = ("bot.storage", "bot.adapters", "bot.documents")
BELOW_FLOWS = ("bot.plan", "bot.safety", "bot.documents", "bot.messages")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in (ROOT / "bot").rglob("*.py")}


def within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == package or name.startswith(package + ".") for package in packages)


def imported(module: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    """The ``bot`` modules one import statement names (a submodule where it names one)."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    base = node.module or ""
    if node.level:
        package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
        parent = package.split(".")[:len(package.split(".")) - node.level + 1]
        base = ".".join([*parent, *([node.module] if node.module else [])])
    for alias in node.names:
        submodule = f"{base}.{alias.name}"
        yield submodule if submodule in MODULES else base


def imports(module: str, everywhere: bool) -> set[str]:
    """What ``module`` imports: at module level (``if TYPE_CHECKING`` blocks too: a module
    that needs another's types depends on it), or ``everywhere`` in the file."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, ast.Import | ast.ImportFrom):
                found.update(imported(module, node))
            elif isinstance(node, ast.If):
                visit(node.body + node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body + node.orelse + node.finalbody
                      + [s for handler in node.handlers for s in handler.body])

    if everywhere:
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                found.update(imported(module, node))
    else:
        visit(tree.body)
    return {name for name in found if name in MODULES and name != module}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_the_modules_are_found() -> None:
    assert {"bot.flows.engine", "bot.plan.model", "bot.storage.tables"} <= set(MODULES)
    assert "bot.plan.model" in imports("bot.flows.question", everywhere=False)


def test_no_module_imports_itself_round_a_circle() -> None:
    graph = {module: imports(module, everywhere=False) for module in MODULES}
    assert cycles(graph) == []


def test_the_cycle_finder_sees_a_circle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_pure_core_imports_no_storage_adapter_or_document() -> None:
    reaching_out = {module: sorted(name for name in imports(module, everywhere=True)
                                   if within(name, OUTSIDE))
                    for module in MODULES if within(module, PURE)}
    assert {module: names for module, names in reaching_out.items() if names} == {}


def test_what_the_conversation_builds_on_imports_no_conversation() -> None:
    """Messages, label tables, the plan's voice and the sharing vocabulary live below the
    flows (bot/messages.py, bot/plan/), so the plan, safety and documents never import up."""
    reaching_up = {module: sorted(name for name in imports(module, everywhere=True)
                                  if within(name, ("bot.flows",)))
                   for module in MODULES if within(module, BELOW_FLOWS)}
    assert {module: names for module, names in reaching_up.items() if names} == {}


def test_what_a_member_sees_is_decided_in_one_place() -> None:
    """Every read of a plan shared with someone goes through ``bot.sharing.access``, which
    alone calls the filter (``shared_copy``)."""
    callers = {module for module, path in MODULES.items()
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("shared_copy")}
    assert callers == {"bot.sharing.access"}
