"""The two search indexes: Pagefind's for the online site, Material's for the offline archive.

Material's index: Python's ``json.dump`` escapes every Han character as ``\\uXXXX`` (6 bytes
instead of 3); rewriting it with ``ensure_ascii=False`` halves it and gives identical results.
Pagefind's index: built from the search pages of :mod:`gazette.site.search_text`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from gazette.errors import GazetteError
from gazette.build.write import replace_file

INDEX = Path("search") / "search_index.json"


def compact_search_index(site_dir: str) -> None:
    path = Path(site_dir) / INDEX
    if not path.exists():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    replace_file(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


PAGEFIND_DIR = "pagefind"
"""The folder of the site that holds Pagefind's index and script (``overrides/assets/javascripts/gazette-search.js`` loads it)."""
_PAGEFIND_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
"""Pagefind's own search widgets: the site drives Material's search box with pagefind.js instead."""


def start_pagefind(pages: str | Path, output: str | Path) -> subprocess.Popen:
    """Start indexing the search pages (:mod:`gazette.site.search_text`) into ``output``; returns at once.

    The extended binary (PyPI ``pagefind[extended]``) segments Chinese words, so 债务管理
    matches 债务 and 管理 as the reader expects.
    """
    if not Path(pages).is_dir():
        raise GazetteError(str(pages), "no search pages to index; run `python -m gazette convert` first")
    return subprocess.Popen([sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(output),
                             "--force-language", "zh", "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def drop_unused_pagefind_files(site_dir: str | Path) -> None:
    """Remove Pagefind's own widgets: the site drives Material's search box with pagefind.js."""
    for name in _PAGEFIND_UNUSED:
        (Path(site_dir) / PAGEFIND_DIR / name).unlink(missing_ok=True)
