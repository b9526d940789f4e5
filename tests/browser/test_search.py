"""Search finds what Ctrl+F finds: a query set drawn from the sample's pages, run in Chromium over http and
from file:// (the offline archive), against the documents whose folded text contains every term.

The expected documents are computed here from the built HTML pages (the title and the blocks of the body:
paragraphs, headings, list entries, table cells), folded by this module's own ``fold``, not from the index.
"""

from __future__ import annotations

import random
from contextlib import contextmanager
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th"}


def fold(text: str) -> str:
    """NFKC, 〔〕 as [], ASCII letters in lower case, no white space (the issue's definition)."""
    text = unicodedata.normalize("NFKC", text).replace("〔", "[").replace("〕", "]")
    text = re.sub(r"[A-Z]", lambda m: m.group(0).lower(), text)
    return re.sub(r"[\s\u200b-\u200d\u2060\ufeff\u00ad]", "", text)


class _Page(HTMLParser):
    """The title and the body blocks of a document page, with the blocks that are table cells or list entries."""

    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self.names: list[str] = []
        self.number = ""
        self.open: list[tuple[str, list[str], bool]] = []
        self.body_depth = 0
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if self.body_depth and tag == "div":
            self.body_depth += 1
        elif tag == "div" and "gz-body" in classes:
            self.body_depth = 1
        if tag == "a" and "headerlink" in classes:
            self.skip += 1
        if tag in BLOCKS and (self.body_depth or (tag == "h1" and not self.blocks)):
            self.open.append((tag, [], "doc-number" in classes))

    def handle_endtag(self, tag):
        if tag == "a" and self.skip:
            self.skip -= 1
        if self.body_depth and tag == "div":
            self.body_depth -= 1
        if self.open and self.open[-1][0] == tag:
            name, parts, number = self.open.pop()
            text = "".join(parts)
            self.blocks.append(text)
            if name in ("td", "li"):
                self.names.append(text)
            if number:
                self.number = text

    def handle_data(self, data):
        if self.open and not self.skip:
            self.open[-1][1].append(data)


def _pages(site: Path) -> dict[str, _Page]:
    pages = {}
    for path in sorted(site.glob("[0-9]*/*/*/index.html")):
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.parent.relative_to(site).as_posix()] = parser
    return pages


def expected(pages: dict[str, _Page], query: str) -> set[str]:
    terms = [fold(word) for word in query.split() if fold(word)]
    return {path for path, page in pages.items()
            if all(any(term in fold(block) for block in page.blocks) for term in terms)}


WORDS = ["挂牌", "挂牌企业", "挤占", "限额", "扰民", "武当壬九门武术", "本级", "干部", "园区", "团有限公司",
         "债务管理", "非物质文化遗产", "装配式建筑", "交通运输", "预公开", "政务公开", "的", "市", "2018年",
         "〔2017〕", "[2017]", "（一）", "(一)", "ＰＰＰ", "ppp", "量子纠缠", "三政〔2018〕99号"]


def query_set(pages: dict[str, _Page]) -> tuple[list[str], dict[str, str]]:
    """Queries, and the document each known item (title, 文号 form, table name) must put first."""
    rng = random.Random(12)
    queries, first = list(WORDS), {}
    for path, page in pages.items():
        first[page.blocks[0]] = path
        if page.number:
            full = page.number
            compact = re.sub(r"\s", "", full)
            forms = [full, compact, compact[:-1], compact.replace("〔", "[").replace("〕", "]"),
                     compact.translate(str.maketrans("0123456789〔〕", "０１２３４５６７８９［］")),
                     compact.replace("号", " 号")]
            first.update({form: path for form in forms})
        for name in rng.sample(page.names, min(4, len(page.names))):
            if len(fold(name)) >= 4 and sum(fold(name) in fold(n) for p in pages.values() for n in p.names) == 1:
                first[name] = path
            part = name[len(name) // 4:len(name) // 4 + max(4, len(name) // 2)]
            if len(fold(part)) >= 4 and [p for p in pages.values() if any(fold(part) in fold(n) for n in p.names)] \
                    == [page] and not any(fold(part) in fold(other.blocks[0]) for other in pages.values()):
                first[part] = path  # a good part of a name: its table's document first
    queries += first
    texts = [block for page in pages.values() for block in page.blocks if len(block) >= 2]
    for _ in range(170):
        text = rng.choice(texts)
        size = rng.randint(2, min(10, len(text)))
        start = rng.randint(0, len(text) - size)
        queries.append(text[start:start + size])
    paths = list(pages)
    for _ in range(40):
        blocks = pages[rng.choice(paths)].blocks if rng.random() < 0.7 else texts
        words = []
        for text in rng.sample(blocks, 2):
            size = min(len(text), rng.randint(2, 5))
            start = rng.randint(0, len(text) - size)
            words.append(text[start:start + size])
        queries.append(" ".join(words))
    return [q for q in dict.fromkeys(queries) if q.strip()], first


@pytest.fixture(scope="module")
def pages(built_site):
    return _pages(built_site)


RUN = """async queries => {
    const out = {};
    for (const q of queries) {
        const found = await gzSearch.search(q);
        const page = await found.next(100000);
        out[q] = {paths: page.map(r => r.meta[0]), total: found.total, exact: found.exact,
                  anchors: page.map(r => r.anchor), excerpts: page.map(r => r.excerpt.text)};
    }
    return out;
}"""


def _check(results: dict, pages: dict[str, _Page], first: dict[str, str]) -> None:
    wrong = {}
    for query, got in results.items():
        want = expected(pages, query)
        if set(got["paths"]) != want or len(got["paths"]) != len(want) or got["total"] != len(want):
            wrong[query] = {"missing": sorted(want - set(got["paths"])), "extra": sorted(set(got["paths"]) - want),
                            "total": got["total"]}
        elif query in first and got["paths"][0] != first[query]:
            wrong[query] = {"first": got["paths"][0], "expected first": first[query]}
    assert not wrong, wrong


@pytest.mark.parametrize("where", ["http", "file"])
def test_query_set_has_full_recall_and_precision_and_known_items_first(page, site_url, offline_site, pages, where):
    queries, first = query_set(pages)
    assert len(queries) >= 250 and len(first) >= 60
    page.goto(site_url + "/" if where == "http" else (offline_site / "index.html").as_uri())
    results = page.evaluate(RUN, queries)
    _check(results, pages, first)
    if where == "file":
        assert all(url.startswith(("file:", "data:")) for url in page.requests), page.requests[:5]


def test_a_hit_inside_an_article_links_to_it_with_the_sentence_around_the_match(page, site_url):
    page.goto(site_url + "/")
    results = page.evaluate(RUN, ["本级政府性债务", "限额"])
    hit = results["本级政府性债务"]
    at = hit["paths"].index("2019/2/sz-2018-34")
    assert hit["anchors"][at] == "art-6"
    assert hit["excerpts"][at] == "各级人民政府是本级政府性债务管理的责任主体，"
    assert all(text.count("限额") or "限额" in fold(text) for text in results["限额"]["excerpts"])


def _results(page) -> list[str]:
    page.wait_for_function("() => /结果/.test(document.querySelector('.md-search-result__meta').textContent)")
    return page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.getAttribute('href'))")


def _type(page, query: str) -> None:
    box = page.locator(".md-search__input")
    box.fill("")
    page.keyboard.type(query)


def test_keys_open_the_box_walk_the_results_and_enter_lands_on_the_article(page, site_url):
    page.goto(site_url + "/2019/2/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("本级政府性债务")
    hrefs = _results(page)
    assert any(href.endswith("/2019/2/sz-2018-34/#art-6") for href in hrefs), hrefs
    assert page.locator(".md-search-result mark").first.inner_text() == "本级政府性债务"
    facts = page.locator(".gz-search-facts").all_inner_texts()
    assert any("三政〔2018〕34号" in f and "成文日期 2018年12月17日" in f and "2019年第2号" in f and "通知" in f for f in facts)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    page.keyboard.press("s")
    _type(page, "三政〔2018〕34")
    _results(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + "/2019/2/sz-2018-34/"


def _show_more(page) -> None:
    """Press 显示更多 (the first page shows FIRST results) and wait for the next page under it."""
    shown = page.locator(".md-search-result__link").count()
    page.evaluate("() => { const more = document.querySelector('.gz-search-more'); if (more) more.click(); }")
    page.wait_for_function("n => document.querySelectorAll('.md-search-result__link').length > n", arg=shown)


def test_a_short_result_set_is_listed_whole(page, site_url):
    page.goto(site_url + "/")
    page.locator(".md-search__input").click()
    _type(page, "人民政府")
    assert len(_results(page)) == page.evaluate("gzSearch.search('人民政府').then(found => found.total)") > 5
    assert page.locator(".gz-search-more").count() == 0


def test_the_first_page_is_short_and_more_results_come_by_button_or_by_scrolling(page, site_url):
    page.goto(site_url + "/")
    page.evaluate("gzSearch.pages.whole = 0; gzSearch.pages.more = 2")  # the sample is too small for pages
    page.locator(".md-search__input").click()
    _type(page, "人民政府")
    first = _results(page)
    assert len(first) == page.evaluate("gzSearch.FIRST") and page.locator(".gz-search-more").count() == 1
    page.locator(".gz-search-more").scroll_into_view_if_needed()  # the end of the list in view: the next page
    page.wait_for_function("n => document.querySelectorAll('.md-search-result__link').length > n", arg=len(first))
    _type(page, "管理")
    first = _results(page)
    _show_more(page)
    assert len(_results(page)) > len(first)


@contextmanager
def _rerun(page):
    """Wait until the list shows the query run by what the block does (a filter, the order)."""
    done = page.get_attribute(".md-search-result", "data-gz-done")
    yield
    page.wait_for_function("done => document.querySelector('.md-search-result').getAttribute('data-gz-done') !== done",
                           arg=done)


def test_filters_narrow_the_results_and_date_order_puts_the_newest_first(page, site_url):
    page.goto(site_url + "/")
    page.evaluate("gzSearch.pages.whole = 0")  # pages, as a larger archive shows them
    page.locator(".md-search__input").click()
    _type(page, "管理")
    everything = _results(page)
    with _rerun(page):
        page.locator("[data-gz-filter=type]").select_option(label="决定（2）")
    decisions = _results(page)
    assert 0 < len(decisions) < len(everything)
    assert decisions and all("决定" in f for f in page.locator(".gz-search-facts").all_inner_texts())
    page.locator("[data-gz-filter=type]").select_option(value="")
    with _rerun(page):
        page.locator("[data-gz-sort]").select_option(value="date")
    assert len(_results(page)) == len(everything)
    _show_more(page)
    found = [re.search(r"成文日期 (\d{4})年(\d{1,2})月(\d{1,2})日", f) for f in page.locator(".gz-search-facts").all_inner_texts()]
    dated = [tuple(int(part) for part in match.groups()) for match in found if match]
    assert len(dated) > 5 and dated == sorted(dated, reverse=True)


def test_the_offline_archive_searches_from_disk_and_lands_on_the_html_page(page, offline_site):
    page.goto((offline_site / "index.html").as_uri())
    page.locator(".md-search__input").click()
    page.keyboard.type("本级政府性债务")
    hrefs = _results(page)
    target = next(href for href in hrefs if "sz-2018-34.html#art-6" in href)
    with page.expect_navigation():
        page.locator(f'.md-search-result__link[href="{target}"]').click()
    assert page.url.startswith("file://") and page.url.endswith("/2019/2/sz-2018-34.html#art-6")
    assert page.locator("#art-6").is_visible()


def test_opening_the_search_box_warms_the_engine_on_the_tiny_index_and_finds_what_it_holds(page, site_url):
    from gazette.build.search_warm import DOCUMENTS, QUERIES, _document
    from gazette.site.search_fold import query_terms
    from gazette.site.search_text import body_blocks, head_blocks

    documents = [_document(n) for n in range(1, DOCUMENTS + 1)]
    texts = [[fold(block.text) for block in [*head_blocks(d), *body_blocks(d)]] for d in documents]
    want = [sum(all(any(term in text for text in blocks) for term in query_terms(query)) for blocks in texts)
            for query in QUERIES]
    assert min(want) >= 1 and max(want) == DOCUMENTS
    page.goto(site_url + "/")
    page.evaluate("gzSearch.head()")
    assert page.evaluate("gzSearch.warmed()") == want


def test_search_works_without_the_warm_up_index(page, site_url, pages):
    page.route("**/search/warm.js", lambda route: route.abort())
    page.goto(site_url + "/")
    page.evaluate("gzSearch.head()")
    assert page.evaluate("gzSearch.warmed()") is None
    assert page.evaluate("gzSearch.search('本级政府性债务').then(found => found.total)") == len(expected(pages, "本级政府性债务"))
