"""Field-for-field comparison of two Dossiers (the SBB XML read and the PDF read).

Left out, because a PDF cannot carry them: source line numbers (every `regels`/`regel` and the
source maps `bron`, `regel_paginas`, offsets), the input's name and format (`bron`, `formaat`),
the title as typed with stray spaces (`titel_bron`), SBB's database id (`sbb_nr`), what the
published dossier does not print: the verantwoordingsinformatie (`moderne_vreemde_talen`) and
the database status of the dossier (`status`, 'Vastgesteld'),
and the parser's bookkeeping (`onverwerkte_regels`, `herstellingen`, `regelverantwoording`).
Texts are compared with runs of white space inside a line collapsed and blank lines dropped:
a PDF shows neither.
"""

from __future__ import annotations

from typing import Any

SKIP = {
    "regels",
    "regel",
    "bron",
    "formaat",
    "titel_bron",
    "sbb_nr",
    "moderne_vreemde_talen",
    "status",
    "onverwerkte_regels",
    "herstellingen",
    "regelverantwoording",
    "regel_paginas",
    "componenten_regels",
    "prestatie_indicator_regels",
    "prestatie_indicator_offsets",
}


def norm(text: str) -> str:
    return "\n".join(ln for ln in (" ".join(x.split()) for x in text.split("\n")) if ln)


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k not in SKIP}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, str):
        return norm(value)
    return value


def leaves(value: Any, path: str = "") -> dict[str, Any]:
    """Every scalar field by its path ('profielen[0].kerntaken[1].titel'); a list's length too."""
    out: dict[str, Any] = {}
    if isinstance(value, dict):
        for k, v in value.items():
            out.update(leaves(v, f"{path}.{k}" if path else k))
    elif isinstance(value, list):
        out[f"{path}#len"] = len(value)
        for i, v in enumerate(value):
            out.update(leaves(v, f"{path}[{i}]"))
    else:
        out[path] = value
    return out


def compare(expected, got) -> tuple[int, list[str]]:
    """(fields that match, descriptions of those that do not)."""
    a = leaves(_clean(expected.model_dump(mode="json")))
    b = leaves(_clean(got.model_dump(mode="json")))
    bad = []
    matched = 0
    for key in sorted(a.keys() | b.keys()):
        if a.get(key, "<absent>") == b.get(key, "<absent>"):
            matched += 1
        else:
            bad.append(f"{key}: expected {a.get(key, '<absent>')!r}, got {b.get(key, '<absent>')!r}")
    return matched, bad
