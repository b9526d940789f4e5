"""The search index (检索索引): character n-grams of every document, cut into small script files.

Why this shape (README, 检索): a reader's query must find every document whose folded text contains it
(:mod:`gazette.site.search_fold`), online and from ``file://``, loading little. So:

- a document's text is cut into *units* of about ``UNIT_CHARS`` characters at block boundaries (unit 0
  is the title and 文号); no match crosses a block, so every occurrence lies inside one unit;
- every unit is indexed by its character bigrams (no word segmentation), every document by its single
  characters (a one-character query needs no more: its postings are exact); a longer term's candidate
  units are those holding all its bigrams, a superset of the units that contain it, which the browser
  verifies against their text, so results are exact;
- postings are unit ids, delta-coded as base-32 varints in a URL-safe alphabet (``encode``), and sharded
  by a 32-bit FNV-1a hash of the gram into ``p/<shard>.js``; a query loads the postings of few of a long
  term's bigrams, its first and its rarest (``cover``, by the head's list of the ``COMMON`` most common);
  known items (titles, 文号 in full and short forms, names from tables) share those shards under the key
  ``~<folded key>`` with document ids, each in the shard of the most telling gram of its own cover
  (``carrier``), which a query for it loads anyway: no file of its own, and no shard swollen by every
  title that starts 三门峡市;
- each unit is its own ``t/<k>/<unit>.js`` (its blocks with anchors, names marked, and its document's
  metadata), so a result costs one small file for its excerpt and its place;
- every file is a classic script calling ``__gzSearch(name, data)``: ``file://`` forbids fetch, XHR,
  modules and workers but runs a ``<script src>`` added at run time;
- ``warm.js`` packs a tiny index of synthetic documents that the browser searches when the search box opens,
  so that a reader's first query runs warm (:mod:`gazette.build.search_warm`).

Postings are spilled to disk batch by batch (``Spill``), so memory stays flat as the archive grows.
"""

from __future__ import annotations

import heapq
import json
import math
import os
import re
from collections import Counter, defaultdict
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from gazette.model import Document, Gazette
from gazette.paths import document_url
from gazette.site.search_fold import fold
from gazette.site.search_text import Block, body_blocks, head_blocks, names
from gazette.site.labels import cn_date

FOLDER = "search"
UNIT_CHARS = 4000
"""Characters of text per unit (at block boundaries): one unit is one excerpt's download (about 5 KB)."""
KNOWN = "~"
"""Prefix of known-item keys in the posting shards; grams are at most two characters, keys longer."""
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
_SMALL = 32 ** 3


def _digits(value: int) -> str:
    """Base-32 digits, most significant first; all but the last from the upper half of the alphabet."""
    out = [ALPHABET[value & 31]]
    value >>= 5
    while value:
        out.append(ALPHABET[32 + (value & 31)])
        value >>= 5
    return "".join(reversed(out))


_TABLE = [_digits(value) for value in range(_SMALL)]


def encode(ids: list[int], previous: int = -1) -> str:
    """Ascending ids as gaps (id − previous − 1), each a varint of ``ALPHABET`` characters."""
    gaps = [value - before - 1 for before, value in zip([previous, *ids], ids)]
    try:
        return "".join([_TABLE[gap] for gap in gaps])
    except IndexError:  # a gap of 32,768 or more: rare, so the fast path above comes first
        return "".join(_TABLE[gap] if gap < _SMALL else _digits(gap) for gap in gaps)


def decode(text: str) -> list[int]:
    """The inverse of :func:`encode` (the browser has its own copy)."""
    ids, value, previous = [], 0, -1
    for char in text:
        digit = ALPHABET.index(char)
        if digit >= 32:
            value = value * 32 + digit - 32
        else:
            previous += value * 32 + digit + 1
            ids.append(previous)
            value = 0
    return ids


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over UTF-16 code units, as JavaScript sees a string."""
    value = 0x811C9DC5
    data = text.encode("utf-16-le")
    for index in range(0, len(data), 2):
        value = ((value ^ (data[index] | data[index + 1] << 8)) * 0x01000193) & 0xFFFFFFFF
    return value


RARE = 2
"""Grams of a long term besides its first bigram whose postings a query loads; one more if it has digits."""


def cover(term: str, common: dict[str, int]) -> list[str]:
    """The grams whose postings bound a folded term, as the browser chooses them (``cover`` in
    gazette-search.js). Up to two characters, the term itself; up to two bigrams, those; else the first
    bigram and the ``RARE`` best others (one more with digits): first each run of digits with the characters
    around it when the term has both (the later first: 三政[2018]34号 → ]34号, [2018]), else the trigrams at the
    run's edges (三政[2018]34 → ]34); then bigrams not inside those, the rarer first (unlisted in ``common``
    before listed; among equals the later)."""
    if len(term) <= 2:
        return [term]
    grams = list(dict.fromkeys(map(str.__add__, term, term[1:])))
    runs = list(_DIGITS.finditer(term))
    if len(grams) <= 2 and not runs:
        return grams
    if len(term) == 3 and runs and not term.startswith(KNOWN):
        return [term]  # exact: every trigram with a digit is indexed (but ~12, the prefix of known items)
    picked = []
    for run in reversed(runs):
        start, end = run.span()
        if start and end < len(term):
            picked.append(term[start - 1:end + 1])
        else:
            picked += [term[end - 2:end + 1] if end < len(term) else term[end - 3:end],
                       term[start - 1:start + 2] if start else term[start:start + 3]]
    picked = [gram for gram in picked if len(gram) >= 3 and not gram.startswith(KNOWN)]
    rest = sorted(enumerate(grams[1:]), key=lambda pair: (-common.get(pair[1], math.inf), -pair[0]))
    picked = list(dict.fromkeys(picked))
    picked += [gram for _, gram in rest if not any(gram in longer for longer in picked)]
    return [grams[0]] + picked[:RARE + bool(runs)]


def carrier(key: str, common: dict[str, int]) -> str:
    """The gram whose shard holds a known item: its cover's most telling one (the first after the first
    bigram: a number with its neighbours, or the rarest bigram), which a query for it loads anyway, and
    which spreads the 文号 of one issuer over many shards."""
    grams = cover(key, common)
    return grams[1] if len(grams) > 1 else grams[0]


def shard_count(documents: int) -> int:
    """A power of two near the number of documents, 16 to 4,096: shards of a few KB each."""
    count = 16
    while count < 4096 and count * 1.5 < documents:
        count *= 2
    return count


def grams(text: str) -> set[str]:
    """Single characters and bigrams of one folded block."""
    found = set(text)
    found.update(map(str.__add__, text, text[1:]))
    return found


def unit_bigrams(blocks: list[str]) -> set[str]:
    """The bigrams of a unit's folded blocks; none spans two blocks (no match does)."""
    joined = _SEPARATOR.join(blocks)
    found = set(map(str.__add__, joined, joined[1:]))
    at = -1
    for block in blocks[:-1]:
        at += len(block) + 1
        found.discard(joined[at - 1:at + 1])
        found.discard(joined[at:at + 2])
    return found


_DIGITS = re.compile("[0-9]+")


def unit_digit_grams(blocks: list[str]) -> set[str]:
    """The grams with digits of a unit's folded blocks: every trigram that holds a digit, and every run of
    digits with the characters around it (]34号, [2018]). Ten digits make few bigrams, each in many units,
    and 三政[2018]34号's bigrams meet in units that cite 三政[2017]34号 and [2018] apart: these grams tell
    them apart. (Not those that start with ``KNOWN``, the known items' prefix.)"""
    found = set()
    for block in blocks:
        for match in _DIGITS.finditer(block):
            start, end = match.span()
            if start and end < len(block):
                found.add(block[start - 1:end + 1])
            for at in range(max(0, start - 2), min(end, len(block) - 2)):
                found.add(block[at:at + 3])
    return {gram for gram in found if not gram.startswith(KNOWN)}


_SEPARATOR = "\x00"
"""Joins the blocks of a unit; folded text never holds it (a control character of no gazette)."""


def known_keys(document: Document) -> set[str]:
    """What typed alone puts this document first: its title, 文号 (full and short), table names."""
    keys = {fold(document.title)}
    if document.number:
        keys.update(_number_forms(fold(document.number)))
    for name in names(document):
        name = fold(name)
        if len(name) >= 4 and not name.isdigit():
            keys.add(name)
    return {key for key in keys if len(key) >= 2}


def _number_forms(number: str) -> list[str]:
    """三政[2018]34号 → itself, 三政[2018]34, [2018]34号 and 34号."""
    forms = [number]
    if number.endswith("号"):
        forms.append(number[:-1])
    if "]" in number:
        tail = number[number.index("]") + 1:]
        forms += [number[number.index("["):], tail]
    return forms


@dataclass
class Spill:
    """Postings of many batches, kept on disk in ``BUCKETS`` files of ``gram<TAB>varints`` lines."""

    folder: Path
    BUCKETS = 256
    last: dict = field(default_factory=dict)
    """gram → the last id written, so that the next batch continues its gaps."""

    @property
    def empty(self) -> bool:
        return not self.last

    def write(self, postings: dict[str, list[int]]) -> None:
        lines: dict[int, list[str]] = {}
        for gram, ids in postings.items():
            lines.setdefault(fnv1a(gram) % self.BUCKETS, []).append(
                f"{gram}\t{encode(ids, self.last.get(gram, -1))}\n")
            self.last[gram] = ids[-1]
        for bucket, chunk in lines.items():
            with open(self.folder / f"{bucket}.tsv", "a", encoding="utf-8") as out:
                out.writelines(chunk)

    def buckets(self):
        """Each bucket's postings, as gram → varints joined across batches."""
        for bucket in range(self.BUCKETS):
            path = self.folder / f"{bucket}.tsv"
            merged: dict[str, list[str]] = {}
            if path.exists():
                with open(path, encoding="utf-8") as lines:
                    for line in lines:
                        gram, _, varints = line.rstrip("\n").partition("\t")
                        merged.setdefault(gram, []).append(varints)
            yield bucket, {gram: "".join(parts) for gram, parts in merged.items()}


def script(name: str, data) -> str:
    return f"__gzSearch({json.dumps(name)},{json.dumps(data, ensure_ascii=False, separators=(',', ':'))})\n"


def read_script(text: str) -> tuple[str, object]:
    """The name and data of a file that :func:`script` wrote."""
    name, data = re.fullmatch(r'__gzSearch\(("[^"]+"),(.*)\)\n', text, re.S).groups()
    return json.loads(name), json.loads(data)


def encode_values(values: Iterable[int]) -> str:
    """Small non-negative integers, each a varint (not gaps)."""
    return "".join(_TABLE[value] if value < _SMALL else _digits(value) for value in values)


COMMON = 1024
"""How many of the most common bigrams the head lists, most common first: a query bounds a long term by its
rarest bigrams (fewer files, fewer false candidates), and this list is how the browser knows which are rare."""
_TERMINAL = str.maketrans("", "", ALPHABET[:32])


def posting_count(varints: str) -> int:
    """How many ids a varint string holds: one terminal digit (lower half of the alphabet) each."""
    return len(varints) - len(varints.translate(_TERMINAL))


FACETS = ("year", "type", "issuer", "section")
"""The filters of the search box: 年份, 文种, 发文机关, 栏目."""
BATCH = 2_000_000
"""Postings held in memory before they are spilled to disk."""


def document_meta(gazette: Gazette, document: Document, chars: int) -> list:
    """What a result shows: [path, title, 文号, 成文日期, issue, 文种, 发文机关, section, characters];
    the date as every page shows it (2018年12月17日)."""
    return [document_url(gazette, document).rstrip("/"), document.title, document.number,
            cn_date(document.date) or None,
            gazette.issue.label if gazette.issue else None, document.type, document.issuer,
            document.section, chars]


def document_order(gazettes: Iterable[Gazette]) -> Iterable[tuple[Gazette, Document]]:
    """Newest first: issues as given (the archive lists them newest first), then by 成文日期."""
    for gazette in gazettes:
        dated = sorted(gazette.documents, key=lambda d: d.date.toordinal() if d.date else 0, reverse=True)
        for document in dated:
            yield gazette, document


class Writer:
    """Writes the index into ``folder`` one document at a time (:meth:`add`), then :meth:`finish`."""

    def __init__(self, folder: Path, directory_urls: bool = True):
        self.folder = Path(folder)
        self.directory_urls = directory_urls
        self.spill_dir = Path(tempfile.mkdtemp(prefix="gazette-search-"))
        self.spill = Spill(self.spill_dir)
        self.postings: defaultdict[str, list[int]] = defaultdict(list)
        self.known: defaultdict[str, list[int]] = defaultdict(list)
        """Known-item key → documents; placed at the end, once the common bigrams are known."""
        self.pending = 0
        self.documents = 0
        self.units = 0
        self.first_units: list[int] = []
        self.facets = {name: {} for name in FACETS}
        self.facet_values = {name: [] for name in FACETS}

    def add(self, gazette: Gazette, document: Document) -> None:
        doc = self.documents
        self.documents += 1
        body = [(block, folded) for block in body_blocks(document) if (folded := fold(block.text))]
        meta = document_meta(gazette, document, sum(len(block.text) for block, _ in body))
        self.first_units.append(self.units)
        head = [(block, fold(block.text)) for block in head_blocks(document)]
        self._unit(doc, meta, head)
        for unit in _cut(body):
            self._unit(doc, meta, unit)
        postings = self.postings
        characters = set().union(*(folded for _, folded in head + body))
        for character in characters:
            postings[character].append(doc)
        self.pending += len(characters)
        for key in known_keys(document):
            self.known[key].append(doc)
        year = document.date.year if document.date else (gazette.issue.year if gazette.issue else None)
        for name, value in zip(FACETS, (year, document.type, document.issuer, document.section)):
            values = self.facets[name]
            self.facet_values[name].append(values.setdefault(value, len(values)))
        if self.pending >= BATCH:
            self._flush()

    def _unit(self, doc: int, meta: list, blocks: list[tuple[Block, str]]) -> None:
        unit = self.units
        self.units += 1
        folded = [text for _, text in blocks]
        found = unit_bigrams(folded) | unit_digit_grams(folded)
        postings = self.postings
        for gram in found:
            postings[gram].append(unit)
        self.pending += len(found)
        folder = os.path.join(self.folder, "t", str(unit // 1000))
        if unit % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"{unit}.js"), "w", encoding="utf-8") as out:
            out.write(script(f"t/{unit}", [doc, meta, [_block(block) for block, _ in blocks]]))

    def _flush(self) -> None:
        self.spill.write(self.postings)
        self.postings, self.pending = defaultdict(list), 0

    def finish(self) -> dict:
        """Write the shards, the head and the facets; return the figures."""
        buckets = self._in_memory() if self.spill.empty else self._spilled()
        shards = shard_count(self.documents)
        (self.folder / "p").mkdir(parents=True, exist_ok=True)
        common = _common(buckets())
        rank = {gram: index for index, gram in enumerate(common)}
        pending: dict[int, dict] = {shard: {} for shard in range(shards)}
        for key, docs in self.known.items():
            pending[fnv1a(carrier(key, rank)) % shards][KNOWN + key] = encode(docs)
        sizes = []
        for bucket, postings in buckets():
            for gram in sorted(postings):
                pending[fnv1a(gram) % shards][gram] = postings[gram]
            complete = [bucket] if shards < Spill.BUCKETS else range(bucket, shards, Spill.BUCKETS)
            if shards < Spill.BUCKETS and bucket < Spill.BUCKETS - 1:
                continue
            for shard in (range(shards) if shards < Spill.BUCKETS else complete):
                text = script(f"p/{shard}", dict(sorted(pending.pop(shard).items())))
                sizes.append(len(text.encode("utf-8")))
                (self.folder / "p" / f"{shard}.js").write_text(text, encoding="utf-8")
        shutil.rmtree(self.spill_dir, ignore_errors=True)
        self._write_head(shards, common)
        return {"documents": self.documents, "units": self.units, "shards": shards,
                "postings_bytes": sum(sizes), "shard_bytes_max": max(sizes, default=0)}

    def _spilled(self):
        """Read the spilled postings bucket by bucket, as often as called."""
        self._flush()
        return self.spill.buckets

    def _in_memory(self):
        """The postings of an archive that never filled a batch, bucketed as the spill would have them."""
        buckets: dict[int, dict[str, str]] = {}
        for gram, ids in self.postings.items():
            buckets.setdefault(fnv1a(gram) % Spill.BUCKETS, {})[gram] = encode(ids)
        self.postings = defaultdict(list)
        return lambda: ((bucket, buckets.get(bucket, {})) for bucket in range(Spill.BUCKETS))

    def _write_head(self, shards: int, common: list[str]) -> None:
        counts = {name: Counter(self.facet_values[name]) for name in FACETS}
        names = {name: [[value, counts[name][index]] for value, index in self.facets[name].items()] for name in FACETS}
        head = {"version": 2, "shards": shards, "urls": "dir" if self.directory_urls else "html",
                "documents": self.documents, "units": self.units, "known": KNOWN,
                "first": encode(self.first_units), "common": common, "facets": names}
        (self.folder / "head.js").write_text(script("head", head), encoding="utf-8")
        values = {name: encode_values(self.facet_values[name]) for name in FACETS}
        (self.folder / "facets.js").write_text(script("facets", values), encoding="utf-8")

    def abandon(self) -> None:
        shutil.rmtree(self.spill_dir, ignore_errors=True)


def _common(buckets) -> list[str]:
    """The ``COMMON`` bigrams held by the most units, most first (ties in code-point order)."""
    heap: list[tuple[int, str]] = []
    for _, postings in buckets:
        for gram, varints in postings.items():
            if len(gram) == 2:
                entry = (posting_count(varints), gram)
                (heapq.heappush if len(heap) < COMMON else heapq.heappushpop)(heap, entry)
    return [gram for _, gram in sorted(heap, key=lambda entry: (-entry[0], entry[1]))]


def _block(block: Block) -> list:
    """A block in a unit file: [anchor, text], and 1 after them for a name (table cell, list entry)."""
    return [block.anchor, block.text, 1] if block.name else [block.anchor, block.text]


def _cut(blocks: list) -> list[list]:
    """Consecutive (block, folded) pairs grouped into units of about ``UNIT_CHARS`` characters; a block is
    never split."""
    units: list[list] = []
    size = UNIT_CHARS
    for pair in blocks:
        if size + len(pair[1]) > UNIT_CHARS and (not units or units[-1]):
            units.append([])
            size = 0
        units[-1].append(pair)
        size += len(pair[1])
    return units


def write_index(entries: Iterable[tuple[Gazette, Document]], folder: str | os.PathLike,
                directory_urls: bool = True) -> dict:
    """Index ``entries`` (in id order: :func:`document_order`) into ``folder``; return the figures."""
    from gazette.build.search_warm import write_warm

    writer = Writer(Path(folder), directory_urls)
    try:
        for gazette, document in entries:
            writer.add(gazette, document)
        figures = writer.finish()
    finally:
        writer.abandon()
    write_warm(Path(folder), directory_urls)
    return figures


def index_sources(sources: Iterable[str], folder: str | os.PathLike, directory_urls: bool = True) -> dict:
    """Index issue texts (``YYYY-NN.txt``, newest first by name) holding one parsed issue in memory at a time,
    taken from the parse cache: what ``bench`` times, apart from the site build that holds the archive."""
    from gazette.build.cache import parse_all

    def entries():
        for source in sorted(sources, key=lambda path: Path(path).name, reverse=True):
            yield from document_order([parse_all([source])[source].gazette])

    return write_index(entries(), folder, directory_urls)
