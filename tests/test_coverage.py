"""No character of content is lost: the Markdown holds every Han character and digit of the text."""

from __future__ import annotations

from collections import Counter

from conftest import SAMPLE

from gazette.check.coverage import counted, markdown_text, measure
from gazette.parse.normalize import read_source
from gazette.paths import document_page


def test_sample_markdown_holds_every_han_character_and_digit_exactly_once(conversion):
    gazette = conversion.archive.gazettes[0]
    source = read_source(str(SAMPLE))
    expected = Counter()
    for line in source.lines[gazette.body_start - 1:]:
        expected.update(counted(line.text))
    actual = Counter()
    for document in gazette.documents:
        actual.update(counted(markdown_text(conversion.files[document_page(gazette, document.slug)])))
    assert gazette.body_start == 114  # the line after the last 目录 entry; before it: cover, 目录, masthead
    assert sum(expected.values()) == 34652
    assert actual == expected


def test_coverage_reports_a_dropped_character():
    source = read_source(str(SAMPLE))
    page = "---\ntitle: x\n---\n# 三门峡\n"
    coverage = measure(source, 1190, [page])
    assert not coverage.complete
    assert "缺少" in coverage.summary()


def test_generated_markup_is_not_counted():
    text = markdown_text('---\nnumber: 三政〔2018〕34号\n---\n### 第三条 {: #art-3 .mark-article }\n'
                         '<td rowspan="4">传统</td> [三政〔2018〕34号](../sz-2018-34.md)\n')
    assert counted(text) == counted("第三条 传统 三政〔2018〕34号")


def test_convert_prints_the_coverage(tmp_path, capsys):
    from gazette.cli import main

    assert main(["convert", str(SAMPLE), "--docs", str(tmp_path / "docs")]) == 0
    out = capsys.readouterr().out
    assert "文字完整性：34652/34652 个汉字和数字（100%）" in out
