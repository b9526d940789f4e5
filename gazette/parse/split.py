"""Stage 2: split an issue into cover, 目录, masthead and one segment per document.

The 目录 guides the split: each entry is looked for, in order, among the lines after the
front matter. A title printed differently from its 目录 entry is still found (closest
match) and reported; an entry that cannot be found is reported and skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from gazette.parse import markers as m
from gazette.errors import Warning
from gazette.model import TocEntry
from gazette.parse.normalize import Line, Source
from gazette.parse.text import clean_title, compact

MAX_TITLE_LINES = 3
FUZZY_THRESHOLD = 0.75


@dataclass(frozen=True)
class FrontMatter:
    """What precedes the documents of an issue."""

    cover: tuple[Line, ...]
    """Lines before 目录."""
    toc: tuple[TocEntry, ...]
    """The 目录 entries."""
    masthead: tuple[Line, ...]
    """Lines of the 刊头 block that interrupts the 目录."""
    body_start: int
    """Index into ``Source.lines`` of the first line after the front matter."""
    artifacts: tuple[int, ...]
    """Line numbers of extraction artifacts (``--<TAB>----``)."""


@dataclass(frozen=True)
class Segment:
    """The lines of one document, located with the help of its 目录 entry."""

    entry: TocEntry | None
    """The 目录 entry, or None for a standalone document."""
    title_lines: tuple[Line, ...]
    """Lines that hold the title as printed (empty: the document parser finds them)."""
    lines: tuple[Line, ...]
    """Every line of the document, title included."""


def find_toc(source: Source) -> int | None:
    """Index of the 目录 heading line, if the text has one near its top."""
    for index, line in enumerate(source.lines[:80]):
        if m.TOC_HEADING.match(line.text):
            return index
    return None


def split_front(source: Source, toc_index: int) -> FrontMatter:
    """Read cover, 目录 (with the masthead inside it) up to the first document line."""
    lines = source.lines
    entries: list[TocEntry] = []
    masthead: list[Line] = []
    artifacts: list[int] = []
    section = None
    index = toc_index + 1
    last_toc = toc_index
    while index < len(lines):
        line = lines[index]
        text = line.text
        if not text:
            index += 1
            continue
        if m.TOC_ARTIFACT.match(line.raw.strip(" ")) and set(text) <= set("-—\t "):
            artifacts.append(line.number)
        elif m.TOC_SECTION.match(text):
            section = m.TOC_SECTION.match(text)["name"].strip()
        elif m.TOC_ENTRY.match(line.raw.strip(" \u3000")):
            found = m.TOC_ENTRY.match(line.raw.strip(" \u3000"))
            entries.append(TocEntry(section, clean_title(found["title"]), int(found["page"]), line.number))
        elif m.MASTHEAD_START.match(text) and not masthead:
            index = _read_masthead(lines, index, masthead)
            continue
        else:
            break
        last_toc = index
        index += 1
    return FrontMatter(tuple(lines[:toc_index]), tuple(entries), tuple(masthead), last_toc + 1, tuple(artifacts))


def _read_masthead(lines: tuple[Line, ...], index: int, into: list[Line]) -> int:
    """Collect the masthead block; return the index of the line after it."""
    start = index
    while index < len(lines) and index - start < 200:
        line = lines[index]
        if m.TOC_ENTRY.match(line.raw.strip(" \u3000")) or m.TOC_SECTION.match(line.text):
            return index
        into.append(line)
        index += 1
        if m.MASTHEAD_END.match(line.text):
            return index
    return index


def locate(source: Source, front: FrontMatter, warnings: list[Warning]) -> list[Segment]:
    """Find each 目录 entry's document in the body and cut the body into segments."""
    body = list(source.lines[front.body_start:])
    candidates = list(_candidates(body, 0, len(body)))
    by_text: dict[str, list[tuple[int, int]]] = {}
    for index, count, text in candidates:
        by_text.setdefault(text, []).append((index, count))
    starts: list[tuple[int, int, TocEntry]] = []  # (body index, title line count, entry)
    exact = [_find_exact(by_text, entry.title, 0) for entry in front.toc]
    cursor = 0
    for position, entry in enumerate(front.toc):
        found = _find_exact(by_text, entry.title, cursor)
        if found is None:
            limit = next((hit[0] for hit in exact[position + 1:] if hit and hit[0] >= cursor), len(body))
            found = _find_fuzzy(candidates, entry.title, cursor, limit)
            if found is None:
                warnings.append(Warning(source.file, entry.line, "toc-missing",
                                        f"目录条目在正文中未找到：{entry.title}（第 {entry.page} 页）"))
                continue
            printed = clean_title("".join(line.text for line in _title_lines(body, *found)))
            warnings.append(Warning(source.file, body[found[0]].number, "toc-mismatch",
                                    f"标题与目录条目（第 {entry.line} 行）不一致："
                                    f"目录为「{entry.title}」，正文为「{printed}」"))
        starts.append((found[0], found[1], entry))
        cursor = found[0] + 1
    segments = []
    for number, (start, count, entry) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(body)
        begin = 0 if number == 0 else start  # text before the first title stays with the first document
        segments.append(Segment(entry, tuple(_title_lines(body, start, count)), tuple(body[begin:end])))
    return segments


def _title_lines(body: list[Line], start: int, count: int) -> list[Line]:
    taken = []
    index = start
    while len(taken) < count and index < len(body):
        if body[index].text:
            taken.append(body[index])
        index += 1
    return taken


def _candidates(body: list[Line], start: int, stop: int):
    """Yield (index, count, compact text) of runs of 1..3 title-like lines."""
    for index in range(start, min(stop, len(body))):
        if not body[index].text:
            continue
        text = ""
        lines_seen = 0
        probe = index
        blanks = 0
        while probe < len(body) and lines_seen < MAX_TITLE_LINES:
            line = body[probe]
            if not line.text:
                blanks += 1
                if blanks > 1:
                    break
                probe += 1
                continue
            blanks = 0
            if m.has_sentence(line.text) or "\t" in line.raw.strip():
                break
            text += compact(line.text)
            lines_seen += 1
            yield index, lines_seen, text
            probe += 1


def _find_exact(by_text: dict, title: str, start: int) -> tuple[int, int] | None:
    for index, count in by_text.get(compact(title), ()):
        if index >= start:
            return index, count
    return None


def _find_fuzzy(candidates: list, title: str, start: int, stop: int) -> tuple[int, int] | None:
    """The closest title-like run of lines, of the same 文种 as the entry (a 解读 is not its policy)."""
    wanted = compact(title)
    kind = m.document_type(wanted)
    best, best_ratio = None, FUZZY_THRESHOLD
    for index, count, text in candidates:
        if index < start or index >= stop:
            continue
        if abs(len(text) - len(wanted)) > max(6, len(wanted) // 4) or m.document_type(text) != kind:
            continue
        ratio = SequenceMatcher(None, wanted, text, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = (index, count), ratio
    return best
