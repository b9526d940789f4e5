"""A copy of the working tree as a fresh clone would have it, for tests that run whole builds.

Builds write docs/, site/, reports/ and dist/ beside the sources; running them in a copy leaves
the developer's folders alone and shows that nothing outside the repository is needed
(node_modules is linked in: `make test` installs it with `npm ci`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1549238400"
"""SOURCE_DATE_EPOCH of the tests: 2019-02-04 00:00 UTC."""
_NOT_SOURCES = {".git", ".venv", "node_modules", "site", "docs", "reports", "dist", "test-artifacts",
                ".pytest_cache", ".hypothesis", "__pycache__"}


def _sources() -> list[str]:
    if (ROOT / ".git").exists():
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                cwd=ROOT, capture_output=True, check=True).stdout.decode()
        return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]
    return [path.relative_to(ROOT).as_posix() for path in ROOT.rglob("*")
            if path.is_file() and not _NOT_SOURCES & set(path.relative_to(ROOT).parts)]


def fresh_copy(destination: Path) -> Path:
    """Copy the tracked and untracked-but-not-ignored files of the repository into ``destination``."""
    for name in _sources():
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    if (ROOT / "node_modules").is_dir():
        (destination / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return destination


def run_build(repo: Path, *args: str, epoch: str | None = EPOCH) -> subprocess.CompletedProcess:
    """``python -m gazette build ARGS`` inside ``repo``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.run([sys.executable, "-m", "gazette", "build", *args], cwd=repo, env=env,
                          capture_output=True, text=True)


def tree_digests(folder: Path) -> dict[str, str]:
    """Relative path → SHA-256 of every file under ``folder``."""
    import hashlib

    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}
