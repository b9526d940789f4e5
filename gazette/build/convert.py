"""``convert``: parse every issue, link the archive, render the pages, write docs/ and reports."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_all_start_methods, get_context
from dataclasses import dataclass
from pathlib import Path

from gazette.archive import Archive, build_archive
from gazette.build.sources import FOLDER as SOURCE_FOLDER
from gazette.build.sources import issue_sources, unique_issues
from gazette.build.cache import PARALLEL_FROM, parse_all
from gazette.check.coverage import Coverage, compare, removed_count
from gazette.errors import GazetteError
from gazette.site.context import site_for
from gazette.site.opendata import data_files
from gazette.paths import document_page
from gazette.site.pages import archive_files, gazette_files
from gazette.check.opendata import check_open_data
from gazette.check.report import render_report
from gazette.build.write import Outputs



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


def default_sources(required: bool = True) -> list[str]:
    return issue_sources(required=required)


def sources_with(paths: list[str]) -> list[str]:
    """Every issue of ``gazettes/`` plus ``paths``: converting one issue keeps the others' pages and reports.

    A path naming a file already in ``gazettes/`` is not added twice.
    """
    sources = default_sources(required=not paths)
    known = {os.path.realpath(path) for path in sources}
    for path in paths:
        if os.path.realpath(path) not in known:
            known.add(os.path.realpath(path))
            sources.append(path)
    return sources

def convert(paths: list[str]) -> Conversion:
    """Parse and render ``paths``; write nothing."""
    parsed = parse_all(paths)
    gazettes = unique_issues([result.gazette for result in parsed.values()])
    archive = build_archive(gazettes)
    site = site_for(archive)
    counts = {result.gazette.file: result.counts for result in parsed.values()}
    files: dict = {}
    coverage: dict[str, Coverage] = {}
    for gazette, (pages, checked) in zip(archive.gazettes, _render_issues(archive, site, counts)):
        files.update(pages)
        coverage[gazette.file] = checked
    files.update(archive_files(archive, site))
    data = data_files(archive, site)
    check_open_data(data)
    files.update(data)
    reports = {}
    for gazette in archive.gazettes:
        name = os.path.splitext(os.path.basename(gazette.file))[0]
        reports[f"校对报告-{name}.md"] = render_report(gazette, coverage[gazette.file], list(archive.warnings))
    return Conversion(archive, files, coverage, reports)


_SHARED: tuple | None = None
"""(archive, site, counts) for the worker processes that render issues; they inherit it when forked."""


def _render_issue(index: int) -> tuple[dict, Coverage]:
    archive, site, counts = _SHARED
    gazette = archive.gazettes[index]
    pages = gazette_files(archive, gazette, site)
    checked = compare(counts[gazette.file], [pages[document_page(gazette, d.slug)] for d in gazette.documents],
                      removed_count(gazette.furniture, gazette.body_start))
    return pages, checked


def _render_issues(archive: Archive, site, counts: dict) -> list[tuple[dict, Coverage]]:
    """Each issue's pages and coverage, in worker processes when there are many issues."""
    global _SHARED
    _SHARED = (archive, site, counts)
    try:
        indexes = range(len(archive.gazettes))
        if len(indexes) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1 and "fork" in get_all_start_methods():
            with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 2, 4), mp_context=get_context("fork")) as pool:
                return list(pool.map(_render_issue, indexes, chunksize=8))
        return [_render_issue(index) for index in indexes]
    finally:
        _SHARED = None


def convert_checked(paths: list[str]) -> Conversion:
    """:func:`convert`, refusing a conversion whose Markdown would not hold every character of the text."""
    if not paths:
        raise GazetteError("gazettes/", "没有可转换的公报文本（应为 gazettes/YYYY-NN.txt）")
    conversion = convert(paths)
    for file, coverage in conversion.coverage.items():
        if not coverage.complete:
            raise GazetteError(file, "输出未能包含原文的每一个字，未写出任何文件。"
                               + coverage.summary())
    return conversion


def write(conversion: Conversion, docs: str, reports: str | None = None) -> None:
    """Replace the docs folder, and the reports folder beside it, with the conversion: both or neither."""
    reports = reports or report_dir(docs)
    if Path(docs).resolve() == Path(reports).resolve():
        raise GazetteError(docs, "与校对报告的文件夹 reports/ 是同一个；请换一个输出位置")
    sources = Path(SOURCE_FOLDER).resolve()
    for target in (docs, reports):
        if sources == Path(target).resolve() or sources in Path(target).resolve().parents:
            raise GazetteError(target, f"在公报文本的文件夹 {SOURCE_FOLDER}/ 之内；输出不能写进来源文件夹，请换一个位置")
    with Outputs(docs, reports) as outputs:
        outputs.stage(docs, conversion.files)
        outputs.stage(reports, conversion.reports)
        outputs.commit()


def report_dir(docs: str) -> str:
    """The 校对报告 are written beside the docs folder, in ``reports/``."""
    return str(Path(os.path.dirname(os.path.normpath(docs)) or ".") / "reports")
