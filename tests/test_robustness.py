"""Broken and hostile input never breaks the archive (issue: robustness)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import pytest
import yaml
from conftest import ROOT, SAMPLE

from gazette.archive import build_archive
from gazette.cli import main
from gazette.build.convert import convert
from gazette.errors import ParseError
from gazette.parse.normalize import decode
from gazette.parse import parse_source
from gazette.site.markdown import document_meta, render_document

HOSTILE = (
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "*强调* **加粗** _斜体_",
    "# 不是标题",
    "[点击这里](javascript:alert(1))",
    "| 甲 | 乙 |",
    "{: .signature #evil }",
    "`代码` &amp; &lt;b&gt;",
    "- 不是列表",
    "> 不是引用",
    "1) 不是列表",
)


def _issue_text(body_lines: list[str], title: str = "三门峡市人民政府关于测试的通知") -> str:
    return "\n".join([
        "三门峡市人民政府 公 报", "", "目 录", "", "【市政府文件】", "", f"{title}\t1", "",
        "《三门峡市人民政府公报》", "编 委 会", "主 任：张三", "第 5 号(总第 160 号)",
        "出版日期:2019 年 5 月 11 日", "(内部资料免费赠阅)", "",
        title, "", "三政〔2019〕9号", "", "各县（市、区）人民政府：", "",
        *body_lines, "", "三门峡市人民政府", "", "2019年5月1日", "",
    ])


def _built_site(tmp_path: Path, text: str) -> Path:
    """Convert ``text`` as an issue and build it with the project's MkDocs configuration."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "overrides", "hooks"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.exists():
            shutil.copy(source, project / name)
    (project / "gazettes").mkdir()
    (project / "gazettes" / "2019-05.txt").write_text(text, encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin"}
    run = subprocess.run([sys.executable, "-m", "gazette", "convert"], cwd=project, capture_output=True, text=True,
                         env=env)
    assert run.returncode == 0, run.stderr
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=project,
                           capture_output=True, text=True, env=env)
    assert build.returncode == 0, build.stderr
    return project / "site"


class _Collector(HTMLParser):
    """Tags, attributes and text of an HTML fragment, as a browser's parser sees them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.build
def test_markup_in_the_text_is_shown_as_text_in_the_built_html(tmp_path):
    site = _built_site(tmp_path, _issue_text(list(HOSTILE)))
    page = (site / "2019" / "5" / "sz-2019-9" / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article"): page.index("</article>")]
    collected = _Collector()
    collected.feed(article)
    assert not {"script", "img", "em", "strong", "blockquote", "code", "ul", "table"} & set(collected.tags)
    assert not [name for name, _ in collected.attributes if name.startswith("on")]
    assert not [value for name, value in collected.attributes if value and "javascript:" in value]
    assert "evil" not in [value for name, value in collected.attributes if name == "id"]
    visible = "\n".join(collected.text)
    for line in HOSTILE:
        assert line in visible, line


@pytest.mark.parametrize("title", [
    "关于: 冒号的通知", '关于"引号"和\'单引号\'的通知', "关于 #井号 的通知", "- 以横线开头的通知",
    "关于《某办法》: [2019] {x} 的通知", "null", "yes", "2019-01-01",
])
def test_front_matter_keeps_exact_values(title):
    gazette = parse_source(decode("x.txt", f"{title}\n\n三政〔2019〕9号\n\n各单位：\n\n正文。\n".encode()))
    document = gazette.documents[0]
    page = render_document(document, None)
    loaded = frontmatter.loads(page).metadata
    assert loaded["title"] == document.title
    meta = document_meta(document, None)
    assert yaml.safe_load(page.split("---\n")[1]) == meta


def test_the_same_number_twice_in_an_issue_warns_with_both_places_and_keeps_both_pages(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8").replace("三政〔2018〕30号", "三政〔2018〕29号")
    path = tmp_path / "2019-02.txt"
    path.write_text(text, encoding="utf-8")
    conversion = convert([str(path)])
    gazette = conversion.archive.gazettes[0]
    duplicates = [w for w in gazette.warnings if w.kind == "duplicate-number"]
    assert len(duplicates) == 1
    assert "第 115 行" in duplicates[0].message and "第 129 行" in duplicates[0].message
    assert [d.slug for d in gazette.documents[:2]] == ["sz-2018-29", "sz-2018-29-2"]
    assert "2019/2/sz-2018-29.md" in conversion.files and "2019/2/sz-2018-29-2.md" in conversion.files


def test_the_same_number_in_two_issues_warns_and_both_stay_reachable(tmp_path):
    first = tmp_path / "2019-02.txt"
    shutil.copy(SAMPLE, first)
    second = tmp_path / "2019-03.txt"
    second.write_text(SAMPLE.read_text(encoding="utf-8").replace("第 2 号(总第 157 号)", "第 3 号(总第 158 号)"),
                      encoding="utf-8")
    conversion = convert([str(first), str(second)])
    warnings = [w for w in conversion.archive.warnings if w.kind == "duplicate-number"]
    assert len(warnings) == 10
    assert str(first) in warnings[0].message and warnings[0].file == str(second)
    assert "2019/2/sz-2018-29.md" in conversion.files and "2019/3/sz-2018-29.md" in conversion.files


def test_a_three_million_character_line_parses_in_seconds():
    line = ("政府债务风险防控，" * 333_334)[:3_000_000]
    text = f"关于长文本的通知\n\n三政〔2019〕1号\n\n各单位：\n\n{line}\n\n三门峡市人民政府\n2019年1月1日\n"
    start = time.perf_counter()
    gazette = parse_source(decode("long.txt", text.encode()))
    page = render_document(build_archive([gazette]).gazettes[0].documents[0], None)
    elapsed = time.perf_counter() - start
    assert elapsed < 20, elapsed
    assert len(page) > 3_000_000


def test_nul_bytes_are_refused_with_the_line():
    with pytest.raises(ParseError) as error:
        decode("x.txt", "标题\n正文\x00正文\n".encode())
    assert error.value.message == "x.txt:2: 含二进制数据（NUL 字节），不是文本"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_the_four_readable_encodings(encoding):
    source = decode("x.txt", "三门峡市人民政府关于测试的通知\n".encode(encoding))
    assert source.lines[0].text == "三门峡市人民政府关于测试的通知"


@pytest.mark.parametrize("encoding", ["big5", "shift_jis", "utf-16-le", "utf-32", "euc-kr"])
def test_other_encodings_are_refused(encoding):
    text = "三門峽市人民政府關於測試的通知。這是一段用來檢查編碼識別的較長文字，包含足夠多的漢字以便判斷。" * 3
    with pytest.raises(ParseError) as error:
        decode("x.txt", text.encode(encoding, errors="replace"))
    assert error.value.file == "x.txt"


@pytest.mark.build
def test_a_failed_build_keeps_the_previous_site(tmp_path, monkeypatch):
    from gazette.build import pipeline as build_module

    monkeypatch.chdir(tmp_path)
    (tmp_path / "gazettes").mkdir()
    shutil.copy(SAMPLE, tmp_path / "gazettes" / "2019-02.txt")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("previous good site")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [no-such-plugin]\n")
    assert main(["build"]) == 1
    assert (tmp_path / "site" / "index.html").read_text() == "previous good site"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site")]
    del build_module
