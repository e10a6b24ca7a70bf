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
        return f"{where}: {one_line(self.message)}"


class OutputError(KwaldossierError):
    """A file that cannot be written where the user asked (--out)."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {one_line(message)}")


class LimitExceeded(InputError):
    """Input over a configured size limit; the message names the limit and its variable."""


class UsageError(KwaldossierError):
    """A bad option value: the message names the value and what is allowed."""


class LookupFailed(KwaldossierError):
    """Unknown profile, werkproces or competence; the message names close matches."""


def one_line(text: str, limit: int = 300) -> str:
    """Messages stay on one line and readable: control characters escaped, long values cut."""
    cut = len(text) > limit
    text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text[:limit])
    return text[: limit - 1] + "…" if cut or len(text) > limit else text


def kort(text: str, n: int = 80) -> str:
    """A value quoted in a message: at most n characters (a huge value stays readable)."""
    return text if len(text) <= n else text[: n - 1] + "…"
