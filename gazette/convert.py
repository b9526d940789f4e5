"""``convert``: parse every issue, link the archive, render the pages, write docs/ and reports."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

from gazette.archive import Archive, build_archive
from gazette.cache import parse_all
from gazette.coverage import Coverage, compare
from gazette.errors import GazetteError
from gazette.opendata import data_files
from gazette.pages import document_path, site_files
from gazette.report import render_report
from gazette.searchpages import FOLDER as SEARCH_PAGES
from gazette.searchpages import search_pages
from gazette.write import write_tree

DEFAULT_SOURCES = "gazettes/*.txt"


@dataclass(frozen=True)
class Conversion:
    """What one conversion produced."""

    archive: Archive
    """The linked archive."""
    files: dict
    """Generated pages by path under the docs folder."""
    coverage: dict
    """Source file → :class:`Coverage`."""
    reports: dict
    """Report file name → Markdown."""


def default_sources() -> list[str]:
    return sorted(glob.glob(DEFAULT_SOURCES))


def convert(paths: list[str]) -> Conversion:
    """Parse and render ``paths``; write nothing."""
    parsed = parse_all(paths)
    archive = build_archive([result.gazette for result in parsed.values()])
    files = site_files(archive)
    files.update(data_files(archive))
    coverage: dict[str, Coverage] = {}
    reports = {}
    linked = {gazette.file: gazette for gazette in archive.gazettes}
    for path, result in parsed.items():
        gazette = linked[result.gazette.file]
        pages = [files[document_path(gazette, d.slug)] for d in gazette.documents]
        coverage[gazette.file] = compare(result.counts, pages)
        name = os.path.splitext(os.path.basename(gazette.file))[0]
        reports[f"校对报告-{name}.md"] = render_report(gazette, coverage[gazette.file], list(archive.warnings))
    return Conversion(archive, files, coverage, reports)


def convert_checked(paths: list[str]) -> Conversion:
    """:func:`convert`, refusing a conversion whose Markdown would not hold every character of the text."""
    if not paths:
        raise GazetteError("gazettes/", "no issue texts to convert (expected gazettes/YYYY-NN.txt)")
    conversion = convert(paths)
    for file, coverage in conversion.coverage.items():
        if not coverage.complete:
            raise GazetteError(file, "the output would not hold every character of the text; nothing written. "
                               + coverage.summary())
    return conversion


def write(conversion: Conversion, docs: str, reports: str | None = None) -> None:
    """Replace the docs folder, and beside it the reports and the search pages, with the conversion."""
    write_tree(docs, conversion.files)
    write_tree(reports or report_dir(docs), conversion.reports)
    write_tree(beside(docs, SEARCH_PAGES), search_pages(conversion.archive))


def beside(docs: str, name: str) -> str:
    """A folder next to the docs folder (``reports``, ``searchpages``)."""
    return str(Path(os.path.dirname(os.path.normpath(docs)) or ".") / name)


def report_dir(docs: str) -> str:
    """The 校对报告 are written beside the docs folder, in ``reports/``."""
    return beside(docs, "reports")
