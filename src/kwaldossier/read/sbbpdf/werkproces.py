"""One werkproces of one profile: omschrijving, resultaat, gedrag and competences with that
profile's additions, as the SBB XML reader fills them. Each of the four is required: a
werkproces without one was not read whole (a page missing, a layout not understood)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...taal import _
from ..tekst import Hyphenator
from . import competenties as namen
from .records import Blok, WerkprocesR
from .state import State
from .velden import lijst, regel_tekst, tekst

if TYPE_CHECKING:
    from ...model.m2015 import Competentie2015, GedragRegel, Werkproces2015

Aanvullingen = Callable[[str], list[Blok]]
Enig = Callable[[list[Blok], str], "Blok | None"]


def _is_gedrag(blok: Blok) -> bool:
    """An addition after the competence line that holds bullets or an intro ('De x:')."""
    return any(r.item for r in blok.regels) or (bool(blok.regels) and blok.regels[0].tekst.endswith(":"))


@dataclass
class WerkprocesBouwer:
    st: State
    h: Hyphenator
    herstellingen: list[tuple[int, str, str]] = field(default_factory=list)
    _gezien: set[tuple[int, str]] = field(default_factory=set)

    def need(self, w: WerkprocesR, enig: Enig, veld: str) -> Blok:
        blok = enig(w.blokken, veld)
        if blok is None or not blok.regels:
            raise self.st.fail(w.regel, _("werkproces {code} has no {field}").format(code=w.code, field=veld))
        return blok

    def build(self, w: WerkprocesR, titel: str, deel: str, adds: Aanvullingen, enig: Enig) -> Werkproces2015:
        from ...model.m2015 import Werkproces2015, WerkprocesBron2015

        oms = tekst(self.need(w, enig, "omschrijving"), self.h)
        res_blok = self.need(w, enig, "resultaat")
        ged_blok = self.need(w, enig, "gedrag")
        comp_blok = self.need(w, enig, "competenties")
        comp_adds = adds("competenties")
        ged_adds = adds("gedrag") + [b for b in comp_adds if _is_gedrag(b)]
        inleiding, gedrag, extra_intro = self.gedrag(w, ged_blok, ged_adds)
        competenties = self.competenties(comp_blok, [b for b in comp_adds if not _is_gedrag(b)])
        oms_adds, res_adds = adds("omschrijving"), adds("resultaat")
        return Werkproces2015(
            code=w.code,
            titel=titel,
            deel=deel,  # type: ignore[arg-type]
            omschrijving=oms.tekst,
            omschrijving_aanvullend=self.joined(oms_adds),
            resultaat=tekst(res_blok, self.h).tekst,
            resultaat_aanvullend=self.joined(res_adds),
            gedrag_inleiding=inleiding,
            gedrag_inleiding_aanvullend="\n".join(extra_intro),
            gedrag=gedrag,
            competenties=competenties,
            bron=WerkprocesBron2015(
                kop=[w.regel],
                omschrijving=oms.regels,
                omschrijving_offsets=oms.offsets,
                resultaat=[res_blok.regels[0].no],
                gedrag=[ged_blok.regels[0].no],
                competenties=[comp_blok.regels[0].no],
                aanvullend=[b.regel for b in oms_adds + res_adds + ged_adds + comp_adds],
            ),
        )

    def joined(self, blokken: list[Blok]) -> str:
        return "\n".join(t for b in blokken if (t := tekst(b, self.h).tekst))

    def gedrag(self, w: WerkprocesR, base: Blok, extra: list[Blok]) -> tuple[str, list[GedragRegel], list[str]]:
        from ...model.m2015 import GedragRegel

        first = lijst(base, self.h)
        if not first.items:
            raise self.st.fail(base.regel, _("werkproces {code}: gedrag without bullets").format(code=w.code))
        regels = [GedragRegel(tekst=t, regel=no) for t, no in first.items]
        intros = []
        for blok in extra:
            more = lijst(blok, self.h)
            if more.inleiding:
                intros.append(more.inleiding)
            regels += [GedragRegel(tekst=t, regel=no, aanvullend=True) for t, no in more.items]
        return first.inleiding, regels, intros

    def competenties(self, base: Blok, extra: list[Blok]) -> list[Competentie2015]:
        from ...model.m2015 import Competentie2015

        out: list[Competentie2015] = []
        seen: set[str] = set()
        for blok, aanvullend in [(base, False), *((b, True) for b in extra)]:
            if not blok.regels:
                continue
            for naam in self._namen(blok):
                key = naam.letter or naam.naam
                if key in seen:
                    continue  # an addition repeating a base competence adds nothing
                seen.add(key)
                out.append(
                    Competentie2015(
                        letter=naam.letter, naam=naam.naam, regels=[blok.regels[0].no], aanvullend=aanvullend
                    )
                )
        return out

    def _namen(self, blok: Blok) -> list[namen.Naam]:
        found = namen.namen(regel_tekst(blok))
        no = blok.regels[0].no
        for n in found:
            if n.letter is None:
                raise self.st.fail(
                    no, _("unknown competence {name}: not a name of the national list A-Y").format(name=repr(n.gedrukt))
                )
            if not n.exact and (no, n.gedrukt) not in self._gezien:
                self._gezien.add((no, n.gedrukt))
                self.herstellingen.append((no, "competentie-gelijkend", f"{n.gedrukt!r} read as {n.letter} {n.naam}"))
        if not found:
            raise self.st.fail(no, _("a competence line without names"))
        return found
