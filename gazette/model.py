"""The document model: frozen dataclasses only.

A parsed issue is a :class:`Gazette`: its :class:`Issue` facts, the masthead
(:class:`gazette.model_masthead.Masthead`), the 目录
(:class:`TocEntry`) and the official documents (:class:`Document`), each with a body made
of blocks. Every block remembers the source line it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:  # model_masthead builds on _Dict below: importing it back at run time would be a cycle
    from gazette.model_masthead import Masthead


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


class _Dict:
    """Mixin: ``to_dict()`` gives plain JSON-ready data, with ``kind`` for body blocks."""

    kind: str = ""

    def to_dict(self) -> dict:
        data = {"kind": self.kind} if self.kind else {}
        for item in fields(self):  # type: ignore[arg-type]
            data[item.name] = _plain(getattr(self, item.name))
        return data


@dataclass(frozen=True)
class Paragraph(_Dict):
    """A paragraph of running text (正文), possibly joined across a page break."""

    text: str
    """The text as printed, page-break splits joined."""
    line: int
    """First source line."""
    role: str | None = None
    """``addressees`` (主送机关), ``attachment-note`` (附件说明), ``note`` (附注),
    ``lead`` (a ——lead-in), ``source`` (a 解读's 政策文件 line), ``number`` (发文字号),
    ``header`` (发文机关标志), ``label`` (附件 label) or ``None``."""
    kind = "paragraph"


@dataclass(frozen=True)
class Cell(_Dict):
    """One table cell."""

    text: str
    """The text as printed; for a merged cell, the text of the cell it continues."""
    merged: bool = False
    """True when the printed cell was empty because the cell above spans it (合并单元格)."""


@dataclass(frozen=True)
class Table(_Dict):
    """A table from tab-separated lines; the first row is the header."""

    header: tuple[str, ...]
    """Column headings."""
    rows: tuple[tuple[Cell, ...], ...]
    """Body rows, every row as wide as the header."""
    line: int
    """Source line of the header."""
    kind = "table"


@dataclass(frozen=True)
class ListItem(_Dict):
    """One entry of a numbered list."""

    number: int
    """The printed number."""
    text: str
    """The entry text."""
    line: int
    """Source line."""


@dataclass(frozen=True)
class OrderedList(_Dict):
    """A run of short consecutively numbered lines (e.g. the 134 companies)."""

    items: tuple[ListItem, ...]
    """The entries, in printed order."""
    line: int
    """Source line of the first entry."""
    kind = "list"


@dataclass(frozen=True)
class Signature(_Dict):
    """发文机关署名 and 成文日期."""

    issuers: tuple[str, ...]
    """The signing organs as printed, one per line; empty when only the date is printed."""
    date: date | None
    """成文日期 as a date."""
    date_text: str
    """The date as printed."""
    line: int
    """Source line of the first signature line."""
    kind = "signature"


@dataclass(frozen=True)
class Section(_Dict):
    """A unit opened by a structure marker (第一章, 第三条, 一、, （一）, 1., （1）)."""

    marker: str
    """Marker kind: chapter, division, article, section, clause, item, subitem, circled."""
    label: str
    """The marker as printed: ``第三条``, ``（一）``."""
    number: int
    """The marker's ordinal."""
    heading: str | None
    """A short title after the marker (``总则``, ``指导思想``), or None."""
    text: str | None
    """Running text after the marker when it is prose rather than a title."""
    anchor: str
    """Stable HTML id, unique in the document (``art-3``, ``sec-1-2``)."""
    line: int
    """Source line of the marker."""
    children: tuple[Block, ...] = ()
    """Blocks nested under this unit."""
    kind = "section"

    @property
    def gap(self) -> str:
        """What stands between the marker and its words when shown: a space after 第X章/条/节 and ``1.``,
        none after ``一、`` or ``（一）``, whose punctuation already separates them."""
        return " " if self.label[-1] in "章节条.．" else ""

    @property
    def marker_line(self) -> str:
        """The marker's printed line as one text: ``第一条 为了……``, ``（一）指导思想``."""
        return self.label + self.gap + (self.heading or self.text or "")


@dataclass(frozen=True)
class Part(_Dict):
    """A titled part after the signature: an enclosed policy (印发的文件) or an attachment (附件)."""

    role: str
    """``policy`` or ``attachment``."""
    title: str
    """The part's title, stray spaces removed."""
    label: str | None
    """The label printed before an attachment's title (``附件``, ``附 件``, ``附件2``)."""
    anchor: str
    """Stable HTML id (``part-1``, ``att-1``)."""
    line: int
    """Source line of the title."""
    children: tuple[Block, ...] = ()
    """The part's content."""
    title_text: str = ""
    """The title exactly as printed (may hold letter spacing)."""
    kind = "part"


Block = Union[Paragraph, Table, OrderedList, Signature, Section, Part]


def walk(blocks: Iterable[Block], depth: int = 0) -> Iterator[tuple[Block, int]]:
    """Every block of a body in reading order, each with its depth (0 for the body's own blocks).

    A unit comes before what is nested under it, so a walk reads the text top to bottom as printed.
    """
    for block in blocks:
        yield block, depth
        if isinstance(block, (Section, Part)):
            yield from walk(block.children, depth + 1)


@dataclass(frozen=True)
class Join(_Dict):
    """A paragraph that the extraction split across a page break, joined again."""

    line: int
    """Source line of the first fragment."""
    next_line: int
    """Source line of the continuation."""
    before: str
    """The last characters before the break."""
    after: str
    """The first characters after the break."""


@dataclass(frozen=True)
class Furniture(_Dict):
    """A line of page furniture (版面元素) taken out of the text: a running header or a page number."""

    line: int
    """Source line."""
    text: str
    """The line as printed."""
    category: str
    """``page-number``, ``running-header`` (gazette name, issue), ``section-header`` (section name) or
    ``imprint`` (版权页 lines after the last document: the issue's, read into the masthead)."""
    page: int | None
    """The page number it prints, if any."""


@dataclass(frozen=True)
class Issue(_Dict):
    """One printed issue (期) of the gazette."""

    year: int
    """Publication year."""
    no: int
    """Issue number within the year (第2号)."""
    total: int | None
    """Running number since the first issue (总第157号)."""
    date: date | None
    """出版日期."""
    title: str
    """The gazette's name as printed on the cover."""
    unit: str = "号"
    """How the cover counts issues: 第2号 or 第5期."""
    numbers: tuple[int, ...] | None = None
    """Both numbers of a combined issue (第5、6期); ``no`` is the first."""

    def to_dict(self) -> dict:
        data = super().to_dict()
        for name, default in (("unit", "号"), ("numbers", None)):
            if data[name] == default:
                del data[name]  # an issue numbered 第N号 keeps the shape it always had
        return data

    @property
    def label(self) -> str:
        """The issue as its cover prints it: ``2019年第2号（总第157号）``, ``2019年第5、6期（总第1013期）``."""
        numbers = "、".join(str(n) for n in self.numbers) if self.numbers else str(self.no)
        total = f"（总第{self.total}{self.unit}）" if self.total else ""
        return f"{self.year}年第{numbers}{self.unit}{total}"


@dataclass(frozen=True)
class TocEntry(_Dict):
    """One line of the 目录."""

    section: str | None
    """The section it is printed under, without 【】."""
    title: str
    """The title, stray spaces removed."""
    page: int
    """The printed first page."""
    line: int
    """Source line."""


@dataclass(frozen=True)
class Attachment(_Dict):
    """One 附件 of a document: named by the 附件说明, printed after the signature, or both."""

    title: str
    """The attachment's title."""
    anchor: str | None
    """HTML id of the printed attachment (``att-1``); None when it is named but not printed."""


@dataclass(frozen=True)
class DocumentLink(_Dict):
    """A reference to another document of the archive: one of its 解读, or a document citing it."""

    title: str
    """The linked document's title."""
    number: str | None
    """Its 发文字号, canonical."""
    url: str
    """Its page, relative to the site root."""


@dataclass(frozen=True)
class Document(_Dict):
    """One official document (公文) or interpretation (政策解读)."""

    title: str
    """标题, stray spaces removed."""
    number: str | None
    """发文字号, canonical (``三政办〔2018〕41号``)."""
    date: date | None
    """成文日期."""
    issuer: str | None
    """发文机关."""
    type: str | None
    """文种: one of the 15 types, or ``解读``."""
    section: str | None
    """The 目录 section it is printed in."""
    page: int | None
    """First printed page."""
    pages: tuple[int, int] | None
    """First and last printed page."""
    addressees: tuple[str, ...]
    """主送机关."""
    attachments: tuple[Attachment, ...]
    """附件: each attachment the 附件说明 names or the document prints."""
    interprets: str | None
    """On a 解读: the 文号 of the document it explains."""
    cites: tuple[str, ...]
    """Every other 文号 the text mentions, in order of first mention."""
    slug: str
    """URL segment derived from the 文号 (``sz-2018-29``)."""
    body: tuple[Block, ...]
    """The content, from the title down, as blocks."""
    line: int
    """Source line of the title."""
    end_line: int
    """Last source line of the document."""
    title_lines: tuple[int, ...] = ()
    """Source lines that hold the title."""
    number_text: str | None = None
    """The 文号 as printed."""
    source_title: str | None = None
    """On a 解读: the title of the document it explains, as printed after 政策文件."""
    interpretations: tuple[DocumentLink, ...] = ()
    """On a source document: its 解读 (filled by the archive)."""
    toc_line: int | None = None
    """Source line of the 目录 entry this document was found by."""
    cited_by: tuple[DocumentLink, ...] = ()
    """The documents that cite this one (filled by the archive)."""


@dataclass(frozen=True)
class Gazette(_Dict):
    """The result of parsing one source file."""

    file: str
    """The source file."""
    issue: Issue | None
    """None for a standalone document."""
    masthead: Masthead | None
    """The 刊头 facts; None for a standalone document."""
    toc: tuple[TocEntry, ...]
    """The 目录."""
    documents: tuple[Document, ...]
    """The documents in printed order."""
    joins: tuple[Join, ...] = ()
    """Page-break splits that were joined."""
    warnings: tuple = field(default_factory=tuple)
    """:class:`gazette.errors.Warning` items."""
    body_start: int = 1
    """First source line after the cover, 目录 and masthead."""
    furniture: tuple[Furniture, ...] = ()
    """Page furniture removed from the text (running headers, page numbers)."""

    def to_dict(self) -> dict:
        data = super().to_dict()
        if not self.furniture:
            del data["furniture"]  # most texts have none; their JSON stays as it was
        return data
