"""Reproducible builds: converting twice gives byte-identical Markdown; building twice with the same
SOURCE_DATE_EPOCH gives an identical site/ (sitemap dates and gzip time included) and zip."""

from __future__ import annotations

import gzip
import re
import struct
import subprocess
import sys

import pytest

from tests.repo_copy import EPOCH, ROOT, fresh_copy, run_build, tree_digests

pytestmark = pytest.mark.build


def _convert(docs) -> None:
    subprocess.run([sys.executable, "-m", "gazette", "convert", "--docs", str(docs)], cwd=ROOT, check=True,
                   capture_output=True)


def test_converting_twice_gives_byte_identical_markdown_and_reports(tmp_path):
    _convert(tmp_path / "a" / "docs")
    _convert(tmp_path / "b" / "docs")
    first = tree_digests(tmp_path / "a")
    assert any(path.endswith(".md") and path.startswith("docs/") for path in first)
    assert any(path.startswith("reports/") for path in first)
    assert first == tree_digests(tmp_path / "b")


def _build_twice(tmp_path, *args, site_url: str | None = None):
    repos = []
    for name in ("a", "b"):
        repo = fresh_copy(tmp_path / name)
        if site_url:  # MkDocs lists pages (with their <lastmod> dates) in the sitemap only with a site_url
            with open(repo / "mkdocs.yml", "a", encoding="utf-8") as config:
                config.write(f"\nsite_url: {site_url}\n")
        result = run_build(repo, *args)
        assert result.returncode == 0, result.stdout + result.stderr
        repos.append(repo)
    return repos


def test_building_twice_with_one_source_date_epoch_gives_an_identical_site(tmp_path):
    first, second = _build_twice(tmp_path, site_url="https://gazette.example.org/")
    digests = tree_digests(first / "site")
    # The search index is part of the comparison (the offline archive's is tested below).
    assert "sitemap.xml.gz" in digests and "search/head.js" in digests
    assert any(name.startswith("search/p/") for name in digests)
    assert digests == tree_digests(second / "site")
    # The sitemap's dates and the gzip header's time come from SOURCE_DATE_EPOCH, not the clock.
    dates = re.findall(r"<lastmod>([^<]*)</lastmod>", (first / "site" / "sitemap.xml").read_text(encoding="utf-8"))
    assert len(dates) > 14 and set(dates) == {"2019-02-04"}
    packed = (first / "site" / "sitemap.xml.gz").read_bytes()
    assert struct.unpack("<I", packed[4:8])[0] == int(EPOCH)
    assert gzip.decompress(packed) == (first / "site" / "sitemap.xml").read_bytes()


def test_building_the_offline_archive_twice_gives_an_identical_zip(tmp_path):
    first, second = _build_twice(tmp_path, "--offline")
    name = "dist/sanmenxia-gazette-2019-02.zip"
    assert (first / name).read_bytes() == (second / name).read_bytes()
