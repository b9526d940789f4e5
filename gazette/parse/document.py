"""Stage 3 for one document: head (标题, 发文字号, 主送机关), body, signature, parts.

A document is read top-down as GB/T 9704 lays it out: an optional 发文机关标志, the
title, the 发文字号, the 主送机关, the 正文, the 署名 and 成文日期, an optional 附注, then
what follows the signature: attachments (附件) and, in a notice that issues a policy
(印发…的通知), the policy itself. A 政策解读 carries a 政策文件 line instead of a 文号.
"""

from __future__ import annotations

import re
from datetime import date

from gazette.config import Layout
from gazette.parse import markers as m
from gazette.parse.anchors import Anchors
from gazette.parse.body import parse_blocks
from gazette.errors import Warning
from gazette.model import Attachment, Block, Document, Join, Paragraph, Part, Signature
from gazette.parse.normalize import Line
from gazette.parse.head import next_text as _next_text
from gazette.parse.head import WEB_OTHER, read_head, title_like as _title_like
from gazette.parse.text import clean_title, compact

_QUOTED = re.compile(r"《([^《》]+)》")
_ISSUED = re.compile(r"(?:印发|转发|公布)(.+?)的(?:通知|决定)$")


def parse_document(file: str, lines: list[Line], title_lines: list[Line], warnings: list[Warning],
                   joins: list[Join], layout: Layout | None = None, section: str | None = None) -> Document:
    """Parse the lines of one document; ``title_lines`` may be empty (then they are found).

    ``section`` is the 目录 section it is printed in: a section of 人事任免 or 政策解读 gives the
    kind of a title that names no 文种."""
    layout = layout or Layout()
    head = read_head(file, lines, title_lines, warnings)
    title = clean_title(head.title_text or "".join(line.text for line in head.title_lines))
    doc_type = m.document_type(title) or _kind_of_section(layout, section) or (m.APPOINTMENT if "任免" in title else None)
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
    attachments = _attachments(blocks)
    if not title:
        warnings.append(Warning(file, lines[0].number if lines else None, "no-title", "没有找到标题"))
    return Document(
        title=title,
        number=head.number,
        date=signature.date if signature and signature.date else (head.title_date or _date_from_meta(head.meta)),
        issuer=_issuer(signature, title, doc_type, head, layout),
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
    return _AfterSignature(expected, anchors, joins).read(lines)


class _AfterSignature:
    """Reads what follows the signature into blocks and parts (印发的文件, 附件), one line at a time.

    Lines collect in ``pending`` until something opens a part or stands alone; they are then parsed as
    running text into the open part, or into the document when no part is open.
    """

    def __init__(self, expected: set[str], anchors: Anchors, joins: list[Join]):
        self.expected = expected
        """Compact titles of the policies the notice says it issues (印发《…》)."""
        self.anchors = anchors
        self.joins = joins
        self.out: list[Block] = []
        self.pending: list[Line] = []
        self.part: dict | None = None
        """The part being read: the fields of a :class:`Part`, its children still a list."""
        self.counters = {"policy": 0, "attachment": 0}

    def read(self, lines: list[Line]) -> list[Block]:
        index = 0
        while index < len(lines):
            index = self._line(lines, index)
        self._flush()
        self._close()
        return self.out

    def _line(self, lines: list[Line], index: int) -> int:
        """Read the line at ``index``; returns the index of the next line to read."""
        line = lines[index]
        text = line.text
        if text and m.ATTACHMENT_LABEL.match(text):
            following = _next_text(lines, index + 1)
            if following < len(lines) and _title_like(lines[following].text):
                self._open("attachment", lines[following], text)
                return following + 1
        role = _standalone_role(text) if text and self.part is None else None
        if role:
            self._flush()
            self.out.append(Paragraph(text, line.number, role))
        elif text and self._starts_policy(text):
            self._open("policy", line, None)
        else:
            self.pending.append(line)
        return index + 1

    def _starts_policy(self, text: str) -> bool:
        """A title-like line opens an enclosed policy: the first thing after the signature, or a title
        the notice names that is not the open part's own."""
        if not _title_like(text):
            return False
        if self.part is None and not out_has_content(self.out, self.pending):
            return True
        return compact(text) in self.expected and (self.part is None or compact(self.part["title"]) != compact(text))

    def _flush(self) -> None:
        if self.part is None:
            self.out.extend(parse_blocks(self.pending, self.anchors, self.joins))
        else:
            self.anchors.scope = self.part["anchor"]
            self.part["children"].extend(parse_blocks(self.pending, self.anchors, self.joins))
            self.anchors.scope = None
        self.pending = []

    def _open(self, role: str, title_line: Line, label: str | None) -> None:
        self._flush()
        self._close()
        self.counters[role] += 1
        anchor = self.anchors.claim(("part-" if role == "policy" else "att-") + str(self.counters[role]))
        self.part = {"role": role, "title": clean_title(title_line.text), "label": label, "anchor": anchor,
                     "line": title_line.number, "children": [], "title_text": title_line.text}

    def _close(self) -> None:
        if self.part is not None:
            children = self.part.pop("children")
            self.out.append(Part(children=tuple(children), **self.part))
            self.part = None


def _standalone_role(text: str) -> str | None:
    """附注 (``（此件公开发布）``) or a website's page tools (``【打印】【关闭】``): lines of their own."""
    if WEB_OTHER.match(text):
        return "meta"
    return "note" if m.CLOSING_NOTE.match(text) else None


def out_has_content(out: list[Block], pending: list[Line]) -> bool:
    """Whether text other than notes came after the signature already."""
    return any(line.text for line in pending) or any(not (isinstance(b, Paragraph) and b.role == "note") for b in out)


_NOTE_ITEM = re.compile(r"(?:^|(?<=[\s\u3000；;。]))\d{1,2}[.．、]\s*|\n")


def _attachments(blocks: list[Block]) -> tuple[Attachment, ...]:
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
        result.append(Attachment(title, anchors.pop(compact(title), None)))
    for part in printed:
        if compact(part.title) in anchors:
            result.append(Attachment(part.title, part.anchor))
    return tuple(result)


def _kind_of_section(layout: Layout, section: str | None) -> str | None:
    kind = layout.section_kinds().get(section or "")
    return {"appointments": m.APPOINTMENT, "interpretations": m.INTERPRETATION}.get(kind or "")


def _issuer(signature: Signature | None, title: str, doc_type: str | None, head, layout: Layout) -> str | None:
    """发文机关: the signing organ, else the organ the title names, a website's 发文机关 label, or the
    organ whose 机关代字 the 文号 carries."""
    organs = [name for name in (signature.issuers if signature else ()) if m.ORGAN.match(name)]
    if organs:
        return organs[0]
    return _issuer_from_title(title, doc_type) or _issuer_from_meta(head.meta) or _issuer_from_number(layout, head.number)


def _issuer_from_meta(meta: dict) -> str | None:
    """发布机构/发文机关 of a website's label lines, when it names one organ."""
    for label in ("发文机关", "发布机构", "发布部门", "发文单位"):
        value = meta.get(label, "")
        if value and m.ORGAN.match(value) and " " not in value.strip():
            return value.strip()
    return None


def _date_from_meta(meta: dict) -> date | None:
    """成文日期 of a website's label lines (not 发布日期: publication is not signature)."""
    for label in ("成文日期", "发文日期", "印发日期"):
        found = m.read_date(meta.get(label, "").strip())
        if found:
            return found
    return None


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
    elif "任免" in title:
        prefix = title.split("任免", 1)[0]  # 河南省人民政府任免国家工作人员
    elif title.endswith("令"):
        prefix = title[:-1]
    else:
        return None
    return prefix if prefix and m.ORGAN.match(prefix) else None
