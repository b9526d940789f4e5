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


def issue_sources(folder: str = FOLDER) -> list[str]:
    """The issue texts of ``folder``, sorted; any other entry is an error naming it."""
    try:
        names = sorted(os.listdir(folder))
    except FileNotFoundError:
        raise GazetteError(f"{folder}/", "文件夹不存在；请把各期公报文本放在这里（YYYY-NN.txt）") from None
    except NotADirectoryError:
        raise GazetteError(folder, "不是文件夹") from None
    except OSError as exc:
        raise GazetteError(f"{folder}/", f"无法读取文件夹（{exc.strerror or exc}）") from None
    bad = [name for name in names if not ISSUE_FILE.match(name) or int(ISSUE_FILE.match(name)["no"]) == 0]
    if bad:
        others = f"（另有 {len(bad) - 1} 个同样的问题）" if len(bad) > 1 else ""
        raise GazetteError(f"{folder}/{bad[0]}", "文件名不符合 YYYY-NN.txt（如 2019-02.txt，期号两位、扩展名小写）；"
                           f"{folder}/ 中只能放各期公报文本，请改名或移走{others}")
    return [f"{folder}/{name}" for name in names]


def check_unique_issues(gazettes: list[Gazette]) -> None:
    """Refuse two sources that print the same year and issue number: their pages would overwrite each other."""
    seen: dict[tuple[int, int], str] = {}
    for gazette in gazettes:
        if gazette.issue is None:
            continue
        key = (gazette.issue.year, gazette.issue.no)
        if key in seen:
            raise GazetteError(gazette.file, f"与 {seen[key]} 是同一期（{key[0]}年第{key[1]}号）；"
                               "每期只能有一个来源文件，未生成任何内容")
        seen[key] = gazette.file
