"""Where an export goes: --out FILE (atomic) or stdout; a binary format never to a terminal."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

BINAIR = {"xlsx"}


def scheidingsteken(sep: str) -> str:
    """--sep: one character; 'tab' or '\\t' for a tab."""
    if sep in ("tab", "\\t"):
        return "\t"
    if len(sep) != 1 or sep in '\r\n"':
        raise typer.BadParameter(f"{sep!r}: give one character, e.g. ';' or ',' or 'tab'", param_hint="--sep")
    return sep


def lever(data: bytes, out: Path | None, fmt: str) -> None:
    if out is not None:
        from ..errors import InputError
        from . import write_bytes_atomic

        if out.is_dir():
            raise InputError(str(out), None, "is a directory: --out takes a file name")
        try:
            write_bytes_atomic(out, data)
        except OSError as exc:
            raise InputError(str(out), None, f"cannot write: {exc.strerror or exc}") from None
        return
    if fmt in BINAIR and sys.stdout.isatty():
        raise typer.BadParameter(f"{fmt} is a binary format: give --out FILE (or redirect stdout)", param_hint="--out")
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
