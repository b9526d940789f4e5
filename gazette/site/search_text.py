"""The searchable text of a document: what a reader sees on its page, as blocks with their anchors.

A match never crosses a block, as Ctrl+F does not cross a paragraph, a heading or a table cell; inside
a block the text is whole (lines of a paragraph joined). Every block carries the anchor of the innermost
article, section or part around it, so that a hit links to that place (``#art-20``); blocks before the
first one have no anchor and link to the page itself.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple

from gazette.model import Document, OrderedList, Paragraph, Part, Section, Signature, Table, walk


class Block(NamedTuple):
    anchor: str
    """The HTML id to link to, or ``""`` for the top of the page."""
    text: str
    """The text as printed (not folded)."""
    name: bool = False
    """A table cell or list entry: typed (mostly) whole, a name of a company, project or building."""


def head_blocks(document: Document) -> list[Block]:
    """The title and the 文号 as printed under it: what a known-item search is about."""
    blocks = [Block("", document.title)]
    blocks += [Block("", block.text) for block in document.body
               if isinstance(block, Paragraph) and block.role == "number"]
    return blocks


def body_blocks(document: Document) -> Iterator[Block]:
    """Every other block of the page, in reading order, each with the anchor of the unit around it."""
    around: list[str] = []
    """Anchors of the units open above the current block, outermost first."""
    for block, depth in walk(document.body):
        del around[depth:]
        if depth == 0 and isinstance(block, Paragraph) and block.role == "number":
            continue
        yield from _texts(block, around[-1] if around else "")
        if isinstance(block, (Section, Part)):
            around.append(block.anchor)


def _texts(block, anchor: str) -> Iterator[Block]:
    """The searchable texts of one block itself (a unit's children come from the walk)."""
    if isinstance(block, Paragraph):
        yield Block(anchor, block.text.replace("\n", ""))
    elif isinstance(block, Section):
        # The marker and its text are one printed line (第一条　为了……), so one block, as in the source.
        yield Block(block.anchor, block.marker_line.replace("\n", ""))
    elif isinstance(block, Part):
        if block.label:
            yield Block(anchor, block.label)
        yield Block(block.anchor, block.title)
    elif isinstance(block, Table):
        yield from (Block(anchor, cell) for cell in block.header if cell)
        for row in block.rows:
            yield from (Block(anchor, cell.text, True) for cell in row if not cell.merged and cell.text)
    elif isinstance(block, OrderedList):
        # The item numbers are list markers on the page, not text.
        yield from (Block(anchor, item.text, True) for item in block.items)
    elif isinstance(block, Signature):
        # One paragraph on the page, its lines joined as those of any paragraph.
        yield Block(anchor, "".join((*block.issuers, block.date_text)))


def names(document: Document) -> Iterator[str]:
    """Titles of enclosed policies and attachments, and the texts of table cells and list entries
    (names of companies, projects, buildings): typed whole, they name this document."""
    for block, _ in walk(document.body):
        if isinstance(block, Table):
            yield from (cell.text for row in block.rows for cell in row if not cell.merged)
        elif isinstance(block, OrderedList):
            yield from (item.text for item in block.items)
        elif isinstance(block, Part):
            yield block.title
