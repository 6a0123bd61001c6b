"""Files and folders the program writes hold personal data: only their owner may read them
(folders 0700, files 0600), whatever the umask says."""

from __future__ import annotations

import os
from pathlib import Path

FOLDER_MODE, FILE_MODE = 0o700, 0o600


def private_dir(path: Path) -> None:
    """``path`` and any missing folders above it, made private to the owner. Folders that
    were there already keep their mode: they may not be the program's."""
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
        folder.chmod(FOLDER_MODE)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (mode 0600, also when the file was there already)."""
    private_dir(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    os.fchmod(descriptor, FILE_MODE)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
