"""A whole-structure SBB XML file (SBB's export of the whole qualification structure: many
`<dossier>` elements under one `<sbb>` root sharing its tables) built from the four real
dossiers in shared/sbb-xml. Written with ElementTree at test or bench time, never committed.

Generated dossier i (0-based) is a copy of source `BRONNEN[i % 4]`, renamed and renumbered:
- title `"{source title} G{i+1}"`, profile names `"{source name} G{i+1}"` (or unchanged);
- dossier crebo `DOSSIER_CREBO + i`, profile j's crebo `PROFIEL_CREBO + 10 * i + j`;
- dossier@nr and every local id (kerntaak, werkproces, profiel, kennisofvaardigheid, categorie)
  renumbered from a file-wide counter; `profiel@referentie` and
  `vakkennisenvaardigheden@referentie` follow, so every reference still resolves. Shared
  references (competentie, sectorkamer, domein) keep their numbers.
Unknown to the reader (never read, named in one notice): a root `<keuzedelen>` with
`KEUZEDELEN` `<keuzedeel>` children, and an `<examenplan>` in every dossier i with i % 3 == 0.

    python tests/sbbgeheel.py N out.xml
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

SBB_XML = Path(__file__).resolve().parents[1].parent / "shared" / "sbb-xml"
BRONNEN = [
    "2635 Pedagogisch_Werk.xml",
    "2637 Sociaal_werk.xml",
    "2755 Dienstverlening.xml",
    "4156 Maatschappelijke_Zorg.xml",
]
DOSSIER_CREBO = 30000
PROFIEL_CREBO = 50000
KEUZEDELEN = 3
_LOCAL_IDS = ("dossier", "kennisofvaardigheid", "categorie", "kerntaak", "werkproces", "profiel")
_LOCAL_REFS = ("profiel", "vakkennisenvaardigheden")
_SHARED = ("domeinen", "sectorkamers", "competenties")
_FIRST_NR = 10_000_000  # above every id in the real files: a missed renumbering cannot resolve by chance


def suffix(i: int) -> str:
    return f" G{i + 1}"


def dossier_crebo(i: int) -> str:
    return str(DOSSIER_CREBO + i)


def profiel_crebo(i: int, j: int) -> str:
    return str(PROFIEL_CREBO + 10 * i + j)


def bron(i: int) -> str:
    return BRONNEN[i % len(BRONNEN)]


def has_examenplan(i: int) -> bool:
    return i % 3 == 0


def examenplannen(n: int) -> int:
    return sum(1 for i in range(n) if has_examenplan(i))


@dataclass
class _Teller:
    nr: int = _FIRST_NR

    def next(self) -> str:
        self.nr += 1
        return str(self.nr)


def _roots(folder: Path) -> list[ET.Element]:
    return [ET.parse(folder / name).getroot() for name in BRONNEN]


def _merged(roots: list[ET.Element], tag: str) -> ET.Element:
    """One shared table: the union of the sources' rows by nr, first seen kept."""
    out = ET.Element(tag)
    seen: set[str | None] = set()
    for root in roots:
        table = root.find(tag)
        for row in table if table is not None else []:
            if row.get("nr") not in seen:
                seen.add(row.get("nr"))
                out.append(row)
    return out


def _copy(source: ET.Element, i: int, teller: _Teller, hernoem_profielen: bool = True) -> ET.Element:
    d = ET.fromstring(ET.tostring(source))  # a deep copy
    mapping: dict[str, str] = {}
    for el in d.iter():
        if el.tag in _LOCAL_IDS and el.get("nr") is not None:
            mapping[el.get("nr", "")] = new = teller.next()
            el.set("nr", new)
    for el in d.iter():
        ref = el.get("referentie")
        if el.tag in _LOCAL_REFS and ref is not None:
            el.set("referentie", mapping.get(ref, ref))
    d.set("titel", (d.get("titel") or "").strip() + suffix(i))
    crebo = d.find("dossiercrebos/dossiercrebo")
    if crebo is not None:
        crebo.text = dossier_crebo(i)
    for j, p in enumerate(d.findall("profielen/profiel")):
        if hernoem_profielen:
            p.set("titel", (p.get("titel") or "").strip() + suffix(i))
        pc = p.find("creboinformatie/crebo")
        if pc is not None:
            pc.text = profiel_crebo(i, j)
    if has_examenplan(i):
        plan = ET.SubElement(d, "examenplan", {"nr": teller.next()})
        plan.text = "Niet in het dossiermodel."
    return d


def build(n: int = 8, folder: Path = SBB_XML, hernoem_profielen: bool = True) -> bytes:
    """The whole-structure file of `n` generated dossiers, as UTF-8 bytes with BOM (like SBB's).
    hernoem_profielen=False: profiles keep their source names, so one name is in several dossiers."""
    roots = _roots(folder)
    sbb = ET.Element("sbb")
    for tag in _SHARED:
        sbb.append(_merged(roots, tag))
    teller = _Teller()
    keuzedelen = ET.SubElement(sbb, "keuzedelen")
    for k in range(KEUZEDELEN):
        ET.SubElement(keuzedelen, "keuzedeel", {"nr": teller.next(), "titel": f"Keuzedeel {k + 1}", "sbu": "240"})
    dossiers = ET.SubElement(sbb, "dossiers")
    sources = [r.find("dossiers/dossier") for r in roots]
    for i in range(n):
        source = sources[i % len(sources)]
        assert source is not None
        dossiers.append(_copy(source, i, teller, hernoem_profielen))
    ET.indent(sbb, "  ")
    return b"\xef\xbb\xbf" + ET.tostring(sbb, encoding="utf-8", xml_declaration=True) + b"\n"


def write(path: Path, n: int = 8, folder: Path = SBB_XML, hernoem_profielen: bool = True) -> Path:
    path.write_bytes(build(n, folder, hernoem_profielen))
    return path


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python tests/sbbgeheel.py N out.xml")
    write(Path(sys.argv[2]), int(sys.argv[1]))
