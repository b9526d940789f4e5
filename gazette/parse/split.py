"""Stage 2: split an issue into cover, 目录, masthead and one segment per document.

The 目录 guides the split: each entry is looked for, in order, among the lines after the
front matter. A title printed differently from its 目录 entry is still found (closest
match) and reported; an entry that cannot be found is reported and skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from gazette.parse import markers as m
from gazette.errors import Warning
from gazette.model import TocEntry
from gazette.parse.normalize import Line, Source
from gazette.parse.text import clean_title, compact
from gazette.parse.toc import FrontMatter, title_key

MAX_TITLE_LINES = 3
FUZZY_THRESHOLD = 0.75


@dataclass(frozen=True)
class Segment:
    """The lines of one document, located with the help of its 目录 entry."""

    entry: TocEntry | None
    """The 目录 entry, or None for a standalone document."""
    title_lines: tuple[Line, ...]
    """Lines that hold the title as printed (empty: the document parser finds them)."""
    lines: tuple[Line, ...]
    """Every line of the document, title included."""


def locate(source: Source, front: FrontMatter, warnings: list[Warning]) -> list[Segment]:
    """Find each 目录 entry's document in the body and cut the body into segments.

    Entries are looked for in 目录 order, but a document printed elsewhere is still found
    (and reported): the text's order, not the 目录's, decides where a document ends."""
    body = list(source.lines[front.body_start:])
    candidates = list(_candidates(body, 0, len(body)))
    by_text: dict[str, list[tuple[int, int]]] = {}
    for index, count, text in candidates:
        by_text.setdefault(text, []).append((index, count))
    found: dict[int, tuple[int, int]] = {}
    used: set[int] = set()
    cursor = 0
    for position, entry in enumerate(front.toc):
        hit = _find_exact(by_text, entry.title, cursor, used) or _find_exact(by_text, entry.title, 0, used)
        if hit:
            found[position], cursor = hit, hit[0] + 1
            used.add(hit[0])
    for position, entry in enumerate(front.toc):
        if position in found:
            continue
        low = max((found[p][0] + 1 for p in found if p < position), default=0)
        high = min((found[p][0] for p in found if p > position and found[p][0] >= low), default=len(body))
        hit = _find_fuzzy(candidates, entry.title, low, high, used)
        if hit is None:
            warnings.append(Warning(source.file, entry.line, "toc-missing",
                                    f"目录条目在正文中未找到：{entry.title}（第 {entry.page} 页）"))
            continue
        printed = clean_title("".join(line.text for line in _title_lines(body, *hit)))
        warnings.append(Warning(source.file, body[hit[0]].number, "toc-mismatch",
                                f"标题与目录条目（第 {entry.line} 行）不一致："
                                f"目录为「{entry.title}」，正文为「{printed}」"))
        found[position] = hit
        used.add(hit[0])
    starts = sorted((hit[0], hit[1], front.toc[position]) for position, hit in found.items())
    _check_order(source.file, [entry for _, _, entry in starts], warnings)
    segments = []
    for number, (start, count, entry) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(body)
        begin = 0 if number == 0 else start  # text before the first title stays with the first document
        segments.append(Segment(entry, tuple(_title_lines(body, start, count)), tuple(body[begin:end])))
    return segments


def _check_order(file: str, printed: list[TocEntry], warnings: list[Warning]) -> None:
    """Documents printed in another order than the 目录 lists them: each one that moved, reported."""
    expected = sorted(printed, key=lambda entry: entry.line)
    if expected == printed:
        return
    keep = _in_order([entry.line for entry in printed])
    for position, entry in enumerate(printed):
        if position not in keep:
            warnings.append(Warning(file, entry.line, "toc-order",
                                    f"正文中的顺序与目录不同：「{entry.title}」是正文第 {position + 1} 篇，"
                                    f"目录中是第 {expected.index(entry) + 1} 篇"))


def _in_order(values: list[int]) -> set[int]:
    """Positions of a longest increasing run of ``values``: the entries that did not move."""
    best: list[list[int]] = []
    for position, value in enumerate(values):
        chains = [chain for chain in best if values[chain[-1]] < value]
        longest = max(chains, key=len, default=[])
        best.append(longest + [position])
    return set(max(best, key=len, default=[]))


def _title_lines(body: list[Line], start: int, count: int) -> list[Line]:
    taken = []
    index = start
    while len(taken) < count and index < len(body):
        if body[index].text:
            taken.append(body[index])
        index += 1
    return taken


def _candidates(body: list[Line], start: int, stop: int):
    """Yield (index, count, compact text) of runs of 1..3 title-like lines."""
    for index in range(start, min(stop, len(body))):
        if not body[index].text:
            continue
        text = ""
        lines_seen = 0
        probe = index
        blanks = 0
        while probe < len(body) and lines_seen < MAX_TITLE_LINES:
            line = body[probe]
            if not line.text:
                blanks += 1
                if blanks > 1 and not _turned(body, probe):
                    break
                probe += 1
                continue
            blanks = 0
            if m.has_sentence(line.text) or "\t" in line.raw.strip():
                break
            text += compact(line.text)
            lines_seen += 1
            yield index, lines_seen, title_key(text)
            probe += 1


def _turned(body: list[Line], index: int) -> bool:
    """Whether the blank lines at ``index`` hide removed page furniture: the next text line follows a page turn."""
    while index < len(body) and not body[index].text:
        index += 1
    return index < len(body) and body[index].after_break


def _find_exact(by_text: dict, title: str, start: int, used: set[int]) -> tuple[int, int] | None:
    for index, count in by_text.get(title_key(title), ()):
        if index >= start and index not in used:
            return index, count
    return None


LENGTH_SLACK_MIN = 6
"""A printed title may differ from its 目录 entry by a few characters whatever its length (人民 added, 的 dropped)."""
LENGTH_SLACK_SHARE = 4
"""…and by a quarter of a long title (a subtitle or a year range added in one place only)."""


def _length_slack(title: str) -> int:
    """How much longer or shorter than its 目录 entry a printed title may be and still be compared."""
    return max(LENGTH_SLACK_MIN, len(title) // LENGTH_SLACK_SHARE)


def _find_fuzzy(candidates: list, title: str, start: int, stop: int, used: set[int]) -> tuple[int, int] | None:
    """The closest title-like run of lines, of the same 文种 as the entry (a 解读 is not its policy)."""
    wanted = title_key(title)
    kind = m.document_type(wanted)
    best, best_ratio = None, FUZZY_THRESHOLD
    for index, count, text in candidates:
        if index < start or index >= stop or index in used:
            continue
        if abs(len(text) - len(wanted)) > _length_slack(wanted) or m.document_type(text) != kind:
            continue
        ratio = SequenceMatcher(None, wanted, text, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = (index, count), ratio
    return best
