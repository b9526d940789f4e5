"""What the templates receive from Python: links for the online site and the offline archive, the title split."""

from __future__ import annotations

from gazette.site.page_view import Hrefs, page_view, split_title


def test_links_are_directory_urls_online_and_html_files_offline():
    online, offline = Hrefs("../..", True), Hrefs("../..", False)
    assert online.page("2019/2/sz-2018-34/") == "../../2019/2/sz-2018-34/"
    assert offline.page("2019/2/sz-2018-34/") == "../../2019/2/sz-2018-34.html"
    assert online.folder("2019/2/") == "../../2019/2/"
    assert offline.folder("2019/2/") == "../../2019/2/index.html"


def test_a_page_is_cut_after_its_title_once():
    assert split_title('<h1 id="t">标题</h1><p>正文</p><h1>二</h1>') == ('<h1 id="t">标题</h1>', "<p>正文</p><h1>二</h1>")
    assert split_title("<p>无标题</p>") == ("", "<p>无标题</p>")


def test_the_outline_leaves_out_the_single_title_entry():
    class Item:
        def __init__(self, children=()):
            self.children = list(children)

    articles = [Item(), Item()]
    assert page_view("", [Item(articles)], ".", True).outline == articles
    assert page_view("", articles, ".", True).outline == articles
    assert page_view("", [], ".", True).outline == []
