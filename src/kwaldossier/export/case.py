"""1EdTech CASE 1.1 export: a CFPackage (one CFDocument) for one dossier.

Items: profiel, kerntaak, werkproces, competentie (humanCodingScheme = the dossier's own code:
"1", "1.1", "B1-K1-W1", the letter). Associations: isChildOf for the tree (profiel -> document,
kerntaak -> profiel, werkproces -> kerntaak, competentie -> document) and isRelatedTo from a
werkproces to each competence it calls on: a competence is not part of, nor before or after, a
werkproces; it is a national competence that many werkprocessen draw on, which is CASE's
"related in a way no other association type describes".

Deterministic: identifiers are UUIDv5 of (crebo, else dossier title, else profile names) plus
the element's code; every lastChangeDateTime is the dossier's geldig_vanaf (or --datum).
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model.afgeleid import DossierKop, dossier_kop
from ..model.competenties import COMPETENTIES
from .walk import kerntaken_in_profiel

if TYPE_CHECKING:
    from ..model.vorm import ProfielVorm
    from ..read.geladen import GeladenProfiel

# Fixed namespace of kwaldossier's CASE identifiers; never change it (identifiers would change).
NAMESPACE = uuid.UUID("7eeaa7c3-5d56-42b4-ae0c-3028052f1e76")

ITEM_TYPES = {
    "profiel": ("Profiel", "Kwalificatie(profiel) binnen het kwalificatiedossier"),
    "kerntaak": ("Kerntaak", "Kerntaak van een profiel"),
    "werkproces": ("Werkproces", "Werkproces binnen een kerntaak"),
    "competentie": ("Competentie", "Competentie uit de landelijke lijst A–Y"),
}


def _str(value: object) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


class _Ids:
    def __init__(self, sleutel: str, base_uri: str) -> None:
        self.sleutel = sleutel
        self.base_uri = base_uri

    def id(self, *parts: str) -> str:
        return str(uuid.uuid5(NAMESPACE, "\x1f".join([self.sleutel, *parts])))

    def uri(self, identifier: str) -> str:
        return self.base_uri + identifier


def dossier_sleutel(kop: DossierKop, profielen: list[ProfielVorm]) -> str:
    """What identifies a dossier: its crebo, else its title, else its profile names."""
    crebo = _str(kop.crebo)
    if crebo:
        return f"crebo:{crebo}"
    titel = _str(kop.titel)
    if titel:
        return f"titel:{titel}"
    return "profielen:" + "|".join(p.naam for p in profielen)


def _datum(kop: DossierKop, datum: date | None, bron: str) -> str:
    d = datum.isoformat() if datum else _str(kop.geldig_vanaf)
    if not d:
        from ..taal import _

        raise InputError(
            bron, None, _("no geldig_vanaf in the dossier: give --datum YYYY-MM-DD for lastChangeDateTime")
        )
    return f"{d[:10]}T00:00:00Z"


Json = dict[str, Any]


class _Pakket:
    """Items and associations of one package, each made once (identifiers are deterministic)."""

    def __init__(self, ids: _Ids, when: str) -> None:
        self.ids = ids
        self.when = when
        self.items: list[Json] = []
        self.assocs: list[Json] = []
        self.types: dict[str, Json] = {}
        self.gezien: dict[tuple[str, ...], Json] = {}
        self.gekoppeld: set[str] = set()
        for k, (title, desc) in ITEM_TYPES.items():
            tid = ids.id("itemtype", k)
            self.types[k] = {
                "identifier": tid,
                "uri": ids.uri(tid),
                "title": title,
                "description": desc,
                "hierarchyCode": k,
                "typeCode": k,
                "lastChangeDateTime": when,
            }

    def item(self, kind: str, key: tuple[str, ...], statement: str, code: str | None, **extra: object) -> Json:
        iid = self.ids.id(kind, *key)
        it: Json = {"identifier": iid, "fullStatement": statement}
        if code:
            it["humanCodingScheme"] = code
        soort = self.types[kind]
        it["CFItemType"] = soort["title"]
        it["CFItemTypeURI"] = {"title": soort["title"], "identifier": soort["identifier"], "uri": soort["uri"]}
        it.update({k: v for k, v in extra.items() if v})
        it.update({"uri": self.ids.uri(iid), "language": "nl", "lastChangeDateTime": self.when})
        self.items.append(it)
        return {"title": statement, "identifier": iid, "uri": it["uri"]}

    def eenmaal(
        self, kind: str, key: tuple[str, ...], statement: str, code: str | None, **extra: object
    ) -> tuple[Json, bool]:
        """The item of key, made once per dossier; True when it is new."""
        if key in self.gezien:
            return self.gezien[key], False
        self.gezien[key] = self.item(kind, key, statement, code, **extra)
        return self.gezien[key], True

    def link(self, kind: str, origin: Json, dest: Json, seq: int | None = None) -> None:
        aid = self.ids.id("association", kind, origin["identifier"], dest["identifier"])
        if aid in self.gekoppeld:
            return
        self.gekoppeld.add(aid)
        a: Json = {"identifier": aid, "associationType": kind}
        if seq is not None:
            a["sequenceNumber"] = seq
        a.update(
            {
                "uri": self.ids.uri(aid),
                "originNodeURI": origin,
                "destinationNodeURI": dest,
                "lastChangeDateTime": self.when,
            }
        )
        self.assocs.append(a)

    def profiel(self, p: ProfielVorm, p_seq: int, doc_link: Json, comp_links: dict[str, Json]) -> None:
        crebo, code = (p.crebo, p.code) if p.model == "2015" else (None, None)
        p_key = _str(crebo) or p.naam
        niveaus = [f"MBO niveau {p.niveau}"] if p.niveau else []
        if p.nlqf:
            niveaus += [f"NLQF {p.nlqf}", f"EQF {p.nlqf}"]
        p_link = self.item("profiel", (p_key,), p.naam, _str(code) or _str(crebo), educationLevel=niveaus or None)
        self.link("isChildOf", p_link, doc_link, p_seq)
        for k_seq, (kt, wps) in enumerate(kerntaken_in_profiel(p), start=1):
            # A 2015 basisdeel kerntaak/werkproces is one item per dossier, part of every profile holding it.
            basis = kt.model == "2015" and kt.deel == "basis"
            k_owner = "basisdeel" if basis else p_key
            k_link, k_nieuw = self.eenmaal("kerntaak", (k_owner, kt.code), kt.titel, kt.code)
            if basis:
                # in the tree under the document once, and part of every profile holding it
                if k_nieuw:
                    self.link("isChildOf", k_link, doc_link, k_seq)
                self.link("isPartOf", k_link, p_link, k_seq)
            else:
                self.link("isChildOf", k_link, p_link, k_seq)
            for w_seq, wp in enumerate(wps, start=1):
                w_link, nieuw = self.eenmaal(
                    "werkproces", (k_owner, wp.code), wp.titel, wp.code, notes=_str(wp.omschrijving)
                )
                if nieuw:
                    self.link("isChildOf", w_link, k_link, w_seq)
                for letter in wp.letters:
                    self.link("isRelatedTo", w_link, comp_links[letter])


def _document(kop: DossierKop, pak: _Pakket, titel: str, bron: str, creator: str) -> Json:
    ids, when = pak.ids, pak.when
    doc_id = ids.id("document")
    document: Json = {
        "identifier": doc_id,
        "uri": ids.uri(doc_id),
        "frameworkType": "kwalificatiedossier",
        "caseVersion": "1.1",
        "creator": creator,
        "title": titel,
        "lastChangeDateTime": when,
        "description": _beschrijving(kop, titel),
        "language": "nl",
    }
    for key, value in (("version", _str(kop.versie)), ("adoptionStatus", _str(kop.status))):
        if value:
            document[key] = value
    if kop.geldig_vanaf:
        document["statusStartDate"] = kop.geldig_vanaf.isoformat()
    document["notes"] = f"Converted by kwaldossier from {Path(bron).name}."
    return document


def case_package(
    geladen: list[GeladenProfiel], base_uri: str = "urn:uuid:", datum: date | None = None, creator: str = "kwaldossier"
) -> Json:
    """A CFPackage for the profiles of one dossier (all GeladenProfiel share one dossier)."""
    if not geladen:
        from ..taal import _

        raise InputError(None, None, _("no profielen to export"))
    dossier = geladen[0].dossier
    if any(b.dossier is not dossier for b in geladen):
        from ..taal import _

        n = len({id(b.dossier) for b in geladen})
        raise InputError(
            None,
            None,
            _(
                "a CASE package holds one dossier and this input holds {n}: "
                "choose one with --dossier CREBO_OR_NAME (or export one profile)"
            ).format(n=n),
        )
    profielen = [b.profiel for b in geladen]
    kop = dossier_kop(dossier)
    bron = _str(dossier.bron) or (str(geladen[0].pad) if geladen[0].pad else "<input>")
    when = _datum(kop, datum, bron)
    ids = _Ids(dossier_sleutel(kop, profielen), base_uri)
    titel = _str(kop.titel) or " / ".join(p.naam for p in profielen)
    pak = _Pakket(ids, when)
    document = _document(kop, pak, titel, bron, creator)
    doc_link = {"title": titel, "identifier": document["identifier"], "uri": document["uri"]}
    comp_links: dict[str, Json] = {}
    gebruikt = sorted(
        {letter for p in profielen for _, wps in kerntaken_in_profiel(p) for wp in wps for letter in wp.letters}
    )
    for seq, letter in enumerate(gebruikt, start=len(profielen) + 1):
        comp_links[letter] = pak.item("competentie", (letter,), COMPETENTIES[letter], letter)
        pak.link("isChildOf", comp_links[letter], doc_link, seq)
    for p_seq, p in enumerate(profielen, start=1):
        pak.profiel(p, p_seq, doc_link, comp_links)
    return {
        "CFDocument": document,
        "CFItems": pak.items,
        "CFAssociations": pak.assocs,
        "CFDefinitions": {"CFItemTypes": list(pak.types.values())},
    }


def _beschrijving(kop: DossierKop, titel: str) -> str:
    parts = [f"Kwalificatiedossier {titel}"]
    crebo = _str(kop.crebo)
    if crebo:
        parts.append(f"crebo {crebo}")
    parts.append(f"model {kop.model}")
    return ", ".join(parts) + "."


def case_json(package: Json) -> str:
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"
