"""The sample issue (2019 第2号, 总第157号) parses into exactly the documents it prints."""

from __future__ import annotations

from datetime import date

from conftest import SAMPLE, SHARED_SAMPLE

from gazette.model import Attachment, OrderedList, Part, Section, Signature, Table
from gazette.model_masthead import Member

EXPECTED = [
    ("三政〔2018〕29号", "2018-11-20", "三门峡市人民政府", "决定", "市政府文件", 1),
    ("三政〔2018〕30号", "2018-12-11", "三门峡市人民政府", "通知", "市政府文件", 2),
    ("三政〔2018〕32号", "2018-12-05", "三门峡市人民政府", "通知", "市政府文件", 4),
    ("三政〔2018〕33号", "2018-12-17", "三门峡市人民政府", "通知", "市政府文件", 5),
    ("三政〔2018〕34号", "2018-12-17", "三门峡市人民政府", "通知", "市政府文件", 11),
    ("三政办〔2018〕41号", "2018-11-14", "三门峡市人民政府办公室", "通知", "市政府办公室文件", 17),
    ("三政办〔2018〕42号", "2018-11-20", "三门峡市人民政府办公室", "通知", "市政府办公室文件", 24),
    ("三政办〔2018〕43号", "2018-12-06", "三门峡市人民政府办公室", "通知", "市政府办公室文件", 30),
    ("三政办〔2018〕44号", "2018-12-15", "三门峡市人民政府办公室", "决定", "市政府办公室文件", 34),
    ("三政办〔2018〕45号", "2018-12-12", "三门峡市人民政府办公室", "通知", "市政府办公室文件", 40),
    (None, None, None, "解读", "政策解读", 43),
    (None, None, None, "解读", "政策解读", 45),
    (None, None, None, "解读", "政策解读", 48),
    (None, None, None, "解读", "政策解读", 51),
]

TITLES = [
    "三门峡市人民政府关于表彰全市交通运输系统先进单位和个人的决定",
    "三门峡市人民政府关于公布第五批三门峡市非物质文化遗产代表性项目的通知",
    "三门峡市人民政府关于公布三门峡市第三批市级历史建筑的通知",
    "三门峡市人民政府关于组建三门峡市文化旅游交通发展集团有限公司的通知",
    "三门峡市人民政府关于印发三门峡市政府性债务管理办法的通知",
    "三门峡市人民政府办公室关于印发三门峡市智能制造和工业互联网发展三年行动计划（2018—2020年）的通知",
    "三门峡市人民政府办公室关于印发三门峡市大力推进装配式建筑发展实施方案的通知",
    "三门峡市人民政府办公室关于印发三门峡市文物安全基础保障三年行动方案的通知",
    "三门峡市人民政府办公室关于表彰2018年度服务企业上市工作先进单位和挂牌企业的决定",
    "三门峡市人民政府办公室关于印发三门峡市政府重大会议预公开制度和三门峡市政府重大行政决策预公开制度的通知",
    "《三门峡市政府性债务管理办法》解读",
    "《三门峡市开展企业成长促进行动实施方案》解读",
    "《三门峡市智能制造和工业互联网发展三年行动计划（2018—2020）》解读",
    "《三门峡市人民政府关于大力推进装配式建筑发展的实施方案》解读",
]


def test_sample_is_a_byte_copy_of_the_shared_sample():
    if SHARED_SAMPLE.exists():
        assert SAMPLE.read_bytes() == SHARED_SAMPLE.read_bytes()


def test_issue_facts(sample):
    issue = sample.issue
    assert (issue.year, issue.no, issue.total, issue.date) == (2019, 2, 157, date(2019, 2, 11))
    assert issue.title == "三门峡市人民政府公报"


def test_exactly_the_fourteen_documents_in_printed_order(sample):
    got = [(d.number, d.date.isoformat() if d.date else None, d.issuer, d.type, d.section, d.page)
           for d in sample.documents]
    assert got == EXPECTED
    assert [d.title for d in sample.documents] == TITLES


def test_interpretations_name_the_document_they_explain(sample):
    interprets = [d.interprets for d in sample.documents if d.type == "解读"]
    assert interprets == ["三政〔2018〕34号", "三政办〔2018〕40号", "三政办〔2018〕41号", "三政办〔2018〕42号"]
    slugs = [d.slug for d in sample.documents]
    assert slugs == ["sz-2018-29", "sz-2018-30", "sz-2018-32", "sz-2018-33", "sz-2018-34", "szb-2018-41",
                     "szb-2018-42", "szb-2018-43", "szb-2018-44", "szb-2018-45", "sz-2018-34-jd",
                     "szb-2018-40-jd", "szb-2018-41-jd", "szb-2018-42-jd"]


def test_toc_has_all_fourteen_entries_in_their_sections(sample):
    toc = [(e.section, e.page) for e in sample.toc]
    assert toc == [(row[4], row[5]) for row in EXPECTED]
    assert sample.toc[13].title == "《三门峡市政府关于大力推进装配式建筑发展的实施方案》解读"
    assert sample.toc[8].title == "三门峡市人民政府办公室关于表彰2018年度服务企业上市工作先进单位和挂牌企业的决定"


def test_masthead_members_by_role_and_imprint(sample):
    masthead = sample.masthead
    assert masthead.group("编委会") == (
        Member("主任", ("范付中",)),
        Member("副主任", ("郭忠义", "吕大伟", "韩际东")),
        Member("委员", ("吕宏伟", "闫保伟", "张海岩", "杜继英", "杨绩宇", "杨满怀", "彭海峰"), "按姓氏笔画为序"),
    )
    assert masthead.group("编辑部") == (
        Member("主编", ("韩际东",)),
        Member("副主编", ("王冰", "赵楠", "张国锐")),
        Member("责任编辑", ("孟鹏",)),
    )
    assert masthead.field("主办") == "三门峡市人民政府办公室"
    assert masthead.field("编辑出版") == "《三门峡市人民政府公报》编辑部"
    assert masthead.field("地址") == "三门峡市崤山路47号市政府办公大楼"
    assert masthead.field("网址") == "www.smx.gov.cn"
    assert masthead.field("电话") == "(0398)2852172"
    assert masthead.field("邮编") == "472000"
    assert masthead.field("准印证号") == "河南省连续性内部资料(三门峡)审连00010号"
    assert masthead.field("出版日期") == "2019-02-11"
    assert masthead.field("印刷") == "三门峡日报印刷厂"
    assert masthead.field("印刷电话") == "0398-2889852"


def _walk(blocks):
    for block in blocks:
        yield block
        yield from _walk(getattr(block, "children", ()))


def test_debt_rules_have_nine_chapters_and_thirty_six_articles(sample_documents):
    document = sample_documents["三政〔2018〕34号"]
    parts = [b for b in document.body if isinstance(b, Part)]
    assert [p.title for p in parts] == ["三门峡市政府性债务管理办法"]
    chapters = [b for b in parts[0].children if isinstance(b, Section)]
    assert [c.heading for c in chapters] == ["总则", "管理职责", "预算管理", "政府性债务举借", "债务资金使用",
                                             "债务偿还", "风险防控", "监督问责", "附则"]
    articles = [b for b in _walk(parts[0].children) if isinstance(b, Section) and b.marker == "article"]
    assert [a.number for a in articles] == list(range(1, 37))
    assert [a.anchor for a in articles] == [f"art-{n}" for n in range(1, 37)]


def test_intangible_heritage_table_has_thirteen_rows_with_merged_cells_resolved(sample_documents):
    document = sample_documents["三政〔2018〕30号"]
    tables = [b for b in _walk(document.body) if isinstance(b, Table)]
    assert len(tables) == 1
    table = tables[0]
    assert table.header == ("序号", "项目类别", "项目编号", "项目名称", "申报单位")
    assert len(table.rows) == 13
    assert [row[1].text for row in table.rows] == ["传统体育游艺与杂技"] + ["传统美术"] * 4 + ["传统技艺"] * 7 + ["传统医药"]
    assert [row[1].merged for row in table.rows] == [False, False, True, True, True, False] + [True] * 6 + [False]
    assert document.attachments == (Attachment("第五批三门峡市非物质文化遗产代表性项目名单", "att-1"),)


def test_companies_form_one_ordered_list_of_134(sample_documents):
    document = sample_documents["三政办〔2018〕44号"]
    lists = [b for b in _walk(document.body) if isinstance(b, OrderedList)]
    assert len(lists) == 1
    assert [item.number for item in lists[0].items] == list(range(1, 135))
    assert lists[0].items[110].text == "三门峡金轮刚玉有限公司"
    assert document.attachments[0].title == "2018年度三门峡市服务企业上市工作先进单位和挂牌企业名单"


def test_notice_issuing_two_policies_has_two_parts_with_their_own_articles(sample_documents):
    document = sample_documents["三政办〔2018〕45号"]
    parts = [b for b in document.body if isinstance(b, Part)]
    assert [p.title for p in parts] == ["三门峡市政府重大会议预公开制度", "三门峡市政府重大行政决策预公开制度"]
    first = [b.anchor for b in _walk(parts[0].children) if isinstance(b, Section) and b.marker == "article"]
    second = [b.anchor for b in _walk(parts[1].children) if isinstance(b, Section) and b.marker == "article"]
    assert first == [f"art-{n}" for n in range(1, 11)]
    assert second == [f"part-2-art-{n}" for n in range(1, 10)]


def test_every_document_has_one_signature_except_interpretations(sample):
    for document in sample.documents:
        signatures = [b for b in _walk(document.body) if isinstance(b, Signature)]
        assert len(signatures) == (0 if document.type == "解读" else 1), document.title


def test_anchors_are_unique_within_each_document(sample):
    for document in sample.documents:
        anchors = [b.anchor for b in _walk(document.body) if hasattr(b, "anchor")]
        assert len(anchors) == len(set(anchors)), document.title


def test_proofreading_findings(sample):
    kinds = [(w.kind, w.line) for w in sample.warnings]
    assert ("traditional", 226) in kinds
    assert [line for kind, line in kinds if kind == "latin"] == [531, 695]
    assert ("toc-mismatch", 1133) in kinds
    assert [j.line for j in sample.joins] == [258, 284, 306, 365, 477, 515, 529, 639, 651, 965, 1041, 1061, 1091,
                                              1153, 1191]


def test_toc_with_dot_leaders_instead_of_tabs_gives_the_same_documents(tmp_path, sample):
    from gazette.parse import parse_file

    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    for index in range(len(lines[:114])):
        if "\t" in lines[index] and lines[index].split("\t")[-1].isdigit():
            title, page = lines[index].rsplit("\t", 1)
            lines[index] = f"{title}…………{page}"
    path = tmp_path / "2019-02.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    dotted = parse_file(str(path))
    assert [(d.number, d.page, d.title) for d in dotted.documents] == [(d.number, d.page, d.title) for d in sample.documents]
    assert len(dotted.toc) == 14
