"""Cached parses: the same output, and no re-parse of an unchanged issue."""

from __future__ import annotations

import shutil

from conftest import SAMPLE

from gazette import cache
from gazette.normalize import read_source


def test_a_cached_parse_equals_a_fresh_one_and_skips_the_parser(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    source = read_source(str(SAMPLE))
    fresh = cache.parse_all([source])[str(SAMPLE)]
    calls = []
    monkeypatch.setattr(cache, "parse_source", lambda s: calls.append(s) or None)
    again = cache.parse_all([source])[str(SAMPLE)]
    assert calls == []
    assert again == fresh


def test_a_changed_source_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    path = tmp_path / "2019-02.txt"
    shutil.copy(SAMPLE, path)
    first = cache.parse_all([read_source(str(path))])[str(path)]
    path.write_text(path.read_text(encoding="utf-8").replace("三政〔2018〕29号", "三政〔2018〕28号"), encoding="utf-8")
    second = cache.parse_all([read_source(str(path))])[str(path)]
    assert first.documents[0].number == "三政〔2018〕29号"
    assert second.documents[0].number == "三政〔2018〕28号"


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    monkeypatch.chdir(tmp_path)
    cache.parse_all([read_source(str(SAMPLE))])
    assert list(tmp_path.iterdir()) == []
