"""What the code imports is declared, and constraints.txt pins all of it.

An undeclared import works on the machine where it happens to be installed and breaks a
fresh install; a declared package missing from the lock file installs whatever is newest.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bot.documents import fonts

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = [Requirement(line) for line in PROJECT["dependencies"]]
TEST = [Requirement(line) for line in PROJECT["optional-dependencies"]["test"]]


def imported_modules(folder: Path) -> set[str]:
    """The top-level names of what the Python files under ``folder`` import from outside."""
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"bot", "tests", "benchmarks", "__future__"}


def undeclared(folder: Path, declared: list[Requirement]) -> dict[str, list[str]]:
    """Modules imported under ``folder`` whose distribution is not among ``declared``."""
    names = {canonicalize_name(requirement.name) for requirement in declared}
    providers = packages_distributions()
    return {module: providers.get(module, ["(not installed)"])
            for module in sorted(imported_modules(folder))
            if not names & {canonicalize_name(dist) for dist in providers.get(module, [])}}


def pins() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    pairs = (line.split("==") for line in lines if line and not line.startswith("#"))
    return {canonicalize_name(name): version for name, version in pairs}


def test_every_import_of_the_program_is_a_declared_dependency() -> None:
    assert undeclared(ROOT / "bot", RUNTIME) == {}
    assert undeclared(ROOT / "scripts", RUNTIME) == {}


def test_every_import_of_the_tests_and_benchmarks_is_declared_for_them() -> None:
    assert undeclared(ROOT / "tests", RUNTIME + TEST) == {}
    assert undeclared(ROOT / "benchmarks", RUNTIME + TEST) == {}


def test_the_lock_file_pins_every_declared_package_within_its_range() -> None:
    pinned = pins()
    for requirement in RUNTIME + TEST:
        version = pinned.get(canonicalize_name(requirement.name))
        assert version is not None, f"{requirement.name}: run scripts/lock_dependencies.py"
        assert requirement.specifier.contains(version), f"{requirement} vs pinned {version}"


def test_the_font_ships_inside_the_package_with_its_licence() -> None:
    package = ROOT / "bot"
    assert fonts.REGULAR.is_relative_to(package) and fonts.BOLD.is_relative_to(package)
    assert fonts.REGULAR.is_file() and fonts.BOLD.is_file()
    licence = (fonts.FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert fonts.printable("Één café, ‘zó’ 🙂") == "Één café, ‘zó’"
