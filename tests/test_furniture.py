"""Page furniture is recognised by its form: headers and page numbers, never a line of the text."""

from __future__ import annotations

import pytest

from gazette.parse.furniture import classify, find
from gazette.parse.normalize import decode

SECTIONS = ("省政府文件", "市政府文件", "部门文件")


@pytest.mark.parametrize("text, expected", [
    ("—12—", ("page-number", 12)),
    ("－ １２ －", ("page-number", 12)),
    ("· 12 ·", ("page-number", 12)),
    ("- 3 -", ("page-number", 3)),
    ("第 7 页", ("page-number", 7)),
    ("河南省人民政府公报　2019年第5期", ("running-header", None)),
    ("12　河南省人民政府公报　2019年第5期", ("running-header", 12)),
    ("河南省人民政府公报 · 13 ·", ("running-header", 13)),
    ("2019年第5期　　13", ("running-header", 13)),
    ("河南政报　2019年第5、6期合刊　·12·", ("running-header", 12)),
    ("中华人民共和国国务院公报　2019 · 11", ("running-header", None)),
    ("省政府文件　·3·", ("section-header", 3)),
    ("河南省人民政府公报", ("name", None)),
    ("省政府文件", ("section", None)),
    ("【部门文件】", ("section", None)),
    ("2019年第5期", ("label", None)),
])
def test_furniture_lines_are_recognised(text, expected):
    assert classify(text, (), SECTIONS) == expected


@pytest.mark.parametrize("text", [
    "《三门峡市人民政府公报》", "2018年11月20日", "第一条　为了加强管理，制定本办法。", "1. 河南省某某有限公司",
    "序号\t项目名称\t责任单位", "各县（市、区）人民政府：", "三政〔2018〕29号",
    "（一）指导思想", "附件", "省政府文件的贯彻落实情况", "12.5", "2019", "各县、市",
])
def test_text_lines_are_not_furniture(text):
    assert classify(text, (), SECTIONS) is None


def test_an_order_number_alone_is_furniture_only_if_the_same_line_repeats():
    assert classify("第189号", (), SECTIONS) == ("label", None)
    lines = ["河南省人民政府令", "第189号", "正文。", "河南省人民政府令", "第190号", "正文。", "河南省人民政府令", "第191号"]
    assert find(decode("x.txt", "\n".join(lines).encode("utf-8")), (), (), 0) == []


def test_bare_numbers_are_page_numbers_only_at_page_rhythm():
    prose = ["正文一段。"] * 7
    rising = [line for page in range(1, 6) for line in prose + [str(page)]]
    table = ["序号", "1", "甲", "2", "乙", "3", "丙", "4", "丁"]
    text = "\n".join(table + rising)
    found = find(decode("x.txt", text.encode("utf-8")), (), (), 0)
    assert [(item.line, item.page) for item in found] == [(17, 1), (25, 2), (33, 3), (41, 4), (49, 5)]


def test_a_bare_name_is_a_header_only_when_it_repeats_and_not_on_the_cover():
    lines = ["河南省人民政府公报", "2019年第5期"] + ["正文。", "河南省人民政府公报"] * 3
    found = find(decode("x.txt", "\n".join(lines).encode("utf-8")), (), (), 0)
    assert [item.line for item in found] == [4, 6, 8]
