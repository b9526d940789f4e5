"""Browsing pages: by 文种, by 发文机关, and the index of all 政策解读 (Markdown + front matter)."""

from __future__ import annotations

import posixpath
from collections import Counter
from typing import Callable

from pypinyin import lazy_pinyin

from gazette.model import Section, walk
from gazette.site.display import display
from gazette.site.gov import column_meta
from gazette.site.labels import cited, cn_date, issue_number
from gazette.site.markdown import escape, front_matter

TYPE_ORDER = ("决议", "决定", "命令（令）", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示",
              "批复", "议案", "函", "纪要")
"""The 15 文种 of 《党政机关公文处理工作条例》, in its order."""


def anchor_of(name: str) -> str:
    """A stable ASCII id for a heading named in Chinese: 通知 → ``tongzhi``."""
    letters = "".join(lazy_pinyin(name, errors=lambda chars: [c for c in chars if c.isascii() and c.isalnum()]))
    return "".join(c for c in letters.lower() if c.isalnum()) or "x"


def outline_counts(blocks) -> dict:
    """How many chapters (章) and articles (条) a body has, for the page's outline summary."""
    counts = Counter(block.marker for block, _ in walk(blocks) if isinstance(block, Section))
    return {"chapters": counts["chapter"], "articles": counts["article"]}




def _entry(gazette, document, path: str, page: str) -> str:
    link = posixpath.relpath(path, posixpath.dirname(page))
    facts = [escape(x) for x in (document.number, cn_date(document.date)) if x]
    if gazette.issue is not None:
        facts.append(f"{gazette.issue.year}年{issue_number(gazette.issue)}")
    return f"- [{escape(document.title)}]({link})" + (f"（{'，'.join(facts)}）" if facts else "")


def _grouped_page(title: str, anchor: str, intro: str, groups: dict, page: str, path_of) -> str:
    meta = {"title": title, **column_meta(title, intro, [title, *list(groups)[:8]], "政策文件")}
    lines = [front_matter(meta), f"# {title} {{: #{anchor} }}\n", intro + "\n"]
    lines.append(" · ".join(f"[{escape(name)}（{len(items)}）](#{anchor_of(name)})" for name, items in groups.items())
                 + "\n")
    for name, items in groups.items():
        lines.append(f"## {escape(name)} {{: #{anchor_of(name)} }}\n")
        lines.extend(_entry(g, d, path_of(g, d.slug), page) for g, d in items)
        lines.append("")
    return "\n".join(lines) + "\n"


def browse_pages(archive, path_of: Callable) -> dict[str, str]:
    """``browse/types.md``, ``browse/issuers.md`` and ``browse/interpretations.md``."""
    official = [(g, d) for g, d in archive.documents() if d.type != "解读"]
    by_type: dict[str, list] = {}
    for name in TYPE_ORDER + tuple(sorted({d.type or "未载明文种" for _, d in official} - set(TYPE_ORDER))):
        items = [(g, d) for g, d in official if (d.type or "未载明文种") == name]
        if items:
            by_type[name] = items
    by_issuer: dict[str, list] = {}
    for g, d in official:
        by_issuer.setdefault(d.issuer or "未载明发文机关", []).append((g, d))
    return {
        "browse/types.md": _grouped_page("按文种浏览", "types", "按《党政机关公文处理工作条例》规定的文种分类，新刊登的在前。",
                                        by_type, "browse/types.md", path_of),
        "browse/issuers.md": _grouped_page("按发文机关浏览", "issuers", "按发文机关分类，新刊登的在前。",
                                          by_issuer, "browse/issuers.md", path_of),
        "browse/interpretations.md": interpretations_page(archive, path_of),
    }


def interpretations_page(archive, path_of: Callable) -> str:
    page = "browse/interpretations.md"
    meta = {"title": "政策解读", **column_meta("政策解读", "全部政策解读，及其解读的政策文件。", ["政策解读"], "政策解读")}
    lines = [front_matter(meta), "# 政策解读 {: #interpretations }\n",
             "全部政策解读，及其解读的政策文件。\n"]
    for gazette, document in archive.documents():
        if document.type != "解读":
            continue
        lines.append(_entry(gazette, document, path_of(gazette, document.slug), page))
        if document.interprets:
            url = archive.resolve(document.interprets)
            number = escape(document.interprets)
            if url:
                target = posixpath.relpath(url.rstrip("/") + ".md", "browse")
                lines.append(f"    - 政策文件：[{number}]({target})")
            else:
                title = display(document.source_title) if document.source_title else None
                lines.append(f"    - 政策文件：{escape(cited(document.interprets, title))}")
    return "\n".join(lines) + "\n"
