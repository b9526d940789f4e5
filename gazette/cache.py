"""Parse results kept between runs, so adding one issue does not re-parse the others.

A result is keyed by the source's path and bytes and by the code of the parser itself:
editing the parser invalidates every entry, and nothing stale can be served. The cache
is an optimisation only; deleting ``.cache/`` changes no output.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

from gazette.model import Gazette
from gazette.normalize import Source
from gazette.parse import parse_source

CACHE_ENV = "GAZETTE_CACHE"
"""Folder for cached parses; ``off`` disables the cache. Default: ``.cache/parse``."""
PARALLEL_FROM = 8
"""Parse in worker processes when at least this many sources are not cached."""


@lru_cache(maxsize=1)
def _code_version() -> str:
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _folder() -> Path | None:
    setting = os.environ.get(CACHE_ENV, ".cache/parse")
    return None if setting == "off" else Path(setting)


def _key(source: Source) -> str:
    digest = hashlib.sha256(_code_version().encode())
    digest.update(source.file.encode())
    digest.update(source.encoding.encode())
    for line in source.lines:
        digest.update(line.raw.encode())
        digest.update(b"\n")
    return digest.hexdigest()


def _load(path: Path) -> Gazette | None:
    try:
        with open(path, "rb") as handle:
            value = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return value if isinstance(value, Gazette) else None


def _store(path: Path, gazette: Gazette) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            pickle.dump(gazette, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only or full disk only costs speed


def parse_all(sources: list[Source]) -> dict[str, Gazette]:
    """Parse every source, reusing cached results; misses run in parallel when there are many."""
    folder = _folder()
    results: dict[str, Gazette] = {}
    missing: list[tuple[Source, Path | None]] = []
    for source in sources:
        entry = folder / f"{_key(source)}.pickle" if folder else None
        cached = _load(entry) if entry and entry.exists() else None
        if cached is not None:
            results[source.file] = cached
        else:
            missing.append((source, entry))
    if len(missing) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 2, 4)) as pool:
            parsed = list(pool.map(parse_source, [source for source, _ in missing], chunksize=4))
    else:
        parsed = [parse_source(source) for source, _ in missing]
    for (source, entry), gazette in zip(missing, parsed):
        results[source.file] = gazette
        if entry is not None:
            _store(entry, gazette)
    return {source.file: results[source.file] for source in sources}
