"""The dossier as the unit: the loaded profiles grouped by the dossier they belong to, in the
order given. One dossier is one crebo, or (without a crebo) one title; two files of one dossier
(two profiles, or two versions) are one group. A dossier that names itself neither way (a 2012
text without its footer) belongs to the one group of its model when there is exactly one,
else it is a group of its own. Every look-up, export and report groups by this."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model.afgeleid import DossierKop, dossier_kop
from ..model.competenties import fold

if TYPE_CHECKING:
    from ..model.vorm import DossierVorm
    from ..read.geladen import GeladenProfiel


def sleutel(d: DossierVorm) -> tuple[str, str] | None:
    """What makes two dossiers one: (model, crebo) or (model, folded title); None: unknown."""
    kop = dossier_kop(d)
    if kop.crebo:
        return (kop.model, "crebo:" + kop.crebo)
    if kop.titel and kop.titel.strip():
        return (kop.model, "titel:" + fold(kop.titel))
    return None


def zelfde_dossier(a: DossierVorm, b: DossierVorm) -> bool:
    """Two dossiers are one (codes pair across them), by sleutel; an unknown one only with itself."""
    ka, kb = sleutel(a), sleutel(b)
    return a is b or (ka is not None and ka == kb)


class Groep:
    """The profiles of one dossier, in the order given, with the dossier's header."""

    __slots__ = ("dossiers", "geladen", "kop")

    def __init__(self, kop: DossierKop) -> None:
        self.kop = kop
        self.geladen: list[GeladenProfiel] = []
        self.dossiers: list[DossierVorm] = []

    def voeg_toe(self, g: GeladenProfiel) -> None:
        self.geladen.append(g)
        if all(d is not g.dossier for d in self.dossiers):
            self.dossiers.append(g.dossier)
            if not self.kop.titel and dossier_kop(g.dossier).titel:  # a named file names the group
                self.kop = dossier_kop(g.dossier)

    def json(self) -> dict[str, Any]:
        """The group's dossier as the JSON of the look-ups (`dossiers` entries)."""
        k = self.kop
        bronnen = [d.bron for d in self.dossiers if d.bron]
        return {
            "titel": k.titel,
            "crebo": k.crebo,
            "model": k.model,
            "geldig_vanaf": k.geldig_vanaf.isoformat() if k.geldig_vanaf else None,
            "versie": k.versie,
            "status": k.status,
            "bronnen": bronnen,
            "profielen": [g.naam for g in self.geladen],
        }


def groepeer(geladen: list[GeladenProfiel]) -> list[Groep]:
    """The profiles grouped by dossier, groups in the order their first profile comes."""
    groepen: list[Groep] = []
    per_sleutel: dict[tuple[str, str], Groep] = {}
    onbekend: list[GeladenProfiel] = []
    for g in geladen:
        key = sleutel(g.dossier)
        if key is None:
            onbekend.append(g)
            continue
        if key not in per_sleutel:
            per_sleutel[key] = Groep(dossier_kop(g.dossier))
            groepen.append(per_sleutel[key])
        per_sleutel[key].voeg_toe(g)
    for g in onbekend:
        same_model = [gr for gr in groepen if gr.kop.model == g.dossier.model]
        eigen = next((gr for gr in groepen if any(d is g.dossier for d in gr.dossiers)), None)
        doel = eigen or (same_model[0] if len(same_model) == 1 else None)
        if doel is None:
            doel = Groep(dossier_kop(g.dossier))
            groepen.append(doel)
        doel.voeg_toe(g)
    volgorde = {id(g): i for i, g in enumerate(geladen)}
    for gr in groepen:
        gr.geladen.sort(key=lambda x: volgorde[id(x)])
    groepen.sort(key=lambda gr: volgorde[id(gr.geladen[0])])
    return groepen


def naam(kop: DossierKop) -> str:
    """A dossier as a person names it: 'Sociaal werk (crebo 23185)'."""
    titel = kop.titel or "?"
    return f"{titel} (crebo {kop.crebo})" if kop.crebo else titel
