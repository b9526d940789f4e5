"""Invisible characters and 文号 variants (issue 10, items 4 and 5): removed or normalized, always reported."""

from __future__ import annotations

import re

import pytest

from gazette.parse import parse_source
from gazette.parse.normalize import decode
from gazette.site.markdown import render_document


def _parse(title: str = "三门峡市人民政府关于测试的通知", number: str = "三政〔2019〕9号", body: str = "正文。"):
    text = f"{title}\n\n{number}\n\n各单位：\n\n{body}\n\n三门峡市人民政府\n\n2019年5月1日\n"
    return parse_source(decode("x.txt", text.encode("utf-8")))


@pytest.mark.parametrize(("character", "kind"), [
    ("\x0b", "control-char"), ("\x0c", "control-char"), ("\x7f", "control-char"), ("\x85", "control-char"),
    ("\u202e", "bidi-control"), ("\u2067", "bidi-control"), ("\u200f", "bidi-control"),
    ("\uffff", "noncharacter"), ("\ufffe", "noncharacter"), ("\ufdd0", "noncharacter"), ("\U0010ffff", "noncharacter"),
    ("\u200b", "invisible-char"), ("\ufeff", "invisible-char"), ("\u2060", "invisible-char"),
])
def test_an_unseen_character_in_a_title_is_removed_with_a_warning_on_its_line(character, kind):
    gazette = _parse(title=f"三门峡市人民政府关于{character}测试的通知{character}")
    document = gazette.documents[0]
    assert document.title == "三门峡市人民政府关于测试的通知"
    found = [w for w in gazette.warnings if w.kind == kind]
    assert [w.line for w in found] == [1]
    assert f"U+{ord(character):04X}" in found[0].message
    assert character not in render_document(document, None)


def test_an_invisible_only_title_is_not_published_as_a_title():
    gazette = _parse(title="\u200b\u3164\u2800")
    kinds = {w.kind for w in gazette.warnings}
    assert {"invisible-char", "no-title"} <= kinds
    assert gazette.documents[0].title.strip()
    assert not re.search(r"[\u200b\u3164\u2800]", gazette.documents[0].title)


def test_other_c0_controls_are_still_refused_with_the_line():
    from gazette.errors import ParseError

    with pytest.raises(ParseError) as caught:
        decode("x.txt", "甲\n乙\x01丙\n".encode())
    assert caught.value.line == 2


@pytest.mark.parametrize("printed", [
    "三政〔２０１９〕９号", "三政(2019)9号", "三政（2019）9号", "三政[2019]9号", "三政【2019】9号", "三政［2019］9号",
    "三政\u200b〔2019〕9号", "\ufeff三政〔2019〕9号", "三政 〔2019〕 9 号", "三政〔2019〕09号", "三政〔2019〕\u20609号",
])
def test_a_printed_variant_of_a_number_is_the_canonical_number_with_an_ascii_slug(printed):
    gazette = _parse(number=printed)
    document = gazette.documents[0]
    assert document.number == "三政〔2019〕9号"
    assert document.slug == "sz-2019-9"
    assert document.slug.isascii()
    reported = [w for w in gazette.warnings if w.kind in ("number-normalized", "invisible-char")]
    assert reported and all(w.line == 3 for w in reported)


def test_the_canonical_number_needs_no_report():
    gazette = _parse()
    assert not [w for w in gazette.warnings if w.kind == "number-normalized"]


def test_a_cited_variant_links_to_the_canonical_number_and_the_text_stays_as_printed():
    gazette = _parse(body="根据《某办法》（三政（2018）２９号）执行。")
    document = gazette.documents[0]
    assert document.cites == ("三政〔2018〕29号",)
    assert "三政（2018）２９号" in render_document(document, None)


def test_the_report_lists_what_was_normalized(tmp_path):
    from gazette.build.convert import convert

    path = tmp_path / "x.txt"
    path.write_text("三门峡市人民政府关于测试的通知\n\n三政（2019）９号\n\n各单位：\n\n正\u200b文。\n\n"
                    "三门峡市人民政府\n\n2019年5月1日\n", encoding="utf-8")
    report = convert([str(path)]).reports["校对报告-x.md"]
    assert "## 文号写法已规范" in report and "第 3 行：文号「三政（2019）９号」" in report
    assert "## 删除的不可见字符" in report and "第 7 行" in report
