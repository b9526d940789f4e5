"""The taint test (issue 10, item 1): markup in every field of an issue stays text in every page of
the site and of the offline archive, and no script it carries runs, over http and from file://.

One issue, the sample, gets a different payload in each kind of field the model has: the cover
(issue title), 目录 sections, document titles and body text, 主送机关, 附件, 政策文件 of a 解读,
section and article headings, masthead values, signature. It is built once, online and offline.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import re
import threading
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from tests.browser_support import launched
from tests.repo_copy import fresh_copy, run_build

pytestmark = pytest.mark.build

PAYLOADS = {
    "title": "<img src=x onerror=__pwned=1>",
    "cover": "<script>__pwned=2</script>",
    "section": '"><svg onload=__pwned=3>',
    "addressees": "{: onclick=__pwned=4 }",
    "attachment": "[a](javascript:__pwned=5)",
    "source": "<iframe srcdoc=x onload=__pwned=6>",
    "heading": "<a href=javascript:__pwned=7>x</a>",
    "masthead": "' autofocus onfocus=__pwned=8 x='",
    "article": "<b onmouseover=__pwned=9>",
    "interpretation": "<style>*{display:none}</style>",
}
"""Field → markup put into it; each names ``__pwned`` so that a script it ran would show."""
LOOKALIKES = ('!!! danger "废止"', "=== 标签页", ": 定义列表", "| 甲 | 乙 |", "# 不是标题", "*不是强调*")
"""Body lines that look like Markdown or its extensions: the page shows them as they are (item 7)."""


def tainted(text: str) -> str:
    """The sample with a payload in each kind of field (the same edit in the 目录 and the text keeps them matched)."""
    edits = [
        (r"关于", "关于" + PAYLOADS["title"]),
        (r"(?m)^(三门峡市人民政府 公 报)$", r"\1" + PAYLOADS["cover"]),
        (r"(?m)^【市政府文件】$", "【市政府文件" + PAYLOADS["section"] + "】"),
        (r"(?m)人民政府各部门：$", "人民政府各部门" + PAYLOADS["addressees"] + "："),
        (r"(?m)^附件：", "附件：" + PAYLOADS["attachment"]),
        (r"(?m)^政策文件：", "政策文件：" + PAYLOADS["source"]),
        (r"(?m)^([一二三四五六七八九十]+、)", r"\1" + PAYLOADS["heading"]),
        (r"(?m)^(第[一二三四五六七八九十]+条) ", r"\1 " + PAYLOADS["article"]),
        (r"(?m)^(地 址:)", r"\1" + PAYLOADS["masthead"]),
        (r"》解读", PAYLOADS["interpretation"] + "》解读"),
        (r"(?m)^(集团董事会在市场化选聘高管过程中.*)$", r"\1\n\n" + "\n\n".join(LOOKALIKES)),
    ]
    for pattern, replacement in edits:
        text, count = re.subn(pattern, lambda found, r=replacement: found.expand(r), text)
        assert count, pattern
    return text


class _Elements(HTMLParser):
    """Every element and attribute of a page, as a browser's parser sees them, and its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcdoc")


def injected(html: str) -> tuple[list[str], str]:
    """What in ``html`` could run or change the page, and the page's text."""
    parsed = _Elements()
    parsed.feed(html)
    problems = []
    for tag, attrs in parsed.found:
        events = [name for name in attrs if name.startswith("on")]
        if events:
            problems.append(f"<{tag} {events}>")
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/json":
            problems.append("inline <script>")
        if tag in ("iframe", "style", "object", "embed", "base"):
            problems.append(f"<{tag}>")
        if tag == "img" and attrs.get("src") == "x":
            problems.append("<img src=x>")
        if any((attrs.get(name) or "").strip().lower().startswith("javascript:") for name in _URL_ATTRIBUTES):
            problems.append(f"<{tag}> with a javascript: URL")
        if "autofocus" in attrs:
            problems.append(f"<{tag} autofocus>")
    return problems, "".join(parsed.text)


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _policy(html: str) -> str:
    return re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    repo = fresh_copy(tmp_path_factory.mktemp("taint"))
    sample = repo / "gazettes" / "2019-02.txt"
    sample.write_text(tainted(sample.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_build(repo, "--offline")
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(next((repo / "dist").glob("*.zip"))) as archive:
        archive.extractall(repo / "unzipped")
    return repo


def _pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


@pytest.mark.parametrize("where", ["site", "unzipped"])
def test_no_page_holds_an_injected_element_or_attribute(built, where):
    pages = _pages(built / where)
    assert len(pages) > 20
    shown = ""
    for page in pages:
        html = page.read_text(encoding="utf-8")
        problems, text = injected(html)
        if page.name == "404.html":  # its own inline scripts, each allowed by its hash, none else
            assert all(_hash(body) in _policy(html) for body in re.findall(r"<script>(.*?)</script>", html, re.S))
            problems = [problem for problem in problems if problem != "inline <script>"]
        assert not problems, f"{page.relative_to(built)}: {problems}"
        shown += text
    for field, payload in PAYLOADS.items():
        # The cover line is page furniture: the title comes from gazette.yml, so it is not shown.
        assert (payload.strip() in shown) == (field != "cover"), f"the {field} payload is not shown as text"


def test_lines_that_look_like_markdown_show_as_printed_on_the_built_page(built):
    page = (built / "site" / "2019" / "2" / "sz-2018-33" / "index.html").read_text(encoding="utf-8")
    html = page[page.index("<article"):page.index("</article>")]
    _, text = injected(html)
    for line in LOOKALIKES:
        assert line in text
    assert not re.search(r"\\[!=:|#*]", text) and "&#" not in text and "&amp;" not in text
    for tag in ("<dl", "<table", 'class="admonition danger', "<em>"):
        assert tag not in html.split('class="gz-body"', 1)[1]


def test_every_page_forbids_inline_script(built):
    for page in _pages(built / "site") + _pages(built / "unzipped"):
        html = page.read_text(encoding="utf-8")
        script = re.search(r"script-src ([^;]+)", _policy(html)).group(1)
        assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
        assert ("'sha256-" in script) == (page.name == "404.html"), page
        assert html.index("Content-Security-Policy") < html.index("<script")


def test_the_feed_and_the_data_stay_well_formed(built):
    ET.fromstring((built / "site" / "feed.xml").read_bytes())
    assert PAYLOADS["title"] in (built / "site" / "data" / "documents.json").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def server(built):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built / "site"))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


PAGES = ("", "2019/2/", "2019/2/sz-2018-34/", "2019/2/sz-2018-34-jd/", "2019/2/sz-2018-32/", "issues/", "404.html")
OFFLINE_PAGES = ("index.html", "2019/2/index.html", "2019/2/sz-2018-34.html", "2019/2/sz-2018-34-jd.html",
                 "2019/2/sz-2018-32.html", "issues.html", "offline.html")


def _visit(browser, urls, search: bool) -> list[str]:
    """Open each URL (and search on the first); return what went wrong: scripts that ran, CSP violations."""
    context = browser.new_context(locale="zh-CN")
    context.set_default_timeout(15_000)
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.on("pageerror", lambda error: messages.append(f"page error: {error}"))
    problems = []
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        page.mouse.move(200, 300)
        if page.evaluate("typeof window.__pwned") != "undefined":
            problems.append(f"{url}: an injected script ran")
        if search and url == urls[0]:  # the search works under the policy and shows titles as text
            page.locator(".md-search__input").click()
            page.keyboard.type("onerror")
            page.keyboard.press("End")
            page.wait_for_selector(".md-search-result__item", timeout=30_000)
            if page.evaluate("typeof window.__pwned") != "undefined":
                problems.append(f"{url}: an injected script ran from the search results")
    context.close()
    problems += [text for text in messages if "Content Security Policy" in text or text.startswith("page error")]
    return problems


@pytest.mark.browser
def test_no_injected_script_runs_and_the_site_works_under_its_policy(built, server):
    folder = next((built / "unzipped").resolve().iterdir())
    with launched() as browser:
        online = _visit(browser, [server + path for path in PAGES], search=True)
        offline = _visit(browser, [(folder / path).as_uri() for path in OFFLINE_PAGES], search=True)
    assert online == []
    assert offline == []
