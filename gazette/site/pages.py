"""The generated pages around the documents: home, years, issues (Markdown + front matter).

Every page is Markdown with YAML front matter; the templates in ``overrides/`` read the
front matter (``page.meta``) to draw the metadata panel and the boxes. Links between
generated pages are relative ``.md`` paths, so ``mkdocs build --strict`` checks them.
"""

from __future__ import annotations

import posixpath

from gazette.archive import Archive, issue_dir
from gazette.site.browse import browse_pages, outline_counts
from gazette.site.citations import page_linker
from gazette.model import Gazette
from gazette.site.opendata import record_path
from gazette.site.markdown import escape, front_matter, render_document


def document_path(gazette: Gazette, slug: str) -> str:
    """Path under ``docs/`` of a document's page: ``2019/2/sz-2018-29.md``."""
    return f"{issue_dir(gazette)}{slug}.md"


def issue_label(gazette: Gazette) -> str:
    return gazette.issue.label


def relative(target: str, page: str) -> str:
    """Link from the page at ``page`` to the page at ``target`` (both paths under docs/)."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def site_files(archive: Archive) -> dict[str, str]:
    """Every generated Markdown page, by path under ``docs/``."""
    files: dict[str, str] = {}
    for gazette in archive.gazettes:
        files.update(gazette_files(archive, gazette))
    files.update(archive_files(archive))
    return files


def gazette_files(archive: Archive, gazette: Gazette) -> dict[str, str]:
    """The pages of one issue: its documents and its issue page."""
    files: dict[str, str] = {}
    for document in gazette.documents:
        path = document_path(gazette, document.slug)
        files[path] = render_document(document, gazette.issue, document_extra(archive, gazette, document),
                                      link=page_linker(archive, path, document.number))
    if gazette.issue is not None:
        files[f"{gazette.issue.year}/{gazette.issue.no}/index.md"] = issue_page(gazette)
    return files


def archive_files(archive: Archive) -> dict[str, str]:
    """The pages over the whole archive: home, years, all issues, browsing."""
    files: dict[str, str] = {}
    years = sorted({g.issue.year for g in archive.gazettes if g.issue}, reverse=True)
    for year in years:
        files[f"{year}/index.md"] = year_page(archive, year)
    files["index.md"] = home_page(archive, years)
    files["issues.md"] = issues_page(archive, years)
    files.update(browse_pages(archive, document_path))
    return files


def document_extra(archive: Archive, gazette: Gazette, document) -> dict:
    """Front matter for the templates beyond the model: resolved links, search tags, outline."""
    extra: dict = {}
    if document.number:
        # Material's search gives the `tags` field the top boost: a 文号 typed as printed finds its page first.
        extra["tags"] = [document.number]
    if gazette.issue is not None:
        extra["issue_label"] = issue_label(gazette)
        extra["issue_url"] = f"{gazette.issue.year}/{gazette.issue.no}/"
    if document.interprets:
        extra["source"] = {"number": document.interprets, "title": document.source_title,
                           "url": archive.resolve(document.interprets)}
    extra["cites_linked"] = [{"number": number, "url": archive.resolve(number)} for number in document.cites]
    extra["outline"] = outline_counts(document.body)
    extra["record"] = record_path(gazette, document)
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
            title = f"[{title}]({relative(document_path(gazette, document.slug), page)})"
        lines.append(f'- {title} <span class="gz-toc-page">{entry.page}</span>')
    lines.extend(["", "</div>", ""])
    return lines


def masthead_markdown(gazette: Gazette) -> list[str]:
    """The 刊头 facts, in printed order, as a two-column table."""
    masthead = gazette.masthead or {}
    if not masthead:
        return []
    rows = []
    for key in ("编委会", "编辑部"):
        for member in masthead.get(key) or []:
            note = f"（{escape(member['note'])}）" if member.get("note") else ""
            rows.append((f"{key}{escape(member['role'])}", "、".join(escape(n) for n in member["names"]) + note))
    for key in ("主办", "编辑出版", "地址", "网址", "电话", "邮编", "准印证号", "出版日期", "印刷"):
        value = masthead.get(key)
        if value:
            rows.append((key, escape(str(value))))
    lines = ["## 刊头 {: #masthead }\n", "| 项目 | 内容 |", "| --- | --- |"]
    lines.extend(f"| {key} | {value} |" for key, value in rows)  # escape() gave each | a backslash: the table keeps it as text
    if masthead.get("说明"):
        lines.extend(["", f"（{escape(masthead['说明'])}）"])
    return lines + [""]


def cover_markdown(gazette: Gazette) -> list[str]:
    issue = gazette.issue
    english = (gazette.masthead or {}).get("英文刊名")
    lines = ['<div class="gz-cover" markdown>', ""]
    lines.append(f'<p class="gz-cover-title">{escape(issue.title)}</p>')
    if english:
        lines.append(f'<p class="gz-cover-en" lang="en">{escape(english)}</p>')
    lines.append(f'<p class="gz-cover-no">{escape(issue.label.replace("年", "年 ", 1))}</p>')
    if issue.date:
        lines.append(f'<p class="gz-cover-date">出版日期：{issue.date.year}年{issue.date.month}月{issue.date.day}日</p>')
    lines.extend(["", "</div>", ""])
    return lines


def issue_page(gazette: Gazette) -> str:
    issue = gazette.issue
    page = f"{issue.year}/{issue.no}/index.md"
    meta = {"title": f"{issue.title} {issue_label(gazette)}", "issue": issue.to_dict()}
    meta["issue"]["date"] = issue.date
    lines = [front_matter(meta), f"# {escape(issue.title)} {escape(issue_label(gazette))} {{: #issue }}\n"]
    lines.extend(cover_markdown(gazette))
    lines.append("## 目录 {: #toc }\n")
    lines.extend(toc_markdown(gazette, page))
    lines.extend(masthead_markdown(gazette))
    return "\n".join(lines) + "\n"


def year_page(archive: Archive, year: int) -> str:
    page = f"{year}/index.md"
    lines = [front_matter({"title": f"{year}年公报"}), f"# {year}年公报 {{: #year }}\n"]
    for gazette in archive.gazettes:
        if gazette.issue and gazette.issue.year == year:
            issue = gazette.issue
            lines.append(f"## [{escape(issue_label(gazette))}]({relative(f'{year}/{issue.no}/index.md', page)})"
                         f" {{: #no-{issue.no} }}\n")
            if issue.date:
                lines.append(f"出版日期：{issue.date.year}年{issue.date.month}月{issue.date.day}日，"
                             f"共{len(gazette.documents)}件。\n")
            lines.extend(toc_markdown(gazette, page))
    return "\n".join(lines) + "\n"


def issues_list(archive: Archive, years: list[int], page: str, level: int = 2) -> list[str]:
    lines = []
    for year in years:
        lines.append(f"{'#' * level} [{year}年]({relative(f'{year}/index.md', page)}) {{: #y{year} }}\n")
        for gazette in archive.gazettes:
            if gazette.issue and gazette.issue.year == year:
                issue = gazette.issue
                date = f"，{issue.date.month}月{issue.date.day}日出版" if issue.date else ""
                lines.append(f"- [{escape(issue_label(gazette))}]({relative(f'{year}/{issue.no}/index.md', page)})"
                             f"{date}，共{len(gazette.documents)}件")
        lines.append("")
    return lines


def issues_page(archive: Archive, years: list[int]) -> str:
    lines = [front_matter({"title": "历年公报"}), "# 历年公报 {: #issues }\n"]
    lines.extend(issues_list(archive, years, "issues.md"))
    return "\n".join(lines) + "\n"


def home_page(archive: Archive, years: list[int]) -> str:
    meta = {"title": "首页", "hide": ["toc"]}
    lines = [front_matter(meta), "# 三门峡市人民政府公报 {: #home }\n"]
    lines.append("三门峡市人民政府主办，刊登市政府及市政府办公室文件和政策解读。"
                 "可按标题、文号（如 三政〔2018〕34号）或关键词搜索，也可按期、按文种、按发文机关浏览。\n")
    latest = next((g for g in archive.gazettes if g.issue), None)
    if latest is not None:
        issue = latest.issue
        lines.append(f"## 最新一期：[{escape(issue_label(latest))}]({issue.year}/{issue.no}/index.md) {{: #latest }}\n")
        lines.extend(cover_markdown(latest))
        lines.extend(toc_markdown(latest, "index.md"))
    lines.append("## 浏览 {: #browse }\n")
    lines.extend([
        "- [历年公报](issues.md)：按年份、期号",
        "- [按文种浏览](browse/types.md)：决定、通知等",
        "- [按发文机关浏览](browse/issuers.md)：市人民政府、市人民政府办公室",
        "- [政策解读](browse/interpretations.md)：全部政策解读及其对应的政策文件",
        "",
    ])
    lines.append("## 历年公报 {: #years }\n")
    lines.extend(issues_list(archive, years, "index.md", level=3))
    return "\n".join(lines) + "\n"
