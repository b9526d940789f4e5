"""The two tiers of problems: errors that stop a command, warnings that are reported."""

from __future__ import annotations

from dataclasses import dataclass


class GazetteError(Exception):
    """A problem with the input that stops the command (exit 1)."""

    def __init__(self, file: str, reason: str, line: int | None = None):
        self.file = file
        self.line = line
        self.reason = reason
        super().__init__(self.message)

    def __reduce__(self):
        # Errors raised in a worker process travel back to the command by pickle.
        return (type(self), (self.file, self.reason, self.line))

    @property
    def message(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.reason}"


def missing_module_message(name: str | None) -> str:
    """What to tell someone who runs the tools outside the project's environment (a setup problem, not a bug)."""
    return (f"error: 缺少 Python 依赖 {name or '?'}：请在项目文件夹中运行 make site（建立 .venv 并安装依赖），"
            "再用 .venv/bin/gazette（或 .venv/bin/python -m gazette）运行；也可在自己的环境中 pip install .")


class UsageError(Exception):
    """The command line asks for something impossible (exit 2), e.g. ``--documents 0``."""


class ParseError(GazetteError):
    """The text cannot be read as a gazette issue or an official document."""


@dataclass(frozen=True)
class Warning:
    """Something that looks wrong in the source but does not stop the parse."""

    file: str
    """The source file, as given on the command line."""
    line: int | None
    """1-based source line, or None when the problem concerns the whole file."""
    kind: str
    """A short machine-readable tag, e.g. ``toc-mismatch`` or ``traditional``; stable, see :attr:`code`."""
    message: str
    """What is wrong, in words an editor understands."""

    @property
    def code(self) -> str:
        """The stable code that tools and tests match on (``W-toc-mismatch``); the message may be reworded."""
        return f"W-{self.kind}"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"warning: {where}: {self.code}: {self.message}"

    def to_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "kind": self.kind, "code": self.code, "message": self.message}
