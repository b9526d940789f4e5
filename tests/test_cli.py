"""The command line: exact error messages, exit codes, encodings, and no half-written output."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLE

from gazette.cli import main


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("GAZETTE_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "gazette", *args], capture_output=True, text=True, cwd=cwd, env=env)


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"\n \n\t\n", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "holds binary data (a NUL byte), not text"),
    (b"\xff\xfe3\x00\t\x4e", "is UTF-16; save it as UTF-8 or GB18030"),
    ("三门峡市人民政府关于表彰的决定\n2018年".encode("big5", errors="replace") + b"\xf9\xfe\xf9\xfe",
     "unknown encoding: the text is neither UTF-8 nor GB18030/GBK"),
    ("Caf\u00e9 cr\u00e8me\n".encode("latin-1"), "unknown encoding: the text is neither UTF-8 nor GB18030/GBK"),
])
def test_bad_input_names_the_file_and_exits_1(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("parse", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {path}")
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_binary_file_names_its_line(tmp_path):
    path = tmp_path / "bin.txt"
    path.write_bytes("第一行\n第二行\n\x00".encode())
    assert run("parse", str(path)).stderr == f"error: {path}:3: holds binary data (a NUL byte), not text\n"


def test_a_folder_is_refused(tmp_path):
    result = run("parse", str(tmp_path))
    assert (result.returncode, result.stderr) == (1, f"error: {tmp_path}: is a folder, not a text file\n")


def test_a_missing_file_is_refused(tmp_path):
    result = run("parse", str(tmp_path / "nope.txt"))
    assert (result.returncode, result.stderr) == (1, f"error: {tmp_path / 'nope.txt'}: no such file\n")


def test_wrong_usage_exits_2():
    assert run("parse").returncode == 2
    assert run("frobnicate").returncode == 2


def _parsed(path) -> dict:
    result = run("parse", str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    data.pop("file")
    for warning in data["warnings"]:
        warning.pop("file")
    return data


@pytest.mark.parametrize("variant", ["bom", "crlf", "gb18030", "gbk-crlf-bom-free"])
def test_encodings_and_line_ends_parse_exactly_like_the_utf8_sample(tmp_path, variant):
    text = SAMPLE.read_text(encoding="utf-8")
    if variant == "bom":
        data = b"\xef\xbb\xbf" + text.encode("utf-8")
    elif variant == "crlf":
        data = text.replace("\n", "\r\n").encode("utf-8")
    elif variant == "gb18030":
        data = text.encode("gb18030")
    else:
        data = text.replace("\n", "\r\n").encode("gbk")
    path = tmp_path / "2019-02.txt"
    path.write_bytes(data)
    assert _parsed(path) == _parsed(SAMPLE)


def test_parse_json_has_the_model_fields():
    data = json.loads(run("parse", str(SAMPLE), "--json").stdout)
    assert set(data) >= {"issue", "masthead", "toc", "documents", "warnings"}
    assert data["issue"] == {"year": 2019, "no": 2, "total": 157, "date": "2019-02-11", "title": "三门峡市人民政府公报"}
    document = data["documents"][4]
    for field in ("title", "number", "date", "issuer", "type", "section", "page", "addressees", "attachments",
                  "interprets", "cites", "slug", "body"):
        assert field in document
    assert len(data["toc"]) == 14


def test_warnings_go_to_stderr_with_file_and_line():
    result = run("parse", str(SAMPLE))
    assert f"warning: {SAMPLE}:226: passage in traditional characters" in result.stderr


def test_convert_writes_docs_and_the_report_and_prints_a_summary(tmp_path):
    result = run("convert", str(SAMPLE), "--docs", str(tmp_path / "docs"))
    assert result.returncode == 0, result.stderr
    assert "14 documents, 14 目录 entries" in result.stdout
    assert (tmp_path / "docs" / "2019" / "2" / "sz-2018-34.md").exists()
    assert (tmp_path / "reports" / "校对报告-2019-02.md").exists()


def test_a_failed_conversion_leaves_the_previous_output_untouched(tmp_path):
    docs = tmp_path / "docs"
    assert main(["convert", str(SAMPLE), "--docs", str(docs)]) == 0
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    bad = tmp_path / "2019-03.txt"
    bad.write_bytes(b"\x00binary")
    result = run("convert", str(SAMPLE), str(bad), "--docs", str(docs))
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {bad}:1: holds binary data")
    after = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".docs")]


def test_a_write_that_fails_midway_keeps_the_old_folder(tmp_path, monkeypatch):
    from gazette.build import write

    target = tmp_path / "docs"
    write.write_tree(target, {"a.md": "old"})

    class Boom(Exception):
        pass

    def fail(*args, **kwargs):
        raise Boom()

    monkeypatch.setattr(write, "swap_in", fail)
    with pytest.raises(Boom):
        write.write_tree(target, {"a.md": "new", "b.md": "new"})
    assert (target / "a.md").read_text() == "old"
    assert not (target / "b.md").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["docs"]


def test_a_file_with_only_the_toc_is_refused_clearly(tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "2019-02.txt"
    path.write_text("\n".join(lines[:114]), encoding="utf-8")
    result = run("parse", str(path))
    assert result.returncode == 1
    assert result.stderr == f"error: {path}:5: 目录列出 14 篇文件，正文中一篇也未找到\n"


def test_a_truncated_issue_keeps_what_is_there_and_reports_the_rest(tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "2019-02.txt"
    path.write_text("\n".join(lines[:400]), encoding="utf-8")
    result = run("parse", str(path), "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert [d["number"] for d in data["documents"]] == ["三政〔2018〕29号", "三政〔2018〕30号", "三政〔2018〕32号",
                                                         "三政〔2018〕33号", "三政〔2018〕34号"]
    missing = [w for w in data["warnings"] if w["kind"] == "toc-missing"]
    assert len(missing) == 9
    assert "目录条目在正文中未找到" in result.stderr


def test_output_folders_get_the_usual_permissions(tmp_path):
    from gazette.build import write

    write.write_tree(tmp_path / "docs", {"a.md": "x"})
    assert (tmp_path / "docs").stat().st_mode & 0o055 == 0o055
    assert write.staging_dir(tmp_path / "site").stat().st_mode & 0o055 == 0o055
