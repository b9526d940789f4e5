"""A second gazette needs only configuration: its names, sections and 文号 codes in gazette.yml."""

from __future__ import annotations

import pytest
from conftest import ROOT

from gazette.config import Config, Identity, Layout, load_config
from gazette.errors import GazetteError
from gazette.parse import parse_source
from gazette.parse.normalize import decode

ISSUE = """河洛政务

2021年第1期（总第300期）

目　录

【专题文件】

洛阳市人民政府关于加强古城保护工作的通知……1

【人事信息】

洛阳市人民政府任免名单……3

洛阳市人民政府关于加强古城保护工作的通知

洛政〔2021〕1号

各县（市、区）人民政府，市人民政府各部门：

为加强古城保护，传承历史文脉，现就有关事项通知如下：各地要严格落实保护责任，加强巡查

河洛政务　2021年第1期　2

专题文件

管理，严禁破坏古城风貌。

洛阳市人民政府任免名单

河洛政务　2021年第1期　3

任命王强为洛阳市文化广电和旅游局局长。
"""
LAYOUT = Layout(gazette_names=("河洛政务",), sections={"专题文件": "documents", "人事信息": "appointments"},
                number_prefixes={"洛政": "洛阳市人民政府"})


def _parse(config: Config):
    return parse_source(decode("2021-01.txt", ISSUE.encode("utf-8")), config)


def test_configured_names_sections_and_number_prefixes_read_another_gazette():
    gazette = _parse(Config(identity=Identity(gazette="河洛政务"), layout=LAYOUT))
    assert (gazette.issue.year, gazette.issue.no, gazette.issue.total, gazette.issue.title) == (2021, 1, 300, "河洛政务")
    first, second = gazette.documents
    assert (first.number, first.issuer, first.type, first.section) == ("洛政〔2021〕1号", "洛阳市人民政府", "通知", "专题文件")
    assert (second.title, second.type, second.section) == ("洛阳市人民政府任免名单", "任免", "人事信息")
    assert first.body[-1].text == "为加强古城保护，传承历史文脉，现就有关事项通知如下：各地要严格落实保护责任，加强巡查管理，严禁破坏古城风貌。"
    assert [(item.category, item.page) for item in gazette.furniture] == [
        ("running-header", 2), ("section-header", None), ("running-header", 3)]


def test_without_the_configured_name_its_headers_stay_in_the_text():
    gazette = _parse(Config())
    assert [item.text for item in gazette.furniture if "河洛政务" in item.text] == []


def test_gazette_yml_layout_section_is_read_and_validated(tmp_path):
    path = tmp_path / "gazette.yml"
    path.write_text("layout:\n  gazette_names: [河洛政务]\n  sections: {专题文件: documents}\n"
                    "  number_prefixes: {洛政: 洛阳市人民政府}\n", encoding="utf-8")
    layout = load_config(path).layout
    assert layout.gazette_names == ("河洛政务",)
    assert layout.section_kinds()["专题文件"] == "documents" and layout.section_kinds()["省政府令"] == "orders"
    assert layout.issuer_of("洛政") == "洛阳市人民政府" and layout.issuer_of("豫政办") == "河南省人民政府办公厅"


@pytest.mark.parametrize("text, message", [
    ("layout:\n  sections: {专题文件: folders}\n", "layout.sections 的「专题文件」应为 documents、orders、appointments、interpretations 之一"),
    ("layout:\n  gazette_names: 河洛政务\n", "layout.gazette_names 应为刊名列表"),
    ("layout:\n  number_prefixes: {洛政: 12}\n", "layout.number_prefixes 的「洛政」应为 机关代字: 发文机关"),
])
def test_a_wrong_layout_value_is_an_error_naming_the_file(tmp_path, text, message):
    path = tmp_path / "gazette.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteError) as error:
        load_config(path)
    assert error.value.file == str(path) and error.value.reason == message


def test_the_projects_gazette_yml_names_this_gazette():
    layout = load_config(ROOT / "gazette.yml").layout
    assert "三门峡市人民政府公报" in layout.gazette_names and layout.issuer_of("三政办") == "三门峡市人民政府办公室"
