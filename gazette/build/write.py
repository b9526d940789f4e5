"""The only module that writes output folders: a whole folder at once, or nothing.

A folder is written beside its destination under a temporary name and swapped in only when
every file is written; a command that writes several folders (docs/, reports/, site/, dist/)
stages them all and swaps them in together at the end (:class:`Outputs`), so a failure at any
stage leaves every previous output in place.

A command only replaces what it created: each output folder holds a marker file, and a
non-empty folder without it (the sources, a user's own folder) is refused, never deleted.
Temporary folders carry the id of the process that made them; a later run removes those whose
process is gone (a killed build), and leaves a running build's alone.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from gazette.errors import GazetteError

MARKER = ".gazette-output"
"""The file that marks a folder as written by this program (and safe to replace)."""
_MARKER_TEXT = "本文件夹由 python -m gazette 生成，每次运行整体替换；请勿在此存放其他文件。\n"
_TEMPORARY = re.compile(r"^\..+\.(?:new|old)-(?P<pid>\d+)-")


def write_tree(target: str | os.PathLike, files: dict[str, str | bytes]) -> None:
    """Replace folder ``target`` with exactly ``files`` (relative path → content)."""
    with Outputs(target) as outputs:
        outputs.stage(target, files)
        outputs.commit()


def stage_tree(target: str | os.PathLike, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` into a new folder beside ``target`` (with the marker); return it."""
    staging = staging_dir(target)
    try:
        for relative, content in sorted(files.items()):
            path = staging / relative
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(content, bytes):
                    path.write_bytes(content)
                else:
                    path.write_text(content, encoding="utf-8", newline="\n")
            except OSError as exc:
                raise GazetteError(str(Path(target) / relative), f"无法写入（{exc.strerror or exc}）；"
                                   "原有输出保持不变") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def check_replaceable(target: str | os.PathLike) -> None:
    """Refuse to replace ``target`` unless it is absent, empty, or an output this program wrote."""
    target = Path(target)
    if target.is_symlink():
        raise GazetteError(str(target), "是符号链接；输出文件夹必须是本程序生成的普通文件夹，未做任何改动")
    if not target.exists():
        return
    if not target.is_dir():
        raise GazetteError(str(target), "已存在且不是文件夹；未做任何改动")
    if (target / MARKER).is_file():
        return
    try:
        empty = next(target.iterdir(), None) is None
    except OSError as exc:
        raise GazetteError(str(target), f"无法读取（{exc.strerror or exc}）") from None
    if not empty:
        raise GazetteError(str(target), f"不是本程序生成的文件夹（没有 {MARKER} 标记）且不为空；为免删除其中的文件，"
                           "未做任何改动。请换一个输出位置，或确认无用后自行删除该文件夹")


def swap_in(staging: Path, target: Path) -> None:
    """Put the finished folder ``staging`` at ``target``; the old one goes only after."""
    check_replaceable(target)
    old = None
    try:
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-{os.getpid()}-", dir=target.parent))
            old.rmdir()
            target.rename(old)
        staging.rename(target)
    except OSError as exc:
        if old is not None and not target.exists():
            old.rename(target)
        raise GazetteError(str(target), f"无法替换（{exc.strerror or exc}）；原有输出保持不变") from None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def staging_dir(target: str | os.PathLike) -> Path:
    """A fresh empty folder beside ``target`` (marked as an output) for a tool that writes a tree itself."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(target.parent)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-{os.getpid()}-", dir=target.parent))
        _usual_mode(staging)
        (staging / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
    except OSError as exc:
        raise GazetteError(str(target.parent), f"无法创建临时文件夹（{exc.strerror or exc}）") from None
    return staging


def remove_stale(folder: str | os.PathLike) -> list[Path]:
    """Remove the temporary folders an earlier run left in ``folder`` when it was killed; return them."""
    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        found = _TEMPORARY.match(entry.name)
        if found and not entry.is_symlink() and not _alive(int(found["pid"])):
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            removed.append(entry)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive, not ours to judge
    return True


class Outputs:
    """Output folders staged by one command and swapped in together by :meth:`commit`.

    Used as a context manager: leaving it by an exception (or without a commit) removes every
    staged folder and leaves the previous outputs as they were.
    """

    def __init__(self, *targets: str | os.PathLike) -> None:
        for target in targets:
            check_replaceable(target)  # before any work: refuse a foreign folder at once
        self._staged: list[tuple[Path, Path]] = []

    def stage(self, target: str | os.PathLike, files: dict[str, str | bytes]) -> Path:
        return self.adopt(target, stage_tree(target, files))

    def adopt(self, target: str | os.PathLike, staged: Path) -> Path:
        """Take ``staged`` (made by :func:`staging_dir`) as the new content of ``target``."""
        self._staged.append((Path(target), staged))
        return staged

    def commit(self) -> None:
        for target, _ in self._staged:
            check_replaceable(target)
        while self._staged:
            target, staged = self._staged[0]
            swap_in(staged, target)
            self._staged.pop(0)

    def __enter__(self) -> Outputs:
        return self

    def __exit__(self, *exc) -> None:
        for _, staged in self._staged:
            shutil.rmtree(staged, ignore_errors=True)
        self._staged = []


def _usual_mode(folder: Path) -> None:
    """Give a temporary folder (created 0700) the mode an ordinary mkdir would, so a web server can read it."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(folder, 0o777 & ~mask)


def replace_file(path: str | os.PathLike, content: str) -> None:
    """Replace one file atomically (written beside it, then renamed over it)."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
        if path.exists():
            shutil.copymode(path, temporary)  # mkstemp makes the file private (0600); a web server must read it
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise GazetteError(str(path), f"无法写入（{exc.strerror or exc}）") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
