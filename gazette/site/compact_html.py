"""Smaller pages: the indentation of Material's templates is a fifth of a page's bytes.

Each run of line breaks and the spaces around them becomes one line break. A browser renders
the result the same way (white space between words collapses to one space anyway) except inside
``<pre>`` and ``<textarea>``, so a page holding either is left as it is.
"""

from __future__ import annotations

import re

_INDENTATION = re.compile(r"[ \t]*\n\s*")
_PRESERVING = re.compile(r"<(?:pre|textarea)\b", re.IGNORECASE)


def compact_html(html: str) -> str:
    if _PRESERVING.search(html):
        return html
    return _INDENTATION.sub("\n", html)
