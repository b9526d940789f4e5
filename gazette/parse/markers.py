"""The patterns of the gazette text: structure markers and their rank, 文号, dates, TOC lines.

Everything that recognises a kind of line lives here, so that the parser reads as stages
and the patterns can be tested one by one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

HAN = "\u4e00-\u9fff\u3400-\u4dbf"
CN_DIGITS = "〇○零一二两三四五六七八九十百"

# Ordered table of structure markers: the first pattern that matches a line wins.
# ``rank`` is the nesting level: a smaller rank contains a larger one.
STRUCTURE = (
    ("chapter", 1, re.compile(rf"^第(?P<n>[{CN_DIGITS}]+)章(?:[\s\u3000]*(?P<rest>.*))$")),
    ("division", 2, re.compile(rf"^第(?P<n>[{CN_DIGITS}]+)节(?:[\s\u3000]+(?P<rest>.*)|$)")),
    ("article", 3, re.compile(rf"^第(?P<n>[{CN_DIGITS}]+)条(?!第)(?:[\s\u3000]*(?P<rest>.*))$")),
    ("section", 4, re.compile(r"^(?P<n>[一二三四五六七八九十]+)、(?P<rest>.*)$")),
    ("clause", 5, re.compile(r"^[（(](?P<n>[一二三四五六七八九十]+)[)）][\s\u3000]*(?P<rest>.*)$")),
    ("item", 6, re.compile(r"^(?P<n>\d{1,3})(?:[.．](?!\d)|、)[\s\u3000]*(?P<rest>.*)$")),
    ("subitem", 7, re.compile(r"^[（(](?P<n>\d{1,3})[)）][\s\u3000]*(?P<rest>.*)$")),
    ("circled", 8, re.compile(r"^(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])[\s\u3000]*(?P<rest>.*)$")),
)

# Anchor prefixes per marker kind: ``art-3`` for 第三条, ``sec-2`` for 二、 …
ANCHOR_PREFIX = {
    "chapter": "chp",
    "division": "div",
    "article": "art",
    "section": "sec",
    "clause": "cl",
    "item": "it",
    "subitem": "sub",
    "circled": "c",
}

LIST_ARTIFACT = re.compile(r"^-[ \u3000]+(?=\S)")
"""``- 111. …``: a bullet the text extraction put before a numbered line."""

LEAD_IN = re.compile(r"^——")
TOC_HEADING = re.compile(r"^目[\s\u3000]*录(?:[\s\u3000]*(?:CONTENTS|Contents))?$")
TOC_SECTION = re.compile(r"^【(?P<name>[^】]+)】$")
TOC_ENTRY = re.compile(
    r"^(?P<title>[^\t]*?[^\s.…·．-])(?:[ \u3000]*\t[\t ]*|[ \u3000]*[.…·．]{3,}[ \u3000]*|[ \u3000]{2,})(?P<page>\d{1,4})$"
)
"""A 目录 line: title, then a tab (or dot leaders, or a run of spaces), then the page."""
TOC_ARTIFACT = re.compile(r"^[-—\s]*\t[-—\s]*$|^-{2,}$")
MASTHEAD_START = re.compile(r"^《[^》]*公报》$|^编[\s\u3000]*委[\s\u3000]*会$")
MASTHEAD_END = re.compile(r"^[（(]内部资料[^)）]*[)）]$")
ISSUE_NUMBER = re.compile(r"第\s*(?P<no>\d{1,3})\s*号\s*[（(]\s*总第\s*(?P<total>\d{1,5})\s*号\s*[)）]")

_NUMBER_OPEN = "〔\\[［【(（"
_NUMBER_CLOSE = "〕\\]］】)）"
"""Brackets printed around a 文号's year: 〔〕 is the standard (GB/T 9704), the others are variants
that real texts carry; the canonical 文号 always has 〔〕."""
NUMBER_CORE = (
    rf"(?P<code>[{HAN}]{{1,12}}?)[\s\u3000]*[{_NUMBER_OPEN}](?P<year>\d{{4}})[{_NUMBER_CLOSE}]"
    r"[\s\u3000]*(?P<seq>\d{1,5})[\s\u3000]*号"
)
NUMBER_LINE = re.compile(rf"^[（(]?[\s\u3000]*{NUMBER_CORE}[\s\u3000]*[)）]?$")
NUMBER_IN_TEXT = re.compile(
    rf"(?P<code>[{HAN}]{{1,8}})[\s\u3000]*[{_NUMBER_OPEN}](?P<year>\d{{4}})[{_NUMBER_CLOSE}]"
    r"[\s\u3000]*(?P<seq>\d{1,5})[\s\u3000]*号"
)
# Words that end a sentence part before a 文号 that is cited without brackets.
_CITE_PREFIXES = ("根据", "按照", "依据", "参照", "依照", "印发", "执行", "落实", "贯彻", "和", "及", "与", "见", "以")

DATE_ARABIC = re.compile(r"^(?P<y>\d{4})[\s\u3000]*年[\s\u3000]*(?P<m>\d{1,2})[\s\u3000]*月[\s\u3000]*(?P<d>\d{1,2})[\s\u3000]*日$")
DATE_CHINESE = re.compile(
    r"^(?P<y>[〇○零一二三四五六七八九]{4})[\s\u3000]*年[\s\u3000]*(?P<m>[一二三四五六七八九十]{1,2})[\s\u3000]*月"
    r"[\s\u3000]*(?P<d>[一二三四五六七八九十]{1,3})[\s\u3000]*日$"
)
# Linear time on any line (issue 10): the organ ends with a visible character and each run of
# spaces is taken possessively (*+, ++), so a long run of spaces is scanned once, not once per position.
SIGNED_DATE = re.compile(
    r"^(?P<organ>\S(?:.*?\S)?)[\s\u3000]++(?P<date>\d{4}[\s\u3000]*+年[\s\u3000]*+\d{1,2}[\s\u3000]*+月[\s\u3000]*+\d{1,2}[\s\u3000]*+日"
    r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$"
)
"""署名 and 成文日期 printed on one line: ``三门峡市人民政府　2018年12月17日``."""
ORDER_NUMBER = re.compile(r"^第[\s\u3000]*(?P<seq>\d{1,4})[\s\u3000]*号$")
"""The number of a government order (政府令), printed under its title: ``第 5 号``."""
SIGNER = re.compile(
    rf"^(?:市长|副市长|代市长|省长|县长|区长|主任|局长|书记|主席)[\s\u3000]+[{HAN}·]{{2,5}}$"
)
"""A signing official's line (市长　张三), as orders and some notices are signed."""
TITLE_WITH_NUMBER = re.compile(r"^(?P<title>.*?\S)[\s\u3000]*+(?P<number>[（(][^（()）]*〔\d{4}〕[^（()）]*[)）])$")
"""A title followed by its 文号 in brackets on the same line."""
ADDRESSEES = re.compile(r"^[^。！？；]{2,200}[：:]$")
ATTACHMENT_LABEL = re.compile(r"^附[\s\u3000]*件[\s\u3000]*(?P<n>\d{0,2})[\s\u3000]*$")
ATTACHMENT_NOTE = re.compile(r"^附[\s\u3000]*件[\s\u3000]*[：:](?P<rest>.*)$", re.S)
CLOSING_NOTE = re.compile(r"^[（(](?:此件|此页|本件|联系人|联系电话)[^)）]*[)）]$")
IMPRINT = re.compile(r"^(?:抄送|抄报|分送)[\s\u3000]*[：:]|\d{1,2}[\s\u3000]*日[\s\u3000]*印发$")
"""版记: 抄送 lines and the 印发 line at the foot of a document."""
INTERPRETATION_TITLE = re.compile(r"^《(?P<name>.+)》[\s\u3000]*(?:政策)?解读$")
INTERPRETED_SOURCE = re.compile(r"^(?:政策文件|解读文件|原文件|文件名称)[\s\u3000]*[：:](?P<rest>.*)$")
META_LINE = re.compile(
    r"^(?P<label>索引号|信息索引号|发布机构|发文机关|发文字号|文号|成文日期|发布日期|发文日期|主题分类|公文种类|"
    r"主题词|有效性|生效日期|废止日期|公开方式|公开范围|发布时间|来源|信息来源|作者|点击数|浏览次数|访问次数|阅读次数|字号)"
    r"[\s\u3000]*[：:][\s\u3000]*(?P<value>.*)$"
)
"""A label line that a government website prints above a document (索引号：…, 发文字号：…)."""
ISSUING_HEADER = re.compile(rf"^[{HAN}（）()]{{2,40}}文件$")
ORGAN = re.compile(
    rf"^[{HAN}（）()、 \u3000]{{2,60}}(?:人民政府|政府|办公室|办公厅|委员会|管委会|局|厅|部|院|委|会|中心|公司|室|处|所|组|办|军分区|指挥部)$"
)

SENTENCE_END = "。！？；…"
TERMINAL = SENTENCE_END + "：:!?;"
CLOSERS = "”’」』）)】》〕"
DOCUMENT_TYPES = (
    "决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案", "函", "纪要",
)
"""The 15 文种 of 《党政机关公文处理工作条例》."""
APPOINTMENT = "任免"
"""The kind of a 人事任免 notice, printed in gazettes as a document of its own though it is no 文种."""
INTERPRETATION = "解读"
"""The kind of a 政策解读."""
GAZETTE_KINDS = (APPOINTMENT, INTERPRETATION)
"""Kinds of gazette item beyond the 15 文种."""


@dataclass(frozen=True)
class Marker:
    """A structure marker found at the start of a line."""

    kind: str
    """One of the kinds in :data:`STRUCTURE`."""
    rank: int
    """Nesting level; smaller contains larger."""
    label: str
    """The marker as printed, e.g. ``第三条``, ``（一）``, ``1.``."""
    number: int
    """The marker's ordinal, e.g. 3 for 第三条."""
    rest: str
    """The text after the marker."""


_MARKER_STARTS = frozenset("第一二三四五六七八九十（(0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
"""Every marker starts with one of these; most lines do not, and skip the patterns."""


def match_marker(text: str) -> Marker | None:
    """Return the structure marker that starts ``text``, if any."""
    if not text or text[0] not in _MARKER_STARTS:
        return None
    for kind, rank, pattern in STRUCTURE:
        found = pattern.match(text)
        if found:
            rest = found.group("rest") or ""
            label = text[: len(text) - len(rest)].rstrip(" \u3000") if rest else text
            return Marker(kind, rank, label, ordinal(found.group("n")), rest)
    return None


_CN_VALUES = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def ordinal(numeral: str) -> int:
    """``三十六`` → 36, ``12`` → 12, ``③`` → 3."""
    if numeral in _CIRCLED:
        return _CIRCLED.index(numeral) + 1
    if numeral.isdecimal():
        return int(numeral)
    total, current = 0, 0
    for ch in numeral:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _CN_VALUES[ch]
    return total + current


def _year_digits(numeral: str) -> int:
    return int("".join(str(_CN_VALUES[ch]) for ch in numeral))


ISO_DATE = re.compile(r"^(?P<y>\d{4})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})$")


def read_date(text: str) -> date | None:
    """A label's date value: ``2019-03-10``, ``2019.3.10``, or one that :func:`match_date` reads."""
    found = ISO_DATE.match(text)
    if not found:
        return match_date(text)
    try:
        return date(int(found["y"]), int(found["m"]), int(found["d"]))
    except ValueError:
        return None


def match_date(text: str) -> date | None:
    """The date of a line that holds only a date (``2018年11月20日``, ``二〇〇六年十二月三十日``)."""
    found = DATE_ARABIC.match(text)
    if found:
        year, month, day = int(found["y"]), int(found["m"]), int(found["d"])
    else:
        found = DATE_CHINESE.match(text)
        if not found:
            return None
        year, month, day = _year_digits(found["y"]), ordinal(found["m"]), ordinal(found["d"])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def canonical_number(code: str, year: str, seq: str) -> str:
    """The 文号 in its standard form: ``三政办〔2018〕41号`` (ASCII digits, 〔〕, no spaces)."""
    return f"{code}〔{int(year):04d}〕{int(seq)}号"


def match_number_line(text: str) -> str | None:
    """The canonical 文号 of a line that holds only a 文号 (possibly in brackets)."""
    found = NUMBER_LINE.match(text)
    if not found:
        return None
    return canonical_number(found["code"], found["year"], found["seq"])


def find_numbers(text: str) -> list[str]:
    """Every 文号 mentioned in ``text``, canonical, in order of appearance."""
    numbers: list[str] = []
    if not any(bracket in text for bracket in "〔[［【(（"):
        return numbers
    for found in NUMBER_IN_TEXT.finditer(text):
        code = found["code"]
        for prefix in _CITE_PREFIXES:
            position = code.rfind(prefix)
            if position >= 0 and position + len(prefix) < len(code):
                code = code[position + len(prefix):]
        numbers.append(canonical_number(code, found["year"], found["seq"]))
    return numbers


def document_type(title: str) -> str | None:
    """The 文种 named by the end of a title, or ``解读`` for an interpretation."""
    if INTERPRETATION_TITLE.match(title) or title.endswith("解读"):
        return "解读"
    core = title.rstrip(CLOSERS + " ")
    if core.endswith("令"):
        return "命令（令）"
    for kind in DOCUMENT_TYPES:
        if core.endswith(kind):
            return kind
    return None


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends where a paragraph may end (punctuation or a closing bracket)."""
    if not text:
        return True
    last = text[-1]
    return last in TERMINAL or last in CLOSERS


_SENTENCE = re.compile(f"[{SENTENCE_END}]")


def has_sentence(text: str) -> bool:
    """Whether ``text`` holds sentence punctuation (so it is prose, not a heading)."""
    return _SENTENCE.search(text) is not None
