"""Checks for the 校对报告: what looks wrong in the source, reported, never rewritten.

Each check returns :class:`Warning` items with a ``kind`` the report groups by.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from gazette.errors import Warning
from gazette.parse.references import texts
from gazette.model import Gazette
from gazette.parse.normalize import Source
from gazette.parse.text import excerpt

_LATIN_IN_HAN = re.compile(r"(?<=[\u4e00-\u9fff，。、；：])[ \u3000]*([a-z]{2,})[ \u3000]*(?=[\u4e00-\u9fff])")
_LATIN_WORD = re.compile(r"[a-z]{2,}")
_BRACKETS = re.compile(r"[（()）《》〔〕【】“”\[\]〈〉]")
_PAIRS = (("（(", "）)"), ("《", "》"), ("〔", "〕"), ("【", "】"), ("“", "”"), ("[", "]"), ("〈", "〉"))


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def traditional_chars(text: str) -> list[str]:
    """The characters of ``text`` that exist only in traditional script."""
    converter = _t2s()
    if converter.convert(text) == text:
        return []
    return [ch for ch in text if "\u4e00" <= ch <= "\u9fff" and converter.convert(ch) != ch]


def check(source: Source, gazette: Gazette) -> list[Warning]:
    """All source-level checks of one parsed file."""
    warnings = []
    warnings.extend(_traditional(source, gazette.body_start))
    warnings.extend(_latin(source, gazette.body_start))
    warnings.extend(_brackets(source.file, gazette))
    warnings.extend(_toc_pages(source.file, gazette))
    return warnings


def _traditional(source: Source, start: int) -> list[Warning]:
    passages: list[list] = []
    lines = source.lines[start - 1:]
    whole = "\n".join(line.text for line in lines)
    if _t2s().convert(whole) == whole:
        return []  # one conversion of the whole text settles the usual case
    for line in lines:
        found = traditional_chars(line.text) if line.text else []
        if not found:
            continue
        if passages and line.number - passages[-1][1] <= 2:
            passages[-1][1] = line.number
            passages[-1][2].extend(found)
        else:
            passages.append([line.number, line.number, list(found)])
    out = []
    for first, last, chars in passages:
        unique = "".join(dict.fromkeys(chars))
        span = f"第 {first}–{last} 行" if last != first else f"第 {first} 行"
        out.append(Warning(source.file, first, "traditional",
                           f"繁体字段落（{span}，{len(chars)} 个繁体字：{excerpt(unique, 20)}）"))
    return out


def _latin(source: Source, start: int) -> list[Warning]:
    out = []
    lines = source.lines[start - 1:]
    if not _LATIN_WORD.search("\n".join(line.text for line in lines)):
        return out
    for line in lines:
        for found in _LATIN_IN_HAN.finditer(line.text):
            context = line.text[max(0, found.start() - 8): found.end() + 8]
            out.append(Warning(source.file, line.number, "latin",
                               f"中文中夹有拉丁字母单词「{found.group(1)}」：…{context}…"))
    return out


def _brackets(file: str, gazette: Gazette) -> list[Warning]:
    out = []
    for document in gazette.documents:
        for line, text in texts(document.body):
            found = _BRACKETS.findall(text)
            if not found:
                continue
            counts = Counter(found)
            for opening, closing in _PAIRS:
                opened = counts[opening[0]] + (counts[opening[1]] if len(opening) > 1 else 0)
                closed = counts[closing[0]] + (counts[closing[1]] if len(closing) > 1 else 0)
                if opened != closed:
                    out.append(Warning(file, line, "brackets",
                                       f"括号{opening[0]}{closing[0]}不配对（左 {opened} 个，右 {closed} 个）："
                                       f"{excerpt(text, 30)}"))
    return out


def _toc_pages(file: str, gazette: Gazette) -> list[Warning]:
    out = []
    for before, after in zip(gazette.toc, gazette.toc[1:]):
        if after.page < before.page:
            out.append(Warning(file, after.line, "toc-page",
                               f"目录页码 {after.page} 排在页码 {before.page} 之后"))
    return out
