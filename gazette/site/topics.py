"""主题分类: the State Council's subject categories, assigned by keyword rules from a table.

The table (``topics.yml`` beside this module by default) maps category → subcategory → keywords.
A document goes to the subcategory whose keywords occur most often in its text, a keyword in the
title counting :data:`TITLE_WEIGHT` times; ties go to the earlier row of the table, and a document
that matches no keyword gets the table's ``default``. Editors override it per document.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from gazette.errors import GazetteError
from gazette.model import Document
from gazette.site.validity import texts
from gazette.site.yaml_lines import load_nodes, mapping_items, scalar_text

DEFAULT_TABLE = Path(__file__).with_name("topics.yml")
TITLE_WEIGHT = 3
SEPARATORS = "/\\／＼"


@dataclass(frozen=True)
class Topic:
    """One 主题分类: category and subcategory (``财政、金融、审计`` / ``财政``)."""

    category: str
    subcategory: str

    @property
    def label(self) -> str:
        """As gov.cn prints it: ``财政、金融、审计\\财政``; a category without subcategories alone."""
        return self.category if self.subcategory == "其他" and self.category in _SINGLE else \
            f"{self.category}\\{self.subcategory}"

    def to_dict(self) -> dict:
        return {"category": self.category, "subcategory": self.subcategory, "label": self.label}


_SINGLE = {"国务院组织机构", "民族、宗教", "对外事务", "港澳台侨工作", "国防", "其他"}


@dataclass(frozen=True)
class TopicTable:
    """The categories in table order, with their keywords."""

    rules: tuple[tuple[Topic, tuple[str, ...]], ...]
    default: Topic

    def find(self, name: str) -> Topic | None:
        """The topic an editor named: ``类/子类`` (``/`` or ``\\``), or a subcategory name found once."""
        for mark in SEPARATORS:
            if mark in name:
                category, _, sub = name.partition(mark)
                return next((t for t, _ in self.rules if (t.category, t.subcategory) == (category, sub)), None)
        named = [t for t, _ in self.rules if t.subcategory == name or (t.category == name and t.subcategory == "其他")]
        return named[0] if len(named) == 1 else None

    def keywords_in(self, title: str) -> list[str]:
        """The table's keywords that occur in ``title``, in table order, each once."""
        found: list[str] = []
        for _, words in self.rules:
            found += [word for word in words if word in title and word not in found]
        return found

    def classify(self, title: str, text: str) -> Topic:
        best, score = self.default, 0
        for topic, keywords in self.rules:
            points = sum(TITLE_WEIGHT * title.count(word) + text.count(word) for word in keywords)
            if points > score:
                best, score = topic, points
        return best


def load_table(path: str | Path = DEFAULT_TABLE) -> TopicTable:
    """Read and check a topic table; a mistake is an ``error: FILE:LINE``."""
    path = str(path)
    root = load_nodes(path)
    fields = dict(mapping_items(path, root, {"default", "categories"}))
    if "categories" not in fields:
        raise GazetteError(path, "主题分类表缺少 categories", 1)
    rules = []
    for category, (_, subs) in mapping_items(path, fields["categories"][1]):
        for sub, (line, words) in mapping_items(path, subs):
            if words.tag.endswith(":null"):
                keywords = ()
            elif not isinstance(words, yaml.SequenceNode):
                raise GazetteError(path, f"「{category}/{sub}」的关键词应为列表，如 [财政, 预算]", line)
            else:
                keywords = tuple(scalar_text(path, item) for item in words.value)
            rules.append((Topic(category, sub), keywords))
    table = TopicTable(tuple(rules), Topic("其他", "其他"))
    if "default" in fields:
        line, node = fields["default"]
        default = table.find(scalar_text(path, node))
        if default is None:
            raise GazetteError(path, f"default「{node.value}」不在主题分类表中", line)
        table = TopicTable(table.rules, default)
    return table


def document_text(document: Document) -> str:
    return "\n".join(text for text, _ in texts(document.body))
