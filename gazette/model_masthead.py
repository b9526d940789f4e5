"""The document model, continued: the 刊头 (masthead) an issue prints about itself.

Kept apart from :mod:`gazette.model` only for size; the classes are frozen dataclasses like the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from gazette.model import _Dict, _plain


@dataclass(frozen=True)
class Member(_Dict):
    """One line of an editorial group (编委会, 编辑部): a role and who holds it."""

    role: str
    """The role as printed, spaces removed (``主任``, ``主编``)."""
    names: tuple[str, ...]
    """The names printed after the role and on the lines below it, in printed order."""
    note: str | None = None
    """A bracketed remark printed in place of a name (``空缺``), without the brackets."""

    def to_dict(self) -> dict:
        data = super().to_dict()
        if self.note is None:
            del data["note"]  # a member without a remark keeps the shape it always had
        return data


@dataclass(frozen=True)
class EditorialGroup(_Dict):
    """An editorial group of the 刊头 and its members."""

    name: str
    """The group as printed: ``编委会`` or ``编辑部``."""
    members: tuple[Member, ...]
    """Its members, in printed order."""


@dataclass(frozen=True)
class ImprintField(_Dict):
    """One labelled imprint line of the 刊头 (主办, 地址, 出版日期, …)."""

    label: str
    """The label, spaces removed; a second 电话 after 印刷 is ``印刷电话``."""
    value: str
    """The value with its continuation lines; 出版日期 as an ISO date when it reads as one."""


# The printed labels under which Masthead.to_dict() gives its single facts, as it always has.
MASTHEAD_FACTS = {"年份": "year", "期号": "issue_line", "英文刊名": "english_title", "说明": "note"}


@dataclass(frozen=True)
class Masthead(_Dict):
    """The 刊头 (masthead) with the imprint (版权页) lines: what the issue prints about itself."""

    groups: tuple[EditorialGroup, ...] = ()
    """编委会 and 编辑部, in printed order."""
    imprint: tuple[ImprintField, ...] = ()
    """The labelled imprint lines, in printed order."""
    year: int | None = None
    """A year printed alone (``2019``)."""
    issue_line: str | None = None
    """The issue line as printed (``第2号（总第157号）``)."""
    english_title: str | None = None
    """The gazette's English name (``THE PEOPLE'S GOVERNMENT OF SANMENXIA CITY GAZETTE``)."""
    note: str | None = None
    """The bracketed closing remark, without the brackets."""
    order: tuple[str, ...] = ()
    """The printed labels (``编委会``, ``年份``, ``主办``, …) in the order the 刊头 first prints them."""

    def field(self, label: str) -> str | None:
        """The value of the imprint line labelled ``label``, or None."""
        return next((item.value for item in self.imprint if item.label == label), None)

    def group(self, name: str) -> tuple[Member, ...]:
        """The members of the editorial group ``name``; empty when it is not printed."""
        return next((item.members for item in self.groups if item.name == name), ())

    @property
    def empty(self) -> bool:
        """True when the issue prints no 刊头 at all."""
        return not self.order

    def to_dict(self) -> dict:
        """Facts by printed label, in printed order: the shape ``parse --json`` and issues.json give."""
        values: dict = {item.name: [_plain(member) for member in item.members] for item in self.groups}
        values.update((item.label, item.value) for item in self.imprint)
        values.update((label, getattr(self, name)) for label, name in MASTHEAD_FACTS.items()
                      if getattr(self, name) is not None)
        return {label: values[label] for label in self.order}
