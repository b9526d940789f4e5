"""The only module that writes files: a whole output folder at once, or nothing.

A folder is written beside its destination under a temporary name and swapped in only
when every file is written, so a failed run leaves the previous good output in place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_tree(target: str | os.PathLike, files: dict[str, str | bytes]) -> None:
    """Replace folder ``target`` with exactly ``files`` (relative path → content)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    _usual_mode(staging)
    try:
        for relative, content in sorted(files.items()):
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", newline="\n")
        swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def swap_in(staging: Path, target: Path) -> None:
    """Put the finished folder ``staging`` at ``target``; the old one goes only after."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        old.rmdir()
        target.rename(old)
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def staging_dir(target: str | os.PathLike) -> Path:
    """A fresh empty folder beside ``target`` for a tool that writes a tree itself."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    _usual_mode(staging)
    return staging


def _usual_mode(folder: Path) -> None:
    """Give a temporary folder (created 0700) the mode an ordinary mkdir would, so a web server can read it."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(folder, 0o777 & ~mask)


def replace_file(path: str | os.PathLike, content: str) -> None:
    """Replace one file atomically (written beside it, then renamed over it)."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
        if path.exists():
            shutil.copymode(path, temporary)  # mkstemp makes the file private (0600); a web server must read it
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
