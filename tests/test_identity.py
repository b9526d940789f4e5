"""One place for the site's identity: the sample built for another city's gazette names that city only.

Every word the code or the templates add about the publisher comes from gazette.yml; what remains
of 三门峡 in the output is the documents' own text (their titles, bodies, masthead).
"""

from __future__ import annotations

import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from gazette.config import load_config
from gazette.errors import GazetteError
from tests.repo_copy import fresh_copy, run_build

LUOYANG = """\
identity:
  gazette: 洛阳市人民政府公报
  city: 洛阳市
  government: 洛阳市人民政府
  publisher: 洛阳市人民政府办公室
  organizer: 洛阳市人民政府办公室公报室
  english: Gazette of the People's Government of Luoyang City
  description: 洛阳市人民政府主办，刊登市政府文件和政策解读。
  address: 河南省洛阳市开元大道1号
  postcode: "471000"
  phone: "0379-12345678"
  email: gb@example.ly.gov.cn
  site_id_code: "4103000002"
  icp: 豫ICP备12000002号
  police_record: 豫公网安备 41030202000002号
  organ_code: 11410300005000000X
  site_url: https://owner.github.io/luoyang-gazette/
  feed_id: "tag:ly.example.gov.cn,2019:gazette/"
  archive_name: luoyang-gazette
metadata:
  index_number: "{code}-{year}-{issue_no:02d}-{seq:03d}"
layout: {}
"""
HAN = re.compile(r"[\u4e00-\u9fff]+")


class _Texts(HTMLParser):
    """Every text node and attribute value of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found += [value for _, value in attrs if value]

    def handle_data(self, data):
        self.found.append(data)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def output_texts(site: Path):
    """``(file, text)`` for every text of the built site that a reader or a program sees."""
    for path in sorted(site.rglob("*")):
        if not path.is_file() or "pagefind" in path.parts:
            continue
        name = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            parser = _Texts()
            parser.feed(path.read_text(encoding="utf-8"))
            yield from ((name, text) for text in parser.found)
        elif path.suffix == ".json":
            yield from ((name, text) for text in _strings(json.loads(path.read_text(encoding="utf-8"))))
        elif path.suffix in (".xml", ".csv", ".js", ".css"):
            yield name, path.read_text(encoding="utf-8-sig")


@pytest.fixture(scope="module")
def luoyang(tmp_path_factory):
    repo = fresh_copy(tmp_path_factory.mktemp("luoyang"))
    (repo / "gazette.yml").write_text(LUOYANG, encoding="utf-8")
    result = run_build(repo, "--offline")
    assert result.returncode == 0, result.stdout + result.stderr
    return repo


@pytest.mark.build
def test_no_word_of_the_original_city_is_added_outside_the_documents_text(luoyang):
    source = re.sub(r"\s+", "", (luoyang / "gazettes" / "2019-02.txt").read_text(encoding="utf-8"))
    added = []
    for name, text in output_texts(luoyang / "site"):
        for run in HAN.findall(re.sub(r"\s+", "", text)):
            # A run of Han characters that names the city but is not in the text came from elsewhere.
            if "三门峡" in run and run not in source:
                added.append(f"{name}: {run}")
        # The English name, the archive name and the feed ids that the code used to carry.
        for word in ("Sanmenxia", "sanmenxia-gazette", "tag:smx.gov.cn"):
            if word in text:
                added.append(f"{name}: {word}")
    assert added == []


@pytest.mark.build
def test_the_identity_names_the_site_the_footer_the_data_and_the_archive(luoyang):
    site = luoyang / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>首页 - 洛阳市人民政府公报</title>" in home
    assert '<meta name="SiteName" content="洛阳市人民政府公报">' in home
    assert '<meta name="SiteDomain" content="owner.github.io">' in home
    assert '<meta name="SiteIDCode" content="4103000002">' in home
    assert '<link rel="canonical" href="https://owner.github.io/luoyang-gazette/">' in home
    for fact in ("洛阳市人民政府办公室", "豫ICP备12000002号", "豫公网安备 41030202000002号", "0379-12345678"):
        assert fact in home.split('<footer class="md-footer gz-footer">')[1]
    assert "https://beian.mps.gov.cn/#/query/webSearch?code=41030202000002" in home
    documents = json.loads((site / "data" / "documents.json").read_text(encoding="utf-8"))
    assert documents["publisher"] == "洛阳市人民政府办公室"
    assert "洛阳市人民政府公报" in documents["licence"]
    assert documents["documents"][0]["index_number"] == "11410300005000000X-2019-02-001"
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "<title>洛阳市人民政府公报 · 最新文件</title>" in feed
    assert "<id>tag:ly.example.gov.cn,2019:gazette/feed</id>" in feed
    assert 'xml:base="https://owner.github.io/luoyang-gazette/"' in feed
    archive = luoyang / "dist" / "luoyang-gazette-2019-02.zip"
    with zipfile.ZipFile(archive) as opened:
        about = opened.read("luoyang-gazette-2019-02/offline.html").decode("utf-8")
    assert "《洛阳市人民政府公报》电子版" in about


def test_a_value_that_yaml_reads_as_a_number_is_refused_with_a_hint(tmp_path):
    config = tmp_path / "gazette.yml"
    config.write_text("identity:\n  postcode: 471000\n", encoding="utf-8")
    with pytest.raises(GazetteError, match=r"identity.postcode 应为文字，请加引号"):
        load_config(config)


def test_an_unknown_identity_key_is_refused(tmp_path):
    config = tmp_path / "gazette.yml"
    config.write_text("identity:\n  gazete: 洛阳市人民政府公报\n", encoding="utf-8")
    with pytest.raises(GazetteError, match=r"未知的配置项：identity.gazete"):
        load_config(config)


def test_an_archive_name_that_is_not_ascii_is_refused(tmp_path):
    config = tmp_path / "gazette.yml"
    config.write_text("identity:\n  archive_name: 洛阳公报\n", encoding="utf-8")
    with pytest.raises(GazetteError, match=r"identity.archive_name「洛阳公报」只能由英文字母"):
        load_config(config)


def test_footer_shows_only_the_facts_the_identity_gives():
    from gazette.config import Identity
    from gazette.site.identity import footer_rows

    rows = footer_rows(Identity(gazette="某县人民政府公报", publisher="某县人民政府办公室", postcode="000000",
                                police_record="某公网安备 12345678901234号"))
    assert [row["label"] for row in rows] == ["主办单位", "邮编", "公安机关备案号"]
    assert rows[-1]["href"] == "https://beian.mps.gov.cn/#/query/webSearch?code=12345678901234"
