"""引用: turn the 文号 printed in a text into links to the archive's pages.

A number becomes a Markdown link only when the archive holds its document; any other
number stays plain text, so a citation never becomes a broken link. The text is escaped
first (:func:`gazette.site.markdown.escape`) and the number is found in the escaped text: the
characters of a 文号 (Han, digits, 〔〕) are never escaped, so nothing else changes.
"""

from __future__ import annotations

import posixpath
from typing import Callable

from gazette.parse.markers import NUMBER_IN_TEXT, find_numbers

Linker = Callable[[str], "str | None"]
"""文号 → link target relative to the current page (``sz-2018-34.md``), or None."""


def page_linker(archive, page_path: str, own_number: str | None) -> Linker:
    """A linker for the page at ``page_path`` (``2019/2/sz-2018-34-jd.md``) of ``archive``."""
    here = posixpath.dirname(page_path)

    def link(number: str) -> str | None:
        if number == own_number:
            return None
        url = archive.resolve(number)
        if url is None:
            return None
        return posixpath.relpath(url.rstrip("/") + ".md", here or ".")

    return link


def link_numbers(escaped: str, link: Linker | None) -> str:
    """``escaped`` with every 文号 that ``link`` resolves turned into a Markdown link."""
    if link is None or "号" not in escaped:  # every 文号 ends in 号; most paragraphs hold none
        return escaped
    out, position = [], 0
    for found in NUMBER_IN_TEXT.finditer(escaped):
        canonical = find_numbers(found.group(0))[0]
        target = link(canonical)
        if target is None:
            continue
        code = canonical.split("〔", 1)[0]
        # find_numbers drops words such as 根据 before the issuer code; link the code onwards only.
        start = found.start("code") + len(found["code"]) - len(code)
        out.append(escaped[position:start])
        out.append(f"[{escaped[start:found.end()]}]({target})")
        position = found.end()
    out.append(escaped[position:])
    return "".join(out)
