"""MkDocs hooks: thin adapters that call the package."""

from gazette.site.compact_html import compact_html


def on_post_page(output, **kwargs):
    return compact_html(output)
