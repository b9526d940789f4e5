"""The 刊头 (masthead) block and the issue facts it prints: 第2号（总第157号）, 出版日期, year."""

from __future__ import annotations

import re

from gazette.model_masthead import MASTHEAD_FACTS, EditorialGroup, ImprintField, Masthead, Member
from gazette.parse import markers as m
from gazette.parse.normalize import Line
from gazette.parse.text import clean_title, compact

_LABELLED = re.compile(r"^(?P<label>[^：:]{1,12}?)[\s\u3000]*[：:][\s\u3000]*(?P<value>.*)$")
_GROUPS = ("编委会", "编辑部")
_FIELDS = ("主办", "编辑出版", "地址", "网址", "电话", "邮编", "准印证号", "出版日期", "印刷")
_NOTE = re.compile(r"^[（(](?P<note>[^)）]*)[)）]$")


def read_masthead(lines: tuple[Line, ...]) -> Masthead:
    """刊头 facts: 编委会/编辑部 members by role, the imprint fields, year, issue line, names and note.

    One loop over the lines, longer than most: whether a line is a member, a field or the continuation
    of either depends on the group and field the previous lines opened, so the rules read best in order,
    beside that state, rather than split into functions that pass it back and forth.
    """
    result: dict = {}
    group: list | None = None
    group_name: str | None = None
    field_name: str | None = None
    for line in lines:
        text = line.text
        if not text:
            continue
        label = compact(text)
        if re.fullmatch(r"《[^》]*》", text) and field_name is None:
            group, field_name = None, None
            continue
        if label in _GROUPS and field_name is None:
            group_name, group = label, []
            result[group_name] = group
            continue
        if re.fullmatch(r"\d{4}", text):
            result["年份"] = int(text)
            group = field_name = None
            continue
        issue_no = m.ISSUE_NUMBER.search(text)
        if issue_no:
            result["期号"] = clean_title(text)
            group = field_name = None
            continue
        if re.fullmatch(r"[A-Z][A-Z '’.,]+", text):
            if text != "CONTENTS":
                result["英文刊名"] = text
            group = field_name = None
            continue
        if m.MASTHEAD_END.match(text):
            result["说明"] = _NOTE.match(text)["note"]
            field_name = None
            continue
        labelled = _LABELLED.match(text)
        if labelled and group is not None and field_name is None:
            role = compact(labelled["label"])
            value = labelled["value"]
            note = _NOTE.match(value) if value else None
            entry = {"role": role, "names": [] if note or not value else [compact(value)]}
            if note:
                entry["note"] = note["note"]
            group.append(entry)
            continue
        if labelled or label in _FIELDS:
            group = None
            name = compact(labelled["label"]) if labelled else label
            if name == "电话" and "印刷" in result:
                name = "印刷电话"
            field_name = name
            result[name] = clean_title(labelled["value"]) if labelled else ""
            continue
        if group is not None and group:
            group[-1]["names"].append(compact(text))
            continue
        if field_name is not None:
            result[field_name] = clean_title(result[field_name] + text)
    if "出版日期" in result:
        when = m.match_date(result["出版日期"])
        if when:
            result["出版日期"] = when.isoformat()
    return _typed(result)


def _typed(printed: dict) -> Masthead:
    """The facts collected by printed label as a :class:`Masthead` that remembers the printed order.

    The reading loop collects by label because a later line may extend or replace an earlier one;
    the model is built once that is settled.
    """
    groups, imprint, facts = [], [], {}
    for label, value in printed.items():
        if isinstance(value, list):
            members = (Member(item["role"], tuple(item["names"]), item.get("note")) for item in value)
            groups.append(EditorialGroup(label, tuple(members)))
        elif label in MASTHEAD_FACTS and not (label == "年份" and isinstance(value, str)):
            facts[MASTHEAD_FACTS[label]] = value
        else:
            imprint.append(ImprintField(label, value))
    return Masthead(tuple(groups), tuple(imprint), order=tuple(printed), **facts)
