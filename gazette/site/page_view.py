"""What the templates need beyond the front matter, computed here so that templates only lay out.

Front matter holds site-relative directory URLs (``2019/2/sz-2018-34/``, ``2019/2/``); a page links to
them from its own depth (``base_url``), and the offline archive (``use_directory_urls: false``) links to
files (``2019/2/sz-2018-34.html``, ``2019/2/index.html``). A page's rendered body is split at its title,
so the reader's tools and a document's panel can stand between the title and the text.
"""

from __future__ import annotations

from dataclasses import dataclass

TITLE_END = "</h1>"


@dataclass(frozen=True)
class Hrefs:
    """Links from one page to the site's pages, for the online site or the offline archive."""

    base_url: str
    """The path from the page to the site's root, as MkDocs gives it (``../..``)."""
    directory_urls: bool
    """``use_directory_urls``: false in the offline archive, which opens from ``file://``."""

    def page(self, url: str) -> str:
        """A document's page: ``2019/2/sz-2018-34/`` (online) or ``2019/2/sz-2018-34.html`` (offline)."""
        return f"{self.base_url}/{url if self.directory_urls else url.rstrip('/') + '.html'}"

    def folder(self, url: str) -> str:
        """A folder's index page: ``2019/2/`` (online) or ``2019/2/index.html`` (offline)."""
        return f"{self.base_url}/{url if self.directory_urls else url + 'index.html'}"


@dataclass(frozen=True)
class PageView:
    """One page as its template lays it out."""

    head: str
    """The rendered body up to and including the title's ``</h1>``; empty when the page has no title."""
    body: str
    """The rest of the rendered body."""
    href: Hrefs
    """Links to other pages from this one."""
    outline: list
    """The headings under the title (MkDocs' table of contents without its single top entry)."""


def split_title(html: str) -> tuple[str, str]:
    """``(head, body)``: the rendered page cut after its first ``</h1>``, or ``("", html)`` without one."""
    head, found, body = html.partition(TITLE_END)
    return (head + found, body) if found else ("", html)


def page_view(content: str, toc_items: list, base_url: str, directory_urls: bool) -> PageView:
    head, body = split_title(content or "")
    outline = toc_items[0].children if len(toc_items) == 1 else list(toc_items)
    return PageView(head, body, Hrefs(base_url, directory_urls), outline)
