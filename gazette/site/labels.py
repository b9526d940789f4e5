"""Labels and dates as a reader sees them: one date format on every page, feed and report."""

from __future__ import annotations

from datetime import date


def cn_date(value: date | None) -> str:
    """``2019年2月11日``; empty for an unknown date. ISO 8601 stays for machines (``datetime``, JSON)."""
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def issue_label(year: int, no: int, total: int | None) -> str:
    """``2019年第2号（总第157号）``."""
    return f"{year}年第{no}号" + (f"（总第{total}号）" if total else "")


NOT_IN_ARCHIVE = "本库未收录"
"""The one wording for a cited document that no issue of the archive holds."""


def cited(number: str, title: str | None) -> str:
    """A cited document outside the archive: ``《title》（文号，本库未收录）``, the title as the text gives it."""
    if title:
        return f"{title}（{number}，{NOT_IN_ARCHIVE}）"
    return f"{number}（{NOT_IN_ARCHIVE}）"
