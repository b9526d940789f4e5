"""The generated site pages: in-text 文号 links, issue 目录, browsing pages, document front matter."""

from __future__ import annotations

import re

import frontmatter

from gazette.site.citations import link_numbers
from gazette.site.markdown import escape


def resolver(known: dict):
    return lambda number: known.get(number)


def test_cited_number_becomes_a_link_only_when_resolved():
    text = escape("根据三政〔2018〕34号和豫政办〔2017〕153号执行")
    linked = link_numbers(text, resolver({"三政〔2018〕34号": "sz-2018-34.md"}))
    assert linked == "根据[三政〔2018〕34号](sz-2018-34.md)和豫政办〔2017〕153号执行"


def test_words_before_the_issuer_code_stay_outside_the_link():
    linked = link_numbers("依据国发〔2014〕43号", resolver({"国发〔2014〕43号": "x.md"}))
    assert linked == "依据[国发〔2014〕43号](x.md)"


def test_number_printed_with_spaces_links_to_its_canonical_form():
    linked = link_numbers("三政办〔2018〕41 号", resolver({"三政办〔2018〕41号": "szb-2018-41.md"}))
    assert linked == "[三政办〔2018〕41 号](szb-2018-41.md)"


def test_no_linker_leaves_text_alone():
    assert link_numbers("三政〔2018〕34号", None) == "三政〔2018〕34号"


def test_interpretation_links_to_its_source_in_the_body(conversion):
    page = conversion.files["2019/2/sz-2018-34-jd.md"]
    assert "[三政〔2018〕34号](sz-2018-34.md)" in page
    missing = conversion.files["2019/2/szb-2018-40-jd.md"]
    assert "三政办〔2018〕40号" in missing and "](" not in frontmatter.loads(missing).content


def test_a_document_does_not_link_to_itself(conversion):
    body = frontmatter.loads(conversion.files["2019/2/sz-2018-34.md"]).content
    assert "[三政〔2018〕34号]" not in body


def test_links_keep_the_coverage_complete(conversion):
    assert all(coverage.complete for coverage in conversion.coverage.values())


def test_document_front_matter_feeds_the_templates(conversion):
    meta = frontmatter.loads(conversion.files["2019/2/sz-2018-34.md"]).metadata
    assert meta["tags"] == ["三政〔2018〕34号"]
    assert meta["issue_label"] == "2019年第2号（总第157号）" and meta["issue_url"] == "2019/2/"
    assert meta["outline"] == {"chapters": 9, "articles": 36}
    assert meta["interpretations"][0]["url"] == "2019/2/sz-2018-34-jd/"
    jd = frontmatter.loads(conversion.files["2019/2/sz-2018-34-jd.md"]).metadata
    assert jd["source"] == {"number": "三政〔2018〕34号", "title": "三门峡市人民政府关于印发三门峡市政府性债务管理办法的通知",
                            "url": "2019/2/sz-2018-34/", "label": None}
    assert "tags" not in jd
    other = frontmatter.loads(conversion.files["2019/2/szb-2018-40-jd.md"]).metadata
    assert other["source"]["url"] is None
    assert other["source"]["label"] == ("三门峡市人民政府办公室关于印发三门峡市开展企业成长促进行动实施方案的通知"
                                        "（三政办〔2018〕40号，本库未收录）")


def test_issue_page_prints_the_toc_with_sections_and_pages(conversion):
    page = conversion.files["2019/2/index.md"]
    sections = re.findall(r'<p class="gz-toc-section">(【.+?】)</p>', page)
    assert sections == ["【市政府文件】", "【市政府办公室文件】", "【政策解读】"]
    pages = [int(n) for n in re.findall(r'<span class="gz-toc-page">(\d+)</span>', page)]
    assert pages == [1, 2, 4, 5, 11, 17, 24, 30, 34, 40, 43, 45, 48, 51]
    assert "[三门峡市人民政府关于印发三门峡市政府性债务管理办法的通知](sz-2018-34.md)" in page
    assert "## 刊头 {: #masthead }" in page and "| 准印证号 |" in page


def test_browse_pages_list_every_document_once(conversion):
    types = conversion.files["browse/types.md"]
    issuers = conversion.files["browse/issuers.md"]
    for page in (types, issuers):
        assert len(re.findall(r"^- \[", page, re.M)) == 10
    assert "## 决定 {: #jueding }" in types and "## 通知 {: #tongzhi }" in types
    assert "## 三门峡市人民政府办公室 {: #sanmenxiashirenminzhengfubangongshi }" in issuers
    interpretations = conversion.files["browse/interpretations.md"]
    assert "政策文件：三门峡市人民政府办公室关于印发三门峡市开展企业成长促进行动实施方案的通知（三政办〔2018〕40号，本库未收录）" \
        in interpretations
    assert "尚未收录" not in "".join(text for text in conversion.files.values() if isinstance(text, str))
    assert "政策文件：[三政〔2018〕34号](../2019/2/sz-2018-34.md)" in interpretations


def test_home_page_shows_the_latest_issue_and_ways_to_browse(conversion):
    home = conversion.files["index.md"]
    assert "## 最新一期：[2019年第2号（总第157号）](2019/2/index.md)" in home
    for target in ("issues.md", "browse/types.md", "browse/issuers.md", "browse/interpretations.md"):
        assert f"]({target})" in home


def test_issue_page_links_the_issue_before_and_after():
    from gazette.archive import build_archive
    from gazette.model import Gazette, Issue
    from gazette.site.pages import issue_neighbours

    def issue(year, no):
        return Gazette(f"gazettes/{year}-{no:02d}.txt", Issue(year, no, None, None, "某市人民政府公报"), None, (), ())

    archive = build_archive([issue(2019, 1), issue(2018, 12), issue(2019, 2)])
    first, middle, last = sorted(archive.gazettes, key=lambda g: (g.issue.year, g.issue.no))
    assert issue_neighbours(archive, middle) == {"previous": {"label": "2018年第12号", "url": "2018/12/"},
                                                 "next": {"label": "2019年第2号", "url": "2019/2/"}}
    assert issue_neighbours(archive, first)["previous"] is None
    assert issue_neighbours(archive, last)["next"] is None


def test_issue_page_front_matter_has_its_trail_and_column_tags(conversion):
    meta = frontmatter.loads(conversion.files["2019/2/index.md"]).metadata
    assert [step["label"] for step in meta["trail"]] == ["首页", "2019年", "第2号"]
    assert meta["page_tags"]["ColumnName"] == "三门峡市人民政府公报2019年第2号（总第157号）"
    assert meta["page_tags"]["ColumnType"] == "公报"
    assert "## 本期目录 {: #toc }" in conversion.files["2019/2/index.md"]
    assert "| 出版日期 | 2019年2月11日 |" in conversion.files["2019/2/index.md"]


def test_site_map_lists_every_column_and_issue(conversion):
    page = conversion.files["map.md"]
    for target in ("index.md", "issues.md", "browse/types.md", "browse/issuers.md", "browse/interpretations.md",
                   "data/index.md", "2019/index.md", "2019/2/index.md"):
        assert f"]({target})" in page
    assert frontmatter.loads(page).metadata["page_tags"]["ColumnName"] == "网站地图"
