"""The offline archive (离线版): the site as one zip that opens from ``file://``, search included.

Stages, each a function below:

1. the configuration: ``mkdocs-offline.yml`` over ``mkdocs.yml``, its lists appended to theirs;
2. stage a copy of ``docs/`` plus the 说明 page;
3. ``mkdocs build`` (strict, as mkdocs.yml says) into a temporary folder (``site/`` is untouched), and the
   search index (the same as the site's, with ``.html`` links) into its ``search/`` folder;
4. refuse the result if any page or stylesheet would load something from the network, or if a
   link would not open from ``file://`` (a folder URL, a missing file or anchor);
5. zip it deterministically with a ``SHA256SUMS`` manifest into ``dist/``.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from gazette.build.pipeline import drop_unused_theme_files
from gazette.build.search_index import FOLDER as SEARCH_FOLDER
from gazette.build.search_index import document_order, write_index
from gazette.errors import GazetteError
from gazette.check.linkcheck import check_site
from gazette.config import load_config
from gazette.site.labels import cn_date
from gazette.paths import issue_page
from gazette.build.write import MARKER, stage_tree, staging_dir, write_tree

CONFIG = "mkdocs-offline.yml"
SITE_CONFIG = "mkdocs.yml"
ABOUT_PAGE = "offline.md"
ABOUT_TITLE = "离线版说明"
MANIFEST = "SHA256SUMS"
DIST = "dist"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
BEIJING = timezone(timedelta(hours=8))


def archive_name(sources: list[str]) -> str:
    """``<archive_name>-<latest issue>`` (gazette.yml), the issue taken from the newest ``gazettes/YYYY-NN.txt``."""
    stems = sorted(Path(source).stem for source in sources)
    if not stems:
        raise GazetteError("gazettes/", "没有可收入离线版的公报文本（gazettes/YYYY-NN.txt）")
    # Archive names are ASCII (the configuration checks it): release assets and old unzip tools mangle others.
    return f"{load_config().identity.archive_name}-{stems[-1]}"


def build_offline(conversion, docs: str | os.PathLike = "docs", dist: str = DIST) -> tuple[Path, str]:
    """Build the offline archive of the converted ``docs`` folder into a staging folder beside ``dist``;
    return that folder (swapped in by the caller with the other outputs) and the zip's file name."""
    name = archive_name(list(conversion.coverage))
    work = staging_dir("offline-work")
    try:
        staged_docs = work / "docs"
        files = _read_tree(Path(docs))
        files[ABOUT_PAGE] = about_page(conversion, name)
        write_tree(staged_docs, files)
        site = work / "site"
        _mkdocs(staged_docs, site)
        drop_unused_theme_files(site)
        write_index(document_order(conversion.archive.gazettes), site / SEARCH_FOLDER, directory_urls=False)
        problems = external_references(site)
        if problems:
            raise GazetteError(CONFIG, "离线版会从网络加载内容：" + "; ".join(problems[:5]))
        broken = check_site(site, directory_urls=False)
        if broken:
            raise GazetteError(CONFIG, f"离线版有 {len(broken)} 个链接无法从 file:// 打开，例如："
                               + "; ".join(f"{b.page}: {b.target} ({b.reason})" for b in broken[:5]))
        data = zip_site(site, name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    digest = hashlib.sha256(data).hexdigest()
    staged = stage_tree(dist, {f"{name}.zip": data, f"{name}.zip.sha256": f"{digest}  {name}.zip\n"})
    return staged, f"{name}.zip"


# --- 1. configuration ------------------------------------------------------------------------

def offline_config(docs: str | os.PathLike, site: str | os.PathLike):
    """The validated MkDocs configuration of the offline build.

    mkdocs-offline.yml INHERITs mkdocs.yml, but INHERIT replaces lists, so its ``plugins`` and
    ``nav`` hold only what the offline build adds; here they are appended to those of mkdocs.yml,
    which keeps the offline archive in step with every plugin, hook and page the site gains.
    """
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.utils.yaml import yaml_load

    with open(SITE_CONFIG, "rb") as fd:
        site_raw = yaml_load(fd)
    own = yaml_load(Path(CONFIG).read_text(encoding="utf-8"))  # a str: INHERIT is not followed
    overrides = {
        "docs_dir": str(docs),
        "site_dir": str(site),
        "plugins": _as_list(site_raw.get("plugins", ["search"])) + _as_list(own.get("plugins", [])),
        # Without a nav in mkdocs.yml MkDocs lists every page, the 说明 page included.
        "nav": None if site_raw.get("nav") is None else list(site_raw["nav"]) + list(own.get("nav", [])),
    }
    theme = site_raw.get("theme")
    if isinstance(theme, dict) and "navigation.instant" in (theme.get("features") or []):
        # Instant navigation fetches pages with XHR, which file:// refuses.
        overrides["theme"] = {**theme, "features": [f for f in theme["features"] if not f.startswith("navigation.instant")]}
    config = MkDocsConfig(config_file_path=CONFIG)
    with open(CONFIG, "rb") as fd:
        config.load_file(fd)
    config.load_dict(overrides)
    errors, warnings = config.validate()
    problems = [f"{name}: {message}" for name, message in errors + warnings]
    if problems:
        raise GazetteError(CONFIG, "离线版配置有误：" + "; ".join(problems))
    return config


def _as_list(plugins) -> list:
    """Plugins as a list; mkdocs.yml may also give them as a mapping of name → settings."""
    if isinstance(plugins, dict):
        return [{name: settings} if settings else name for name, settings in plugins.items()]
    return list(plugins or [])


# --- 2. staging --------------------------------------------------------------------------------

def _read_tree(root: Path) -> dict[str, bytes]:
    if not root.is_dir():
        raise GazetteError(str(root), "还没有转换好的页面；请先运行 `gazette convert`")
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file() and path.name != MARKER}


def build_time() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(tz=timezone.utc).replace(microsecond=0)


def _archived_issues(archive) -> list[str]:
    """The 说明 page's list of the issues in the archive, oldest first, as Markdown lines."""
    issues = []
    for gazette in sorted((g for g in archive.gazettes if g.issue), key=lambda g: (g.issue.year, g.issue.no)):
        path = issue_page(gazette.issue)
        issues.append(f"- [{gazette.issue.label}]({path})：{len(gazette.documents)} 篇文件"
                      f"（来源 `{Path(gazette.file).name}`）")
    standalone = [g for g in archive.gazettes if g.issue is None]
    if standalone:
        issues.append(f"- 单篇文件 {len(standalone)} 篇")
    return issues


def about_page(conversion, name: str) -> str:
    """The 说明 page of the archive: what it is, which issues, when built, how to verify."""
    built = build_time().astimezone(BEIJING)
    identity = load_config().identity
    issues = _archived_issues(conversion.archive)
    return f"""---
title: {ABOUT_TITLE}
---

# {ABOUT_TITLE}

这是《{identity.gazette}》电子版的**离线版**：整个网站保存在一个压缩包 `{name}.zip` 中，
解压后直接用浏览器打开 `index.html` 即可阅读和检索，不需要网络，也不会向任何服务器发出请求。

## 收录的公报

{chr(10).join(issues)}

## 构建时间

{cn_date(built.date())} {built:%H:%M}（北京时间，UTC+8）。

## 使用方法

1. 解压 `{name}.zip`，得到文件夹 `{name}`。
2. 用浏览器（Chrome、Edge、Firefox、Safari 的较新版本）打开其中的 `index.html`。
3. 页面顶部的搜索框可按标题、文号（如 `三政〔2018〕29号`）或词语检索。

## 如何校验

文件夹中的 `{MANIFEST}` 列出了离线版中其他每个文件的 SHA-256 校验值。在该文件夹中运行：

```sh
sha256sum -c {MANIFEST}
```

每一行都应显示 `OK`（macOS 可用 `shasum -a 256 -c {MANIFEST}`）。压缩包本身的校验值随发布页面
一同提供（`{name}.zip.sha256`）。

## About (English)

An offline copy of the {identity.english or identity.gazette} website: unzip, open `index.html`,
browse and search without a network. Verify with `sha256sum -c {MANIFEST}` inside the folder.
"""


# --- 3. build --------------------------------------------------------------------------------

def _mkdocs(docs: Path, site: Path) -> None:
    """``mkdocs build`` of the offline configuration, in process (as MkDocs's own CLI does it)."""
    import logging

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    config = offline_config(docs, site)
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    except MkDocsException as exc:
        raise GazetteError(CONFIG, f"离线版的 mkdocs build --strict 失败：{exc}") from None
    finally:
        config.plugins.on_shutdown()
        logger.removeHandler(handler)


# --- 4. no request leaves the archive ---------------------------------------------------------

_FETCHING = re.compile(
    r"""<(?:script|img|iframe|audio|video|source|embed|track|input)\b[^>]*?\s(?:src|srcset|poster)\s*=\s*["']?\s*"""
    r"""(?:https?:)?//[^"'\s>]*"""
    r"""|<link\b(?![^>]*\brel\s*=\s*["']?(?:canonical|alternate|author|license|me)\b)[^>]*?\shref\s*=\s*["']?\s*"""
    r"""(?:https?:)?//[^"'\s>]*"""
    r"""|<object\b[^>]*?\sdata\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]*""",
    re.IGNORECASE,
)
_CSS_FETCHING = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])\s*(?:https?:)?//[^"')\s]*""", re.IGNORECASE)


_MERMAID = re.compile(r"""class\s*=\s*["'][^"']*\bmermaid\b""")


def external_references(site: str | os.PathLike) -> list[str]:
    """Every reference in the built site that a browser would fetch from the network, as ``file: match``.

    Pages and stylesheets are read whole. Material's script bundle names unpkg.com in two
    fallbacks only: a ResizeObserver polyfill (every browser since 2020 has ResizeObserver) and
    mermaid, loaded only for a ``mermaid`` diagram, so no page may hold one.
    """
    site = Path(site)
    found = []
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in {".html", ".css"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        relative = path.relative_to(site).as_posix()
        patterns = [_FETCHING, _CSS_FETCHING] if path.suffix == ".html" else [_CSS_FETCHING]
        for pattern in patterns:
            found += [f"{relative}: {match.group(0)[:120]}" for match in pattern.finditer(text)]
        if "unpkg.com" in text:
            found.append(f"{relative}: mentions unpkg.com")
        if path.suffix == ".html" and _MERMAID.search(text):
            found.append(f"{relative}: a mermaid diagram (Material would load mermaid from unpkg.com)")
    return found


# --- 5. zip ----------------------------------------------------------------------------------

def manifest(files: dict[str, bytes]) -> str:
    """``sha256sum`` output for ``files``, sorted by path."""
    lines = []
    for path in sorted(files):
        if "\n" in path or "\\" in path:
            raise GazetteError(path, "文件名含 sha256sum 会转义的字符")
        lines.append(f"{hashlib.sha256(files[path]).hexdigest()}  {path}\n")
    return "".join(lines)


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    """SOURCE_DATE_EPOCH as a zip date (UTC), or 1980-01-01, the earliest a zip can hold."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return ZIP_EPOCH
    stamp = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return max(ZIP_EPOCH, (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second - stamp.second % 2))


def zip_site(site: Path, name: str) -> bytes:
    """The zip of ``site`` under folder ``name``, with SHA256SUMS: sorted, fixed times and permissions."""
    files = _read_tree(site)
    files[MANIFEST] = manifest(files).encode("utf-8")
    when = zip_timestamp()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(files):
            info = zipfile.ZipInfo(f"{name}/{path}", date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            info.flag_bits |= 0x800  # names are UTF-8
            archive.writestr(info, files[path], compresslevel=9)
    return buffer.getvalue()
