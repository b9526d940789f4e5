"""The offline archive: one zip in dist/ that opens from file://, search included, and loads nothing
from the network; a SHA256SUMS manifest and a 说明 page; built without touching site/."""

from __future__ import annotations

import hashlib
import re
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from tests.browser_support import launched

from gazette.build.offline import MANIFEST, external_references, manifest, offline_config
from gazette.build.write import MARKER
from tests.repo_copy import ROOT, fresh_copy, run_build

pytestmark = pytest.mark.build

NAME = "sanmenxia-gazette-2019-02"
DOCUMENT_PAGE = re.compile(r"/\d{4}/\d+/[a-z]+-\d{4}-\d+(?:-jd)?\.html$")
LOCAL_SCHEMES = {"file", "data", "blob"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A fresh copy of the repository after `python -m gazette build --offline`."""
    repo = fresh_copy(tmp_path_factory.mktemp("repo"))
    result = run_build(repo, "--offline")
    assert result.returncode == 0, result.stdout + result.stderr
    return repo


@pytest.fixture(scope="module")
def archive(built) -> Path:
    return built / "dist" / f"{NAME}.zip"


@pytest.fixture(scope="module")
def unzipped(archive, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(folder)
    return folder / NAME


def test_build_offline_writes_one_zip_named_after_the_latest_issue(built, archive):
    assert sorted(path.name for path in (built / "dist").iterdir() if path.name != MARKER) == [f"{NAME}.zip", f"{NAME}.zip.sha256"]
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert (built / "dist" / f"{NAME}.zip.sha256").read_text() == f"{digest}  {NAME}.zip\n"


def test_offline_build_leaves_the_site_folder_as_a_site_with_directory_urls(built):
    assert (built / "site" / "2019" / "2" / "index.html").is_file()
    # The site's search index links to folder URLs; the archive's (below) to .html pages.
    assert 'urls":"dir"' in (built / "site" / "search" / "head.js").read_text(encoding="utf-8")


def test_zip_entries_are_sorted_with_fixed_times_and_permissions(archive):
    with zipfile.ZipFile(archive) as opened:
        infos = opened.infolist()
    names = [info.filename for info in infos]
    assert names == sorted(names)
    assert all(name.startswith(f"{NAME}/") for name in names)
    assert {info.date_time for info in infos} == {(2019, 2, 4, 0, 0, 0)}
    assert {info.external_attr >> 16 for info in infos} == {0o100644}


def test_manifest_lists_every_other_file_with_its_sha256(unzipped):
    lines = (unzipped / MANIFEST).read_text(encoding="utf-8").splitlines()
    listed = {}
    for line in lines:
        digest, path = line.split("  ", 1)
        listed[path] = digest
    files = sorted(p.relative_to(unzipped).as_posix() for p in unzipped.rglob("*") if p.is_file())
    assert sorted(listed) == [f for f in files if f != MANIFEST]
    assert [line.split("  ", 1)[1] for line in lines] == sorted(listed)
    for path, digest in listed.items():
        assert hashlib.sha256((unzipped / path).read_bytes()).hexdigest() == digest, path


def test_manifest_verifies_with_sha256sum(unzipped):
    result = subprocess.run(["sha256sum", "--check", "--strict", "--quiet", MANIFEST], cwd=unzipped,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_manifest_format_is_that_of_sha256sum():
    assert manifest({"b.html": b"x", "a/c.js": b""}) == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a/c.js\n"
        "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881  b.html\n")


def test_archive_is_a_file_url_site_with_its_search_index_as_classic_scripts(unzipped):
    assert (unzipped / "index.html").is_file()
    head = (unzipped / "search" / "head.js").read_text(encoding="utf-8")
    assert head.startswith('__gzSearch("head",') and 'urls":"html"' in head
    assert not (unzipped / "search" / "search_index.js").exists()
    index = (unzipped / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/javascripts/gazette-search.js"' in index and "iframe-worker" not in index
    for page in unzipped.rglob("*.html"):
        hrefs = re.findall(r'<a\b[^>]*\bhref="([^"#:]+/)(?:#[^"]*)?"', page.read_text(encoding="utf-8"))
        assert hrefs == [], f"{page}: directory URLs {hrefs[:3]} do not open from file://"


def test_no_page_or_stylesheet_loads_from_the_network(unzipped):
    assert external_references(unzipped) == []
    for page in unzipped.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        remote = re.findall(r'<(?:script|link)\b[^>]*\b(?:src|href)="(https?:)?//[^"]*"', text)
        assert remote == [], page
        assert "unpkg.com" not in text, page


def test_external_references_finds_cdn_scripts_stylesheets_and_css_urls(tmp_path):
    (tmp_path / "a.html").write_text('<script src="https://unpkg.com/iframe-worker/shim"></script>'
                                     '<link rel="stylesheet" href="//fonts.googleapis.com/css">'
                                     '<link rel="canonical" href="https://example.org/a.html">'
                                     '<a href="https://www.gov.cn/">gov.cn</a>', encoding="utf-8")
    (tmp_path / "b.css").write_text("body{background:url(https://example.org/x.png)}", encoding="utf-8")
    found = external_references(tmp_path)
    assert len([f for f in found if f.startswith("a.html: <script")]) == 1
    assert len([f for f in found if f.startswith("a.html: <link")]) == 1
    assert any(f.startswith("b.css: url(") for f in found)
    assert any("unpkg.com" in f for f in found)
    assert not any("canonical" in f or "gov.cn" in f for f in found)


def test_about_page_lists_the_issues_the_build_time_and_how_to_verify(unzipped):
    text = (unzipped / "offline.html").read_text(encoding="utf-8")
    assert "离线版说明" in text
    assert "2019年第2号（总第157号）" in text
    assert 'href="2019/2/index.html"' in text
    assert "2019年2月4日 08:00" in text  # SOURCE_DATE_EPOCH in Beijing time
    assert "sha256sum -c SHA256SUMS" in text


def test_offline_configuration_is_the_site_configuration_plus_the_offline_changes(tmp_path, monkeypatch):
    from mkdocs.config import load_config

    monkeypatch.chdir(ROOT)
    (tmp_path / "docs").mkdir()
    site = load_config("mkdocs.yml", docs_dir=str(tmp_path / "docs"))  # docs/ need not exist yet
    offline = offline_config(tmp_path / "docs", tmp_path / "site")
    # Both are searched with the gazette's own index (search/), not with Material's search plugin.
    assert "material/search" not in site["plugins"] and "material/search" not in offline["plugins"]
    assert list(offline["plugins"]) == list(site["plugins"])
    assert list(offline["hooks"]) == list(site["hooks"])
    if site["nav"] is not None:
        assert offline["nav"] == [*site["nav"], {"离线版说明": "offline.md"}]
    assert offline["use_directory_urls"] is False
    assert not offline["extra"].get("polyfills")
    assert "navigation.instant" not in offline["theme"]["features"]
    assert offline["strict"] is True
    for key in ("theme", "markdown_extensions", "mdx_configs", "validation", "not_in_nav", "site_name"):
        assert offline[key] == site[key], key


# --- in the browser, from file:// -----------------------------------------------------------------

@pytest.fixture(scope="module")
def chromium():
    with launched() as browser:
        yield browser


@pytest.fixture
def offline_page(chromium):
    """A page whose every request is recorded; anything not file:/data:/blob: is refused."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))

    def refuse_network(route):
        if urlsplit(route.request.url).scheme in LOCAL_SCHEMES:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", refuse_network)
    page = context.new_page()
    page.requests = requests
    yield page
    context.close()


def _click_towards_a_document(page) -> None:
    """From the home page, follow links (latest issue, year, issue) until a document page is open."""
    for _ in range(4):
        if DOCUMENT_PAGE.search(urlsplit(page.url).path):
            return
        hrefs = page.eval_on_selector_all("article a[href]", "links => links.map(a => a.getAttribute('href'))")
        target = (next((h for h in hrefs if DOCUMENT_PAGE.search("/" + h.split("#")[0])), None)
                  or next((h for h in hrefs if re.search(r"(^|/)\d{4}/(\d+/)?index\.html$", h)), None))
        assert target, f"no link towards a document on {page.url}"
        with page.expect_navigation():
            page.locator(f'article a[href="{target}"]').first.click()
    assert DOCUMENT_PAGE.search(urlsplit(page.url).path), page.url


@pytest.mark.browser
def test_archive_opens_from_file_url_browses_and_searches_without_network(offline_page, unzipped):
    page = offline_page
    page.goto((unzipped / "index.html").as_uri())
    assert page.title().strip()
    _click_towards_a_document(page)
    assert page.url.startswith("file://")
    assert page.locator("article h1").first.inner_text().strip()

    page.locator(".md-search__input").click()
    page.keyboard.type("债务")
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=20_000)
    assert results.count() > 0
    assert "债务" in page.locator(".md-search-result").inner_text()

    with page.expect_navigation():
        results.first.locator("a").first.click()
    assert urlsplit(page.url).scheme == "file" and urlsplit(page.url).path.endswith(".html")

    leaving = [url for url in page.requests if urlsplit(url).scheme not in LOCAL_SCHEMES]
    assert leaving == []
    assert any(url.endswith("/search/head.js") for url in page.requests)
