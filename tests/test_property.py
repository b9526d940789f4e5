"""Property tests: random gazette-like text never crashes the parser and loses nothing."""

from __future__ import annotations

import frontmatter
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from gazette.archive import build_archive
from gazette.check.coverage import measure
from gazette.errors import ParseError
from gazette.parse.normalize import decode
from gazette.paths import document_page
from gazette.site.pages import site_files
from gazette.parse import parse_source

HAN = "三门峡市人民政府关于印发管理办法的通知决定意见公布表彰加强工作建设发展债务国有资产劃轉體"
PUNCT = "，。；：、（）《》〔〕“”！？—…"
ASCII = "<>*_#[]|{}:-`&!()/\\=+~^$%'\" abc"
MARKERS = ["第一章 ", "第三条 ", "一、", "（二）", "(三)", "1. ", "2．", "（1）", "②", "——", "- 3. ", "附件",
           "附件：", "附 件", "政策文件：", "【市政府文件】", "《办法》解读", "三政〔2018〕29号", "（此件公开发布）",
           "2018年11月20日", "二〇〇六年十二月三十日", "三门峡市人民政府", "三门峡市人民政府文件", "索引号：1",
           "各县（市、区）人民政府：", "目 录", "第 2 号(总第 157 号)", "《三门峡市人民政府公报》"]

fragment = st.text(alphabet=HAN + PUNCT + ASCII + "0123456789", min_size=0, max_size=40)
table_row = st.lists(fragment.map(lambda s: s.replace("\n", "")), min_size=2, max_size=5).map("\t".join)
line = st.one_of(
    fragment,
    st.tuples(st.sampled_from(MARKERS), fragment).map("".join),
    table_row,
    st.just(""),
    st.sampled_from(MARKERS),
)
document_text = st.lists(line, min_size=1, max_size=40).map("\n".join)


def _walk(blocks):
    for block in blocks:
        yield block
        yield from _walk(getattr(block, "children", ()))


def _check(text: str) -> None:
    try:
        source = decode("fuzz.txt", text.encode("utf-8"))
        gazette = parse_source(source)
    except ParseError as error:
        assert error.file == "fuzz.txt"
        event(f"refused: {error.reason[:20]}")
        return
    event(f"parsed: {len(gazette.documents)} documents, issue={gazette.issue is not None}")
    archive = build_archive([gazette])
    files = site_files(archive)
    gazette = archive.gazettes[0]
    pages = [files[document_page(gazette, d.slug)] for d in gazette.documents]
    coverage = measure(source, gazette.body_start, pages, gazette.furniture)
    assert coverage.complete, coverage.summary()
    for document, page in zip(gazette.documents, pages):
        anchors = [b.anchor for b in _walk(document.body) if hasattr(b, "anchor")]
        assert len(anchors) == len(set(anchors))
        meta = frontmatter.loads(page).metadata
        assert meta["title"] == document.title
        assert meta["number"] == document.number
        assert meta["slug"] == document.slug


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document_text)
def test_random_standalone_documents_never_crash_and_lose_nothing(text):
    _check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(fragment, st.integers(1, 99)), min_size=1, max_size=4), st.lists(document_text, max_size=4))
def test_random_issues_with_a_toc_never_crash_and_lose_nothing(entries, bodies):
    toc = [f"{title or '通知'}\t{page}" for title, page in entries]
    docs = []
    for (title, _), body in zip(entries, bodies):
        docs += [title or "通知", "", body, ""]
    masthead = ["《三门峡市人民政府公报》", "编 委 会", "主 任：范付中", "第 2 号(总第 157 号)",
                "出版日期:2019 年 2 月 11 日", "(内部资料免费赠阅)"]
    text = "\n".join(["三门峡市人民政府 公 报", "", "目 录", "【市政府文件】", *toc[:1], *masthead, *toc[1:], "", *docs])
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_are_parsed_or_refused_with_a_parse_error(data):
    try:
        source = decode("bytes.txt", data)
    except ParseError as error:
        assert error.file == "bytes.txt"
        return
    try:
        gazette = parse_source(source)
    except ParseError:
        return
    archive = build_archive([gazette])
    site_files(archive)
