"""Fixtures for the browser tests: the built site served on 127.0.0.1, and headless Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
import zipfile
from pathlib import Path

import pytest
from tests.browser_support import launched
from tests.repo_copy import fresh_copy, run_build

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Build the site and the offline archive once per session (convert + mkdocs build --strict) in a fresh
    copy of the repository, so the developer's own docs/, site/ and dist/ are left alone."""
    repo = fresh_copy(tmp_path_factory.mktemp("browser-project"))
    result = run_build(repo, "--offline")
    assert result.returncode == 0, result.stdout + result.stderr
    return repo / "site"


@pytest.fixture(scope="session")
def offline_site(built_site, tmp_path_factory) -> Path:
    """The offline archive of the session's build, unzipped: its index.html opens from file://."""
    archive = next((built_site.parent / "dist").glob("*.zip"))
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(folder)
    return folder / archive.stem


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """The site served from a local http.server; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# Package scope: one Playwright per thread at a time, so it must stop before other test modules start theirs.
@pytest.fixture(scope="package")
def browser():
    with launched() as instance:
        yield instance


def _recording_tab(browser, **options):
    """A page in a fresh context (Chinese locale, 10 s timeout) that records every request it makes."""
    context = browser.new_context(locale="zh-CN", **options)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()


@pytest.fixture
def page(browser, site_url):
    """A desktop page that records every request it makes."""
    yield from _recording_tab(browser, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone(browser, site_url):
    """A 390 px phone page."""
    yield from _recording_tab(browser, viewport={"width": 390, "height": 844}, device_scale_factor=2,
                              is_mobile=True, has_touch=True)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def axe_source() -> Path:
    assert AXE.exists(), "node_modules/axe-core is missing: `make test` installs it with npm ci"
    return AXE
