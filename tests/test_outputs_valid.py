"""Outputs are always valid (issue 10, item 6): feed.xml parses, documents.json validates before
anything is written, CSV cells cannot run as spreadsheet formulas."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree as ET

import pytest

from gazette.build.convert import convert
from gazette.check.opendata import check_open_data
from gazette.errors import GazetteError, ParseError
from gazette.site.opendata import SCHEMA


def _document(tmp_path, title: str, name: str = "x.txt"):
    path = tmp_path / name
    path.write_bytes(f"{title}\n\n三政〔2019〕9号\n\n各单位：\n\n正文。\n\n三门峡市人民政府\n\n2019年5月1日\n"
                     .encode("utf-8"))
    return convert([str(path)])


@pytest.mark.parametrize("character", ["\x0b", "\x0c", "\uffff", "\ufffe", "\x85", "\u202e", "\U0001fffe"])
def test_the_feed_is_well_formed_whatever_the_title_holds(tmp_path, character):
    files = _document(tmp_path, f"关于{character}测试&<的>通知{character}").files
    feed = ET.fromstring(files["feed.xml"])
    titles = [element.text for element in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert "关于测试&<的>通知（三政〔2019〕9号）" in titles


@pytest.mark.parametrize("title", ["=HYPERLINK(\"http://x\",\"点击\")的通知", "+1的通知", "-1的通知", "@SUM(A1)的通知",
                                   "\t=1的通知"])
def test_csv_cells_that_start_like_a_formula_are_neutralized(tmp_path, title):
    files = _document(tmp_path, title).files
    rows = list(csv.DictReader(io.StringIO(files["data/documents.csv"].decode("utf-8-sig"))))
    cell = rows[0]["title"]
    assert cell.startswith("'") and cell[1:] == title.strip()
    assert json.loads(files["data/documents.json"])["documents"][0]["title"] == title.strip()  # the data keeps it


def test_ordinary_cells_are_left_as_they_are(tmp_path):
    files = _document(tmp_path, "三门峡市人民政府关于测试的通知").files
    row = next(csv.DictReader(io.StringIO(files["data/documents.csv"].decode("utf-8-sig"))))
    assert row["title"] == "三门峡市人民政府关于测试的通知" and row["date"] == "2019-05-01"


def test_a_record_that_fails_the_schema_stops_the_conversion_naming_the_record(tmp_path):
    files = dict(_document(tmp_path, "三门峡市人民政府关于测试的通知").files)
    data = json.loads(files["data/documents.json"])
    data["documents"][0]["title"] = ""
    files["data/documents.json"] = json.dumps(data, ensure_ascii=False)
    with pytest.raises(GazetteError) as caught:
        check_open_data(files)
    assert caught.value.file == "docs/data/documents.json"
    assert "documents/0/title" in caught.value.reason and "schema.json" in caught.value.reason


def test_an_ill_formed_feed_stops_the_conversion(tmp_path):
    files = dict(_document(tmp_path, "三门峡市人民政府关于测试的通知").files)
    files["feed.xml"] = files["feed.xml"].replace(b"</feed>", b"\x0b</feed>")
    with pytest.raises(GazetteError) as caught:
        check_open_data(files)
    assert caught.value.file == "docs/feed.xml"


@pytest.mark.parametrize("text", ["\u3000\u3000\n", "\u200b\n\n\u2003\n", " \n\t\n\u00a0\n"])
def test_a_text_of_only_spaces_or_invisible_characters_is_refused(tmp_path, text):
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError):
        convert([str(path)])


def test_the_schema_is_the_one_published(tmp_path):
    files = _document(tmp_path, "三门峡市人民政府关于测试的通知").files
    assert json.loads(files["data/schema.json"]) == SCHEMA
