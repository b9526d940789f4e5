"""The faithfulness check: every Han character and digit of the source is in the Markdown.

Counts are compared per character, so a dropped, duplicated or invented character shows
up, wherever it is. The front matter, and the markup the renderer adds (anchors, classes,
HTML table tags), are not counted: they are not the gazette's words.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from gazette.parse.normalize import Source

_COUNTED = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff0-9]")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
# Each class excludes its own opening character too, so a run of them is scanned once (linear time).
_ATTR_LIST = re.compile(r"(?<!\\)\{:[^{}]*\}")
_HTML_TAG = re.compile(r"<[^<>]*>")
_LINK_TARGET = re.compile(r"(?<!\\)\]\([^()]*\)")


@dataclass(frozen=True)
class Coverage:
    """Character counts of the source text against the generated Markdown."""

    expected: int
    """Han characters and digits in the source's documents."""
    missing: dict
    """Characters the Markdown has fewer times than the source, with the shortfall."""
    extra: dict
    """Characters the Markdown has more times than the source, with the excess."""
    removed: int = 0
    """Han characters and digits of page furniture (running headers, page numbers) taken out of the
    text on purpose: counted as removed, not as lost, and not in ``expected``."""

    @property
    def complete(self) -> bool:
        return not self.missing and not self.extra

    def summary(self) -> str:
        removed = f"；页眉、页码等版面元素 {self.removed} 字按删除计，不算丢失" if self.removed else ""
        if self.complete:
            return f"文字完整性：{self.expected}/{self.expected} 个汉字和数字（100%）{removed}"
        lost = sum(self.missing.values())
        added = sum(self.extra.values())
        return (f"文字完整性：{self.expected - lost}/{self.expected} 个汉字和数字；"
                f"缺少 {lost} 个（{''.join(list(self.missing)[:20])}），多出 {added} 个（{''.join(list(self.extra)[:20])}）"
                f"{removed}")


def counted(text: str) -> Counter:
    """How often each Han character and digit occurs in ``text``."""
    # Counting every character in C and keeping the few thousand distinct counted ones is
    # several times faster than collecting the matches first.
    return Counter({ch: n for ch, n in Counter(text).items() if _COUNTED.match(ch)})


def markdown_text(markdown: str) -> str:
    """The words of a generated page: front matter and generated markup removed."""
    body = _FRONT_MATTER.sub("", markdown, count=1)
    body = _ATTR_LIST.sub("", body)
    body = _LINK_TARGET.sub("]", body)
    # Character references (``&#61;`` for a line-start ``=``) are the text's characters, not markup's.
    return html.unescape(_HTML_TAG.sub("", body))


def source_counts(source: Source, body_start: int, furniture: tuple = ()) -> Counter:
    """The Han characters and digits of the source from ``body_start`` on (outside cover, 目录, masthead),
    without the lines of page furniture the parser removed."""
    skip = {item.line for item in furniture}
    # One pass over joined text: the pattern matches single characters, so joining changes no count.
    return counted("\n".join(line.text for line in source.lines[body_start - 1:] if line.number not in skip))


def removed_count(furniture: tuple, body_start: int) -> int:
    """Han characters and digits in the page furniture removed from the documents' text."""
    return sum(counted("\n".join(item.text for item in furniture if item.line >= body_start)).values())


def compare(expected: Counter, pages: list[str], removed: int = 0) -> Coverage:
    """Compare the source's counts with the documents' Markdown ``pages``."""
    actual = counted("\n".join(markdown_text(page) for page in pages))
    missing = {ch: expected[ch] - actual[ch] for ch in expected if expected[ch] > actual[ch]}
    extra = {ch: actual[ch] - expected[ch] for ch in actual if actual[ch] > expected[ch]}
    return Coverage(sum(expected.values()), missing, extra, removed)


def measure(source: Source, body_start: int, pages: list[str], furniture: tuple = ()) -> Coverage:
    """Compare the source from ``body_start`` on (less its furniture) with the documents' Markdown ``pages``."""
    return compare(source_counts(source, body_start, furniture), pages, removed_count(furniture, body_start))
