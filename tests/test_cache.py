"""Cached parses: the same output, and no re-parse of an unchanged issue."""

from __future__ import annotations

import shutil

import pytest
from conftest import SAMPLE

from gazette.build import cache
from gazette.errors import ParseError


def test_a_cached_parse_equals_a_fresh_one_and_skips_the_parser(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    fresh = cache.parse_all([str(SAMPLE)])[str(SAMPLE)]
    calls = []
    monkeypatch.setattr(cache, "parse_path", lambda path, entry=None: calls.append(path) or None)
    again = cache.parse_all([str(SAMPLE)])[str(SAMPLE)]
    assert calls == []
    assert again == fresh
    assert sum(again.counts.values()) == 34652


def test_a_changed_source_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    path = tmp_path / "2019-02.txt"
    shutil.copy(SAMPLE, path)
    first = cache.parse_all([str(path)])[str(path)].gazette
    path.write_text(path.read_text(encoding="utf-8").replace("三政〔2018〕29号", "三政〔2018〕28号"), encoding="utf-8")
    second = cache.parse_all([str(path)])[str(path)].gazette
    assert first.documents[0].number == "三政〔2018〕29号"
    assert second.documents[0].number == "三政〔2018〕28号"


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    monkeypatch.chdir(tmp_path)
    cache.parse_all([str(SAMPLE)])
    assert list(tmp_path.iterdir()) == []


def test_many_sources_parse_in_workers_and_a_bad_one_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    paths = []
    for number in range(1, 10):
        path = tmp_path / f"2019-{number:02d}.txt"
        shutil.copy(SAMPLE, path)
        paths.append(str(path))
    parsed = cache.parse_all(paths)
    assert [len(result.gazette.documents) for result in parsed.values()] == [14] * 9
    bad = tmp_path / "2019-10.txt"
    bad.write_bytes(b"\x00")
    with pytest.raises(ParseError) as error:
        cache.parse_all(paths + [str(bad)])
    assert error.value.message == f"{bad}:1: 含二进制数据（NUL 字节），不是文本"
