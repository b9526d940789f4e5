"""Display text (显示文本): how the gazette's words are shown on a page, not how they are stored.

The print edition sets spaces inside 文号 (``三政办〔2018〕44 号``), dates (``2018 年 12 月 15 日``),
numbers (``134 家``) and letter-spaced words (``附 件``, ``泥 塑``). A page shows them closed up; the model, the search
text and the 校对报告 keep the text as printed. Only spaces are removed, never a character that
counts (coverage compares Han characters and digits), and 文号 and codes are marked so that a
line never breaks inside them (``三政〔2018〕/29号``, ``VII-/11``).
"""

from __future__ import annotations

import re

from gazette.parse.markers import HAN, NUMBER_IN_TEXT, find_numbers

_GAP = r"[ \u3000]+"
_CLOSE_UP = (
    # 2018 年 12 月 15 日, 44 号, 第 2 号, 2018—2020 年, 134 家, 奖补 2 万元: a number set off from the
    # Chinese around it is the print edition's spacing, not the writer's.
    (re.compile(rf"(?<=\d){_GAP}(?=[{HAN}])"), ""),
    (re.compile(rf"(?<=[{HAN}]){_GAP}(?=\d)"), ""),
    # 三政办 〔2018〕 44号
    (re.compile(rf"(?<=[{HAN}]){_GAP}(?=〔\d{{4}}〕)"), ""),
    (re.compile(rf"(?<=〔\d{{4}}〕){_GAP}(?=\d)"), ""),
    # 附 件：… at the start of a line
    (re.compile(rf"^附{_GAP}件(?=[：:\d]|$)", re.M), "附件"),
)
_SPACED_WORD = re.compile(rf"^[{HAN}](?:{_GAP}[{HAN}]){{1,5}}$")
"""A short word printed letter-spaced on its own (``附 件``, ``总 则``, ``泥 塑``)."""
_CODE = re.compile(r"(?<![A-Za-z0-9])(?:[IVXLC]+|[A-Z]{1,4}\d*)-\d+(?:-\d+)*(?![A-Za-z0-9-])")
"""A catalogue code such as ``VII-11`` (非物质文化遗产 project numbers)."""


def display(text: str) -> str:
    """``text`` with print-edition spacing closed up inside 文号, dates and letter-spaced words."""
    if _SPACED_WORD.match(text):
        return re.sub(_GAP, "", text)
    for pattern, replacement in _CLOSE_UP:
        text = pattern.sub(replacement, text)
    return text


def keep_together(escaped: str) -> str:
    """Escaped text with each 文号 and code wrapped in a span that does not break (``.gz-nw``)."""
    if "〔" in escaped:
        escaped = _wrap_numbers(escaped)
    if "-" in escaped:
        escaped = _CODE.sub(lambda m: f'<span class="gz-nw">{m.group(0)}</span>', escaped)
    return escaped


def _wrap_numbers(text: str) -> str:
    out, position = [], 0
    for found in NUMBER_IN_TEXT.finditer(text):
        canonical = find_numbers(found.group(0))
        if not canonical:
            continue
        code = canonical[0].split("〔", 1)[0]
        start = max(found.start("code") + len(found["code"]) - len(code), found.start())
        out.append(text[position:start])
        out.append(f'<span class="gz-nw">{text[start:found.end()]}</span>')
        position = found.end()
    out.append(text[position:])
    return "".join(out)
