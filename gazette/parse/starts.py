"""Document starts found in the text itself, without the 目录.

An issue without a 目录 is cut at them, and a document that the 目录 does not list (or a
second one after the last 解读) becomes a document of its own instead of being merged into
the one before it. A start is strict on purpose: a title-like run of lines that names a 文种
(or is a 令, a 解读, a 任免 notice), after a blank line, followed by what only a document's head
carries: its 发文字号, an order's ``第N号``, a 解读's ``政策文件：`` line; a 解读 title in one of
its fixed forms (``《…》解读``, ``关于《…》的政策解读``) stands on its own.
"""

from __future__ import annotations

import re

from gazette.parse import markers as m
from gazette.parse.normalize import Line
from gazette.parse.text import compact

MAX_TITLE_LINES = 3
TITLE_MAX = 120
TITLE_LINE_MAX = 80
"""One printed title line holds at most about 40 characters; a line twice as long is a sentence."""
INTERPRETATION = re.compile(r"^(?:关于)?《[^《》]+》(?:的)?(?:政策)?解读$|^.{2,60}(?:的)?政策解读$")


def _title_like(text: str) -> bool:
    return (bool(text) and len(text) <= TITLE_LINE_MAX and not m.has_sentence(text) and "\t" not in text
            and "，" not in text and m.match_marker(text) is None and m.match_date(text) is None
            and not m.ADDRESSEES.match(text) and not text.startswith("附件") and "：" not in text and ":" not in text)


def _is_title(title: str) -> bool:
    if len(title) < 4 or len(title) > TITLE_MAX or m.match_number_line(title):
        return False
    return m.document_type(title) is not None or "任免" in title


def find_starts(lines: list[Line], begin: int = 0) -> list[tuple[int, int]]:
    """(index, title line count) of every document start in ``lines[begin:]``."""
    starts: list[tuple[int, int]] = []
    index = begin
    while index < len(lines):
        found = _start_at(lines, index)
        if found:
            starts.append((index, found))
            index = _skip_title(lines, index, found)
            continue
        index += 1
    return starts


def _skip_title(lines: list[Line], index: int, count: int) -> int:
    seen = 0
    while index < len(lines) and seen < count:
        if lines[index].text:
            seen += 1
        index += 1
    return index


def _start_at(lines: list[Line], index: int) -> int | None:
    line = lines[index]
    if not _title_like(line.text) or (index > 0 and lines[index - 1].text and not line.after_break):
        return None
    title = ""
    taken = 0
    probe = index
    while probe < len(lines) and taken < MAX_TITLE_LINES:
        text = lines[probe].text
        if not text:  # a title may be printed over lines a blank line apart, as the sample's are, or a page apart
            following = _next_text(lines, probe)
            if taken and following < len(lines) and (following == probe + 1 or lines[following].after_break):
                probe = following
                continue
            break
        if not _title_like(text) or (taken and m.match_number_line(text)):
            break
        title += compact(text)
        taken += 1
        probe += 1
        following = _next_text(lines, probe)
        if _is_title(title) and _heads(title, lines, following):
            return taken
    return None


def _next_text(lines: list[Line], index: int) -> int:
    while index < len(lines) and not lines[index].text:
        index += 1
    return index


def _heads(title: str, lines: list[Line], index: int) -> bool:
    """Whether the line at ``index`` is what only follows a document's title."""
    if INTERPRETATION.match(title):
        return True
    if index >= len(lines):
        return False
    text = lines[index].text
    if m.match_number_line(text) or m.INTERPRETED_SOURCE.match(text):
        return True
    return title.endswith("令") and bool(m.ORDER_NUMBER.match(text))
