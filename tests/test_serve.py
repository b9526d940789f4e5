"""``gazette serve``: the built site with its search index, served on 127.0.0.1 and rebuilt when a source changes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

import pytest

from gazette.build.search_index import FOLDER as SEARCH
from tests.repo_copy import fresh_copy

pytestmark = pytest.mark.build


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(process, text: str, seconds: float) -> str:
    """Lines printed by ``process`` until one contains ``text``."""
    seen = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        if text in line:
            return "".join(seen)
    raise AssertionError(f"no line with {text!r} within {seconds} s: {''.join(seen)}")


def test_serve_builds_serves_search_and_rebuilds_on_change(tmp_path):
    repo = fresh_copy(tmp_path / "project")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "gazette", "serve", "--port", str(port)], cwd=repo, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        _wait_for(process, f"http://127.0.0.1:{port}/", 300)
        home = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read().decode()
        assert "gazette-search.js" in home
        assert any((repo / "site" / SEARCH).iterdir())
        first = (repo / "site" / "index.html").stat().st_ino
        source = repo / "gazettes" / "2019-02.txt"
        source.write_bytes(source.read_bytes())  # saved again: a change of time is a change
        os.utime(source, (time.time() + 5, time.time() + 5))
        _wait_for(process, "已构建网站", 300)
        assert (repo / "site" / "index.html").stat().st_ino != first
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/2019/2/", timeout=10).status == 200
    finally:
        process.terminate()
        process.wait(timeout=30)
