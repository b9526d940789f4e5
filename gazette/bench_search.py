"""``bench``, search part (检索基准): indexing time and memory, bytes and time of a reader's first query.

- Indexing runs alone in a child process (:func:`gazette.build.search_index.index_sources`, one parsed
  issue in memory at a time, from the parse cache that ``convert`` filled): wall time, peak RSS.
- In headless Chromium over HTTP/1.1 (127.0.0.1, Python's http.server: keep-alive, no gzip), for every query of a query set
  drawn from the sample issue, a fresh page is opened in its own browser context (empty caches, the
  engine's empty), the CPU is throttled 4× (Chrome DevTools' ``Emulation.setCPUThrottlingRate``), the search
  box's opening is done (it loads the head of the index and warms the engine on warm.js, as while a reader
  types; timed apart), and the query runs to its first page of verified results (as the search box shows
  it): the time in the page, and the bytes the query transferred (Resource Timing's transfer size, headers
  included). The page's own bytes and the opening's are reported apart, and the query is timed once more
  with its files loaded: the engine's own time, without the server's.
- The browser is driven over its DevTools pipe with nothing watching the network (:mod:`gazette.devtools`),
  as a reader's browser runs: Playwright's Network instrumentation costs each file of the index several
  events through its driver, which on a 2-core machine added about a third to a first query's time.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from gazette.errors import GazetteError

QUERY = "债务"
CPU_THROTTLING = 4
QUERIES = 100
_INDEX = ("import json, sys, time\n"
          "from pathlib import Path\n"
          "from gazette.build.search_index import index_sources\n"
          "start, cpu = time.perf_counter(), time.process_time()\n"
          "figures = index_sources(sorted(str(p) for p in Path('gazettes').glob('*.txt')), sys.argv[1])\n"
          "figures['index_s'] = round(time.perf_counter() - start, 2)\n"
          "figures['index_cpu_s'] = round(time.process_time() - cpu, 2)\n"
          "Path(sys.argv[2]).write_text(json.dumps(figures))\n")


def index_figures(project: Path, folder: Path, env: dict) -> dict:
    """Index the project's issues into ``folder`` in a child process: its figures, wall time and peak RSS."""
    if folder.exists():
        shutil.rmtree(folder)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "figures.json"
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", _INDEX, str(folder), str(out)], cwd=project, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status):
            raise GazetteError(str(project), "indexing failed in the benchmark project:\n" + child.stdout.read()[-4000:])
        figures = json.loads(out.read_text())
    figures["index_process_s"] = round(wall, 2)
    figures["index_peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)
    figures["index_bytes"] = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    figures["index_files"] = sum(1 for path in folder.rglob("*") if path.is_file())
    return figures


def query_set(sample: Path, count: int = QUERIES) -> list[str]:
    """Titles, 文号 and their short forms, words and substrings, several-word queries from the sample issue."""
    from gazette.parse import parse_file
    from gazette.site.search_text import body_blocks

    rng = random.Random(2400)
    documents = parse_file(str(sample)).documents
    queries = [QUERY, "挂牌", "本级", "团有限公司", "的", "人民政府", "关于印发"]
    for document in documents:
        queries.append(document.title)
        if document.number:
            queries += [document.number, document.number[:-1], document.number[document.number.index("〕") + 1:]]
    texts = [block.text for document in documents for block in body_blocks(document) if len(block.text) >= 8]
    while len(queries) < count - 15:
        text = rng.choice(texts)
        size = rng.randint(2, 8)
        # A block of exactly `size` characters is taken whole (randrange(0) would raise); the other draws
        # are as before, so the 100-query set behind the README's figures is unchanged.
        start = rng.randrange(len(text) - size) if len(text) > size else 0
        queries.append(text[start:start + size])
    while len(queries) < count:
        first, second = rng.sample(texts, 2)
        queries.append(f"{first[:rng.randint(2, 4)]} {second[-rng.randint(2, 4):]}")
    return list(dict.fromkeys(queries))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    # Keep-alive, as any real static server (and GitHub Pages' HTTP/2) serves a page's many small files;
    # HTTP/1.0 would open a connection, and start a server thread, for every file of the index.
    protocol_version = "HTTP/1.1"
    # TCP_NODELAY, as web servers set it: http.server writes a response's headers and body apart, and on a
    # kept-alive connection Nagle's algorithm holds the body until the browser's delayed ACK (40 ms).
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass


_OPEN = """async () => {
    const start = performance.now();
    await gzSearch.head();
    await gzSearch.warmed();
    return performance.now() - start;
}"""
"""What opening the search box does before the reader has typed: it loads the head of the index, and warms
the engine on the tiny index of warm.js (gazette/build/search_warm.py); the time both take."""
_RUN = """async q => {
    const start = performance.now();
    const found = await gzSearch.search(q);
    const page = await found.next(gzSearch.FIRST);  // the first page, as the search box shows it
    const ms = performance.now() - start;
    await found.next(10 - gzSearch.FIRST);  // and the results after it, up to ten
    const ten = performance.now() - start;
    // The same again, its files now loaded: the engine's own time, without the waits for the server.
    const again = performance.now();
    const repeat = await gzSearch.search(q);
    await repeat.next(gzSearch.FIRST);
    return {ms: ms, ten: ten, warm: performance.now() - again, shown: page.length, total: found.total};
}"""


_BYTES = """() => {
    const entries = performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"));
    return entries.reduce((sum, entry) => sum + entry.transferSize, 0);
}"""
"""Bytes the page has transferred so far (Resource Timing: body and headers, as it came over the wire)."""
_IDLE = """() => new Promise(resolve => {
    performance.setResourceTimingBufferSize(100000);
    let count = -1, quiet = 0;
    const look = deadline => {
        const now = performance.getEntriesByType("resource").length;
        quiet = now === count && deadline.timeRemaining() >= 40 ? quiet + 1 : 0;
        count = now;
        if (quiet >= 5) resolve(); else setTimeout(() => requestIdleCallback(look), 50);
    };
    requestIdleCallback(look);
})"""
"""Wait until the page is idle: no file loaded and an idle main thread (40 ms or more free), five times in a row
50 ms apart. A reader opens the search box after the page has settled, not while its scripts still start."""


def browser_figures(site: Path, queries: list[str]) -> dict:
    """First-query bytes and time in Chromium for every query, each in a fresh page; the page's own bytes."""
    from gazette.bench import CHROMIUM, CHROMIUM_ARGS
    from gazette.devtools import Browser

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    home = f"http://127.0.0.1:{server.server_address[1]}/"
    runs = []
    try:
        with Browser(CHROMIUM, CHROMIUM_ARGS) as browser:
            for query in queries:
                with browser.page(home) as page:
                    page.evaluate(_IDLE)
                    page.throttle(CPU_THROTTLING)
                    page.evaluate(_IDLE)  # throttled, the page has a little more to do before it is idle again
                    page_bytes = page.evaluate(_BYTES)
                    open_ms = page.evaluate(_OPEN)
                    page.evaluate(_IDLE)
                    open_bytes = page.evaluate(_BYTES) - page_bytes
                    result = page.evaluate(_RUN, query)
                    page.evaluate(_IDLE)
                    # Each query is the first of its page: its bytes include the opening's (head, warm-up).
                    runs.append({"query": query, "ms": result["ms"], "ten_ms": result["ten"], "warm_ms": result["warm"],
                                 "bytes": page.evaluate(_BYTES) - page_bytes,
                                 "open_bytes": open_bytes, "open_ms": open_ms, "results": result["total"]})
    finally:
        server.shutdown()
        server.server_close()
    return _summary(runs, page_bytes)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _summary(runs: list[dict], page_bytes: int) -> dict:
    times = [run["ms"] for run in runs]
    warm = [run["warm_ms"] for run in runs]
    ten = [run["ten_ms"] for run in runs]
    sizes = [run["bytes"] for run in runs]
    first = next(run for run in runs if run["query"] == QUERY)
    slowest = max(runs, key=lambda run: run["ms"])
    largest = max(runs, key=lambda run: run["bytes"])
    return {
        "queries": len(runs), "cpu_throttling": CPU_THROTTLING, "home_page_bytes": page_bytes,
        "open_search_bytes": first["open_bytes"],
        "open_search_ms_median": round(_percentile([run["open_ms"] for run in runs], 0.5), 1),
        "first_query_bytes": first["bytes"], "first_query_ms": round(first["ms"], 1),
        "query_bytes_median": int(_percentile(sizes, 0.5)), "query_bytes_p95": int(_percentile(sizes, 0.95)),
        "query_bytes_max": largest["bytes"], "query_bytes_max_query": largest["query"],
        "query_ms_median": round(_percentile(times, 0.5), 1), "query_ms_p95": round(_percentile(times, 0.95), 1),
        "query_ms_max": round(slowest["ms"], 1), "query_ms_max_query": slowest["query"],
        "ten_results_ms_median": round(_percentile(ten, 0.5), 1), "ten_results_ms_p95": round(_percentile(ten, 0.95), 1),
        "warm_query_ms_median": round(_percentile(warm, 0.5), 1), "warm_query_ms_p95": round(_percentile(warm, 0.95), 1),
    }
