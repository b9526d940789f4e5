"""The sample issue laid out as other gazettes lay out theirs, built programmatically.

Each transformation changes only the layout — page furniture, the 目录's shape, the issue's
numbering, section names, 解读 titles, the imprint — so the parsed documents must be the
sample's, field for field and word for word. Positions come from the reviewed golden model.
"""

from __future__ import annotations

import json
import re

from conftest import GOLDEN, SAMPLE

from gazette.parse.markers import match_marker

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_PUNCTUATION = set("，。、；：！？…）)》”’〕】.,0123456789")


def sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").split("\n")


def golden() -> dict:
    return json.loads((GOLDEN / "2019-02.model.json").read_text(encoding="utf-8"))


# --- page furniture ---------------------------------------------------------------------------

def _name_and_label(page: int, section: str) -> list[str]:
    return ["三门峡市人民政府公报　2019年第2号"] if page % 2 == 0 else [section]


STYLES = {
    # foot: page number at the bottom of the page it ends; head: what tops the next page
    "dash-foot": dict(foot=lambda p: f"—{p}—", head=_name_and_label),
    "fullwidth-foot": dict(foot=lambda p: f"－ {str(p).translate(FULL_WIDTH)} －", head=lambda p, s: ["三门峡市人民政府公报"]),
    "dot-head": dict(foot=None, head=lambda p, s: [f"· {p} ·", "三门峡市人民政府公报 2019年第2号"]),
    "inside-head": dict(foot=None, head=lambda p, s: [f"{p}　　三门峡市人民政府公报　　2019年第2号"] if p % 2 == 0
                        else [f"{s}　　{p}"]),
    "bare-foot": dict(foot=lambda p: str(p), head=lambda p, s: ["三门峡市人民政府 公 报 · 2019年第2号"]),
    "column-break": None,
}


def _block(style: dict | None, old_page: int, new_page: int, section: str) -> list[str]:
    if style is None:
        return [""]
    lines: list[str] = []
    if style["foot"]:
        lines += ["", style["foot"](old_page)]
    lines += [""] + [text for item in style["head"](new_page, section) for text in (item, "")]
    return lines


def _splittable(lines: list[str], index: int) -> bool:
    text = lines[index]
    return (len(text) >= 40 and text.endswith("。") and "\t" not in text and match_marker(text.strip()) is None
            and not lines[index - 1].strip() and not lines[index + 1].strip() and not text.startswith((" ", "\u3000")))


def _split_point(text: str) -> int:
    cut = len(text) // 2
    while cut < len(text) - 5 and (text[cut - 1] in _PUNCTUATION or text[cut] in _PUNCTUATION
                                   or text[cut - 1].isascii() or text[cut].isascii()):
        cut += 1
    return cut


def _quiet(lines: list[str], index: int) -> bool:
    """A blank line between two lines that are not table rows: a page may turn there."""
    before = next((lines[i] for i in range(index - 1, 0, -1) if lines[i].strip()), "")
    after = next((lines[i] for i in range(index + 1, len(lines)) if lines[i].strip()), "")
    return not lines[index].strip() and "\t" not in before and "\t" not in after


def paginate(style_name: str) -> str:
    """The sample with page furniture (or bare column breaks) at page rhythm, splitting paragraphs."""
    lines = sample_lines()
    style = STYLES[style_name]
    model = golden()
    inserts: dict[int, list[str]] = {}  # 0-based index → lines that replace it
    previous_last = None
    for document in model["documents"]:
        first, last = document["line"] - 1, document["end_line"] - 1
        page, end_page = document["pages"][0], document["pages"][1] or document["pages"][0] + 2
        if previous_last is not None:
            inserts[first] = _block(style, previous_last, page, document["section"]) + [lines[first]]
        previous_last = end_page
        span = (last - first) / (end_page - page + 1)
        for number in range(1, end_page - page + 1):
            target = int(first + number * span)
            for index in sorted(range(max(first + 3, target - 8), min(last - 1, target + 8)), key=lambda i: abs(i - target)):
                if index in inserts:
                    continue
                if number % 2 and _splittable(lines, index):
                    cut = _split_point(lines[index])
                    inserts[index] = [lines[index][:cut]] + _block(style, page + number - 1, page + number,
                                                                  document["section"]) + [lines[index][cut:]]
                    break
                if _quiet(lines, index):
                    inserts[index] = _block(style, page + number - 1, page + number, document["section"])
                    break
    out: list[str] = []
    for index, text in enumerate(lines):
        out.extend(inserts.get(index, [text]))
    return "\n".join(out)


# --- 目录, numbering, sections, 解读 ------------------------------------------------------------

def _entries(model: dict) -> dict[int, dict]:
    numbers = {document["toc_line"]: document["number"] for document in model["documents"]}
    return {entry["line"]: dict(entry, number=numbers.get(entry["line"])) for entry in model["toc"]}


def _toc_line(title: str, page: int, style: str, number: str | None) -> list[str]:
    if style == "wrapped-leaders":
        head, tail = (title[:26], title[26:]) if len(title) > 30 else ("", title)
        return ([head] if head else []) + [f"{tail}…………{str(page).translate(FULL_WIDTH)}"]
    if style == "dots-with-number":
        return [f"{title}（{number}）......{page}" if number else f"{title}......{page}"]
    if style == "number-on-second-line":
        return [title, f"（{number}）…{page}"] if number else [f"{title}…{page}"]
    return [f"{title}    {page}"]  # spaces


def reshape_toc(style: str, text: str | None = None) -> str:
    """The sample's 目录 in another common shape."""
    lines = (text or SAMPLE.read_text(encoding="utf-8")).split("\n")
    entries = _entries(golden())
    out: list[str] = []
    for index, line in enumerate(lines):
        entry = entries.get(index + 1)
        if entry is None:
            out.append(line)
            continue
        printed = line.split("\t")[0]
        out.extend(_toc_line(printed, entry["page"], style, entry["number"]))
    return "\n".join(out)


def renumber(text: str, label: str) -> str:
    """Number the issue by 期 (``2019年第5期（总第1013期）``) or as a combined issue."""
    return text.replace("第 2 号(总第 157 号)", label)


SECTION_NAMES = {"市政府文件": "政府文件", "市政府办公室文件": "政府办公室文件", "政策解读": "文件解读"}


def rename_sections(text: str) -> str:
    for old, new in SECTION_NAMES.items():
        text = text.replace(f"【{old}】", f"【{new}】")
    return text


_INTERPRETATION = re.compile(r"^《(?P<name>.+)》解读(?P<rest>\t\d+)?$", re.M)


def retitle_interpretations(text: str) -> str:
    """``《X》解读`` → ``关于《X》的政策解读``; ``政策文件：`` → ``解读文件：``."""
    text = _INTERPRETATION.sub(lambda found: f"关于《{found['name']}》的政策解读{found['rest'] or ''}", text)
    return text.replace("\n政策文件：", "\n解读文件：")


def imprint_cover(text: str, cover: list[str]) -> str:
    """A cover that prints number and date, and a labelled imprint instead of the editorial board."""
    lines = text.split("\n")
    start = lines.index("《三门峡市人民政府公报》")
    end = lines.index("(内部资料免费赠阅)")
    imprint = ["主办：三门峡市人民政府办公室", "", "编辑出版：《三门峡市人民政府公报》编辑部", "",
               "地址：三门峡市崤山路47号", "", "印发日期：2019年2月11日", ""]
    lines[start:end + 1] = imprint
    toc = lines.index("目 录")
    lines[:toc] = cover
    return "\n".join(lines)
