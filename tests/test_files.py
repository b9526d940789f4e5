"""Files (issue 10, items 2, 3 and 9): read only regular issue texts, never delete what is not ours,
replace every output together or not at all, and name the file in every error."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE
from tests.repo_copy import fresh_copy, run_build, tree_digests

from gazette.build.write import MARKER, remove_stale
from gazette.cli import main


def run(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), GAZETTE_CACHE="off")
    env.pop("GAZETTE_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "gazette", *args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=timeout)


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "gazettes").mkdir()
    shutil.copy(SAMPLE, tmp_path / "gazettes" / "2019-02.txt")
    return tmp_path


def _snapshot(folder: Path) -> dict:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def _one_error(result: subprocess.CompletedProcess, file: str) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {file}"), result.stderr
    return errors[0]


def test_convert_refuses_to_replace_the_sources_folder(project):
    before = _snapshot(project)
    result = run("convert", "--docs", "gazettes", cwd=project)
    assert "来源文件夹" in _one_error(result, "gazettes")
    assert _snapshot(project) == before


def test_convert_never_writes_into_the_sources_folder(project):
    before = _snapshot(project)
    result = run("convert", "--docs", "gazettes/out", cwd=project)
    assert "来源文件夹" in _one_error(result, "gazettes/out")
    assert _snapshot(project) == before and sorted(p.name for p in (project / "gazettes").iterdir()) == ["2019-02.txt"]


def test_convert_never_touches_a_sibling_reports_folder_it_did_not_write(project):
    (project / "X" / "reports").mkdir(parents=True)
    (project / "X" / "reports" / "mine.txt").write_text("my notes")
    result = run("convert", "--docs", "X/out", cwd=project)
    _one_error(result, "X/reports")
    assert (project / "X" / "reports" / "mine.txt").read_text() == "my notes"
    assert sorted(p.name for p in (project / "X").iterdir()) == ["reports"]


def test_convert_refuses_to_replace_any_folder_it_did_not_write(project):
    (project / "mine").mkdir()
    (project / "mine" / "notes.txt").write_text("keep")
    result = run("convert", "--docs", "mine", cwd=project)
    assert "不是本程序生成的文件夹" in _one_error(result, "mine")
    assert (project / "mine" / "notes.txt").read_text() == "keep" and not (project / "reports").exists()


def test_convert_replaces_its_own_output_and_an_empty_folder(project):
    (project / "docs").mkdir()
    assert run("convert", cwd=project).returncode == 0
    assert (project / "docs" / MARKER).is_file() and (project / "reports" / MARKER).is_file()
    (project / "docs" / "stale.md").write_text("from an older run")
    assert run("convert", cwd=project).returncode == 0
    assert not (project / "docs" / "stale.md").exists()


@pytest.mark.parametrize("name", ["2019-02.TXT", "2019-2.txt", "2019-03.txt.bak", "notes.md", "2019-00.txt", "sub"])
def test_a_gazettes_entry_not_named_yyyy_nn_txt_is_an_error(project, name):
    if name == "sub":
        (project / "gazettes" / name).mkdir()
    else:
        (project / "gazettes" / name).write_text("x")
    result = run("convert", cwd=project)
    assert "YYYY-NN.txt" in _one_error(result, f"gazettes/{name}")
    assert not (project / "docs").exists() and not (project / "reports").exists()


def test_a_symlink_in_gazettes_is_refused_and_nothing_is_published(project):
    (project / "gazettes" / "2019-03.txt").symlink_to("/etc/passwd")
    result = run("convert", cwd=project)
    assert "符号链接" in _one_error(result, "gazettes/2019-03.txt")
    assert not (project / "docs").exists()


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "/dev/null"])
def test_fifos_and_devices_are_refused_at_once(tmp_path, special):
    path = special
    if special == "fifo":
        path = str(tmp_path / "2019-03.txt")
        os.mkfifo(path)
    started = time.monotonic()
    result = run("parse", path, cwd=tmp_path, timeout=20)
    _one_error(result, path)
    assert time.monotonic() - started < 15


def test_a_source_over_the_size_limit_is_refused(tmp_path):
    from gazette.parse.normalize import MAX_SOURCE_BYTES

    path = tmp_path / "2019-03.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_SOURCE_BYTES + 1)  # sparse: costs no disk
    result = run("parse", str(path), cwd=tmp_path)
    assert "MB" in _one_error(result, str(path))


def test_two_sources_of_the_same_issue_are_an_error_and_nothing_is_written(project):
    shutil.copy(SAMPLE, project / "gazettes" / "2019-03.txt")  # prints 第2号 too
    result = run("convert", cwd=project)
    message = _one_error(result, "gazettes/2019-03.txt")
    assert "gazettes/2019-02.txt" in message and "2019年第2号" in message
    assert not (project / "docs").exists() and not (project / "reports").exists()


def test_stale_temporary_folders_of_dead_processes_are_removed_live_ones_kept(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".site.new-{dead.stdout.strip()}-abc"
    stale.mkdir()
    (stale / "index.html").write_text("half")
    stale_config = tmp_path / f".mkdocs.new-{dead.stdout.strip()}-x.yml"
    stale_config.write_text("INHERIT: mkdocs.yml\n")
    running = tmp_path / f".pagefind.new-{os.getppid()}-abc"
    running.mkdir()
    foreign = tmp_path / ".site.keep"
    foreign.mkdir()
    assert sorted(remove_stale(tmp_path)) == sorted([stale, stale_config])
    assert running.exists() and foreign.exists()


def test_a_full_disk_names_the_file_and_keeps_the_old_output(project, monkeypatch):
    monkeypatch.chdir(project)
    monkeypatch.setenv("GAZETTE_CACHE", "off")
    assert main(["convert"]) == 0
    before = _snapshot(project / "docs")
    real = Path.write_text

    def full(self, *args, **kwargs):
        if self.name.endswith(".md") and self.name != "index.md":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    errors = []
    monkeypatch.setattr(sys, "stderr", type("E", (), {"write": lambda self, s: errors.append(s), "flush": lambda self: None})())
    assert main(["convert"]) == 1
    message = "".join(errors)
    assert message.startswith("error: docs/") and "No space left on device" in message and ": :" not in message
    assert _snapshot(project / "docs") == before
    assert not [p for p in project.iterdir() if ".new-" in p.name]


@pytest.mark.parametrize("count", ["0", "-1", "99999999999999999999", "100001", "many"])
def test_bench_refuses_a_document_count_out_of_range_as_a_usage_error(tmp_path, count):
    result = run("bench", f"--documents={count}", "--no-search", cwd=tmp_path)
    assert result.returncode == 2 and "--documents" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_bench_never_deletes_a_workdir_it_did_not_create(tmp_path):
    (tmp_path / "work" / "project").mkdir(parents=True)
    (tmp_path / "work" / "project" / "mine.txt").write_text("keep")
    result = run("bench", "--documents", "1", "--no-search", "--workdir", str(tmp_path / "work"), cwd=tmp_path)
    _one_error(result, str(tmp_path / "work"))
    assert (tmp_path / "work" / "project" / "mine.txt").read_text() == "keep"


@pytest.fixture(scope="module")
def built_repo(tmp_path_factory) -> Path:
    repo = fresh_copy(tmp_path_factory.mktemp("repo"))
    assert run_build(repo).returncode == 0
    return repo


def _outputs(repo: Path) -> dict:
    return {name: tree_digests(repo / name) for name in ("docs", "reports", "site")}


def test_a_failing_mkdocs_build_replaces_nothing_and_prints_no_traceback(built_repo):
    repo = built_repo
    before = _outputs(repo)
    source = repo / "gazettes" / "2019-02.txt"
    original = source.read_text(encoding="utf-8")
    hooks = repo / "hooks" / "gazette_hooks.py"
    saved = hooks.read_text()
    source.write_text(original.replace("三门峡市人民政府关于表彰", "三门峡市政府关于表彰"), encoding="utf-8")
    hooks.write_text(saved + "\n\ndef on_post_build(config, **kwargs):\n    raise OSError(28, 'No space left on device')\n")
    try:
        result = run_build(repo)
    finally:
        source.write_text(original, encoding="utf-8")
        hooks.write_text(saved)
    assert "mkdocs build --strict" in _one_error(result, "mkdocs.yml")
    assert _outputs(repo) == before
    assert not [p.name for p in repo.iterdir() if ".new-" in p.name or ".old-" in p.name]


def test_a_killed_build_changes_nothing_and_the_next_run_cleans_up(built_repo):
    repo = built_repo
    before = _outputs(repo)
    env = {**os.environ, "PYTHONPATH": str(repo), "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.Popen([sys.executable, "-m", "gazette", "build"], cwd=repo, env=env, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not [p for p in repo.iterdir() if p.name.startswith(".site.new-")] and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(build.pid, 9)
    build.wait()
    left = [p.name for p in repo.iterdir() if ".new-" in p.name]
    assert left, "the build was killed before it staged anything"
    assert _outputs(repo) == before
    assert run(*["convert"], cwd=repo).returncode == 0
    assert not [p.name for p in repo.iterdir() if ".new-" in p.name or ".old-" in p.name]
