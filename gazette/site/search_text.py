"""Pages for the online search index, rendered straight from the model.

Pagefind reads HTML. Rather than waiting for MkDocs to render every page and then parsing
the themed output, the build writes these small pages — the title, the 文号 and the
body of each document, with the same heading ids, at the same URLs — so that Pagefind indexes
on one core while MkDocs renders on the other. Search results link to the real pages.
"""

from __future__ import annotations

from html import escape

from gazette.archive import Archive
from gazette.paths import document_url
from gazette.model import OrderedList, Paragraph, Part, Section, Signature, Table

FOLDER = "searchpages"
"""The name of the temporary folder the build writes these pages into, beside ``site/``."""


def search_pages(archive: Archive) -> dict[str, str]:
    """``2019/2/sz-2018-29/index.html`` → the page Pagefind indexes for that document."""
    pages = {}
    for gazette in archive.gazettes:
        for document in gazette.documents:
            body = "".join(_blocks(document.body, 2))
            pages[document_url(gazette, document) + "index.html"] = (
                '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
                f"<title>{escape(document.title)}</title></head><body><main data-pagefind-body>"
                f"<h1>{escape(document.title)}</h1>{body}</main></body></html>\n"
            )
    return pages


def _blocks(blocks, level: int):
    for block in blocks:
        yield from _RENDER[type(block)](block, level)


def _paragraph(block: Paragraph, level: int):
    if block.role == "number":
        # The 文号 under the title weighs most: typed as printed, it finds its own document first.
        yield f'<p data-pagefind-weight="10" data-pagefind-meta="number">{escape(block.text)}</p>'
    else:
        yield f"<p>{escape(block.text)}</p>"


def _heading(level: int, anchor: str, text: str) -> str:
    level = min(level, 6)
    return f'<h{level} id="{anchor}">{escape(text)}</h{level}>'


def _section(block: Section, level: int):
    gap = " " if block.label[-1] in "章节条.．" else ""
    if block.heading is not None:
        yield _heading(level, block.anchor, f"{block.label}{gap}{block.heading}")
    elif block.marker == "article":
        yield _heading(level, block.anchor, block.label)
        if block.text:
            yield f"<p>{escape(block.text)}</p>"
    else:
        yield f'<p id="{block.anchor}">{escape(block.label + gap + (block.text or ""))}</p>'
    yield from _blocks(block.children, level + 1)


def _table(block: Table, level: int):
    yield "<table>"
    yield "<tr>" + "".join(f"<th>{escape(cell)}</th>" for cell in block.header) + "</tr>"
    for row in block.rows:
        yield "<tr>" + "".join(f"<td>{escape(cell.text)}</td>" for cell in row if not cell.merged) + "</tr>"
    yield "</table>"


def _list(block: OrderedList, level: int):
    yield "<ol>" + "".join(f"<li>{escape(item.text)}</li>" for item in block.items) + "</ol>"


def _signature(block: Signature, level: int):
    yield "<p>" + "<br>".join(escape(line) for line in (*block.issuers, block.date_text)) + "</p>"


def _part(block: Part, level: int):
    if block.label:
        yield f"<p>{escape(block.label)}</p>"
    yield _heading(level, block.anchor, block.title)
    yield from _blocks(block.children, level + 1)


_RENDER = {Paragraph: _paragraph, Section: _section, Table: _table, OrderedList: _list,
           Signature: _signature, Part: _part}
