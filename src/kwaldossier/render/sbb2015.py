"""Human output for the 2015 model (SBB XML): a werkproces (resultaat, gedrag, aanvullend), a
kerntaak, the parse summary. Its diff is part of the typed diff report (render/diff_*.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.text import Text

AANVULLEND = "aanvullend"


def _kop(c: Console, titel: str) -> None:
    c.print(Text(titel, style="bold underline"))


def _tekst(c: Console, basis: str, aanvullend: str | None) -> None:
    """A text of the basisdeel, then this profile's addition to it (if any), marked."""
    c.print(basis or "—")
    if aanvullend:
        c.print(Text(f"[{AANVULLEND}] ", style="magenta") + Text(aanvullend))


def _item(c: Console, t: Text, aanvullend: bool | None) -> None:
    """One list item (bullet, competence); added by this profile: marked."""
    if aanvullend:
        t.append(f"  [{AANVULLEND}]", style="magenta")
    c.print(t)


def render_werkproces_2015(c: Console, wp: dict) -> None:
    """One resolved werkproces: basis text, then this profile's additions marked 'aanvullend'."""
    deel = "basisdeel" if wp.get("deel") == "basis" else "profieldeel"
    c.print(Text(f"{deel}; source line {(wp['bron'].get('kop') or ['?'])[0]}", style="dim"))
    _kop(c, "Omschrijving")
    _tekst(c, wp["omschrijving"], wp.get("omschrijving_aanvullend"))
    c.print()
    _kop(c, "Resultaat")
    _tekst(c, wp.get("resultaat") or "", wp.get("resultaat_aanvullend"))
    c.print()
    _kop(c, "Gedrag")
    if wp.get("gedrag_inleiding"):
        c.print(wp["gedrag_inleiding"])
    for g in wp.get("gedrag", []):
        _item(c, Text("• ") + Text(g["tekst"]), g.get("aanvullend"))
    c.print()
    _kop(c, "Competenties")
    for comp in wp["competenties"]:
        _item(c, Text(f"{comp['letter'] or '?'}  {comp['naam']}", style="bold green"), comp.get("aanvullend"))
    c.print()


def render_parse_2015(c: Console, dossier) -> None:
    """Summary of a parsed SBB dossier: header, then per profile its crebo, niveau and codes."""
    head = f"{dossier.titel} (crebo {dossier.crebo or '?'}, 2015 model, SBB XML)"
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
            f"{p.code} {p.naam} (crebo {p.crebo or '?'}, niveau {p.niveau}): {len(p.kerntaken)} kerntaken, "
            f"{len(basis)} basis + {len(eigen)} profiel werkprocessen ({' '.join(eigen)}), {extra} aanvullend additions"
        )
    for u in dossier.onverwerkte_regels:
        c.print(f"  not resolved: line {u.regel}: {u.tekst}")


def render_kerntaak_2015(c: Console, r: Mapping[str, Any], multi: bool) -> None:
    """One kerntaak of a profile: complexiteit, verantwoordelijkheid, vakkennis, its werkprocessen."""
    kt = r["kerntaak"]
    head = Text(f"{kt['code']} {kt['titel']}", style="bold")
    c.rule(Text.assemble(head, Text(f"  — {r['profiel']}", style="cyan")) if multi else head)
    if not multi:
        c.print(Text(r["profiel"], style="cyan"))
    for key, label in (("complexiteit", "Complexiteit"), ("verantwoordelijkheid", "Verantwoordelijkheid en zelfstandigheid")):
        _kop(c, label)
        _tekst(c, kt.get(key) or "", kt.get(f"{key}_aanvullend"))
        c.print()
    _kop(c, "Vakkennis en vaardigheden")
    for v in kt.get("vakkennis_en_vaardigheden", []):
        _item(c, Text("• ") + Text(v["tekst"]), v.get("aanvullend"))
    c.print()
    _kop(c, "Werkprocessen")
    for wp in kt["werkprocessen"]:
        c.print(f"{wp['code']}  {wp['titel']}")
    c.print()
