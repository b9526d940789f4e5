"""Stage 1: decode a source file into numbered lines.

Guarantees that later stages may rely on:

* the text is ``str`` decoded from UTF-8 (with or without BOM), GB18030 or GBK;
  anything else is refused with a :class:`ParseError` naming the file;
* line ends are ``\\n`` only; line numbers are 1-based and match what an editor shows;
* every :class:`Line` keeps its ``raw`` text; ``text`` has leading and trailing
  whitespace (ASCII, full-width space, form feed) removed, and ``indent`` records how much
  leading whitespace there was, so nothing is deleted without a trace;
* characters are never folded (no NFKC): ``（`` stays ``（``;
* the text holds no NUL byte and no other C0 control character except TAB (refused); vertical tab,
  form feed, C1 controls, bidi controls, zero-width characters and non-characters are removed
  with a warning per line (:mod:`gazette.parse.characters`).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass

from gazette.errors import ParseError, Warning
from gazette.parse.characters import remove_unseen

MIN_HAN_FOR_FREQUENCY = 20
"""Below this many Han characters a decoding is judged by stray non-CJK characters instead: too few
characters for a frequency test to tell GB18030 from a misread Big5 or Latin-1 text."""
MIN_COMMON_SHARE = 0.3
"""Share of common characters a correct decoding shows: official Chinese prose runs well above half,
mojibake from a wrong codec well below a tenth."""

# The 300 most frequent characters of official Chinese prose. A GB18030 decode of text in
# another encoding (Big5, Shift-JIS) yields valid but rare characters; real text is mostly
# made of these.
_COMMON_HAN = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下"
    "过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都"
    "两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重"
    "新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想"
    "已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知"
    "较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造"
    "百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白"
    "教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集"
    "温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿"
    "千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存"
    "候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该"
    "铁价严龙施项施债务管理办法门峡区县镇乡村街道委员会"
)


@dataclass(frozen=True)
class Line:
    """One line of the source text."""

    number: int
    """1-based line number in the source file."""
    raw: str
    """The line exactly as decoded, without its line end."""
    text: str
    """The line without leading and trailing whitespace."""
    indent: int
    """How many whitespace characters ``text`` lost at its start."""
    after_break: bool = False
    """True for the first text line after removed page furniture: a page turn precedes it."""

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(frozen=True)
class Source:
    """A decoded source file."""

    file: str
    """The path as given by the user (used in messages)."""
    encoding: str
    """The encoding the bytes were read with: ``utf-8``, ``utf-8-sig`` or ``gb18030``."""
    lines: tuple[Line, ...]
    """Every line of the file, blank ones included."""
    warnings: tuple[Warning, ...] = ()
    """Characters removed while decoding (:mod:`gazette.parse.characters`), by line."""


_STRIP = "".join(chr(code) for code in range(0x3001) if chr(code).isspace() and chr(code) != "\n") + "\u3000\ufeff"
"""Every Unicode space (ASCII, full-width, no-break, em and thin spaces …) and the BOM."""
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


MAX_SOURCE_BYTES = 20 * 1024 * 1024
"""An issue is a few hundred KB; a larger input is a mistake (or /dev/zero), not a gazette."""
_KINDS = ((stat.S_ISDIR, None), (stat.S_ISFIFO, "是命名管道（FIFO）"), (stat.S_ISCHR, "是字符设备"),
          (stat.S_ISBLK, "是块设备"), (stat.S_ISSOCK, "是套接字"))


def read_source(path: str) -> Source:
    """Read and decode ``path``; raise :class:`ParseError` for anything that is not text.

    Only a regular file is read, never through a symbolic link (a link in gazettes/ could publish
    /etc/passwd), and never more than :data:`MAX_SOURCE_BYTES`; a FIFO or a device is refused
    before any read, so nothing hangs or fills the memory.
    """
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        raise ParseError(path, "文件不存在") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ParseError(path, "是符号链接；只读取普通文件，请把原文件本身放在这里") from None
        if exc.errno == errno.EISDIR:
            raise ParseError(path, "是文件夹，不是文本文件") from None
        raise ParseError(path, f"无法读取（{exc.strerror or exc}）") from None
    info = os.fstat(handle)
    for test, what in _KINDS:
        if test(info.st_mode):
            os.close(handle)
            raise ParseError(path, f"{what}，不是普通文本文件" if what else "是文件夹，不是文本文件")
    with os.fdopen(handle, "rb") as opened:
        if info.st_size > MAX_SOURCE_BYTES:
            raise ParseError(path, f"有 {info.st_size // (1024 * 1024)} MB，超过上限 "
                             f"{MAX_SOURCE_BYTES // (1024 * 1024)} MB；一期公报通常只有几百 KB")
        try:
            data = opened.read(MAX_SOURCE_BYTES + 1)
        except OSError as exc:
            raise ParseError(path, f"无法读取（{exc.strerror or exc}）") from None
    if len(data) > MAX_SOURCE_BYTES:  # it grew while being read
        raise ParseError(path, f"超过上限 {MAX_SOURCE_BYTES // (1024 * 1024)} MB")
    return decode(path, data)


def decode(file: str, data: bytes) -> Source:
    """Decode ``data`` (the content of ``file``) into a :class:`Source`."""
    if not data.strip():
        raise ParseError(file, "是空文件")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ParseError(file, "是 UTF-16 编码；请另存为 UTF-8 或 GB18030")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise ParseError(file, "含二进制数据（NUL 字节），不是文本", line)
    text, encoding = _decode_text(file, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _check_controls(file, text)
    text, removed = remove_unseen(file, text)
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip(_STRIP)
        indent = len(raw) - len(raw.lstrip(_STRIP)) if stripped else 0
        lines.append(Line(number, raw, stripped, indent))
    if lines and lines[-1].raw == "" and len(lines) > 1:
        lines.pop()  # the newline that ends the last line does not start another
    if not any(line.text for line in lines):
        raise ParseError(file, "是空文件")  # only spaces or characters removed above: nothing to publish
    return Source(file, encoding, tuple(lines), tuple(removed))


def _decode_text(file: str, data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _bad_encoding(file, data, exc.start + 3) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise _bad_encoding(file, data, utf8_error) from None
    if not _plausible_chinese(text):
        raise _bad_encoding(file, data, utf8_error)
    return text, "gb18030"


def _bad_encoding(file: str, data: bytes, offset: int) -> ParseError:
    line = data.count(b"\n", 0, offset) + 1
    return ParseError(
        file, "无法识别的编码：既不是 UTF-8，也不是 GB18030/GBK", line
    )


def _plausible_chinese(text: str) -> bool:
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if len(han) < MIN_HAN_FOR_FREQUENCY:
        odd = sum(1 for ch in text if ord(ch) > 0x7F and not _is_cjk(ch))
        return odd == 0
    common = sum(1 for ch in han if ch in _COMMON_HAN)
    return common / len(han) >= MIN_COMMON_SHARE


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x2000 <= code <= 0x206F
    )


def _check_controls(file: str, text: str) -> None:
    found = _CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        code = ord(found.group())
        raise ParseError(file, f"含控制字符（U+{code:04X}），不是纯文本", line)
