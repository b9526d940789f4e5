"""Open data files for the sample issue: JSON against its schema, CSV, Atom feed, issues, determinism."""

from __future__ import annotations

import csv
import io
import json
import re
from xml.etree import ElementTree as ET

import pytest
import yaml
from jsonschema import Draft202012Validator

from gazette.build.convert import convert
from dataclasses import replace
from datetime import date

from gazette.config import load_config
from gazette.site.context import site_for
from gazette.paths import record_path
from gazette.site.opendata import SCHEMA, data_files

SAMPLE = "gazettes/2019-02.txt"
ATOM = "{http://www.w3.org/2005/Atom}"
SAMPLE_URLS = [
    "2019/2/sz-2018-29/", "2019/2/sz-2018-30/", "2019/2/sz-2018-32/", "2019/2/sz-2018-33/",
    "2019/2/sz-2018-34/", "2019/2/szb-2018-41/", "2019/2/szb-2018-42/", "2019/2/szb-2018-43/",
    "2019/2/szb-2018-44/", "2019/2/szb-2018-45/", "2019/2/sz-2018-34-jd/", "2019/2/szb-2018-40-jd/",
    "2019/2/szb-2018-41-jd/", "2019/2/szb-2018-42-jd/",
]


@pytest.fixture(scope="module")
def conversion():
    return convert([SAMPLE])


BUILD_DAY = date(2019, 3, 1)
"""The day 有效性 is computed for: fixed, so that the expected records do not age."""


def sample_site(archive, **identity):
    config = load_config()
    return site_for(archive, replace(config, identity=replace(config.identity, **identity)), today=BUILD_DAY)


@pytest.fixture(scope="module")
def files(conversion):
    return data_files(conversion.archive, sample_site(conversion.archive, site_url=""))


def load(files, path):
    return json.loads(files[path])


def validator(schema=SCHEMA):
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def document_schema():
    return {"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"], "$ref": "#/$defs/document"}


def test_convert_puts_the_open_data_among_the_docs_files(conversion, files):
    for path, content in files.items():
        assert conversion.files[path] == content


def test_schema_is_a_valid_draft_2020_12_schema(files):
    Draft202012Validator.check_schema(load(files, "data/schema.json"))
    assert load(files, "data/schema.json") == SCHEMA


def test_documents_json_validates_against_its_schema(files):
    errors = list(validator(load(files, "data/schema.json")).iter_errors(load(files, "data/documents.json")))
    assert errors == []


def test_documents_json_lists_every_sample_document_in_printed_order(files):
    documents = load(files, "data/documents.json")["documents"]
    assert len(documents) == 14
    assert [d["url"] for d in documents] == SAMPLE_URLS


def test_source_document_record_carries_its_interpretation_and_citations(files):
    record = load(files, "data/records/2019-2-sz-2018-34.json")
    assert record == {
        "number": "三政〔2018〕34号",
        "date": "2018-12-17",
        "issuer": "三门峡市人民政府",
        "type": "通知",
        "title": "三门峡市人民政府关于印发三门峡市政府性债务管理办法的通知",
        "issue": {"year": 2019, "no": 2, "total": 157, "date": "2019-02-11"},
        "section": "市政府文件",
        "page": 11,
        "pages": [11, 16],
        "url": "2019/2/sz-2018-34/",
        "record": "data/records/2019-2-sz-2018-34.json",
        "addressees": ["各县（市、区）人民政府", "城乡一体化示范区、开发区管理委员会", "市人民政府各部门"],
        "interprets": None,
        "interprets_url": None,
        "interpretations": [{"title": "《三门峡市政府性债务管理办法》解读", "number": None,
                             "url": "2019/2/sz-2018-34-jd/"}],
        "cites": ["国发〔2014〕43号", "财预〔2015〕225号", "豫政〔2016〕11号", "豫政办〔2017〕39号"],
        "cited_by": [],
        "published": "2019-02-11",
        "index_number": "11411200005618045K/2019-02005",
        "topic": {"category": "财政、金融、审计", "subcategory": "财政", "label": "财政、金融、审计\\财政"},
        "validity": {"effective": "2018-12-17", "expires": None, "basis": "自印发之日起施行", "status": "现行有效",
                     "note": None},
        "keywords": ["财政", "政府性债务", "债务管理", "通知"],
        "description": "《三门峡市政府性债务管理办法》已经2018年11月23日市政府第23次常务会议研究通过，"
                       "现印发给你们，请结合实际，认真贯彻执行。",
        "interpreted_by": None,
        "interpretation_date": None,
    }


def test_interpretation_links_its_source_only_when_the_archive_has_it(files):
    present = load(files, "data/records/2019-2-sz-2018-34-jd.json")
    missing = load(files, "data/records/2019-2-szb-2018-40-jd.json")
    assert (present["type"], present["interprets"], present["interprets_url"]) == \
        ("解读", "三政〔2018〕34号", "2019/2/sz-2018-34/")
    assert (missing["interprets"], missing["interprets_url"]) == ("三政办〔2018〕40号", None)
    assert present["number"] is None and present["date"] is None


def test_every_document_has_a_record_file_equal_to_its_entry(files):
    documents = load(files, "data/documents.json")["documents"]
    check = validator(document_schema())
    records = sorted(path for path in files if path.startswith("data/records/"))
    assert records == sorted(d["record"] for d in documents)
    for document in documents:
        assert load(files, document["record"]) == document
        assert list(check.iter_errors(document)) == []


def test_record_path_follows_year_issue_and_slug(conversion):
    gazette, document = next(conversion.archive.documents())
    assert record_path(gazette, document) == "data/records/2019-2-sz-2018-29.json"


@pytest.mark.parametrize("field, value", [
    ("date", "2018-13-40"), ("type", "公函"), ("number", 29), ("page", "1"), ("issue", {"year": 2019}),
])
def test_schema_rejects_a_malformed_document(files, field, value):
    document = dict(load(files, "data/documents.json")["documents"][0], **{field: value})
    assert list(validator(document_schema()).iter_errors(document)) != []


def test_csv_has_a_bom_a_header_and_one_row_per_document(files):
    raw = files["data/documents.csv"]
    assert isinstance(raw, bytes) and raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert len(text.splitlines()) == 15
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    documents = load(files, "data/documents.json")["documents"]
    assert len(rows) == 14
    assert [(r["number"] or None, r["url"], r["title"]) for r in rows] == \
        [(d["number"], d["url"], d["title"]) for d in documents]
    assert rows[4]["cites"] == "国发〔2014〕43号; 财预〔2015〕225号; 豫政〔2016〕11号; 豫政办〔2017〕39号"
    assert rows[4]["interpretations"] == "2019/2/sz-2018-34-jd/"
    assert (rows[10]["date"], rows[10]["issue_total"], rows[10]["last_page"]) == ("", "157", "44")


def feed_of(files):
    return ET.fromstring(files["feed.xml"])


def test_feed_is_atom_with_one_entry_per_document_newest_issue_first(files):
    feed = feed_of(files)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{name}") is not None
    assert feed.findtext(f"{ATOM}updated") == "2019-02-11T00:00:00+08:00"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 14
    for entry in entries:
        for name in ("id", "title", "updated", "summary"):
            assert entry.findtext(f"{ATOM}{name}"), name
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00", entry.findtext(f"{ATOM}updated"))
    alternates = [e.find(f"{ATOM}link[@rel='alternate']").get("href") for e in entries]
    assert alternates == SAMPLE_URLS
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == 14 and all(i.startswith("tag:") for i in ids)


def test_feed_entry_shows_title_number_date_and_issue(files):
    entry = feed_of(files).find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "三门峡市人民政府关于表彰全市交通运输系统先进单位和个人的决定（三政〔2018〕29号）"
    assert entry.findtext(f"{ATOM}summary") == (
        "索引号：11411200005618045K/2019-02001；发文字号：三政〔2018〕29号；发文机关：三门峡市人民政府；"
        "成文日期：2018年11月20日；发布日期：2019年2月11日；文种：决定；主题分类：工业、交通\\交通；"
        "刊登：2019年第2号（总第157号）第1页")
    assert entry.find(f"{ATOM}link[@rel='describedby']").get("href") == "data/records/2019-2-sz-2018-29.json"
    topic = entry.find(f"{ATOM}category[@scheme='主题分类']")
    assert topic.get("term") == "工业、交通\\交通"


def test_feed_summary_carries_the_validity_the_text_states(files):
    entries = {e.findtext(f"{ATOM}title"): e for e in feed_of(files).findall(f"{ATOM}entry")}
    debt = entries["三门峡市人民政府关于印发三门峡市政府性债务管理办法的通知（三政〔2018〕34号）"]
    assert "有效性：现行有效（自2018年12月17日起施行）" in debt.findtext(f"{ATOM}summary")


def test_csv_has_the_metadata_columns(files):
    rows = list(csv.DictReader(io.StringIO(files["data/documents.csv"].decode("utf-8-sig"))))
    debt = next(row for row in rows if row["number"] == "三政〔2018〕34号")
    assert (debt["index_number"], debt["topic"], debt["status"], debt["effective"], debt["published"]) == \
        ("11411200005618045K/2019-02005", "财政、金融、审计\\财政", "现行有效", "2018-12-17", "2019-02-11")


def test_feed_uses_absolute_links_when_the_site_url_is_configured(conversion, files):
    site = sample_site(conversion.archive, site_url="https://gazette.example.org/smx")
    feed = ET.fromstring(data_files(conversion.archive, site)["feed.xml"])
    assert feed.get("{http://www.w3.org/XML/1998/namespace}base") == "https://gazette.example.org/smx/"
    first = feed.find(f"{ATOM}entry/{ATOM}link[@rel='alternate']").get("href")
    assert first == "https://gazette.example.org/smx/2019/2/sz-2018-29/"
    assert feed_of(files).get("{http://www.w3.org/XML/1998/namespace}base") is None


def test_issues_json_has_the_masthead_and_the_toc_in_printed_order(files):
    issues = load(files, "data/issues.json")["issues"]
    assert len(issues) == 1
    issue = issues[0]
    assert {k: issue[k] for k in ("year", "no", "total", "date", "url")} == \
        {"year": 2019, "no": 2, "total": 157, "date": "2019-02-11", "url": "2019/2/"}
    assert issue["masthead"]["主办"] == "三门峡市人民政府办公室"
    assert issue["masthead"]["编辑部"][0] == {"role": "主编", "names": ["韩际东"]}
    assert [entry["url"] for entry in issue["toc"]] == SAMPLE_URLS
    assert [entry["page"] for entry in issue["toc"]] == [1, 2, 4, 5, 11, 17, 24, 30, 34, 40, 43, 45, 48, 51]
    assert issue["documents"] == SAMPLE_URLS


def test_open_data_page_explains_each_file_and_the_licence(files):
    page = files["data/index.md"]
    meta = yaml.safe_load(page.split("---\n")[1])
    assert meta["title"] == "开放数据" and meta["page_tags"]["ColumnName"] == "开放数据"
    for target in ("documents.json", "documents.csv", "issues.json", "schema.json", "../feed.xml"):
        assert f"]({target})" in page
        assert target.replace("../", "") in files or f"data/{target}" in files
    assert "可自由复制、引用，请注明来源" in page and "UTF-8" in page and "BOM" in page


def test_two_conversions_give_byte_identical_data(files):
    archive = convert([SAMPLE]).archive
    again = data_files(archive, sample_site(archive, site_url=""))
    assert again.keys() == files.keys()
    for path in files:
        assert again[path] == files[path], path
