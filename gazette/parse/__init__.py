"""The parse pipeline for one source file, as a list of stages.

normalize (decode, number lines) → split (cover, 目录, masthead, one segment per
document) → document (head, body, signature, parts) → links (slugs, cites) → proofread.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import date

from gazette.check import proofread
from gazette.parse.document import parse_document
from gazette.errors import ParseError, Warning
from gazette.parse.markers import ISSUE_NUMBER
from gazette.parse.references import assign_slugs, normalized_numbers, with_cites
from gazette.parse.masthead import issue_facts, read_masthead
from gazette.model import Document, Gazette, Issue, Join
from gazette.parse.normalize import Source, read_source
from gazette.parse.split import find_toc, locate, split_front

_FILE_NAME = re.compile(r"^(?P<year>\d{4})-(?P<no>\d{1,3})\.txt$")


def parse_file(path: str) -> Gazette:
    """Read and parse one gazette issue or standalone document."""
    return parse_source(read_source(path))


def parse_source(source: Source) -> Gazette:
    warnings: list[Warning] = list(source.warnings)
    joins: list[Join] = []
    toc_index = find_toc(source)
    if toc_index is None or not _looks_like_issue(source, toc_index):
        gazette = _standalone(source, warnings, joins)
    else:
        gazette = _issue(source, toc_index, warnings, joins)
    documents = assign_slugs(with_cites(gazette.documents), source.file, warnings)
    warnings.extend(normalized_numbers(documents, source.file))
    untitled = next((document for document in documents if not document.title.strip()), None)
    if untitled is not None:  # a page, a feed entry and a record need a title; open data requires one
        raise ParseError(source.file, "这篇文件没有可见的标题，无法发布", untitled.line)
    gazette = replace(gazette, documents=tuple(documents), joins=tuple(joins))
    warnings.extend(proofread.check(source, gazette))
    return replace(gazette, warnings=tuple(warnings))


def _looks_like_issue(source: Source, toc_index: int) -> bool:
    """A 目录 starts an issue only in a gazette: a cover naming the 公报, a 第N号（总第N号） line,
    or an issue's file name. A long policy may have a 目录 of its own and is still one document."""
    if any("公报" in line.text for line in source.lines[:toc_index]):
        return True
    if _FILE_NAME.match(os.path.basename(source.file)):
        return True
    return any(ISSUE_NUMBER.search(line.text) for line in source.lines[:200])


def _standalone(source: Source, warnings: list[Warning], joins: list[Join]) -> Gazette:
    lines = list(source.lines)
    document = parse_document(source.file, lines, [], warnings, joins)
    first = next((line.number for line in lines if line.text), 1)
    return Gazette(source.file, None, None, (), (document,), body_start=first)


def _issue(source: Source, toc_index: int, warnings: list[Warning], joins: list[Join]) -> Gazette:
    front = split_front(source, toc_index)
    if not front.toc:
        raise ParseError(source.file, "目录没有条目（应为“标题<TAB>页码”的行）",
                         source.lines[toc_index].number)
    masthead = read_masthead(front.masthead)
    issue = _issue_from(source, masthead, front.cover, warnings)
    segments = locate(source, front, warnings)
    if not segments:
        raise ParseError(source.file, f"目录列出 {len(front.toc)} 篇文件，但正文中一篇也找不到",
                         source.lines[toc_index].number)
    documents: list[Document] = []
    for position, segment in enumerate(segments):
        document = parse_document(source.file, list(segment.lines), list(segment.title_lines), warnings, joins)
        entry = segment.entry
        following = segments[position + 1].entry.page if position + 1 < len(segments) else None
        last = max(entry.page, following - 1) if following is not None else None
        documents.append(replace(document, section=entry.section, page=entry.page, pages=(entry.page, last),
                                 toc_line=entry.line))
    body_start = segments[0].lines[0].number
    return Gazette(source.file, issue, masthead, front.toc, tuple(documents), body_start=body_start)


def _issue_from(source: Source, masthead: dict, cover, warnings: list[Warning]) -> Issue:
    facts = issue_facts(masthead, cover)
    named = _FILE_NAME.match(os.path.basename(source.file))
    for key in ("year", "no"):
        if facts[key] is None:
            if not named:
                raise ParseError(source.file, f"正文没有印出本期的{'年份' if key == 'year' else '期号（第N号）'}，"
                                 "文件名也不是 YYYY-NN.txt")
            facts[key] = int(named[key])
            warnings.append(Warning(source.file, None, "issue-from-name",
                                    f"正文没有印出本期的{'年份' if key == 'year' else '期号'}，取自文件名"))
    if named and (int(named["year"]), int(named["no"])) != (facts["year"], facts["no"]):
        warnings.append(Warning(source.file, None, "issue-name",
                                f"文件名为 {named['year']}-{named['no']}，正文印的是"
                                f"{facts['year']}年第{facts['no']}号"))
    when = date.fromisoformat(facts["date"]) if facts["date"] else None
    return Issue(facts["year"], facts["no"], facts["total"], when, facts["title"] or "三门峡市人民政府公报")
