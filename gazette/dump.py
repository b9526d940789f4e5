"""A readable text dump of a parsed file, for people and for golden tests."""

from __future__ import annotations

from gazette.model import Gazette, OrderedList, Paragraph, Part, Section, Signature, Table
from gazette.parse.text import excerpt


def dump(gazette: Gazette) -> str:
    lines = []
    issue = gazette.issue
    if issue:
        lines.append(f"issue {issue.year} no {issue.no} total {issue.total} date {issue.date} title {issue.title}")
    else:
        lines.append("standalone document")
    for entry in gazette.toc:
        lines.append(f"toc [{entry.section}] p{entry.page} {entry.title}")
    for document in gazette.documents:
        lines.append("")
        lines.append(f"document {document.slug} L{document.line}-{document.end_line}: {document.title}")
        for key in ("number", "date", "issuer", "type", "section", "page", "pages", "interprets"):
            lines.append(f"  {key}: {getattr(document, key)}")
        lines.append(f"  addressees: {' | '.join(document.addressees)}")
        lines.append(f"  attachments: {' | '.join(a.title for a in document.attachments)}")
        lines.append(f"  cites: {' '.join(document.cites)}")
        lines.extend(_blocks(document.body, 1))
    for warning in gazette.warnings:
        lines.append(str(warning))
    return "\n".join(lines) + "\n"


def _blocks(blocks, depth: int) -> list[str]:
    pad = "  " * depth
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(f"{pad}L{block.line} paragraph{'/' + block.role if block.role else ''}: {excerpt(block.text, 24)}")
        elif isinstance(block, Section):
            what = f"heading {block.heading}" if block.heading is not None else f"text {excerpt(block.text or '', 16)}"
            out.append(f"{pad}L{block.line} {block.marker} {block.label} #{block.anchor} {what}")
            out.extend(_blocks(block.children, depth + 1))
        elif isinstance(block, Part):
            out.append(f"{pad}L{block.line} part/{block.role} #{block.anchor} {block.title}")
            out.extend(_blocks(block.children, depth + 1))
        elif isinstance(block, Table):
            merged = sum(cell.merged for row in block.rows for cell in row)
            out.append(f"{pad}L{block.line} table {len(block.header)} columns × {len(block.rows)} rows, {merged} merged")
        elif isinstance(block, OrderedList):
            out.append(f"{pad}L{block.line} list of {len(block.items)}: {block.items[0].number}–{block.items[-1].number}")
        elif isinstance(block, Signature):
            out.append(f"{pad}L{block.line} signature {' / '.join(block.issuers)} {block.date}")
    return out
