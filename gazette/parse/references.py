"""Stage 5: ids and references beside the tree: slugs, cites, interpretations, backlinks.

Nothing here edits text. Slugs are derived from content (the 文号), so a document keeps
its URL when the issue is re-typeset.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

# Slugs need the initials of single characters (三政办 → szb); pypinyin's phrase dictionary,
# which takes most of its import time, is left unloaded.
os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
from pypinyin import Style, lazy_pinyin  # noqa: E402

from gazette.parse import markers as m
from gazette.errors import Warning
from gazette.model import Document, OrderedList, Paragraph, Part, Section, Table, walk

_NUMBER = re.compile(r"^(?P<code>.+)〔(?P<year>\d{4})〕(?P<seq>\d+)号$")


def initials(text: str) -> str:
    """Pinyin initials of the Han characters, ASCII letters and digits kept: 三政办 → szb."""
    letters = lazy_pinyin(text, style=Style.FIRST_LETTER, errors=lambda chars: list(chars))
    return re.sub(r"[^a-z0-9]", "", "".join(letters).lower())


def number_slug(number: str) -> str:
    """``三政〔2018〕29号`` → ``sz-2018-29``."""
    found = _NUMBER.match(number)
    if not found:
        order = re.match(r"^(?P<code>.+?)第(?P<seq>\d+)号$", number)
        if order:
            return f"{initials(order['code'])[:12]}-{order['seq']}"
        return initials(number)[:24] or "doc"
    return f"{initials(found['code']) or 'x'}-{found['year']}-{found['seq']}"


def base_slug(document: Document) -> str:
    if document.type == "解读":
        if document.interprets:
            return number_slug(document.interprets) + "-jd"
        return "jd-" + (initials(document.title)[:20] or "doc")
    if document.number:
        return number_slug(document.number)
    subject = document.title.split("关于", 1)[-1]
    stem = initials(subject)[:12] or "doc"
    return f"{stem}-{document.date.isoformat()}" if document.date else stem


def assign_slugs(documents, file: str, warnings: list[Warning]) -> list[Document]:
    """Give each document a slug, unique in its issue; report a 文号 printed twice."""
    taken: dict[str, Document] = {}
    out = []
    for document in documents:
        slug = base_slug(document)
        if slug in taken:
            first = taken[slug]
            if document.number and document.number == first.number:
                warnings.append(Warning(file, document.line, "duplicate-number",
                                        f"文号 {document.number} 印了两次：第 {first.line} 行"
                                        f"（「{first.title}」）和第 {document.line} 行（「{document.title}」）"))
            suffix = 2
            while f"{slug}-{suffix}" in taken:
                suffix += 1
            slug = f"{slug}-{suffix}"
        document = replace(document, slug=slug)
        taken[slug] = document
        out.append(document)
    return out


def normalized_numbers(documents, file: str) -> list[Warning]:
    """A warning for each 文号 printed other than in its canonical form (full-width digits, （） or [] for
    〔〕, spaces, leading zeros): the page and the data carry the canonical form, the text stays as printed."""
    warnings = []
    for document in documents:
        if not document.number or not document.number_text:
            continue
        printed = document.number_text.strip(" \u3000")
        if printed[:1] in "（(" and printed[-1:] in ")）":
            printed = printed[1:-1].strip(" \u3000")  # a 文号 in brackets under the title, as printed
        if printed == document.number or (printed.startswith("第") and document.number.endswith(printed)):
            continue  # an order's 第707号 under its title: cited as 中华人民共和国国务院令第707号
        line = next((block.line for block in document.body
                     if isinstance(block, Paragraph) and block.role == "number"), document.line)
        warnings.append(Warning(file, line, "number-normalized",
                                f"文号「{document.number_text}」按规范写法记为「{document.number}」"
                                "（全角数字、括号或空格已统一；正文按原样保留）"))
    return warnings


def texts(blocks):
    """Every text of a body, in reading order (for searching 文号 and for checks)."""
    for block, _ in walk(blocks):
        if isinstance(block, Paragraph):
            yield block.line, block.text
        elif isinstance(block, Section):
            yield block.line, " ".join(x for x in (block.label, block.heading, block.text) if x)
        elif isinstance(block, Part):
            yield block.line, block.title
        elif isinstance(block, Table):
            yield block.line, "\t".join(block.header)
            for offset, row in enumerate(block.rows, start=1):
                yield block.line + offset, "\t".join(cell.text for cell in row if not cell.merged)
        elif isinstance(block, OrderedList):
            for item in block.items:
                yield item.line, item.text


def with_cites(documents) -> list[Document]:
    """Fill ``cites``: every 文号 the text mentions other than the document's own."""
    out = []
    for document in documents:
        seen: list[str] = []
        for _, text in texts(document.body):
            for number in m.find_numbers(text):
                if number != document.number and number not in seen:
                    seen.append(number)
        out.append(replace(document, cites=tuple(seen)))
    return out
