"""Stable HTML ids for the headings of one document, derived from the markers."""

from __future__ import annotations

from gazette.parse.markers import ANCHOR_PREFIX

FLAT = ("chapter", "article")
"""Kinds numbered throughout a text, whose ids need no parent: 第三条 is ``art-3``."""


class Anchors:
    """Hands out ids unique within one document, deterministic for the same text."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self.scope: str | None = None
        """The id of the part being parsed; prefixes an id that is already taken."""

    def take(self, kind: str, number: int, parent: str | None) -> str:
        if kind in FLAT or parent is None:
            wanted = f"{ANCHOR_PREFIX[kind]}-{number}"
        else:
            wanted = f"{parent}-{number}"
        return self.claim(wanted)

    def claim(self, wanted: str) -> str:
        if wanted in self._taken and self.scope:
            wanted = f"{self.scope}-{wanted}"
        candidate, suffix = wanted, 2
        while candidate in self._taken:
            candidate = f"{wanted}-{suffix}"
            suffix += 1
        self._taken.add(candidate)
        return candidate
