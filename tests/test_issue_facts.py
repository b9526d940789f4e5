"""Issue facts from any cover or imprint: 期 or 号, combined numbers, 总第, the date labelled or alone."""

from __future__ import annotations

from datetime import date

import pytest

from gazette.model_masthead import Masthead
from gazette.parse.issue import read_facts
from gazette.parse.normalize import decode


def _facts(cover: str, imprint: str = "", printed: Masthead | None = None) -> tuple:
    cover_lines = decode("x.txt", (cover or " ").encode("utf-8")).lines
    imprint_lines = decode("x.txt", imprint.encode("utf-8")).lines if imprint.strip() else ()
    facts = read_facts(tuple(cover_lines), tuple(imprint_lines), printed or Masthead())
    return facts["year"], facts["no"], facts["numbers"], facts["total"], facts["date"], facts["title"]


@pytest.mark.parametrize("cover, imprint, expected", [
    ("三门峡市人民政府 公 报", "2019\n第 2 号(总第 157 号)\n出版日期:2019 年 2 月 11 日",
     (2019, 2, None, 157, date(2019, 2, 11), "三门峡市人民政府公报")),
    ("河南省人民政府公报\n2019年第5期（总第1013期）\n2019年3月10日", "",
     (2019, 5, None, 1013, date(2019, 3, 10), "河南省人民政府公报")),
    ("洛阳市人民政府公报\n2020年第5、6期\n（总第190期）", "印发日期：2020年6月15日",
     (2020, 5, (5, 6), 190, date(2020, 6, 15), "洛阳市人民政府公报")),
    ("卢氏县人民政府公报\n2020\n第３号", "出版时间：2020-06-30",
     (2020, 3, None, None, date(2020, 6, 30), "卢氏县人民政府公报")),
    ("某县政府公报\n准印证号：豫内资准字第0123号\n地址：某县人民路第8号\n2021年第4—5期（总第60期）", "",
     (2021, 4, (4, 5), 60, None, "某县政府公报")),
    ("中华人民共和国国务院公报\n2019年第11号（总第1662号）\n国务院办公厅出版", "",
     (2019, 11, None, 1662, None, "中华人民共和国国务院公报")),
])
def test_issue_facts_from_cover_and_imprint(cover, imprint, expected):
    assert _facts(cover, imprint, Masthead(year=2019, order=("年份",)) if cover.startswith("三门峡") else None) == expected
