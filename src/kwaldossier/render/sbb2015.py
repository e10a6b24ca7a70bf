"""Human output for the 2015 model (SBB XML or PDF): a werkproces (resultaat, gedrag, aanvullend), a
kerntaak, the parse summary. Its diff is part of the typed diff report (render/diff_*.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.text import Text

from ..taal import _
from .zetwerk import hangend, kop

AANVULLEND = "aanvullend"


def _kop(c: Console, titel: str) -> None:
    c.print(Text(titel, style="bold underline"))


def _tekst(c: Console, basis: str, aanvullend: str | None) -> None:
    """A text of the basisdeel, then this profile's addition to it (if any), marked."""
    c.print(hangend(c, "", basis or "—"))
    if aanvullend:
        c.print(hangend(c, Text(f"[{AANVULLEND}] ", style="magenta"), Text(aanvullend), 0))


def _item(c: Console, lead: Text | str, t: Text, aanvullend: bool | None) -> None:
    """One list item (bullet, competence) hanging under its text; added by this profile: marked."""
    if aanvullend:
        t.append(f"  [{AANVULLEND}]", style="magenta")
    c.print(hangend(c, lead, t))


def render_werkproces_2015(c: Console, wp: dict) -> None:
    """One resolved werkproces: basis text, then this profile's additions marked 'aanvullend'."""
    deel = "basisdeel" if wp.get("deel") == "basis" else "profieldeel"
    line = (wp["bron"].get("kop") or ["?"])[0]
    c.print(Text(_("{deel}; source line {line}").format(deel=deel, line=line), style="dim"))
    _kop(c, "Omschrijving")
    _tekst(c, wp["omschrijving"], wp.get("omschrijving_aanvullend"))
    c.print()
    _kop(c, "Resultaat")
    _tekst(c, wp.get("resultaat") or "", wp.get("resultaat_aanvullend"))
    c.print()
    _kop(c, "Gedrag")
    if wp.get("gedrag_inleiding"):
        c.print(hangend(c, "", wp["gedrag_inleiding"]))
    for g in wp.get("gedrag", []):
        _item(c, "• ", Text(g["tekst"]), g.get("aanvullend"))
    c.print()
    _kop(c, "Competenties")
    for comp in wp["competenties"]:
        _item(c, Text(f"{comp['letter'] or '?'}  ", style="bold green"), Text(comp["naam"], style="bold green"), comp.get("aanvullend"))
    c.print()


def render_parse_2015(c: Console, dossier) -> None:
    """Summary of a parsed SBB dossier: header, then per profile its crebo, niveau and codes."""
    if dossier.formaat == "sbb-pdf":
        head = _("{titel} (crebo {crebo}, 2015 model, SBB PDF)").format(titel=dossier.titel, crebo=dossier.crebo or "?")
    else:
        head = _("{titel} (crebo {crebo}, 2015 model, SBB XML)").format(titel=dossier.titel, crebo=dossier.crebo or "?")
    if dossier.geldig_vanaf:
        head += f", geldig vanaf {dossier.geldig_vanaf:%d-%m-%Y}"
    c.print(Text(head, style="bold"))
    for p in dossier.profielen:
        wps = list(p.werkprocessen())
        basis = [wp.code for wp in wps if wp.deel == "basis"]
        eigen = [wp.code for wp in wps if wp.deel == "profiel"]
        extra = sum(
            bool(wp.omschrijving_aanvullend or wp.resultaat_aanvullend)
            + sum(g.aanvullend for g in wp.gedrag)
            + sum(k.aanvullend for k in wp.competenties)
            for wp in wps
        )
        c.print(
            _(
                "{code} {naam} (crebo {crebo}, niveau {niveau}): {kt} kerntaken, {basis} basis + {eigen} profiel "
                "werkprocessen ({codes}), {extra} additions (aanvullend)"
            ).format(
                code=p.code, naam=p.naam, crebo=p.crebo or "?", niveau=p.niveau, kt=len(p.kerntaken), basis=len(basis),
                eigen=len(eigen), codes=" ".join(eigen), extra=extra,
            )
        )
    for u in dossier.onverwerkte_regels:
        c.print("  " + _("not resolved: line {regel}: {tekst}").format(regel=u.regel, tekst=u.tekst))


def render_kerntaak_2015(c: Console, r: Mapping[str, Any], multi: bool) -> None:
    """One kerntaak of a profile: complexiteit, verantwoordelijkheid, vakkennis, its werkprocessen."""
    kt = r["kerntaak"]
    head = Text(f"{kt['code']} {kt['titel']}", style="bold")
    if multi:
        kop(c, head, Text(r["profiel"], style="cyan"))
    else:
        kop(c, head)
        c.print(hangend(c, "", Text(r["profiel"], style="cyan")))
    for key, label in (("complexiteit", "Complexiteit"), ("verantwoordelijkheid", "Verantwoordelijkheid en zelfstandigheid")):
        _kop(c, label)
        _tekst(c, kt.get(key) or "", kt.get(f"{key}_aanvullend"))
        c.print()
    _kop(c, "Vakkennis en vaardigheden")
    for v in kt.get("vakkennis_en_vaardigheden", []):
        _item(c, "• ", Text(v["tekst"]), v.get("aanvullend"))
    c.print()
    _kop(c, "Werkprocessen")
    for wp in kt["werkprocessen"]:
        c.print(hangend(c, f"{wp['code']}  ", wp["titel"]))
    c.print()
