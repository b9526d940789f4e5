"""How search compares text: the one normalization that the index writer and the browser share.

Text and query are folded the same way, so that "the folded text contains the folded query" is the
whole definition of a match (what Ctrl+F would find):

- NFKC, which folds full-width letters, digits and brackets to their ASCII forms (``３４`` → ``34``,
  ``（）`` → ``()``, ``［］`` → ``[]``) and the ideographic space to a space;
- the tortoise-shell brackets of a 文号 (``〔〕``, which NFKC keeps) to ``[]``, so ``三政[2018]34号``
  finds ``三政〔2018〕34号``;
- ASCII letters to lower case;
- white space and zero-width characters dropped: the print edition has ``44 号`` and letter-spaced
  titles, and a reader types neither the spaces nor their absence reliably.

The browser does the same in ``overrides/assets/javascripts/gazette-search.js`` (``fold``); the query
set test checks that both agree on the sample.
"""

from __future__ import annotations

import re
import unicodedata

_WIDE = re.compile("[\uff01-\uff5e\u3000]")
_NARROW = {chr(point): chr(point - 0xFEE0) for point in range(0xFF01, 0xFF5F)} | {"\u3000": " "}
"""Full-width forms and their NFKC images: replaced first, most text is then already NFKC (and the whole
NFKC pass, several times slower than this on Chinese text, is skipped)."""
_REPLACED = (("〔", "["), ("〕", "]"), ("\u200b", ""), ("\u200c", ""), ("\u200d", ""), ("\u2060", ""),
             ("\ufeff", ""), ("\u00ad", ""))
_UPPER = re.compile("[A-Z]+")


def fold(text: str) -> str:
    """``text`` as search compares it (all C-level string operations: it runs over the whole archive)."""
    for wide in set(_WIDE.findall(text)):
        text = text.replace(wide, _NARROW[wide])
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    for old, new in _REPLACED:
        if old in text:
            text = text.replace(old, new)
    text = "".join(text.split())
    if _UPPER.search(text):
        text = _UPPER.sub(lambda run: run.group().lower(), text)
    return text


def query_terms(query: str) -> list[str]:
    """The folded terms of a query: words separated by white space, all of which must occur."""
    terms = []
    for word in query.split():
        term = fold(word)
        if term and term not in terms:
            terms.append(term)
    return terms
