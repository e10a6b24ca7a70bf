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
        from ..taal import _

        raise typer.BadParameter(
            _("{value}: give one character, e.g. ';' or ',' or 'tab'").format(value=repr(sep)), param_hint="--sep"
        )
    return sep


def lever(data: bytes, out: Path | None, fmt: str) -> None:
    if out is not None:
        from ..errors import InputError
        from . import write_bytes_atomic

        if out.is_dir():
            from ..taal import _

            raise InputError(str(out), None, _("is a directory: --out takes a file name"))
        try:
            write_bytes_atomic(out, data)
        except OSError as exc:
            from ..taal import _

            raise InputError(str(out), None, _("cannot write: {reason}").format(reason=exc.strerror or exc)) from None
        return
    if fmt in BINAIR and sys.stdout.isatty():
        from ..taal import _

        raise typer.BadParameter(
            _("{format} is a binary format: give --out FILE (or redirect stdout)").format(format=fmt),
            param_hint="--out",
        )
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
