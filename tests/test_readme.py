"""The README's commands stay true: CI runs exactly the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def commands(text: str) -> list[str]:
    return [line.strip() for line in re.findall(r"```(?:bash|sh)\n(.*?)```", text, re.S)
            for line in line.splitlines() if line.startswith("python3 -m venv")]


def test_ci_runs_the_readme_test_command() -> None:
    readme = commands((ROOT / "README.md").read_text(encoding="utf-8"))
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(c for c in readme if "pytest" in c)
    assert test_command in ci.splitlines()
    assert any(c.endswith("toekomstplan chat") for c in readme)


def test_every_install_uses_the_lock_file() -> None:
    """README's and CI's installs take the pinned versions CI tested (constraints.txt)."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    installs = [c for c in commands((ROOT / "README.md").read_text(encoding="utf-8")) + ci
                if "pip install" in c]
    assert len(installs) >= 3
    assert all(re.search(r"pip install (-q )?-c constraints\.txt ", c) for c in installs)
