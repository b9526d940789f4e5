"""The generated pages around the documents: home, years, issues (Markdown + front matter)."""

from __future__ import annotations

from gazette.archive import Archive
from gazette.model import Gazette
from gazette.render import escape, front_matter, render_document


def document_path(gazette: Gazette, slug: str) -> str:
    if gazette.issue is None:
        return f"documents/{slug}.md"
    return f"{gazette.issue.year}/{gazette.issue.no}/{slug}.md"


def issue_label(gazette: Gazette) -> str:
    issue = gazette.issue
    total = f"（总第{issue.total}号）" if issue.total else ""
    return f"{issue.year}年第{issue.no}号{total}"


def site_files(archive: Archive) -> dict[str, str]:
    """Every generated Markdown page, by path under ``docs/``."""
    files: dict[str, str] = {}
    for gazette in archive.gazettes:
        for document in gazette.documents:
            files[document_path(gazette, document.slug)] = render_document(document, gazette.issue)
        if gazette.issue is not None:
            files[f"{gazette.issue.year}/{gazette.issue.no}/index.md"] = issue_page(gazette)
    years = sorted({g.issue.year for g in archive.gazettes if g.issue}, reverse=True)
    for year in years:
        files[f"{year}/index.md"] = year_page(archive, year)
    files["index.md"] = home_page(archive, years)
    return files


def issue_page(gazette: Gazette) -> str:
    issue = gazette.issue
    meta = {"title": f"{issue.title} {issue_label(gazette)}", "issue": issue.to_dict()}
    meta["issue"]["date"] = issue.date
    lines = [front_matter(meta), f"# {escape(issue.title)} {escape(issue_label(gazette))}\n"]
    if issue.date:
        lines.append(f"出版日期：{issue.date.year}年{issue.date.month}月{issue.date.day}日\n")
    lines.append("## 目录 {: #toc }\n")
    section = None
    by_toc = {document.toc_line: document for document in gazette.documents}
    for entry in gazette.toc:
        if entry.section != section:
            section = entry.section
            lines.append(f"### 【{escape(section or '')}】\n")
        document = by_toc.get(entry.line)
        title = escape(entry.title)
        link = f"[{title}]({document.slug}.md)" if document else title
        lines.append(f"- {link} …… {entry.page}")
    lines.append("")
    return "\n".join(lines) + "\n"


def year_page(archive: Archive, year: int) -> str:
    lines = [front_matter({"title": f"{year}年"}), f"# {year}年\n"]
    for gazette in archive.gazettes:
        if gazette.issue and gazette.issue.year == year:
            lines.append(f"- [{escape(issue_label(gazette))}]({gazette.issue.no}/index.md)"
                         f"（{len(gazette.documents)}件）")
    return "\n".join(lines) + "\n"


def home_page(archive: Archive, years: list[int]) -> str:
    lines = [front_matter({"title": "首页"}), "# 三门峡市人民政府公报\n"]
    for year in years:
        lines.append(f"- [{year}年]({year}/index.md)")
    lines.append("")
    return "\n".join(lines) + "\n"
