"""Which files are the gazette's sources, and that no two of them are the same issue.

Every entry of ``gazettes/`` must be an issue text named ``YYYY-NN.txt``: a file that does not fit
(``2019-02.TXT``, ``2019-2.txt``, a backup, a folder) is an error rather than silently left out of
the archive, and two sources of the same year and number are an error rather than one page
overwriting the other.
"""

from __future__ import annotations

import os
import re

from gazette.errors import GazetteError
from gazette.model import Gazette

FOLDER = "gazettes"
ISSUE_FILE = re.compile(r"^(?P<year>\d{4})-(?P<no>\d{2,3})\.txt$", re.ASCII)
"""``2019-02.txt``: four-digit year, issue number of two (or three) digits, lower-case ``.txt``."""
OVERRIDES_FILE = re.compile(r"^(?P<stem>\d{4}-\d{2,3})\.yml$", re.ASCII)
"""``2019-02.yml``: the editors' additions to ``2019-02.txt`` (:mod:`gazette.site.overrides`)."""


def issue_sources(folder: str = FOLDER, required: bool = True) -> list[str]:
    """The issue texts of ``folder``, sorted; any other entry is an error naming it. A missing folder is
    an error when ``required``, else no sources (``convert FILE`` in a folder without gazettes/)."""
    try:
        names = sorted(os.listdir(folder))
    except FileNotFoundError:
        if not required:
            return []
        raise GazetteError(f"{folder}/", "文件夹不存在；请把各期公报文本放在这里（YYYY-NN.txt）") from None
    except NotADirectoryError:
        raise GazetteError(folder, "不是文件夹") from None
    except OSError as exc:
        raise GazetteError(f"{folder}/", f"无法读取文件夹（{exc.strerror or exc}）") from None
    issues = [name for name in names if ISSUE_FILE.match(name) and int(ISSUE_FILE.match(name)["no"]) > 0]
    overrides = [name for name in names if OVERRIDES_FILE.match(name)
                 and f"{OVERRIDES_FILE.match(name)['stem']}.txt" in issues]
    bad = [name for name in names if name not in issues and name not in overrides]
    if bad:
        others = f"（另有 {len(bad) - 1} 个同样的问题）" if len(bad) > 1 else ""
        raise GazetteError(f"{folder}/{bad[0]}", "文件名不符合 YYYY-NN.txt（如 2019-02.txt，期号两位、扩展名小写）；"
                           f"{folder}/ 中只能放各期公报文本和同名的编辑部补充 YYYY-NN.yml，请改名或移走{others}")
    return [f"{folder}/{name}" for name in issues]


def unique_issues(gazettes: list[Gazette], folder: str = FOLDER) -> list[Gazette]:
    """``gazettes`` without duplicates of an issue: two sources printing the same year and 第N号 are an
    error (their pages would overwrite each other), except that a text given on the command line from
    outside ``folder`` replaces that issue's text in ``folder`` (``convert fixed/2019-02.txt``)."""
    seen: dict[tuple[int, int], Gazette] = {}
    for gazette in gazettes:
        if gazette.issue is None:
            continue
        key = (gazette.issue.year, gazette.issue.no)
        first = seen.get(key)
        if first is None:
            seen[key] = gazette
            continue
        inside = [_in_folder(g.file, folder) for g in (first, gazette)]
        if inside[0] != inside[1]:
            seen[key] = first if not inside[0] else gazette
            continue
        raise GazetteError(gazette.file, f"与 {first.file} 是同一期（{key[0]}年第{key[1]}号）；"
                           "每期只能有一个来源文件，未生成任何内容")
    kept = {id(g) for g in seen.values()}
    return [g for g in gazettes if g.issue is None or id(g) in kept]


def _in_folder(path: str, folder: str) -> bool:
    return os.path.dirname(os.path.abspath(path)) == os.path.abspath(folder)
