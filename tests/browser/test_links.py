"""Every internal link of the built site points at a page (and an anchor) that exists."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from gazette.site.identity import ICP_SEARCH, POLICE_SEARCH


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
                self.links.append(attrs[name])


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def target_file(site: Path, url_path: str) -> Path:
    path = site / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def test_every_internal_link_resolves(built_site):
    pages = {path: parse(path) for path in built_site.rglob("*.html")}
    checked, broken = 0, []
    for page, found in pages.items():
        base = "http://site/" + page.relative_to(built_site).as_posix()
        for link in found.links:
            url = urlsplit(urljoin(base, link))
            if url.scheme in ("mailto", "javascript", "data") or url.netloc != "site":
                # The only links that leave the site: the footer's official look-ups of its filing numbers.
                official = link.startswith((ICP_SEARCH, POLICE_SEARCH))
                assert url.scheme in ("mailto", "javascript", "data") or official, f"{page}: external link {link}"
                continue
            target = target_file(built_site, url.path)
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)}: {link}")
            elif url.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(url.fragment) not in ids:
                    broken.append(f"{page.relative_to(built_site)}: {link} (no anchor)")
    assert checked > 500
    assert broken == []
