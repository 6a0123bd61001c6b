"""Pin every package an install needs: ``python scripts/lock_dependencies.py``.

Asks pip which versions ``pip install -e '.[test]'`` would install today (a dry run: nothing
is installed) and writes them to ``constraints.txt``. Installs then use the file
(``pip install -c constraints.txt -e '.[test]'``, as README and ``.ci/run`` do), so every
machine gets the versions CI tested. Run it after changing the dependencies in
``pyproject.toml``, and to take up new releases (security fixes); commit the result.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "constraints.txt"
PROJECT = "toekomstplan"
HEADER = f"""\
# Versions for a reproducible install, made by scripts/lock_dependencies.py from
# pyproject.toml (with the test extra). Use: pip install -c constraints.txt -e '.[test]'
# Generated for Python {sys.version_info.major}.{sys.version_info.minor}; do not edit by hand.
"""


def resolved() -> dict[str, str]:
    """Name → version of everything pip would install for the project and its test extra."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--dry-run", "--ignore-installed",
             "--report", str(report), "-e", f"{ROOT}[test]"],
            check=True)
        install = json.loads(report.read_text())["install"]
    return {item["metadata"]["name"]: item["metadata"]["version"] for item in install
            if item["metadata"]["name"].lower() != PROJECT}


def main() -> int:
    pins = resolved()
    lines = [f"{name}=={pins[name]}" for name in sorted(pins, key=str.lower)]
    LOCK.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} pinned packages to {LOCK.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
