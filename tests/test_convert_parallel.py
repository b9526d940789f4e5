"""Converting many issues in worker processes gives exactly what one process gives."""

from __future__ import annotations

from conftest import SAMPLE

from gazette.build import cache, convert


def test_parallel_conversion_equals_sequential(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    text = SAMPLE.read_text(encoding="utf-8")
    paths = []
    for no in range(1, 10):
        path = tmp_path / f"2019-{no:02d}.txt"
        path.write_text(text.replace("第 2 号(总第 157 号)", f"第 {no} 号(总第 {155 + no} 号)")
                        .replace("〔2018〕", f"〔{2000 + no}〕"), encoding="utf-8")
        paths.append(str(path))
    parallel = convert.convert(paths)
    monkeypatch.setattr(convert, "PARALLEL_FROM", 10**6)
    monkeypatch.setattr(cache, "PARALLEL_FROM", 10**6)
    sequential = convert.convert(paths)
    assert len(parallel.files) > 9 * 14
    assert parallel.files == sequential.files
    assert parallel.reports == sequential.reports
    assert all(coverage.complete for coverage in parallel.coverage.values())
