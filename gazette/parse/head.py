"""The head of a document (版头): 标题, 发文字号, 主送机关, a 解读's 政策文件 line, and the label
lines that websites and legal databases print around them (索引号, 发布时间/来源, 【法宝引证码】,
原文链接, a title printed twice): those are kept as metadata, never read as title or addressee.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from gazette.errors import Warning
from gazette.model import Block, Paragraph
from gazette.parse import markers as m
from gazette.parse.normalize import Line
from gazette.parse.text import clean_title, compact

ADDRESSEE_WRAP_MIN = 20
"""A 主送机关 line this long may wrap onto the next; a shorter one ending without ``：`` is not a wrapped list."""

MAX_TITLE_LINES = 4
POLICY_TITLE_MAX = 80
DUPLICATE_MAX = 300
"""A title printed twice is at most this long (and the comparison need not run on long lines)."""
_LABELS = (
    "索引号", "信息索引号", "发布机构", "发布部门", "发文机关", "发文单位", "发文字号", "文号", "成文日期", "发布日期",
    "发文日期", "印发日期", "施行日期", "实施日期", "生效日期", "废止日期", "失效日期", "主题分类", "公文种类",
    "体裁分类", "主题词", "关键词", "有效性", "时效性", "效力级别", "法规类别", "公开方式", "公开范围", "发布时间",
    "更新时间", "来源", "信息来源", "文章来源", "作者", "责任编辑", "点击数", "浏览次数", "访问次数", "阅读次数",
    "字号", "名称", "标题", "题名", "公文名称", "原文链接", "原文地址", "链接地址", "法宝引证码", "所属机构",
    "统一编号", "登记号", "分类", "批准日期", "批准部门", "公布日期", "制定机关", "修改情况", "失效依据", "类别",
)
_SPACED = "|".join(r"[\s\u3000]*".join(label) for label in sorted(_LABELS, key=len, reverse=True))
WEB_META = re.compile(
    rf"^(?:(?P<label>{_SPACED})[\s\u3000]*[：:][\s\u3000]*|[【\[〖](?P<bracketed>{_SPACED})[】\]〗][\s\u3000]*[：:]?)"
    r"[\s\u3000]*(?P<value>.*)$"
)
"""A label line of a government website or a legal database: ``发布时间：…　来源：…``, ``【法宝引证码】…``."""
_PAIR = re.compile(
    rf"(?:^|(?<=[\s\u3000]))(?:(?P<label>{_SPACED})[\s\u3000]*[：:]|[【\[〖](?P<bracketed>{_SPACED})[】\]〗][\s\u3000]*[：:]?)"
)
WEB_OTHER = re.compile(
    r"^(?:https?://\S+|(?:当前位置|您现在的位置|您的位置)[：:].*|首页[\s\u3000]*[>＞›].*|"
    r"(?:【?(?:打印本页|打印|关闭窗口|关闭|保存|收藏|返回顶部|字体[：:]?[\s\u3000]*大[\s\u3000]*中[\s\u3000]*小)】?[\s\u3000]*)+|"
    r"扫一扫在手机(?:上)?打开(?:当前页)?|分享到[：:]?.*|"
    r"\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:[\s\u3000]+\d{1,2}:\d{2}(?::\d{2})?)?[\s\u3000]+(?:来源|作者|浏览|字号|【).*)$"
)
"""A website's navigation or page-tool line (链接, 当前位置, 【打印】【关闭】, 分享到, a dated 来源 line)."""
_TITLE_NOTE = re.compile(r"^[（(](?P<date>\d{4}[\s\u3000]*年[\s\u3000]*\d{1,2}[\s\u3000]*月[\s\u3000]*\d{1,2}[\s\u3000]*日)"
                         r"[^（()）]{0,40}[)）]$")
"""题注 under a title: ``（2019年2月28日）``, ``（2019年2月25日省政府第30次常务会议通过）``."""
_ORDER_TITLE = re.compile(r"^(?P<title>.*令)[\s\u3000]*(?P<number>[（(]?第[\s\u3000]*(?P<seq>\d{1,4})[\s\u3000]*号[)）]?)$")
_ENCLOSED = re.compile(r"^[【\[〖](?P<title>[^【】\[\]〖〗]{4,})[】\]〗]$")
_BRACKETS = re.compile(r"[\s\u3000《》〈〉<>“”\"'‘’「」『』【】\[\]〖〗()（）〔〕]")


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
    meta: dict = field(default_factory=dict)
    title_date: date | None = None
    body_start: int = 0



def next_text(lines: list[Line], index: int) -> int:
    while index < len(lines) and not lines[index].text:
        index += 1
    return index



def title_like(text: str) -> bool:
    return (
        bool(text)
        and len(text) <= POLICY_TITLE_MAX
        and not m.has_sentence(text)
        and "\t" not in text
        and m.match_marker(text) is None
        and m.match_date(text) is None
        and text[-1] not in "，、：:,"
    )



def read_head(file: str, lines: list[Line], title_lines: list[Line], warnings: list[Warning]) -> _Head:
    head = _Head()
    index = next_text(lines, 0)
    if not title_lines:
        index = _read_meta(lines, index, head)
        if index < len(lines) and m.ISSUING_HEADER.match(compact(lines[index].text)):
            head.blocks.append(Paragraph(lines[index].text, lines[index].number, "header"))
            index = next_text(lines, index + 1)
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
                                    "没有找到标题，以第一行作为标题"))
            index += 1
    else:
        first = lines.index(title_lines[0])
        for line in lines[:first]:
            if line.text:
                head.blocks.append(Paragraph(line.text, line.number))
                warnings.append(Warning(file, line.number, "stray-text",
                                        "第一篇文件标题之前的文字保留在该文件开头"))
        index = lines.index(title_lines[-1]) + 1
    head.title_lines = list(title_lines)
    _unenclose(head)
    _order_in_title(head)
    index = _read_meta(lines, next_text(lines, index), head)
    index = _read_order_number(lines, index, head)
    if index < len(lines) and m.match_number_line(lines[index].text):
        index = _read_number(lines, index, head)
    index = _read_meta(lines, index, head)  # 发布时间：…　来源：… printed after the 文号
    index = _read_source(lines, index, head)
    if index < len(lines) and head.interprets is None and head.source_title is None:
        text, used = lines[index].text, 1
        wrapped = index + 1 < len(lines) and lines[index + 1].text and not m.ADDRESSEES.match(text)
        if wrapped and m.ADDRESSEES.match(text + lines[index + 1].text) and len(text) >= ADDRESSEE_WRAP_MIN:
            text, used = text + lines[index + 1].text, 2  # 主送机关 wrapped over two lines
        if m.ADDRESSEES.match(text) and m.match_marker(text) is None and not m.INTERPRETED_SOURCE.match(text):
            head.addressees = _split_addressees(text[:-1])
            head.blocks.append(Paragraph(text, lines[index].number, "addressees"))
            index += used
    head.body_start = index
    note = _TITLE_NOTE.match(lines[index].text) if index < len(lines) else None
    head.title_date = m.match_date(note["date"]) if note else None
    return head


def _order_in_title(head: _Head) -> None:
    """``中华人民共和国国务院令　第707号`` on one line: the order's title and its number."""
    if head.number is not None or not head.title_lines:
        return
    last = head.title_lines[-1]
    found = _ORDER_TITLE.match("".join(line.text for line in head.title_lines))
    if found and _ORDER_TITLE.match(last.text):
        head.title_text = found["title"]
        head.number = f"{clean_title(found['title'])}第{int(found['seq'])}号"
        head.number_text = _ORDER_TITLE.match(last.text)["number"]
        head.blocks.append(Paragraph(head.number_text, last.number, "number"))


def _unenclose(head: _Head) -> None:
    """【title】 as a database prints it: the title is what the brackets hold (the line stays in the text)."""
    enclosed = _ENCLOSED.match("".join(line.text for line in head.title_lines))
    if enclosed and head.title_text is None:
        head.title_text = enclosed["title"]


def _meta_line(text: str, head: _Head) -> bool:
    """Whether ``text`` is a website's or database's line: a label line, a link, a page tool, or the
    title printed a second time (in other brackets, or with its 文号)."""
    if WEB_OTHER.match(text):
        return True
    if WEB_META.match(text):
        # several label：value pairs may share a line (发文机关：国务院<TAB>成文日期：2015年05月08日)
        pairs = list(_PAIR.finditer(text))
        for found, following in zip(pairs, pairs[1:] + [None]):
            value = text[found.end():following.start() if following else len(text)]
            head.meta.setdefault(compact(found["label"] or found["bracketed"]), value.strip(" \t\u3000"))
        return True
    title = "".join(line.text for line in head.title_lines)
    return bool(title) and len(text) <= DUPLICATE_MAX and _bare(text) == _bare(title)


def _bare(text: str) -> str:
    """A title without brackets, spaces and a trailing 文号: how a duplicated title is recognised."""
    text = re.sub(r"[（(][^（()）]*(?:〔\d{4}〕|\[\d{4}\]|第\s*\d+\s*号)[^（()）]*[)）]$", "", text.strip())
    return _BRACKETS.sub("", text)


def _read_meta(lines: list[Line], index: int, head: _Head) -> int:
    """Website and database lines around a document's title: kept as text (role ``meta``), the
    发文字号 taken from them."""
    while index < len(lines) and _meta_line(lines[index].text, head):
        head.blocks.append(Paragraph(lines[index].text, lines[index].number, "meta"))
        index = next_text(lines, index + 1)
    for label in ("发文字号", "文号"):
        value = head.meta.get(label, "")
        number = m.match_number_line(value) if head.number is None else None
        if number:
            head.number, head.number_text = number, value
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
    return next_text(lines, index + 1)


def _read_number(lines: list[Line], index: int, head: _Head) -> int:
    if index < len(lines):
        number = m.match_number_line(lines[index].text)
        if number:
            if head.number is None:
                head.number, head.number_text = number, lines[index].text
            head.blocks.append(Paragraph(lines[index].text, lines[index].number, "number"))
            return next_text(lines, index + 1)
    return index


def _find_title(lines: list[Line], index: int) -> tuple[list[Line], int]:
    taken: list[Line] = []
    while index < len(lines) and len(taken) < MAX_TITLE_LINES:
        text = lines[index].text
        if not text:
            index += 1
            continue
        if not title_like(text) or m.match_number_line(text) or m.ADDRESSEES.match(text):
            break
        if m.INTERPRETED_SOURCE.match(text) or m.CLOSING_NOTE.match(text) or "，" in text:
            break
        if WEB_META.match(text) or WEB_OTHER.match(text):
            break
        if taken and len(text) <= DUPLICATE_MAX and _bare(text) == _bare("".join(line.text for line in taken)):
            break  # the title printed a second time
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
    return next_text(lines, index)


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

