"""Site paths and URLs (网址): the one module that knows where each page and file lives.

A *page* is a path under ``docs/`` (``2019/2/sz-2018-29.md``); a *URL* is site-relative, with
directory URLs (``2019/2/sz-2018-29/``), as MkDocs publishes the page. Both are derived from content
(year, number, the 文号's slug), never from order, so a document keeps its address when an issue is
re-typeset (DESIGN.md). The offline archive's ``.html`` URLs are MkDocs' own mapping of the same pages.
"""

from __future__ import annotations

import posixpath

from gazette.model import Document, Gazette, Issue

STANDALONE = "documents/"
"""The folder of documents that came without an issue (a standalone text)."""
HOME = "index.md"


def issue_dir(issue: Issue | None) -> str:
    """The folder of an issue's pages and its URL: ``2019/2/``; standalone documents share ``documents/``."""
    return STANDALONE if issue is None else f"{issue.year}/{issue.no}/"


def issue_page(issue: Issue) -> str:
    """``2019/2/index.md``: the issue's own page (masthead and 目录)."""
    return f"{issue_dir(issue)}index.md"


def year_dir(year: int) -> str:
    """``2019/``: the page listing a year's issues, as a URL."""
    return f"{year}/"


def year_page(year: int) -> str:
    """``2019/index.md``."""
    return f"{year_dir(year)}index.md"


def document_page(gazette: Gazette, slug: str) -> str:
    """``2019/2/sz-2018-29.md``: a document's page under ``docs/``."""
    return f"{issue_dir(gazette.issue)}{slug}.md"


def document_url(gazette: Gazette, document: Document) -> str:
    """``2019/2/sz-2018-29/``: a document's site-relative URL."""
    return f"{issue_dir(gazette.issue)}{document.slug}/"


def record_path(gazette: Gazette, document: Document) -> str:
    """``data/records/2019-2-sz-2018-29.json``: a document's own open-data record."""
    if gazette.issue is None:
        return f"data/records/documents-{document.slug}.json"
    return f"data/records/{gazette.issue.year}-{gazette.issue.no}-{document.slug}.json"


def relative(target: str, page: str) -> str:
    """Link from the page at ``page`` to the page at ``target`` (both paths under ``docs/``)."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")
