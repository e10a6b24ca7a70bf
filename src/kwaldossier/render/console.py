"""The rich console and table helpers every terminal renderer uses: coloured in a terminal,
plain when piped or when NO_COLOR is set."""

from __future__ import annotations

import os
import sys

from rich import box
from rich.console import Console
from rich.table import Table


def console() -> Console:
    plain = "NO_COLOR" in os.environ or not sys.stdout.isatty()
    # markup=False: text from a dossier ("[/]", "[bold]") is printed as it is, never interpreted
    return Console(no_color=plain, highlight=False, emoji=False, soft_wrap=False, markup=False)


def _plain(c: Console) -> bool:
    return c.no_color or not c.is_terminal


def _table(c: Console, **kw) -> Table:
    return Table(box=box.SIMPLE if _plain(c) else box.ROUNDED, **kw)


def _initials(names: list[str]) -> dict[str, str]:
    """Short column labels for profiles: the last word of each name (binnendienst)."""
    last = [n.split()[-1] if n.split() else n for n in names]
    if len(set(last)) == len(last):
        return dict(zip(names, last, strict=False))
    return {n: f"{i + 1}" for i, n in enumerate(names)}

