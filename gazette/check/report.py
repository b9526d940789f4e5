"""The 校对报告 (proofreading report) for the editors: one Markdown file per source."""

from __future__ import annotations

from gazette.check.coverage import Coverage
from gazette.errors import Warning
from gazette.model import Gazette
from gazette.parse.toc import title_key

_SECTIONS = (
    ("toc-mismatch", "目录标题与正文标题不一致"),
    ("toc-missing", "目录条目在正文中未找到"),
    ("toc-unlisted", "正文中有、目录中没有的文件"),
    ("toc-count", "文件篇数与目录不符"),
    ("toc-order", "正文顺序与目录不同"),
    ("toc-absent", "没有目录"),
    ("toc-page", "目录页码顺序异常"),
    ("toc-page-number", "目录页码与正文页码不符"),
    ("traditional", "繁体字段落"),
    ("latin", "中文中夹杂的拉丁字母单词"),
    ("brackets", "括号不配对"),
    ("duplicate-number", "重复文号"),
    ("source-missing", "解读所依据的文件不在文库中"),
    ("number-normalized", "文号写法已规范"),
    ("control-char", "删除的控制字符"),
    ("bidi-control", "删除的文字方向控制字符"),
    ("noncharacter", "删除的 Unicode 非字符"),
    ("invisible-char", "删除的不可见字符"),
)
"""Report sections by warning code, in this order; other codes are listed under 其他."""
SECTION_TITLES = dict(_SECTIONS)
_ONLY_WHEN_FOUND = ("toc-mismatch", "toc-missing", "toc-page", "number-normalized", "control-char", "bidi-control",
                    "noncharacter", "invisible-char")
"""Sections shown only when they have findings (the others say 无 so the editor sees they were checked)."""


def render_report(gazette: Gazette, coverage: Coverage | None, archive_warnings: list[Warning]) -> str:
    """The report as Markdown: summary, 目录 check, joins, then each kind of problem."""
    warnings = list(gazette.warnings) + [w for w in archive_warnings if w.file == gazette.file]
    lines = [f"# 校对报告 · {gazette.file}", ""]
    if gazette.issue:
        issue = gazette.issue
        lines.append(f"{issue.label}，出版日期 {issue.date or '未印'}。")
    else:
        lines.append("单篇文件（无期刊信息）。")
    lines += ["", "## 概要", "",
              f"- 文件：{len(gazette.documents)} 篇",
              f"- 目录条目：{len(gazette.toc)} 条",
              f"- 合并的断段：{len(gazette.joins)} 处",
              f"- 警告：{len(warnings)} 条"]
    if coverage is not None:
        lines.append(f"- {coverage.summary()}")
    lines += ["", "## 目录与正文核对", ""]
    lines += _toc_table(gazette)
    lines += _furniture(gazette)
    lines += ["", "## 跨页断段合并", ""]
    breaks = [j for j in gazette.joins if j.next_line > j.line + 1]
    if breaks:
        lines += ["| 行 | 断开处之前 | 断开处之后 |", "|---|---|---|"]
        lines += [f"| {j.line}→{j.next_line} | {_cell(j.before)} | {_cell(j.after)} |" for j in breaks]
    else:
        lines.append("无。")
    wraps = len(gazette.joins) - len(breaks)
    if wraps:
        lines += ["", f"另有 {wraps} 处段内换行（相邻两行、无空行）已接续。"]
    for kind, heading in _SECTIONS:
        found = [w for w in warnings if w.kind == kind]
        if kind in _ONLY_WHEN_FOUND and not found:
            continue
        lines += ["", f"## {heading}", ""]
        lines += [_item(w) for w in found] or ["无。"]
    others = [w for w in warnings if w.kind not in SECTION_TITLES]
    if others:
        lines += ["", "## 其他", ""]
        lines += [_item(w) for w in others]
    return "\n".join(lines) + "\n"


def _item(warning: Warning) -> str:
    where = f"第 {warning.line} 行：" if warning.line else ""
    return f"- {where}{warning.message}（`{warning.code}`）"


_FURNITURE = (("running-header", "页眉（刊名、期号）"), ("section-header", "页眉（栏目名）"), ("page-number", "页码"),
              ("imprint", "刊末版权页（已读入刊头信息）"))
FURNITURE_EXAMPLES = 3


def _furniture(gazette: Gazette) -> list[str]:
    """What page furniture was taken out of the text: counts per kind and a few examples."""
    if not gazette.furniture:
        return []
    lines = ["", "## 删除的页眉页码", "",
             f"共删除 {len(gazette.furniture)} 行版面元素（不属于任何文件的页眉、页码等）；其中的文字按删除计，不算丢失。", ""]
    for category, label in _FURNITURE:
        found = [item for item in gazette.furniture if item.category == category]
        if found:
            examples = "、".join(f"第 {item.line} 行「{_cell(item.text.strip())}」" for item in found[:FURNITURE_EXAMPLES])
            lines.append(f"- {label}：{len(found)} 行，如 {examples}")
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _toc_table(gazette: Gazette) -> list[str]:
    if not gazette.toc:
        return ["无目录。"]
    by_entry = {document.toc_line: document for document in gazette.documents}
    rows = ["| # | 目录标题 | 页 | 正文行 | 结果 |", "|---|---|---|---|---|"]
    for number, entry in enumerate(gazette.toc, start=1):
        match = by_entry.get(entry.line)
        if match is None:
            result, line = "未找到", "—"
        elif title_key(match.title) == title_key(entry.title):
            result, line = "一致", str(match.line)
        else:
            result, line = f"不一致：正文为「{_cell(match.title)}」", str(match.line)
        rows.append(f"| {number} | {_cell(entry.title)} | {entry.page} | {line} | {result} |")
    return rows
