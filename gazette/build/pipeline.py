"""``build``: convert, ``mkdocs build --strict`` into a fresh site/ swapped in when complete,
with the search index of :mod:`gazette.build.search_index`, and with ``--offline`` the offline archive zip
in dist/ (the same search, which works from ``file://``).

Set SOURCE_DATE_EPOCH for a reproducible build: MkDocs takes the sitemap dates and the gzip
time of sitemap.xml.gz from it, the offline archive its zip times and 说明 page.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from gazette.archive import Archive, build_archive
from gazette.build.cache import parse_all
from gazette.build.convert import Conversion, convert_checked, default_sources, report_dir
from gazette.errors import GazetteError
from gazette.build.search_index import FOLDER as SEARCH_FOLDER
from gazette.build.search_index import document_order, write_index
from gazette.build.write import MARKER, Outputs, staging_dir

SITE = "site"
CONFIG = "mkdocs.yml"


@dataclass(frozen=True)
class Built:
    """What one build wrote, for the command to report."""

    conversion: Conversion
    """The conversion whose pages were built."""
    docs: str
    """The Markdown folder."""
    reports: str
    """The folder of the 校对报告."""
    site: str
    """The site folder."""
    archive: Path | None
    """The offline archive zip, when one was asked for."""


def build(offline: bool = False, docs: str = "docs", site: str = SITE) -> Built:
    """Convert, build the site (and the offline archive): docs/, reports/, site/ (and dist/) are all
    staged first and swapped in together only when everything succeeded."""
    from gazette.build.offline import DIST, build_offline

    reports = report_dir(docs)
    with Outputs(docs, reports, site, *([DIST] if offline else [])) as outputs:
        conversion = convert_checked(default_sources())
        staged_docs = outputs.stage(docs, conversion.files)
        outputs.stage(reports, conversion.reports)
        outputs.adopt(site, render_site(site, conversion.archive, staged_docs))
        if offline:
            staged_dist, name = build_offline(conversion, staged_docs)
            outputs.adopt(DIST, staged_dist)
        outputs.commit()
    return Built(conversion, docs, reports, site, Path(DIST) / name if offline else None)


def build_site(site: str, archive: Archive | None = None, docs: str | None = None) -> None:
    """:func:`render_site`, swapped in as ``site``."""
    with Outputs(site) as outputs:
        outputs.adopt(site, render_site(site, archive, docs))
        outputs.commit()


def render_site(site: str, archive: Archive | None = None, docs: str | os.PathLike | None = None) -> Path:
    """``mkdocs build --strict`` of ``docs`` (default: mkdocs.yml's docs_dir) and, at the same time, the
    search index of ``archive`` (by default the archive of ``gazettes/``, parsed or taken from the parse
    cache), into a staging folder beside ``site``; returns it. MkDocs renders in a child process on one
    core while the index is written here on the other."""
    staging = staging_dir(site)
    index = staging_dir(SEARCH_FOLDER)
    config = _config_for(docs)
    logs = tempfile.TemporaryFile("w+")
    try:
        mkdocs = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", config,
                                   "--site-dir", str(staging)], stdout=logs, stderr=subprocess.STDOUT, text=True)
        try:
            if archive is None:
                archive = build_archive([result.gazette for result in parse_all(default_sources()).values()])
            write_index(document_order(archive.gazettes), index)
        finally:
            built = mkdocs.wait()
        if built != 0:
            logs.seek(0)
            raise GazetteError(CONFIG, "mkdocs build --strict 失败，原有 site/ 等输出保持不变：" + mkdocs_problems(logs.read()))
        drop_unused_theme_files(staging)
        (index / MARKER).unlink(missing_ok=True)
        index.rename(staging / SEARCH_FOLDER)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(index, ignore_errors=True)
        raise
    finally:
        if config != CONFIG:
            Path(config).unlink(missing_ok=True)
        logs.close()
    return staging


def _config_for(docs: str | os.PathLike | None) -> str:
    """mkdocs.yml itself, or a temporary configuration beside it that reads the pages from ``docs``."""
    if docs is None:
        return CONFIG
    handle, path = tempfile.mkstemp(prefix=f".mkdocs.new-{os.getpid()}-", suffix=".yml", dir=".")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(f"INHERIT: {CONFIG}\ndocs_dir: {json.dumps(str(Path(docs).resolve()))}\n")
    return os.path.basename(path)


_MKDOCS_PROBLEM = re.compile(r"^(?:ERROR|WARNING|CRITICAL)\s+-\s+(?P<text>.+)$|^(?P<error>[A-Za-z.]*Error: .+)$")


def mkdocs_problems(log: str) -> str:
    """What MkDocs reported, without its traceback: its ERROR/WARNING lines, or the exception's last line."""
    found = [match["text"] or match["error"] for match in map(_MKDOCS_PROBLEM.match, log.splitlines()) if match]
    found = [text for text in found if "Aborted with" not in text] or found
    return "；".join(found[:5]) if found else (log.strip().splitlines() or ["（没有输出）"])[-1]


_UNUSED_ONLINE = ("assets/javascripts/lunr", "assets/javascripts/workers")
"""Material's lunr search and its worker, which no page loads (the site searches with its own index)."""


def drop_unused_theme_files(site: Path) -> None:
    """Remove theme files no page loads (online or offline): lunr and its worker, the source maps."""
    for name in _UNUSED_ONLINE:
        shutil.rmtree(site / name, ignore_errors=True)
    for source_map in (site / "assets").rglob("*.map"):
        source_map.unlink()
