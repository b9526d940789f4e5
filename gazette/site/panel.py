"""The metadata panel of a document page (文件信息), as rows of label and display text.

The template lays the rows out; every date and wording is decided here, in one place.
"""

from __future__ import annotations

import re

from gazette.model import Document, Gazette
from gazette.parse.markers import find_numbers
from gazette.site.display import display
from gazette.site.facts import Facts
from gazette.site.labels import cn_date
from gazette.site.validity import texts

_CITED = re.compile(r"《(?P<title>[^《》\n]{2,120})》[\s\u3000]*[（(](?P<number>[^（()）\n]{4,40})[)）]")
"""A title in 《》 followed by its 文号 in brackets: ``《国务院关于…的意见》（国发〔2014〕43号）``."""


def cited_titles(document: Document) -> dict[str, str]:
    """文号 → ``《title》`` as the document's own text cites it; the first citation wins."""
    titles: dict[str, str] = {}
    for text, _ in texts(document.body):
        if "》" not in text:
            continue
        for found in _CITED.finditer(display(text)):
            numbers = find_numbers(found["number"])
            if len(numbers) == 1:
                titles.setdefault(numbers[0], f"《{found['title']}》")
    return titles


def validity_text(facts: Facts) -> str | None:
    """``现行有效（自2018年12月17日起施行）``; None when neither the text nor the editors say anything."""
    if facts.status is None:
        return None
    details = []
    if facts.validity.effective:
        details.append(f"自{cn_date(facts.validity.effective)}起施行")
    if facts.validity.expires:
        details.append(f"有效期至{cn_date(facts.validity.expires)}")
    if facts.note:
        details.append(facts.note)
    return facts.status + (f"（{'，'.join(details)}）" if details else "")


def _row(label: str, text: str | None, when=None, code: bool = False) -> dict | None:
    """A panel row; a ``code`` (索引号, 文号) never breaks inside its parts, only after a ``/``."""
    if not text:
        return None
    row = {"label": label, "text": text}
    if when is not None:
        row["datetime"] = when.isoformat()
    if code:
        row["code"] = True
    return row


def document_panel(gazette: Gazette, document: Document, facts: Facts) -> list[dict]:
    """The rows of the panel in the order of gov.cn's 政策文件库 (索引号 first, 有效性 last but the 刊登 facts)."""
    interpretation = document.type == "解读"
    rows = [
        _row("索引号", facts.index_number, code=True),
        _row("主题分类", facts.topic.label),
        _row("解读机关" if interpretation else "发文机关", facts.author if interpretation else document.issuer),
        _row("解读日期" if interpretation else "成文日期",
             cn_date(facts.author_date if interpretation else document.date),
             facts.author_date if interpretation else document.date),
        _row("发文字号", document.number, code=True),
        _row("发布日期", cn_date(facts.published), facts.published),
        _row("文种", "政策解读" if interpretation else document.type),
        _row("有效性", validity_text(facts)),
        _row("主送机关", "，".join(document.addressees)),
    ]
    return [row for row in rows if row]
