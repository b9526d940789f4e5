"""``build``: convert, ``mkdocs build --strict`` into a fresh site/ swapped in when complete,
with the search index of :mod:`gazette.build.search_index`, and with ``--offline`` the offline archive zip
in dist/ (the same search, which works from ``file://``).

Set SOURCE_DATE_EPOCH for a reproducible build: MkDocs takes the sitemap dates and the gzip
time of sitemap.xml.gz from it, the offline archive its zip times and 说明 page.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from gazette.archive import Archive, build_archive
from gazette.build.cache import parse_all
from gazette.build.convert import Conversion, convert_checked, default_sources, report_dir, write
from gazette.errors import GazetteError
from gazette.build.search_index import FOLDER as SEARCH_FOLDER
from gazette.build.search_index import document_order, write_index
from gazette.build.write import staging_dir, swap_in

SITE = "site"


def build(offline: bool = False, docs: str = "docs", site: str = SITE) -> int:
    conversion = convert_sources(docs)
    build_site(site, conversion.archive)
    print(f"built the site into {site}/")
    if offline:
        from gazette.build.offline import build_offline

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


def build_site(site: str, archive: Archive | None = None) -> None:
    """``mkdocs build --strict`` and, at the same time, the search index of ``archive`` (by default the
    archive of ``gazettes/``, parsed or taken from the parse cache); both go into a staging folder swapped
    in as ``site`` only when both succeed. MkDocs renders in a child process on one core while the index
    is written here on the other."""
    staging = staging_dir(site)
    index = staging_dir(SEARCH_FOLDER)
    logs = tempfile.TemporaryFile("w+")
    try:
        mkdocs = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)],
                                  stdout=logs, stderr=subprocess.STDOUT, text=True)
        try:
            if archive is None:
                archive = build_archive([result.gazette for result in parse_all(default_sources()).values()])
            write_index(document_order(archive.gazettes), index)
        finally:
            built = mkdocs.wait()
        if built != 0:
            logs.seek(0)
            sys.stderr.write(logs.read())
            raise GazetteError("mkdocs.yml", "mkdocs build --strict failed; the previous site/ is kept")
        drop_unused_theme_files(staging)
        index.rename(staging / SEARCH_FOLDER)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(index, ignore_errors=True)
        raise
    finally:
        logs.close()
    swap_in(staging, Path(site))


_UNUSED_ONLINE = ("assets/javascripts/lunr", "assets/javascripts/workers")
"""Material's lunr search and its worker, which no page loads (the site searches with its own index)."""


def drop_unused_theme_files(site: Path) -> None:
    """Remove theme files no page loads (online or offline): lunr and its worker, the source maps."""
    for name in _UNUSED_ONLINE:
        shutil.rmtree(site / name, ignore_errors=True)
    for source_map in (site / "assets").rglob("*.map"):
        source_map.unlink()
