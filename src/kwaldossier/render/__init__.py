"""Human output. Each renderer takes a result (the --json schema) and prints it with rich:
coloured in a terminal, plain when piped or when NO_COLOR is set and non-empty. The console
helpers live in console.py, the look-ups in terminal.py, the diff report in diff_*.py and the
validate emitters in findings.py; this module only re-exports what the CLI uses."""

from __future__ import annotations

from .console import _plain, _table, console, pct
from .terminal import render_competentie, render_matrix, render_search, render_show, render_tree

__all__ = [
    "_plain",
    "_table",
    "console",
    "pct",
    "render_competentie",
    "render_matrix",
    "render_search",
    "render_show",
    "render_tree",
]
