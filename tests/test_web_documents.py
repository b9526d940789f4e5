"""Documents copied from government websites and legal databases parse as standalone documents.

Their label lines (索引号, 发布时间/来源 also after the 文号, 【法宝引证码】 and the database's other
【labels】, 原文链接, 当前位置, page tools, a title printed twice) are kept as metadata
paragraphs, never read as the title or the 主送机关; 发文机关/成文日期 labels and the 文号's
机关代字 fill what the signature does not give.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import FIXTURES

from gazette.archive import build_archive
from gazette.check.coverage import measure
from gazette.model import Paragraph
from gazette.parse import parse_file
from gazette.parse.normalize import read_source
from gazette.site.markdown import render_document

WEB = FIXTURES / "web"
CASES = {
    "index-table.txt": ("河南省人民政府办公厅关于加强农村生活垃圾治理工作的通知", "豫政办〔2019〕14号", date(2019, 3, 12),
                        "河南省人民政府办公厅", "通知", 4, None, 8),
    "database-header.txt": ("国务院办公厅关于加快发展流通促进商业消费的意见", "国办发〔2019〕42号", date(2019, 8, 16),
                            "国务院办公厅", "意见", 2, None, 8),
    "published-after-number.txt": ("三门峡市人民政府关于印发三门峡市城市生活垃圾分类管理办法的通知", "三政〔2020〕15号",
                                   date(2020, 7, 1), "三门峡市人民政府", "通知", 3, None, 1),
    "bracketed-title-first.txt": ("河南省人民政府关于公布第五批省级非物质文化遗产代表性项目名录的通知", "豫政〔2019〕20号",
                                  date(2019, 6, 3), "河南省人民政府", "通知", 3, None, 1),
    "link-and-number-in-title.txt": ("河南省人民政府关于深化“放管服”改革优化营商环境的意见", "豫政〔2019〕18号",
                                     date(2019, 5, 5), "河南省人民政府", "意见", 3, None, 1),
    "department-notice.txt": ("河南省住房和城乡建设厅关于加强建筑施工安全生产管理的通知", "豫建〔2019〕80号",
                              date(2019, 4, 10), "河南省住房和城乡建设厅", "通知", 2, None, 2),
    "joint-notice.txt": ("河南省财政厅河南省教育厅关于下达2019年义务教育补助经费的通知", "豫财教〔2019〕33号",
                         date(2019, 3, 20), "河南省财政厅", "通知", 1, None, 0),
    "provincial-order.txt": ("河南省人民政府令", "河南省人民政府令第186号", date(2019, 2, 15), "河南省人民政府",
                             "命令（令）", 0, None, 0),
    "interpretation-number-in-paragraph.txt": ("《河南省城市房屋安全管理办法》政策解读", None, None, None, "解读", 0,
                                               "河南省人民政府令第186号", 1),
    "interpretation-file-line.txt": ("关于《河南省促进民营经济发展若干措施》的政策解读", None, None, None, "解读", 0,
                                     "豫政〔2019〕5号", 0),
    "label-pairs-on-one-line.txt": ("国务院关于印发《中国制造2025》的通知", "国发〔2015〕28号", date(2015, 5, 8), "国务院",
                                    "通知", 2, None, 4),
    "dated-source-line.txt": ("国务院关于印发《中国制造2025》的通知", "国发〔2015〕28号", date(2015, 5, 8), "国务院", "通知",
                              2, None, 2),
    "appointment-notice.txt": ("河南省人民政府关于张伟等同志职务任免的通知", "豫政任〔2019〕5号", date(2019, 2, 28),
                               "河南省人民政府", "通知", 2, None, 0),
}
FIELDS = ("title", "number", "date", "issuer", "type")


def _parse(name):
    return parse_file(str(WEB / name))


@pytest.mark.parametrize("name", sorted(CASES))
def test_web_document_fields(name):
    gazette = _parse(name)
    assert gazette.issue is None and len(gazette.documents) == 1
    document = gazette.documents[0]
    title, number, when, issuer, kind, addressees, interprets, _ = CASES[name]
    assert tuple(getattr(document, field) for field in FIELDS) == (title, number, when, issuer, kind)
    assert len(document.addressees) == addressees
    assert document.interprets == interprets
    assert not [w for w in gazette.warnings if w.kind in ("no-title", "stray-text")]


@pytest.mark.parametrize("name", sorted(CASES))
def test_web_label_lines_are_metadata_not_title_or_addressees(name):
    document = _parse(name).documents[0]
    meta = [block.text for block in document.body if isinstance(block, Paragraph) and block.role == "meta"]
    assert len(meta) == CASES[name][-1]
    for text in meta:  # a title printed twice is metadata too; a label line is never the title
        assert text not in document.addressees and ("：" not in text or text != document.title)


@pytest.mark.parametrize("name", sorted(CASES))
def test_web_document_loses_no_character(name):
    source = read_source(str(WEB / name))
    gazette = build_archive([_parse(name)]).gazettes[0]
    coverage = measure(source, gazette.body_start, [render_document(gazette.documents[0], None)])
    assert coverage.complete, coverage.summary()


def test_publication_line_after_the_number_is_not_the_addressee():
    document = _parse("published-after-number.txt").documents[0]
    assert document.addressees[0] == "各县（市、区）人民政府"
    assert document.body[1].role == "meta" and document.body[1].text.startswith("发布时间：2020-07-08")


def test_label_pairs_sharing_a_line_are_read_one_by_one():
    from gazette.parse.head import read_head
    from gazette.parse.normalize import read_source as read

    lines = list(read(str(WEB / "label-pairs-on-one-line.txt")).lines)
    head = read_head("x.txt", lines, [], [])
    assert head.meta["发文机关"] == "国务院" and head.meta["成文日期"] == "2015年05月08日"
    assert head.meta["发文字号"] == "国发〔2015〕28号" and head.meta["发布日期"] == "2015年05月19日"
    assert head.meta["主题分类"] == "工业、交通\\其他"
