"""有效性 (validity): 施行日期 and 有效期 read from a document's own words, and its status on a day.

The text states validity in a few set phrases (《党政机关公文处理工作条例》 practice):
``自2019年3月1日起施行``, ``自印发之日起施行`` (the day it was signed, 成文日期),
``自印发之日起30日后施行``, ``有效期5年`` / ``有效期为三年``, ``有效期至2023年12月31日`` and
``有效期自…至…``. The first sentence of each kind wins: a later one usually quotes another document.
Nothing is guessed: a document that states nothing has no 施行日期 and no status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from gazette.model import Document, OrderedList, Paragraph, Part, Section
from gazette.parse.markers import ordinal

STATUSES = ("现行有效", "尚未施行", "已失效", "已废止", "已修改", "部分失效")
"""Statuses a page may show; the first three are computed, the others only come from editors."""

_SP = r"[\s\u3000]*"
_NUM = r"(?:\d{1,3}|[〇零一二两三四五六七八九十百]{1,4})"
_INTO_FORCE = r"(?:施行|实施|执行|生效|试行)"
_ON_ISSUE = r"(?P<act>印发|发布|公布|颁布|下发|签发|发文)"


def _date_group(name: str) -> str:
    """A printed date whose parts are the groups ``name``, ``namem`` and ``named``."""
    return rf"(?P<{name}>\d{{4}}){_SP}年{_SP}(?P<{name}m>\d{{1,2}}){_SP}月{_SP}(?P<{name}d>\d{{1,2}}){_SP}日"


# A match starts at 自 or at the date's first digit, never inside a run of spaces: a leading optional
# word followed by optional spaces made every space a start, and a long run of spaces quadratic (issue 10).
EFFECTIVE_ON_DATE = re.compile(rf"(?:自{_SP})?{_date_group('e')}{_SP}起{_SP}{_INTO_FORCE}")
EFFECTIVE_ON_ISSUE = re.compile(
    rf"自{_SP}{_ON_ISSUE}之日起(?:(?P<after>{_NUM}){_SP}(?P<unit>日|天|个月)后)?{_SP}{_INTO_FORCE}")
VALID_UNTIL = re.compile(rf"有效期(?:为|截)?(?:至|到){_SP}{_date_group('x')}")
_AFTER_FORCE = "|".join(f"{verb}{comma}" for verb in ("施行", "实施", "执行", "生效", "试行") for comma in "，,")
FORCE_UNTIL = re.compile(rf"(?<={_AFTER_FORCE})(?:有效期)?(?:截)?(?:至|到){_SP}{_date_group('x')}{_SP}(?:止|废止|失效)?")
"""``…起施行，至2023年12月31日止``: an end date right after the words that put it in force (a bare
``至…止`` elsewhere is usually a deadline for something else)."""
VALID_RANGE = re.compile(rf"有效期(?:为|自)?{_SP}{_date_group('s')}{_SP}(?:起)?{_SP}(?:至|到){_SP}{_date_group('x')}")
SPAN = re.compile(rf"自{_SP}{_date_group('s')}{_SP}起?{_SP}至{_SP}{_date_group('x')}{_SP}止")
"""``自2019年1月1日起至2021年12月31日止``."""
VALID_FOR = re.compile(rf"(?:有效期|试行期)(?:限)?(?:为|暂定为?)?{_SP}(?P<n>{_NUM}){_SP}(?P<unit>年|个月)")


@dataclass(frozen=True)
class Validity:
    """What the text says about when a document is in force."""

    effective: date | None
    """施行日期."""
    expires: date | None
    """The last day of its 有效期, when it has one."""
    basis: str | None
    """The words it was read from, as printed (``自印发之日起施行``; two phrases joined by ``；``)."""
    line: int | None
    """Source line of the first of those words."""

    def to_dict(self) -> dict:
        return {"effective": _iso(self.effective), "expires": _iso(self.expires), "basis": self.basis}


NONE = Validity(None, None, None, None)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def texts(blocks):
    """``(text, line)`` of every running text of a body, in reading order."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text, block.line
        elif isinstance(block, Section):
            for text in (block.heading, block.text):
                if text:
                    yield text, block.line
            yield from texts(block.children)
        elif isinstance(block, Part):
            yield from texts(block.children)
        elif isinstance(block, OrderedList):
            for item in block.items:
                yield item.text, item.line


def _day(found: re.Match, name: str) -> date | None:
    try:
        return date(int(found[name]), int(found[name + "m"]), int(found[name + "d"]))
    except ValueError:  # 2月30日: a misprint is not a date
        return None


def _count(numeral: str) -> int:
    return int(numeral) if numeral.isdigit() else ordinal(numeral)


def add_months(day: date, months: int) -> date:
    """``day`` plus calendar months; the 31st becomes the last day of a shorter month."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def _effective(text: str, signed: date | None) -> tuple[date | None, re.Match] | None:
    """The 施行日期 stated in ``text`` with its match, or None when it states none."""
    candidates = [m for m in (EFFECTIVE_ON_DATE.search(text), EFFECTIVE_ON_ISSUE.search(text)) if m]
    if not candidates:
        return None
    found = min(candidates, key=lambda m: m.start())
    if found.re is EFFECTIVE_ON_DATE:
        return _day(found, "e"), found
    if signed is None or not found["after"]:
        return signed, found
    amount = _count(found["after"])
    if found["unit"] == "个月":
        return add_months(signed, amount), found
    return signed + timedelta(days=amount), found


def _expiry(text: str, effective: date | None) -> tuple[date | None, date | None, re.Match] | None:
    """``(start, last day, match)`` of a 有效期 stated in ``text``; start is None unless the text gives it."""
    for pattern in (VALID_RANGE, SPAN):
        found = pattern.search(text)
        if found:
            return _day(found, "s"), _day(found, "x"), found
    for pattern in (VALID_UNTIL, FORCE_UNTIL):
        found = pattern.search(text)
        if found:
            return None, _day(found, "x"), found
    found = VALID_FOR.search(text)
    if found and effective is not None:
        months = _count(found["n"]) * (12 if found["unit"] == "年" else 1)
        return None, add_months(effective, months) - timedelta(days=1), found
    return None


def read_validity(document: Document) -> Validity:
    """The 施行日期 and 有效期 of ``document``, from the first sentences that state them.

    A 解读 explains another document's validity, not its own: it has none.
    """
    if document.type == "解读":
        return NONE
    body = list(texts(document.body))
    effective, words = None, []
    for text, line in body:
        stated = _effective(text, document.date)
        if stated:
            effective, found = stated
            words.append((line, found.start(), found.group(0)))
            break
    expires = None
    for text, line in body:
        period = _expiry(text, effective)
        if period:
            start, expires, found = period
            effective = effective or start
            words.append((line, found.start(), found.group(0)))
            break
    if not words:
        return NONE
    words.sort()  # in reading order
    return Validity(effective, expires, "；".join(text for _, _, text in words), words[0][0])


def status_on(validity: Validity, today: date) -> str | None:
    """现行有效, 尚未施行 or 已失效 on ``today``; None when the text states neither date."""
    if validity.effective is None and validity.expires is None:
        return None
    if validity.effective is not None and today < validity.effective:
        return "尚未施行"
    if validity.expires is not None and today > validity.expires:
        return "已失效"
    return "现行有效"
