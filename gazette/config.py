"""The project's configuration (配置), ``gazette.yml``: the site's identity and the gazettes' layout.

Nothing city-specific lives in code or templates: another government's gazette needs its own
``gazette.yml`` and its issues. The file is validated when it is read; a wrong key or value is an
error naming the file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

import yaml

from gazette.errors import GazetteError

DEFAULT_PATH = "gazette.yml"


@dataclass(frozen=True)
class Identity:
    """Who publishes the site (网站身份)."""

    gazette: str = "三门峡市人民政府公报"
    """The gazette's name as printed on its cover."""
    city: str = "三门峡市"
    """The city (or province, county) whose government publishes it."""
    government: str = "三门峡市人民政府"
    """The government that issues the documents."""
    publisher: str = "三门峡市人民政府办公室"
    """主办单位: the office that publishes the gazette and the site."""
    archive_name: str = "sanmenxia-gazette"
    """ASCII stem of the offline archive's file name (``<archive_name>-2019-02.zip``)."""


@dataclass(frozen=True)
class Layout:
    """How the issue texts are laid out (版式): what the parser recognises."""


@dataclass(frozen=True)
class Config:
    """The whole of ``gazette.yml``."""

    identity: Identity = field(default_factory=Identity)
    layout: Layout = field(default_factory=Layout)


def load_config(path: str | Path = DEFAULT_PATH) -> Config:
    """Read and validate ``gazette.yml``; a missing file gives the built-in defaults."""
    path = Path(path)
    if not path.exists():
        return Config()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise GazetteError(str(path), f"不是有效的 YAML：{getattr(exc, 'problem', exc)}",
                           mark.line + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise GazetteError(str(path), "顶层应为键值对（identity:、layout:）")
    _check_keys(path, data, {f.name for f in fields(Config)}, "")
    return Config(identity=_section(path, data, "identity", Identity),
                  layout=_section(path, data, "layout", Layout))


def _section(path: Path, data: dict, name: str, kind: type):
    values = data.get(name) or {}
    if not isinstance(values, dict):
        raise GazetteError(str(path), f"{name} 应为键值对")
    _check_keys(path, values, {f.name for f in fields(kind)}, f"{name}.")
    return kind(**values)


def _check_keys(path: Path, data: dict, known: set[str], prefix: str) -> None:
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise GazetteError(str(path), f"未知的配置项：{', '.join(prefix + key for key in unknown)}"
                           f"（可用：{', '.join(sorted(known))}）")
