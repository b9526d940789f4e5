"""The search index writer and the folding it shares with the browser (gazette-search.js)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from gazette.build.search_index import (KNOWN, UNIT_CHARS, Writer, _cut, carrier, cover, decode, encode, fnv1a, grams,
                                        known_keys, read_script, shard_count, unit_bigrams, unit_digit_grams,
                                        write_index)
from gazette.model import Cell, Document, Gazette, Issue, OrderedList, Paragraph, Section, Signature, Table
from gazette.site.search_fold import fold, query_terms
from gazette.site.search_text import Block, body_blocks, head_blocks


def test_fold_ignores_spaces_and_folds_widths_brackets_and_case():
    assert fold("三政办〔2018〕41 号") == "三政办[2018]41号"
    assert fold("三政［２０１８］３４号") == "三政[2018]34号"
    assert fold("（一） 总　则") == "(一)总则"
    assert fold("ＰＰＰ Ppp\u200b模式") == "pppppp模式"
    assert fold("") == "" and fold(" \t\u3000") == ""


def test_query_terms_are_the_folded_words_each_once():
    assert query_terms("  债务  管理 债务 ") == ["债务", "管理"]
    assert query_terms("三政〔2018〕34号") == ["三政[2018]34号"]
    assert query_terms("\u3000") == []


@given(st.lists(st.integers(min_value=0, max_value=10**7), unique=True))
def test_encode_and_decode_are_inverse_for_ascending_ids(ids):
    ids = sorted(ids)
    text = encode(ids)
    assert re.fullmatch(r"[0-9A-Za-z_-]*", text)
    assert decode(text) == ids


def test_encode_continues_gaps_from_a_previous_batch():
    assert decode(encode([3, 9]) + encode([40, 41], previous=9)) == [3, 9, 40, 41]
    assert encode([0, 1, 2]) == "000" and encode([31]) == "V" and encode([32]) == "X0"


def test_fnv1a_hashes_utf16_code_units_as_javascript_does():
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C  # the published FNV-1a test vector
    assert fnv1a("债务") != fnv1a("务债")


def test_grams_are_the_characters_and_bigrams_of_a_block_and_never_span_two():
    assert grams("债务管") == {"债", "务", "管", "债务", "务管"}
    assert grams("债") == {"债"}
    assert unit_bigrams(["债务", "管", "理办"]) == {"债务", "理办"}
    assert unit_bigrams(["债务管"]) == {"债务", "务管"} and unit_bigrams([]) == set()


def test_a_long_term_is_bounded_by_its_first_bigram_and_its_rarest_grams():
    common = {"人民": 0, "政府": 1, "民政": 2, "市人": 3}
    assert cover("债", common) == ["债"] and cover("债务", common) == ["债务"]
    assert cover("债务管", common) == ["债务", "务管"]
    assert cover("市人民政府", common) == ["市人", "民政", "政府"]  # the least common listed
    assert cover("三门峡市人民政府", common) == ["三门", "峡市", "门峡"]  # unlisted first, the later first
    # Digits: the trigrams at the edges of each run, the last run first; a three-character term is its trigram.
    assert cover("三政[2018]34号", common) == ["三政", "]34号", "[2018]", "政["]  # the number, the year
    assert cover("三政[2018]34", common) == ["三政", "]34", "[2018]", "政["]  # the number's start
    assert cover("34号", common) == ["34号"] and cover("2018", common) == ["20", "018", "201"]
    assert cover("第3号文", common) == ["第3", "第3号", "号文"]
    assert cover("~12", common) == ["~1", "12"]  # not indexed as a trigram: the known items' prefix


def test_grams_with_digits_are_indexed_within_blocks():
    assert unit_digit_grams(["三政[2018]3号", "34号"]) == {"政[2", "[20", "201", "018", "18]", "8]3", "]3号", "34号",
                                                         "[2018]"}  # and runs between two other characters
    assert unit_digit_grams(["债务", "~12"]) == set()


def test_shard_count_grows_with_the_archive_as_a_power_of_two():
    assert shard_count(14) == 16 and shard_count(2400) == 2048 and shard_count(24000) == 4096


def _document(**fields) -> Document:
    values = dict(title="三门峡市人民政府关于 印发 办法的通知", number="三政〔2018〕34号", date=date(2018, 12, 17),
                  issuer="三门峡市人民政府", type="通知", section="市政府文件", page=1, pages=(1, 2), addressees=(),
                  attachments=(), interprets=None, cites=(), slug="sz-2018-34", body=(), line=1, end_line=2)
    values.update(fields)
    return Document(**values)


BODY = (
    Paragraph("三政〔2018〕34 号", 2, "number"),
    Paragraph("各县（市、区）人民政府：", 3, "addressees"),
    Section("article", "第一条", 1, None, "为加强\n管理，制定本办法。", "art-1", 4,
            (Paragraph("（一）子项", 5),)),
    Table(("序号", "企业名称"), ((Cell("1"), Cell("三门峡泰福商贸有限公司")), (Cell("2"), Cell("1", merged=True))), 6),
    OrderedList((), 8),
    Signature(("三门峡市人民政府",), date(2018, 12, 17), "2018年12月17日", 9),
)


def test_search_text_is_the_page_in_blocks_with_the_anchor_of_their_article():
    document = _document(body=BODY)
    assert head_blocks(document) == [Block("", document.title), Block("", "三政〔2018〕34 号")]
    assert list(body_blocks(document)) == [
        Block("", "各县（市、区）人民政府："),
        Block("art-1", "第一条 为加强管理，制定本办法。"),  # one printed line; the line break is joined
        Block("art-1", "（一）子项"),
        Block("", "序号"), Block("", "企业名称"),
        Block("", "1", True), Block("", "三门峡泰福商贸有限公司", True), Block("", "2", True),  # cells are names
        Block("", "三门峡市人民政府2018年12月17日"),
    ]


def test_known_keys_are_the_title_the_number_in_its_short_forms_and_table_names():
    keys = known_keys(_document(body=BODY))
    assert {"三门峡市人民政府关于印发办法的通知", "三政[2018]34号", "三政[2018]34", "[2018]34号", "34号",
            "三门峡泰福商贸有限公司"} <= keys
    assert "1" not in keys and "序号" not in keys


def test_units_are_cut_at_block_boundaries_and_never_split_a_block():
    part, whole = UNIT_CHARS * 3 // 5, UNIT_CHARS * 3
    blocks = [(Block("", text), text) for text in ("字" * part, "字" * part, "字" * whole, "字", "字")]
    assert [[len(b.text) for b, _ in unit] for unit in _cut(blocks)] == [[part], [part], [whole], [1, 1]]
    assert _cut([]) == []


def _gazette(documents) -> Gazette:
    return Gazette("2019-02.txt", Issue(2019, 2, 157, date(2019, 2, 1), "公报"), None, (), tuple(documents))


def _load(path: Path):
    return read_script(path.read_text(encoding="utf-8"))


def test_written_index_finds_every_unit_by_its_grams_and_known_items_by_document(tmp_path):
    first = _document(body=BODY)
    second = _document(title="关于公布名单的决定", number="三政〔2018〕35号", slug="sz-2018-35", type="决定",
                       body=(Paragraph("名单如下。", 2),))
    gazette = _gazette([first, second])
    figures = write_index([(gazette, first), (gazette, second)], tmp_path)
    assert figures["documents"] == 2 and figures["shards"] == 16
    _, head = _load(tmp_path / "head.js")
    assert head["urls"] == "dir" and head["documents"] == 2
    units = decode(head["first"]) + [head["units"]]
    assert units[0] == 0 and units[1] > 1  # the title unit, then the body

    common = head["common"]

    def postings(key):
        rank = {gram: index for index, gram in enumerate(common)}
        gram = carrier(key[1:], rank) if key.startswith(KNOWN) else key  # a known item rides with its cover
        name, data = _load(tmp_path / "p" / f"{fnv1a(gram) % head['shards']}.js")
        assert name == f"p/{fnv1a(gram) % head['shards']}"
        return decode(data.get(key, ""))

    for unit in range(head["units"]):
        name, (doc, meta, blocks) = _load(tmp_path / "t" / "0" / f"{unit}.js")
        assert name == f"t/{unit}" and units[doc] <= unit < units[doc + 1]
        for block in blocks:
            assert block[2:] in ([], [1])  # a name is marked
            for gram in grams(fold(block[1])):
                assert (unit if len(gram) == 2 else doc) in postings(gram)  # bigrams by unit, characters by document
    assert postings("泰福") == [1] and postings("名单") == [units[1], units[1] + 1]
    assert postings("泰") == [0] and postings("名") == [0, 1]
    assert postings(KNOWN + "35号") == [1] and postings(KNOWN + "34号") == [0]
    assert postings(KNOWN + "三门峡泰福商贸有限公司") == [0]
    _, meta = _load(tmp_path / "t" / "0" / "0.js")[1][:2]
    assert meta == ["2019/2/sz-2018-34", first.title, "三政〔2018〕34号", "2018年12月17日", "2019年第2号（总第157号）",
                    "通知", "三门峡市人民政府", "市政府文件", meta[8]]
    assert head["facets"]["type"] == [["通知", 1], ["决定", 1]]
    counts = [len(postings(gram)) for gram in common]
    assert "三政" in common and counts == sorted(counts, reverse=True)  # the most common bigrams, most first
    assert _load(tmp_path / "facets.js")[1]["type"] == "01"  # each document's 文种, by index


def test_spilled_batches_give_the_same_index_as_one_batch(tmp_path, monkeypatch):
    documents = [_document(body=BODY, slug=f"sz-2018-{n}", number=f"三政〔2018〕{n}号") for n in range(30)]
    gazette = _gazette(documents)
    write_index([(gazette, d) for d in documents], tmp_path / "one")
    monkeypatch.setattr("gazette.build.search_index.BATCH", 50)
    write_index([(gazette, d) for d in documents], tmp_path / "many")
    for path in sorted((tmp_path / "one").rglob("*.js")):
        assert path.read_bytes() == (tmp_path / "many" / path.relative_to(tmp_path / "one")).read_bytes(), path


def test_the_writer_leaves_no_spill_files_behind(tmp_path):
    writer = Writer(tmp_path / "index")
    writer.add(_gazette([]), _document(body=BODY))
    writer.finish()
    assert not writer.spill_dir.exists()


def test_the_browser_folds_every_block_that_may_hold_an_ideograph_after_folding():
    """gazette-search.js skips folding a block that has neither a term's leading ideograph nor a character
    matched by FOLDS_TO_HAN; every character whose NFKC form holds an ideograph must be matched."""
    import unicodedata

    script = (Path(__file__).parents[1] / "overrides/assets/javascripts/gazette-search.js").read_text(encoding="utf-8")
    ranges = re.search(r"var FOLDS_TO_HAN = /\[(.*?)\]/;", script).group(1)
    pattern = re.compile("[" + ranges.encode().decode("unicode_escape") + "]")
    missed = [hex(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF
              and unicodedata.normalize("NFKC", chr(code)) != chr(code)
              and any("\u4e00" <= c <= "\u9fff" for c in unicodedata.normalize("NFKC", chr(code)))
              and not pattern.match(chr(code))]
    assert missed == []
    assert pattern.match("\u32b0") and not pattern.match("。")  # ㊰ (夜) is matched, common punctuation is not


def test_the_browser_maps_highlights_in_place_only_for_characters_that_fold_to_one_character_alone():
    """gazette-search.js places highlights without a character map when the text is made only of IN_PLACE
    characters; each must fold to exactly one character and never merge with its neighbours."""
    import unicodedata

    from gazette.site.search_fold import fold

    script = (Path(__file__).parents[1] / "overrides/assets/javascripts/gazette-search.js").read_text(encoding="utf-8")
    ranges = re.search(r"var IN_PLACE = /\^\[(.*?)\]\*\$/;", script).group(1)
    pattern = re.compile("[" + ranges.encode().decode("unicode_escape") + "]")
    seconds = set()  # characters that compose with the one before them (NFC)
    for code in range(0x110000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    members = [chr(code) for code in range(0x10000) if pattern.match(chr(code))]
    assert len(members) > 20000
    wrong = [hex(ord(c)) for c in members if len(fold(c)) != 1 or unicodedata.combining(c) or c in seconds
             or 0x1100 <= ord(c) <= 0x11FF or 0x3130 <= ord(c) <= 0x318F or 0xD800 <= ord(c) <= 0xDFFF]
    assert wrong == []
    text = "".join(members[::7])
    assert len(fold(text)) == len(text)  # in place, as a whole too
