"""Open data in the built site: the feed on every page, each document's record, the 开放数据 page in the nav."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.browser

FEED_LINK = re.compile(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"')


def test_every_page_links_the_feed_in_its_head(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        found = FEED_LINK.search(head)
        assert found, page
        href = found.group(1)
        base = built_site if href.startswith("/") else page.parent  # 404.html uses root-absolute URLs
        assert (base / href.lstrip("/")).resolve() == (built_site / "feed.xml").resolve(), page


def test_each_document_page_links_its_json_record(built_site):
    documents = json.loads((built_site / "data" / "documents.json").read_text(encoding="utf-8"))["documents"]
    assert len(documents) == 14
    for document in documents:
        page = built_site / document["url"] / "index.html"
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'href="([^"]+\.json)"', html)
        assert links, document["url"]
        record = (page.parent / links[-1]).resolve()
        assert record == (built_site / document["record"]).resolve()
        assert json.loads(record.read_text(encoding="utf-8"))["number"] == document["number"]


def test_the_open_data_page_is_reached_from_the_navigation(page, site_url):
    page.goto(site_url + "/")
    page.get_by_role("link", name="开放数据").first.click()
    page.wait_for_url("**/data/")
    assert page.locator("h1").first.inner_text().replace("¶", "").strip() == "开放数据"
    for name in ("documents.json", "documents.csv", "issues.json", "schema.json", "feed.xml"):
        assert page.locator(f'a[href$="{name}"]').count() >= 1, name
