"""The government website in Chromium at 390 px and 1366 px: reader tools, 长辈版, the outline, print,
page tags, the footer and the 404 page at the domain root and under a project path."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from tests.browser.test_site import run_axe

pytestmark = pytest.mark.browser

DEBT = "/2019/2/sz-2018-34/"
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}


@pytest.fixture(params=list(WIDTHS))
def tab(request, browser, site_url):
    """A page at 390 px (a phone: touch, mobile viewport) or at 1366 px."""
    mobile = request.param == "phone"
    context = browser.new_context(locale="zh-CN", viewport=WIDTHS[request.param], is_mobile=mobile, has_touch=mobile)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.kind = request.param
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    assert page.errors == []
    context.close()


def text_size(page, selector=".gz-body > p:not([class])") -> float:
    return page.eval_on_selector(selector, "e => parseFloat(getComputedStyle(e).fontSize)")


def test_font_size_buttons_change_the_text_and_hold_across_pages(tab, site_url):
    tab.goto(site_url + DEBT)
    middle = text_size(tab)
    tab.get_by_role("button", name="大", exact=True).click()
    large = text_size(tab)
    assert large >= 20 and large > middle
    assert tab.get_by_role("button", name="大", exact=True).get_attribute("aria-pressed") == "true"
    tab.goto(site_url + "/2019/2/sz-2018-30/")
    assert text_size(tab) == large  # remembered in localStorage
    tab.get_by_role("button", name="小", exact=True).click()
    assert text_size(tab) < middle
    tab.get_by_role("button", name="中", exact=True).click()
    assert text_size(tab) == middle
    assert tab.context.cookies() == []


def test_elder_mode_is_large_narrow_high_contrast_and_remembered(tab, site_url, artifacts):
    tab.goto(site_url + DEBT)
    tab.get_by_role("button", name="长辈版").click()
    assert tab.get_by_role("button", name="标准版").get_attribute("aria-pressed") == "true"
    tab.goto(site_url + "/2019/2/szb-2018-45/")
    paragraph = ".gz-body > p:not([class])"
    size = text_size(tab, paragraph)
    assert size >= 20
    width = tab.eval_on_selector(paragraph, "e => e.getBoundingClientRect().width")
    assert width / size <= 42  # at most about 40 characters a line
    color = tab.eval_on_selector(paragraph, "e => getComputedStyle(e).color")
    assert color == "rgb(0, 0, 0)"
    for box in tab.locator(".gz-tool").all():
        assert box.bounding_box()["height"] >= 44
    tab.screenshot(path=str(artifacts / f"gov-elder-{tab.kind}.png"))
    assert tab.context.cookies() == []


def test_print_button_prints_and_copy_link_copies_the_address(tab, site_url):
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab.goto(site_url + DEBT + "#art-3")
    tab.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    tab.get_by_role("button", name="打印").click()
    assert tab.evaluate("window.__printed") == 1
    tab.get_by_role("button", name="复制链接").click()
    tab.wait_for_function("() => document.querySelector('.gz-tools-status').textContent === '链接已复制'")
    assert tab.evaluate("navigator.clipboard.readText()") == site_url + DEBT


def test_printout_has_the_site_address_and_date_and_no_tool_rows(tab, site_url, artifacts):
    tab.goto(site_url + DEBT)
    tab.emulate_media(media="print")
    head = tab.locator(".gz-print-head")
    assert head.is_visible() and "三门峡市人民政府公报" in head.inner_text()
    assert site_url + DEBT in head.inner_text()
    foot = tab.locator(".gz-print-foot").inner_text()
    assert "打印日期：" in foot and "年" in foot.split("打印日期：")[1]
    for hidden in (".gz-tools", ".md-header", ".md-footer", ".gz-outline", ".gz-meta .gz-noprint"):
        assert not tab.locator(hidden).first.is_visible(), hidden
    assert tab.locator(".gz-meta").is_visible()
    tab.screenshot(path=str(artifacts / f"gov-print-{tab.kind}.png"), full_page=False)


def test_outline_stands_beside_the_text_on_a_desktop_and_folds_on_a_phone(tab, site_url):
    tab.goto(site_url + DEBT)
    beside = tab.locator(".md-sidebar--secondary .md-nav__link", has_text="第二十五条")
    folded = tab.locator("details.gz-outline")
    if tab.kind == "desktop":
        assert beside.is_visible() and not folded.is_visible()
        tab.evaluate("document.getElementById('art-20').scrollIntoView()")
        tab.wait_for_function("""() => {
            const a = document.querySelector('.md-sidebar--secondary .md-nav__link--active');
            return a && a.textContent.trim() === '第二十条';
        }""")
        label = tab.locator(".md-sidebar--secondary .md-nav__link", has_text="第三十六条").inner_text()
        assert label.strip() == "第三十六条"  # plain labels, no list markers
        beside.click()
        tab.wait_for_url("**#art-25")
        assert tab.locator(".md-sidebar--secondary").evaluate("e => getComputedStyle(e).position") == "sticky"
    else:
        assert folded.is_visible() and not beside.is_visible()
        assert folded.get_attribute("open") is None
        folded.locator("summary").click()
        folded.locator("a[href='#art-25']").click()
        tab.wait_for_url("**#art-25")


def test_issue_page_has_a_breadcrumb_neighbours_and_a_plain_outline(tab, site_url):
    tab.goto(site_url + "/2019/2/")
    trail = tab.locator(".gz-trail")
    assert " ".join(trail.inner_text().split()) == "首页 › 2019年 › 第2号"
    trail.get_by_role("link", name="2019年").click()
    tab.wait_for_url(site_url + "/2019/")
    tab.go_back()
    assert tab.locator(".gz-issue-nav").inner_text().split() == ["已是最早一期", "已是最新一期"]
    if tab.kind == "desktop":
        labels = tab.locator(".md-sidebar--secondary .md-nav__link").all_inner_texts()
        assert [label.strip() for label in labels] == ["本期目录", "刊头"]


def test_pages_carry_the_government_page_tags(tab, site_url):
    def tags(path):
        tab.goto(site_url + path)
        return tab.eval_on_selector_all("meta[name]", "ms => Object.fromEntries(ms.map(m => [m.name, m.content]))")

    document = tags(DEBT)
    assert document["SiteName"] == "三门峡市人民政府公报" and document["SiteIDCode"]
    assert document["ArticleTitle"] == "三门峡市人民政府关于印发三门峡市政府性债务管理办法的通知"
    assert document["PubDate"] == "2019-02-11" and document["Url"].endswith(DEBT)
    assert document["description"] == document["Description"] and document["description"].endswith("认真贯彻执行。")
    assert "ColumnName" not in document
    column = tags("/browse/types/")
    assert (column["ColumnName"], column["ColumnType"]) == ("按文种浏览", "政策文件")
    assert "ArticleTitle" not in column and column["SiteName"] == document["SiteName"]
    assert tags("/")["description"] != tags("/2019/2/sz-2018-30/")["description"]


def test_footer_names_the_publisher_and_leads_to_the_site_map(tab, site_url):
    tab.goto(site_url + "/")
    footer = tab.locator(".gz-footer")
    for label in ("主办单位", "联系电话", "网站标识码", "ICP备案号", "公安机关备案号"):
        assert label in footer.inner_text()
    assert footer.get_by_role("link", name="豫ICP备05000001号").get_attribute("href") == "https://beian.miit.gov.cn/"
    footer.get_by_role("link", name="网站地图").click()
    tab.wait_for_url(site_url + "/map/")
    assert tab.locator("h1").inner_text().rstrip("¶") == "网站地图"
    tab.get_by_role("link", name="第2号").click()
    tab.wait_for_url(site_url + "/2019/2/")


class _Pages(http.server.SimpleHTTPRequestHandler):
    """A static host like GitHub Pages: the site under ``prefix``; any other address gets 404.html."""

    prefix = "/"

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        inside = path.split("?", 1)[0].split("#", 1)[0]
        if not inside.startswith(self.prefix):
            return "/nonexistent"
        return super().translate_path("/" + inside[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(params=["/", "/gazette-repo/"], ids=["domain-root", "project-path"])
def pages_host(request, built_site):
    handler = type("Handler", (_Pages,), {"prefix": request.param, "site": built_site})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", request.param
    server.shutdown()
    server.server_close()


def test_404_is_chinese_styled_and_leads_home_at_the_root_and_under_a_project_path(browser, pages_host, artifacts):
    origin, prefix = pages_host
    for name, viewport in WIDTHS.items():
        context = browser.new_context(locale="zh-CN", viewport=viewport)
        page = context.new_page()
        failed = []
        page.on("response", lambda r: r.status >= 400 and "/no/such/" not in r.url and failed.append(r.url))
        response = page.goto(origin + prefix + "no/such/page/")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "页面未找到"
        header = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
        assert header == "rgb(155, 28, 28)"  # the site's stylesheet loaded
        assert page.locator("#gz-404-query").is_visible()
        page.screenshot(path=str(artifacts / f"gov-404-{name}-{prefix.strip('/') or 'root'}.png"))
        page.locator("#gz-404-query").fill("债务管理")
        page.locator("#gz-404-query").press("Enter")
        assert page.locator(".md-search__input").input_value() == "债务管理"
        page.keyboard.press("Escape")
        page.goto(origin + prefix + "no/such/page/")
        page.get_by_role("link", name="返回首页").click()
        page.wait_for_url(origin + prefix)
        assert page.locator("h1").inner_text().rstrip("¶") == "三门峡市人民政府公报"
        assert failed == [] or all(url.endswith("404.html") for url in failed)
        context.close()


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
@pytest.mark.parametrize("path", [DEBT, "/2019/2/", "/", "/map/", "/2019/2/szb-2018-44/"])
def test_axe_reports_no_serious_violation_in_normal_and_elder_mode(browser, site_url, axe_source, path, elder):
    for viewport in WIDTHS.values():
        context = browser.new_context(locale="zh-CN", viewport=viewport)
        page = context.new_page()
        if elder:
            page.add_init_script("localStorage.setItem('gz-elder', '1')")
        page.goto(site_url + path)
        assert (page.locator("html").get_attribute("data-gz-elder") is not None) == elder
        assert run_axe(page, axe_source) == []
        context.close()


def test_axe_reports_no_serious_violation_on_the_404_page(browser, pages_host, axe_source):
    origin, prefix = pages_host
    context = browser.new_context(locale="zh-CN", viewport=WIDTHS["desktop"])
    page = context.new_page()
    page.goto(origin + prefix + "missing/")
    assert run_axe(page, axe_source) == []
    context.close()


def test_screenshots_phone_and_desktop_normal_and_elder(browser, site_url, artifacts):
    for name, viewport in WIDTHS.items():
        for elder in (False, True):
            context = browser.new_context(locale="zh-CN", viewport=viewport)
            page = context.new_page()
            if elder:
                page.add_init_script("localStorage.setItem('gz-elder', '1')")
            for slug, path in (("sz-2018-34", DEBT), ("issue", "/2019/2/")):
                page.goto(site_url + path)
                mode = "elder" if elder else "normal"
                page.screenshot(path=str(artifacts / f"gov-{slug}-{name}-{mode}.png"))
            context.close()
