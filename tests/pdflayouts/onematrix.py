"""Layout "onematrix": a dossier page from a web site, printed by the browser, with one matrix
for all kerntaken of a profile.

- Chromium's print of one HTML page: A4 portrait with the browser's own running header (date,
  the document title) and footer (the file URL, "N/M"); the matrix on a landscape page (a CSS
  named page), one per profile.
- Profile: <h1> "4.1 naam", <h2> "Algemene informatie", then a borderless table of label cells
  (narrow, bold, labels wrap) and text cells, paragraphs as <p>.
- Matrix: <h1> "Proces-competentie-matrix naam", then one table with 1px cell borders (painted
  as thin filled rectangles) for the whole profile. Its head (<thead>, repeated on a page the
  table runs over) has one row: "Werkprocessen" in the label cell and the letters A..Y in their
  columns, all on one baseline; there is no "Competenties" cell. Each kerntaak is a row of the
  body: one bold cell spanning the table, "Kerntaak N titel" on one line, on a light grey
  background; its werkprocessen follow as rows of a label cell "N.N titel" and 25 cells, a
  crossed cell holding a check mark "✓"; a werkproces without a matrix row is one cell
  spanning the table. The boilerplate under the table.
- Detail: as layout "browser" (<h1> "Detaillering proces-competentie-matrix naam", per
  werkproces an <h3> heading, the Omschrijving / Gewenst resultaat table, the three-column table
  with borders and its <thead> repeated).
"""

from __future__ import annotations

import shutil
import subprocess
from html import escape as _escape
from pathlib import Path

from kwaldossier.model.competenties import LETTERS

from . import BOILERPLATE, geldig
from .browser import CSS as BROWSER_CSS
from .browser import _detail, _profile, chromium, escape

MARK = "✓"
CSS = (
    BROWSER_CSS
    + """
.grid tr.kt td { font-weight: bold; background: #e6e6e6; }
.grid thead th { font-weight: bold; }
"""
)


def render(dossier, path: Path) -> Path:
    exe = chromium()
    if exe is None:
        raise RuntimeError("no headless Chromium")
    titel = (
        f"Kwalificatiedossier {dossier.titel}, geldig vanaf {geldig(dossier)}"
        if dossier.titel
        else dossier.profielen[0].naam
    )
    parts = [
        f"<!doctype html><html lang=nl><head><meta charset=utf-8><title>{_escape(titel)}</title><style>{CSS}</style></head><body>"
    ]
    for p in dossier.profielen:
        parts.append(_profile(p))
        parts.append(_matrix(p))
        for kt in p.kerntaken:
            parts.append(_detail(p, kt))
    parts.append("</body></html>")
    html = path.with_suffix(".html")
    html.write_text("".join(parts), encoding="utf-8")
    profile = path.parent / f"{path.stem}-chromium"
    run = subprocess.run(
        [
            exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
            f"--print-to-pdf={path}", html.as_uri(),
        ],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    if run.returncode != 0 or not path.exists():
        raise RuntimeError(f"chromium failed: {run.stderr[-300:]}")
    shutil.rmtree(profile, ignore_errors=True)
    return path


def _matrix(p) -> str:
    span = len(LETTERS) + 1
    head = (
        "<thead><tr><th style='text-align:left'>Werkprocessen</th>"
        + "".join(f"<th class=c>{letter}</th>" for letter in LETTERS)
        + "</tr></thead>"
    )
    rows = []
    for kt in p.kerntaken:
        rows.append(f"<tr class=kt><td colspan={span}>Kerntaak {kt.code} {escape(kt.titel)}</td></tr>")
        for wp in kt.werkprocessen:
            label = escape(f"{wp.code} {wp.titel}")
            if wp.matrix_rij:
                cells = "".join(f"<td class=c>{MARK if letter in wp.matrix else ''}</td>" for letter in LETTERS)
                rows.append(f"<tr><td>{label}</td>{cells}</tr>")
            else:
                rows.append(f"<tr><td colspan={span}>{label}</td></tr>")
    cols = "<colgroup><col class=label>" + "<col>" * len(LETTERS) + "</colgroup>"
    tail = (
        f"<p><b>{escape(BOILERPLATE[0])}</b><br><small>{escape(BOILERPLATE[1])}<br>{escape(BOILERPLATE[2])}</small></p>"
    )
    return f"<section class=matrix><h1>Proces-competentie-matrix {escape(p.naam)}</h1><table class=grid>{cols}{head}<tbody>{''.join(rows)}</tbody></table>{tail}</section>"
