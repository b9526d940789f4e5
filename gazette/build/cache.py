"""Parse results kept between runs, so adding one issue does not re-parse the others.

A result is keyed by the source's path and bytes and by the code of the package itself:
editing the parser invalidates every entry, and nothing stale can be served. The cache
is an optimisation only; deleting ``.cache/`` changes no output. Sources not in the cache
are read and parsed in worker processes when there are many, each returning the parse and
the source's character counts (for the coverage check), so the command's own process only
collects results.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gazette.check.coverage import source_counts
from gazette.config import DEFAULT_PATH
from gazette.model import Gazette
from gazette.parse.normalize import MAX_SOURCE_BYTES, read_source
from gazette.parse import parse_source

CACHE_ENV = "GAZETTE_CACHE"
"""Folder for cached parses; ``off`` disables the cache. Default: ``.cache/parse``."""
PARALLEL_FROM = 8
"""Parse in worker processes when at least this many sources are not cached."""


@dataclass(frozen=True)
class Parsed:
    """One source, parsed."""

    gazette: Gazette
    """The parse result."""
    counts: Counter
    """Han characters and digits of the source outside cover, 目录 and masthead."""


@lru_cache(maxsize=1)
def _code_version() -> str:
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):  # every sub-package: a parser change must invalidate
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _folder() -> Path | None:
    setting = os.environ.get(CACHE_ENV, ".cache/parse")
    return None if setting == "off" else Path(setting)


def _key(path: str) -> str | None:
    digest = hashlib.sha256(_code_version().encode())
    digest.update(path.encode() + b"\0")
    try:  # the layout configuration changes what the parser recognises
        with open(DEFAULT_PATH, "rb") as handle:
            digest.update(handle.read())
    except OSError:
        pass
    digest.update(b"\0")
    try:
        # Only what read_source would read: a symlink, FIFO or device is never served from the cache.
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None  # reading it again will say what is wrong
    info = os.fstat(handle)
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SOURCE_BYTES:
        os.close(handle)
        return None
    with os.fdopen(handle, "rb") as opened:
        digest.update(opened.read())
    return digest.hexdigest()


def parse_path(path: str, entry: Path | None = None) -> Parsed:
    """Read, parse and count one source, and cache it at ``entry`` (in a worker when there are many)."""
    source = read_source(path)
    gazette = parse_source(source)
    parsed = Parsed(gazette, source_counts(source, gazette.body_start, gazette.furniture))
    if entry is not None:
        _store(entry, parsed)
    return parsed


def _load(path: Path) -> Parsed | None:
    try:
        with open(path, "rb") as handle:
            value = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return value if isinstance(value, Parsed) else None


def _store(path: Path, parsed: Parsed) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            pickle.dump(parsed, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only or full disk only costs speed


def parse_all(paths: list[str]) -> dict[str, Parsed]:
    """Parse every source, reusing cached results; misses run in parallel when there are many.

    Bad input raises :class:`ParseError` naming the first bad file, as reading it alone would.
    """
    folder = _folder()
    results: dict[str, Parsed] = {}
    missing: list[tuple[str, Path | None]] = []
    for path in paths:
        key = _key(path) if folder else None
        entry = folder / f"{key}.pickle" if key else None
        cached = _load(entry) if entry and entry.exists() else None
        if cached is not None:
            results[path] = cached
        else:
            missing.append((path, entry))
    if len(missing) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 2, 4)) as pool:
            parsed = list(pool.map(parse_path, *zip(*missing), chunksize=4))
    else:
        parsed = [parse_path(path, entry) for path, entry in missing]
    for (path, _), result in zip(missing, parsed):
        results[path] = result
    return {path: results[path] for path in paths}

