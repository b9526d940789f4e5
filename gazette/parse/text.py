"""Small text helpers shared by the stages: compact forms and title cleaning."""

from __future__ import annotations

import re

from gazette.parse.markers import HAN

_CJK = rf"{HAN}\u3000-\u303f\uff00-\uffef“”‘’—…《》"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[ \u3000\t]+|[ \u3000\t]+(?=[{_CJK}])")
_ALL_SPACE = re.compile(r"[\s\u3000]+")
ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
"""``str.translate`` table: full-width digits (``１２``, as page numbers and 期号 are often printed) to ASCII."""
_FOLD = str.maketrans({"（": "(", "）": ")", "〔": "[", "〕": "]", "［": "[", "］": "]", "【": "[", "】": "]",
                       "：": ":", "，": ",", "－": "-", "–": "—", "―": "—", "~": "～"})


def clean_title(text: str) -> str:
    """A title without the stray spaces of extraction: spaces next to CJK characters go."""
    return _SPACE_NEAR_CJK.sub("", text).strip()


def compact(text: str) -> str:
    """A form for comparing titles: no whitespace, full-width and ASCII brackets folded."""
    return _ALL_SPACE.sub("", text).translate(_FOLD)


def excerpt(text: str, size: int = 12, tail: bool = False) -> str:
    """The first (or last) ``size`` characters of ``text``, marked when cut."""
    if len(text) <= size:
        return text
    return "…" + text[-size:] if tail else text[:size] + "…"
