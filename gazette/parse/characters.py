"""Characters a published record must not carry: invisible controls, bidi overrides, non-characters.

A gazette text copied from a PDF or a web page may hold characters nobody can see: a form feed
or vertical tab from a page break, a zero-width space or a BOM in the middle of a 文号, a bidi
override that makes a title read backwards, a non-character (U+FFFF) that makes XML ill-formed.
They are not the gazette's words. Each is removed, and each line that lost one is reported with
its line number in the 校对报告, so the editor sees what changed. NUL and the other C0 controls
(binary data, not text) are refused by :mod:`gazette.parse.normalize` before this runs.
"""

from __future__ import annotations

import re

from gazette.errors import Warning

_CONTROLS = "\x0b\x0c\x7f-\x9f"
"""Vertical tab and form feed (page breaks of text extraction), DEL and the C1 controls."""
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""Direction marks, embeddings, overrides and isolates: they reorder what the reader sees."""
_INVISIBLE = "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2060-\u2064\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0"
"""Zero-width characters, BOM, fillers and variation selectors: no visible glyph of their own."""
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
"""Unicode non-characters (U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane): XML forbids some."""

_REMOVED = re.compile(f"[{_CONTROLS}{_BIDI}{_INVISIBLE}{_NONCHARACTERS}]")
_KINDS = ((re.compile(f"[{_CONTROLS}]"), "control-char", "控制字符"),
          (re.compile(f"[{_BIDI}]"), "bidi-control", "文字方向控制字符"),
          (re.compile(f"[{_NONCHARACTERS}]"), "noncharacter", "Unicode 非字符"),
          (re.compile(f"[{_INVISIBLE}]"), "invisible-char", "不可见字符"))


def remove_unseen(file: str, text: str) -> tuple[str, list[Warning]]:
    """``text`` without the characters above, and one warning per line and kind that lost some."""
    if not _REMOVED.search(text):
        return text, []
    warnings: list[Warning] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not _REMOVED.search(line):
            continue
        for pattern, kind, label in _KINDS:
            found = sorted(set(pattern.findall(line)))
            if found:
                codes = "、".join(f"U+{ord(ch):04X}" for ch in found)
                warnings.append(Warning(file, index + 1, kind, f"删除了{label}（{codes}），共 "
                                        f"{sum(line.count(ch) for ch in found)} 个；原文中看不见，也不应发布"))
        lines[index] = _REMOVED.sub("", line)
    return "\n".join(lines), warnings
