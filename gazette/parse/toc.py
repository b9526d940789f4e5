"""The 目录 (table of contents) in its common shapes, and the front matter around it.

An entry is a title and a page: separated by a tab, by leaders (``……``, ``......``, ``…``,
``·····``) or by spaces; the page may be printed in full-width digits (``１２``); a long title
may wrap, its page printed on the last line only; the 文号 may follow the title in brackets
(``…的通知（豫政〔2019〕5号）``, ``中华人民共和国国务院令（第707号）``). Section lines are
``【省政府文件】`` or a known section name on its own. The 刊头 (masthead, imprint) may interrupt
the 目录: a block opened by ``《…公报》`` or ``编委会``, or a run of labelled imprint lines
(``主办：…``, ``出版日期：…``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gazette.model import TocEntry
from gazette.parse import markers as m
from gazette.parse.normalize import Line, Source
from gazette.parse.text import ASCII_DIGITS, clean_title, compact

TOC_HEADING_WITHIN = 120
"""The 目录 heading is on the first pages: past this many lines a 目录 line is a long plan's own contents."""
MASTHEAD_MAX_LINES = 200
"""A 刊头 inside the 目录 is a page of names and imprint lines; a longer run is not a masthead."""
ENTRY_TITLE_MAX = 80
"""A 目录 title line wraps at about 40 characters on the page; twice that is prose, not a wrapped entry."""

_LEADERS = r"(?:…+|⋯+|[.．·。_]{2,}|[-－—]{3,})"
ENTRY = re.compile(
    rf"^(?P<title>[^\t]*?[^\s.…⋯·．。_\-－—])(?:[ \u3000]*\t[\t ]*|[ \u3000]*{_LEADERS}[ \u3000]*|[ \u3000]+)"
    r"[（(]?(?P<page>[0-9０-９]{1,4})[)）]?$"
)
"""A 目录 line: title, then a tab, leaders or spaces, then the page (possibly in brackets: ``（12）``)."""
PAGE_ONLY = re.compile(rf"^{_LEADERS}?[ \u3000]*(?P<page>[0-9０-９]{{1,4}})$")
"""The page of a wrapped entry, alone on its line after leaders."""
SECTION = re.compile(r"^[【\[〖［](?P<name>[^】\]〗］]{1,20})[】\]〗］]$")
IMPRINT_LABEL = re.compile(
    r"^(?P<label>主[\s\u3000]*办|承[\s\u3000]*办|主[\s\u3000]*管|编[\s\u3000]*辑[\s\u3000]*出[\s\u3000]*版|编[\s\u3000]*辑|编[\s\u3000]*印|"
    r"出[\s\u3000]*版[\s\u3000]*发[\s\u3000]*行|出[\s\u3000]*版|发[\s\u3000]*行|地[\s\u3000]*址|社[\s\u3000]*址|电[\s\u3000]*话|"
    r"传[\s\u3000]*真|邮[\s\u3000]*编|邮政编码|网[\s\u3000]*址|印[\s\u3000]*刷|准印证号|出版日期|印发日期|发行日期|"
    r"国内统一连续出版物号|国际标准连续出版物号|刊[\s\u3000]*号|定[\s\u3000]*价|主[\s\u3000]*编|责任编辑)"
    r"[\s\u3000]*[：:]"
)
"""A labelled line of an imprint (版权页) without an editorial board."""
WRAP_LOOKAHEAD = 3
TITLE_MAX = 300
_CONTINUED = re.compile(r"^目[\s\u3000]*录[\s\u3000]*[（(]?[\s\u3000]*续[\s\u3000]*[)）]?$")
_NUMBERED = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")
_TRAILING_NUMBER = re.compile(r"\([^()]*(?:\[\d{4}\]|第\d{1,5}号)[^()]*\)$|(?<=令)第\d{1,5}号$")
_DASH_LINE = set("-—\t ")


@dataclass(frozen=True)
class FrontMatter:
    """What precedes the documents of an issue."""

    cover: tuple[Line, ...]
    """Lines before 目录."""
    toc: tuple[TocEntry, ...]
    """The 目录 entries."""
    masthead: tuple[Line, ...]
    """Lines of the 刊头 block(s): the one that interrupts the 目录, or labelled imprint lines."""
    body_start: int
    """Index into ``Source.lines`` of the first line after the front matter."""
    artifacts: tuple[int, ...]
    """Line numbers of extraction artifacts (``--<TAB>----``)."""


def find_toc(source: Source) -> int | None:
    """Index of the 目录 heading line, if the text has one near its top."""
    for index, line in enumerate(source.lines[:TOC_HEADING_WITHIN]):
        if m.TOC_HEADING.match(line.text):
            return index
    return None


def title_key(title: str) -> str:
    """The form a 目录 title and a printed title are compared in: compact, without a trailing 文号."""
    key = compact(title)
    if len(key) > TITLE_MAX:
        return key  # not a title; and the pattern need not run on a long line
    return _TRAILING_NUMBER.sub("", key) or key


def entry_of(line: Line) -> tuple[str, int] | None:
    """(title as printed, page) of a 目录 line."""
    found = ENTRY.match(line.raw.strip(" \u3000\f"))
    if not found or m.has_sentence(found["title"]):
        return None
    return found["title"], int(found["page"].translate(ASCII_DIGITS))


def section_of(text: str, sections: dict[str, str]) -> str | None:
    """The section name of a 目录 section line: ``【X】`` or a known name on its own."""
    found = SECTION.match(text)
    if found:
        return found["name"].strip()
    bare = _NUMBERED.sub("", compact(text).strip("·•◆◇■□●○★☆—-－"))
    return bare if bare in sections else None


def split_front(source: Source, toc_index: int, sections: dict[str, str]) -> FrontMatter:
    """Read cover, 目录 (with the masthead inside it) up to the first document line."""
    lines = source.lines
    entries: list[TocEntry] = []
    masthead: list[Line] = _cover_masthead(lines[:toc_index])
    artifacts: list[int] = []
    pending: list[Line] = []
    section = None
    index = toc_index + 1
    last_toc = toc_index
    while index < len(lines):
        line = lines[index]
        text = line.text
        if not text:
            index += 1
            continue
        entry = entry_of(line)
        page_only = PAGE_ONLY.match(text) if pending else None
        if (m.TOC_ARTIFACT.match(line.raw.strip(" ")) and set(text) <= _DASH_LINE or _CONTINUED.match(text)) \
                and not pending:
            artifacts.append(line.number)  # 目录（续） heads the 目录's second page
        elif section_of(text, sections) and not pending:
            if not _entries_follow(lines, index, sections):
                break  # the body's first section heading, not a 目录 line
            section = section_of(text, sections)
        elif entry or page_only:
            title, page = entry if entry else ("", int(page_only["page"].translate(ASCII_DIGITS)))
            first = pending[0] if pending else line
            printed = clean_title("".join(item.text for item in pending) + title)
            entries.append(TocEntry(section, printed, page, first.number))
            pending = []
        elif (m.MASTHEAD_START.match(text) or IMPRINT_LABEL.match(text)) and not pending:
            index = _read_masthead(lines, index, masthead, sections)
            last_toc = index - 1
            continue
        elif _wraps(lines, index, len(pending)):
            pending.append(line)
            index += 1
            continue
        else:
            break
        last_toc = index
        index += 1
    return FrontMatter(tuple(lines[:toc_index]), tuple(entries), tuple(masthead), last_toc + 1, tuple(artifacts))


def _cover_masthead(cover: tuple[Line, ...]) -> list[Line]:
    """A masthead printed before the 目录: from its ``《…公报》``/``编委会`` line on, or labelled imprint lines."""
    start = next((index for index, line in enumerate(cover) if m.MASTHEAD_START.match(line.text)), None)
    if start is not None:
        return list(cover[start:])
    return [line for line in cover if IMPRINT_LABEL.match(line.text)]


def _entries_follow(lines: tuple[Line, ...], index: int, sections: dict[str, str]) -> bool:
    """Whether a 目录 entry (or the masthead) follows the section line at ``index``."""
    following = next((probe for probe in range(index + 1, len(lines)) if lines[probe].text), None)
    if following is None:
        return False
    text = lines[following].text
    return bool(entry_of(lines[following]) or m.MASTHEAD_START.match(text) or IMPRINT_LABEL.match(text)
                or section_of(text, sections) or _wraps(lines, following, 0))


def _wraps(lines: tuple[Line, ...], index: int, taken: int) -> bool:
    """Whether the line at ``index`` is the first part of a wrapped entry: title-like, an entry soon after."""
    text = lines[index].text
    if taken >= WRAP_LOOKAHEAD or m.has_sentence(text) or "\t" in text or len(text) > ENTRY_TITLE_MAX:
        return False
    seen = 0
    for probe in range(index + 1, len(lines)):
        line = lines[probe]
        if not line.text:
            continue
        if entry_of(line) or PAGE_ONLY.match(line.text):
            return True
        if m.match_number_line(line.text) or m.ORDER_NUMBER.match(line.text):
            return False  # a title over its 文号: the first document, not a wrapped 目录 entry
        seen += 1
        if seen + taken >= WRAP_LOOKAHEAD or m.has_sentence(line.text) or SECTION.match(line.text):
            return False
    return False


def _read_masthead(lines: tuple[Line, ...], index: int, into: list[Line], sections: dict[str, str]) -> int:
    """Collect a masthead block; return the index of the line after it."""
    if IMPRINT_LABEL.match(lines[index].text):
        return _read_imprint(lines, index, into)
    start = index
    while index < len(lines) and index - start < MASTHEAD_MAX_LINES:
        line = lines[index]
        if entry_of(line) or section_of(line.text, sections):
            return index
        into.append(line)
        index += 1
        if m.MASTHEAD_END.match(line.text):
            return index
    return index


def _read_imprint(lines: tuple[Line, ...], index: int, into: list[Line]) -> int:
    """Labelled imprint lines (and blank lines and a closing note between them)."""
    end = index
    while index < len(lines):
        text = lines[index].text
        if text and not (IMPRINT_LABEL.match(text) or m.MASTHEAD_END.match(text)):
            break
        if text:
            into.extend(lines[end:index + 1])
            end = index + 1
        index += 1
    return end
