"""How search compares text: the one normalization that the index writer and the browser share.

Text and query are folded the same way, code point by code point, so that "the folded text contains
the folded query" is the whole definition of a match (what Ctrl+F would find):

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

import unicodedata
from functools import lru_cache

_BRACKETS = {"〔": "[", "〕": "]"}
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """The folded form of one code point: usually itself, sometimes several characters or none."""
    out = []
    for folded in unicodedata.normalize("NFKC", char):
        folded = _BRACKETS.get(folded, folded)
        if folded.isspace() or folded in _INVISIBLE:
            continue
        if "A" <= folded <= "Z":
            folded = folded.lower()
        out.append(folded)
    return "".join(out)


def fold(text: str) -> str:
    """``text`` as search compares it."""
    if text.isascii():
        return "".join(text.lower().split())
    return "".join(map(fold_char, text))


def query_terms(query: str) -> list[str]:
    """The folded terms of a query: words separated by white space, all of which must occur."""
    terms = []
    for word in query.split():
        term = fold(word)
        if term and term not in terms:
            terms.append(term)
    return terms
