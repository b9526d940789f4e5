"""Stage 3 for one document: head (标题, 发文字号, 主送机关), body, signature, parts.

A document is read top-down as GB/T 9704 lays it out: an optional 发文机关标志, the
title, the 发文字号, the 主送机关, the 正文, the 署名 and 成文日期, an optional 附注, then
what follows the signature: attachments (附件) and, in a notice that issues a policy
(印发…的通知), the policy itself. A 政策解读 carries a 政策文件 line instead of a 文号.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gazette.config import Layout
from gazette.parse import markers as m
from gazette.parse.anchors import Anchors
from gazette.parse.body import parse_blocks
from gazette.errors import Warning
from gazette.model import Block, Document, Join, Paragraph, Part, Signature
from gazette.parse.normalize import Line
from gazette.parse.text import clean_title, compact

MAX_TITLE_LINES = 4
POLICY_TITLE_MAX = 80
_QUOTED = re.compile(r"《([^《》]+)》")
_ISSUED = re.compile(r"(?:印发|转发|公布)(.+?)的(?:通知|决定)$")


@dataclass
class _Head:
    """What the top of a document gives, and where its body starts."""

    blocks: list[Block] = field(default_factory=list)
    title_lines: list[Line] = field(default_factory=list)
    title_text: str | None = None
    number: str | None = None
    number_text: str | None = None
    addressees: tuple[str, ...] = ()
    interprets: str | None = None
    source_title: str | None = None
    body_start: int = 0


def parse_document(file: str, lines: list[Line], title_lines: list[Line], warnings: list[Warning],
                   joins: list[Join], layout: Layout | None = None, section: str | None = None) -> Document:
    """Parse the lines of one document; ``title_lines`` may be empty (then they are found).

    ``section`` is the 目录 section it is printed in: a section of 人事任免 or 政策解读 gives the
    kind of a title that names no 文种."""
    layout = layout or Layout()
    head = _read_head(file, lines, title_lines, warnings)
    title = clean_title(head.title_text or "".join(line.text for line in head.title_lines))
    doc_type = m.document_type(title) or _kind_of_section(layout, section)
    anchors = Anchors()
    rest = lines[head.body_start:]
    signature_at = None if doc_type == "解读" else _find_signature(rest)
    blocks: list[Block] = list(head.blocks)
    if signature_at is None:
        body_lines, after, signature = rest, [], None
    else:
        first, last, signature = signature_at
        body_lines, after = rest[:first], rest[last + 1:]
    blocks.extend(parse_blocks(body_lines, anchors, joins))
    if signature:
        blocks.append(signature)
    expected = _expected_policies(title, blocks)
    blocks.extend(_read_after(after, expected, anchors, joins))
    organs = [name for name in (signature.issuers if signature else ()) if m.ORGAN.match(name)]
    issuer = organs[0] if organs else _issuer_from_title(title, doc_type) or _issuer_from_number(layout, head.number)
    attachments = _attachments(blocks)
    if not title:
        warnings.append(Warning(file, lines[0].number if lines else None, "no-title", "no title found"))
    return Document(
        title=title,
        number=head.number,
        date=signature.date if signature else None,
        issuer=issuer,
        type=doc_type,
        section=None,
        page=None,
        pages=None,
        addressees=head.addressees,
        attachments=attachments,
        interprets=head.interprets,
        cites=(),
        slug="",
        body=tuple(blocks),
        line=head.title_lines[0].number if head.title_lines else (lines[0].number if lines else 1),
        end_line=_last_text_line(lines),
        title_lines=tuple(line.number for line in head.title_lines),
        number_text=head.number_text,
        source_title=head.source_title,
    )


def _last_text_line(lines: list[Line]) -> int:
    for line in reversed(lines):
        if line.text:
            return line.number
    return lines[-1].number if lines else 1


def _next_text(lines: list[Line], index: int) -> int:
    while index < len(lines) and not lines[index].text:
        index += 1
    return index


def _title_like(text: str) -> bool:
    return (
        bool(text)
        and len(text) <= POLICY_TITLE_MAX
        and not m.has_sentence(text)
        and "\t" not in text
        and m.match_marker(text) is None
        and m.match_date(text) is None
        and text[-1] not in "，、：:,"
    )


def _read_head(file: str, lines: list[Line], title_lines: list[Line], warnings: list[Warning]) -> _Head:
    head = _Head()
    index = _next_text(lines, 0)
    if not title_lines:
        index = _read_meta(lines, index, head)
        if index < len(lines) and m.ISSUING_HEADER.match(compact(lines[index].text)):
            head.blocks.append(Paragraph(lines[index].text, lines[index].number, "header"))
            index = _next_text(lines, index + 1)
        index = _read_number(lines, index, head)
        title_lines, index = _find_title(lines, index)
        numbered = m.TITLE_WITH_NUMBER.match(title_lines[-1].text) if title_lines else None
        if numbered and head.number is None and m.match_number_line(numbered["number"]):
            head.title_text = "".join(line.text for line in title_lines[:-1]) + numbered["title"]
            head.number, head.number_text = m.match_number_line(numbered["number"]), numbered["number"]
            head.blocks.append(Paragraph(numbered["number"], title_lines[-1].number, "number"))
        if not title_lines and index < len(lines):
            title_lines = [lines[index]]
            warnings.append(Warning(file, lines[index].number, "no-title",
                                    "no title found; the first line stands as the title"))
            index += 1
    else:
        first = lines.index(title_lines[0])
        for line in lines[:first]:
            if line.text:
                head.blocks.append(Paragraph(line.text, line.number))
                warnings.append(Warning(file, line.number, "stray-text",
                                        "text before the first document's title is kept at the top of that document"))
        index = lines.index(title_lines[-1]) + 1
    head.title_lines = list(title_lines)
    index = _read_meta(lines, _next_text(lines, index), head)
    index = _read_order_number(lines, index, head)
    if index < len(lines) and m.match_number_line(lines[index].text):
        index = _read_number(lines, index, head)
    index = _read_source(lines, index, head)
    if index < len(lines) and head.interprets is None and head.source_title is None:
        text, used = lines[index].text, 1
        wrapped = index + 1 < len(lines) and lines[index + 1].text and not m.ADDRESSEES.match(text)
        if wrapped and m.ADDRESSEES.match(text + lines[index + 1].text) and len(text) >= 20:
            text, used = text + lines[index + 1].text, 2  # 主送机关 wrapped over two lines
        if m.ADDRESSEES.match(text) and m.match_marker(text) is None and not m.INTERPRETED_SOURCE.match(text):
            head.addressees = _split_addressees(text[:-1])
            head.blocks.append(Paragraph(text, lines[index].number, "addressees"))
            index += used
    head.body_start = index
    return head


def _read_meta(lines: list[Line], index: int, head: _Head) -> int:
    """A website's label lines above a document: kept as text, 发文字号 taken from them."""
    while index < len(lines):
        found = m.META_LINE.match(lines[index].text)
        if not found:
            break
        head.blocks.append(Paragraph(lines[index].text, lines[index].number, "meta"))
        if found["label"] in ("发文字号", "文号") and head.number is None:
            number = m.match_number_line(found["value"].strip())
            if number:
                head.number, head.number_text = number, found["value"].strip()
        index = _next_text(lines, index + 1)
    return index


def _read_order_number(lines: list[Line], index: int, head: _Head) -> int:
    """``第 5 号`` under a title ending in 令: the order's number is cited as 三门峡市人民政府令第5号."""
    title = "".join(line.text for line in head.title_lines)
    if head.number or index >= len(lines) or not title.rstrip().endswith("令"):
        return index
    found = m.ORDER_NUMBER.match(lines[index].text)
    if not found:
        return index
    head.number = f"{clean_title(title)}第{int(found['seq'])}号"
    head.number_text = lines[index].text
    head.blocks.append(Paragraph(lines[index].text, lines[index].number, "number"))
    return _next_text(lines, index + 1)


def _read_number(lines: list[Line], index: int, head: _Head) -> int:
    if index < len(lines):
        number = m.match_number_line(lines[index].text)
        if number:
            if head.number is None:
                head.number, head.number_text = number, lines[index].text
            head.blocks.append(Paragraph(lines[index].text, lines[index].number, "number"))
            return _next_text(lines, index + 1)
    return index


def _find_title(lines: list[Line], index: int) -> tuple[list[Line], int]:
    taken: list[Line] = []
    while index < len(lines) and len(taken) < MAX_TITLE_LINES:
        text = lines[index].text
        if not text:
            index += 1
            continue
        if not _title_like(text) or m.match_number_line(text) or m.ADDRESSEES.match(text):
            break
        if m.INTERPRETED_SOURCE.match(text) or m.CLOSING_NOTE.match(text) or m.META_LINE.match(text) or "，" in text:
            break
        if taken and m.ORDER_NUMBER.match(text) and taken[-1].text.endswith("令"):
            break
        taken.append(lines[index])
        index += 1
        if m.TITLE_WITH_NUMBER.match(text) and m.match_number_line(m.TITLE_WITH_NUMBER.match(text)["number"]):
            break
    return taken, index


def _read_source(lines: list[Line], index: int, head: _Head) -> int:
    """A 解读's ``政策文件：title（文号）`` line, possibly wrapped over several lines."""
    if index >= len(lines) or not m.INTERPRETED_SOURCE.match(lines[index].text):
        return index
    start = index
    text = lines[index].text
    index += 1
    while m.find_numbers(text) == [] and index < len(lines) and lines[index].text and index - start < 3:
        text += lines[index].text
        index += 1
    body = m.INTERPRETED_SOURCE.match(text)["rest"]
    numbers = m.find_numbers(body)
    head.interprets = numbers[-1] if numbers else None
    source = re.sub(r"[（(][^（()）]*〔\d{4}〕[^（()）]*[)）]\s*$", "", body).strip()
    head.source_title = clean_title(source) or None
    head.blocks.append(Paragraph(text, lines[start].number, "source"))
    return _next_text(lines, index)


def _split_addressees(text: str) -> tuple[str, ...]:
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch in "（(〔【":
            depth += 1
        elif ch in "）)〕】":
            depth -= 1
        if ch in "，,；;" and depth <= 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return tuple(part.strip() for part in parts if part.strip())


def _find_signature(lines: list[Line]) -> tuple[int, int, Signature] | None:
    """(first index, last index, signature) of 署名 + 成文日期, the first date-only line."""
    for index, line in enumerate(lines):
        when = m.match_date(line.text)
        if when is None and not (m.DATE_ARABIC.match(line.text) or m.DATE_CHINESE.match(line.text)
                                 or m.SIGNED_DATE.match(line.text)):
            continue
        issuers: list[str] = []
        first = index
        signed = m.SIGNED_DATE.match(line.text) if when is None else None
        if signed and m.ORGAN.match(signed["organ"]) and m.match_date(signed["date"]):
            when = m.match_date(signed["date"])
            return index, index, Signature((signed["organ"],), when, signed["date"], line.number)
        probe = index - 1
        while probe >= 0 and index - probe <= 4 and len(issuers) < 3:
            text = lines[probe].text
            if not text:
                probe -= 1
                continue
            if (m.ORGAN.match(text) or m.SIGNER.match(text)) and not m.has_sentence(text):
                issuers.insert(0, text)
                first = probe
                probe -= 1
                continue
            break
        return first, index, Signature(tuple(issuers), when, line.text, lines[first].number)
    return None


def _expected_policies(title: str, blocks: list[Block]) -> set[str]:
    """Compact names of the policies a notice says it issues: 《…》 in its text or title."""
    names = set()
    issued = _ISSUED.search(title)
    if issued:
        for name in re.split(r"和|及|、", issued.group(1)):
            names.add(compact(name.strip("《》")))
        names.add(compact(issued.group(1).strip("《》")))
    for block in blocks:
        if isinstance(block, Paragraph) and block.role is None:
            names.update(compact(name) for name in _QUOTED.findall(block.text))
    return {name for name in names if name}


def _read_after(lines: list[Line], expected: set[str], anchors: Anchors, joins: list[Join]) -> list[Block]:
    """What follows the signature: notes, enclosed policies and attachments."""
    out: list[Block] = []
    pending: list[Line] = []
    part: dict | None = None
    counters = {"policy": 0, "attachment": 0}

    def flush() -> None:
        nonlocal pending
        if part is None:
            out.extend(parse_blocks(pending, anchors, joins))
        else:
            anchors.scope = part["anchor"]
            part["children"].extend(parse_blocks(pending, anchors, joins))
            anchors.scope = None
        pending = []

    def open_part(role: str, title_line: Line, label: str | None) -> None:
        nonlocal part
        flush()
        close()
        counters[role] += 1
        anchor = anchors.claim(("part-" if role == "policy" else "att-") + str(counters[role]))
        part = {"role": role, "title": clean_title(title_line.text), "label": label, "anchor": anchor,
                "line": title_line.number, "children": [], "title_text": title_line.text}

    def close() -> None:
        nonlocal part
        if part is not None:
            children = part.pop("children")
            out.append(Part(children=tuple(children), **part))
            part = None

    index = 0
    while index < len(lines):
        line = lines[index]
        text = line.text
        if not text:
            pending.append(line)
            index += 1
            continue
        label = m.ATTACHMENT_LABEL.match(text)
        if label:
            following = _next_text(lines, index + 1)
            if following < len(lines) and _title_like(lines[following].text):
                open_part("attachment", lines[following], text)
                index = following + 1
                continue
        if m.CLOSING_NOTE.match(text) and part is None:
            flush()
            out.append(Paragraph(text, line.number, "note"))
            index += 1
            continue
        starts_policy = _title_like(text) and (
            (part is None and not out_has_content(out, pending)) or
            (compact(text) in expected and (part is None or compact(part["title"]) != compact(text)))
        )
        if starts_policy:
            open_part("policy", line, None)
            index += 1
            continue
        pending.append(line)
        index += 1
    flush()
    close()
    return out


def out_has_content(out: list[Block], pending: list[Line]) -> bool:
    """Whether text other than notes came after the signature already."""
    return any(line.text for line in pending) or any(not (isinstance(b, Paragraph) and b.role == "note") for b in out)


_NOTE_ITEM = re.compile(r"(?:^|(?<=[\s\u3000；;。]))\d{1,2}[.．、]\s*|\n")


def _attachments(blocks: list[Block]) -> tuple[dict, ...]:
    """附件: the titles the 附件说明 names and the attachments printed, matched by title."""
    printed = [block for block in blocks if isinstance(block, Part) and block.role == "attachment"]
    named: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph) and block.role == "attachment-note":
            rest = m.ATTACHMENT_NOTE.match(block.text)["rest"]
            named.extend(clean_title(item).rstrip("；;。") for item in _NOTE_ITEM.split(rest) if item.strip())
    result = []
    anchors = {compact(part.title): part.anchor for part in printed}
    for title in named:
        result.append({"title": title, "anchor": anchors.pop(compact(title), None)})
    for part in printed:
        if compact(part.title) in anchors:
            result.append({"title": part.title, "anchor": part.anchor})
    return tuple(result)


def _kind_of_section(layout: Layout, section: str | None) -> str | None:
    kind = layout.section_kinds().get(section or "")
    return {"appointments": "任免", "interpretations": "解读"}.get(kind or "")


def _issuer_from_number(layout: Layout, number: str | None) -> str | None:
    """The organ whose 机关代字 the 文号 carries (``豫政办〔2019〕5号`` → 河南省人民政府办公厅)."""
    found = m.NUMBER_LINE.match(number) if number else None
    return layout.issuer_of(found["code"]) if found else None


def _issuer_from_title(title: str, doc_type: str | None) -> str | None:
    """The organ a title names: the part before 关于, or the organ of an order (……人民政府令)."""
    if doc_type == "解读":
        return None
    if "关于" in title:
        prefix = title.split("关于", 1)[0]
    elif title.endswith("令"):
        prefix = title[:-1]
    else:
        return None
    return prefix if prefix and m.ORGAN.match(prefix) else None
