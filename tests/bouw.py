"""Small dossiers built in a test from a few Python values: a 2012-model text dossier and a
2015-model SBB XML file. Each builder writes the file and remembers on which line it wrote
what (`Bouw.regel`), so a test names the line of a finding by what stands there, not by a
number copied from the output.

Defaults make a clean dossier (no finding of any rule); a test changes the one value its
rule is about: `Werkproces2012(..., omschrijving="")`, `Competentie2012("Analyseeren", ...)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

from kwaldossier.model.competenties import COMPETENTIES, LETTERS

NAAM = "Medewerker proef"  # the profile's name in a built 2012 dossier


@dataclass
class Bouw:
    """A built input: its path and where its parts are (key -> 1-based line)."""

    pad: Path
    regels: dict[tuple[str, ...], int]

    def regel(self, *key: str) -> int:
        return self.regels[key]


class _Schrijver:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.regels: dict[tuple[str, ...], int] = {}

    def add(self, *lines: str, key: tuple[str, ...] | None = None) -> None:
        if key is not None:
            self.regels[key] = len(self.lines) + 1
        for line in lines:
            self.lines.extend(line.split("\n"))

    def write(self, path: Path, bom: str = "") -> Bouw:
        path.write_text(bom + "\n".join(self.lines) + "\n", encoding="utf-8")
        return Bouw(path, self.regels)


# ---------------------------------------------------------------- 2012: a text dossier


@dataclass
class Competentie2012:
    naam: str  # a name of the national list (or not: KD202)
    componenten: list[str] = field(default_factory=lambda: ["Informatie achterhalen"])
    indicator: str = "De medewerker doet wat nodig is, zodat het werk af is."
    witregel: bool = True  # a blank line between the components and the indicator


def _comp(letter: str, **kw: object) -> Competentie2012:
    return Competentie2012(COMPETENTIES[letter], **kw)  # type: ignore[arg-type]


@dataclass
class Werkproces2012:
    code: str  # "1.1"
    titel: str
    matrix: str | None = None  # crossed letters ("MN"); None: the letters of the competences; "": empty row
    competenties: list[Competentie2012] = field(default_factory=lambda: [_comp("N")])
    omschrijving: str = "De medewerker verzamelt gericht informatie over de klant."
    resultaat: list[str] = field(default_factory=lambda: ["De informatie is volledig."])
    vakkennis: list[str] = field(default_factory=lambda: ["Doorvragen"])
    detail: bool = True  # the werkproces has a detail section
    detail_titel: str | None = None  # the title in the detail header, when not `titel`
    rij: bool = True  # the matrix label has a row of cells (False: the label ends the matrix, KD502)
    in_matrix: bool = True  # the matrix lists the werkproces at all


@dataclass
class Kerntaak2012:
    code: str  # "1"
    titel: str
    werkprocessen: list[Werkproces2012]


def letters(wp: Werkproces2012) -> str:
    if wp.matrix is not None:
        return wp.matrix
    from kwaldossier.model.competenties import letter_for_name

    return "".join(sorted(filter(None, (letter_for_name(c.naam) for c in wp.competenties))))


def rij(crossed: str) -> str:
    """A row of matrix cells: "x " for a crossed letter, " " for an empty cell, in the order A–Y."""
    return "".join("x " if letter in crossed else " " for letter in LETTERS)


ALGEMEEN = {
    "context": "Context van de kwalificatie De medewerker werkt in een klein bedrijf.",
    "beroepshouding": "Typerende beroepshouding De medewerker is klantgericht.",
    "niveau": "Niveau van de beroepsuitoefening Niveau 3",
    "rol": "Rol en verantwoordelijkheden De medewerker heeft een uitvoerende rol.",
    "complexiteit": "Complexiteit De medewerker combineert standaardprocedures.",
    "wettelijk": "Wettelijke beroepsvereisten Nee",
    "branche": "Branche vereisten Nee",
    "nederlands": "Nederlands en rekenen Het referentieniveau is 2F.",
    "talen": "Moderne vreemde talen Het betreft Engels.",
}


def dossier2012(
    path: Path,
    kerntaken: list[Kerntaak2012],
    *,
    algemeen: dict[str, str] | None = None,
    naam: str = NAAM,
    na_matrix: list[str] | None = None,
) -> Bouw:
    """A 2012 dossier of one profile as the text the PDF extraction gives: algemene informatie,
    the proces-competentie-matrix per kerntaak, then the detail sections. `algemeen` replaces
    lines of ALGEMEEN (a value "" drops the line); `na_matrix`: lines after the last matrix row.
    Keys of `regels`: ("profiel",), ("kerntaak", code), ("matrix", wp), ("na_matrix",), ("kop", wp),
    ("omschrijving", wp), ("vakkennis", wp, i), ("competentie", wp, i), ("component", wp, i, j),
    ("indicator", wp, i) (i, j: the place in the werkproces's lists, as strings)."""
    s = _Schrijver()
    s.add("")
    s.add(f"4.1 {naam}", key=("profiel",))
    s.add("", "Algemene informatie", "")
    for line in {**ALGEMEEN, **(algemeen or {})}.values():
        if line:
            s.add(line, "")
    s.add(f" 2.2 {naam}", "")
    for kt in kerntaken:
        s.add(f"Kerntaak {kt.code} {kt.titel}", key=("kerntaak", kt.code))
        s.add("", f"Proces-competentie-matrix {naam}", "", f"Kerntaak {kt.code}", kt.titel, "")
        s.add("Competenties", "", " ".join(LETTERS), "", "Werkprocessen  ", "")
        for wp in kt.werkprocessen:
            if not wp.in_matrix:
                continue
            if wp.rij:
                s.add(f"{wp.code} {wp.titel} {rij(letters(wp))}", "", key=("matrix", wp.code))
            else:
                s.add(f"{wp.code} {wp.titel}", key=("matrix", wp.code))
        if na_matrix:
            s.add(*na_matrix, key=("na_matrix",))
        s.add("Betekenis van de kerntaak voor deze kwalificatie")
        s.add(
            "In deze matrix is per kerntaak aangegeven welke competenties aangewend worden bij de uitvoering "
            "van de werkprocessen voor deze kwalificatie. Dit is zichtbaar",
            "door middel van een kruisje in de matrix.",
        )
    s.add(f" Detaillering proces-competentie-matrix {naam}", "")
    for kt in kerntaken:
        s.add(f"Kerntaak {kt.code} {kt.titel}", "")
        for wp in kt.werkprocessen:
            if wp.detail:
                _detail(s, wp)
    return s.write(path)


def _detail(s: _Schrijver, wp: Werkproces2012) -> None:
    s.add(f"{wp.code} werkproces: {wp.detail_titel or wp.titel}", "", key=("kop", wp.code))
    if wp.omschrijving:
        s.add(f"Omschrijving {wp.omschrijving}", "", key=("omschrijving", wp.code))
    else:
        s.add("Omschrijving", "")
    s.add("Gewenst resultaat " + " ".join(wp.resultaat), "")
    s.add("Vakkennis en vaardigheden Competentie en component(en) Prestatie-indicator", "")
    for i, item in enumerate(wp.vakkennis):
        s.add(f"• {item}", key=("vakkennis", wp.code, str(i)))
    s.add("")
    for i, c in enumerate(wp.competenties):
        s.add(c.naam, key=("competentie", wp.code, str(i)))
        for j, comp in enumerate(c.componenten):
            s.add(f"• {comp}", key=("component", wp.code, str(i), str(j)))
        if c.witregel:
            s.add("")
        if c.indicator:
            s.add(c.indicator, key=("indicator", wp.code, str(i)))
            s.add("")


# ---------------------------------------------------------------- 2015: an SBB XML file

_NR = {letter: 3084 + i for i, letter in enumerate(LETTERS)}  # competentie@nr per letter (FORMAT.md)


@dataclass
class Werkproces2015:
    titel: str
    competenties: str = "EQ"  # letters named in werkprocescompetenties
    omschrijving: str = "De werker analyseert de gegevens."
    resultaat: str = "Er ligt een plan van aanpak."
    gedrag: str = "De werker:\n- stemt af met betrokkenen;\n- trekt logische conclusies."
    hoofdstuk: int | None = None  # the hoofdstuk attribute; None: its place in the kerntaak (1..n)


@dataclass
class Kerntaak2015:
    titel: str
    werkprocessen: list[Werkproces2015]
    hoofdstuk: int | None = None  # the hoofdstuk attribute; None: its place in its deel (1..n)
    complexiteit: str = "Het werk is complex."
    verantwoordelijkheid: str = "De werker werkt zelfstandig."
    vakkennis: list[str] = field(default_factory=lambda: ["1"])  # referenties; the file has kennisofvaardigheid 1


def sbb2015(
    path: Path,
    basis: list[Kerntaak2015],
    profielen: dict[str, list[Kerntaak2015]],
    *,
    codes: dict[str, str] | None = None,
    niveaus: dict[str, str] | None = None,
    crebos: dict[str, str] | None = None,
) -> Bouw:
    """An SBB XML file of one dossier (crebo 23999): the basisdeel kerntaken, then one profile
    per entry of `profielen` (name -> its own kerntaken), niveau 4, kwalificatie crebo 2599p
    (p: the profile's place). `codes` overrides the code of a competence letter in the file's
    <competenties> table ({"M": "Z"}); `niveaus` and `crebos` the niveau attribute and the crebo
    text of a profile by name ({"Werker twee": ""}). Keys of `regels` name a kerntaak and a
    werkproces by their place (the code they have when hoofdstuk is left at None):
    ("profiel", naam) (the profiel element's line), ("kerntaak", code), ("vakkennis", kerntaak code, i)
    (its i-th reference), ("werkproces", code), ("resultaat", code), ("gedrag", code) (the
    werkprocesgedrag element's line), ("gedrag", code, i) (line i of the gedrag text, 0 the
    element's own), ("competenties", code) (its werkprocescompetenties), ("competentie", code, letter)."""
    s = _Schrijver()
    s.add('<?xml version="1.0" encoding="utf-8"?>', "<sbb>", "  <competenties>")
    for letter in LETTERS:
        code = (codes or {}).get(letter, letter)
        s.add(f'    <competentie nr="{_NR[letter]}" titel={quoteattr(COMPETENTIES[letter])} code="{code}" />')
    s.add("  </competenties>", "  <dossiers>")
    s.add('    <dossier nr="9999" titel="Proefwerk" versie="" status="Vastgesteld">')
    s.add('      <dossiercrebos><dossiercrebo Geldig_vanaf="01-08-2015">23999</dossiercrebo></dossiercrebos>')
    s.add('      <kennisenvaardigheden><kennisofvaardigheid nr="1" titel="heeft kennis van methodieken" />')
    s.add("      </kennisenvaardigheden>")
    s.add('      <basis titel="Basisdeel">', '        <basistaken titel="Beroepsspecifieke onderdelen">')
    s.add("          <basiskerntaken>")
    for k, kt in enumerate(basis, start=1):
        _kerntaak2015(s, kt, f"B1-K{k}", k, "basis")
    s.add("          </basiskerntaken>", "        </basistaken>", "      </basis>")
    s.add('      <profielen titel="Profieldeel">')
    for p, (naam, kts) in enumerate(profielen.items(), start=1):
        niveau = (niveaus or {}).get(naam, "4")
        crebo = (crebos or {}).get(naam, f"2599{p}")
        s.add(
            f'        <profiel nr="{100 + p}" titel={quoteattr(naam)} hoofdstuk="{p}" niveau="{niveau}">',
            key=("profiel", naam),
        )
        s.add(f'          <creboinformatie><crebo Geldig_vanaf="01-08-2015">{crebo}</crebo></creboinformatie>')
        s.add("          <profielkerntaken>")
        for k, kt in enumerate(kts, start=1):
            _kerntaak2015(s, kt, f"P{p}-K{k}", k, "profiel")
        s.add("          </profielkerntaken>", "        </profiel>")
    s.add("      </profielen>", "    </dossier>", "  </dossiers>", "</sbb>")
    return s.write(path, bom="\ufeff")


def _kerntaak2015(s: _Schrijver, kt: Kerntaak2015, code: str, plaats: int, deel: str) -> None:
    hoofdstuk = plaats if kt.hoofdstuk is None else kt.hoofdstuk
    s.add(
        f'<kerntaak nr="{plaats}{len(s.lines)}" titel={quoteattr(kt.titel)} hoofdstuk="{hoofdstuk}">',
        key=("kerntaak", code),
    )
    s.add(f"<complexiteit><![CDATA[{kt.complexiteit}]]></complexiteit>")
    s.add(f"<verantwoordelijkheid><![CDATA[{kt.verantwoordelijkheid}]]></verantwoordelijkheid>")
    s.add("<vakkennisenvaardigheden>")
    for i, nr in enumerate(kt.vakkennis):
        s.add(f"<vakkennisenvaardigheden referentie={quoteattr(nr)} />", key=("vakkennis", code, str(i)))
    s.add("</vakkennisenvaardigheden>")
    s.add(f"<{deel}werkprocessen>")
    for w, wp in enumerate(kt.werkprocessen, start=1):
        wcode, whoofdstuk = f"{code}-W{w}", w if wp.hoofdstuk is None else wp.hoofdstuk
        s.add(
            f'<werkproces nr="{len(s.lines)}" titel={quoteattr(wp.titel)} hoofdstuk="{whoofdstuk}">',
            key=("werkproces", wcode),
        )
        s.add(f"<werkprocesomschrijving><![CDATA[{wp.omschrijving}]]></werkprocesomschrijving>")
        s.add(f"<werkprocesresultaat><![CDATA[{wp.resultaat}]]></werkprocesresultaat>", key=("resultaat", wcode))
        gedrag = f"<werkprocesgedrag><![CDATA[{wp.gedrag}]]></werkprocesgedrag>".split("\n")
        s.regels[("gedrag", wcode)] = len(s.lines) + 1
        for i, line in enumerate(gedrag):
            s.add(line, key=("gedrag", wcode, str(i)))
        s.add("<werkprocescompetenties>", key=("competenties", wcode))
        for letter in wp.competenties:
            s.add(f'<competentie referentie="{_NR[letter]}" />', key=("competentie", wcode, letter))
        s.add("</werkprocescompetenties>", "</werkproces>")
    s.add(f"</{deel}werkprocessen>", "</kerntaak>")
