"""A file holding one official document without the issue wrapper parses into a complete document."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import FIXTURES

from gazette.archive import build_archive
from gazette.check.coverage import measure
from gazette.model import Part, Section, Signature
from gazette.parse.normalize import read_source
from gazette.parse import parse_source
from gazette.site.markdown import render_document

CASES = {
    "notice-chinese-date.txt": dict(
        title="三门峡市人民政府关于印发三门峡市城市管理办法的通知", number="三政〔2006〕120号", date=date(2006, 12, 30),
        issuer="三门峡市人民政府", type="通知", addressees=("各县（市、区）人民政府", "市人民政府各部门"),
        slug="sz-2006-120"),
    "policy-parenthesised-number.txt": dict(
        title="河南省人民政府关于印发河南省政府投资管理办法的通知", number="豫政〔2017〕12号", date=date(2017, 3, 1),
        issuer="河南省人民政府", type="通知", slug="yz-2017-12",
        addressees=("各省辖市人民政府、济源示范区管委会、各省直管县（市）人民政府", "省人民政府各部门")),
    "title-three-lines.txt": dict(
        title="三门峡市人民政府办公室关于做好2019年春节期间有关工作的通知", number=None, date=date(2019, 1, 20),
        issuer="三门峡市人民政府办公室", type="通知", attachments=("春节值班表", "联系人名单")),
    "number-before-title.txt": dict(
        title="三门峡市人民政府关于表彰2009年度先进单位的决定", number="三政〔2010〕5号", date=date(2010, 1, 8),
        issuer="三门峡市人民政府", type="决定", addressees=("各县（市、区）人民政府",)),
    "reply-no-signature.txt": dict(
        title="三门峡市人民政府关于同意设立三门峡市社会福利中心的批复", number="三政文〔2018〕88号", date=date(2018, 6, 5),
        issuer="三门峡市人民政府", type="批复", addressees=("市民政局",), cites=("三民〔2018〕12号",)),
    "interpretation.txt": dict(
        title="《三门峡市政府性债务管理办法》政策解读", number=None, date=None, issuer=None, type="解读",
        interprets="三政〔2018〕34号", slug="sz-2018-34-jd"),
    "website-meta.txt": dict(
        title="三门峡市人民政府办公室关于印发三门峡市2019年重点民生实事工作方案的通知", number="三政办〔2019〕3号",
        date=date(2019, 1, 15), issuer="三门峡市人民政府办公室", type="通知", slug="szb-2019-3"),
    "one-line-signature.txt": dict(
        title="三门峡市人民政府关于进一步加强安全生产工作的意见", number="三政〔2017〕15号", date=date(2017, 3, 20),
        issuer="三门峡市人民政府", type="意见", slug="sz-2017-15",
        addressees=("各县（市、区）人民政府", "城乡一体化示范区、开发区管理委员会", "市人民政府各部门", "各有关单位")),
    "website-page.txt": dict(
        title="三门峡市人民政府办公室关于印发三门峡市2020年大气污染防治攻坚战实施方案的通知", number="三政办〔2020〕12号",
        date=date(2020, 4, 8), issuer="三门峡市人民政府办公室", type="通知", slug="szb-2020-12"),
    "government-order.txt": dict(
        title="三门峡市人民政府令", number="三门峡市人民政府令第5号", date=date(2019, 1, 15),
        issuer="三门峡市人民政府", type="命令（令）", slug="smxsrmzfl-5"),
    "letter-with-imprint.txt": dict(
        title="三门峡市人民政府办公室关于同意召开2019年全市旅游发展大会的函", number="三政办函〔2019〕7号",
        date=date(2019, 2, 20), issuer="三门峡市人民政府办公室", type="函", addressees=("市文化广电和旅游局",)),
    "plan-with-own-toc.txt": dict(
        title="三门峡市人民政府关于印发三门峡市“十四五”生态环境保护规划的通知", number="三政〔2021〕20号",
        date=date(2021, 9, 30), issuer="三门峡市人民政府", type="通知", slug="sz-2021-20"),
}


def parse(name):
    source = read_source(str(FIXTURES / "standalone" / name))
    return source, parse_source(source)


@pytest.mark.parametrize("name", sorted(CASES))
def test_standalone_document_fields(name):
    _, gazette = parse(name)
    assert gazette.issue is None
    assert len(gazette.documents) == 1
    document = gazette.documents[0]
    for field, expected in CASES[name].items():
        value = getattr(document, field)
        if field == "attachments":
            value = tuple(item.title for item in value)
        assert value == expected, field


@pytest.mark.parametrize("name", sorted(CASES))
def test_standalone_document_loses_no_character(name):
    source, gazette = parse(name)
    archive = build_archive([gazette])
    document = archive.gazettes[0].documents[0]
    coverage = measure(source, 1, [render_document(document, None)])
    assert coverage.complete, coverage.summary()


def test_policy_enclosed_in_a_standalone_notice_keeps_its_chapters_and_articles():
    _, gazette = parse("policy-parenthesised-number.txt")
    body = gazette.documents[0].body
    assert [type(b).__name__ for b in body] == ["Paragraph", "Paragraph", "Paragraph", "Signature", "Part"]
    part = body[-1]
    assert isinstance(part, Part) and part.title == "河南省政府投资管理办法"
    assert [c.heading for c in part.children] == ["总则", "附则"]
    articles = [a.anchor for c in part.children for a in c.children if isinstance(a, Section)]
    assert articles == ["art-1", "art-2", "art-3"]


def test_closing_note_follows_the_signature():
    _, gazette = parse("number-before-title.txt")
    body = gazette.documents[0].body
    assert isinstance(body[-2], Signature) and body[-2].issuers == ("三门峡市人民政府",)
    assert body[-1].role == "note" and body[-1].text == "（此件公开发布）"
    assert body[0].role == "header" and body[0].text == "三门峡市人民政府文件"


def test_date_without_signature_gives_no_invented_issuer_line():
    _, gazette = parse("reply-no-signature.txt")
    signature = [b for b in gazette.documents[0].body if isinstance(b, Signature)][0]
    assert signature.issuers == () and signature.date_text == "2018年6月5日"


def test_a_document_with_neither_number_nor_date_still_parses():
    from gazette.parse.normalize import decode

    source = decode("x.txt", "关于加强管理的意见\n\n各单位：\n\n要加强管理。\n".encode())
    gazette = parse_source(source)
    document = gazette.documents[0]
    assert (document.title, document.number, document.date, document.type) == ("关于加强管理的意见", None, None, "意见")
    assert document.slug == "jqgldyj"


def test_contact_note_and_imprint_follow_the_signature_in_their_own_roles():
    _, gazette = parse("letter-with-imprint.txt")
    roles = [getattr(b, "role", None) for b in gazette.documents[0].body[-3:]]
    assert roles == ["note", "imprint", "imprint"]
