"""The project's configuration (配置), ``gazette.yml``: the site's identity and the gazettes' layout.

Nothing city-specific lives in code or templates: another government's gazette needs its own
``gazette.yml`` and its issues. The file is validated when it is read; a wrong key or value is an
error naming the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path

import yaml

from gazette.errors import GazetteError

DEFAULT_PATH = "gazette.yml"
_ASCII_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class Identity:
    """Who publishes the site (网站身份). The defaults are neutral: every real value comes from gazette.yml."""

    gazette: str = "人民政府公报"
    """The gazette's name as printed on its cover; also the site's name and the default issue title."""
    city: str = ""
    """The city (or province, county) whose government publishes it."""
    government: str = "人民政府"
    """The government that issues the documents."""
    publisher: str = "人民政府办公室"
    """主办单位: the office that publishes the gazette and the site."""
    organizer: str = ""
    """承办单位, when another office runs the site."""
    english: str = ""
    """The gazette's English name, for the open-data licence."""
    description: str = ""
    """One sentence for the home page and the meta description of the site's pages."""
    address: str = ""
    """联系地址."""
    postcode: str = ""
    """邮编."""
    phone: str = ""
    """联系电话."""
    email: str = ""
    """电子邮箱."""
    site_id_code: str = ""
    """网站标识码 (政府网站标识码, 10 characters, from the 全国政府网站信息报送系统)."""
    icp: str = ""
    """ICP备案号 (``豫ICP备05000000号``); linked to the MIIT filing system."""
    police_record: str = ""
    """公安机关备案号 (``豫公网安备 41120202000000号``); linked to the national filing system."""
    organ_code: str = ""
    """统一社会信用代码 of the publisher: the first part of every 索引号."""
    site_url: str = ""
    """Where the site is published (``https://owner.github.io/repo/``); empty when not yet known."""
    feed_id: str = ""
    """Stable prefix of the Atom feed's ids (``tag:example.gov.cn,2019:gazette/``); independent of hosting."""
    archive_name: str = "gazette"
    """ASCII stem of the offline archive's file name (``<archive_name>-2019-02.zip``)."""


SECTION_KINDS = ("documents", "orders", "appointments", "interpretations")
"""What a section (栏目) holds: documents, 政府令, 人事任免 notices, or 政策解读."""

_LEVELS = ("省", "自治区", "市", "州", "盟", "县", "区", "旗")
DEFAULT_SECTIONS: dict[str, str] = {
    **{f"{level}政府令": "orders" for level in _LEVELS},
    **{f"{level}政府文件": "documents" for level in _LEVELS},
    **{f"{level}政府办公厅文件": "documents" for level in _LEVELS},
    **{f"{level}政府办公室文件": "documents" for level in _LEVELS},
    **{f"{level}政府部门文件": "documents" for level in _LEVELS},
    "政府令": "orders", "国务院令": "orders", "国务院文件": "documents", "国务院办公厅文件": "documents",
    "政府文件": "documents", "政府办公室文件": "documents", "政府办公厅文件": "documents",
    "部门文件": "documents", "上级文件": "documents", "规范性文件": "documents", "其他文件": "documents",
    "部门规章": "documents", "重要文件": "documents", "国务院部门文件": "documents", "行政法规": "documents",
    "政府规章": "documents", "规章": "documents", "国务院批复": "documents",
    "人事任免": "appointments", "任免信息": "appointments", "人事信息": "appointments",
    "政策解读": "interpretations", "解读": "interpretations", "文件解读": "interpretations",
}
"""Sections of provincial, municipal and county gazettes, recognised without configuration."""

_PROVINCES = {
    "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "晋": "山西省",
    "蒙": "内蒙古自治区", "辽": "辽宁省", "吉": "吉林省", "黑": "黑龙江省", "苏": "江苏省", "浙": "浙江省",
    "皖": "安徽省", "闽": "福建省", "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省",
    "湘": "湖南省", "粤": "广东省", "桂": "广西壮族自治区", "琼": "海南省", "川": "四川省", "黔": "贵州省",
    "贵": "贵州省", "云": "云南省", "滇": "云南省", "藏": "西藏自治区", "陕": "陕西省", "甘": "甘肃省",
    "青": "青海省", "宁": "宁夏回族自治区", "新": "新疆维吾尔自治区",
}
DEFAULT_NUMBER_PREFIXES: dict[str, str] = {
    "国发": "国务院", "国函": "国务院", "国办发": "国务院办公厅", "国办函": "国务院办公厅",
    **{f"{abbr}政{suffix}": f"{name}人民政府" for abbr, name in _PROVINCES.items() for suffix in ("", "发", "文", "函")},
    **{f"{abbr}政办{suffix}": f"{name}人民政府办公厅" for abbr, name in _PROVINCES.items()
       for suffix in ("", "发", "文", "函")},
}
"""文号 codes (机关代字) of the State Council and the provincial governments and their offices."""


@dataclass(frozen=True)
class Metadata:
    """How document metadata (发布日期, 索引号, 主题分类) is assigned (元数据规则)."""

    index_number: str = "{code}/{year}-{issue_no:02d}{seq:03d}"
    """索引号 scheme, a Python format string over: code (identity.organ_code), year (the issue's year),
    issue_no, issue_total, seq (1-based place in the issue), page, slug. Stable: an issue never changes."""
    topics: str = ""
    """The 主题分类 table (YAML, relative to gazette.yml); empty: the State Council table shipped with the package."""
    published: str = "issue"
    """发布日期: ``issue`` (the issue's 出版日期) or ``signed`` (the 成文日期); editors may override per document."""


@dataclass(frozen=True)
class Layout:
    """How the issue texts are laid out (版式): what the parser recognises.

    The built-in defaults cover the common provincial, municipal and county forms; what is
    configured is added to them, so a second gazette needs only its own names and codes.
    """

    gazette_names: tuple[str, ...] = ()
    """Names the gazette prints in running headers besides ``identity.gazette``
    (any name ending in 公报 is recognised anyway)."""
    sections: dict = field(default_factory=dict)
    """Section names (栏目) beyond the built-in ones, each with what it holds (:data:`SECTION_KINDS`)."""
    number_prefixes: dict = field(default_factory=dict)
    """文号 codes (机关代字) and the organ that issues under each: ``三政办: 三门峡市人民政府办公室``."""

    def __post_init__(self) -> None:
        # YAML gives lists; the loader reports a ValueError with the file's name.
        names = self.gazette_names
        if isinstance(names, str) or not all(isinstance(name, str) and name.strip() for name in names or ()):
            raise ValueError("layout.gazette_names 应为刊名列表")
        object.__setattr__(self, "gazette_names", tuple("".join(name.split()) for name in names))
        for key, kind in (self.sections or {}).items():
            if not isinstance(key, str) or kind not in SECTION_KINDS:
                raise ValueError(f"layout.sections 的「{key}」应为 {'、'.join(SECTION_KINDS)} 之一")
        for key, organ in (self.number_prefixes or {}).items():
            if not isinstance(key, str) or not isinstance(organ, str) or not key.strip() or not organ.strip():
                raise ValueError(f"layout.number_prefixes 的「{key}」应为 机关代字: 发文机关")

    def section_kinds(self) -> dict[str, str]:
        """Every known section name (without 【】) and what it holds, configured ones last."""
        return {**DEFAULT_SECTIONS, **(self.sections or {})}

    def issuer_of(self, code: str) -> str | None:
        """The organ that issues 文号 under ``code`` (机关代字), when configured or built in."""
        return {**DEFAULT_NUMBER_PREFIXES, **(self.number_prefixes or {})}.get(code)


@dataclass(frozen=True)
class Config:
    """The whole of ``gazette.yml``."""

    identity: Identity = field(default_factory=Identity)
    layout: Layout = field(default_factory=Layout)
    metadata: Metadata = field(default_factory=Metadata)


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
                  layout=_section(path, data, "layout", Layout),
                  metadata=_section(path, data, "metadata", Metadata))


def _section(path: Path, data: dict, name: str, kind: type):
    values = data.get(name) or {}
    if not isinstance(values, dict):
        raise GazetteError(str(path), f"{name} 应为键值对")
    _check_keys(path, values, {f.name for f in fields(kind)}, f"{name}.")
    texts = {f.name for f in fields(kind) if f.type == "str"}
    for key, value in values.items():
        if key in texts and not isinstance(value, str):  # 472000 or a date is read as a number: say so, do not guess
            raise GazetteError(str(path), f"{name}.{key} 应为文字，请加引号：{key}: \"{value}\"")
    try:
        section = kind(**values)
    except (TypeError, ValueError) as exc:
        raise GazetteError(str(path), str(exc)) from None
    if kind is Identity and not _ASCII_NAME.match(section.archive_name):
        raise GazetteError(str(path), f"identity.archive_name「{section.archive_name}」只能由英文字母、数字、"
                           "点、连字符和下划线组成（压缩包的文件名）")
    return section


def _check_keys(path: Path, data: dict, known: set[str], prefix: str) -> None:
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise GazetteError(str(path), f"未知的配置项：{', '.join(prefix + key for key in unknown)}"
                           f"（可用：{', '.join(sorted(known))}）")
