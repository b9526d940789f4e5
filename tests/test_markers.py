"""One small case per marker, date form, 文号 form and extraction artifact."""

from __future__ import annotations

from datetime import date

import pytest

from gazette.parse import markers as m


@pytest.mark.parametrize("line, kind, label, number, rest", [
    ("第一章 总 则", "chapter", "第一章", 1, "总 则"),
    ("第九章　附　则", "chapter", "第九章", 9, "附　则"),
    ("第二节 预算", "division", "第二节", 2, "预算"),
    ("第三十六条 本办法自印发之日起施行。", "article", "第三十六条", 36, "本办法自印发之日起施行。"),
    ("第一百零三条　附则", "article", "第一百零三条", 103, "附则"),
    ("十、组织保障", "section", "十、", 10, "组织保障"),
    ("（一）指导思想", "clause", "（一）", 1, "指导思想"),
    ("(二) 加强文物建筑保护维修。", "clause", "(二)", 2, "加强文物建筑保护维修。"),
    ("1. 综合部。负责党务。", "item", "1.", 1, "综合部。负责党务。"),
    ("2．示范引领", "item", "2．", 2, "示范引领"),
    ("3、遵循规律", "item", "3、", 3, "遵循规律"),
    ("（1）财政部门", "subitem", "（1）", 1, "财政部门"),
    ("②加强监管", "circled", "②", 2, "加强监管"),
])
def test_marker_kind_label_number_and_rest(line, kind, label, number, rest):
    found = m.match_marker(line)
    assert (found.kind, found.label, found.number, found.rest) == (kind, label, number, rest)


@pytest.mark.parametrize("line", [
    "10.2 亿元人民币", "第一部分阐述了重要意义", "第九条第一款规定", "2018年以来，全市", "——智能制造水平不断提高。",
    "一是制定发展规划。", "《办法》包括总则", "1998年",
])
def test_prose_is_not_a_marker(line):
    assert m.match_marker(line) is None


def test_ranks_nest_chapter_over_article_over_clause():
    ranks = [m.match_marker(x).rank for x in ("第一章 总则", "第一条 为", "一、总", "（一）指", "1. 企", "（1）财")]
    assert ranks == sorted(ranks)


@pytest.mark.parametrize("line, expected", [
    ("三政〔2018〕29号", "三政〔2018〕29号"),
    ("三政办〔2018〕41 号", "三政办〔2018〕41号"),
    ("(三政〔2018〕34号)", "三政〔2018〕34号"),
    ("（豫政〔2017〕12号）", "豫政〔2017〕12号"),
    ("三政文[2018]88号", "三政文〔2018〕88号"),
    ("国办发〔2016〕080号", "国办发〔2016〕80号"),
])
def test_number_lines(line, expected):
    assert m.match_number_line(line) == expected


def test_numbers_cited_in_text_are_found_with_their_issuer_code():
    text = ("根据豫政〔2016〕11号和《通知》（三政〔2011〕67 号）及财预〔2015〕225号，"
            "各县〔市、区〕政府")
    assert m.find_numbers(text) == ["豫政〔2016〕11号", "三政〔2011〕67号", "财预〔2015〕225号"]


@pytest.mark.parametrize("line, expected", [
    ("2018年11月20日", date(2018, 11, 20)),
    ("2018 年 11 月 14 日", date(2018, 11, 14)),
    ("二〇〇六年十二月三十日", date(2006, 12, 30)),
    ("二○一○年一月八日", date(2010, 1, 8)),
    ("2018年13月40日", None),
    ("2018年11月20日印发", None),
])
def test_date_lines(line, expected):
    assert m.match_date(line) == expected


@pytest.mark.parametrize("title, kind", [
    ("三门峡市人民政府关于表彰的决定", "决定"),
    ("关于印发实施意见的通知", "通知"),
    ("三门峡市人民政府关于进一步加强管理的意见", "意见"),
    ("关于同意设立中心的批复", "批复"),
    ("三门峡市人民政府令", "命令（令）"),
    ("《三门峡市政府性债务管理办法》解读", "解读"),
    ("三门峡市政府性债务管理办法", None),
])
def test_document_type_from_the_title_ending(title, kind):
    assert m.document_type(title) == kind


def test_toc_artifact_and_entry_patterns():
    assert m.TOC_ARTIFACT.match("--\t----")
    found = m.TOC_ENTRY.match("三门峡市人民政府关于表彰全市交通运输系统先进单位和个人的决定\t1")
    assert found["page"] == "1"
    assert m.TOC_SECTION.match("【政策解读】")["name"] == "政策解读"
    assert m.LIST_ARTIFACT.match("- 111. 三门峡金轮刚玉有限公司")
