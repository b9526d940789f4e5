"""``bench``: how the archive scales (规模基准). A benchmark script, not a timed test.

Stages, each a function below:

1. a project folder with this repository's configuration and templates, and a synthetic archive of
   at least N documents made from the sample issue (:mod:`gazette.synthetic`);
2. ``python -m gazette convert`` twice in it (cold parse cache, then warm), then the site build
   (``mkdocs build --strict`` + the search index, as ``python -m gazette build`` does it), each a child
   process: wall time, and the peak resident memory of the largest process;
3. the bytes a browser transfers from opening the home page to the first results for 债务, over
   HTTP from 127.0.0.1 in headless Chromium (Chrome DevTools' encoded data length: headers included,
   no gzip, as Python's http.server sends files);
4. with ``--baseline``, the same documents built with Material's defaults (search plugin, automatic
   navigation of every page, no hooks or templates) into another folder, measured the same way.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from gazette.bench_search import browser_figures, index_figures, query_set
from gazette.build.write import MARKER, check_replaceable
from gazette.errors import GazetteError
from gazette.synthetic import write_issues

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("gazette.yml", "mkdocs.yml", "mkdocs-offline.yml", "overrides", "hooks")
"""What a build reads besides the package and the issue texts."""
QUERY = "债务"
SAMPLE = ROOT / "gazettes" / "2019-02.txt"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
"""The browser the benchmark and the tests drive: Debian's Chromium unless $CHROMIUM names another
(e.g. on macOS ``/Applications/Chromium.app/Contents/MacOS/Chromium``)."""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
BASELINE_CONFIG = "site_name: 三门峡市人民政府公报\ndocs_dir: docs\ntheme:\n  name: material\n"
"""Material's defaults: its search plugin (enabled when no plugins are listed), every page in the navigation."""


def bench(documents: int, baseline: bool = False, search: bool = True, workdir: str | None = None,
          search_only: bool = False) -> dict:
    """Build a synthetic archive of at least ``documents`` documents and measure it; return the figures.

    With ``search_only``, only parse, index and query (:mod:`gazette.bench_search`): the search index of the
    whole archive is put into the site of one issue, whose pages are all a query needs."""
    work = Path(workdir or tempfile.mkdtemp(prefix="gazette-bench-")).resolve()
    claim_workdir(work)
    project = make_project(work / "project", documents)
    if search_only:
        return search_bench(work, project, search)
    figures: dict = {"documents": 0, "issues": len(list((project / "gazettes").glob("*.txt")))}
    figures["convert_s"], _ = _timed(project, [sys.executable, "-m", "gazette", "convert"])
    figures["convert_warm_s"], _ = _timed(project, [sys.executable, "-m", "gazette", "convert"])
    figures["build_s"], build_rss = _timed(project, [sys.executable, "-c",
                                                    "from gazette.build.pipeline import build_site; build_site('site')"])
    figures["total_s"] = round(figures["convert_s"] + figures["build_s"], 2)
    docs, site = project / "docs", project / "site"
    figures["documents"] = sum(1 for page in docs.glob("[0-9]*/*/*.md") if page.name != "index.md")
    figures["markdown_bytes"] = _bytes(docs, "*.md")
    figures["site_bytes"] = _bytes(site)
    figures["site_to_markdown"] = round(figures["site_bytes"] / figures["markdown_bytes"], 2)
    figures["site_dir"] = str(site)
    figures["search_first_query_bytes"] = first_query_bytes(site) if search else None
    figures["peak_rss_mb"] = round(build_rss / 1024, 1)
    figures["search"] = index_figures(project, work / "index", _env())
    if search:
        figures["search"].update(browser_figures(site, query_set(SAMPLE)))
    if baseline:
        base = figures["baseline"] = baseline_build(work / "baseline", docs, search)
        figures["ratios"] = {
            "site_smaller": round(base["site_bytes"] / figures["site_bytes"], 1),
            "build_faster": round(base["build_s"] / figures["build_s"], 1),
            "search_smaller": (round(base["search_bytes"] / figures["search_first_query_bytes"], 1)
                               if search else None),
        }
    return figures


# --- 1. the project --------------------------------------------------------------------------

def claim_workdir(work: Path) -> None:
    """Use ``work`` only if it is new, empty or an earlier benchmark's: its project/ and baseline/ are replaced."""
    check_replaceable(work)
    try:
        work.mkdir(parents=True, exist_ok=True)
        (work / MARKER).write_text("gazette bench\n", encoding="utf-8")
    except OSError as exc:
        raise GazetteError(str(work), f"无法创建工作文件夹（{exc.strerror or exc}）") from None


def make_project(project: Path, documents: int) -> Path:
    """A folder with the site's configuration and the synthetic issues; the package comes from ROOT."""
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            shutil.copy2(source, project / name)
    write_issues(project / "gazettes", documents, SAMPLE)
    return project


def search_bench(work: Path, project: Path, search: bool) -> dict:
    """Parse (into the parse cache), index, and query the archive in the site of one issue."""
    figures: dict = {"issues": len(list((project / "gazettes").glob("*.txt")))}
    figures["parse_s"], figures["parse_peak_rss_mb"] = _timed(project, [
        sys.executable, "-c", "from gazette.build.cache import parse_all\n"
        "from gazette.build.convert import default_sources\nparse_all(default_sources())"])
    figures["parse_peak_rss_mb"] = round(figures["parse_peak_rss_mb"] / 1024, 1)
    index = work / "index"
    figures["search"] = index_figures(project, index, _env())
    figures["documents"] = figures["search"]["documents"]
    if search:
        small = make_project(work / "small", 1)
        _timed(small, [sys.executable, "-m", "gazette", "build"])
        shutil.rmtree(small / "site" / "search")
        shutil.copytree(index, small / "site" / "search")
        figures["search"].update(browser_figures(small / "site", query_set(SAMPLE)))
    return figures


# --- 2. timing ---------------------------------------------------------------------------------

def _env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GAZETTE_CACHE": ".cache/parse"}


def _timed(cwd: Path, command: list[str]) -> tuple[float, int]:
    """Run ``command`` in ``cwd``: (wall seconds, peak RSS in KiB of the largest process of its tree)."""
    with tempfile.TemporaryFile("w+") as output:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=_env(), stdout=output, stderr=subprocess.STDOUT, text=True)
        # wait4 gives the child's usage; on Linux its ru_maxrss also covers the children it waited for
        # (the parse workers), so this is the largest process of the tree.
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            output.seek(0)
            raise GazetteError(str(cwd), f"`{' '.join(command[2:])}` failed in the benchmark project:\n"
                               + output.read()[-4000:])
    return round(elapsed, 2), usage.ru_maxrss


def _bytes(folder: Path, pattern: str = "*") -> int:
    return sum(path.stat().st_size for path in folder.rglob(pattern) if path.is_file())


# --- 3. the first search -----------------------------------------------------------------------

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def first_query_bytes(site: Path, query: str = QUERY) -> int:
    """Bytes transferred from opening the home page to the first results for ``query``."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.set_default_timeout(600_000)
                cdp = page.context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                transferred = []
                cdp.on("Network.loadingFinished", lambda event: transferred.append(event["encodedDataLength"]))
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
                # Material's own search says 正在初始化 (Initializing) until its whole index is loaded; it runs
                # no query before. The baseline has Material's default language, English.
                page.wait_for_function("""() => {
                    const meta = document.querySelector('.md-search-result__meta');
                    return meta && !/初始化|Initializing/.test(meta.textContent);
                }""")
                page.locator(".md-search__input").click()
                page.keyboard.type(query)
                page.keyboard.press("End")
                page.wait_for_function("""() => {
                    const meta = document.querySelector('.md-search-result__meta');
                    return document.querySelector('.md-search-result__item')
                        || (meta && /没有找到|No matching/.test(meta.textContent));
                }""")
                page.wait_for_load_state("networkidle")
                return sum(transferred)
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()


# --- 4. the baseline ---------------------------------------------------------------------------

def baseline_build(folder: Path, docs: Path, search: bool) -> dict:
    """The same pages built with Material's defaults."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copytree(docs, folder / "docs")
    (folder / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    seconds, rss = _timed(folder, [sys.executable, "-m", "mkdocs", "build", "--quiet"])
    site = folder / "site"
    index = site / "search" / "search_index.json"
    return {"build_s": seconds, "site_bytes": _bytes(site), "site_dir": str(site),
            "search_index_bytes": index.stat().st_size if index.exists() else None,
            "search_bytes": first_query_bytes(site) if search else None,
            "peak_rss_mb": round(rss / 1024, 1)}


def report(figures: dict) -> str:
    """The figures as aligned lines of text."""
    lines = []
    for key, value in figures.items():
        if isinstance(value, dict):
            lines += [f"{key}.{inner}: {item}" for inner, item in value.items()]
        else:
            lines.append(f"{key}: {value}")
    return "\n".join(lines) + "\n"


def to_json(figures: dict) -> str:
    return json.dumps(figures, ensure_ascii=False)
