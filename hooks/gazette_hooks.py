"""MkDocs hooks: thin adapters that call the package."""

from mkdocs.plugins import event_priority

from gazette.site.compact_html import compact_html
from gazette.site.csp import with_script_hashes
from gazette.site.escaping import escaped_meta
from gazette.site.identity import apply_identity
from gazette.site.page_view import page_view


def on_config(config, **kwargs):
    return apply_identity(config)


# First of all: no plugin or template may see a front matter value that is not escaped text.
@event_priority(100)
def on_page_markdown(markdown, page, **kwargs):
    page.meta = escaped_meta(page.meta)
    return markdown


def on_page_context(context, page, config, **kwargs):
    context["view"] = page_view(page.content, page.toc.items, context["base_url"], config["use_directory_urls"])
    return context


def on_post_page(output, **kwargs):
    return compact_html(output)


def on_post_template(output_content, template_name, **kwargs):
    # The 404 page finds the site's folder with inline script: allowed by hash, on that page only.
    return with_script_hashes(output_content) if template_name == "404.html" else output_content

