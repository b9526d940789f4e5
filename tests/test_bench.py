"""The benchmark runs end to end on a tiny archive (its figures are not asserted: it is not a timed test)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from gazette.synthetic import issue_text
import pytest

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parent.parent


def test_synthetic_issue_renumbers_the_issue_and_its_own_numbers_consistently():
    sample = (ROOT / "gazettes" / "2019-02.txt").read_text(encoding="utf-8")
    text = issue_text(sample, 13)  # 2007 第2号 (总第14号)
    assert "第 2 号(总第 14 号)" in text and "出版日期:2007 年 2 月 11 日" in text
    assert "三政〔2006〕84号" in text and "三政〔2018〕34号" not in text
    assert "（三政〔2006〕84号）" in text.replace("\n", "").replace("(", "（").replace(")", "）")  # the 解读 cites it
    assert "三政〔2011〕67 号" in text  # a number from outside the sample stays as printed


def test_bench_of_a_tiny_archive_prints_its_figures_as_json(tmp_path):
    result = subprocess.run([sys.executable, "-m", "gazette", "bench", "--documents", "30", "--json", "--no-search",
                             "--workdir", str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["documents"] == 42 and figures["issues"] == 3
    assert figures["markdown_bytes"] > 0 and figures["site_bytes"] > figures["markdown_bytes"]
    assert figures["search_first_query_bytes"] is None
    site = Path(figures["site_dir"])
    assert (site / "2006" / "3" / "sz-2005-134" / "index.html").is_file()
    assert (site / "search" / "head.js").is_file()


def test_search_query_set_of_the_benchmark_is_drawn_from_the_sample():
    from gazette.bench import SAMPLE
    from gazette.bench_search import query_set

    queries = query_set(SAMPLE)
    assert len(queries) >= 90 and len(set(queries)) == len(queries)
    assert "三政〔2018〕34号" in queries and "34号" in queries and "债务" in queries
    assert any(" " in query for query in queries)
    # A larger set draws blocks as short as the substrings it cuts (a block of 8 characters taken whole).
    larger = query_set(SAMPLE, 400)
    assert len(larger) >= 350 and set(queries) - set(larger) <= set(queries[-15:])
