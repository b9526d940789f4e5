"""Editors' overrides (编辑部补充): per-document metadata beside the issue text, validated.

``gazettes/2019-02.yml`` sits beside ``gazettes/2019-02.txt``. Each key names a document of that
issue by its 发文字号 (``三政〔2018〕34号``) or by its URL name (``sz-2018-34-jd``); under it, any of
the fields of :data:`FIELDS`. A mistake stops the conversion with ``error: FILE:LINE: …``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

from gazette.errors import GazetteError
from gazette.model import Gazette
from gazette.site.topics import Topic, TopicTable
from gazette.site.validity import STATUSES
from gazette.site.yaml_lines import load_nodes, mapping_items, scalar_date, scalar_text, text_list


@dataclass(frozen=True)
class Override:
    """What the editors state about one document; None where they leave the computed value."""

    topic: Topic | None = None
    """主题分类."""
    status: str | None = None
    """有效性, one of :data:`gazette.site.validity.STATUSES` (e.g. 已废止)."""
    note: str | None = None
    """有效性说明: why (``2020年1月1日起由三政〔2019〕30号废止``)."""
    effective: date | None = None
    """施行日期."""
    expires: date | None = None
    """有效期至."""
    published: date | None = None
    """发布日期."""
    keywords: tuple[str, ...] | None = None
    """关键词."""


FIELDS = {"主题分类": "topic", "有效性": "status", "有效性说明": "note", "施行日期": "effective",
          "有效期至": "expires", "发布日期": "published", "关键词": "keywords"}
"""Field names as editors write them → :class:`Override` attributes."""


def overrides_path(source: str) -> str:
    """``gazettes/2019-02.yml`` for ``gazettes/2019-02.txt``."""
    return os.path.splitext(source)[0] + ".yml"


def load_overrides(gazette: Gazette, table: TopicTable) -> dict[str, Override]:
    """The overrides of ``gazette``'s documents by slug; none when its ``.yml`` does not exist."""
    path = overrides_path(gazette.file)
    if not os.path.lexists(path):
        return {}
    root = load_nodes(path)
    names = {}
    for document in gazette.documents:
        names.setdefault(document.slug, document.slug)
        if document.number:
            names.setdefault(document.number, document.slug)
    found: dict[str, Override] = {}
    for key, (line, node) in mapping_items(path, root):
        slug = names.get(key)
        if slug is None:
            raise GazetteError(path, f"本期没有文件「{key}」：请写本期文件的发文字号（如 {_example(gazette)}）"
                               "或网址中的短名", line)
        if slug in found:
            raise GazetteError(path, f"「{key}」与前面的项指同一件文件", line)
        found[slug] = _override(path, node, table)
    return found


def _example(gazette: Gazette) -> str:
    return next((d.number for d in gazette.documents if d.number), None) or \
        (gazette.documents[0].slug if gazette.documents else "三政〔2018〕34号")


def _override(path: str, node, table: TopicTable) -> Override:
    values = {}
    for name, (line, value) in mapping_items(path, node, set(FIELDS)):
        field = FIELDS[name]
        if field == "topic":
            text = scalar_text(path, value)
            values[field] = table.find(text)
            if values[field] is None:
                raise GazetteError(path, f"主题分类「{text}」不在主题分类表中，应写作“类/子类”，"
                                   "如 财政、金融、审计/财政", line)
        elif field == "status":
            values[field] = scalar_text(path, value)
            if values[field] not in STATUSES:
                raise GazetteError(path, f"有效性「{values[field]}」无效，可用：{'、'.join(STATUSES)}", line)
        elif field in ("effective", "expires", "published"):
            values[field] = scalar_date(path, value)
        elif field == "keywords":
            values[field] = text_list(path, value)
        else:
            values[field] = scalar_text(path, value)
    if values.get("effective") and values.get("expires") and values["expires"] < values["effective"]:
        raise GazetteError(path, "有效期至早于施行日期", line_of_node(node))
    return Override(**values)


def line_of_node(node) -> int:
    return node.start_mark.line + 1
