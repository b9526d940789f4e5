"""``build``: convert, ``mkdocs build --strict`` into a fresh site/ swapped in when complete,
searched with Pagefind, and with ``--offline`` the offline archive zip in dist/ (searched with Material's
lunr search, which works from ``file://``).

Set SOURCE_DATE_EPOCH for a reproducible build: MkDocs takes the sitemap dates and the gzip
time of sitemap.xml.gz from it, the offline archive its zip times and 说明 page.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from gazette.convert import SEARCH_PAGES, Conversion, beside, convert_checked, default_sources, report_dir, write
from gazette.errors import GazetteError
from gazette.searchindex import PAGEFIND_DIR, drop_unused_pagefind_files, start_pagefind
from gazette.write import staging_dir, swap_in

SITE = "site"


def build(offline: bool = False, docs: str = "docs", site: str = SITE) -> int:
    conversion = convert_sources(docs)
    build_site(site)
    print(f"built the site into {site}/")
    if offline:
        from gazette.offline import build_offline

        path = build_offline(conversion, docs)
        print(f"wrote the offline archive {path} ({path.stat().st_size // 1024} KiB)")
    return 0


def convert_sources(docs: str) -> Conversion:
    """Convert every ``gazettes/*.txt`` into ``docs``, refusing output that loses text."""
    conversion = convert_checked(default_sources())
    write(conversion, docs)
    from gazette.cli import _summary

    _summary(conversion, docs, report_dir(docs))
    return conversion


def build_site(site: str, docs: str = "docs") -> None:
    """``mkdocs build --strict`` and, at the same time, the Pagefind index of the search pages that
    ``convert`` wrote beside ``docs``; both go into a staging folder swapped in as ``site`` only when
    both succeed. MkDocs renders on one core while Pagefind indexes on the other."""
    staging = staging_dir(site)
    index = staging_dir(PAGEFIND_DIR)
    try:
        indexer = start_pagefind(beside(docs, SEARCH_PAGES), index)
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                                 "--site-dir", str(staging)], capture_output=True, text=True)
        indexed = indexer.wait()
        if result.returncode != 0:
            sys.stderr.write(result.stderr)
            raise GazetteError("mkdocs.yml", "mkdocs build --strict failed; the previous site/ is kept")
        if indexed != 0:
            raise GazetteError(beside(docs, SEARCH_PAGES), "pagefind could not index the search pages: "
                               + indexer.stderr.read().strip())
        _drop_unused_theme_files(staging)
        index.rename(staging / PAGEFIND_DIR)
        drop_unused_pagefind_files(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(index, ignore_errors=True)
        raise
    swap_in(staging, Path(site))


_UNUSED_ONLINE = ("assets/javascripts/lunr", "assets/javascripts/workers")
"""Material's lunr search, which the online site does not load (it searches with Pagefind)."""


def _drop_unused_theme_files(site: Path) -> None:
    """Remove theme files no page of the online site loads: lunr and its worker, the source map."""
    for name in _UNUSED_ONLINE:
        shutil.rmtree(site / name, ignore_errors=True)
    for source_map in (site / "assets").rglob("*.map"):
        source_map.unlink()
