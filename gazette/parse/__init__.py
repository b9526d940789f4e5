"""The parse pipeline for one source file, as a list of stages.

normalize (decode, number lines) → furniture (running headers, page numbers out) → split
(cover, 目录, masthead, one segment per document) → document (head, body, signature, parts)
→ links (slugs, cites) → proofread.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache

from gazette.check import proofread
from gazette.config import DEFAULT_PATH, Config, load_config
from gazette.errors import ParseError, Warning
from gazette.model import Document, Furniture, Gazette, Join
from gazette.parse import furniture as furniture_stage
from gazette.parse import shape
from gazette.parse.document import parse_document
from gazette.parse.interpret import resolve
from gazette.parse.issue import issue_from, read_facts
from gazette.parse.masthead import read_masthead
from gazette.parse.normalize import Source, read_source
from gazette.parse.references import assign_slugs, normalized_numbers, with_cites
from gazette.parse.split import Segment, locate
from gazette.parse.starts import find_starts
from gazette.parse.text import compact
from gazette.parse.toc import find_toc, split_front


def parse_file(path: str, config: Config | None = None) -> Gazette:
    """Read and parse one gazette issue or standalone document."""
    return parse_source(read_source(path), config)


@lru_cache(maxsize=4)
def _config(path: str, stamp: float) -> Config:
    return load_config(path)


def current_config() -> Config:
    """The configuration of the working folder (``gazette.yml``), read again when it changes."""
    try:
        stamp = os.stat(DEFAULT_PATH).st_mtime
    except OSError:
        stamp = 0.0
    return _config(os.path.abspath(DEFAULT_PATH), stamp)


def parse_source(source: Source, config: Config | None = None) -> Gazette:
    config = config or current_config()
    warnings: list[Warning] = list(source.warnings)
    joins: list[Join] = []
    names = tuple(dict.fromkeys((compact(config.identity.gazette),) + config.layout.gazette_names))
    removed = furniture_stage.find(source, names, tuple(config.layout.section_kinds()), len(source.lines))
    clean = furniture_stage.remove(source, removed)
    toc_index = find_toc(clean)
    if toc_index is not None and not shape.looks_like_issue(clean, toc_index):
        toc_index = None  # a long policy's own 目录
        gazette = _standalone(clean, warnings, joins, config)
    elif toc_index is None and not shape.looks_like_issue(clean, None):
        gazette = _standalone(clean, warnings, joins, config)
    else:
        gazette = _issue(source, clean, toc_index, names, warnings, joins, config)
        clean = furniture_stage.remove(source, list(gazette.furniture))
    documents = assign_slugs(with_cites(resolve(list(gazette.documents))), source.file, warnings)
    warnings.extend(normalized_numbers(documents, source.file))
    untitled = next((document for document in documents if not document.title.strip()), None)
    if untitled is not None:  # a page, a feed entry and a record need a title; open data requires one
        raise ParseError(source.file, "这篇文件没有可见的标题，无法发布", untitled.line)
    gazette = replace(gazette, documents=tuple(documents), joins=tuple(joins))
    if gazette.issue is None:
        gazette = replace(gazette, furniture=tuple(removed))
    warnings.extend(proofread.check(clean, gazette))
    return replace(gazette, warnings=tuple(warnings))


def _standalone(source: Source, warnings: list[Warning], joins: list[Join], config: Config) -> Gazette:
    lines = list(source.lines)
    document = parse_document(source.file, lines, [], warnings, joins, config.layout)
    first = next((line.number for line in lines if line.text), 1)
    return Gazette(source.file, None, None, (), (document,), body_start=first)


def _issue(original: Source, source: Source, toc_index: int | None, names: tuple[str, ...],
           warnings: list[Warning], joins: list[Join], config: Config) -> Gazette:
    sections = config.layout.section_kinds()
    front = shape.front_without_toc(source) if toc_index is None else split_front(source, toc_index, sections)
    if toc_index is None:
        warnings.append(Warning(source.file, 1, "toc-absent", "未找到「目录」行：按正文中的标题和文号划分文件，请核对"))
    elif not front.toc:
        raise ParseError(source.file, "目录没有条目（应为“标题<TAB>页码”或“标题……页码”的行）",
                         source.lines[toc_index].number)
    section_names = tuple(dict.fromkeys(tuple(sections) + tuple(e.section for e in front.toc if e.section)))
    removed = furniture_stage.find(original, names, section_names, front.body_start)
    imprint = shape.trailing_imprint(furniture_stage.remove(original, removed), front.body_start)
    removed = sorted(removed + [Furniture(line.number, line.raw, "imprint", None) for line in imprint],
                     key=lambda item: item.line)
    source = furniture_stage.remove(original, removed)
    shape.check_single_issue(source, front.body_start)
    masthead = read_masthead(front.masthead + tuple(imprint))
    cover = original.lines[:len(front.cover)]  # as printed: a cover line may look like a running header
    facts = read_facts(cover, front.masthead + tuple(imprint), masthead)
    issue = issue_from(source.file, facts, config.identity.gazette, warnings)
    segments = _segments(source, front, warnings, source.lines[toc_index].number if toc_index is not None else None)
    documents = _documents(source, segments, warnings, joins, config, removed)
    body_start = segments[0].lines[0].number
    shape.check_counts(source.file, front.toc, documents, warnings)
    shape.check_pages(source.file, documents, removed, warnings, body_start)
    return Gazette(source.file, issue, masthead, front.toc, tuple(documents), body_start=body_start,
                   furniture=tuple(removed))


def _segments(source: Source, front, warnings: list[Warning], toc_line: int | None) -> list[Segment]:
    if front.toc:
        segments = locate(source, front, warnings)
    else:
        body = list(source.lines[front.body_start:])
        segments = shape.cut(body, find_starts(body), None)
    if not segments:
        raise ParseError(source.file, f"目录列出 {len(front.toc)} 篇文件，但正文中一篇也找不到", toc_line)
    return shape.split_unlisted(source.file, segments, warnings)


def _documents(source: Source, segments: list[Segment], warnings: list[Warning], joins: list[Join],
               config: Config, removed) -> list[Document]:
    documents: list[Document] = []
    pages = shape.page_map(removed, segments)
    sections = shape.section_map(removed, segments, tuple(config.layout.section_kinds()))
    for position, segment in enumerate(segments):
        entry = segment.entry
        section = entry.section if entry else sections.get(position)
        document = parse_document(source.file, list(segment.lines), list(segment.title_lines), warnings, joins,
                                  config.layout, section)
        page = entry.page if entry else pages.get(position)
        following = next((s.entry.page if s.entry else pages.get(p) for p, s in enumerate(segments)
                          if p > position and (s.entry or pages.get(p) is not None)), None)
        last = max(page, following - 1) if following is not None and page is not None else None
        documents.append(replace(document, section=section, page=page,
                                 pages=(page, last) if page is not None else None,
                                 toc_line=entry.line if entry else None))
    return documents


__all__ = ["parse_file", "parse_source", "current_config"]
