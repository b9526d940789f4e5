"""The search index written by Material, made smaller for Chinese.

Python's ``json.dump`` escapes every Han character as ``\\uXXXX`` (6 bytes instead of 3);
rewriting the index with ``ensure_ascii=False`` halves it and gives identical results.
"""

from __future__ import annotations

import json
from pathlib import Path

from gazette.write import replace_file

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


EXCLUDED = ".headerlink, .gz-trail, .gz-meta, .gz-box, .gz-outline, .gz-relations"
"""Parts of a document page that Pagefind does not index: the ¶ of each heading, and the breadcrumb,
metadata panel, 解读 boxes, outline and relations, which repeat the titles and 文号 of other documents
(a selector list here rather than attributes on thousands of pages)."""


def pagefind_index(site_dir: str | Path) -> None:
    """Index the built online site with Pagefind into ``site_dir/pagefind``.

    Only the elements marked ``data-pagefind-body`` (the document pages) are indexed. The
    extended binary (PyPI ``pagefind[extended]``) segments Chinese words, so 债务管理 matches
    债务 and 管理 as the reader expects.
    """
    import subprocess
    import sys

    from gazette.errors import GazetteError

    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir",
                             PAGEFIND_DIR, "--force-language", "zh", "--exclude-selectors", EXCLUDED, "--quiet"], capture_output=True, text=True)
    if result.returncode != 0:
        raise GazetteError(str(site_dir), "pagefind could not index the site: " + (result.stderr or result.stdout).strip())
    for name in _PAGEFIND_UNUSED:
        (Path(site_dir) / PAGEFIND_DIR / name).unlink(missing_ok=True)
