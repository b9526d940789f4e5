"""有效性: 施行日期 and 有效期 read from a document's words, and the status on the build day."""

from __future__ import annotations

from datetime import date

import pytest

from gazette.model import Document, Paragraph, Section
from gazette.site.validity import NONE, Validity, add_months, read_validity, status_on

SIGNED = date(2018, 12, 17)


def document(*sentences: str, kind: str = "通知", signed: date | None = SIGNED) -> Document:
    body = tuple(Paragraph(text, line) for line, text in enumerate(sentences, 10))
    return Document(title="关于印发某办法的通知", number="三政〔2018〕34号", date=signed, issuer="某市人民政府", type=kind,
                    section=None, page=None, pages=None, addressees=(), attachments=(), interprets=None, cites=(),
                    slug="sz-2018-34", body=body, line=1, end_line=20)


# (sentence, effective, expires, basis)
CASES = [
    # From the sample issue.
    ("第三十六条 本办法自印发之日起施行。", SIGNED, None, "自印发之日起施行"),
    ("第十条 本制度由市政府办公室负责解释，自发布之日起施行。", SIGNED, None, "自发布之日起施行"),
    ("第九条 本制度自发布之日起施行。", SIGNED, None, "自发布之日起施行"),
    # From the standalone fixtures.
    ("第三条　本办法自2019年3月1日起施行。", date(2019, 3, 1), None, "自2019年3月1日起施行"),
    ("现予公布，自2019年3月1日起施行。", date(2019, 3, 1), None, "自2019年3月1日起施行"),
    # Of our own: print-edition spacing, other verbs, periods in years and months, end dates, ranges.
    ("本办法自 2019 年 3 月 1 日起施行。", date(2019, 3, 1), None, "自 2019 年 3 月 1 日起施行"),
    ("本方案自2020年1月1日起实施，有效期5年。", date(2020, 1, 1), date(2024, 12, 31),
     "自2020年1月1日起实施；有效期5年"),
    ("本意见自印发之日起施行，有效期三年。", SIGNED, date(2021, 12, 16), "自印发之日起施行；有效期三年"),
    ("本通知自印发之日起执行，有效期为两年。", SIGNED, date(2020, 12, 16), "自印发之日起执行；有效期为两年"),
    ("本细则自印发之日起30日后施行。", date(2019, 1, 16), None, "自印发之日起30日后施行"),
    ("本规定自公布之日起施行，有效期至2023年12月31日。", SIGNED, date(2023, 12, 31),
     "自公布之日起施行；有效期至2023年12月31日"),
    ("本办法有效期自2019年1月1日至2021年12月31日。", date(2019, 1, 1), date(2021, 12, 31),
     "有效期自2019年1月1日至2021年12月31日"),
    ("本办法试行期2年。本办法自2019年7月1日起试行。", date(2019, 7, 1), date(2021, 6, 30),
     "试行期2年；自2019年7月1日起试行"),
    ("本办法自2019年1月1日起施行，至2023年12月31日止。", date(2019, 1, 1), date(2023, 12, 31),
     "自2019年1月1日起施行；至2023年12月31日止"),
    ("本细则有效期限为3年，自印发之日起实施。", SIGNED, date(2021, 12, 16), "有效期限为3年；自印发之日起实施"),
    ("本方案自2019年1月1日起至2021年12月31日止。", date(2019, 1, 1), date(2021, 12, 31),
     "自2019年1月1日起至2021年12月31日止"),
    ("本意见自印发之日起施行，有效期到2025年6月30日。", SIGNED, date(2025, 6, 30),
     "自印发之日起施行；有效期到2025年6月30日"),
    ("申报截止时间为2019年3月31日止。", None, None, None),
    ("本政策有效期18个月，自2019年7月1日起施行。", date(2019, 7, 1), date(2020, 12, 31),
     "有效期18个月；自2019年7月1日起施行"),
]


@pytest.mark.parametrize("sentence,effective,expires,basis", CASES)
def test_validity_is_read_from_the_sentence_that_states_it(sentence, effective, expires, basis):
    found = read_validity(document(sentence))
    assert (found.effective, found.expires, found.basis) == (effective, expires, basis)


def test_the_first_sentence_wins_and_later_quotations_are_ignored():
    found = read_validity(document("本办法自2019年1月1日起施行。", "《某条例》自2015年5月1日起施行。"))
    assert found.effective == date(2019, 1, 1) and found.line == 10


def test_an_article_that_states_it_under_a_chapter_is_found():
    article = Section("article", "第三十六条", 36, None, "本办法自印发之日起施行。", "art-36", 40)
    chapter = Section("chapter", "第九章", 9, "附则", None, "chp-9", 39, children=(article,))
    base = document()
    found = read_validity(Document(**{**base.__dict__, "body": (chapter,)}))
    assert (found.effective, found.line) == (SIGNED, 40)


def test_on_issue_without_a_signing_date_has_no_effective_date():
    assert read_validity(document("本办法自印发之日起施行。", signed=None)).effective is None


def test_an_interpretation_has_no_validity_of_its_own():
    assert read_validity(document("本《实施方案》自公布之日起施行。", kind="解读")) == NONE


def test_a_misprinted_date_is_not_a_date():
    assert read_validity(document("本办法自2019年2月30日起施行。")).effective is None


def test_a_document_that_says_nothing_has_no_status():
    assert read_validity(document("现将有关事项通知如下。")) == NONE
    assert status_on(NONE, date(2020, 1, 1)) is None


@pytest.mark.parametrize("today,status", [
    (date(2019, 12, 31), "尚未施行"),
    (date(2020, 1, 1), "现行有效"),
    (date(2024, 12, 31), "现行有效"),
    (date(2025, 1, 1), "已失效"),
])
def test_status_is_computed_for_the_build_day(today, status):
    assert status_on(Validity(date(2020, 1, 1), date(2024, 12, 31), "…", 1), today) == status


def test_months_are_added_on_the_calendar():
    assert add_months(date(2019, 1, 31), 1) == date(2019, 2, 28)
    assert add_months(date(2019, 11, 30), 3) == date(2020, 2, 29)
    assert add_months(date(2019, 7, 1), 18) == date(2021, 1, 1)
