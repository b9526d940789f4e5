"""Smaller pages: the indentation of Material's templates is a fifth of a page's bytes.

Each run of line breaks and the spaces around them becomes one line break. A browser renders
the result the same way (white space between words collapses to one space anyway) except inside
``<pre>`` and ``<textarea>``, so a page holding either is left as it is.
"""

from __future__ import annotations

import re

_PRESERVING = re.compile(r"<(?:pre|textarea)\b", re.IGNORECASE)


def compact_html(html: str) -> str:
    """What ``re.sub(r"[ \\t]*\\n\\s*", "\\n", html)`` gives, in linear time: that pattern takes time
    quadratic in a run of spaces without a line break (a gazette line may hold one)."""
    if _PRESERVING.search(html):
        return html
    pieces = html.split("\n")
    if len(pieces) == 1:
        return html
    kept = [pieces[0].rstrip(" \t")]
    for piece in pieces[1:-1]:
        piece = piece.lstrip()  # \s* after a break: every space, and whole blank lines
        if piece:
            kept.append(piece.rstrip(" \t"))
    kept.append(pieces[-1].lstrip())
    return "\n".join(kept)
