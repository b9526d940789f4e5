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
    """A short machine-readable tag, e.g. ``toc-mismatch`` or ``traditional``."""
    message: str
    """What is wrong, in words an editor understands."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"warning: {where}: {self.message}"

    def to_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "kind": self.kind, "message": self.message}
