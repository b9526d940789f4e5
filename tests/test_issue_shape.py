"""Text that does not fit an issue's shape is reported with line numbers, never merged silently.

Built from the sample: without its 目录 line, with a 目录 in another order, with a document
after the last 解读, with a 目录 entry missing, and with a second issue pasted after the first.
"""

from __future__ import annotations

import pytest
from conftest import SAMPLE

from gazette.errors import ParseError
from gazette.parse import parse_file

SLUGS = ["sz-2018-29", "sz-2018-30", "sz-2018-32", "sz-2018-33", "sz-2018-34", "szb-2018-41", "szb-2018-42",
         "szb-2018-43", "szb-2018-44", "szb-2018-45", "sz-2018-34-jd", "szb-2018-40-jd", "szb-2018-41-jd",
         "szb-2018-42-jd"]
EXTRA = """
三门峡市人民政府关于加强冬春季森林防火工作的通知

三政〔2018〕50号

各县（市、区）人民政府：

冬春季是森林火灾易发期，各地要加强巡查，严防森林火灾发生。

三门峡市人民政府

2018年12月20日
"""


def _lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").split("\n")


def _parse(tmp_path, lines: list[str]):
    path = tmp_path / "2019-02.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return parse_file(str(path))


def _shape_warnings(gazette) -> list[tuple[str, int]]:
    shape = {"toc-absent", "toc-order", "toc-unlisted", "toc-count", "toc-missing"}
    return [(w.kind, w.line) for w in gazette.warnings if w.kind in shape]


def test_an_issue_without_its_toc_line_is_cut_at_titles_and_numbers_with_a_warning(tmp_path):
    lines = _lines()
    lines[lines.index("目 录")] = ""
    gazette = _parse(tmp_path, lines)
    assert [d.slug for d in gazette.documents] == SLUGS
    assert _shape_warnings(gazette) == [("toc-absent", 1)]
    assert gazette.issue.total == 157


def test_a_toc_in_another_order_reports_each_moved_entry_and_keeps_every_document(tmp_path):
    lines = _lines()
    interpretations = lines[107:113]  # 【政策解读】 and its four entries
    lines = lines[:7] + interpretations + lines[7:107] + lines[113:]
    gazette = _parse(tmp_path, lines)
    assert [d.slug for d in gazette.documents] == SLUGS
    assert _shape_warnings(gazette) == [("toc-order", 10), ("toc-order", 11), ("toc-order", 12), ("toc-order", 13)]
    assert gazette.documents[10].section == "政策解读" and gazette.documents[0].section == "市政府文件"


def test_a_document_after_the_last_interpretation_is_its_own_document(tmp_path):
    lines = _lines() + EXTRA.split("\n")
    gazette = _parse(tmp_path, lines)
    assert [d.slug for d in gazette.documents] == SLUGS + ["sz-2018-50"]
    last, extra = gazette.documents[-2], gazette.documents[-1]
    assert last.end_line == 1195 and extra.line == 1197 and extra.date.isoformat() == "2018-12-20"
    assert extra.section is None and extra.toc_line is None
    assert _shape_warnings(gazette) == [("toc-unlisted", 1197), ("toc-count", 11)]
    unlisted = next(w for w in gazette.warnings if w.kind == "toc-unlisted")
    assert unlisted.message == "「三门峡市人民政府关于加强冬春季森林防火工作的通知」不在目录中：作为单独的文件处理，请核对目录"


@pytest.mark.parametrize("entry, line", [(10, 114), (12, 161)])
def test_a_document_missing_from_the_toc_is_not_merged_into_its_neighbour(tmp_path, entry, line):
    lines = _lines()
    del lines[entry]
    gazette = _parse(tmp_path, lines)
    assert [d.slug for d in gazette.documents] == SLUGS
    assert _shape_warnings(gazette) == [("toc-unlisted", line), ("toc-count", 11)]
    count = next(w for w in gazette.warnings if w.kind == "toc-count")
    assert count.message == "目录列出 13 篇文件，正文中有 14 篇（其中 13 篇与目录对应）"


def test_two_issues_in_one_file_are_refused_with_the_line_of_the_second_cover(tmp_path):
    lines = _lines()
    with pytest.raises(ParseError) as error:
        _parse(tmp_path, lines + lines)
    assert error.value.line == len(lines) + 3
    assert "又是一期公报的封面和目录" in error.value.reason


def test_a_toc_entry_missing_from_the_text_is_reported_and_the_document_kept(tmp_path):
    lines = _lines()
    first = lines.index("三门峡市人民政府 关于表彰全市交通运输系统先进单位和个人的 决 定")
    lines[first] = "三门峡市人民政府关于表彰全市交通运输系统先进单位的通报"
    gazette = _parse(tmp_path, lines)
    assert _shape_warnings(gazette) == [("toc-missing", 11), ("toc-unlisted", 115)]
    assert gazette.documents[0].title == "三门峡市人民政府关于表彰全市交通运输系统先进单位的通报"
    assert [d.slug for d in gazette.documents] == SLUGS


def test_an_issue_without_toc_takes_sections_from_the_headings_printed_in_the_body(tmp_path):
    lines = _lines()
    lines[lines.index("目 录")] = ""
    first = lines.index("三门峡市人民政府 关于表彰全市交通运输系统先进单位和个人的 决 定")
    office = lines.index("三门峡市人民政府办公室 关于印发三门峡市智能制造和工业互联网 发展三年行动计划（2018—2020 年）的通知")
    interpretation = lines.index("《三门峡市政府性债务管理办法》解读")
    for position, heading in ((interpretation, "【政策解读】"), (office, "【市政府办公室文件】"), (first, "【市政府文件】")):
        lines[position:position] = [heading, ""]
    gazette = _parse(tmp_path, lines)
    assert [d.slug for d in gazette.documents] == SLUGS
    assert [d.section for d in gazette.documents] == ["市政府文件"] * 5 + ["市政府办公室文件"] * 5 + ["政策解读"] * 4
    assert [item.category for item in gazette.furniture] == ["section-header"] * 3
