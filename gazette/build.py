"""``build``: convert, then ``mkdocs build --strict`` into a fresh site/ swapped in when complete."""

from __future__ import annotations

import subprocess
import sys

from gazette.convert import convert, default_sources, report_dir, write
from gazette.errors import GazetteError
from gazette.write import staging_dir, swap_in

SITE = "site"


def build(offline: bool = False, docs: str = "docs") -> int:
    files = default_sources()
    if not files:
        raise GazetteError("gazettes/", "no issue texts to build (expected gazettes/YYYY-NN.txt)")
    conversion = convert(files)
    for file, coverage in conversion.coverage.items():
        if not coverage.complete:
            raise GazetteError(file, "the output would not hold every character of the text; "
                               + coverage.summary())
    write(conversion, docs)
    from gazette.cli import _summary

    _summary(conversion, docs, report_dir(docs))
    staging = staging_dir(SITE)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                             "--site-dir", str(staging)])
    if result.returncode != 0:
        import shutil

        shutil.rmtree(staging, ignore_errors=True)
        raise GazetteError("mkdocs.yml", "mkdocs build --strict failed; the previous site/ is kept")
    from pathlib import Path

    swap_in(staging, Path(SITE))
    print(f"built the site into {SITE}/")
    if offline:
        raise GazetteError("build", "--offline is not available yet")
    return 0
