"""政务公开 facts of each document: 发布日期, 索引号, 主题分类, 有效性, 关键词, 摘要 and, on a 解读,
its 解读机关 and date. Computed once per conversion from the text, ``gazette.yml`` and the editors'
overrides, then shown by the panel, the page tags, the open data and the feed alike.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from gazette.config import Config
from gazette.errors import GazetteError
from gazette.model import Document, Gazette, Paragraph, Part, Section, Signature
from gazette.parse.markers import ORGAN, SIGNED_DATE, match_date
from gazette.site.display import display
from gazette.site.overrides import Override, load_overrides
from gazette.site.topics import DEFAULT_TABLE, Topic, TopicTable, load_table
from gazette.site.validity import Validity, read_validity, status_on, texts

BEIJING = timezone(timedelta(hours=8))
DESCRIPTION_LIMIT = 120
"""A meta description longer than this is cut (search engines show about this many characters)."""
PUBLISHED_RULES = ("issue", "signed")
"""What 发布日期 is by default: the issue's 出版日期, or the document's 成文日期."""
INDEX_FIELDS = ("code", "year", "issue_no", "issue_total", "seq", "page", "slug")


@dataclass(frozen=True)
class Facts:
    """What a 政府网站 shows about a document beyond the 公文's own elements."""

    published: date | None
    """发布日期."""
    index_number: str | None
    """索引号."""
    topic: Topic
    """主题分类."""
    validity: Validity
    """施行日期 and 有效期 as read from the text (or stated by the editors)."""
    status: str | None
    """有效性 on the build day, or as the editors state it; None when neither the text nor they say."""
    note: str | None
    """The editors' note on the status (``已被三政〔2020〕1号废止``)."""
    keywords: tuple[str, ...]
    """关键词."""
    description: str
    """The opening sentence, for ``<meta name="description">``."""
    author: str | None = None
    """On a 解读: the body that wrote it (解读机关), when the text says."""
    author_date: date | None = None
    """On a 解读: its date, when the text gives one."""

    def to_record(self) -> dict:
        """The facts for open data: ISO dates, nulls where unknown."""
        return {
            "published": _iso(self.published),
            "index_number": self.index_number,
            "topic": self.topic.to_dict(),
            "validity": {**self.validity.to_dict(), "status": self.status, "note": self.note},
            "keywords": list(self.keywords),
            "description": self.description,
            "interpreted_by": self.author,
            "interpretation_date": _iso(self.author_date),
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class FactBook:
    """Facts of every document of an archive, by (source file, title line)."""

    facts: dict

    def of(self, gazette: Gazette, document: Document) -> Facts:
        return self.facts[(gazette.file, document.line)]


def build_day() -> date:
    """The day statuses are computed for: SOURCE_DATE_EPOCH when set (reproducible builds), else today in Beijing."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), tz=timezone.utc) if epoch else datetime.now(tz=timezone.utc)
    return moment.astimezone(BEIJING).date()


def topic_table(config: Config, config_path: str = "gazette.yml") -> TopicTable:
    named = config.metadata.topics
    path = Path(config_path).parent / named if named else DEFAULT_TABLE
    if not path.is_file():
        raise GazetteError(config_path, f"metadata.topics 指定的主题分类表 {path} 不存在")
    return load_table(path)


def check_index_scheme(scheme: str, config_path: str = "gazette.yml") -> None:
    """Refuse a 索引号 scheme that names an unknown field or a format its values cannot take."""
    sample = {"code": "X", "year": 2019, "issue_no": 2, "issue_total": 157, "seq": 1, "page": 1, "slug": "s"}
    try:
        scheme.format(**sample)
    except KeyError as exc:
        raise GazetteError(config_path, f"metadata.index_number 中的「{{{exc.args[0]}}}」不可用；"
                           f"可用：{', '.join(INDEX_FIELDS)}") from None
    except (ValueError, IndexError) as exc:
        raise GazetteError(config_path, f"metadata.index_number 格式有误：{exc}") from None


def compile_facts(archive, config: Config, today: date | None = None, config_path: str = "gazette.yml") -> FactBook:
    """The facts of every document of ``archive``; bad overrides or configuration stop with an error."""
    table = topic_table(config, config_path)
    check_index_scheme(config.metadata.index_number, config_path)
    if config.metadata.published not in PUBLISHED_RULES:
        raise GazetteError(config_path, f"metadata.published「{config.metadata.published}」无效，可用："
                           f"{'、'.join(PUBLISHED_RULES)}（出版日期或成文日期）")
    today = today or build_day()
    facts = {}
    for gazette in archive.gazettes:
        overrides = load_overrides(gazette, table)
        for seq, document in enumerate(gazette.documents, 1):
            facts[(gazette.file, document.line)] = document_facts(
                gazette, document, seq, config, table, overrides.get(document.slug, Override()), today)
    return FactBook(facts)


def document_facts(gazette: Gazette, document: Document, seq: int, config: Config, table: TopicTable,
                   override: Override, today: date) -> Facts:
    from gazette.site.topics import document_text

    text = document_text(document)
    topic = override.topic or table.classify(document.title, text)
    read = read_validity(document)
    validity = Validity(override.effective or read.effective, override.expires or read.expires, read.basis, read.line)
    author, author_date = interpretation_author(document) if document.type == "解读" else (None, None)
    return Facts(
        published=override.published or published_date(gazette, document, config.metadata.published),
        index_number=index_number(gazette, document, seq, config),
        topic=topic,
        validity=validity,
        status=override.status or status_on(validity, today),
        note=override.note,
        keywords=override.keywords if override.keywords is not None else keywords(document, topic, table),
        description=opening_sentence(document),
        author=author,
        author_date=author_date,
    )


def published_date(gazette: Gazette, document: Document, rule: str) -> date | None:
    issue_date = gazette.issue.date if gazette.issue else None
    if rule == "signed":
        return document.date or issue_date
    return issue_date or document.date


def index_number(gazette: Gazette, document: Document, seq: int, config: Config) -> str | None:
    """The 索引号 by the configured scheme; None for a document without a year to file it under."""
    issue = gazette.issue
    year = issue.year if issue else (document.date.year if document.date else None)
    if year is None or not config.identity.organ_code and "{code" in config.metadata.index_number:
        return None
    return config.metadata.index_number.format(
        code=config.identity.organ_code, year=year, issue_no=issue.no if issue else 0,
        issue_total=(issue.total or 0) if issue else 0, seq=seq, page=document.page or 0, slug=document.slug)


def keywords(document: Document, topic: Topic, table: TopicTable) -> tuple[str, ...]:
    """The subcategory, the table's keywords found in the title, and the 文种."""
    words = [] if topic.subcategory == "其他" else [topic.subcategory]
    words += [word for word in table.keywords_in(document.title) if word not in words]
    kind = "政策解读" if document.type == "解读" else document.type
    if kind and kind not in words:
        words.append(kind)
    return tuple(words[:6])


_SENTENCE = re.compile(r"^.*?[。！？]")


def opening_sentence(document: Document) -> str:
    """The first sentence of the body's running text (the title when there is none), for display."""
    for block in _running(document.body):
        text = display(block.replace("\n", ""))
        found = _SENTENCE.match(text)
        sentence = found.group(0) if found else text
        if len(sentence) > DESCRIPTION_LIMIT:
            sentence = sentence[:DESCRIPTION_LIMIT - 1] + "…"
        return sentence
    return document.title


def _running(blocks):
    for block in blocks:
        if isinstance(block, Paragraph) and block.role in (None, "lead") and len(block.text) >= 8:
            yield block.text
        elif isinstance(block, Section):
            if block.text and len(block.text) >= 8:
                yield block.text
            yield from _running(block.children)
        elif isinstance(block, Part):
            yield from _running(block.children)


_AUTHOR_LINE = re.compile(r"^(?:解读机关|解读单位|解读部门|起草单位|发布机构|信息来源|来源)[\s\u3000]*[：:][\s\u3000]*(?P<v>\S.*)$")
_DATE_LINE = re.compile(r"^(?:解读日期|发布日期|发布时间|日期)[\s\u3000]*[：:][\s\u3000]*(?P<v>\S.*?)(?:[\s\u3000]+\d{1,2}:\d{2}(?::\d{2})?)?$")


def interpretation_author(document: Document) -> tuple[str | None, date | None]:
    """A 解读's author body and date: its signature, label lines (``解读机关：…``, ``发布时间：…``), or an
    organ and a date on the last lines of its text, as a signature is printed."""
    author = when = None
    for block in document.body:
        if isinstance(block, Signature):
            author = author or ("、".join(block.issuers) or None)
            when = when or block.date
    lines = [text for text, _ in texts(document.body)]
    for text in lines:
        found = _AUTHOR_LINE.match(text)
        if found and author is None:
            author = found["v"].strip()
        found = _DATE_LINE.match(text)
        if found and when is None:
            when = _loose_date(found["v"])
    if author is None and when is None and lines:
        author, when = _closing_signature(lines[-2:])
    return author, when


def _closing_signature(last: list[str]) -> tuple[str | None, date | None]:
    """``(organ, date)`` printed as the last lines (``市财政局`` / ``2019年1月8日``, or both on one line)."""
    one_line = SIGNED_DATE.match(last[-1].strip())
    if one_line and ORGAN.match(one_line["organ"].strip()):
        return one_line["organ"].strip(), match_date(display(one_line["date"]))
    when = match_date(display(last[-1].strip()))
    if when is None:
        return None, None
    organ = last[0].strip() if len(last) == 2 and ORGAN.match(last[0].strip()) else None
    return organ, when


def _loose_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return match_date(display(text.strip()))
