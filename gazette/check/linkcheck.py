"""Check the links of a built site: every local ``href``/``src`` reaches a file, every ``#anchor`` an id.

``gazette linkcheck [SITE]`` prints ``error: PAGE: 失效链接 TARGET`` per problem and exits 1 when
there is any. Links to other sites are not fetched (the build must not depend on
the network); a ``file://`` archive and a served site resolve the same relative links.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}
_SKIPPED_PAGES = {"404.html"}
"""MkDocs writes 404.html with links relative to the site root, for a server to show at any depth."""


@dataclass(frozen=True)
class BrokenLink:
    """A link in ``page`` whose target does not exist."""

    page: str
    """The page, relative to the site folder."""
    target: str
    """The link as written."""
    reason: str
    """``文件不存在``, ``锚点不存在``, or a folder where a file is needed."""

    def __str__(self) -> str:
        return f"error: {self.page}: 失效链接 {self.target}（{self.reason}）"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        attribute = _LINKING.get(tag)
        if attribute and attrs.get(attribute):
            self.links.append(attrs[attribute])


def _pages(site: Path) -> dict[Path, _Page]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path] = parser
    return pages


def all_links(site: str | os.PathLike) -> list[tuple[str, str]]:
    """``(page, link)`` for every link of every HTML page under ``site``, local or not, in page order."""
    site = Path(site).resolve()
    return [(path.relative_to(site).as_posix(), link) for path, parser in _pages(site).items()
            for link in parser.links]


def check_site(site: str | os.PathLike, directory_urls: bool = True) -> list[BrokenLink]:
    """Every broken local link of the HTML pages under ``site``.

    With ``directory_urls=False`` (a site read from ``file://``, where a folder shows no
    index.html) a link to a folder is broken too.
    """
    site = Path(site).resolve()
    pages = _pages(site)
    broken = []
    for path, parser in pages.items():
        relative = path.relative_to(site).as_posix()
        if relative in _SKIPPED_PAGES:
            continue
        for link in parser.links:
            problem = _check(site, path, link, pages, directory_urls)
            if problem:
                broken.append(BrokenLink(relative, link, problem))
    return broken


def _check(site: Path, page: Path, link: str, pages: dict, directory_urls: bool) -> str | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None  # another site, mailto:, data:, javascript:
    if parts.path.startswith("/"):
        target = site / unquote(parts.path).lstrip("/")
    elif parts.path:
        target = page.parent / unquote(parts.path)
    else:
        target = page
    if parts.path.endswith("/") or target.is_dir():
        if not directory_urls:
            return "指向文件夹：file:// 不显示 index.html"
        target = target / "index.html"
    target = Path(os.path.normpath(target))
    if not target.is_file() or not target.is_relative_to(site):
        return "文件不存在"
    fragment = unquote(parts.fragment)
    if fragment and target.suffix == ".html" and target in pages and fragment not in pages[target].ids:
        return "锚点不存在"
    return None


if __name__ == "__main__":  # ``python -m gazette.check.linkcheck`` is ``gazette linkcheck``
    from gazette.cli import main

    sys.exit(main(["linkcheck", *sys.argv[1:]]))
