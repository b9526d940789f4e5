"""Partials of Material copied whole into overrides/ are pinned to the original they were copied from.

Material offers blocks for most changes (``{% extends "base.html" %}`` in ``overrides/main.html``); where
no block exists a partial is copied and edited. A copy silently goes stale when Material changes its
original, so each copy records the SHA-256 of the original it was made from: upgrading Material makes
this test fail until the copy has been compared with the new original and the pin updated.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import material

from tests.repo_copy import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
EXTENDED = {"main.html", "404.html"}
"""Templates Material provides for extending, not copies (our 404.html extends main.html)."""
PINNED = {
    "partials/header.html": "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
    # Its inline script lives on in overrides/assets/javascripts/md-scope.js: compare that file too.
    "partials/javascripts/base.html": "d6113712bc4deb30b4bd810ee0dfc28b6f04d2f88cc0016c0f1766eac7b762b6",
    "partials/javascripts/content.html": "3722e156f0f6339de39fbbfc178b6e401d1a4fb890f189ac5b80c2504bda7dcf",
    "partials/search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
    "partials/languages/zh.html": "7114aa64aa8e4899b0be58a5803dc5c0e58965e7c37225e04afb043fb1637335",
}
"""Copied partial → SHA-256 of Material's original when the copy was made (mkdocs-material 9.8.2)."""


def _copies() -> set[str]:
    """Templates in overrides/ that replace one of Material's own."""
    return {path.relative_to(OVERRIDES).as_posix() for path in OVERRIDES.rglob("*.html")
            if (MATERIAL / path.relative_to(OVERRIDES)).is_file()} - EXTENDED


def test_every_copied_partial_is_pinned():
    assert _copies() == set(PINNED)


def test_the_originals_of_the_copies_are_unchanged():
    changed = [name for name, digest in PINNED.items()
               if hashlib.sha256((MATERIAL / name).read_bytes()).hexdigest() != digest]
    assert not changed, f"Material changed the original of {changed}: compare each copy with it, then update PINNED"
