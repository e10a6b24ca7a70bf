"""Layout "browser": the dossier as one HTML page, printed to PDF by headless Chromium.

- Chromium's print: A4 with its own running header (date and time, the document title) and
  footer (the file URL, "N/M"); the matrix on landscape pages (a CSS named page).
- A sans-serif system font at 9.5 pt; compounds with a hyphen are kept on one line (nowrap); competence names and labels in bold (<strong>, <th>).
- Profile: <h1> "4.1 naam", <h2> "Algemene informatie", then a borderless two-column table:
  label cell (narrow, labels wrap) | text cell, paragraphs as <p>.
- Matrix: <h1> heading, then a table with 1px cell borders (the browser paints them as thin
  filled rectangles): a head cell "Kerntaak N" with the title below it (<br>), "Competenties"
  spanning the letters; a row with "Werkprocessen" and the letters; one row per werkproces with
  "×" in the crossed cells; a werkproces without a matrix row is one cell spanning the table.
- Detail: <h1> "Detaillering proces-competentie-matrix naam" set large so it wraps; per
  werkproces an <h3> heading, a table of Omschrijving | text and Gewenst resultaat | items
  ("– " before each when there are several); then the three-column table with borders, its
  <thead> repeated on every page it runs over, the column titles wrapping in narrow columns;
  the vakkennis items in one cell spanning all rows (rowspan), one row per competence block.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html import escape as _escape
from pathlib import Path

from kwaldossier.model.competenties import LETTERS

from . import BOILERPLATE, LABELS, geldig


def escape(text: str) -> str:
    """HTML text; a compound with a hyphen (face-to-face) is kept on one line, as the source
    marks it, so a line never ends in a hard hyphen (which no reader can tell from a soft one)."""
    return re.sub(r"(\w+(?:-\w+)+)", r"<span class=nw>\1</span>", _escape(text))


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


CSS = """
@page { size: A4; margin: 18mm 14mm; }
@page liggend { size: A4 landscape; margin: 16mm 12mm; }
.matrix { page: liggend; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; }
h1 { font-size: 20pt; } h2 { font-size: 13pt; } h3 { font-size: 11pt; margin-top: 16pt; }
.profiel { break-before: page; } .detail { break-before: page; }
table { border-collapse: collapse; }
.labels td { vertical-align: top; padding: 2pt 6pt 6pt 0; } .labels td.l { width: 28mm; font-weight: bold; }
.labels p { margin: 0 0 7pt 0; }
.grid td, .grid th { border: 1px solid #000; padding: 1pt 2pt; vertical-align: middle; }
.grid td.c, .grid th.c { width: 5.6mm; text-align: center; }
.grid { table-layout: fixed; width: 100%; } .grid col.label { width: 95mm; }
.tabel { width: 100%; table-layout: fixed; margin-top: 8pt; }
.tabel td, .tabel th { border: 1px solid #000; vertical-align: top; padding: 3pt; text-align: left; }
.tabel col.k1 { width: 42mm; } .tabel col.k2 { width: 30mm; }
.nw { white-space: nowrap; } .tabel div { margin-bottom: 3pt; } .tabel tr { break-inside: avoid; }
"""


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
        for kt in p.kerntaken:
            parts.append(_matrix(p, kt))
            parts.append(_detail(p, kt))
    parts.append("</body></html>")
    html = path.with_suffix(".html")
    html.write_text("".join(parts), encoding="utf-8")
    profile = path.parent / f"{path.stem}-chromium"
    run = subprocess.run(
        [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={path}",
            html.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    if run.returncode != 0 or not path.exists():
        raise RuntimeError(f"chromium failed: {run.stderr[-300:]}")
    shutil.rmtree(profile, ignore_errors=True)
    return path


def _profile(p) -> str:
    rows = []
    for label, key in LABELS:
        value = getattr(p.algemene_informatie, key)
        if value:
            paras = "".join(f"<p>{escape(para)}</p>" for para in value.split("\n"))
            rows.append(f"<tr><td class=l>{escape(label)}</td><td>{paras}</td></tr>")
    return f"<section class=profiel><h1>4.1 {escape(p.naam)}</h1><h2>Algemene informatie</h2><table class=labels>{''.join(rows)}</table></section>"


def _matrix(p, kt) -> str:
    head = f"<tr><th style='text-align:left'>Kerntaak {kt.code}<br>{escape(kt.titel)}</th><th colspan={len(LETTERS)} style='text-align:left'>Competenties</th></tr>"
    letters = (
        "<tr><th style='text-align:left'>Werkprocessen</th>"
        + "".join(f"<th class=c>{letter}</th>" for letter in LETTERS)
        + "</tr>"
    )
    rows = []
    for wp in kt.werkprocessen:
        label = escape(f"{wp.code} {wp.titel}")
        if wp.matrix_rij:
            cells = "".join(f"<td class=c>{'×' if letter in wp.matrix else ''}</td>" for letter in LETTERS)
            rows.append(f"<tr><td>{label}</td>{cells}</tr>")
        else:
            rows.append(f"<tr><td colspan={len(LETTERS) + 1}>{label}</td></tr>")
    cols = "<colgroup><col class=label>" + "<col>" * len(LETTERS) + "</colgroup>"
    tail = (
        f"<p><b>{escape(BOILERPLATE[0])}</b><br><small>{escape(BOILERPLATE[1])}<br>{escape(BOILERPLATE[2])}</small></p>"
    )
    return f"<section class=matrix><h1>Proces-competentie-matrix {escape(p.naam)}</h1><table class=grid>{cols}{head}{letters}{''.join(rows)}</table>{tail}</section>"


def _detail(p, kt) -> str:
    out = [f"<section class=detail><h1>Detaillering proces-competentie-matrix {escape(p.naam)}</h1>"]
    for wp in kt.werkprocessen:
        if not wp.heeft_detail:
            continue
        items = wp.gewenst_resultaat
        gewenst = "<br>".join(escape(("– " if len(items) > 1 else "") + i) for i in items)
        out.append(f"<h3>{escape(wp.code)} werkproces: {escape(wp.detail_titel)}</h3>")
        out.append(
            f"<table class=labels><tr><td class=l>Omschrijving</td><td>{escape(wp.omschrijving)}</td></tr><tr><td class=l>Gewenst resultaat</td><td>{gewenst}</td></tr></table>"
        )
        vak = "".join(f"<div>• {escape(v.tekst)}{' (t)' if v.taal else ''}</div>" for v in wp.vakkennis_en_vaardigheden)
        n = max(1, len(wp.competenties))
        rows = []
        for k, c in enumerate(wp.competenties):
            comps = "".join(f"<div>• {escape(x)}</div>" for x in c.componenten)
            first = f"<td rowspan={n}>{vak}</td>" if k == 0 else ""
            rows.append(
                f"<tr>{first}<td><div><strong>{escape(c.naam)}</strong></div>{comps}</td><td>{escape(c.prestatie_indicator)}</td></tr>"
            )
        if not rows:
            rows.append(f"<tr><td>{vak}</td><td></td><td></td></tr>")
        thead = "<thead><tr><th>Vakkennis en vaardigheden</th><th>Competentie en component(en)</th><th>Prestatie-indicator</th></tr></thead>"
        out.append(
            f"<table class=tabel><colgroup><col class=k1><col class=k2><col></colgroup>{thead}<tbody>{''.join(rows)}</tbody></table>"
        )
    out.append("</section>")
    return "".join(out)
