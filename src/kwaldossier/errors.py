"""Errors that end a command with exit code 2 and one line on stderr."""

from __future__ import annotations


class KwaldossierError(Exception):
    """Base: anything the user can fix; printed as one line, exit 2."""


class InputError(KwaldossierError):
    """Input that cannot be read or is not a dossier; points at file and line."""

    def __init__(self, path: str | None, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}"


class LookupFailed(KwaldossierError):
    """Unknown profile, werkproces or competence; the message names close matches."""
