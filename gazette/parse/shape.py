"""The shape of an issue: what makes a text an issue, and checks that nothing is merged silently.

An issue has a cover, a 目录 and documents in the 目录's order. Texts that do not fit are
reported with line numbers, never folded into a neighbouring document: an issue without a
目录 is cut at the document starts found in the text; a document the 目录 does not list
becomes a document of its own; a second issue pasted after the first is refused; the
number of documents is compared with the 目录; page numbers taken from the page furniture are
compared with the 目录's pages.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right

from gazette.errors import ParseError, Warning
from gazette.model import Document, Furniture, TocEntry
from gazette.parse import markers as m
from gazette.parse.issue import FILE_NAME, NUMBER, TOTAL
from gazette.parse.normalize import Line, Source
from gazette.parse.split import Segment
from gazette.parse.starts import find_starts
from gazette.parse.text import clean_title, compact
from gazette.parse.toc import IMPRINT_LABEL, FrontMatter

FRONT_LINES = 200
"""How far an issue's cover, 目录 and 刊头 reach at most: the longest 目录 seen runs to about 120 lines."""
COVER_SCAN_LINES = 60
"""Lines read for a cover without a 目录 (blank lines included): a cover is a page, never more."""

_GAZETTE_NAME = re.compile(r"^《?[\u4e00-\u9fff]{2,30}(?:公报|政报)》?$")
COVER_LINES = 15


def _issue_line(text: str) -> bool:
    found = NUMBER.search(text)
    return bool(found and (found["year"] or TOTAL.search(text) or m.ISSUE_NUMBER.search(text)))


def looks_like_issue(source: Source, toc_index: int | None) -> bool:
    """Whether the text is an issue: with a 目录, a cover naming the 公报, an issue line or an issue's
    file name (a long policy may have a 目录 of its own and is still one document); without one, an
    issue's file name, or a cover that prints the gazette's name and the issue's number."""
    if FILE_NAME.match(os.path.basename(source.file)):
        return True
    if toc_index is not None:
        if any("公报" in line.text for line in source.lines[:toc_index]):
            return True
        return any(_issue_line(line.text) for line in source.lines[:FRONT_LINES])
    cover = [line.text.replace(" ", "").replace("\u3000", "") for line in source.lines[:COVER_SCAN_LINES] if line.text][:COVER_LINES]
    return any(_GAZETTE_NAME.match(text) for text in cover) and any(_issue_line(text) for text in cover)


def front_without_toc(source: Source) -> FrontMatter:
    """Cover and imprint of an issue without a 目录: everything before the first document start."""
    lines = list(source.lines)
    starts = find_starts(lines)
    first = starts[0][0] if starts else next((i for i, line in enumerate(lines) if line.text), 0)
    cover = tuple(lines[:first])
    masthead = tuple(line for line in cover if IMPRINT_LABEL.match(line.text) or m.MASTHEAD_END.match(line.text))
    return FrontMatter(cover, (), masthead, first, ())


IMPRINT_MIN = 2


def trailing_imprint(source: Source, body_start: int) -> list[Line]:
    """An imprint (版权页) printed after the last document: labelled lines (主办：…, 出版日期：…) at the
    very end of the file. They are the issue's, not the last document's."""
    found: list[Line] = []
    for index in range(len(source.lines) - 1, body_start - 1, -1):
        line = source.lines[index]
        if not line.text:
            continue
        if not (IMPRINT_LABEL.match(line.text) or m.MASTHEAD_END.match(line.text) or _issue_line(line.text)):
            break
        found.insert(0, line)
    labelled = sum(1 for line in found if IMPRINT_LABEL.match(line.text))
    return found if labelled >= IMPRINT_MIN else []


def check_single_issue(source: Source, body_start: int) -> None:
    """A second cover and 目录 after the first issue's documents: two issues in one file."""
    lines = source.lines
    for index in range(body_start, len(lines)):
        if not m.TOC_HEADING.match(lines[index].text):
            continue
        before = [line for line in lines[max(body_start, index - COVER_LINES):index] if line.text]
        cover = [line for line in before if _GAZETTE_NAME.match(compact(line.text)) or _issue_line(line.text)]
        if cover:
            raise ParseError(source.file, f"第 {cover[0].number} 行起又是一期公报的封面和目录（第 {lines[index].number} 行）："
                             "一个文件只能有一期，请把两期分成两个文件", cover[0].number)


def cut(body: list[Line], starts: list[tuple[int, int]], entry: TocEntry | None) -> list[Segment]:
    """Segments of ``body`` at ``starts``; text before the first start stays with the first."""
    if not starts:
        return [Segment(entry, (), tuple(body))] if any(line.text for line in body) else []
    segments = []
    for number, (start, count) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(body)
        begin = 0 if number == 0 else start
        title = tuple(line for line in body[start:end] if line.text)[:count]
        segments.append(Segment(entry, title, tuple(body[begin:end])))
    return segments


def split_unlisted(file: str, segments: list[Segment], warnings: list[Warning]) -> list[Segment]:
    """Segments with a second document inside (not in the 目录) cut in two, with a warning."""
    out: list[Segment] = []
    listed = any(segment.entry for segment in segments)
    for segment in segments:
        lines = list(segment.lines)
        title_at = lines.index(segment.title_lines[0]) if segment.title_lines else _first_text(lines)
        after = lines.index(segment.title_lines[-1]) + 1 if segment.title_lines else title_at + 1
        before = find_starts(lines[:title_at]) if segment.entry else []
        if before:  # a document before the first listed one: text before its title stays with it
            out.extend(_pieces(file, lines[:title_at], before, listed, warnings))
            lines = lines[title_at:]
            after -= title_at
        starts = find_starts(lines, after)
        if not starts:
            out.append(Segment(segment.entry, segment.title_lines, tuple(lines)))
            continue
        out.append(Segment(segment.entry, segment.title_lines, tuple(lines[:starts[0][0]])))
        out.extend(_pieces(file, lines[starts[0][0]:], [(s - starts[0][0], c) for s, c in starts], listed, warnings))
    return out


def _pieces(file: str, lines: list[Line], starts: list[tuple[int, int]], listed: bool,
            warnings: list[Warning]) -> list[Segment]:
    pieces = cut(lines, starts, None)
    for piece in pieces:
        title = clean_title("".join(line.text for line in piece.title_lines))
        if listed:
            warnings.append(Warning(file, piece.title_lines[0].number, "toc-unlisted",
                                    f"「{title}」不在目录中：作为单独的文件处理，请核对目录"))
    return pieces


def _first_text(lines: list[Line]) -> int:
    return next((index for index, line in enumerate(lines) if line.text), 0)


def check_counts(file: str, toc: tuple[TocEntry, ...], documents: list[Document], warnings: list[Warning]) -> None:
    """The number of documents against the number of 目录 entries."""
    listed = sum(1 for document in documents if document.toc_line is not None)
    if toc and len(documents) != len(toc):
        warnings.append(Warning(file, toc[0].line, "toc-count",
                                f"目录列出 {len(toc)} 篇文件，正文中有 {len(documents)} 篇（其中 {listed} 篇与目录对应）"))


def _pages(furniture, body_start: int) -> tuple[list[int], list[int]]:
    """Lines and numbers of the printed page numbers among the documents (the 目录's own pages do not count)."""
    numbered = [item for item in furniture if item.page is not None and item.line >= body_start]
    return [item.line for item in numbered], [item.page for item in numbered]


def _page_at(lines: list[int], pages: list[int], line: int, top: bool) -> int | None:
    if top:
        position = bisect_left(lines, line) - 1
        return pages[position] if position >= 0 else None
    position = bisect_right(lines, line)
    return pages[position] if position < len(lines) else None


def _convention(lines: list[int], pages: list[int], listed: list[tuple[int, int]]) -> bool:
    """True when printed numbers head their page (the text after a number is on that page)."""
    top = sum(_page_at(lines, pages, line, True) == page for line, page in listed)
    bottom = sum(_page_at(lines, pages, line, False) == page for line, page in listed)
    return top >= bottom


def page_map(furniture: list[Furniture], segments: list[Segment]) -> dict[int, int]:
    """The printed page of each segment the 目录 does not give one, from the page furniture."""
    lines, pages = _pages(furniture, segments[0].lines[0].number if segments and segments[0].lines else 0)
    if not lines:
        return {}
    listed = [(s.title_lines[0].number, s.entry.page) for s in segments if s.entry and s.title_lines]
    top = _convention(lines, pages, listed)
    out = {}
    for position, segment in enumerate(segments):
        if segment.entry is None and segment.title_lines:
            page = _page_at(lines, pages, segment.title_lines[0].number, top)
            if page is not None:
                out[position] = page
    return out


def section_map(furniture: list[Furniture], segments: list[Segment], known: tuple[str, ...]) -> dict[int, str]:
    """The section of each segment the 目录 does not place: the section heading or running section
    header printed last before its title (``【市政府文件】``, ``省政府文件　·3·``)."""
    headers = [(item.line, _section_name(item.text, known)) for item in furniture if item.category == "section-header"]
    out = {}
    for position, segment in enumerate(segments):
        if segment.entry is None and segment.title_lines:
            before = [name for line, name in headers if line < segment.title_lines[0].number and name]
            if before:
                out[position] = before[-1]
    return out


def _section_name(text: str, known: tuple[str, ...]) -> str | None:
    squeezed = compact(text)
    found = [name for name in known if name in squeezed]
    bracketed = re.search(r"[【\[]([^】\]]{2,20})[】\]]", squeezed)
    return max(found, key=len) if found else (bracketed.group(1) if bracketed else None)


def check_pages(file: str, documents: list[Document], furniture: list[Furniture], warnings: list[Warning],
                body_start: int) -> None:
    """Each listed document's 目录 page against the page the furniture says its title is on."""
    lines, pages = _pages(furniture, body_start)
    listed = [(d.line, d.page) for d in documents if d.toc_line is not None and d.page is not None]
    if len(lines) < 2 or not listed:
        return
    top = _convention(lines, pages, listed)
    agreeing = sum(_page_at(lines, pages, line, top) == page for line, page in listed)
    if agreeing * 2 < len(listed):
        return  # the printed numbers do not follow the 目录's pages at all: a numbering of its own, not errors
    for document in documents:
        if document.toc_line is None or document.page is None:
            continue
        printed = _page_at(lines, pages, document.line, top)
        if printed is not None and printed != document.page:
            warnings.append(Warning(file, document.toc_line, "toc-page-number",
                                    f"目录页码为 {document.page}，正文「{document.title}」印在第 {printed} 页"))
