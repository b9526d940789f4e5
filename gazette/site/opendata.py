"""Open data (开放数据): the archive as JSON, CSV and an Atom feed, for re-users.

Every file is derived from the linked archive alone, so two conversions of the same
issues give byte-identical files: no build time, no locale, keys in a fixed order.
Paths are relative to ``docs/`` (MkDocs copies the non-Markdown files into ``site/``).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from gazette.archive import Archive
from gazette.paths import document_url, issue_dir, record_path
from gazette.parse.markers import DOCUMENT_TYPES, GAZETTE_KINDS
from gazette.model import Document, Gazette
from gazette.site.markdown import front_matter
from gazette.site.validity import STATUSES

TYPES = tuple("命令（令）" if kind == "命令" else kind for kind in DOCUMENT_TYPES) + GAZETTE_KINDS
"""文种 values a document may carry: the 15 of 《党政机关公文处理工作条例》, 任免 and 解读."""


CSV_COLUMNS = ("number", "date", "issuer", "type", "title", "issue_year", "issue_no", "issue_total",
               "issue_date", "section", "page", "last_page", "url", "record", "addressees",
               "interprets", "interpretations", "cites", "published", "index_number", "topic", "status",
               "effective", "expires", "keywords")
LIST_SEPARATOR = "; "


def licence(identity) -> str:
    """The re-use terms, crediting the publisher and the gazette of ``gazette.yml``."""
    english = f" Published for free re-use; please credit {identity.publisher}" \
              + (f", {identity.english}." if identity.english else ".")
    return f"本数据为政府公开发布的信息，可自由复制、引用，请注明来源：{identity.publisher}《{identity.gazette}》。{english}"


def data_files(archive: Archive, site=None) -> dict[str, str | bytes]:
    """Every open-data file by path under ``docs/``; ``site`` (configuration and facts) defaults to gazette.yml's."""
    from gazette.site.context import site_for
    from gazette.site.feed import feed_xml

    site = site or site_for(archive)
    identity = site.identity
    head = {"publisher": identity.publisher, "licence": licence(identity)}
    records = [document_record(archive, gazette, document, site.facts.of(gazette, document))
               for gazette, document in archive.documents()]
    files: dict[str, str | bytes] = {
        "data/documents.json": dump({**head, "schema": "schema.json", "documents": records}),
        "data/issues.json": dump({**head, "issues": [issue_record(g) for g in archive.gazettes if g.issue]}),
        "data/documents.csv": documents_csv(records),
        "data/schema.json": dump(SCHEMA, readable=True),
        "data/index.md": open_data_page(identity),
        "feed.xml": feed_xml(archive, site),
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


def document_record(archive: Archive, gazette: Gazette, document: Document, facts) -> dict:
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
        "url": document_url(gazette, document),
        "record": record_path(gazette, document),
        "addressees": list(document.addressees),
        "interprets": document.interprets,
        "interprets_url": archive.resolve(document.interprets) if document.interprets else None,
        "interpretations": [item.to_dict() for item in document.interpretations],
        "cites": list(document.cites),
        "cited_by": [item.to_dict() for item in document.cited_by],
        **facts.to_record(),
    }


def issue_record(gazette: Gazette) -> dict:
    """One issue: its facts, the masthead as printed, and the 目录 with each entry's document URL."""
    issue = gazette.issue
    by_toc = {document.toc_line: document for document in gazette.documents}
    toc = []
    for entry in gazette.toc:
        document = by_toc.get(entry.line)
        toc.append({"section": entry.section, "title": entry.title, "page": entry.page,
                    "number": document.number if document else None,
                    "url": document_url(gazette, document) if document else None})
    return {
        "year": issue.year, "no": issue.no, "total": issue.total, "date": iso(issue.date),
        "title": issue.title, "url": issue_dir(issue),
        "masthead": gazette.masthead.to_dict() if gazette.masthead else {},
        "toc": toc,
        "documents": [document_url(gazette, document) for document in gazette.documents],
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
               "cites": LIST_SEPARATOR.join(record["cites"]),
               "topic": record["topic"]["label"], "status": record["validity"]["status"],
               "effective": record["validity"]["effective"], "expires": record["validity"]["expires"],
               "keywords": LIST_SEPARATOR.join(record["keywords"])}
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
    "title": "documents.json",
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
                         "cites", "cited_by", "published", "index_number", "topic", "validity", "keywords",
                         "description", "interpreted_by", "interpretation_date"],
            "additionalProperties": False,
            "properties": {
                "number": _nullable("string", description="发文字号, canonical: 国办发〔2017〕47号"),
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
                "published": _nullable("string", format="date", description="发布日期"),
                "index_number": _nullable("string", description="索引号, by the scheme of gazette.yml"),
                "topic": {"$ref": "#/$defs/topic"},
                "validity": {"$ref": "#/$defs/validity"},
                "keywords": {"type": "array", "items": {"type": "string"}, "description": "关键词"},
                "description": {"type": "string", "description": "摘要: the opening sentence"},
                "interpreted_by": _nullable("string", description="on a 解读: 解读机关, when the text gives it"),
                "interpretation_date": _nullable("string", format="date", description="on a 解读: its date"),
            },
        },
        "topic": {
            "type": "object", "required": ["category", "subcategory", "label"], "additionalProperties": False,
            "description": "主题分类 (the State Council's subject categories)",
            "properties": {"category": {"type": "string"}, "subcategory": {"type": "string"},
                           "label": {"type": "string", "description": "as shown: 类\\子类"}},
        },
        "validity": {
            "type": "object", "required": ["effective", "expires", "basis", "status", "note"],
            "additionalProperties": False, "description": "有效性",
            "properties": {
                "effective": _nullable("string", format="date", description="施行日期"),
                "expires": _nullable("string", format="date", description="last day of the 有效期"),
                "basis": _nullable("string", description="the words of the text it was read from"),
                "status": {"enum": [*STATUSES, None],
                           "description": "on the build day, or as the editors state it; null when unknown"},
                "note": _nullable("string", description="the editors' note (e.g. which document repealed it)"),
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

def open_data_page(identity) -> str:
    """The 开放数据 page: what the files hold, their fields, and the terms of re-use."""
    from gazette.site.feed import FEED_ISSUES
    from gazette.site.gov import column_meta

    meta = {"title": "开放数据", **column_meta("开放数据", f"《{identity.gazette}》的机器可读数据：JSON、CSV 和订阅源。",
                                               ["开放数据", "JSON", "CSV"], "开放数据")}
    return front_matter(meta) + f"""
# 开放数据

《{identity.gazette}》刊登的全部文件，除网页外，还以机器可读的格式提供，便于新闻媒体、研究人员和其他政务系统直接使用，无需抓取网页。

| 文件 | 内容 |
|---|---|
| [documents.json](documents.json) | 全部文件的元数据（JSON） |
| [documents.csv](documents.csv) | 同上，每行一件文件（CSV） |
| [issues.json](issues.json) | 各期公报的刊头信息和目录（JSON） |
| [schema.json](schema.json) | documents.json 的 JSON Schema（draft 2020-12） |
| [feed.xml](../feed.xml) | 最近{FEED_ISSUES}期所刊文件的 Atom 订阅源 |
| `records/*.json` | 每件文件单独的元数据记录，文件页面上有链接 |

## 字段

- `number` 发文字号（如 `国办发〔2017〕47号`），`date` 成文日期，`issuer` 发文机关，`type` 文种（《党政机关公文处理工作条例》规定的15种之一，政策解读为 `解读`），`title` 标题；
- `issue` 刊登的期次（`year` 年份、`no` 期号、`total` 总期号、`date` 出版日期），`section` 目录栏目，`page` 起始页码，`pages` 起止页码；
- `url` 文件页面地址，`record` 单件记录地址，均相对于本站根目录；
- `addressees` 主送机关；`interprets` 政策解读所解读文件的发文字号，`interprets_url` 其页面地址；`interpretations` 该文件的政策解读；`cites` 正文提到的其他发文字号；`cited_by` 引用该文件的文件；
- `published` 发布日期，`index_number` 索引号，`topic` 主题分类（`category` 类、`subcategory` 子类），`validity` 有效性（`effective` 施行日期、`expires` 有效期截止日、`basis` 据以判断的原文、`status` 现行有效/尚未施行/已失效等、`note` 编辑部说明），`keywords` 关键词，`description` 摘要（正文首句）；政策解读另有 `interpreted_by` 解读机关、`interpretation_date` 解读日期。

原文未载明的字段为 `null`（CSV 中为空），不作推测。日期采用 ISO 8601 格式（`2018-11-20`）。CSV 中的多个值以 `; ` 分隔。

## 编码与更新

所有文件均为 UTF-8 编码；CSV 文件带 BOM，可直接用电子表格软件打开。数据随每期公报发布同时更新，同一期的数据每次生成完全相同。

## 使用许可

本站数据为政府公开发布的信息，可自由复制、引用，请注明来源：{identity.publisher}《{identity.gazette}》。

## Open data (English)

Every document of the gazette is available as JSON (`documents.json`, one record per document also under `records/`),
CSV (`documents.csv`, UTF-8 with BOM), issue data with mastheads and tables of contents (`issues.json`),
a JSON Schema (`schema.json`) and an Atom feed of the newest issues (`feed.xml`).
Fields are named in English and described above; unknown values are `null`; dates are ISO 8601.
The files are updated with each issue.
They may be freely copied and cited; please credit {identity.publisher}{", " + identity.english if identity.english else ""}.
"""
