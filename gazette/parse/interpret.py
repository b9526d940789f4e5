"""Which document a 政策解读 explains (``interprets``), when its 政策文件 line does not print the 文号.

In order: the 文号 of its ``政策文件：``/``解读文件：`` line (read with the head); a 文号 in its
opening paragraph (``…印发了《X》（豫政〔2019〕5号）…``); a document of the same issue whose title is
the one the 政策文件 line names, or that issues the policy the 解读's title names
(``《X》解读``, ``关于《X》的政策解读``, ``X政策解读``: the notice ``关于印发X的通知``). An ambiguous
title gives nothing: a wrong link is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import replace

from gazette.model import Document, Paragraph, Part, Section
from gazette.parse import markers as m
from gazette.parse.text import compact
from gazette.parse.toc import title_key

_NAMED = (
    re.compile(r"^关于《(?P<name>.+)》的?(?:政策)?解读$"),
    re.compile(r"^《(?P<name>.+)》的?(?:政策)?解读$"),
    re.compile(r"^解读《(?P<name>.+)》$"),
    re.compile(r"^(?:关于)?(?P<name>.+?)的?政策解读$"),
)
_ISSUED = re.compile(r"(?:印发|出台|发布|公布|制定)")
_ORDER = re.compile(r"(?P<organ>[\u4e00-\u9fff]{2,30}?令)第(?P<seq>\d{1,4})号")


def interpreted_name(title: str) -> str | None:
    """The name of the policy a 解读's title names (compact), if it is in one of the common forms."""
    text = compact(title)
    for pattern in _NAMED:
        found = pattern.match(text)
        if found:
            return found["name"].strip("《》")
    return None


def resolve(documents: list[Document]) -> list[Document]:
    """Fill ``interprets`` of each 解读 that does not print its source's 文号 on its 政策文件 line."""
    out = []
    for document in documents:
        if document.type == "解读" and document.interprets is None:
            name = interpreted_name(document.title)
            number = _opening_number(document, name) or _by_title(document, name, documents)
            document = replace(document, interprets=number) if number else document
        out.append(document)
    return out


def _opening(document: Document) -> str | None:
    for block in document.body:
        if isinstance(block, Paragraph) and block.role is None:
            return block.text
        if isinstance(block, Section):
            return block.text or None
    return None


def _opening_number(document: Document, name: str | None) -> str | None:
    text = _opening(document)
    if not text:
        return None
    if name:
        # 《X》（文号）: the number printed right after the policy's name
        after = re.search(r"《" + re.escape(name) + r"》[（(](?P<inside>[^（()）]{4,30})[)）]", compact(text))
        numbers = _numbers(after["inside"]) if after else []
        if numbers:
            return numbers[0]
    numbers = m.find_numbers(text)
    if len(numbers) <= 1:
        return numbers[0] if numbers else None
    issued = _ISSUED.search(text)
    later = [n for n in m.find_numbers(text[issued.end():])] if issued else []
    return later[0] if later else None


def _numbers(text: str) -> list[str]:
    """文号 (``豫政〔2019〕5号``) and order numbers (``河南省人民政府令第186号``) in ``text``."""
    orders = [f"{found['organ']}第{int(found['seq'])}号" for found in _ORDER.finditer(text)]
    return m.find_numbers(text) + orders


def _by_title(document: Document, name: str | None, documents: list[Document]) -> str | None:
    sources = [d for d in documents if d.type != "解读" and d.number]
    if document.source_title:
        wanted = title_key(document.source_title)
        exact = [d for d in sources if title_key(d.title) == wanted]
        if len(exact) == 1:
            return exact[0].number
    if not name:
        return None
    key = compact(name)
    exact = [d for d in sources if compact(d.title) == key or key in _policy_titles(d)]
    if len(exact) == 1:
        return exact[0].number
    issuing = [d for d in sources if re.search(r"(?:印发|转发|公布)《?" + re.escape(key) + r"》?的", compact(d.title))]
    return issuing[0].number if len(issuing) == 1 else None


def _policy_titles(document: Document) -> set[str]:
    return {compact(block.title) for block in document.body if isinstance(block, Part) and block.role == "policy"}
