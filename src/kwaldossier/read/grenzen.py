"""Limits on every input: size of a file or standard input, length of a line of text; and what
a reader may assume of the process while it parses (zonder_gc)."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import LimitExceeded, UsageError


def _limit(var: str, default: float) -> float:
    raw = os.environ.get(var, "")
    try:
        value = float(raw) if raw else default
    except ValueError:
        value = -1
    if not value > 0:
        from ..taal import _

        raise UsageError(_("{var}={raw}: expected a positive number").format(var=var, raw=repr(raw)))
    return value


def max_input_bytes() -> int:
    """Text, SBB XML and JSON inputs: KWALDOSSIER_MAX_INPUT_MB (default 50)."""
    return int(_limit("KWALDOSSIER_MAX_INPUT_MB", 50) * 1024 * 1024)


def max_line_bytes() -> int:
    """One line of dossier text: KWALDOSSIER_MAX_LINE_KB (default 1024)."""
    return int(_limit("KWALDOSSIER_MAX_LINE_KB", 1024) * 1024)


def check_size(name: str, size: int, kind: str) -> None:
    limit = max_input_bytes()
    if size > limit:
        from ..taal import _

        message = (
            _("input of {size} is over the limit of {limit} (KWALDOSSIER_MAX_INPUT_MB)")
            if kind == "input"
            else _("file of {size} is over the limit of {limit} (KWALDOSSIER_MAX_INPUT_MB)")
        )
        raise LimitExceeded(name, None, message.format(size=_size(size), limit=_size(limit)))


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.0f} kB"


def check_lines(data: bytes, name: str) -> None:
    """Refuse text with a line over the line limit (linear scan; CR, LF and CRLF ends)."""
    limit = max_line_bytes()
    if not _long_line(data, limit):
        return
    for no, line in enumerate(data.replace(b"\r", b"\n").split(b"\n"), 1):
        if len(line) > limit:
            from ..taal import _

            raise LimitExceeded(
                name,
                no,
                _("line of {n:,} bytes is over the limit of {limit:,} kB (KWALDOSSIER_MAX_LINE_KB)").format(
                    n=len(line), limit=limit // 1024
                ),
            )


def _long_line(data: bytes, limit: int) -> bool:
    """A line of `data` is over `limit` bytes: a window of limit + 1 bytes without a line end.
    Jumps to the last line end of each window (a few steps for megabytes, nothing split)."""
    pos = 0
    while len(data) - pos > limit:
        end = pos + limit + 1
        cut = max(data.rfind(b"\n", pos, end), data.rfind(b"\r", pos, end))
        if cut < 0:
            return True
        pos = cut + 1
    return False


@contextmanager
def zonder_gc() -> Iterator[None]:
    """The cyclic garbage collector paused while a reader builds a dossier: a parse allocates
    hundreds of thousands of objects and frees none of them as cycles, so every collector pass
    over them (one per 700 allocations, the older generations ever more often) is pure cost
    (~10% of a 2012 text parse). Reference counting still frees everything; the collector's
    state is restored after (nested uses leave it to the outermost)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
