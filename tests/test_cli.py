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
    env = dict(os.environ)
    env.pop("GAZETTE_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "gazette", *args], capture_output=True, text=True, cwd=cwd, env=env)


@pytest.mark.parametrize("content, message", [
    (b"", "是空文件"),
    (b"\n \n\t\n", "是空文件"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "含二进制数据（NUL 字节），不是文本"),
    (b"\xff\xfe3\x00\t\x4e", "是 UTF-16 编码；请另存为 UTF-8 或 GB18030"),
    ("三门峡市人民政府关于表彰的决定\n2018年".encode("big5", errors="replace") + b"\xf9\xfe\xf9\xfe",
     "无法识别的编码：既不是 UTF-8，也不是 GB18030/GBK"),
    ("Caf\u00e9 cr\u00e8me\n".encode("latin-1"), "无法识别的编码：既不是 UTF-8，也不是 GB18030/GBK"),
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
    assert run("parse", str(path)).stderr == f"error: {path}:3: 含二进制数据（NUL 字节），不是文本\n"


def test_a_folder_is_refused(tmp_path):
    result = run("parse", str(tmp_path))
    assert (result.returncode, result.stderr) == (1, f"error: {tmp_path}: 是文件夹，不是文本文件\n")


def test_a_missing_file_is_refused(tmp_path):
    result = run("parse", str(tmp_path / "nope.txt"))
    assert (result.returncode, result.stderr) == (1, f"error: {tmp_path / 'nope.txt'}: 文件不存在\n")


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
    assert f"warning: {SAMPLE}:226: W-traditional: 繁体字段落" in result.stderr


def test_convert_writes_docs_and_the_report_and_prints_a_summary(tmp_path):
    result = run("convert", str(SAMPLE), "--docs", str(tmp_path / "docs"))
    assert result.returncode == 0, result.stderr
    assert "14 篇文件，目录 14 条" in result.stdout
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
    assert result.stderr.startswith(f"error: {bad}:1: 含二进制数据")
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
    assert result.stderr == f"error: {path}:5: 目录列出 14 篇文件，但正文中一篇也找不到\n"


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
    assert "W-toc-missing: 目录条目在正文中未找到" in result.stderr


def test_output_folders_get_the_usual_permissions(tmp_path):
    from gazette.build import write

    write.write_tree(tmp_path / "docs", {"a.md": "x"})
    assert (tmp_path / "docs").stat().st_mode & 0o055 == 0o055
    assert write.staging_dir(tmp_path / "site").stat().st_mode & 0o055 == 0o055


def test_help_and_usage_errors_are_in_chinese_and_exit_2():
    helped = run("--help")
    assert helped.returncode == 0 and helped.stdout.startswith("用法：gazette")
    assert "转换" in helped.stdout and "显示本帮助并退出" in helped.stdout
    wrong = run("convert", "--bogus")
    assert wrong.returncode == 2 and "用法错误：无法识别的参数：--bogus" in wrong.stderr
    assert run("linkcheck", "--help").returncode == 0


def test_converting_one_issue_keeps_the_other_issues(tmp_path):
    project = tmp_path / "project"
    (project / "gazettes").mkdir(parents=True)
    (project / "gazettes" / "2019-02.txt").write_bytes(SAMPLE.read_bytes())
    later = SAMPLE.read_text(encoding="utf-8").replace("第 2 号(总第 157 号)", "第 3 号(总第 158 号)")
    (project / "2019-03.txt").write_text(later, encoding="utf-8")
    first = run("convert", cwd=project)
    assert first.returncode == 0, first.stderr
    second = run("convert", str(project / "2019-03.txt"), cwd=project)
    assert second.returncode == 0, second.stderr
    assert (project / "docs" / "2019" / "2" / "sz-2018-29.md").exists()
    assert (project / "docs" / "2019" / "3" / "index.md").exists()
    assert sorted(p.name for p in (project / "reports").iterdir() if p.name != ".gazette-output") == ["校对报告-2019-02.md", "校对报告-2019-03.md"]
    assert f"校对报告到 {project / 'reports'}" in run("convert", "--docs", str(project / "docs"), cwd=project).stdout


def test_a_missing_dependency_says_how_to_set_up(tmp_path):
    # -S: no site-packages, as when the system Python runs the package instead of .venv's
    result = subprocess.run([sys.executable, "-S", "-m", "gazette", "parse", str(SAMPLE)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith("error: 缺少 Python 依赖") and "make site" in result.stderr
    assert "Traceback" not in result.stderr
