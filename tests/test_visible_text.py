"""Source lines that look like Markdown or its extensions render as the same visible text (issue 10, item 7)."""

from __future__ import annotations

import functools
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from conftest import ROOT

from gazette.model import Issue
from gazette.model_masthead import ImprintField, Masthead
from gazette.parse import parse_source
from gazette.parse.normalize import decode
from gazette.site.markdown import render_document
from gazette.site.pages import masthead_markdown

LOOKALIKES = (
    '!!! danger "废止"',
    "!!! note",
    "===",
    "=== 标签页",
    "---",
    "***",
    "___",
    ": 定义列表的说明",
    ":   另一种定义",
    "| 甲 | 乙 |",
    "|---|---|",
    "# 不是标题",
    "## 也不是",
    "*强调* **加粗** _斜体_ __粗__",
    "<b>粗体</b> &amp; &lt;",
    "<div markdown>块</div>",
    "{: .signature #evil }",
    "文字 {: #id }",
    "[链接](javascript:alert(1))",
    "![图](x.png)",
    "`代码`",
    "```",
    "~~~",
    "- 不是列表",
    "+ 也不是",
    "* 还不是",
    "> 不是引用",
    "<http://example.com>",
    "反斜杠\\结尾\\",
    "\\*不是转义\\*",
    "[^1]: 不是脚注",
    "*[HTML]: 不是缩写",
    "?? 问号",
    "+++ 加号",
    "&#61; 不是实体 &#x41;",
)


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's ``!!python/name`` tags as plain values."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def _extensions():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    names, settings = [], {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            (name, options), = item.items()
            names.append(name)
            settings[name] = options or {}
        else:
            names.append(item)
    return names, settings


@functools.lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    names, options = _extensions()
    return markdown.Markdown(extensions=names, extension_configs=options)


def _html(text: str) -> str:
    """``text`` rendered as the site renders it; the title heading (with its permalink) left out."""
    html = _markdown().reset().convert(text)
    return html.split("</h1>", 1)[-1]


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.lines: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.lines.append(data)


def _visible(html: str) -> _Text:
    parsed = _Text()
    parsed.feed(html)
    return parsed


def _document(lines) -> str:
    body = "\n\n".join(lines)
    text = f"三门峡市人民政府关于测试的通知\n\n三政〔2019〕9号\n\n各单位：\n\n{body}\n\n三门峡市人民政府\n\n2019年5月1日\n"
    gazette = parse_source(decode("x.txt", text.encode()))
    return render_document(gazette.documents[0], None)


@pytest.mark.parametrize("line", LOOKALIKES)
def test_a_line_that_looks_like_markup_shows_as_the_same_text(line):
    page = _document(["正文第一段。", line, "正文第二段。"])
    rendered = _visible(_html(page.split("---\n", 2)[2]))
    # A line without closing punctuation is joined to the next one (a line broken by extraction).
    assert line in "".join(rendered.lines), page
    assert not {"div", "dl", "table", "h1", "h2", "em", "strong", "code", "pre", "ul", "ol", "blockquote",
                "hr", "img", "a", "b", "sup", "abbr"} & set(rendered.tags)


def test_lines_that_look_like_markup_inside_one_paragraph_stay_one_paragraph():
    page = _document(["甲乙丙丁戊己庚辛壬癸，\n" + "\n".join(LOOKALIKES) + "\n结束。"])
    rendered = _visible(_html(page.split("---\n", 2)[2]))
    visible = "".join(rendered.lines)
    for line in LOOKALIKES:
        assert line in visible
    assert "\\" not in visible.replace("反斜杠\\结尾\\", "").replace("\\*不是转义\\*", "")
    assert set(rendered.tags) <= {"p", "br", "span"}  # span: the 文号 line kept on one line (.gz-nw)


def test_a_bar_in_the_masthead_is_shown_once_without_a_backslash():
    printed = {"主办": "三门峡市 | 人民政府", "地址": "=== 大道 1 号", "电话": ": 0398"}
    masthead = Masthead(imprint=tuple(ImprintField(*item) for item in printed.items()), order=tuple(printed))
    html = _html("\n".join(masthead_markdown(type("G", (), {"masthead": masthead, "issue": Issue(2019, 2, None, None, "公报")})())))
    rendered = _visible(html)
    cells = [piece for piece in rendered.lines if piece.strip()]
    # Shown with the print edition's space around the number closed up (gazette.site.display).
    assert "三门峡市 | 人民政府" in cells and "=== 大道1号" in cells and ": 0398" in cells
    assert not any("\\" in cell or "&" in cell for cell in cells)


# --- compact_html keeps what the regular expression it replaced gave, in linear time ------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from gazette.site.compact_html import compact_html  # noqa: E402


@given(st.text(alphabet=" \t\n\r\x0b\x0c\u3000\u00a0ab<>", max_size=40))
def test_compact_html_removes_the_same_spaces_as_before(html):
    import re

    assert compact_html(html) == re.sub(r"[ \t]*\n\s*", "\n", html)


# --- any line: what Markdown shows is the line itself ---------------------------------------------

from hypothesis import settings  # noqa: E402

from gazette.site.markdown import escape  # noqa: E402

_MARKUP = "\\`*_[]{}()#+-.!|=:<>&;\"' ~^@$%/1234567890甲乙"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_MARKUP, min_size=1, max_size=30).map(str.strip).filter(bool))
def test_any_line_of_markup_characters_renders_as_itself(line):
    rendered = _visible(_html("# 标题\n\n" + escape(line) + "\n"))
    assert "".join(rendered.lines).strip() == line
    assert set(rendered.tags) == {"p"}, rendered.tags
