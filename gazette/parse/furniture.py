"""Page furniture (版面元素): running headers and page numbers left in the text by extraction.

A printed page carries the gazette's name, the issue, the section name and its page number
at its top or foot. Extracted as plain text, these lines interrupt the documents and cut
their paragraphs. This stage recognises them from the text itself: page-number lines
(``—12—``, ``－ 12 －``, ``· 12 ·``, ``第12页``, and bare numbers, full-width too, when they
rise at page rhythm) and running headers (the gazette's name, the issue label, the section
name, with or without a page number). It guarantees:

* every removed line becomes a :class:`Furniture` record (line, text, kind, page), so the
  coverage check counts it as removed and the 校对报告 can show it;
* no other line is touched: the lines that remain keep their numbers and text;
* a line after removed furniture is flagged ``after_break``, so a paragraph cut by the
  page turn is joined even when its first part is short.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from gazette.model import Furniture
from gazette.parse.normalize import Line, Source
from gazette.parse.text import ASCII_DIGITS

_DASH = "—－\\-–―~～·•●▪∙・"
_NUMBER = r"[0-9０-９]{1,4}"
PAGE_LINE = re.compile(
    rf"^(?:[{_DASH}]+[ \u3000]*(?P<a>{_NUMBER})[ \u3000]*[{_DASH}]+"
    rf"|第[ \u3000]*(?P<b>{_NUMBER})[ \u3000]*页(?:[ \u3000]*[/／共][ \u3000]*[0-9０-９]{{1,4}}[ \u3000]*页?)?"
    rf"|[-－][ \u3000]+(?P<c>{_NUMBER})[ \u3000]+[-－])$"
)
"""A line that holds only a decorated page number."""
BARE_NUMBER = re.compile(rf"^(?P<n>{_NUMBER})$")
_PAGE_TOKEN = rf"(?:[{_DASH}]*[ \u3000]*{_NUMBER}[ \u3000]*[{_DASH}]*|第[ \u3000]*{_NUMBER}[ \u3000]*页)"
_EDGE_PAGE = re.compile(rf"^(?P<p>{_PAGE_TOKEN})(?=[ \u3000]|$)|(?<=[ \u3000])(?P<q>{_PAGE_TOKEN})$")
ISSUE_LABEL = re.compile(
    r"(?:(?:19|20)\d{2}[ \u3000]*年[ \u3000]*)?第[ \u3000]*[0-9０-９]{1,3}(?:[ \u3000]*[、,，\-－—/][ \u3000]*[0-9０-９]{1,3})?"
    r"[ \u3000]*[期号](?:[ \u3000]*合刊)?(?:[ \u3000]*[（(][ \u3000]*总第[ \u3000]*[0-9０-９]{1,5}[ \u3000]*[期号][ \u3000]*[)）])?"
)
DATE_LABEL = re.compile(r"(?:19|20)\d{2}[ \u3000]*年[ \u3000]*[0-9０-９]{1,2}[ \u3000]*月(?:[ \u3000]*[0-9０-９]{1,2}[ \u3000]*日)?")
YEAR_NUMBER = re.compile(r"(?<![0-9０-９])(?:19|20)\d{2}[ \u3000]*[·.．/\-－][ \u3000]*[0-9０-９]{1,2}(?:[、\-－][0-9０-９]{1,2})?(?![0-9０-９])")
"""``2019 · 11``: year and number, as the State Council's gazette prints them in its headers."""
"""A date in a running header, next to the gazette's name (alone, it is a 成文日期)."""
_NAME = re.compile(r"《?(?P<name>[\u4e00-\u9fff（）() \u3000]{2,30}?[公政][ \u3000]*报)》?")
_PROSE = re.compile(r"[\t。，；！？：:]")
"""Sentence punctuation, a colon or a tab: prose, a label or a table row, never page furniture."""
_DIGIT = re.compile(r"[0-9０-９]")
_DECORATION = re.compile(r"[ \u3000【】\[\]·•]+")
_SEPARATORS = re.compile(rf"^[{_DASH}|｜/ \u3000]*$")
NAME_ALONE_MIN = 3
"""A bare gazette name is a header only when it recurs this often (the cover prints it once)."""
CHAIN_MIN = 3
CHAIN_GAP = 6
"""Bare page numbers are this many text lines apart at least: a table's numbered cells are closer."""
CHAIN_STEP = 8
OPEN_CHAINS = 32
"""A page number may skip this many pages (full-page pictures, blank pages)."""


def page_value(text: str) -> int:
    return int(re.sub(r"\D", "", text.translate(ASCII_DIGITS)) or 0)


def classify(text: str, names: tuple[str, ...], sections) -> tuple[str, int | None] | None:
    """(kind, page) when ``text`` is a header or page-number line by its form alone."""
    found = PAGE_LINE.match(text)
    if found:
        return "page-number", page_value(found["a"] or found["b"] or found["c"])
    if len(text) > 60 or _PROSE.search(text) or re.fullmatch(r"《[^》]*》", text):
        return None  # 《…公报》 alone heads the masthead, it is not a running header
    squeezed = text.replace(" ", "").replace("\u3000", "")
    if not _DIGIT.search(text) and "报" not in text and not any(name in squeezed for name in names):
        # no page, no issue label, no gazette name: at most a section name (most headings stop here)
        return ("section", None) if _strip_section(text, sections)[1] else None
    rest, numbered = _strip_label(text, YEAR_NUMBER)
    rest, page = _strip_page(rest)
    rest, label = _strip_label(rest)
    label = label or numbered
    rest, name = _strip_name(rest, names)
    if name and not label:
        rest, label = _strip_label(rest, DATE_LABEL)
    rest, section = _strip_section(rest, sections)
    if not _SEPARATORS.match(rest):
        return None
    if name and (label or page is not None or section):
        return "running-header", page
    if label and page is not None:
        return "running-header", page
    if section and (page is not None or label):
        return "section-header", page
    if name:
        return "name", None
    if section:
        return "section", None
    if label:
        return "label", None
    return None


def _strip_page(text: str) -> tuple[str, int | None]:
    found = _EDGE_PAGE.search(text)
    if not found or not re.search(r"[\u4e00-\u9fff]", text):
        return text, None
    token = found["p"] or found["q"]
    return (text[:found.start()] + text[found.end():]).strip(" \u3000"), page_value(token)


def _strip_label(text: str, pattern: re.Pattern = ISSUE_LABEL) -> tuple[str, bool]:
    found = pattern.search(text)
    if not found:
        return text, False
    return (text[:found.start()] + " " + text[found.end():]).strip(" \u3000"), True


def _strip_name(text: str, names: tuple[str, ...]) -> tuple[str, bool]:
    squeezed = re.sub(r"[ \u3000]+", "", text)
    for name in names:
        if name and name in squeezed:
            return squeezed.replace("《" + name + "》", " ").replace(name, " ").strip(), True
    found = _NAME.search(text)
    if found:
        return (text[:found.start()] + " " + text[found.end():]).strip(" \u3000"), True
    return text, False


def _strip_section(text: str, sections) -> tuple[str, bool]:
    if not sections:
        return text, False
    squeezed = _DECORATION.sub("", text).strip(_DASH)
    return ("", True) if squeezed in sections else (text, False)


def find(source: Source, names: tuple[str, ...], sections: tuple[str, ...], body_start: int) -> list[Furniture]:
    """Every furniture line of ``source``; a section name alone counts as a header only from index
    ``body_start`` on (before it, in the 目录, it heads the entries)."""
    lines = source.lines
    sections = frozenset(sections)
    found: dict[int, Furniture] = {}
    weak: dict[str, list[int]] = {}  # a bare name or issue label, by its text: a header only when it repeats
    for index, line in enumerate(lines):
        if not line.text:
            continue
        result = classify(line.text, names, sections)
        if result is None or (result[0] == "section" and index < body_start):
            continue  # a section name alone heads 目录 entries; with a page number it is a header anywhere
        kind, page = result
        if kind in ("name", "label"):
            weak.setdefault(re.sub(r"[\s\u3000]+", "", line.text), []).append(index)
        elif kind == "section":
            found[index] = Furniture(line.number, line.raw, "section-header", None)
        else:
            found[index] = Furniture(line.number, line.raw, kind, page)
    for indexes in weak.values():
        if len(indexes) >= NAME_ALONE_MIN:
            for index in indexes[1:] if _on_cover(lines, indexes[0]) else indexes:
                found[index] = Furniture(lines[index].number, lines[index].raw, "running-header", None)
    for index in _page_chain(lines, found):
        found[index] = Furniture(lines[index].number, lines[index].raw, "page-number",
                                 page_value(lines[index].text))
    return [found[index] for index in sorted(found)]


def _on_cover(lines: tuple[Line, ...], index: int) -> bool:
    return sum(1 for line in lines[:index] if line.text) < 5


def _page_chain(lines: tuple[Line, ...], known: dict[int, Furniture]) -> list[int]:
    """Bare-number lines that rise at page rhythm, several text lines apart: page numbers."""
    candidates: list[tuple[int, int, int]] = []  # (index, value, text lines seen before)
    seen = 0
    for index, line in enumerate(lines):
        if not line.text or index in known:
            continue
        if BARE_NUMBER.match(line.text) and 0 < page_value(line.text) < 1000:
            candidates.append((index, page_value(line.text), seen))
        seen += 1
    best = _longest_chain(candidates)
    if len(best) < CHAIN_MIN:
        return []
    return sorted({index for index, _, _ in best} | set(_between(candidates, best)))


def _longest_chain(candidates: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    best: list[tuple[int, int, int]] = []
    chains: list[list[tuple[int, int, int]]] = []
    for candidate in candidates:
        if len(chains) > OPEN_CHAINS:  # bounded work per line, whatever the input
            best = max([best] + chains[:-OPEN_CHAINS], key=len)
            del chains[:-OPEN_CHAINS]
        fits = [chain for chain in chains if _follows(chain, candidate)]
        if fits:  # the chain the number follows most closely; of equals, the latest
            min(reversed(fits), key=lambda chain: candidate[1] - chain[-1][1]).append(candidate)
        else:
            chains.append([candidate])
    return max([best] + chains, key=len)


def _follows(chain: list[tuple[int, int, int]], candidate: tuple[int, int, int]) -> bool:
    """Whether ``candidate`` continues ``chain``: a higher page several text lines on, or the very next
    page right after a number that came at page rhythm (a foot number, then the next page's head
    number). Two numbers in a row never both come close: a table's numbered cells do."""
    index, value, position = chain[-1]
    if not 0 < candidate[1] - value <= CHAIN_STEP:
        return False
    came_at_rhythm = len(chain) == 1 or position - chain[-2][2] >= CHAIN_GAP
    anchor = position if came_at_rhythm else chain[-2][2]  # a head number right after a foot one: count from the foot
    if candidate[2] - anchor >= CHAIN_GAP:
        return True
    return candidate[1] == value + 1 and came_at_rhythm


def _between(candidates: list[tuple[int, int, int]], chain: list[tuple[int, int, int]]):
    """Numbers just after a chain member that fit between it and the next one: a page printed
    without text (a blank page, a page of pictures), or a head number right after a foot one."""
    indexes = [index for index, _, _ in chain]
    for index, value, _ in candidates:
        position = bisect_right(indexes, index)
        if 0 < position < len(chain) and indexes[position - 1] != index:
            before, after = chain[position - 1], chain[position]
            if before[1] < value < after[1] and index - before[0] <= 4:
                yield index


def remove(source: Source, furniture: list[Furniture]) -> Source:
    """``source`` with its furniture lines blanked (numbers stay put); the next text line is ``after_break``."""
    drop = {item.line for item in furniture}
    if not drop:
        return source
    kept: list[Line] = []
    broken = False
    for line in source.lines:
        if line.number in drop:
            kept.append(Line(line.number, "", "", 0))
            broken = True
            continue
        if broken and line.text:
            line = replace(line, after_break=True)
            broken = False
        kept.append(line)
    return replace(source, lines=tuple(kept))
