"""Every internal link of the built site points at a page (and an anchor) that exists, checked by the
project's one link checker (gazette linkcheck), and no link leaves the site but the official look-ups."""

from __future__ import annotations

from urllib.parse import urlsplit

from gazette.check.linkcheck import all_links, check_site
from gazette.config import load_config
from gazette.site.identity import ICP_SEARCH, POLICE_SEARCH
from tests.repo_copy import ROOT


def test_every_internal_link_resolves(built_site):
    local = [link for _, link in all_links(built_site) if not (urlsplit(link).scheme or urlsplit(link).netloc)]
    assert len(local) > 500  # the checker really looked at the site's links
    assert [str(problem) for problem in check_site(built_site)] == []


def test_only_the_official_filing_look_ups_leave_the_site(built_site):
    # With site_url configured, canonical and feed links name the site itself by its full address.
    own = load_config(ROOT / "gazette.yml").identity.site_url or ICP_SEARCH
    leaving = [(page, link) for page, link in all_links(built_site)
               if urlsplit(link).netloc and not link.startswith((ICP_SEARCH, POLICE_SEARCH, own))]
    assert leaving == []
