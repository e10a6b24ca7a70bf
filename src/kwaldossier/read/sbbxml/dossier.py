"""One `<dossier>` of an SBB file to a Dossier2015 (see __init__.py for the file)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from typing import TYPE_CHECKING

from ...errors import kort
from ...model.codes import MAX_JAAR, MAX_NUMMER, klein_getal
from ...taal import N_
from .html import html_tekst
from .teksten import gedrag_regels, schoon, tekst_regels
from .xmlbron import XmlBestand

if TYPE_CHECKING:
    from ...model.m2015 import Dossier2015, Kerntaak2015, NietGelezen, Profiel2015, VakkennisItem2015, Werkproces2015

_DATUM_DELEN = 3  # DD, MM and YYYY


def _datum(bron: XmlBestand, el: ET.Element, value: str | None) -> date | None:
    """DD-MM-YYYY; empty is None, anything else an error at the element's line."""
    if not value or not value.strip():
        return None
    parts = [klein_getal(p, MAX_JAAR) for p in value.strip().split("-")]
    try:
        if len(parts) != _DATUM_DELEN or None in parts:
            raise ValueError(value)
        d, m, y = (p or 0 for p in parts)
        return date(y, m, d)
    except ValueError:
        from ...taal import _

        raise bron.fail(el, _("date {value} is not DD-MM-YYYY").format(value=repr(value))) from None


class DossierLezer:
    """One `<dossier>` of an SBB file, with the file's shared tables (competenties, domeinen)."""

    def __init__(
        self, bron: XmlBestand, competenties: dict[str, tuple[str, str]], domeinen: dict[str | None, str]
    ) -> None:
        self.bron = bron
        self.competenties = competenties
        self.domeinen = domeinen
        self.onopgelost: list[tuple[int, str]] = []

    # ------------------------------------------------------------ helpers

    def line(self, el: ET.Element | None) -> int | None:
        return None if el is None else self.bron.line(el)

    def need(self, parent: ET.Element, path: str, what: str) -> ET.Element:
        el = parent.find(path)
        if el is None:
            from ...taal import _

            raise self.bron.fail(
                parent, _("<{tag}> has no <{path}> ({what})").format(tag=parent.tag, path=path, what=_(what))
            )
        return el

    def hoofdstuk(self, el: ET.Element) -> int:
        value = el.get("hoofdstuk") or ""
        n = klein_getal(value)
        if not n:
            from ...taal import _

            raise self.bron.fail(
                el,
                _("<{tag}> has no valid hoofdstuk ({value}: expected 1..{maximum}); its code cannot be derived").format(
                    tag=el.tag, value=repr(kort(value)), maximum=MAX_NUMMER
                ),
            )
        return n

    def titel(self, el: ET.Element) -> tuple[str, str | None]:
        ruw = el.get("titel")
        if ruw is None or not ruw.strip():
            from ...taal import _

            raise self.bron.fail(el, _("<{tag}> has no titel").format(tag=el.tag))
        clean = " ".join(ruw.split())
        return clean, (ruw if ruw != clean else None)

    def aanvullend(self, parent: ET.Element | None, container: str, profiel: str | None) -> list[ET.Element]:
        """The `aanvullend` blocks of `parent/container` meant for profiel `profiel`."""
        if parent is None or profiel is None:
            return []
        out = []
        for block in parent.findall(f"{container}/aanvullend"):
            ref = block.find("profiel")
            if ref is not None and ref.get("referentie") == profiel:
                out.append(block)
        return out

    def text_of(self, blocks: list[ET.Element], payload: str) -> tuple[str, int | None]:
        teksten = [schoon(b.find(payload).text if b.find(payload) is not None else None) for b in blocks]  # type: ignore[union-attr]
        joined = "\n".join(t for t in teksten if t)
        return joined, self.line(blocks[0]) if blocks else None

    # ------------------------------------------------------------ dossier

    def dossier(self, d: ET.Element, niet_gelezen: list[NietGelezen]) -> Dossier2015:
        from ...model.m2015 import Dossier2015, Verwijzing

        titel, _ruw = self.titel(d)
        crebo_el = d.find("dossiercrebos/dossiercrebo")
        self.kennis = {
            k.get("nr"): schoon(k.get("titel")) for k in d.findall("kennisenvaardigheden/kennisofvaardigheid")
        }
        basis = self.need(d, "basis", N_("the basisdeel"))
        basiskerntaken = self.need(basis, "basistaken/basiskerntaken", N_("the kerntaken of the basisdeel"))
        profielen_el = d.findall("profielen/profiel")
        if not profielen_el:
            from ...taal import _

            raise self.bron.fail(d, _("no <profielen>/<profiel>: a dossier has at least one profile"))
        self.profiel_nrs = {p.get("nr"): p for p in profielen_el}
        self._check_aanvullend(basis)
        self.taaleisen = {
            p.get("referentie"): p
            for p in d.findall("verantwoordingsinformatie/taalbeheersingseisen/taalbeheersingseis/profiel")
        }
        vastgesteld = d.find("voorblad/omschrijving/verantwoording/vaststellingsinformatie/vastgesteldop")
        profielen = [self._profiel(p, basis, basiskerntaken) for p in profielen_el]
        return Dossier2015(
            titel=titel,
            formaat="sbb-xml",
            crebo=schoon(crebo_el.text) or None if crebo_el is not None else None,
            geldig_vanaf=_datum(self.bron, crebo_el, crebo_el.get("Geldig_vanaf")) if crebo_el is not None else None,
            sector=self.domeinen.get(d.get("referentiedomein")) or None,
            versie=schoon(d.get("versie")) or None,
            status=schoon(d.get("status")) or None,
            vastgesteld_op=_datum(self.bron, vastgesteld, vastgesteld.text) if vastgesteld is not None else None,
            bron=self.bron.pad,
            profielen=profielen,
            onopgeloste_verwijzingen=[
                Verwijzing(regel=r, tekst=t) for r, t in dict.fromkeys(self.onopgelost)
            ],  # once each: every profile reads the basisdeel
            niet_gelezen=niet_gelezen,
        )

    def _check_aanvullend(self, basis: ET.Element) -> None:
        for block in basis.iter("aanvullend"):
            ref = block.find("profiel")
            nr = ref.get("referentie") if ref is not None else None
            if nr not in self.profiel_nrs:
                from ...taal import _

                raise self.bron.fail(
                    ref if ref is not None else block,
                    _("aanvullend for an unknown profiel (referentie {nr})").format(nr=repr(nr)),
                )

    # ------------------------------------------------------------ profiel

    def _profiel(self, p: ET.Element, basis: ET.Element, basiskerntaken: ET.Element) -> Profiel2015:
        from ...model.m2015 import AlgemeneInformatie2015, Profiel2015

        naam, titel_bron = self.titel(p)
        nr = p.get("nr")
        code = f"P{self.hoofdstuk(p)}"
        niveau = klein_getal(p.get("niveau") or "")
        crebo_el = p.find("creboinformatie/crebo")
        oms = p.find("omschrijving")
        velden = {
            "context": basis.find("typeringberoepengroep/context/omschrijving"),
            "beroepshouding": basis.find("typeringberoepengroep/beroepshouding/omschrijving"),
            "resultaat_van_het_beroep": basis.find("typeringberoepengroep/resultaatvanhetberoep/omschrijving"),
            "typering_van_het_beroep": oms.find("typeringvanhetberoep") if oms is not None else None,
        }
        ai = {k: schoon(el.text) if el is not None else "" for k, el in velden.items()}
        generiek = basis.find("basistaken/generieke_onderdelen/omschrijving")
        velden["generieke_onderdelen"] = generiek
        ai["generieke_onderdelen"] = html_tekst(generiek.text) if generiek is not None else ""
        eis = self.taaleisen.get(nr)
        velden["moderne_vreemde_talen"] = eis
        ai["moderne_vreemde_talen"] = self._talen(eis)
        bron = {k: [ln] for k, el in velden.items() if (ln := self.line(el))}
        if oms is not None:
            wbv = [
                schoon(oms.findtext("wettelijkeberoepsvereisten")),
                schoon(oms.findtext("toelichtingwettelijkeberoepsvereisten")),
            ]
            ai["wettelijke_beroepsvereisten"] = "\n".join(t for t in wbv if t)
            if (ln := self.line(oms.find("wettelijkeberoepsvereisten"))) is not None:
                bron["wettelijke_beroepsvereisten"] = [ln]
        kerntaken = [self._kerntaak(kt, "B1", "basis", nr) for kt in basiskerntaken.findall("kerntaak")]
        kerntaken += [self._kerntaak(kt, code, "profiel", None) for kt in p.findall("profielkerntaken/kerntaak")]
        regels = [x for x in (self.line(p), self.bron.end_line(p)) if x is not None]
        return Profiel2015(
            naam=naam,
            titel_bron=titel_bron,
            niveau=niveau,
            code=code,
            crebo=(schoon(crebo_el.text) or None) if crebo_el is not None else None,
            sbb_nr=nr,
            algemene_informatie=AlgemeneInformatie2015(**ai, bron=bron),
            kerntaken=kerntaken,
            regels=regels,
        )

    @staticmethod
    def _talen(eis: ET.Element | None) -> str:
        """A profile's beroepsspecifieke moderne vreemde talen: 'Engels: Luisteren B1, Lezen B1, ...'."""
        if eis is None:
            return ""
        regels = []
        for taal in eis.findall("taal"):
            niveaus = [
                f"{schoon(v.get('titel'))} {schoon(v.get('niveau'))}"
                for v in taal.findall("taalvaardigheden/taalvaardigheid")
                if schoon(v.get("niveau"))
            ]
            regels.append(f"{schoon(taal.get('titel'))}: {', '.join(niveaus)}")
        return "\n".join(regels)

    # ------------------------------------------------------------ kerntaak

    def _kerntaak(self, kt: ET.Element, prefix: str, deel: str, profiel: str | None) -> Kerntaak2015:
        from ...model.m2015 import Kerntaak2015

        titel, titel_bron = self.titel(kt)
        code = f"{prefix}-K{self.hoofdstuk(kt)}"
        compl_el, verant_el = kt.find("complexiteit"), kt.find("verantwoordelijkheid")
        compl_add, _ = self.text_of(self.aanvullend(compl_el, "complexiteitperprofiel", profiel), "complexiteit")
        verant_add, _ = self.text_of(
            self.aanvullend(verant_el, "verantwoordelijkheidperprofiel", profiel), "verantwoordelijkheid"
        )
        vk_el = kt.find("vakkennisenvaardigheden")
        vakkennis = []
        if vk_el is not None:
            vakkennis = [self._kennis(r, False) for r in vk_el.findall("vakkennisenvaardigheden")]
            for block in self.aanvullend(vk_el, "vakkennisenvaardighedenperprofiel", profiel):
                refs = block.findall("vakkennisenvaardighedenonderdelen/vakkennisenvaardigheden")
                vakkennis += [self._kennis(r, True) for r in refs]
        wps_el = kt.find("basiswerkprocessen" if deel == "basis" else "profielwerkprocessen")
        werkprocessen = [
            self._werkproces(w, code, deel, profiel)
            for w in (wps_el.findall("werkproces") if wps_el is not None else [])
        ]
        regels = [x for x in (self.line(kt), self.bron.end_line(kt)) if x is not None]
        return Kerntaak2015(
            code=code,
            titel=titel,
            titel_bron=titel_bron,
            deel=deel,  # type: ignore[arg-type]
            complexiteit=schoon(compl_el.text) if compl_el is not None else "",
            complexiteit_aanvullend=compl_add,
            verantwoordelijkheid=schoon(verant_el.text) if verant_el is not None else "",
            verantwoordelijkheid_aanvullend=verant_add,
            vakkennis_en_vaardigheden=[v for v in vakkennis if v is not None],
            werkprocessen=werkprocessen,
            regels=regels,
        )

    def _kennis(self, ref: ET.Element, aanvullend: bool) -> VakkennisItem2015 | None:
        from ...model.m2015 import VakkennisItem2015

        nr = ref.get("referentie")
        line = self.line(ref)
        tekst = self.kennis.get(nr)
        if tekst is None:
            self.onopgelost.append(
                (line or 0, f"vakkennisenvaardigheden referentie={nr!r} resolves to no kennisofvaardigheid")
            )
            return None
        return VakkennisItem2015(tekst=tekst, regels=[line] if line else [], aanvullend=aanvullend)

    # ------------------------------------------------------------ werkproces

    def _werkproces(self, w: ET.Element, kcode: str, deel: str, profiel: str | None) -> Werkproces2015:
        from ...model.m2015 import Competentie2015, GedragRegel, Werkproces2015, WerkprocesBron2015

        titel, titel_bron = self.titel(w)
        code = f"{kcode}-W{self.hoofdstuk(w)}"
        oms_el = w.find("werkprocesomschrijving")
        res_el = w.find("werkprocesresultaat")
        ged_el = w.find("werkprocesgedrag")
        comp_el = w.find("werkprocescompetenties")
        for el, tag in (
            (oms_el, "werkprocesomschrijving"),
            (res_el, "werkprocesresultaat"),
            (ged_el, "werkprocesgedrag"),
        ):
            if el is None:
                from ...taal import _

                raise self.bron.fail(w, _("werkproces {code} has no <{tag}>").format(code=code, tag=tag))
        assert oms_el is not None and res_el is not None and ged_el is not None
        omschrijving, oms_lines, oms_offsets = tekst_regels(oms_el.text, self.line(oms_el))
        resultaat = schoon(res_el.text)
        oms_blocks = self.aanvullend(oms_el, "werkprocesomschrijvingperprofiel", profiel)
        res_blocks = self.aanvullend(res_el, "werkprocesresultaatperprofiel", profiel)
        ged_blocks = self.aanvullend(ged_el, "werkprocesgedragperprofiel", profiel)
        comp_blocks = self.aanvullend(comp_el, "werkprocescompetentiesperprofiel", profiel)
        inleiding, bullets = gedrag_regels(ged_el.text, self.line(ged_el))
        gedrag = [GedragRegel(tekst=t, regel=r) for t, r in bullets]
        extra_inleiding = []
        for block in ged_blocks:
            payload = block.find("omschrijving")
            if payload is None:
                continue
            intro, extra = gedrag_regels(payload.text, self.line(payload))
            if intro:
                extra_inleiding.append(intro)
            gedrag += [GedragRegel(tekst=t, regel=r, aanvullend=True) for t, r in extra]
        competenties: list[Competentie2015] = []
        seen: set[str] = set()
        refs = [(r, False) for r in comp_el.findall("competentie")] if comp_el is not None else []
        for block in comp_blocks:
            refs += [(r, True) for r in block.findall("omschrijving/competentie")]
        for ref, extra_comp in refs:
            nr = ref.get("referentie", "")
            if nr not in self.competenties:
                from ...taal import _

                raise self.bron.fail(
                    ref,
                    _("competentie referentie {nr} resolves to no competentie in <competenties>").format(nr=repr(nr)),
                )
            letter, naam = self.competenties[nr]
            key = letter or naam
            if key in seen:
                continue  # an addition repeating a base competence adds nothing
            seen.add(key)
            line = self.line(ref)
            competenties.append(
                Competentie2015(letter=letter or None, naam=naam, regels=[line] if line else [], aanvullend=extra_comp)
            )

        def lines(el: ET.Element | None) -> list[int]:
            return [ln] if (ln := self.line(el)) else []

        return Werkproces2015(
            code=code,
            titel=titel,
            titel_bron=titel_bron,
            deel=deel,  # type: ignore[arg-type]
            omschrijving=omschrijving,
            omschrijving_aanvullend=self.text_of(oms_blocks, "omschrijving")[0],
            resultaat=resultaat,
            resultaat_aanvullend=self.text_of(res_blocks, "omschrijving")[0],
            gedrag_inleiding=inleiding,
            gedrag_inleiding_aanvullend="\n".join(extra_inleiding),
            gedrag=gedrag,
            competenties=competenties,
            bron=WerkprocesBron2015(
                kop=lines(w),
                omschrijving=oms_lines,
                omschrijving_offsets=oms_offsets,
                resultaat=lines(res_el),
                gedrag=lines(ged_el),
                competenties=lines(comp_el) if comp_el is not None else [],
                aanvullend=[ln for b in oms_blocks + res_blocks + ged_blocks + comp_blocks if (ln := self.line(b))],
            ),
        )
