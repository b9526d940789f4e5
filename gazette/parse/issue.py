"""Issue facts (期刊信息) from whatever cover or imprint the issue prints.

Covers number issues by 号 or by 期 (``第 2 号(总第 157 号)``, ``2019年第5期（总第1013期）``),
combined issues print two numbers (``第5、6期``), the date is labelled (出版日期, 印发日期,
出版时间) or stands alone under the cover. What the text prints is checked against the file name
(``YYYY-NN.txt``); a disagreement is a warning, the printed facts win.
"""

from __future__ import annotations

import os
import re
from datetime import date

from gazette.errors import ParseError, Warning
from gazette.model import Issue
from gazette.model_masthead import Masthead
from gazette.parse import markers as m
from gazette.parse.normalize import Line
from gazette.parse.text import ASCII_DIGITS, clean_title

FILE_NAME = re.compile(r"^(?P<year>\d{4})-(?P<no>\d{1,3})\.txt$")
_SP = r"[\s\u3000]*"
NUMBER = re.compile(
    rf"(?:(?P<year>(?:19|20)\d{{2}}){_SP}年{_SP})?(?<!总)第{_SP}(?P<no>\d{{1,3}})"
    rf"(?:{_SP}[、,，\-－—/]{_SP}(?P<no2>\d{{1,3}}))?{_SP}(?P<unit>[期号])"
)
"""The issue's number: ``第2号``, ``2019年第5期``, ``第5、6期``."""
TOTAL = re.compile(rf"总{_SP}第{_SP}(?P<total>\d{{1,5}})(?:{_SP}[、,，\-－—/]{_SP}\d{{1,5}})?{_SP}[期号]")
DATE_LABEL = re.compile(rf"^(?:出{_SP}版{_SP}日{_SP}期|印{_SP}发{_SP}日{_SP}期|出版时间|发行日期|出刊日期){_SP}[：:]{_SP}(?P<value>.+)$")
_NOT_ISSUE = re.compile(r"地[\s\u3000]*址|准印|证号|刊号|邮[\s\u3000]*编|电[\s\u3000]*话")
_YEAR = re.compile(r"^(?:19|20)\d{2}年?$")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,30}(?:公报|政报)")


def read_facts(cover: tuple[Line, ...], masthead: tuple[Line, ...], printed: Masthead) -> dict:
    """Year, number(s), 总第, date and title that the cover and imprint print."""
    facts: dict = {"year": None, "no": None, "numbers": None, "total": None, "date": None, "title": None}
    facts["title"] = _title(cover)
    _read_number(cover + masthead, facts)
    for line in cover + masthead:
        text = line.text.translate(ASCII_DIGITS)
        total = TOTAL.search(text)
        if total and facts["total"] is None:
            facts["total"] = int(total["total"])
        labelled = DATE_LABEL.match(text)
        when = _date(labelled["value"]) if labelled else None
        if when and facts["date"] is None:
            facts["date"] = when
    if facts["date"] is None:
        facts["date"] = next((m.match_date(line.text) for line in cover if m.match_date(line.text)), None)
    if printed.year:
        facts["year"] = printed.year
    if facts["year"] is None:  # a year alone on the cover: 2019 / 2019年
        facts["year"] = next((int(line.text[:4]) for line in cover if _YEAR.match(line.text)), None)
    if facts["year"] is None and facts["date"] is not None:
        facts["year"] = facts["date"].year
    return facts


def _read_number(lines: tuple[Line, ...], facts: dict) -> None:
    """第N号/第N期: a line that also prints the year or 总第 first (an address or a 准印证号 may hold
    a 第N号 too), else the first issue-like line that is not such a label."""
    found = []
    for line in lines:
        text = line.text.translate(ASCII_DIGITS)
        number = NUMBER.search(text)
        if number and not _NOT_ISSUE.search(text):
            strong = bool(number["year"] or TOTAL.search(text) or number["unit"] == "期")
            found.append((not strong, line.number, number))
    if not found:
        return
    _, line, number = min(found, key=lambda item: item[:2])
    facts["no"] = int(number["no"])
    facts["numbers"] = (int(number["no"]), int(number["no2"])) if number["no2"] else None
    facts["unit"] = number["unit"]
    facts["year"] = int(number["year"]) if number["year"] else None
    facts["line"] = line


def _title(cover: tuple[Line, ...]) -> str | None:
    """The gazette's name: the cover line that names a 公报, else the first cover line."""
    texts = [clean_title(line.text) for line in cover if line.text]
    for text in texts:
        found = _NAME.search(text.replace(" ", ""))
        if found:
            return found.group()
    return texts[0] if texts else None


def _date(value: str) -> date | None:
    return m.read_date(clean_title(value).strip())


def issue_from(file: str, facts: dict, default_title: str, warnings: list[Warning]) -> Issue:
    """The :class:`Issue`, the file name filling what the text does not print (with a warning)."""
    named = FILE_NAME.match(os.path.basename(file))
    for key, label in (("year", "年份"), ("no", "期号")):
        if facts[key] is None:
            if not named:
                raise ParseError(file, f"正文未印本期{label}，文件名也不是 YYYY-NN.txt 形式")
            facts[key] = int(named[key])
            warnings.append(Warning(file, None, "issue-from-name", f"正文未印本期{label}，取自文件名：{facts[key]}"))
    if named and (int(named["year"]), int(named["no"])) != (facts["year"], facts["no"]):
        numbers = facts.get("numbers")
        printed = "、".join(str(n) for n in numbers) if numbers else str(facts["no"])
        if not (numbers and int(named["year"]) == facts["year"] and int(named["no"]) in numbers):
            warnings.append(Warning(file, facts.get("line"), "issue-name",
                                    f"文件名为 {os.path.basename(file)}，正文印的是 {facts['year']}年第{printed}期（号）"))
    return Issue(facts["year"], facts["no"], facts["total"], facts["date"], facts["title"] or default_title,
                 facts.get("unit") or "号", facts.get("numbers"))
