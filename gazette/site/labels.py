"""Labels and dates as a reader sees them: one date format on every page, feed and report."""

from __future__ import annotations

from datetime import date

from gazette.paths import issue_dir, year_dir


def cn_date(value: date | None) -> str:
    """``2019年2月11日``; empty for an unknown date. ISO 8601 stays for machines (``datetime``, JSON)."""
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


NOT_IN_ARCHIVE = "本库未收录"
"""The one wording for a cited document that no issue of the archive holds."""


def cited(number: str, title: str | None) -> str:
    """A cited document outside the archive: ``《title》（文号，本库未收录）``, the title as the text gives it."""
    if title:
        return f"{title}（{number}，{NOT_IN_ARCHIVE}）"
    return f"{number}（{NOT_IN_ARCHIVE}）"


def issue_number(issue) -> str:
    """The issue within its year as the cover counts it: ``第2号``, ``第5、6期``."""
    numbers = "、".join(str(n) for n in issue.numbers) if issue.numbers else str(issue.no)
    return f"第{numbers}{issue.unit}"


def trail(issue, last: str | None = None) -> list[dict]:
    """The breadcrumb to an issue (首页 › 2019年 › 第2号) and, when given, a last step inside it."""
    steps = [{"label": "首页", "url": ""}, {"label": f"{issue.year}年", "url": year_dir(issue.year)},
             {"label": issue_number(issue), "url": issue_dir(issue) if last else None}]
    return steps + ([{"label": last, "url": None}] if last else [])
