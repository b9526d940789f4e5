"""YAML files that editors write, read as nodes so that every mistake names its line.

PyYAML's composed nodes keep their position (``start_mark``); reading values from them rather
than from ``safe_load``'s plain data lets a message say ``error: gazettes/2019-02.yml:7: …``.
"""

from __future__ import annotations

import os
import stat
from datetime import date

import yaml

from gazette.errors import GazetteError


def load_nodes(path: str) -> yaml.Node:
    """The root node of the YAML file at ``path``; a syntax error is an error with its line."""
    try:
        node = yaml.compose(_read_regular(path).decode("utf-8"), Loader=yaml.SafeLoader)
    except UnicodeDecodeError:
        raise GazetteError(path, "不是 UTF-8 编码的文本文件") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise GazetteError(path, f"YAML 格式错误：{exc.problem or exc.context}", mark.line + 1 if mark else None) from None
    if node is None:
        raise GazetteError(path, "文件为空", 1)
    return node


MAX_BYTES = 1 << 20
"""An editors' file is a few lines; anything this large is not one."""


def _read_regular(path: str) -> bytes:
    """The bytes of ``path`` when it is a regular file of reasonable size: never a symlink, FIFO or device."""
    if os.path.islink(path):
        raise GazetteError(path, "不是普通文件（符号链接、管道或设备不予读取）")
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        raise GazetteError(path, f"无法读取：{exc.strerror}") from None
    with os.fdopen(handle, "rb") as opened:
        info = os.fstat(opened.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise GazetteError(path, "不是普通文件（符号链接、管道或设备不予读取）")
        if info.st_size > MAX_BYTES:
            raise GazetteError(path, f"文件过大（{info.st_size} 字节），不像编辑部的补充文件")
        return opened.read()


def line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def mapping_items(path: str, node: yaml.Node, allowed=None):
    """``(key, (line, value node))`` of a mapping node, refusing repeated and (if ``allowed``) unknown keys."""
    if not isinstance(node, yaml.MappingNode):
        raise GazetteError(path, "此处应为“名称: 值”形式的映射", line_of(node))
    seen = set()
    for key_node, value in node.value:
        key = scalar_text(path, key_node)
        if key in seen:
            raise GazetteError(path, f"「{key}」重复出现", line_of(key_node))
        if allowed is not None and key not in allowed:
            raise GazetteError(path, f"未知的项「{key}」，可用的项：{'、'.join(sorted(allowed))}", line_of(key_node))
        seen.add(key)
        yield key, (line_of(key_node), value)


def scalar_text(path: str, node: yaml.Node) -> str:
    """The text of a scalar node, as written (``2019-02-11`` stays text)."""
    if not isinstance(node, yaml.ScalarNode) or node.value == "" and node.tag.endswith(":null"):
        raise GazetteError(path, "此处应为一个值（文字、日期或数字）", line_of(node))
    return node.value.strip()


def scalar_date(path: str, node: yaml.Node) -> date:
    """A date written ``2019-02-11`` or ``2019年2月11日``."""
    from gazette.parse.markers import match_date

    text = scalar_text(path, node)
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    found = match_date(text)
    if found is None:
        raise GazetteError(path, f"「{text}」不是日期，应写作 2019-02-11 或 2019年2月11日", line_of(node))
    return found


def text_list(path: str, node: yaml.Node) -> tuple[str, ...]:
    """A list of texts; a single text is a list of one."""
    if isinstance(node, yaml.SequenceNode):
        return tuple(scalar_text(path, item) for item in node.value)
    return (scalar_text(path, node),)
