"""Human output. Each renderer takes a result (the --json schema) and prints it with rich:
coloured in a terminal, plain when piped or when NO_COLOR is set and non-empty. The console
helpers live in console.py, the look-ups in terminal.py, the diff report in diff_*.py and the
validate emitters in findings.py; this module only re-exports what the CLI uses."""

from __future__ import annotations

from typing import Any

# Re-exported lazily (PEP 562): importing kwaldossier.render must not load rich.console, which
# a piped look-up never needs (render/printer.py).
_FROM = {
    "_plain": "console",
    "_table": "console",
    "pct": "console",  # console(): from render.console
    "render_competentie": "terminal",
    "render_matrix": "terminal",
    "render_search": "zoekresultaat",
    "render_show": "terminal",
    "render_tree": "terminal",
}


def __getattr__(name: str) -> Any:
    if name not in _FROM:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{_FROM[name]}"), name)


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
