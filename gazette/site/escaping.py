"""Values from a gazette reach the templates as text, never as markup.

MkDocs renders its templates without autoescaping, and Material's templates print front matter
(``page.meta.title`` in ``<title>``, the header, the search index) as they find it. Rather than
remembering a ``| e`` in each of them, every string of a page's front matter is turned into an
escaped :class:`markupsafe.Markup` before any template sees it: printed anywhere, it is the text;
filtered with ``| e`` again, it is not escaped twice.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def escaped_meta(value):
    """``value`` (front matter) with every string escaped for HTML, nested lists and mappings included."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {key: escaped_meta(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [escaped_meta(item) for item in value]
    return value
