"""Whole outputs for the sample compared with reviewed golden files.

Update only on purpose: ``pytest tests/test_golden.py --update-golden``, then review
``git diff tests/golden`` before committing.
"""

from __future__ import annotations

import json

import pytest
from conftest import GOLDEN, ROOT

from gazette.archive import build_archive
from gazette.build.convert import convert
from gazette.dump import dump
from gazette.parse import parse_file

HINT = "output differs from the golden file; if the change is intended run pytest --update-golden and review the diff"


def _check(path, text: str, update: bool) -> None:
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"missing golden file {path}; run pytest --update-golden"
    assert path.read_text(encoding="utf-8") == text, f"{path.name}: {HINT}"


@pytest.fixture()
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_model_json_matches_golden(in_root, update_golden):
    gazette = parse_file("gazettes/2019-02.txt")
    archive = build_archive([gazette])
    data = archive.gazettes[0].to_dict()
    data["warnings"] = [w.to_dict() for w in list(archive.gazettes[0].warnings) + list(archive.warnings)]
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    _check(GOLDEN / "2019-02.model.json", text, update_golden)


def test_text_dump_matches_golden(in_root, update_golden):
    _check(GOLDEN / "2019-02.dump.txt", dump(parse_file("gazettes/2019-02.txt")), update_golden)


def test_document_markdown_matches_golden(in_root, update_golden):
    conversion = convert(["gazettes/2019-02.txt"])
    pages = {path: text for path, text in conversion.files.items() if path.startswith("2019/2/")}
    folder = GOLDEN / "2019-02.markdown"
    if update_golden:
        for old in folder.glob("*.md"):
            old.unlink()
    for path, text in sorted(pages.items()):
        _check(folder / path.split("/")[-1], text, update_golden)
    if not update_golden:
        assert sorted(p.name for p in folder.glob("*.md")) == sorted(p.split("/")[-1] for p in pages)


def test_report_matches_golden(in_root, update_golden):
    conversion = convert(["gazettes/2019-02.txt"])
    _check(GOLDEN / "校对报告-2019-02.md", conversion.reports["校对报告-2019-02.md"], update_golden)
