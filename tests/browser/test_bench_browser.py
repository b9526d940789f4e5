"""The search benchmark's browser part on the sample's site: Chromium over its DevTools pipe (gazette.devtools).

Figures are not asserted (this is not a timed test); what is: the harness drives the real search box's engine,
counts the bytes a query transfers, and reports a failing page or a missing browser as a GazetteError."""

from __future__ import annotations

import os

import pytest

from gazette.bench import CHROMIUM, CHROMIUM_ARGS
from gazette.errors import GazetteError

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def chromium():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is missing (scripts/install-browser.sh installs it as root)")
    from gazette.devtools import Browser

    with Browser(CHROMIUM, CHROMIUM_ARGS) as browser:
        yield browser


def test_bench_times_first_queries_and_counts_their_bytes(built_site):
    from gazette.bench_search import browser_figures

    head = (built_site / "search" / "head.js").stat().st_size
    figures = browser_figures(built_site, ["债务", "挂牌", "三政〔2018〕34号", "未见于本期的词语"])
    assert figures["queries"] == 4
    # The opening loads the head of the index (and warm.js); a query's bytes include the opening's and its own files.
    assert figures["open_search_bytes"] > head
    assert figures["query_bytes_median"] > figures["open_search_bytes"]
    assert figures["first_query_bytes"] > figures["open_search_bytes"]
    assert figures["home_page_bytes"] > 0
    assert figures["query_ms_max"] > 0 and figures["warm_query_ms_median"] >= 0


def test_each_page_has_its_own_cold_context(chromium, site_url):
    first = chromium.page(site_url + "/")
    try:
        first.evaluate("() => { localStorage.setItem('bench', '1'); }")
        assert first.evaluate("() => localStorage.getItem('bench')") == "1"
        with chromium.page(site_url + "/") as second:
            assert second.evaluate("() => localStorage.getItem('bench')") is None
            assert second.evaluate("(a, b) => a + b", 2, 3) == 5
    finally:
        first.close()


def test_a_failing_script_is_reported_with_its_reason(chromium, site_url):
    with chromium.page(site_url + "/") as page:
        with pytest.raises(GazetteError, match="no such thing"):
            page.evaluate("() => { throw new Error('no such thing'); }")
        with pytest.raises(GazetteError, match="rejected"):
            page.evaluate("() => Promise.reject(new Error('rejected'))")


def test_a_missing_browser_is_a_clear_error(tmp_path):
    from gazette.devtools import Browser

    with pytest.raises(GazetteError, match="missing"):
        Browser(str(tmp_path / "chromium"), CHROMIUM_ARGS)
