"""Layout "browser": the dossier as one HTML page printed to PDF by headless Chromium.

- Chromium's print: A4, its own running header (date and time at the left, the document title
  in the middle) and footer (the file URL at the left, "N/M" at the right).
- A sans-serif system font at 10 pt; headings <h1>/<h2>/<h3> in bold; labels as bold
  paragraphs of their own; the text's lines as <p> paragraphs (a margin between them).
- Cover block: <h1> "Kwalificatiedossier <titel>", then paragraphs "Crebonr. <crebo>",
  "Geldig vanaf DD-MM-JJJJ", the version, "Opleidingsdomein: ...", "Vastgesteld op: ...", and
  the profiles as a list (<ul>, Chromium's "•" markers) of "<naam> (Crebonr. <crebo>)".
- No table of contents, no leeswijzer. "Basisdeel" <h1> on a new page, "Typering van de
  beroepengroep" <h2> with its three labels; "Beroepsspecifieke onderdelen" <h2>.
- Each kerntaak on a new page, <h2> "B1-K1: <titel>", its labels, vakkennis as a <ul>; each
  werkproces <h3> "B1-K1-W1: <titel>", Omschrijving, Resultaat, Gedrag (the intro a paragraph,
  the bullets a <ul>, its items 4 pt apart), then "De onderliggende competenties zijn: <names>".
- Additions in a grey box after the part they add to: the bold paragraph "Voor <profiel> geldt
  aanvullend:", then the text, a <ul> or "De onderliggende competenties zijn: ...".
- "Generieke onderdelen" <h1> (its headings <h3>), "Profieldeel" <h1>, each profile <h1> on a
  new page with Mbo-niveau ("Niveau N"), Typering van het beroep, Beroepsvereisten.
"""

from __future__ import annotations

import shutil
import subprocess
from html import escape
from pathlib import Path

from .inhoud import Gedrag, Inhoud, Kerntaak, read

CSS = """
@page { size: A4; margin: 20mm 16mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; } h3 { font-size: 11pt; margin-top: 14pt; }
.nieuw { break-before: page; }
p { margin: 0 0 5pt 0; } .label { font-weight: bold; margin-top: 8pt; margin-bottom: 2pt; }
ul { margin: 0 0 5pt 0; padding-left: 18pt; } li { margin-bottom: 4pt; }
.plus { background: #eeeeee; padding: 3pt 6pt; margin: 4pt 0; }
"""


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def render(xml: Path, path: Path) -> Path:
    exe = chromium()
    if exe is None:
        raise RuntimeError("no headless Chromium")
    inh = read(xml)
    html = path.with_suffix(".html")
    html.write_text(_page(inh), encoding="utf-8")
    profile = path.parent / f"{path.stem}-chromium"
    run = subprocess.run(
        [
            exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
            f"--print-to-pdf={path}", html.as_uri(),
        ],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    shutil.rmtree(profile, ignore_errors=True)
    if run.returncode != 0 or not path.exists():
        raise RuntimeError(f"chromium failed: {run.stderr[-300:]}")
    return path


def _p(text: str, cls: str = "") -> str:
    return f"<p class={cls}>{escape(text)}</p>" if cls else f"<p>{escape(text)}</p>"


def _ul(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>" if items else ""


def _text(label: str, lines: list[str], plus: list[tuple[str, list[str]]] = ()) -> str:
    out = _p(label, "label") + "".join(_p(ln) for ln in lines)
    for naam, extra in plus:
        out += (
            "<div class=plus>"
            + _p(f"Voor {naam} geldt aanvullend:", "label")
            + "".join(_p(ln) for ln in extra)
            + "</div>"
        )
    return out


def _gedrag(g: Gedrag) -> str:
    return (_p(" ".join(g.intro)) if g.intro else "") + _ul(g.bullets)


def _kerntaak(kt: Kerntaak) -> str:
    out = [f"<h2 class=nieuw>{escape(f'{kt.code}: {kt.titel}')}</h2>"]
    out.append(_text("Complexiteit", kt.complexiteit, kt.complexiteit_plus))
    out.append(_text("Verantwoordelijkheid en zelfstandigheid", kt.verantwoordelijkheid, kt.verantwoordelijkheid_plus))
    out.append(_p("Vakkennis en vaardigheden", "label") + _ul(kt.vakkennis))
    for naam, items in kt.vakkennis_plus:
        out.append("<div class=plus>" + _p(f"Voor {naam} geldt aanvullend:", "label") + _ul(items) + "</div>")
    for wp in kt.werkprocessen:
        out.append(f"<h3>{escape(f'{wp.code}: {wp.titel}')}</h3>")
        out.append(_text("Omschrijving", wp.omschrijving, wp.omschrijving_plus))
        out.append(_text("Resultaat", wp.resultaat, wp.resultaat_plus))
        out.append(_p("Gedrag", "label") + _gedrag(wp.gedrag))
        for naam, g in wp.gedrag_plus:
            out.append("<div class=plus>" + _p(f"Voor {naam} geldt aanvullend:", "label") + _gedrag(g) + "</div>")
        out.append(_p("De onderliggende competenties zijn: " + ", ".join(wp.competenties)))
        for naam, names in wp.competenties_plus:
            block = _p(f"Voor {naam} geldt aanvullend:", "label") + _p(
                "De onderliggende competenties zijn: " + ", ".join(names)
            )
            out.append(f"<div class=plus>{block}</div>")
    return "".join(out)


def _page(inh: Inhoud) -> str:
    out = [
        f"<!doctype html><html lang=nl><head><meta charset=utf-8><title>{escape(inh.titel)}</title><style>{CSS}</style></head><body>"
    ]
    out.append(f"<h1>{escape(f'Kwalificatiedossier {inh.titel}')}</h1>")
    out.append(_p(f"Crebonr. {inh.crebo}") + _p(f"Geldig vanaf {inh.geldig_vanaf}"))
    if inh.versie:
        out.append(_p(inh.versie))
    out.append(_p(f"Opleidingsdomein: {inh.sector}") + _p(f"Vastgesteld op: {inh.vastgesteld_op}"))
    out.append(_ul([f"{p.naam} (Crebonr. {p.crebo})" for p in inh.profielen]))
    out.append("<h1 class=nieuw>Basisdeel</h1><h2>Typering van de beroepengroep</h2>")
    out.append(_text("Context", inh.context) + _text("Typerende beroepshouding", inh.beroepshouding))
    out.append(_text("Resultaat van de beroepengroep", inh.resultaat))
    out.append("<h2>Beroepsspecifieke onderdelen</h2>")
    out += [_kerntaak(kt) for kt in inh.kerntaken]
    out.append("<h1 class=nieuw>Generieke onderdelen</h1>")
    out += [f"<h3>{escape(b.tekst)}</h3>" if b.soort == "h2" else _p(b.tekst) for b in inh.generiek if b.soort != "h1"]
    out.append("<h1 class=nieuw>Profieldeel</h1>")
    for p in inh.profielen:
        out.append(f"<h1 class=nieuw>{escape(p.naam)}</h1>")
        out.append(_text("Mbo-niveau", [f"Niveau {p.niveau}"]) + _text("Typering van het beroep", p.typering))
        out.append(_text("Beroepsvereisten", p.beroepsvereisten))
        out += [_kerntaak(kt) for kt in p.kerntaken]
    out.append("</body></html>")
    return "".join(out)
