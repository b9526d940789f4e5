"""Model → Markdown: one short function per block kind.

Source text is escaped so that it never re-parses as Markdown or HTML structure; every
heading gets its explicit anchor (``{#art-3}``); classes for the templates and the print
stylesheet come through ``attr_list`` (``{: .signature }``).
"""

from __future__ import annotations

import html
import re
from contextvars import ContextVar

import yaml

from gazette.site.citations import Linker, link_numbers
from gazette.site.display import display, keep_together
from gazette.model import Document, Issue, OrderedList, Paragraph, Part, Section, Signature, Table

_ESCAPE = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]{}|#"})
"""A backslash before each character Markdown (and the tables extension) would read as markup."""
_LINE_START = re.compile(r"^(\s*)([-+!]|\d+(?=[.)]))")
# Characters that start block syntax at a line start but that Python-Markdown does not unescape
# after a backslash (``\===`` would show the backslash): a character reference shows the character.
_LINE_START_ENTITY = {"=": "&#61;", ":": "&#58;"}


def escape(text: str) -> str:
    """Escape ``text`` so Markdown shows it literally: the rendered page shows exactly ``text``."""
    text = html.escape(text, quote=False)
    text = text.translate(_ESCAPE)
    body = text.lstrip()
    if body[:1] in _LINE_START_ENTITY:
        return text[: len(text) - len(body)] + _LINE_START_ENTITY[body[0]] + body[1:]
    found = _LINE_START.match(text)
    if found:
        mark = found.group(2)
        if mark.isdigit():
            text = text[: found.end()] + "\\" + text[found.end():]
        else:
            text = found.group(1) + "\\" + text[found.start(2):]
    return text


# The linker of the page being rendered; a context variable keeps one signature per block kind.
_LINKER: ContextVar[Linker | None] = ContextVar("linker", default=None)


def inline(text: str) -> str:
    """Escaped display text (:mod:`gazette.site.display`), with the 文号 that the current page's linker
    resolves as links."""
    return link_numbers(keep_together(escape(display(text))), _LINKER.get())


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(data: dict) -> str:
    # libyaml's emitter when PyYAML has it (same output, many times faster: it dominates convert at scale).
    dumped = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=False,
                       width=10_000)
    return f"---\n{dumped}---\n"


def document_meta(document: Document, issue: Issue | None) -> dict:
    """The front matter of a document page: the model's fields, in a reader's order."""
    meta = {
        "title": document.title,
        "number": document.number,
        "date": document.date,
        "issuer": document.issuer,
        "type": document.type,
        "section": document.section,
        "issue": issue.to_dict() if issue else None,
        "page": document.page,
        "pages": list(document.pages) if document.pages else None,
        "addressees": list(document.addressees),
        "attachments": [item.to_dict() for item in document.attachments],
        "interprets": document.interprets,
        "interpretations": [item.to_dict() for item in document.interpretations],
        "cites": list(document.cites),
        "cited_by": [item.to_dict() for item in document.cited_by],
        "slug": document.slug,
    }
    if meta["issue"] and meta["issue"]["date"]:
        meta["issue"]["date"] = issue.date
    if document.source_title:
        meta["source_title"] = document.source_title
    return meta


def render_document(document: Document, issue: Issue | None, extra: dict | None = None,
                    link: Linker | None = None) -> str:
    """The page of one document; ``link`` resolves the 文号 its text cites (引用)."""
    meta = document_meta(document, issue)
    if extra:
        meta.update(extra)
    parts = [front_matter(meta), f"# {escape(document.title)}\n"]
    token = _LINKER.set(link)
    try:
        parts.extend(render_blocks(document.body, 2))
    finally:
        _LINKER.reset(token)
    return "\n".join(parts)


def render_blocks(blocks, level: int) -> list[str]:
    out = []
    for block in blocks:
        out.extend(_RENDER[type(block)](block, level))
    return out


_ROLE_CLASS = {
    "number": "doc-number",
    "addressees": "addressees",
    "source": "interpreted-source",
    "header": "issuing-header",
    "attachment-note": "attachment-note",
    "note": "closing-note",
    "lead": "lead-in",
    "meta": "source-meta",
    "imprint": "imprint",
}


def _paragraph(block: Paragraph, level: int) -> list[str]:
    text = "  \n".join(inline(line) for line in block.text.split("\n"))
    if block.role:
        return [f"{text}\n{{: .{_ROLE_CLASS[block.role]} }}\n"]
    return [f"{text}\n"]


def _heading(level: int, text: str, anchor: str, cls: str) -> str:
    return f"{'#' * min(level, 6)} {text} {{: #{anchor} .{cls} }}\n"


def _section(block: Section, level: int) -> list[str]:
    label = escape(block.label)
    gap = block.gap
    cls = f"mark-{block.marker}"
    if block.heading is not None:
        out = [_heading(level, f"{label}{gap}{keep_together(escape(display(block.heading)))}", block.anchor, cls)]
    elif block.marker == "article":
        out = [_heading(level, label, block.anchor, cls)]
        if block.text:
            out.append(f"{inline(block.text)}\n")
    else:
        out = [f"{label}{gap}{inline(block.text or '')}\n{{: #{block.anchor} .{cls} }}\n"]
    out.extend(render_blocks(block.children, level + 1))
    return out


_CELL_ENTITIES = str.maketrans({"[": "&lsqb;", "]": "&rsqb;", "{": "&lcub;", "}": "&rcub;"})


def _cell(text: str) -> str:
    """Cell text for a raw HTML table: escaped, and without brackets that read as Markdown markup."""
    return keep_together(html.escape(display(text), quote=False).translate(_CELL_ENTITIES))


def _table(block: Table, level: int) -> list[str]:
    rows = ["<table>", "<thead>", "<tr>" + "".join(f"<th>{_cell(cell)}</th>" for cell in block.header) + "</tr>",
            "</thead>", "<tbody>"]
    for row_index, row in enumerate(block.rows):
        cells = []
        for column, cell in enumerate(row):
            if cell.merged:
                continue
            span = 1
            while row_index + span < len(block.rows) and block.rows[row_index + span][column].merged:
                span += 1
            attr = f' rowspan="{span}"' if span > 1 else ""
            cells.append(f"<td{attr}>{_cell(cell.text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    rows.extend(["</tbody>", "</table>"])
    return ["\n".join(rows) + "\n"]


LONG_LIST = 20
"""A list of at least this many short entries (the 134 companies) flows in columns on wide screens."""
SHORT_ENTRY = 40


def _list(block: OrderedList, level: int) -> list[str]:
    lines = [f"{item.number}. {inline(item.text)}" for item in block.items]
    if len(block.items) >= LONG_LIST and max(len(item.text) for item in block.items) <= SHORT_ENTRY:
        return ['<div class="gz-columns" markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n"]
    return ["\n".join(lines) + "\n"]


def _signature(block: Signature, level: int) -> list[str]:
    lines = [escape(issuer) for issuer in block.issuers] + [escape(display(block.date_text))]
    return ["  \n".join(lines) + "\n{: .signature }\n"]


def _part(block: Part, level: int) -> list[str]:
    out = []
    if block.label:
        out.append(f"{escape(display(block.label))}\n{{: .attachment-label }}\n")
    cls = "attachment-title" if block.role == "attachment" else "policy-title"
    out.append(_heading(level, escape(block.title), block.anchor, cls))
    out.extend(render_blocks(block.children, level + 1))
    return out


_RENDER = {Paragraph: _paragraph, Section: _section, Table: _table, OrderedList: _list,
           Signature: _signature, Part: _part}
