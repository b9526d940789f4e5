"""The built site in headless Chromium: navigation, 解读 links, search, privacy, accessibility."""

from __future__ import annotations


import pytest

pytestmark = pytest.mark.browser

DEBT = "/2019/2/sz-2018-34/"
DEBT_JD = "/2019/2/sz-2018-34-jd/"


def test_home_to_issue_to_document_by_clicking(page, site_url):
    page.goto(site_url + "/")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    page.get_by_role("link", name="2019年第2号（总第157号）").first.click()
    page.wait_for_url(site_url + "/2019/2/")
    assert page.locator(".gz-toc-section").all_text_contents() == ["【市政府文件】", "【市政府办公室文件】", "【政策解读】"]
    page.get_by_role("link", name="三门峡市人民政府关于印发三门峡市政府性债务管理办法的通知").click()
    page.wait_for_url(site_url + DEBT)
    panel = page.locator(".gz-meta")
    assert "发文字号 三政〔2018〕34号" in " ".join(panel.inner_text().split())
    assert "2019年第2号（总第157号）第11页" in panel.inner_text()
    assert page.locator("h4.mark-article").count() == 36
    assert page.locator("h4#art-36").inner_text().startswith("第三十六条")


def test_interpretation_links_work_both_ways(page, site_url):
    page.goto(site_url + DEBT)
    page.locator(".gz-box").get_by_role("link", name="《三门峡市政府性债务管理办法》解读").click()
    page.wait_for_url(site_url + DEBT_JD)
    page.locator(".gz-box").get_by_role("link").first.click()
    page.wait_for_url(site_url + DEBT)


def test_cited_number_links_only_when_the_archive_has_it(page, site_url):
    page.goto(site_url + DEBT_JD)
    link = page.locator(".gz-body a", has_text="三政〔2018〕34号")
    assert link.count() == 1 and link.get_attribute("href").endswith("sz-2018-34/")
    for path, number in [("/2019/2/szb-2018-40-jd/", "三政办〔2018〕40号"), ("/2019/2/szb-2018-42/", "豫政办〔2017〕153号")]:
        page.goto(site_url + path)
        assert number in page.locator(".gz-body").inner_text()
        assert page.locator(".gz-body a", has_text=number).count() == 0
        assert page.locator(".gz-relations", has_text=number).count() == 1


def search(page, query: str) -> list[str]:
    """Type ``query`` into the search box; the result pages in ranked order (paths, no duplicates)."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    page.keyboard.type(query)
    page.keyboard.press("End")
    page.wait_for_function("""() => {
        const meta = document.querySelector('.md-search-result__meta');
        return meta && /结果/.test(meta.textContent);
    }""")
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.pathname)")
    ranked = []
    for href in hrefs:
        if href not in ranked:
            ranked.append(href)
    return ranked


PUBLIC_QUERIES = [
    ("债务管理", {"/2019/2/sz-2018-34/"}),
    ("非物质文化遗产", {"/2019/2/sz-2018-30/"}),
    ("装配式建筑", {"/2019/2/szb-2018-42/", "/2019/2/szb-2018-42-jd/"}),
    ("交通运输", {"/2019/2/sz-2018-29/"}),
    ("预公开", {"/2019/2/szb-2018-45/"}),
]


@pytest.mark.parametrize("query,expected", PUBLIC_QUERIES)
def test_public_query_puts_the_document_in_the_top_three(page, site_url, query, expected):
    page.goto(site_url + "/")
    ranked = search(page, query)
    assert expected & set(ranked[:3]), ranked[:5]


@pytest.mark.parametrize("query,expected", [
    ("三政〔2018〕34号", "/2019/2/sz-2018-34/"),
    ("三政办〔2018〕41号", "/2019/2/szb-2018-41/"),
    ("34号", "/2019/2/sz-2018-34/"),
    ("泰福商贸", "/2019/2/szb-2018-44/"),      # a company in the list of 134
    ("民间剪纸", "/2019/2/sz-2018-30/"),      # a project in the 非遗 table
])
def test_number_and_words_in_tables_and_lists_come_first(page, site_url, query, expected):
    page.goto(site_url + "/")
    assert search(page, query)[0] == expected


def test_every_request_goes_to_the_site_itself(page, site_url):
    page.goto(site_url + "/")
    page.get_by_role("link", name="2019年第2号（总第157号）").first.click()
    page.get_by_role("link", name="三门峡市人民政府关于公布第五批三门峡市非物质文化遗产代表性项目的通知").click()
    page.goto(site_url + "/browse/types/")
    search(page, "债务")
    page.wait_for_load_state("networkidle")
    outside = [url for url in page.requests if not url.startswith(site_url) and not url.startswith(("data:", "blob:"))]
    assert page.requests and not outside


def run_axe(page, axe_source) -> list[dict]:
    # Material fades its search overlay and results in; contrast measured mid-transition is meaningless.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")  # a function: the CSP forbids eval of a string
    # Evaluated through the DevTools protocol: the pages' Content-Security-Policy forbids the inline
    # <script> that add_script_tag would insert (and must keep forbidding it).
    page.evaluate("source => (0, eval)(source)", axe_source.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("path", ["/", "/2019/2/", DEBT, DEBT_JD, "/2019/2/sz-2018-30/", "/browse/types/", "/issues/"])
def test_axe_reports_no_serious_violation(page, site_url, axe_source, path):
    page.goto(site_url + path)
    assert run_axe(page, axe_source) == []


def test_axe_reports_no_serious_violation_with_search_results(page, site_url, axe_source):
    page.goto(site_url + "/")
    search(page, "债务管理")
    assert run_axe(page, axe_source) == []


def test_document_page_screenshots(page, phone, site_url, artifacts):
    for tab, name in [(phone, "phone-390"), (page, "desktop-1280")]:
        tab.goto(site_url + DEBT)
        tab.screenshot(path=str(artifacts / f"sz-2018-34-{name}.png"))
        tab.screenshot(path=str(artifacts / f"sz-2018-34-{name}-full.png"), full_page=True)
    # On a phone the panel and the 解读 box are on the first screen, the outline one tap away.
    assert phone.locator(".gz-meta").bounding_box()["y"] < 844
    assert phone.locator(".gz-box").bounding_box()["y"] < 844 * 1.2
    phone.locator(".gz-outline summary").click()
    assert phone.locator(".gz-outline a[href='#art-36']").is_visible()
    phone.emulate_media(media="print")
    phone.screenshot(path=str(artifacts / "sz-2018-34-print.png"))
    assert not phone.locator(".md-header").is_visible()


def test_document_page_has_its_outline_beside_the_text_on_a_desktop(page, site_url):
    page.goto(site_url + DEBT)
    assert not page.locator(".gz-outline summary").is_visible()  # the folding outline is the phone's
    outline = page.locator(".md-sidebar--secondary")
    assert outline.locator(".md-nav__link", has_text="第一章").count() == 1
    outline.locator(".md-nav__link", has_text="第三十六条").click()
    page.wait_for_url("**#art-36")
    assert page.locator("#art-36").is_visible()


def test_axe_reports_no_serious_violation_on_a_phone(phone, site_url, axe_source):
    phone.goto(site_url + DEBT)
    assert run_axe(phone, axe_source) == []
