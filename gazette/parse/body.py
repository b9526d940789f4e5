"""Stages 3 and 4 for running text: classify lines, join broken paragraphs, nest by marker rank.

Input: the lines of one stretch of a document (the notice body, an enclosed policy, an
attachment). Output: blocks (:mod:`gazette.model`). Every non-blank line ends up in exactly
one block, in order; nothing is dropped and nothing is rewritten except the joins of
paragraphs that a page break or a line wrap cut, which are recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from gazette.parse import markers as m
from gazette.parse.anchors import Anchors
from gazette.model import Block, Cell, Join, ListItem, OrderedList, Paragraph, Section, Table
from gazette.parse.normalize import Line
from gazette.parse.text import clean_title, excerpt

JOIN_MIN_LENGTH = 20
"""A fragment shorter than this is a complete short line (a name, a heading), not a cut paragraph."""
BREAK_MIN_LENGTH = 8
"""Before a removed page header or number, a fragment this long that stops mid-sentence is cut."""
HEADING_MAX_LENGTH = 40
LIST_ITEM_MAX_LENGTH = 60
LIST_MIN_ITEMS = 3


@dataclass
class _Unit:
    """A logical line: one or more source lines of the same block, before nesting."""

    kind: str  # paragraph | marker | row | lead
    text: str
    line: int
    last_line: int
    marker: m.Marker | None = None
    cells: list[str] = field(default_factory=list)
    blank_before: bool = False
    after_break: bool = False


def parse_blocks(lines: list[Line], anchors: Anchors, joins: list[Join]) -> tuple[Block, ...]:
    """Turn ``lines`` into nested blocks; record joined splits in ``joins``."""
    units = _join(_units(lines), joins)
    flat = _group(units)
    return _nest(flat, anchors)


def _units(lines: list[Line]) -> list[_Unit]:
    units: list[_Unit] = []
    blank = False
    for line in lines:
        if line.blank:
            blank = True
            continue
        text = line.text
        previous = units[-1] if units else None
        if previous and previous.kind == "attachment-note" and not blank and m.match_marker(text):
            # 附件：1.… / 2.… — the further attachments the 附件说明 names, one per line
            previous.text += "\n" + text
            previous.last_line = line.number
            continue
        artifact = m.LIST_ARTIFACT.match(text)
        if artifact and (m.match_marker(text[artifact.end():]) or text[artifact.end():][:1].isdigit()):
            text = text[artifact.end():]
        if "\t" in text:
            cells = [cell.strip(" \u3000") for cell in line.raw.strip(" \u3000\f").split("\t")]
            units.append(_Unit("row", text, line.number, line.number, cells=cells, blank_before=blank))
        else:
            marker = m.match_marker(text)
            if marker:
                kind = "marker"
            elif m.ATTACHMENT_NOTE.match(text):
                kind = "attachment-note"
            elif m.IMPRINT.search(text):
                kind = "imprint"
            else:
                kind = "lead" if m.LEAD_IN.match(text) else "paragraph"
            units.append(_Unit(kind, text, line.number, line.number, marker=marker, blank_before=blank,
                               after_break=line.after_break))
        blank = False
    return units


def _is_heading(marker: m.Marker) -> bool:
    rest = marker.rest
    if marker.kind in ("chapter", "division"):
        return True
    if marker.kind == "article":
        return False
    return (bool(rest) and len(rest) <= HEADING_MAX_LENGTH and not m.has_sentence(rest)
            and "，" not in rest and "," not in rest and rest[-1] not in "、：:")


def _open_prose(unit: _Unit, turned: bool = False) -> bool:
    """Whether ``unit`` is prose that stops mid-sentence, long enough to be a cut paragraph
    (shorter when removed page furniture shows that a page turned right after it)."""
    if unit.kind == "paragraph" or unit.kind == "lead":
        text = unit.text
    elif unit.kind == "marker" and not _is_heading(unit.marker):
        text = unit.text
    else:
        return False
    return len(text) >= (BREAK_MIN_LENGTH if turned else JOIN_MIN_LENGTH) and not m.ends_sentence(text)


def _continues(unit: _Unit) -> bool:
    return unit.kind == "paragraph" and (m.ends_sentence(unit.text) or len(unit.text) >= JOIN_MIN_LENGTH)


def _join(units: list[_Unit], joins: list[Join]) -> list[_Unit]:
    out: list[_Unit] = []
    for unit in units:
        previous = out[-1] if out else None
        if previous and _open_prose(previous, unit.after_break) and _continues(unit):
            joins.append(Join(previous.last_line, unit.line, excerpt(previous.text, tail=True), excerpt(unit.text)))
            previous.text += unit.text
            previous.last_line = unit.last_line
            continue
        out.append(unit)
    for unit in out:
        if unit.kind == "marker" and unit.last_line != unit.line:
            unit.marker = replace(unit.marker, rest=unit.text[len(unit.marker.label):].lstrip(" \u3000"))
    return out


def _short_item(unit: _Unit) -> bool:
    return (
        unit.kind == "marker"
        and unit.marker.kind == "item"
        and bool(unit.marker.rest)
        and len(unit.marker.rest) <= LIST_ITEM_MAX_LENGTH
        and not m.has_sentence(unit.marker.rest)
    )


def _group(units: list[_Unit]) -> list[object]:
    """Gather table rows into tables and runs of short numbered lines into lists."""
    out: list[object] = []
    index = 0
    while index < len(units):
        unit = units[index]
        if unit.kind == "row":
            end = index
            while end < len(units) and units[end].kind == "row":
                end += 1
            out.append(_table(units[index:end]))
            index = end
            continue
        if _short_item(unit):
            end = index + 1
            while (end < len(units) and _short_item(units[end])
                   and units[end].marker.number == units[end - 1].marker.number + 1):
                end += 1
            if end - index >= LIST_MIN_ITEMS:
                items = tuple(ListItem(u.marker.number, u.marker.rest, u.line) for u in units[index:end])
                out.append(OrderedList(items, unit.line))
                index = end
                continue
        out.append(unit)
        index += 1
    return out


def _table(rows: list[_Unit]) -> Table:
    width = len(rows[0].cells)
    for row in rows:
        while len(row.cells) > width and not row.cells[-1]:
            row.cells.pop()
    width = max(len(row.cells) for row in rows)
    header = tuple(rows[0].cells + [""] * (width - len(rows[0].cells)))
    body: list[tuple[Cell, ...]] = []
    for row in rows[1:]:
        cells = row.cells + [""] * (width - len(row.cells))
        resolved = []
        for column, text in enumerate(cells):
            above = body[-1][column] if body else None
            if not text and above is not None and above.text:
                resolved.append(Cell(above.text, merged=True))
            else:
                resolved.append(Cell(text))
        body.append(tuple(resolved))
    return Table(header, tuple(body), rows[0].line)


@dataclass
class _Open:
    """A section being filled while nesting."""

    unit: _Unit
    anchor: str
    children: list = field(default_factory=list)


def _nest(flat: list[object], anchors: Anchors) -> tuple[Block, ...]:
    root: list = []
    stack: list[_Open] = []

    def close_to(rank: int) -> None:
        while stack and stack[-1].unit.marker.rank >= rank:
            done = stack.pop()
            block = _section(done)
            (stack[-1].children if stack else root).append(block)

    for item in flat:
        if isinstance(item, _Unit) and item.kind == "attachment-note":
            close_to(0)  # 附件说明 follows the whole body, not its last section
        if isinstance(item, _Unit) and item.kind == "marker":
            close_to(item.marker.rank)
            parent = stack[-1].anchor if stack else None
            anchor = anchors.take(item.marker.kind, item.marker.number, parent)
            stack.append(_Open(item, anchor))
            continue
        block = item if not isinstance(item, _Unit) else _paragraph(item)
        (stack[-1].children if stack else root).append(block)
    close_to(0)
    return tuple(root)


def _paragraph(unit: _Unit) -> Paragraph:
    return Paragraph(unit.text, unit.line, None if unit.kind == "paragraph" else unit.kind)


def _section(done: _Open) -> Section:
    marker = done.unit.marker
    heading = clean_title(marker.rest) if _is_heading(marker) else None
    text = None if heading is not None else marker.rest
    return Section(marker.kind, marker.label, marker.number, heading, text or None, done.anchor,
                   done.unit.line, tuple(done.children))
