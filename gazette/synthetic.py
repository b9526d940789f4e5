"""A synthetic archive (合成档案) for benchmarks: many issues made from the real sample issue.

Each synthetic issue is the sample text with its numbers rewritten so that every issue and
document is distinct and the links still hold:

- the issue: the masthead's year line, ``第 N 号(总第 T 号)`` and the 出版日期;
- years in the text: 2018 → the year before the issue's, 2019 → its year, 2020 → the year after
  (so a document is dated before the issue that prints it);
- the 文号 of the sample's own documents (三政〔2018〕29号 …, 三政办〔2018〕40–45号), wherever
  they are printed or cited, become ``〔year-1〕(no-1)×50 + N号``: unique per year, and a 解读 still
  names the document of its own issue. Other cited 文号 (三政〔2011〕67号) are left as printed.

The text of the documents is the real text; only the numbers change.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

SAMPLE = Path("gazettes") / "2019-02.txt"
DOCUMENTS_PER_ISSUE = 14
"""Documents in the sample issue."""
FIRST_YEAR = 2006
ISSUES_PER_YEAR = 12
_OWN_NUMBERS = {"三政": range(29, 35), "三政办": range(40, 46)}
_NUMBER = re.compile(r"(三政办|三政)〔2018〕(\d+)(\s*)号")
_YEAR = re.compile(r"(?<![\d〔])(2018|2019|2020)(?!\d)")
_ISSUE_LINE = "第 2 号(总第 157 号)"
_ISSUE_DATE = "出版日期:2019 年 2 月 11 日"


def issue_count(documents: int) -> int:
    """Issues needed for at least ``documents`` documents."""
    return max(1, math.ceil(documents / DOCUMENTS_PER_ISSUE))


def issue_key(index: int) -> tuple[int, int, int]:
    """(year, no, total) of the ``index``-th synthetic issue, from 2006 第1号 (总第1号) on, monthly."""
    return FIRST_YEAR + index // ISSUES_PER_YEAR, index % ISSUES_PER_YEAR + 1, index + 1


def issue_text(sample: str, index: int) -> str:
    """The sample text renumbered as the ``index``-th synthetic issue."""
    year, no, total = issue_key(index)
    for fixed in (_ISSUE_LINE, _ISSUE_DATE):
        if fixed not in sample:
            raise ValueError(f"the sample has no line {fixed!r} to renumber")

    def number(match: re.Match) -> str:
        code, n = match.group(1), int(match.group(2))
        if n in _OWN_NUMBERS[code]:
            n += (no - 1) * 50
        return f"{code}〔{year - 1}〕{n}{match.group(3)}号"

    text = _NUMBER.sub(number, sample)  # before the years: 〔…〕 is not rewritten by _YEAR
    text = _YEAR.sub(lambda m: str(year + int(m.group(1)) - 2019), text)
    text = text.replace(_ISSUE_LINE, f"第 {no} 号(总第 {total} 号)")
    return text.replace(f"出版日期:{year} 年 2 月 11 日", f"出版日期:{year} 年 {no} 月 11 日")


def write_issues(folder: Path, documents: int, sample: Path = SAMPLE) -> list[Path]:
    """Write enough synthetic issues for ``documents`` documents into ``folder`` as ``YYYY-NN.txt``."""
    text = sample.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(issue_count(documents)):
        year, no, _ = issue_key(index)
        path = folder / f"{year}-{no:02d}.txt"
        path.write_text(issue_text(text, index), encoding="utf-8")
        paths.append(path)
    return paths
