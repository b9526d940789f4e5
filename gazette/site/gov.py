"""What a 政府网站 carries beyond the gazette: page tags for the government-site platforms and the
human 网站地图.

Page tags follow the platform convention (《政府网站发展指引》): every page names the site
(``SiteName``, ``SiteDomain``, ``SiteIDCode``, added by the templates from the identity), a list page
its column (``ColumnName`` …) and a document page its article (``ArticleTitle``, ``PubDate`` …).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from gazette.paths import document_url, issue_page, year_page
from gazette.site.labels import issue_number
from gazette.site.markdown import escape, front_matter

SITEMAP = "map.md"
"""The 网站地图 page (``/map/``): ``sitemap.xml`` is MkDocs's machine sitemap."""


def site_tags(identity) -> dict[str, str]:
    """The tags of every page: the site's name, domain and 网站标识码."""
    return {"SiteName": identity.gazette, "SiteDomain": urlsplit(identity.site_url).hostname or "",
            "SiteIDCode": identity.site_id_code}


def column_meta(name: str, description: str, keywords: list[str], kind: str) -> dict:
    """Front matter of a list page (栏目页): its meta description and its column tags."""
    return {"description": description,
            "page_tags": {"ColumnName": name, "ColumnDescription": description,
                          "ColumnKeywords": ",".join(keywords), "ColumnType": kind}}


def article_meta(site, gazette, document, facts) -> dict:
    """Front matter of a document page (文章页): the opening sentence and the article tags."""
    issue = gazette.issue
    source = site.identity.gazette + (issue.label if issue else "")
    return {"description": facts.description,
            "page_tags": {"ArticleTitle": document.title,
                          "PubDate": facts.published.isoformat() if facts.published else "",
                          "ContentSource": source,
                          "Keywords": ",".join(facts.keywords),
                          "Description": facts.description,
                          "Url": site.url(document_url(gazette, document))}}


def sitemap_page(archive, site) -> str:
    """网站地图: every column of the site and every issue, for a reader who wants the whole at a glance."""
    identity = site.identity
    meta = {"title": "网站地图", **column_meta("网站地图", f"{identity.gazette}网站的全部栏目和各期公报。",
                                               ["网站地图", "栏目"], "网站地图")}
    lines = [front_matter(meta), "# 网站地图 {: #sitemap }\n",
             f"{escape(identity.gazette)}网站的全部栏目。每件文件可从所在一期的目录、按文种、按发文机关或政策解读页面找到。\n",
             "## 栏目 {: #columns }\n",
             "- [首页](index.md)：最新一期和历年公报",
             "- [历年公报](issues.md)：按年份、期号排列的全部公报",
             "- [按文种浏览](browse/types.md)：决定、通知、意见等",
             "- [按发文机关浏览](browse/issuers.md)",
             "- [政策解读](browse/interpretations.md)：全部政策解读及其解读的文件",
             "- [开放数据](data/index.md)：JSON、CSV 和订阅源",
             "- [网站地图](map.md)：本页",
             "", "## 各期公报 {: #issues }\n"]
    years: dict[int, list] = {}
    for gazette in archive.gazettes:
        if gazette.issue:
            years.setdefault(gazette.issue.year, []).append(gazette)
    for year, gazettes in years.items():
        issues = "、".join(f"[{issue_number(g.issue)}]({issue_page(g.issue)})" for g in gazettes)
        lines.append(f"- [{year}年]({year_page(year)})：{issues}")
    standalone = sum(len(g.documents) for g in archive.gazettes if g.issue is None)
    if standalone:
        lines.append(f"- 单篇文件 {standalone} 件：见[按文种浏览](browse/types.md)")
    return "\n".join(lines) + "\n"
