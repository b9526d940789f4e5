"""The warm-up index (检索预热): ``search/warm.js``, a tiny index that the browser searches once, in memory,
when the search box opens.

A reader's first query in a fresh page used to pay for the engine's code running for the first time
(parsed, compiled, its caches and type feedback empty): with the query's files already loaded, a first run
took a median of 31 ms at 4× CPU throttling against 3 ms for the same query again (README, 检索实测). So
when the box opens, gazette-search.js runs ``QUERIES`` over this index with a throwaway engine, while the
reader types.

The documents are synthetic and never shown: a few short notices with the parts a search meets (a 文号,
addressees, articles, an item list, a table of names), enough that common terms take the engine's path for
large result sets, and naming no city (the site's identity lives in gazette.yml). The index is written by the site's own :class:`~gazette.build.search_index.Writer`, so it
has the real files' shape, and packed into one script.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from gazette.model import Cell, Document, Gazette, Issue, Paragraph, Section, Table

FILE = "warm"
NUMERALS = "一二三四五六"
DOCUMENTS = len(NUMERALS)
QUERIES = ["管理", "市", "市政〔2018〕5", "关于加强第三项管理工作的通知", "（一） 企业", "制定本办法。", "有限公司"]
"""What the throwaway engine searches: a common word, one character, a 文号 short form, a title, two words,
a phrase with punctuation, a part of the names; the engine's paths for each kind of query."""


def _document(n: int) -> Document:
    number = f"市政〔2018〕{n}号"
    body = (
        Paragraph(f"市政〔2018〕{n} 号", 2, "number"),
        Paragraph("各县（市、区）人民政府，市人民政府各部门：", 3, "addressees"),
        Section("article", "第一条", 1, None, f"为加强第{n}项管理工作，制定本办法。", "art-1", 4,
                (Paragraph("（一）企业按月报送。", 5),)),
        Table(("序号", "企业名称"), ((Cell("1"), Cell(f"第{n}实业有限公司")),), 6),
    )
    return Document(title=f"关于加强第{NUMERALS[n - 1]}项管理工作的通知", number=number,
                    date=date(2018, 12, n), issuer="市人民政府", type="通知", section="市政府文件", page=n,
                    pages=(n, n), addressees=(), attachments=(), interprets=None, cites=(), slug=f"warm-{n}",
                    body=body, line=1, end_line=7)


def write_warm(folder: Path, directory_urls: bool = True) -> None:
    """Index the synthetic documents in a scratch folder and write its files, packed, as ``warm.js``."""
    from gazette.build.search_index import Writer, read_script, script

    documents = [_document(n) for n in range(1, DOCUMENTS + 1)]
    gazette = Gazette("warm.txt", Issue(2019, 1, None, date(2019, 1, 1), "公报"), None, (), tuple(documents))
    with tempfile.TemporaryDirectory(prefix="gazette-warm-") as scratch:
        writer = Writer(Path(scratch), directory_urls)
        try:
            for document in documents:
                writer.add(gazette, document)
            writer.finish()
        finally:
            writer.abandon()
        files = dict(read_script(path.read_text(encoding="utf-8")) for path in sorted(Path(scratch).rglob("*.js")))
    Path(folder, f"{FILE}.js").write_text(script(FILE, {"files": files, "queries": QUERIES}), encoding="utf-8")

