"""The 刊头 as a typed model: groups, imprint and single facts, given back by label in printed order."""

from __future__ import annotations

from gazette.model_masthead import EditorialGroup, ImprintField, Masthead, Member
from gazette.parse.masthead import read_masthead
from gazette.parse.normalize import decode

IMPRINT_FIRST = """主办：某县人民政府办公室
电话：0398-1234567
2020
编辑部
主编：张三
责任编辑：（空缺）
第3号（总第45号）
印刷：某县印刷厂
电话：0398-7654321
出版日期：2020年6月30日
（内部资料免费赠阅）"""


def _read(text: str) -> Masthead:
    return read_masthead(tuple(decode("x.txt", text.encode("utf-8")).lines))


def test_masthead_reads_groups_imprint_and_single_facts_into_typed_fields():
    masthead = _read(IMPRINT_FIRST)
    assert masthead.groups == (EditorialGroup("编辑部", (Member("主编", ("张三",)), Member("责任编辑", (), "空缺"))),)
    assert masthead.imprint == (ImprintField("主办", "某县人民政府办公室"), ImprintField("电话", "0398-1234567"),
                                ImprintField("印刷", "某县印刷厂"), ImprintField("印刷电话", "0398-7654321"),
                                ImprintField("出版日期", "2020-06-30"))
    assert (masthead.year, masthead.issue_line, masthead.note) == (2020, "第3号（总第45号）", "内部资料免费赠阅")
    assert masthead.field("印刷电话") == "0398-7654321" and masthead.field("网址") is None
    assert masthead.group("编委会") == ()


def test_masthead_to_dict_keeps_the_printed_order_and_the_member_shape():
    assert _read(IMPRINT_FIRST).to_dict() == {
        "主办": "某县人民政府办公室", "电话": "0398-1234567", "年份": 2020,
        "编辑部": [{"role": "主编", "names": ["张三"]}, {"role": "责任编辑", "names": [], "note": "空缺"}],
        "期号": "第3号（总第45号）", "印刷": "某县印刷厂", "印刷电话": "0398-7654321", "出版日期": "2020-06-30",
        "说明": "内部资料免费赠阅",
    }
    assert list(_read(IMPRINT_FIRST).to_dict()) == ["主办", "电话", "年份", "编辑部", "期号", "印刷", "印刷电话",
                                                    "出版日期", "说明"]


def test_no_masthead_is_empty_and_gives_an_empty_dict():
    masthead = _read("正文第一行")
    assert masthead.empty and masthead.to_dict() == {}
