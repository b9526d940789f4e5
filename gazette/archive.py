"""The archive: every parsed issue together, with the links that cross documents.

Fills ``interpretations`` (a source's 解读) and ``cited_by`` (who cites a document), and
reports what only the whole archive can tell: a 文号 printed in two places, a 解读 whose
source document is in no issue.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from gazette.errors import Warning
from gazette.model import Document, DocumentLink, Gazette
from gazette.paths import document_url


@dataclass(frozen=True)
class Archive:
    """All parsed issues, linked."""

    gazettes: tuple[Gazette, ...]
    """The issues (and standalone documents), newest first."""
    by_number: dict
    """文号 → (gazette, document) of the first document printed with it."""
    warnings: tuple[Warning, ...]
    """Archive-level problems."""

    def documents(self):
        for gazette in self.gazettes:
            for document in gazette.documents:
                yield gazette, document

    def resolve(self, number: str) -> str | None:
        """The URL path of the document with this 文号, or None when the archive lacks it."""
        hit = self.by_number.get(number)
        return document_url(*hit) if hit else None


def issue_key(gazette: Gazette) -> tuple:
    issue = gazette.issue
    return (issue.year, issue.no) if issue else (0, 0)


def build_archive(gazettes: list[Gazette]) -> Archive:
    ordered = sorted(gazettes, key=issue_key, reverse=True)
    chronological = list(reversed(ordered))
    warnings: list[Warning] = []
    owner: dict[str, tuple[Gazette, Document]] = {}
    for gazette in chronological:
        for document in gazette.documents:
            if not document.number:
                continue
            if document.number not in owner:
                owner[document.number] = (gazette, document)
                continue
            first_gazette, first = owner[document.number]
            if first_gazette is not gazette:  # the same issue is reported by the parser
                warnings.append(Warning(gazette.file, document.line, "duplicate-number",
                                        f"文号 {document.number} 也印在 {first_gazette.file}:{first.line}"
                                        f"（「{first.title}」），两处都保留"))
    interpretations: dict[str, list[DocumentLink]] = {}
    cited_by: dict[str, list[DocumentLink]] = {}
    for gazette in chronological:
        for document in gazette.documents:
            entry = DocumentLink(document.title, document.number, document_url(gazette, document))
            if document.interprets:
                interpretations.setdefault(document.interprets, []).append(entry)
                if document.interprets not in owner:
                    warnings.append(Warning(gazette.file, document.line, "source-missing",
                                            f"本解读所依据的文件 {document.interprets} 尚不在本库任何一期中；"
                                            "该期加入后自动链接"))
            for number in document.cites:
                if number != document.interprets:
                    cited_by.setdefault(number, []).append(entry)
    linked = []
    by_number = {}
    for gazette in ordered:
        documents = []
        for document in gazette.documents:
            owns = document.number and owner[document.number][1] is document
            document = replace(
                document,
                interpretations=tuple(interpretations.get(document.number, [])) if owns else (),
                cited_by=tuple(cited_by.get(document.number, [])) if owns else (),
            )
            documents.append(document)
        gazette = replace(gazette, documents=tuple(documents))
        linked.append(gazette)
        for document in gazette.documents:
            if document.number and owner[document.number][0].file == gazette.file \
                    and owner[document.number][1].line == document.line:
                by_number[document.number] = (gazette, document)
    return Archive(tuple(linked), by_number, tuple(warnings))
