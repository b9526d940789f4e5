"""Inline cases for the body stages: joins, headings, tables, lists, nesting, anchors, escaping."""

from __future__ import annotations

from gazette.parse.anchors import Anchors
from gazette.parse.body import parse_blocks
from gazette.model import OrderedList, Paragraph, Section, Table
from gazette.parse.normalize import decode
from gazette.site.markdown import escape, render_blocks


def blocks(text: str):
    source = decode("case.txt", text.encode("utf-8"))
    joins = []
    return parse_blocks(list(source.lines), Anchors(), joins), joins


def test_paragraph_cut_by_a_page_break_is_joined_and_recorded():
    result, joins = blocks("财务总监根据授权对企业各项经济活动实施监督控制，参与企业的重大经营决策，组织和监控企业日\n\n常财务活动。\n")
    assert [b.text for b in result] == ["财务总监根据授权对企业各项经济活动实施监督控制，参与企业的重大经营决策，组织和监控企业日常财务活动。"]
    assert [(j.line, j.next_line) for j in joins] == [(1, 3)]


def test_heading_without_punctuation_is_not_joined_to_the_next_paragraph():
    result, joins = blocks("（一）指导思想\n\n全面贯彻落实党的十九大精神，以习近平新时代中国特色社会主义思想为指导。\n")
    assert joins == []
    section = result[0]
    assert isinstance(section, Section) and section.heading == "指导思想"
    assert [type(b) for b in section.children] == [Paragraph]


def test_short_name_lines_are_not_joined():
    result, joins = blocks("三门峡市人民政府金融工作办公室\n\n湖滨区人民政府\n\n陕州区人民政府\n")
    assert joins == [] and len(result) == 3


def test_clause_cut_mid_sentence_is_prose_and_joined():
    result, joins = blocks("（二）发展改革部门负责政府投资计划管理和项目审批，从严审批债务风险较高地\n\n区的新开工项目。\n")
    assert result[0].heading is None
    assert result[0].text == "发展改革部门负责政府投资计划管理和项目审批，从严审批债务风险较高地区的新开工项目。"
    assert len(joins) == 1


def test_tab_rows_form_a_table_and_empty_cells_continue_the_cell_above():
    result, _ = blocks("序号\t类别\t名称\n1\t传统美术\t虢州石砚\n2\t\t民间剪纸\n3\t传统技艺\t挂面\n")
    table = result[0]
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [["1", "传统美术", "虢州石砚"], ["2", "传统美术", "民间剪纸"],
                                                               ["3", "传统技艺", "挂面"]]
    assert [row[1].merged for row in table.rows] == [False, True, False]
    html = render_blocks(result, 2)[0]
    assert '<td rowspan="2">传统美术</td>' in html and html.count("传统美术") == 1


def test_consecutive_short_numbered_lines_form_a_list_across_page_breaks_and_dash_artifacts():
    result, _ = blocks("1. 河南养生堂生物科技有限公司\n2. 三门峡玉森农业有限公司\n\n- 3. 三门峡华电工贸有限公司\n")
    assert isinstance(result[0], OrderedList)
    assert [(i.number, i.text) for i in result[0].items] == [(1, "河南养生堂生物科技有限公司"), (2, "三门峡玉森农业有限公司"),
                                                             (3, "三门峡华电工贸有限公司")]


def test_long_numbered_paragraphs_are_sections_not_a_list():
    result, _ = blocks("1. 综合部。负责党务、行政、文秘。\n\n2. 计划财务部。负责资金计划。\n\n3. 人力资源部。负责用工招录。\n")
    assert [type(b) for b in result] == [Section, Section, Section]
    assert [b.anchor for b in result] == ["it-1", "it-2", "it-3"]


def test_items_nest_under_articles_and_articles_under_chapters():
    result, _ = blocks("第一章 总则\n第一条 本办法适用于：\n（一）甲；\n（二）乙。\n第二条 其他。\n第二章 附则\n第三条 施行。\n")
    assert [b.anchor for b in result] == ["chp-1", "chp-2"]
    first = result[0].children
    assert [b.anchor for b in first] == ["art-1", "art-2"]
    assert [b.anchor for b in first[0].children] == ["art-1-1", "art-1-2"]


def test_lead_in_dashes_are_kept():
    result, _ = blocks("——智能制造水平不断提高。\n")
    assert result[0].role == "lead"
    assert result[0].text.startswith("——")


def test_markdown_and_html_in_the_text_are_escaped():
    text = "<script>alert(1)</script> *重要* _下划线_ [链接](http://x) `代码` | 表 # 标题 {: .x }"
    escaped = escape(text)
    assert "<script>" not in escaped and "&lt;script&gt;" in escaped
    for raw in ("*重要*", "_下划线_", "[链接]", "`代码`", "{: .x }"):
        assert raw not in escaped
    assert "\\| 表" in escaped
    assert escape("# 标题").startswith("\\#")
    assert escape("1. 不是列表").startswith("1\\.")
    assert escape("- 不是列表").startswith("\\-")
    assert escape("> 不是引用").startswith("&gt;")


def test_walk_reads_units_before_their_children_with_depth():
    from gazette.model import walk

    result, _ = blocks("第一章 总则\n第一条 为了规范。\n第二条 适用范围。\n第二章 附则\n第三条 施行。\n")
    assert [(getattr(b, "label", None), depth) for b, depth in walk(result)] == [
        ("第一章", 0), ("第一条", 1), ("第二条", 1), ("第二章", 0), ("第三条", 1)]
