"""Open data (开放数据): the archive as JSON, CSV and an Atom feed, for re-users.

Every file is derived from the linked archive alone, so two conversions of the same
issues give byte-identical files: no build time, no locale, keys in a fixed order.
Paths are relative to ``docs/`` (MkDocs copies the non-Markdown files into ``site/``).
"""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date
from xml.etree import ElementTree as ET

import yaml

from gazette.archive import Archive, url_of
from gazette.parse.markers import DOCUMENT_TYPES, GAZETTE_KINDS
from gazette.model import Document, Gazette
from gazette.site.markdown import front_matter

PUBLISHER = "三门峡市人民政府办公室"
GAZETTE = "三门峡市人民政府公报"
LICENCE = (f"本数据为政府公开发布的信息，可自由复制、引用，请注明来源：{PUBLISHER}《{GAZETTE}》。"
           f" Published for free re-use; please credit {PUBLISHER} (Sanmenxia Municipal People's "
           "Government Office), Gazette of the People's Government of Sanmenxia City.")
TYPES = tuple("命令（令）" if kind == "命令" else kind for kind in DOCUMENT_TYPES) + GAZETTE_KINDS
"""文种 values a document may carry: the 15 of 《党政机关公文处理工作条例》, 任免 and 解读."""

ATOM = "http://www.w3.org/2005/Atom"
TAG = "tag:smx.gov.cn,2019:gazette/"
"""Prefix of the feed's permanent ids; independent of where the site is hosted."""
FEED_ISSUES = 12
"""The feed carries the documents of the newest issues only; documents.json has them all."""
TIMEZONE = "+08:00"
"""Dates in the gazette are China Standard Time; Atom needs a full date-time."""

CSV_COLUMNS = ("number", "date", "issuer", "type", "title", "issue_year", "issue_no", "issue_total",
               "issue_date", "section", "page", "last_page", "url", "record", "addressees",
               "interprets", "interpretations", "cites")
LIST_SEPARATOR = "; "


def record_path(gazette: Gazette, document: Document) -> str:
    """Path under ``docs/`` of a document's own JSON record: ``data/records/2019-2-sz-2018-29.json``."""
    if gazette.issue is None:
        return f"data/records/documents-{document.slug}.json"
    return f"data/records/{gazette.issue.year}-{gazette.issue.no}-{document.slug}.json"


def data_files(archive: Archive, config: str | None = "mkdocs.yml") -> dict[str, str | bytes]:
    """Every open-data file by path under ``docs/``; ``config`` may give the site's ``site_url``."""
    records = [document_record(archive, gazette, document) for gazette, document in archive.documents()]
    files: dict[str, str | bytes] = {
        "data/documents.json": dump({"publisher": PUBLISHER, "licence": LICENCE, "schema": "schema.json",
                                     "documents": records}),
        "data/issues.json": dump({"publisher": PUBLISHER, "licence": LICENCE,
                                  "issues": [issue_record(g) for g in archive.gazettes if g.issue]}),
        "data/documents.csv": documents_csv(records),
        "data/schema.json": dump(SCHEMA, readable=True),
        "data/index.md": OPEN_DATA_PAGE,
        "feed.xml": feed_xml(archive, site_url(config)),
    }
    for record in records:
        files[record["record"]] = dump(record)
    return files


def dump(data, readable: bool = False) -> str:
    """JSON in UTF-8 characters; compact for the data (a third smaller), indented for the schema people read."""
    if readable:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def document_record(archive: Archive, gazette: Gazette, document: Document) -> dict:
    """The machine-readable metadata of one document, in a reader's order."""
    issue = gazette.issue
    return {
        "number": document.number,
        "date": iso(document.date),
        "issuer": document.issuer,
        "type": document.type,
        "title": document.title,
        "issue": {"year": issue.year, "no": issue.no, "total": issue.total, "date": iso(issue.date)}
        if issue else None,
        "section": document.section,
        "page": document.page,
        "pages": list(document.pages) if document.pages else None,
        "url": url_of(gazette, document),
        "record": record_path(gazette, document),
        "addressees": list(document.addressees),
        "interprets": document.interprets,
        "interprets_url": archive.resolve(document.interprets) if document.interprets else None,
        "interpretations": [link(item) for item in document.interpretations],
        "cites": list(document.cites),
        "cited_by": [link(item) for item in document.cited_by],
    }


def link(item: dict) -> dict:
    return {"title": item["title"], "number": item["number"], "url": item["url"]}


def plain(value):
    """Masthead values as JSON: dates as ISO strings, tuples as lists."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def issue_record(gazette: Gazette) -> dict:
    """One issue: its facts, the masthead as printed, and the 目录 with each entry's document URL."""
    issue = gazette.issue
    by_toc = {document.toc_line: document for document in gazette.documents}
    toc = []
    for entry in gazette.toc:
        document = by_toc.get(entry.line)
        toc.append({"section": entry.section, "title": entry.title, "page": entry.page,
                    "number": document.number if document else None,
                    "url": url_of(gazette, document) if document else None})
    return {
        "year": issue.year, "no": issue.no, "total": issue.total, "date": iso(issue.date),
        "title": issue.title, "url": f"{issue.year}/{issue.no}/",
        "masthead": plain(gazette.masthead or {}),
        "toc": toc,
        "documents": [url_of(gazette, document) for document in gazette.documents],
    }


def documents_csv(records: list[dict]) -> bytes:
    """One row per document; UTF-8 with a BOM so that spreadsheet programs read the Chinese."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        issue = record["issue"] or {}
        pages = record["pages"] or [None, None]
        row = {**record, "issue_year": issue.get("year"), "issue_no": issue.get("no"),
               "issue_total": issue.get("total"), "issue_date": issue.get("date"), "last_page": pages[1],
               "addressees": LIST_SEPARATOR.join(record["addressees"]),
               "interpretations": LIST_SEPARATOR.join(item["url"] for item in record["interpretations"]),
               "cites": LIST_SEPARATOR.join(record["cites"])}
        writer.writerow([_csv_cell(row[column]) for column in CSV_COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value) -> str | int:
    """A CSV cell a spreadsheet shows as text: a string starting like a formula gets a leading ``'`` (OWASP)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def site_url(config: str | None) -> str | None:
    """``site_url`` from mkdocs.yml when it is set; the feed is valid without it."""
    if not config or not os.path.exists(config):
        return None
    with open(config, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_ConfigLoader) or {}
    value = data.get("site_url")
    return (value.rstrip("/") + "/") if value else None


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even when it holds ``!!python/name`` or ``!ENV`` tags, as plain values."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def feed_xml(archive: Archive, base: str | None) -> bytes:
    """An Atom 1.0 feed: the documents of the newest issues, newest issue first.

    Links are relative to the feed (it lives at the site root) unless ``base`` (the site URL)
    is known; then they are absolute and ``xml:base`` says so too.
    """
    ET.register_namespace("", ATOM)
    gazettes = [g for g in archive.gazettes if g.issue][:FEED_ISSUES] + [g for g in archive.gazettes if not g.issue]
    dates = [g.issue.date for g in gazettes if g.issue and g.issue.date] \
        + [d.date for g in gazettes for d in g.documents if d.date]
    updated = max(dates) if dates else date(1970, 1, 1)
    feed = ET.Element(_atom("feed"))
    if base:
        feed.set("{http://www.w3.org/XML/1998/namespace}base", base)
    _child(feed, "id", TAG + "feed")
    _child(feed, "title", f"{GAZETTE} · 最新文件")
    _child(feed, "subtitle", f"{GAZETTE}各期刊登的文件和政策解读")
    _child(feed, "updated", _stamp(updated))
    author = _child(feed, "author")
    _child(author, "name", PUBLISHER)
    _child(feed, "rights", LICENCE)
    _child(feed, "link", rel="self", type="application/atom+xml", href=_href(base, "feed.xml"))
    _child(feed, "link", rel="alternate", type="text/html", href=_href(base, ""))
    for gazette in gazettes:
        for document in gazette.documents:
            feed.append(_entry(gazette, document, base, updated))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry(gazette: Gazette, document: Document, base: str | None, fallback: date) -> ET.Element:
    url = url_of(gazette, document)
    issue = gazette.issue
    published = (issue.date if issue else None) or document.date or fallback
    entry = ET.Element(_atom("entry"))
    _child(entry, "id", TAG + url.rstrip("/"))
    _child(entry, "title", f"{document.title}（{document.number}）" if document.number else document.title)
    _child(entry, "updated", _stamp(published))
    _child(entry, "published", _stamp(published))
    if document.issuer:
        author = _child(entry, "author")
        _child(author, "name", document.issuer)
    _child(entry, "link", rel="alternate", type="text/html", href=_href(base, url))
    _child(entry, "link", rel="describedby", type="application/json",
           href=_href(base, record_path(gazette, document)))
    if document.type:
        _child(entry, "category", term=document.type, label=document.type)
    _child(entry, "summary", summary(gazette, document))
    return entry


def summary(gazette: Gazette, document: Document) -> str:
    """``发文字号：…；发文机关：…；成文日期：…；文种：…；刊登：2019年第2号（总第157号）第11页``."""
    parts = []
    if document.number:
        parts.append(f"发文字号：{document.number}")
    if document.interprets:
        parts.append(f"政策文件：{document.interprets}")
    if document.issuer:
        parts.append(f"发文机关：{document.issuer}")
    if document.date:
        parts.append(f"成文日期：{document.date.year}年{document.date.month}月{document.date.day}日")
    if document.type:
        parts.append(f"文种：{document.type}")
    issue = gazette.issue
    if issue:
        page = f"第{document.page}页" if document.page else ""
        parts.append(f"刊登：{issue.label}{page}")
    return "；".join(parts)


def _atom(name: str) -> str:
    return f"{{{ATOM}}}{name}"


def _child(parent: ET.Element, name: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, _atom(name), {key: attributes[key] for key in sorted(attributes)})
    if text is not None:
        element.text = text
    return element


def _href(base: str | None, path: str) -> str:
    return (base or "") + path if base else (path or "./")


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00{TIMEZONE}"


def _nullable(kind: str, **rules) -> dict:
    return {"type": [kind, "null"], **rules}


_LINK = {
    "type": "object",
    "required": ["title", "number", "url"],
    "additionalProperties": False,
    "properties": {"title": {"type": "string"}, "number": _nullable("string"), "url": {"type": "string"}},
}

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": f"{GAZETTE} · documents.json",
    "description": "Metadata of every document printed in the gazette. Dates are ISO 8601; a field the "
                   "text does not give is null. The same document object is each file in data/records/.",
    "type": "object",
    "required": ["publisher", "licence", "schema", "documents"],
    "properties": {
        "publisher": {"type": "string"},
        "licence": {"type": "string"},
        "schema": {"type": "string"},
        "documents": {"type": "array", "items": {"$ref": "#/$defs/document"}},
    },
    "$defs": {
        "document": {
            "type": "object",
            "required": ["number", "date", "issuer", "type", "title", "issue", "section", "page", "pages",
                         "url", "record", "addressees", "interprets", "interprets_url", "interpretations",
                         "cites", "cited_by"],
            "additionalProperties": False,
            "properties": {
                "number": _nullable("string", description="发文字号, canonical: 三政办〔2018〕41号"),
                "date": _nullable("string", format="date", description="成文日期"),
                "issuer": _nullable("string", description="发文机关"),
                "type": {"enum": [*TYPES, None], "description": "文种, or 解读 for a policy interpretation"},
                "title": {"type": "string", "minLength": 1, "description": "标题"},
                "issue": {"oneOf": [{"$ref": "#/$defs/issue"}, {"type": "null"}],
                          "description": "the issue that printed it; null for a standalone document"},
                "section": _nullable("string", description="目录 section, as printed"),
                "page": _nullable("integer", minimum=1, description="first printed page"),
                "pages": {"oneOf": [{"type": "array", "prefixItems": [{"type": "integer"}, _nullable("integer")],
                                     "minItems": 2, "maxItems": 2}, {"type": "null"}],
                          "description": "first and last printed page"},
                "url": {"type": "string", "description": "page URL relative to the site root"},
                "record": {"type": "string", "description": "this record's JSON file, relative to the site root"},
                "addressees": {"type": "array", "items": {"type": "string"}, "description": "主送机关"},
                "interprets": _nullable("string", description="on a 解读: the 文号 it explains"),
                "interprets_url": _nullable("string", description="URL of that document, when in the archive"),
                "interpretations": {"type": "array", "items": _LINK, "description": "its 政策解读"},
                "cites": {"type": "array", "items": {"type": "string"}, "description": "文号 the text mentions"},
                "cited_by": {"type": "array", "items": _LINK, "description": "documents that cite it"},
            },
        },
        "issue": {
            "type": "object",
            "required": ["year", "no", "total", "date"],
            "additionalProperties": False,
            "properties": {
                "year": {"type": "integer"},
                "no": {"type": "integer", "minimum": 1},
                "total": _nullable("integer", minimum=1),
                "date": _nullable("string", format="date", description="出版日期"),
            },
        },
    },
}

OPEN_DATA_PAGE = front_matter({"title": "开放数据"}) + f"""
# 开放数据

《{GAZETTE}》刊登的全部文件，除网页外，还以机器可读的格式提供，便于新闻媒体、研究人员和其他政务系统直接使用，无需抓取网页。

| 文件 | 内容 |
|---|---|
| [documents.json](documents.json) | 全部文件的元数据（JSON） |
| [documents.csv](documents.csv) | 同上，每行一件文件（CSV） |
| [issues.json](issues.json) | 各期公报的刊头信息和目录（JSON） |
| [schema.json](schema.json) | documents.json 的 JSON Schema（draft 2020-12） |
| [feed.xml](../feed.xml) | 最近{FEED_ISSUES}期所刊文件的 Atom 订阅源 |
| `records/*.json` | 每件文件单独的元数据记录，文件页面上有链接 |

## 字段

- `number` 发文字号（如 `三政〔2018〕29号`），`date` 成文日期，`issuer` 发文机关，`type` 文种（《党政机关公文处理工作条例》规定的15种之一，政策解读为 `解读`），`title` 标题；
- `issue` 刊登的期次（`year` 年份、`no` 期号、`total` 总期号、`date` 出版日期），`section` 目录栏目，`page` 起始页码，`pages` 起止页码；
- `url` 文件页面地址，`record` 单件记录地址，均相对于本站根目录；
- `addressees` 主送机关；`interprets` 政策解读所解读文件的发文字号，`interprets_url` 其页面地址；`interpretations` 该文件的政策解读；`cites` 正文提到的其他发文字号；`cited_by` 引用该文件的文件。

原文未载明的字段为 `null`（CSV 中为空），不作推测。日期采用 ISO 8601 格式（`2018-11-20`）。CSV 中的多个值以 `; ` 分隔。

## 编码与更新

所有文件均为 UTF-8 编码；CSV 文件带 BOM，可直接用电子表格软件打开。数据随每期公报发布同时更新，同一期的数据每次生成完全相同。

## 使用许可

本站数据为政府公开发布的信息，可自由复制、引用，请注明来源：{PUBLISHER}《{GAZETTE}》。

## Open data (English)

Every document of the gazette is available as JSON (`documents.json`, one record per document also under `records/`),
CSV (`documents.csv`, UTF-8 with BOM), issue data with mastheads and tables of contents (`issues.json`),
a JSON Schema (`schema.json`) and an Atom feed of the newest issues (`feed.xml`).
Fields are named in English and described above; unknown values are `null`; dates are ISO 8601.
The files are updated with each issue.
They may be freely copied and cited; please credit {PUBLISHER} (Sanmenxia Municipal People's Government Office).
"""
