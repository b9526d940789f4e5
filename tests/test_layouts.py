"""The sample issue in other gazettes' layouts parses into the sample's documents, word for word.

The variants (tests/layout_variants.py) add running headers and page numbers in several
styles, reshape the 目录, renumber the issue by 期 or as a combined issue, rename sections,
retitle the 解读 and replace the masthead by an imprint; the documents, their fields and
their text must stay those of the reviewed golden model, and no character may be lost.
"""

from __future__ import annotations

import json

import pytest
from layout_variants import (
    SECTION_NAMES,
    STYLES,
    golden,
    imprint_cover,
    paginate,
    renumber,
    rename_sections,
    reshape_toc,
    retitle_interpretations,
)

from gazette.archive import build_archive
from gazette.build.convert import convert
from gazette.parse import parse_file

_POSITIONAL = {"line", "end_line", "title_lines", "toc_line", "url"}


def _view(value):
    """A document without source positions and URLs: what a layout change must not change."""
    if isinstance(value, dict):
        return {key: _view(item) for key, item in value.items() if key not in _POSITIONAL}
    if isinstance(value, list):
        return [_view(item) for item in value]
    return value


def _parse(tmp_path, text: str, name: str = "2019-02.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    gazette = build_archive([parse_file(str(path))]).gazettes[0]
    return str(path), gazette


def _expected(sections: dict | None = None, retitled: bool = False) -> list[dict]:
    text = json.dumps(golden()["documents"], ensure_ascii=False)
    if retitled:
        text = text.replace('"text": "政策文件：', '"text": "解读文件：')
    documents = [_view(document) for document in json.loads(text)]
    for document in documents:
        if sections:
            document["section"] = sections.get(document["section"], document["section"])
        if retitled and document["type"] == "解读":
            document["title"] = _retitled(document["title"])
        for item in document["interpretations"] if retitled else ():
            item["title"] = _retitled(item["title"])
    return documents


def _retitled(title: str) -> str:
    return "关于" + title[:-2] + "的政策解读"


def _assert_same_documents(gazette, expected) -> None:
    actual = [_view(document.to_dict()) for document in gazette.documents]
    assert [d["title"] for d in actual] == [d["title"] for d in expected]
    for got, want in zip(actual, expected):
        if got != want:  # compare field by field for a readable failure
            for key in want:
                assert got[key] == want[key], (want["title"], key)
            assert got == want


def _assert_complete(path: str) -> None:
    coverage = convert([path]).coverage[path]
    assert coverage.complete, coverage.summary()


@pytest.mark.parametrize("style", sorted(STYLES))
def test_page_furniture_in_any_style_is_removed_and_the_documents_stay_the_samples(tmp_path, style):
    path, gazette = _parse(tmp_path, paginate(style))
    _assert_same_documents(gazette, _expected())
    text = "\n".join(str(document.to_dict()["body"]) for document in gazette.documents)
    assert "2019年第2号" not in text and "—1" not in text and "· 1" not in text
    if style != "column-break":
        assert len(gazette.furniture) > 40
        assert {2, 3, 4, 50} <= {item.page for item in gazette.furniture}
    kinds = {warning.kind for warning in gazette.warnings}
    assert "toc-page-number" not in kinds and "toc-unlisted" not in kinds and "toc-count" not in kinds
    _assert_complete(path)


def test_removed_furniture_is_counted_as_removed_and_listed_in_the_report(tmp_path):
    path, gazette = _parse(tmp_path, paginate("dash-foot"))
    conversion = convert([path])
    coverage = conversion.coverage[path]
    assert coverage.complete and coverage.removed > 100
    report = next(text for name, text in conversion.reports.items() if name.endswith("2019-02.md"))
    assert "## 删除的页眉页码" in report
    assert "- 页码：" in report and "「—1—」" in report
    assert "- 页眉（栏目名）：" in report and "「市政府文件」" in report
    assert f"版面元素 {coverage.removed} 字按删除计" in report


@pytest.mark.parametrize("shape", ["wrapped-leaders", "dots-with-number", "number-on-second-line", "spaces"])
def test_toc_in_other_shapes_finds_every_document(tmp_path, shape):
    path, gazette = _parse(tmp_path, reshape_toc(shape))
    assert len(gazette.toc) == 14
    assert [entry.page for entry in gazette.toc] == [entry["page"] for entry in golden()["toc"]]
    _assert_same_documents(gazette, _expected())
    assert "toc-missing" not in {warning.kind for warning in gazette.warnings}
    _assert_complete(path)


@pytest.mark.parametrize("label, name, printed", [
    ("2019年第5期（总第1013期）", "2019-05.txt", "2019年第5期（总第1013期）"),
    ("2019年第5、6期（总第1013期）", "2019-05.txt", "2019年第5、6期（总第1013期）"),
    ("2019年第5、6期（总第1013期）", "2019-06.txt", "2019年第5、6期（总第1013期）"),
    ("第 5 期(总第 1013 期)", "2019-05.txt", "2019年第5期（总第1013期）"),
])
def test_issue_numbered_by_qi_or_combined_keeps_its_documents(tmp_path, label, name, printed):
    path, gazette = _parse(tmp_path, renumber(reshape_toc("spaces"), label), name)
    assert (gazette.issue.year, gazette.issue.no, gazette.issue.total) == (2019, 5, 1013)
    assert gazette.issue.label == printed
    assert str(gazette.issue.date) == "2019-02-11"
    assert "issue-name" not in {warning.kind for warning in gazette.warnings}
    _assert_same_documents(gazette, _expected())


def test_a_file_name_that_disagrees_with_the_printed_number_is_a_warning(tmp_path):
    _, gazette = _parse(tmp_path, renumber(SAMPLE_TEXT(), "2019年第5期（总第1013期）"), "2019-07.txt")
    warning = next(w for w in gazette.warnings if w.kind == "issue-name")
    assert warning.message == "文件名为 2019-07.txt，正文印的是 2019年第5期（号）"
    assert gazette.issue.no == 5


def SAMPLE_TEXT() -> str:
    from conftest import SAMPLE

    return SAMPLE.read_text(encoding="utf-8")


def test_renamed_sections_and_retitled_interpretations_keep_their_documents(tmp_path):
    text = retitle_interpretations(rename_sections(paginate("inside-head")))
    path, gazette = _parse(tmp_path, text)
    _assert_same_documents(gazette, _expected(SECTION_NAMES, retitled=True))
    _assert_complete(path)


def test_cover_and_imprint_without_editorial_board_give_the_issue_facts(tmp_path):
    cover = ["三门峡市人民政府公报", "", "2019年第5期", "", "（总第1013期）", "", "2019年2月11日", ""]
    text = imprint_cover(reshape_toc("wrapped-leaders", paginate("dot-head")), cover)
    path, gazette = _parse(tmp_path, text, "2019-05.txt")
    issue = gazette.issue
    assert (issue.year, issue.no, issue.total, str(issue.date), issue.title) == (2019, 5, 1013, "2019-02-11", "三门峡市人民政府公报")
    assert gazette.masthead.field("主办") == "三门峡市人民政府办公室"
    _assert_same_documents(gazette, _expected())
    _assert_complete(path)


def test_a_bare_date_under_the_cover_is_the_issue_date(tmp_path):
    cover = ["三门峡市人民政府公报", "2019年第5期（总第1013期）", "2019年2月1日", ""]
    text = SAMPLE_TEXT().replace("出版日期:2019 年 2 月 11 日", "")
    lines = text.split("\n")
    lines[:lines.index("目 录")] = cover
    _, gazette = _parse(tmp_path, "\n".join(lines), "2019-05.txt")
    assert str(gazette.issue.date) == "2019-02-01"


def test_section_headings_printed_in_the_body_are_furniture_not_text(tmp_path):
    lines = SAMPLE_TEXT().split("\n")
    first = golden()["documents"][0]["line"] - 1
    interpretation = golden()["documents"][10]["line"] - 1
    lines[interpretation:interpretation] = ["【政策解读】", ""]
    lines[first:first] = ["【市政府文件】", ""]
    path, gazette = _parse(tmp_path, "\n".join(lines))
    assert [(item.line, item.category) for item in gazette.furniture] == [(first + 1, "section-header"),
                                                                          (interpretation + 3, "section-header")]
    _assert_same_documents(gazette, _expected())
    _assert_complete(path)


def test_a_toc_page_that_disagrees_with_the_printed_page_is_a_warning(tmp_path):
    text = paginate("dash-foot").replace("三门峡市人民政府关于公布三门峡市第三批市级历史建筑的通知\t4",
                                         "三门峡市人民政府关于公布三门峡市第三批市级历史建筑的通知\t6")
    _, gazette = _parse(tmp_path, text)
    found = [(w.kind, w.line, w.message) for w in gazette.warnings if w.kind == "toc-page-number"]
    assert found == [("toc-page-number", 13, "目录页码为 6，正文「三门峡市人民政府关于公布三门峡市第三批市级历史建筑的通知」印在第 4 页")]


def test_a_cover_line_shaped_like_a_running_header_still_gives_the_issue_facts(tmp_path):
    lines = paginate("dot-head").replace("第 2 号(总第 157 号)", "").split("\n")
    lines[:lines.index("目 录")] = ["三门峡市人民政府公报 2019年第2号（总第157号）", ""]
    path, gazette = _parse(tmp_path, "\n".join(lines))
    assert (gazette.issue.no, gazette.issue.total, gazette.issue.title) == (2, 157, "三门峡市人民政府公报")
    _assert_same_documents(gazette, _expected())


def test_headers_on_the_toc_pages_are_removed_and_do_not_number_the_documents(tmp_path):
    lines = SAMPLE_TEXT().split("\n")
    lines[12:12] = ["", "三门峡市人民政府公报　2019年第2号　　—2—", ""]
    lines[3:3] = ["三门峡市人民政府公报　2019年第2号　　—1—", ""]
    path, gazette = _parse(tmp_path, "\n".join(lines))
    assert [(item.line, item.page) for item in gazette.furniture] == [(4, 1), (16, 2)]
    assert len(gazette.toc) == 14 and "toc-page-number" not in {w.kind for w in gazette.warnings}
    _assert_same_documents(gazette, _expected())


def test_a_page_turn_inside_a_title_or_between_title_and_number_changes_nothing(tmp_path):
    lines = SAMPLE_TEXT().split("\n")
    turn = ["", "—3—", "", "三门峡市人民政府公报　2019年第2号", ""]
    assert lines[161] == "三门峡市人民政府" and lines[163].startswith("关于公布三门峡市第三批")
    lines[162:163] = turn  # between the two lines of a title
    position = lines.index("三政〔2018〕33号")
    lines[position - 1:position] = turn  # between a title and its 文号
    path, gazette = _parse(tmp_path, "\n".join(lines))
    _assert_same_documents(gazette, _expected())
    _assert_complete(path)


def test_a_masthead_printed_before_the_toc_is_still_the_masthead(tmp_path):
    lines = SAMPLE_TEXT().split("\n")
    start, end = lines.index("《三门峡市人民政府公报》"), lines.index("(内部资料免费赠阅)") + 1
    masthead, rest = lines[start:end], lines[:start] + lines[end:]
    cover = rest.index("三门峡市人民政府 公 报") + 1
    path, gazette = _parse(tmp_path, "\n".join(rest[:cover] + [""] + masthead + [""] + rest[cover:]))
    assert gazette.masthead.to_dict() == golden()["masthead"] and gazette.issue.total == 157
    _assert_same_documents(gazette, _expected())
