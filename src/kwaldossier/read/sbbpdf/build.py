"""Records to the model: per profile the resolved view, as the SBB XML reader gives it: the
basisdeel kerntaken with that profile's additions merged in and marked aanvullend, then its
own profieldeel. A basis text's additions for the profile are joined into the *_aanvullend
field; added items, gedrag bullets and competences follow the base ones, marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...taal import _
from . import dossierkop
from .afbreken import PdfAfbreker
from .records import Blok, DossierR, KerntaakR, ProfielR, WerkprocesR
from .rules_common import folded_name
from .state import Disp, State
from .velden import lijst, tekst
from .werkproces import WerkprocesBouwer

if TYPE_CHECKING:
    from ...model.gedeeld import Regelverantwoording
    from ...model.m2015 import AlgemeneInformatie2015, Dossier2015, Kerntaak2015, Profiel2015, Werkproces2015

FORMAAT = "sbb-pdf"


class Bouwer:
    def __init__(self, st: State) -> None:
        self.st = st
        self.h = PdfAfbreker("\n".join(r.tekst for r in st.regels))
        self.wp = WerkprocesBouwer(st, self.h)
        self.namen = {folded_name(p.naam): i for i, p in enumerate(st.dossier.profielen)}

    # -- additions

    def profiel_index(self, blok: Blok) -> int:
        assert blok.profiel is not None
        i = self.namen.get(folded_name(blok.profiel))
        if i is None:
            known = ", ".join(p.naam for p in self.st.dossier.profielen)
            raise self.st.fail(
                blok.regel,
                _("'geldt aanvullend' for {name}, not a profile of this dossier ({known})").format(
                    name=repr(blok.profiel), known=known
                ),
            )
        return i

    def check_additions(self, blokken: list[Blok]) -> None:
        for b in blokken:
            if b.profiel is not None:
                self.profiel_index(b)

    # -- dossier

    def dossier(self) -> Dossier2015:
        from ...model.gedeeld import Herstelling, OnverwerkteRegel
        from ...model.m2015 import Dossier2015

        d = self.st.dossier
        if not d.profielen:
            raise self.st.fail(1, _("no profile in the profieldeel: not a 2015-model dossier this reader knows"))
        self._check_cover(d)
        for kt in d.kerntaken:
            self.check_additions(kt.blokken)
            for w in kt.werkprocessen:
                self.check_additions(w.blokken)
        profielen = [self.profiel(i, p) for i, p in enumerate(d.profielen)]
        kop = dossierkop.waarden(self.st)
        return Dossier2015(
            **kop,
            formaat=FORMAAT,
            bron=self.st.path,
            profielen=profielen,
            onverwerkte_regels=[
                OnverwerkteRegel(regel=r.no, tekst=r.tekst, pagina=r.pagina)
                for r in self.st.regels
                if self.st.disp[r.no] is None
            ],
            herstellingen=[Herstelling(regel=no, soort=soort, tekst=t) for no, soort, t in self.wp.herstellingen],
            regel_paginas=[r.pagina for r in self.st.regels],
            regelverantwoording=self._verantwoording(),
        )

    def _check_cover(self, d: DossierR) -> None:
        for c in d.cover:
            if folded_name(c.naam) not in self.namen:
                raise self.st.fail(
                    c.regel,
                    _("profile {name} is on the cover but has no part in the profieldeel").format(name=repr(c.naam)),
                )

    def _verantwoording(self) -> Regelverantwoording:
        from ...model.gedeeld import Regelverantwoording

        count = {d: 0 for d in Disp}
        unplaced = 0
        for d in self.st.disp[1:]:
            if d is None:
                unplaced += 1
            else:
                count[d] += 1
        return Regelverantwoording(
            totaal=self.st.n,
            model=count[Disp.MODEL],
            opmaak=count[Disp.OPMAAK],
            label=count[Disp.LABEL],
            leeg=0,
            onverwerkt=unplaced,
        )

    # -- profile

    def profiel(self, i: int, p: ProfielR) -> Profiel2015:
        from ...model.m2015 import Profiel2015

        code = self._code(i, p)
        kerntaken = [self.kerntaak(kt, i, "basis") for kt in self.st.dossier.kerntaken]
        kerntaken += [self.kerntaak(kt, i, "profiel") for kt in p.kerntaken]
        niveau = dossierkop.niveau(self.st, p, self.h)
        return Profiel2015(
            naam=p.naam,
            niveau=niveau,
            code=code,
            crebo=self._crebo(p),
            algemene_informatie=self.algemeen(p),
            kerntaken=kerntaken,
            regels=[p.regel, max(p.laatste, p.regel)],
        )

    def _code(self, i: int, p: ProfielR) -> str:
        """P<n>: from its kerntaak codes, else from its heading, else its place in the profieldeel."""
        codes = {kt.code.split("-")[0] for kt in p.kerntaken}
        if p.code is not None:
            codes.add(p.code)
        if len(codes) > 1:
            raise self.st.fail(
                p.regel,
                _("profile {name} has kerntaken of {codes}").format(
                    name=repr(p.naam), codes=_(" and ").join(sorted(codes))
                ),
            )
        return codes.pop() if codes else f"P{i + 1}"

    def _crebo(self, p: ProfielR) -> str | None:
        cover = next((c for c in self.st.dossier.cover if folded_name(c.naam) == folded_name(p.naam)), None)
        if cover is not None and p.crebo is not None and cover.crebo != p.crebo:
            raise self.st.fail(
                p.regel,
                _("profile {name}: crebo {here} here, {cover} on the cover").format(
                    name=repr(p.naam), here=p.crebo, cover=cover.crebo
                ),
            )
        return p.crebo or (cover.crebo if cover else None)

    def algemeen(self, p: ProfielR) -> AlgemeneInformatie2015:
        from ...model.m2015 import AlgemeneInformatie2015

        velden: dict[str, Blok | None] = {
            "context": self.enig(self.st.dossier.typering, "context"),
            "beroepshouding": self.enig(self.st.dossier.typering, "beroepshouding"),
            "resultaat_van_het_beroep": self.enig(self.st.dossier.typering, "resultaat_van_het_beroep"),
            "typering_van_het_beroep": self.enig(p.blokken, "typering_van_het_beroep"),
            "wettelijke_beroepsvereisten": self.enig(p.blokken, "wettelijke_beroepsvereisten"),
            "generieke_onderdelen": self.st.dossier.generiek,
        }
        waarden = {k: tekst(b, self.h).tekst for k, b in velden.items()}
        bron = {k: [b.regel] for k, b in velden.items() if b is not None}
        return AlgemeneInformatie2015(**waarden, bron=bron)

    def enig(self, blokken: list[Blok], veld: str) -> Blok | None:
        """The base block of a field; a second one means the part was printed twice."""
        found = [b for b in blokken if b.veld == veld and b.profiel is None]
        if len(found) > 1:
            raise self.st.fail(
                found[1].regel,
                _("{field} twice (first on page {page})").format(field=veld.replace("_", " "), page=found[0].pagina),
            )
        return found[0] if found else None

    def aanvullingen(self, blokken: list[Blok], veld: str, i: int) -> list[Blok]:
        return [b for b in blokken if b.veld == veld and b.profiel is not None and self.profiel_index(b) == i]

    # -- kerntaak

    def kerntaak(self, kt: KerntaakR, i: int, deel: str) -> Kerntaak2015:
        from ...model.m2015 import Kerntaak2015, VakkennisItem2015

        titel = self.titel(kt.titel, kt.regel, kt.code)
        texts = {}
        for veld in ("complexiteit", "verantwoordelijkheid"):
            texts[veld] = tekst(self.enig(kt.blokken, veld), self.h).tekst
            extra = [tekst(b, self.h).tekst for b in self.aanvullingen(kt.blokken, veld, i)]
            texts[f"{veld}_aanvullend"] = "\n".join(t for t in extra if t)
        vakkennis = []
        base = self.enig(kt.blokken, "vakkennis")
        for blok, added in [(base, False), *((b, True) for b in self.aanvullingen(kt.blokken, "vakkennis", i))]:
            if blok is not None:
                for text, no in lijst(blok, self.h).items:
                    vakkennis.append(VakkennisItem2015(tekst=text, regels=[no], aanvullend=added))
        if not kt.werkprocessen:
            raise self.st.fail(kt.regel, _("kerntaak {code} has no werkprocessen").format(code=kt.code))
        return Kerntaak2015(
            code=kt.code,
            titel=titel,
            deel=deel,  # type: ignore[arg-type]
            **texts,
            vakkennis_en_vaardigheden=vakkennis,
            werkprocessen=[self.werkproces(w, i, deel) for w in kt.werkprocessen],
            regels=[kt.regel],
        )

    def titel(self, parts: list[str], regel: int, code: str) -> str:
        titel = " ".join(self.h.join_all(parts).split())
        if not titel:
            raise self.st.fail(regel, _("{code} has no title").format(code=code))
        return titel

    def werkproces(self, w: WerkprocesR, i: int, deel: str) -> Werkproces2015:
        return self.wp.build(
            w, self.titel(w.titel, w.regel, w.code), deel, lambda veld: self.aanvullingen(w.blokken, veld, i), self.enig
        )


def build(st: State) -> Dossier2015:
    return Bouwer(st).dossier()
