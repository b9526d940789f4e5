"""The generated pages around the documents: home, years, issues (Markdown + front matter).

Every page is Markdown with YAML front matter; the templates in ``overrides/`` read the
front matter (``page.meta``) to draw the metadata panel and the boxes. Links between
generated pages are relative ``.md`` paths, so ``mkdocs build --strict`` checks them.
"""

from __future__ import annotations

from datetime import date

from gazette.archive import Archive
from gazette import paths
from gazette.paths import document_page, issue_dir, record_path, relative
from gazette.site.browse import browse_pages, outline_counts
from gazette.site.citations import page_linker
from gazette.model import Gazette
from gazette.site.context import Site, site_for
from gazette.site.display import display
from gazette.site.gov import SITEMAP, article_meta, column_meta, sitemap_page
from gazette.site.labels import cited, cn_date, issue_number, trail
from gazette.site.markdown import escape, front_matter, render_document
from gazette.site.panel import cited_titles, document_panel



def site_files(archive: Archive, site: Site | None = None) -> dict[str, str]:
    """Every generated Markdown page, by path under ``docs/``."""
    site = site or site_for(archive)
    files: dict[str, str] = {}
    for gazette in archive.gazettes:
        files.update(gazette_files(archive, gazette, site))
    files.update(archive_files(archive, site))
    return files


def gazette_files(archive: Archive, gazette: Gazette, site: Site) -> dict[str, str]:
    """The pages of one issue: its documents and its issue page."""
    files: dict[str, str] = {}
    for document in gazette.documents:
        path = document_page(gazette, document.slug)
        files[path] = render_document(document, gazette.issue, document_extra(archive, gazette, document, site),
                                      link=page_linker(archive, path, document.number))
    if gazette.issue is not None:
        files[paths.issue_page(gazette.issue)] = issue_page(archive, gazette)
    return files


def archive_files(archive: Archive, site: Site) -> dict[str, str]:
    """The pages over the whole archive: home, years, all issues, browsing, 网站地图."""
    files: dict[str, str] = {}
    years = sorted({g.issue.year for g in archive.gazettes if g.issue}, reverse=True)
    for year in years:
        files[paths.year_page(year)] = year_page(archive, year)
    files["index.md"] = home_page(archive, years, site)
    files["issues.md"] = issues_page(archive, years)
    files.update(browse_pages(archive, document_page))
    files[SITEMAP] = sitemap_page(archive, site)
    return files


def document_extra(archive: Archive, gazette: Gazette, document, site: Site) -> dict:
    """Front matter for the templates beyond the model: resolved links, search tags, outline, the panel."""
    facts = site.facts.of(gazette, document)
    extra: dict = article_meta(site, gazette, document, facts)
    if document.number:
        # Material's search gives the `tags` field the top boost: a 文号 typed as printed finds its page first.
        extra["tags"] = [document.number]
    if gazette.issue is not None:
        extra["trail"] = trail(gazette.issue, document.section or document.type or "")
        extra["issue_label"] = gazette.issue.label
        extra["issue_url"] = issue_dir(gazette.issue)
    if document.interprets:
        url = archive.resolve(document.interprets)
        title = display(document.source_title) if document.source_title else None
        extra["source"] = {"number": document.interprets, "title": title, "url": url,
                           "label": None if url else cited(document.interprets, title)}
    titles = cited_titles(document)
    extra["cites_linked"] = []
    for number in document.cites:
        url = archive.resolve(number)
        extra["cites_linked"].append({"number": number, "url": url,
                                      "label": None if url else cited(number, titles.get(number))})
    extra["outline"] = outline_counts(document.body)
    extra["record"] = record_path(gazette, document)
    extra["panel"] = document_panel(gazette, document, facts)
    return extra


def toc_markdown(gazette: Gazette, page: str) -> list[str]:
    """The 目录 as printed: section lines, then titles with their page numbers, linked."""
    lines = ['<div class="gz-toc" markdown>', ""]
    section = None
    by_toc = {document.toc_line: document for document in gazette.documents}
    for entry in gazette.toc:
        if entry.section != section:
            section = entry.section
            lines.extend(["", f'<p class="gz-toc-section">【{escape(section or "")}】</p>', ""])
        document = by_toc.get(entry.line)
        title = escape(entry.title)
        if document is not None:
            title = f"[{title}]({relative(document_page(gazette, document.slug), page)})"
        lines.append(f'- {title} <span class="gz-toc-page">{entry.page}</span>')
    lines.extend(["", "</div>", ""])
    return lines


def masthead_markdown(gazette: Gazette) -> list[str]:
    """The 刊头 facts, in printed order, as a two-column table."""
    masthead = gazette.masthead
    if masthead is None or masthead.empty:
        return []
    rows = []
    for key in ("编委会", "编辑部"):
        for member in masthead.group(key):
            note = f"（{escape(member.note)}）" if member.note else ""
            rows.append((f"{key}{escape(member.role)}", "、".join(escape(n) for n in member.names) + note))
    for key in ("主办", "编辑出版", "地址", "网址", "电话", "邮编", "准印证号", "出版日期", "印刷"):
        value = masthead.field(key)
        if value:
            rows.append((key, escape(_shown(value))))
    lines = ["## 刊头 {: #masthead }\n", "| 项目 | 内容 |", "| --- | --- |"]
    lines.extend(f"| {key} | {value} |" for key, value in rows)  # escape() gave each | a backslash: the table keeps it as text
    if masthead.note:
        lines.extend(["", f"（{escape(masthead.note)}）"])
    return lines + [""]


def _shown(value) -> str:
    """A masthead value as a reader sees it: an ISO date (出版日期) in the one date format."""
    if hasattr(value, "year"):
        return cn_date(value)
    text = str(value)
    try:
        return cn_date(date.fromisoformat(text))
    except ValueError:
        return display(text)


def cover_markdown(gazette: Gazette) -> list[str]:
    issue = gazette.issue
    english = gazette.masthead.english_title if gazette.masthead else None
    lines = ['<div class="gz-cover" markdown>', ""]
    lines.append(f'<p class="gz-cover-title">{escape(issue.title)}</p>')
    if english:
        lines.append(f'<p class="gz-cover-en" lang="en">{escape(english)}</p>')
    lines.append(f'<p class="gz-cover-no">{escape(issue.label.replace("年", "年 ", 1))}</p>')
    if issue.date:
        lines.append(f'<p class="gz-cover-date">出版日期：{cn_date(issue.date)}</p>')
    lines.extend(["", "</div>", ""])
    return lines


def issue_neighbours(archive: Archive, gazette: Gazette) -> dict:
    """上一期 (the issue before) and 下一期 (the one after), as ``{"label", "url"}``, or None at either end."""
    issues = [g for g in archive.gazettes if g.issue]  # newest first
    at = next(i for i, g in enumerate(issues) if g is gazette)
    older = issues[at + 1] if at + 1 < len(issues) else None
    newer = issues[at - 1] if at > 0 else None
    return {name: {"label": g.issue.label, "url": issue_dir(g.issue)} if g else None
            for name, g in (("previous", older), ("next", newer))}


def issue_page(archive: Archive, gazette: Gazette) -> str:
    issue = gazette.issue
    page = paths.issue_page(issue)
    label = gazette.issue.label
    meta = {"title": f"{issue.title} {label}", "issue": issue.to_dict(),
            "trail": trail(issue),
            "issue_nav": issue_neighbours(archive, gazette),
            **column_meta(f"{issue.title}{label}",
                          f"{issue.title}{label}" + (f"，{cn_date(issue.date)}出版" if issue.date else "")
                          + f"，刊登文件{len(gazette.documents)}件。", [issue.title, f"{issue.year}年", issue_number(issue)],
                          "公报")}
    meta["issue"]["date"] = issue.date
    lines = [front_matter(meta), f"# {escape(issue.title)} {escape(label)} {{: #issue }}\n"]
    lines.extend(cover_markdown(gazette))
    lines.append("## 本期目录 {: #toc }\n")
    lines.extend(toc_markdown(gazette, page))
    lines.extend(masthead_markdown(gazette))
    return "\n".join(lines) + "\n"


def year_page(archive: Archive, year: int) -> str:
    page = paths.year_page(year)
    count = sum(1 for g in archive.gazettes if g.issue and g.issue.year == year)
    meta = {"title": f"{year}年公报", "trail": [{"label": "首页", "url": ""}, {"label": f"{year}年", "url": None}],
            **column_meta(f"{year}年公报", f"{year}年出版的{count}期公报及其目录。", [f"{year}年", "公报"], "公报")}
    lines = [front_matter(meta), f"# {year}年公报 {{: #year }}\n"]
    for gazette in archive.gazettes:
        if gazette.issue and gazette.issue.year == year:
            issue = gazette.issue
            lines.append(f"## [{escape(gazette.issue.label)}]({relative(paths.issue_page(issue), page)})"
                         f" {{: #no-{issue.no} }}\n")
            if issue.date:
                lines.append(f"出版日期：{cn_date(issue.date)}，共{len(gazette.documents)}件。\n")
            lines.extend(toc_markdown(gazette, page))
    return "\n".join(lines) + "\n"


def issues_list(archive: Archive, years: list[int], page: str, level: int = 2) -> list[str]:
    lines = []
    for year in years:
        lines.append(f"{'#' * level} [{year}年]({relative(paths.year_page(year), page)}) {{: #y{year} }}\n")
        for gazette in archive.gazettes:
            if gazette.issue and gazette.issue.year == year:
                issue = gazette.issue
                date = f"，{cn_date(issue.date)}出版" if issue.date else ""
                lines.append(f"- [{escape(gazette.issue.label)}]({relative(paths.issue_page(issue), page)})"
                             f"{date}，共{len(gazette.documents)}件")
        lines.append("")
    return lines


def issues_page(archive: Archive, years: list[int]) -> str:
    meta = {"title": "历年公报", **column_meta("历年公报", "按年份、期号排列的全部公报。", ["历年公报", "期号"], "公报")}
    lines = [front_matter(meta), "# 历年公报 {: #issues }\n"]
    lines.extend(issues_list(archive, years, "issues.md"))
    return "\n".join(lines) + "\n"


def home_page(archive: Archive, years: list[int], site: Site) -> str:
    identity = site.identity
    meta = {"title": "首页", "hide": ["toc"],
            **column_meta("首页", identity.description or identity.gazette, [identity.gazette, "政府公报"], "首页")}
    lines = [front_matter(meta), f"# {escape(identity.gazette)} {{: #home }}\n"]
    example = next((d.number for _, d in archive.documents() if d.number), None)
    how = f"可按标题、文号（如 {escape(example)}）或关键词搜索" if example else "可按标题或关键词搜索"
    lines.append(f"{escape(identity.description)}{how}，也可按期、按文种、按发文机关浏览。\n")
    latest = next((g for g in archive.gazettes if g.issue), None)
    if latest is not None:
        issue = latest.issue
        lines.append(f"## 最新一期：[{escape(latest.issue.label)}]({paths.issue_page(issue)}) {{: #latest }}\n")
        lines.extend(cover_markdown(latest))
        lines.extend(toc_markdown(latest, "index.md"))
    issuers = "、".join(escape(name) for name in _main_issuers(archive))
    lines.append("## 浏览 {: #browse }\n")
    lines.extend([
        "- [历年公报](issues.md)：按年份、期号",
        "- [按文种浏览](browse/types.md)：决定、通知等",
        "- [按发文机关浏览](browse/issuers.md)" + (f"：{issuers}" if issuers else ""),
        "- [政策解读](browse/interpretations.md)：全部政策解读及其对应的政策文件",
        "- [网站地图](map.md)：全部栏目",
        "",
    ])
    lines.append("## 历年公报 {: #years }\n")
    lines.extend(issues_list(archive, years, "index.md", level=3))
    return "\n".join(lines) + "\n"


def _main_issuers(archive: Archive, count: int = 2) -> list[str]:
    """The organs that issued most of the archive's documents, most first."""
    tally: dict[str, int] = {}
    for _, document in archive.documents():
        if document.issuer and document.type != "解读":
            tally[document.issuer] = tally.get(document.issuer, 0) + 1
    return sorted(tally, key=lambda name: (-tally[name], name))[:count]
