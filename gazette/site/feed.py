"""The Atom feed (订阅源) of the newest issues' documents, with their 政务公开 facts.

Derived from the linked archive, the configuration and the facts alone: two conversions of the
same issues give byte-identical feeds.
"""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree as ET

from gazette.archive import Archive
from gazette.paths import document_url, record_path
from gazette.model import Document, Gazette
from gazette.site.facts import Facts
from gazette.site.labels import cn_date
from gazette.site.opendata import licence
from gazette.site.panel import validity_text

ATOM = "http://www.w3.org/2005/Atom"
FEED_ISSUES = 12
"""The feed carries the documents of the newest issues only; documents.json has them all."""
TIMEZONE = "+08:00"
"""Dates in the gazette are China Standard Time; Atom needs a full date-time."""
TOPIC_SCHEME = "主题分类"
"""The ``scheme`` of an entry's 主题分类 category (its 文种 category has none)."""


def feed_xml(archive: Archive, site) -> bytes:
    """An Atom 1.0 feed: the documents of the newest issues, newest issue first.

    Links are relative to the feed (it lives at the site root) unless the site URL (gazette.yml's
    ``identity.site_url``) is known; then they are absolute and ``xml:base`` says so too.
    """
    ET.register_namespace("", ATOM)
    identity = site.identity
    base = (identity.site_url.rstrip("/") + "/") if identity.site_url else None
    tag = identity.feed_id or "urn:gazette:"
    gazettes = [g for g in archive.gazettes if g.issue][:FEED_ISSUES] + [g for g in archive.gazettes if not g.issue]
    dates = [g.issue.date for g in gazettes if g.issue and g.issue.date] \
        + [d.date for g in gazettes for d in g.documents if d.date]
    updated = max(dates) if dates else date(1970, 1, 1)
    feed = ET.Element(_atom("feed"))
    if base:
        feed.set("{http://www.w3.org/XML/1998/namespace}base", base)
    _child(feed, "id", tag + "feed")
    _child(feed, "title", f"{identity.gazette} · 最新文件")
    _child(feed, "subtitle", f"{identity.gazette}各期刊登的文件和政策解读")
    _child(feed, "updated", _stamp(updated))
    author = _child(feed, "author")
    _child(author, "name", identity.publisher)
    _child(feed, "rights", licence(identity))
    _child(feed, "link", rel="self", type="application/atom+xml", href=_href(base, "feed.xml"))
    _child(feed, "link", rel="alternate", type="text/html", href=_href(base, ""))
    for gazette in gazettes:
        for document in gazette.documents:
            feed.append(_entry(gazette, document, base, updated, tag, site.facts.of(gazette, document)))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry(gazette: Gazette, document: Document, base: str | None, fallback: date, tag: str, facts: Facts) -> ET.Element:
    url = document_url(gazette, document)
    issue = gazette.issue
    published = facts.published or (issue.date if issue else None) or document.date or fallback
    entry = ET.Element(_atom("entry"))
    _child(entry, "id", tag + url.rstrip("/"))
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
    _child(entry, "category", term=facts.topic.label, label=facts.topic.label, scheme=TOPIC_SCHEME)
    _child(entry, "summary", summary(gazette, document, facts))
    return entry


def summary(gazette: Gazette, document: Document, facts: Facts) -> str:
    """``索引号：…；发文字号：…；发文机关：…；成文日期：…；发布日期：…；文种：…；主题分类：…；有效性：…；刊登：…``."""
    parts = [f"索引号：{facts.index_number}"] if facts.index_number else []
    if document.number:
        parts.append(f"发文字号：{document.number}")
    if document.interprets:
        parts.append(f"政策文件：{document.interprets}")
    if document.issuer:
        parts.append(f"发文机关：{document.issuer}")
    if document.date:
        parts.append(f"成文日期：{cn_date(document.date)}")
    if facts.published:
        parts.append(f"发布日期：{cn_date(facts.published)}")
    if document.type:
        parts.append(f"文种：{document.type}")
    parts.append(f"主题分类：{facts.topic.label}")
    validity = validity_text(facts)
    if validity:
        parts.append(f"有效性：{validity}")
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


