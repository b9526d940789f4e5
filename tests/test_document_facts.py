"""政务公开 facts of the sample's documents, editors' overrides beside the issue text, display text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date

import pytest

from gazette.archive import build_archive
from gazette.config import Config, Metadata, load_config
from gazette.errors import GazetteError
from gazette.parse import parse_file
from gazette.site.display import display, keep_together
from gazette.site.facts import check_index_scheme, compile_facts
from gazette.site.topics import load_table
from tests.conftest import ROOT, SAMPLE

DAY = date(2019, 3, 1)


def facts_of(path, config: Config | None = None, today: date = DAY):
    archive = build_archive([parse_file(str(path))])
    book = compile_facts(archive, config or load_config(ROOT / "gazette.yml"), today)
    return {d.number or d.slug: book.of(g, d) for g, d in archive.documents()}


@pytest.fixture(scope="module")
def sample_facts():
    return facts_of(SAMPLE)


def test_sample_documents_get_index_numbers_by_the_configured_scheme(sample_facts):
    assert sample_facts["三政〔2018〕29号"].index_number == "11411200005618045K/2019-02001"
    assert sample_facts["sz-2018-34-jd"].index_number == "11411200005618045K/2019-02011"


def test_sample_documents_are_classified_by_the_state_council_table(sample_facts):
    labels = {key: facts.topic.label for key, facts in sample_facts.items()}
    assert labels["三政〔2018〕34号"] == "财政、金融、审计\\财政"
    assert labels["三政〔2018〕30号"] == "文化、广电、新闻出版\\文化"
    assert labels["三政办〔2018〕42号"] == "城乡建设、环境保护\\城乡建设"
    assert labels["三政办〔2018〕45号"] == "综合政务\\政务公开"
    assert labels["三政办〔2018〕41号"] == "工业、交通\\工业"


def test_sample_validity_and_published_date(sample_facts):
    debt = sample_facts["三政〔2018〕34号"]
    assert (debt.published, debt.validity.effective, debt.status) == (date(2019, 2, 11), date(2018, 12, 17), "现行有效")
    assert sample_facts["三政〔2018〕29号"].status is None  # a 表彰 decision states no validity


def test_description_is_the_opening_sentence_shown_closed_up(sample_facts):
    assert sample_facts["三政办〔2018〕44号"].description == (
        "今年以来，全市各级、各部门认真落实省市金融工作会议精神，围绕实体经济发展，不断优化融资环境，"
        "提升企业服务水平，企业上市挂牌工作取得了显著成绩。")


@pytest.mark.parametrize("closing,author,when", [
    ("\n三门峡市财政局\n2019年1月8日\n", "三门峡市财政局", date(2019, 1, 8)),
    ("\n三门峡市财政局　2019 年 1 月 8 日\n", "三门峡市财政局", date(2019, 1, 8)),
    ("\n解读机关：市财政局\n\n发布时间：2019-01-08 10:30\n", "市财政局", date(2019, 1, 8)),
    ("", None, None),
])
def test_interpretation_author_and_date_come_from_its_text(tmp_path, closing, author, when):
    text = (ROOT / "tests/fixtures/standalone/interpretation.txt").read_text(encoding="utf-8")
    path = tmp_path / "interpretation.txt"
    path.write_text(text + closing, encoding="utf-8")
    facts = next(iter(facts_of(path).values()))
    assert (facts.author, facts.author_date) == (author, when)


def _copy_sample(tmp_path, overrides: str):
    source = tmp_path / "gazettes" / "2019-02.txt"
    source.parent.mkdir()
    shutil.copy(SAMPLE, source)
    (tmp_path / "gazettes" / "2019-02.yml").write_text(overrides, encoding="utf-8")
    return source


def _convert(tmp_path, source):
    return subprocess.run([sys.executable, "-m", "gazette", "convert", str(source), "--docs", str(tmp_path / "docs")],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_editors_override_topic_status_and_dates(tmp_path):
    source = _copy_sample(tmp_path, "三政〔2018〕34号:\n  主题分类: 财政、金融、审计/审计\n  有效性: 已废止\n"
                                    "  有效性说明: 已被三政〔2020〕1号废止\n  发布日期: 2019年2月12日\n"
                                    "sz-2018-34-jd:\n  关键词: [债务, 解读]\n")
    facts = facts_of(source)
    debt = facts["三政〔2018〕34号"]
    assert (debt.topic.label, debt.status, debt.note, debt.published) == \
        ("财政、金融、审计\\审计", "已废止", "已被三政〔2020〕1号废止", date(2019, 2, 12))
    assert facts["sz-2018-34-jd"].keywords == ("债务", "解读")
    result = _convert(tmp_path, source)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "docs/2019/2/sz-2018-34.md").read_text(encoding="utf-8")
    assert "text: 已废止（自2018年12月17日起施行，已被三政〔2020〕1号废止）" in page


OVERRIDE_ERRORS = [
    ("三政〔2018〕99号:\n  有效性: 已废止\n", 1, "本期没有文件「三政〔2018〕99号」"),
    ("三政〔2018〕34号:\n  有效性: 作废\n", 2, "有效性「作废」无效，可用：现行有效、尚未施行、已失效、已废止、已修改、部分失效"),
    ("三政〔2018〕34号:\n  主题分类: 天文\n", 2, "主题分类「天文」不在主题分类表中"),
    ("三政〔2018〕34号:\n  发布日期: 二月\n", 2, "「二月」不是日期，应写作 2019-02-11 或 2019年2月11日"),
    ("三政〔2018〕34号:\n  施行日: 2019-01-01\n", 2, "未知的项「施行日」"),
    ("三政〔2018〕34号:\n  有效性: 已废止\n三政〔2018〕34号:\n  有效性: 现行有效\n", 3, "「三政〔2018〕34号」重复出现"),
    ("三政〔2018〕34号:\n  施行日期: 2020-01-01\n  有效期至: 2019-01-01\n", 2, "有效期至早于施行日期"),
    ("三政〔2018〕34号: [已废止\n", 2, "YAML 格式错误"),
    ("- 三政〔2018〕34号\n", 1, "此处应为“名称: 值”形式的映射"),
]


@pytest.mark.parametrize("overrides,line,message", OVERRIDE_ERRORS)
def test_override_file_with_an_error_stops_with_its_line(tmp_path, overrides, line, message):
    source = _copy_sample(tmp_path, overrides)
    result = _convert(tmp_path, source)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {source.with_suffix('.yml')}:{line}: {message}"), result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "docs").exists()


def test_index_scheme_with_an_unknown_field_is_refused():
    with pytest.raises(GazetteError, match=r"metadata.index_number 中的「\{serial\}」不可用"):
        check_index_scheme("{code}-{serial}")
    config = Config(metadata=Metadata(index_number="{code}/{slug}"))
    assert facts_of(SAMPLE, config)["三政〔2018〕34号"].index_number is None  # no organ code configured


def test_topic_table_with_a_mistake_names_its_line(tmp_path):
    table = tmp_path / "topics.yml"
    table.write_text("default: 其他/其他\ncategories:\n  财政:\n    预算: 预算\n", encoding="utf-8")
    with pytest.raises(GazetteError) as raised:
        load_table(table)
    assert raised.value.message == f"{table}:4: 「财政/预算」的关键词应为列表，如 [财政, 预算]"


@pytest.mark.parametrize("printed,shown", [
    ("三政办〔2018〕44 号", "三政办〔2018〕44号"),
    ("2018 年 12 月 15 日", "2018年12月15日"),
    ("附 件", "附件"),
    ("附 件：1．名单", "附件：1．名单"),
    ("泥 塑", "泥塑"),
    ("（2018—2020 年）", "（2018—2020年）"),
    ("对每家企业奖补 2 万元", "对每家企业奖补2万元"),
    ("运营管理水平 and 研发设计效率", "运营管理水平 and 研发设计效率"),
    ("第三十六条 本办法自印发之日起施行。", "第三十六条 本办法自印发之日起施行。"),
])
def test_display_closes_up_print_edition_spacing_only(printed, shown):
    assert display(printed) == shown


def test_numbers_and_codes_are_kept_on_one_line():
    assert keep_together("根据三政〔2018〕29号和 VII-11") == \
        '根据<span class="gz-nw">三政〔2018〕29号</span>和 <span class="gz-nw">VII-11</span>'


def test_an_override_file_that_is_a_symlink_is_refused(tmp_path):
    source = _copy_sample(tmp_path, "三政〔2018〕34号:\n  有效性: 已废止\n")
    real = tmp_path / "elsewhere.yml"
    (tmp_path / "gazettes" / "2019-02.yml").rename(real)
    (tmp_path / "gazettes" / "2019-02.yml").symlink_to(real)
    result = _convert(tmp_path, source)
    assert result.returncode == 1
    assert "不是普通文件" in result.stderr and "Traceback" not in result.stderr


def test_published_rule_signed_takes_the_signing_date_and_an_unknown_rule_is_refused():
    signed = facts_of(SAMPLE, Config(metadata=Metadata(published="signed")))
    assert signed["三政〔2018〕34号"].published == date(2018, 12, 17)
    with pytest.raises(GazetteError, match=r"metadata.published「printed」无效"):
        facts_of(SAMPLE, Config(metadata=Metadata(published="printed")))
