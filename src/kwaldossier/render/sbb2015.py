"""Human output for the 2015 model (SBB XML or PDF): a werkproces (resultaat, gedrag, aanvullend), a
kerntaak, the parse summary. Its diff is part of the typed diff report (render/diff_*.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from ..taal import _
from .zetwerk import hangend

if TYPE_CHECKING:
    from ..model.vorm import Dossier2015Vorm

AANVULLEND = "aanvullend"


def _kop(c: Console, titel: str) -> None:
    c.print(Text(titel, style="bold underline"))


def _tekst(c: Console, basis: str, extra: list[tuple[str, str]]) -> None:
    """A text of the basisdeel, then each profile's addition to it, marked."""
    c.print(hangend(c, "", basis or "—"))
    for label, tekst in extra:
        if tekst:
            c.print(hangend(c, Text(f"[{label}] ", style="magenta"), Text(tekst), 0))


def _item(c: Console, lead: Text | str, t: Text, label: str | None) -> None:
    """One list item (bullet, competence) hanging under its text; added by a profile: marked."""
    if label:
        t.append(f"  [{label}]", style="magenta")
    c.print(hangend(c, lead, t))


def _labels(aanvullend: Mapping[str, Any], geldt_voor: int) -> list[tuple[str, Mapping[str, Any]]]:
    """(mark, addition) per profile: 'aanvullend' when the werkproces is shown for one profile,
    else 'aanvullend: <profile>'."""
    if geldt_voor <= 1:
        return [(AANVULLEND, extra) for extra in aanvullend.values()]
    return [(f"{AANVULLEND}: {naam}", extra) for naam, extra in aanvullend.items()]


def render_werkproces_2015(
    c: Console, wp: Mapping[str, Any], aanvullend: Mapping[str, Any] | None = None, geldt_voor: int = 1
) -> None:
    """A werkproces: the basisdeel's text, then what each profile adds (aanvullend), marked."""
    extra = _labels(aanvullend or {}, geldt_voor)
    deel = "basisdeel" if wp.get("deel") == "basis" else "profieldeel"
    line = (wp["bron"].get("kop") or ["?"])[0]
    c.print(Text(_("{deel}; source line {line}").format(deel=deel, line=line), style="dim"))
    _kop(c, "Omschrijving")
    _tekst(c, wp["omschrijving"], [(label, x["omschrijving"]) for label, x in extra])
    c.print()
    _kop(c, "Resultaat")
    _tekst(c, wp.get("resultaat") or "", [(label, x["resultaat"]) for label, x in extra])
    c.print()
    _kop(c, "Gedrag")
    if wp.get("gedrag_inleiding"):
        c.print(hangend(c, "", wp["gedrag_inleiding"]))
    for g in wp.get("gedrag", []):
        _item(c, "• ", Text(g["tekst"]), None)
    for label, x in extra:
        if x["gedrag_inleiding"]:
            c.print(hangend(c, Text(f"[{label}] ", style="magenta"), Text(x["gedrag_inleiding"]), 0))
        for tekst in x["gedrag"]:
            _item(c, "• ", Text(tekst), label)
    c.print()
    _kop(c, "Competenties")
    for comp in wp["competenties"]:
        _item(c, Text(f"{comp['letter'] or '?'}  ", style="bold green"), Text(comp["naam"], style="bold green"), None)
    for label, x in extra:
        for comp in x["competenties"]:
            _item(
                c, Text(f"{comp['letter'] or '?'}  ", style="bold green"), Text(comp["naam"], style="bold green"), label
            )
    c.print()


def render_parse_2015(c: Console, dossier: Dossier2015Vorm) -> None:
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
                code=p.code,
                naam=p.naam,
                crebo=p.crebo or "?",
                niveau=p.niveau,
                kt=len(p.kerntaken),
                basis=len(basis),
                eigen=len(eigen),
                codes=" ".join(eigen),
                extra=extra,
            )
        )
    for u in dossier.onverwerkte_regels:
        c.print("  " + _("not resolved: line {regel}: {tekst}").format(regel=u.regel, tekst=u.tekst))


def render_kerntaak_2015(c: Console, r: Mapping[str, Any]) -> None:
    """One kerntaak of a profile: complexiteit, verantwoordelijkheid, vakkennis, its werkprocessen."""
    kt = r["kerntaak"]
    for key, label in (
        ("complexiteit", "Complexiteit"),
        ("verantwoordelijkheid", "Verantwoordelijkheid en zelfstandigheid"),
    ):
        _kop(c, label)
        _tekst(c, kt.get(key) or "", [(AANVULLEND, kt.get(f"{key}_aanvullend") or "")])
        c.print()
    _kop(c, "Vakkennis en vaardigheden")
    for v in kt.get("vakkennis_en_vaardigheden", []):
        _item(c, "• ", Text(v["tekst"]), AANVULLEND if v.get("aanvullend") else None)
    c.print()
    _kop(c, "Werkprocessen")
    for wp in kt["werkprocessen"]:
        c.print(hangend(c, f"{wp['code']}  ", wp["titel"]))
    c.print()
