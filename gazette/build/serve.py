"""``serve`` (本地预览): build the site, serve ``site/`` on 127.0.0.1, rebuild when the sources change.

The site is served as built, search included (unlike ``mkdocs serve``, which renders pages itself
and skips the project's build stages). A rebuild swaps the new ``site/`` in whole, so a reader never
sees half a site; a rebuild that fails keeps the previous site and reports the error.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from gazette.errors import GazetteError

WATCHED = ("gazettes", "gazette.yml", "mkdocs.yml", "overrides", "hooks")
"""What a rebuild depends on besides the package itself."""
POLL_SECONDS = 1.0
"""How often the sources are looked at: an editor saves a file, then looks at the browser."""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the console is for build messages, not one line per request
        pass


def snapshot(roots=WATCHED) -> dict[str, float]:
    """Modification time of every file under the watched paths."""
    times = {}
    for root in map(Path, roots):
        paths = [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file())
        for path in paths:
            try:
                times[str(path)] = path.stat().st_mtime
            except OSError:  # removed while we looked: the next snapshot sees it gone
                continue
    return times


def _built(built) -> str:
    archive = built.conversion.archive
    documents = sum(len(gazette.documents) for gazette in archive.gazettes)
    warnings = sum(len(gazette.warnings) for gazette in archive.gazettes) + len(archive.warnings)
    return (f"已构建网站 {built.site}/：{len(archive.gazettes)} 期，{documents} 篇文件，"
            f"警告 {warnings} 条（详见 {built.reports}/）")


def serve(port: int = 8000, watch: bool = True, site: str = "site") -> Iterator[str]:
    """Build, then serve until interrupted; yields one line per event for the command to print."""
    from gazette.build.pipeline import build

    yield _built(build())
    handler = functools.partial(_QuietHandler, directory=os.path.abspath(site))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"预览：http://127.0.0.1:{port}/（按 Ctrl+C 停止）"
    try:
        seen = snapshot()
        while True:
            time.sleep(POLL_SECONDS)
            if not watch:
                continue
            now = snapshot()
            if now == seen:
                continue
            seen = now
            yield "检测到改动，重新构建……"
            try:
                yield _built(build())
            except GazetteError as exc:
                yield f"error: {exc.message}（仍提供上一次构建的网站）"
    except KeyboardInterrupt:
        yield "已停止"
    finally:
        server.shutdown()
        server.server_close()
