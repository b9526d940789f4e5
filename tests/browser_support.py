"""Headless Chromium for the tests: Debian's /usr/bin/chromium, started the way the benchmark starts it."""

from __future__ import annotations

import os
from contextlib import contextmanager

import pytest

from gazette.bench import CHROMIUM, CHROMIUM_ARGS


@contextmanager
def launched():
    """A running Chromium; the test is skipped with the reason when the browser is not installed."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is missing (scripts/install-browser.sh installs it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
