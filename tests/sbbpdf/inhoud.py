"""What a 2015-model dossier PDF prints, read from an SBB XML export with ElementTree alone
(never through kwaldossier's own XML reader), as plain data for the layouts to typeset.

The XML format is described in shared/sbb-xml/FORMAT.md. What is printed, per element:
- a text element's own text (`.text`, never its per-profile children), one printed line per
  non-empty source line, inner spaces collapsed (a PDF carries no runs of spaces);
- titles with their whitespace collapsed; codes from `hoofdstuk` (B1-K2-W3, P2-K1-W1);
- gedrag: the lines before the first bullet line are the intro ("De sociaal werker:"), each line
  that starts with a bullet character starts a bullet, any other line continues the bullet;
- per-profile additions (`*perprofiel/aanvullend`) in document order, each naming its profile,
  empty payloads left out (nothing to print);
- escaped HTML (`inleiding`, `generieke_onderdelen`) as blocks: headings, paragraphs, lines
  ended by <br>, list items; HTML white space rules (a source newline is a space).
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

BULLET_CHARS = "-–•·*"


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


def lines(text: str | None) -> list[str]:
    """Non-empty lines of a text, spaces collapsed."""
    return [n for n in (norm(x) for x in (text or "").split("\n")) if n]


@dataclass
class Gedrag:
    intro: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)


def gedrag(text: str | None) -> Gedrag:
    out = Gedrag()
    for ln in lines(text):
        if not out.bullets and ln.endswith(":"):
            out.intro.append(ln.lstrip(BULLET_CHARS).strip())
        elif ln[0] in BULLET_CHARS:
            body = ln[1:].strip()
            if body:
                out.bullets.append(body)
        elif out.bullets:
            out.bullets[-1] += " " + ln
        else:
            out.intro.append(ln)
    return out


@dataclass
class Werkproces:
    code: str
    titel: str
    omschrijving: list[str]
    resultaat: list[str]
    gedrag: Gedrag
    competenties: list[str]
    # additions: (profile name, payload) in document order
    omschrijving_plus: list[tuple[str, list[str]]] = field(default_factory=list)
    resultaat_plus: list[tuple[str, list[str]]] = field(default_factory=list)
    gedrag_plus: list[tuple[str, Gedrag]] = field(default_factory=list)
    competenties_plus: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass
class Kerntaak:
    code: str
    titel: str
    complexiteit: list[str]
    verantwoordelijkheid: list[str]
    vakkennis: list[str]
    werkprocessen: list[Werkproces]
    complexiteit_plus: list[tuple[str, list[str]]] = field(default_factory=list)
    verantwoordelijkheid_plus: list[tuple[str, list[str]]] = field(default_factory=list)
    vakkennis_plus: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass
class Profiel:
    code: str
    naam: str
    crebo: str
    niveau: str
    typering: list[str]
    beroepsvereisten: list[str]
    kerntaken: list[Kerntaak]


@dataclass
class Blok:
    """A block of escaped HTML: 'h1', 'h2', 'p' (a paragraph or a line ended by <br>), 'li'."""

    soort: str
    tekst: str


@dataclass
class Inhoud:
    titel: str
    crebo: str
    geldig_vanaf: str  # DD-MM-YYYY as in the XML
    versie: str
    sector: str
    penvoerder: str
    vastgesteld_door: str
    vastgesteld_op: str
    vastgesteld_te: str
    leeswijzer: list[Blok]
    context: list[str]
    beroepshouding: list[str]
    resultaat: list[str]
    kerntaken: list[Kerntaak]
    generiek: list[Blok]
    profielen: list[Profiel]


class _Blokken(HTMLParser):
    _KOPPEN: ClassVar[frozenset[str]] = frozenset({"h1", "h2", "h3", "h4"})
    _BLOK: ClassVar[frozenset[str]] = frozenset({"p", "div", "li", "ul", "ol", "br", "labeltext", "tr"}) | _KOPPEN

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[Blok] = []
        self.cur: list[str] = []
        self.soort = "p"

    def _flush(self) -> None:
        tekst = norm("".join(self.cur))
        if tekst:
            self.out.append(Blok(self.soort, tekst))
        self.cur = []
        self.soort = "p"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002 - HTMLParser's signature
        if tag in self._BLOK:
            self._flush()
            if tag in self._KOPPEN:
                self.soort = "h1" if tag == "h1" else "h2"
            elif tag == "li":
                self.soort = "li"

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOK:
            self._flush()

    def handle_data(self, data: str) -> None:
        self.cur.append(data)


def blokken(text: str | None) -> list[Blok]:
    if not text:
        return []
    p = _Blokken()
    p.feed(html.unescape(text) if "&lt;" in text else text)
    p.close()
    p._flush()
    return p.out


def read(path: Path) -> Inhoud:
    root = ET.parse(path).getroot()
    comp = {c.get("nr"): norm(c.get("titel")) for c in root.findall("competenties/competentie")}
    domeinen = {d.get("nr"): norm(d.get("titel")) for d in root.findall("domeinen/domein")}
    kamers = {k.get("nr"): norm(k.get("titel")) for k in root.findall("sectorkamers/sectorkamer")}
    d = root.find("dossiers/dossier")
    assert d is not None
    kennis = {k.get("nr"): norm(k.get("titel")) for k in d.findall("kennisenvaardigheden/kennisofvaardigheid")}
    profielen_el = d.findall("profielen/profiel")
    namen = {p.get("nr"): norm(p.get("titel")) for p in profielen_el}

    def plus(parent: ET.Element | None, container: str, payload: str) -> list[tuple[str, ET.Element]]:
        out = []
        if parent is None:
            return out
        for block in parent.findall(f"{container}/aanvullend"):
            ref = block.find("profiel")
            body = block.find(payload)
            if ref is not None and body is not None:
                out.append((namen[ref.get("referentie")], body))
        return out

    def tekst_plus(parent, container, payload):
        return [(n, ls) for n, el in plus(parent, container, payload) if (ls := lines(el.text))]

    def werkproces(w: ET.Element, kcode: str) -> Werkproces:
        oms, res, ged = w.find("werkprocesomschrijving"), w.find("werkprocesresultaat"), w.find("werkprocesgedrag")
        cmp = w.find("werkprocescompetenties")
        wp = Werkproces(
            code=f"{kcode}-W{w.get('hoofdstuk')}",
            titel=norm(w.get("titel")),
            omschrijving=lines(oms.text),
            resultaat=lines(res.text),
            gedrag=gedrag(ged.text),
            competenties=[comp[c.get("referentie")] for c in cmp.findall("competentie")] if cmp is not None else [],
        )
        wp.omschrijving_plus = tekst_plus(oms, "werkprocesomschrijvingperprofiel", "omschrijving")
        wp.resultaat_plus = tekst_plus(res, "werkprocesresultaatperprofiel", "omschrijving")
        wp.gedrag_plus = [
            (n, g)
            for n, el in plus(ged, "werkprocesgedragperprofiel", "omschrijving")
            if (g := gedrag(el.text)).bullets or g.intro
        ]
        wp.competenties_plus = [
            (n, names)
            for n, el in plus(cmp, "werkprocescompetentiesperprofiel", "omschrijving")
            if (names := [comp[c.get("referentie")] for c in el.findall("competentie")])
        ]
        return wp

    def kerntaak(kt: ET.Element, prefix: str, wps: str) -> Kerntaak:
        code = f"{prefix}-K{kt.get('hoofdstuk')}"
        vk = kt.find("vakkennisenvaardigheden")
        out = Kerntaak(
            code=code,
            titel=norm(kt.get("titel")),
            complexiteit=lines(kt.findtext("complexiteit")),
            verantwoordelijkheid=lines(kt.findtext("verantwoordelijkheid")),
            vakkennis=[kennis[r.get("referentie")] for r in vk.findall("vakkennisenvaardigheden")]
            if vk is not None
            else [],
            werkprocessen=[werkproces(w, code) for w in kt.findall(f"{wps}/werkproces")],
        )
        out.complexiteit_plus = tekst_plus(kt.find("complexiteit"), "complexiteitperprofiel", "complexiteit")
        out.verantwoordelijkheid_plus = tekst_plus(
            kt.find("verantwoordelijkheid"), "verantwoordelijkheidperprofiel", "verantwoordelijkheid"
        )
        out.vakkennis_plus = [
            (n, items)
            for n, el in plus(vk, "vakkennisenvaardighedenperprofiel", "vakkennisenvaardighedenonderdelen")
            if (items := [kennis[r.get("referentie")] for r in el.findall("vakkennisenvaardigheden")])
        ]
        return out

    def profiel(p: ET.Element) -> Profiel:
        code = f"P{p.get('hoofdstuk')}"
        oms = p.find("omschrijving")
        eisen = [
            norm(oms.findtext("wettelijkeberoepsvereisten")),
            *lines(oms.findtext("toelichtingwettelijkeberoepsvereisten")),
        ]
        return Profiel(
            code=code,
            naam=norm(p.get("titel")),
            crebo=norm(p.findtext("creboinformatie/crebo")),
            niveau=norm(p.get("niveau")),
            typering=lines(oms.findtext("typeringvanhetberoep")),
            beroepsvereisten=[e for e in eisen if e],
            kerntaken=[kerntaak(kt, code, "profielwerkprocessen") for kt in p.findall("profielkerntaken/kerntaak")],
        )

    crebo = d.find("dossiercrebos/dossiercrebo")
    basis = d.find("basis")
    vast = d.find("voorblad/omschrijving/verantwoording/vaststellingsinformatie")
    pen = d.find("voorblad/omschrijving/penvoerder/sectorkamer")
    return Inhoud(
        titel=norm(d.get("titel")),
        crebo=norm(crebo.text),
        geldig_vanaf=norm(crebo.get("Geldig_vanaf")),
        versie=norm(d.get("versie")),
        sector=domeinen.get(d.get("referentiedomein"), ""),
        penvoerder=kamers.get(pen.get("referentie"), "") if pen is not None else "",
        vastgesteld_door=norm(vast.findtext("vastgestelddoor")) if vast is not None else "",
        vastgesteld_op=norm(vast.findtext("vastgesteldop")) if vast is not None else "",
        vastgesteld_te=norm(vast.findtext("vastgesteldte")) if vast is not None else "",
        leeswijzer=blokken(d.findtext("inleiding/omschrijving")),
        context=lines(basis.findtext("typeringberoepengroep/context/omschrijving")),
        beroepshouding=lines(basis.findtext("typeringberoepengroep/beroepshouding/omschrijving")),
        resultaat=lines(basis.findtext("typeringberoepengroep/resultaatvanhetberoep/omschrijving")),
        kerntaken=[
            kerntaak(kt, "B1", "basiswerkprocessen") for kt in basis.findall("basistaken/basiskerntaken/kerntaak")
        ],
        generiek=blokken(basis.findtext("basistaken/generieke_onderdelen/omschrijving")),
        profielen=[profiel(p) for p in profielen_el],
    )
