"""Whole issues of other gazettes' layouts (provincial, county, State Council) parse completely.

The fixtures in tests/fixtures/layouts are written in those gazettes' shapes: running headers
with the page inside, section names on alternate pages, bare and dashed page numbers, wrapped
目录 titles with the 文号 in brackets, full-width pages, 期 and 号 numbering, imprints before or
after the 目录, 令 listed as ``…令（第707号）``, 任免 notices and department documents.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import FIXTURES

from gazette.build.convert import convert
from gazette.parse import parse_file
from gazette.parse.references import texts

LAYOUTS = FIXTURES / "layouts"
FIELDS = ("title", "number", "date", "issuer", "type", "section", "page", "interprets")

ISSUES = {
    "2019-05.txt": dict(
        issue=(2019, 5, 1013, date(2019, 3, 10), "河南省人民政府公报"),
        masthead={"主办": "河南省人民政府办公厅", "出版日期": "2019-03-10"},
        documents=[
            ("河南省人民政府令", "河南省人民政府令第189号", date(2019, 3, 1), "河南省人民政府", "命令（令）", "省政府令", 1, None),
            ("河南省人民政府关于印发河南省促进民营经济发展若干措施的通知", "豫政〔2019〕5号", date(2019, 2, 20),
             "河南省人民政府", "通知", "省政府文件", 3, None),
            ("河南省人民政府关于表彰2018年度全省安全生产工作先进单位的决定", "豫政〔2019〕6号", date(2019, 2, 22),
             "河南省人民政府", "决定", "省政府文件", 6, None),
            ("河南省人民政府办公厅关于进一步加强城市供水安全保障工作的通知", "豫政办〔2019〕12号", date(2019, 3, 2),
             "河南省人民政府办公厅", "通知", "省政府办公厅文件", 8, None),
            ("河南省财政厅关于规范政府采购代理机构管理的通知", "豫财购〔2019〕3号", date(2019, 2, 26), "河南省财政厅",
             "通知", "部门文件", 10, None),
            ("河南省人民政府任免国家工作人员", None, date(2019, 2, 28), "河南省人民政府", "任免", "人事任免", 12, None),
            ("关于《河南省促进民营经济发展若干措施》的政策解读", None, None, None, "解读", "政策解读", 13, "豫政〔2019〕5号"),
        ]),
    "2020-03.txt": dict(
        issue=(2020, 3, 45, date(2020, 6, 30), "卢氏县人民政府公报"),
        masthead={"主办": "卢氏县人民政府办公室"},
        documents=[
            ("卢氏县人民政府关于印发卢氏县农村公路管理养护办法的通知", "卢政〔2020〕8号", date(2020, 5, 12),
             "卢氏县人民政府", "通知", "县政府文件", 1, None),
            ("卢氏县人民政府关于公布2020年度县级重点建设项目的通知", "卢政〔2020〕9号", date(2020, 5, 20),
             "卢氏县人民政府", "通知", "县政府文件", 4, None),
            ("卢氏县人民政府办公室关于做好2020年防汛工作的通知", "卢政办〔2020〕15号", date(2020, 6, 1),
             "卢氏县人民政府办公室", "通知", "县政府办公室文件", 6, None),
            ("卢氏县教育局关于做好2020年义务教育招生工作的通知", "卢教〔2020〕21号", date(2020, 6, 5), "卢氏县教育局",
             "通知", "县政府部门文件", 8, None),
            ("《卢氏县农村公路管理养护办法》政策解读", None, None, None, "解读", "政策解读", 10, "卢政〔2020〕8号"),
        ]),
    "2020-05.txt": dict(
        issue=(2020, 5, 190, date(2020, 6, 15), "洛阳市人民政府公报"),
        masthead={"主办": "洛阳市人民政府办公室", "承办": "洛阳市人民政府研究室", "出版日期": "2020-06-15"},
        documents=[
            ("洛阳市人民政府关于印发洛阳市城市绿化管理办法的通知", "洛政〔2020〕11号", date(2020, 5, 8), "洛阳市人民政府",
             "通知", "市政府文件", 1, None),
            ("洛阳市人民政府关于公布第二批洛阳市历史文化街区和历史建筑保护名录的通知", "洛政〔2020〕12号",
             date(2020, 5, 15), "洛阳市人民政府", "通知", "市政府文件", 4, None),
            ("洛阳市人民政府办公室关于做好2020年夏季防汛工作的通知", "洛政办〔2020〕25号", date(2020, 5, 20),
             "洛阳市人民政府办公室", "通知", "市政府办公室文件", 5, None),
            ("洛阳市生态环境局关于开展2020年大气污染防治专项检查的通知", "洛环〔2020〕30号", date(2020, 5, 25),
             "洛阳市生态环境局", "通知", "部门文件", 7, None),
            ("《洛阳市城市绿化管理办法》政策解读", None, None, None, "解读", "政策解读", 8, "洛政〔2020〕11号"),
        ]),
    "2019-11.txt": dict(
        issue=(2019, 11, 1662, None, "中华人民共和国国务院公报"),
        masthead={},
        documents=[
            ("中华人民共和国国务院令", "中华人民共和国国务院令第707号", date(2019, 3, 2), "中华人民共和国国务院",
             "命令（令）", "国务院令", 2, None),
            ("中华人民共和国国务院令", "中华人民共和国国务院令第708号", date(2019, 3, 6), "中华人民共和国国务院",
             "命令（令）", "国务院令", 4, None),
            ("国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见", "国发〔2019〕5号", date(2019, 1, 28),
             "国务院", "意见", "国务院文件", 6, None),
            ("国务院办公厅关于印发3岁以下婴幼儿照护服务发展指导意见的通知", "国办发〔2019〕15号", date(2019, 4, 17),
             "国务院办公厅", "通知", "国务院办公厅文件", 9, None),
        ]),
}
FURNITURE = ("人民政府公报", "- 3 -", "主办：", "2019年第5期", "—1", "·2·", "\n省政府文件\n", "县政府文件　", "\n4\n", "\n5\n")


@pytest.mark.parametrize("name", sorted(ISSUES))
def test_issue_of_another_layout_gives_every_document_and_field(name):
    gazette = parse_file(str(LAYOUTS / name))
    expected = ISSUES[name]
    issue = gazette.issue
    assert (issue.year, issue.no, issue.total, issue.date, issue.title) == expected["issue"]
    assert {key: gazette.masthead.field(key) for key in expected["masthead"]} == expected["masthead"]
    assert [tuple(getattr(d, field) for field in FIELDS) for d in gazette.documents] == expected["documents"]
    assert [w for w in gazette.warnings if w.kind.startswith(("toc", "issue", "stray", "number"))] == []


@pytest.mark.parametrize("name", sorted(ISSUES))
def test_issue_of_another_layout_keeps_no_furniture_and_loses_no_character(name):
    path = str(LAYOUTS / name)
    conversion = convert([path])
    coverage = conversion.coverage[path]
    assert coverage.complete, coverage.summary()
    assert coverage.removed > 0
    gazette = parse_file(path)
    body = "\n".join(text for document in gazette.documents for _, text in texts(document.body))
    for furniture in FURNITURE:
        assert furniture not in body


def test_page_furniture_gives_the_pages_of_the_documents_and_rejoins_the_cut_paragraph():
    gazette = parse_file(str(LAYOUTS / "2019-11.txt"))
    assert [item.page for item in gazette.furniture if item.category == "page-number"] == list(range(1, 10))
    assert [(join.before, join.after) for join in gazette.joins] == [("…神，创新和完善监管方式，", "推进市场监管规范化、精准…")]


def test_state_council_variant_with_one_line_orders_bracketed_pages_and_numbered_sections(tmp_path):
    text = (LAYOUTS / "2019-11.txt").read_text(encoding="utf-8")
    text = text.replace("中华人民共和国国务院令\n\n第708号", "中华人民共和国国务院令　第708号")
    text = text.replace("目　　录", "目　录　CONTENTS").replace("【国务院文件】", "二、国务院文件")
    text = text.replace("…………6", "……（6）").replace("…………9", "…… (9)")
    text = text.replace("【国务院办公厅文件】", "目录（续）\n\n【国务院办公厅文件】")
    for page in (3, 5, 7):
        text = text.replace(f"\n{page}\n", f"\n{page}\n\n中华人民共和国国务院公报　2019 · 11\n")
    path = tmp_path / "2019-11.txt"
    path.write_text(text, encoding="utf-8")
    gazette = parse_file(str(path))
    expected = [row[:2] + row[5:7] for row in ISSUES["2019-11.txt"]["documents"]]
    assert [(d.title, d.number, d.section, d.page) for d in gazette.documents] == expected
    assert gazette.documents[1].body[0].text == "第708号"
    assert [item.text for item in gazette.furniture if item.category == "running-header"] == ["中华人民共和国国务院公报　2019 · 11"] * 3
    assert [w for w in gazette.warnings if w.kind.startswith("toc")] == []
    coverage = convert([str(path)]).coverage[str(path)]
    assert coverage.complete, coverage.summary()


def test_combined_issue_with_its_imprint_after_the_last_document():
    gazette = parse_file(str(LAYOUTS / "2020-05.txt"))
    assert gazette.issue.label == "2020年第5、6期（总第190期）"
    last = gazette.documents[-1]
    assert last.end_line == 131 and [item.line for item in gazette.furniture if item.category == "imprint"] == [133, 135, 137]
    assert [(join.before, join.after) for join in gazette.joins] == [
        ("…绿化的规划、建设、保护和", "管理。"), ("…要切实履行保护职责，落实", "保护措施。")]
