"""SBB kwalificatiedossier XML (the 2015 model) to dossiers: one per `<dossier>` element.

SBB's export of one dossier and its whole-structure export (every dossier of the qualification
structure under one `<sbb>` root, sharing its `competenties`, `domeinen` and `sectorkamers`)
are the same format. Each SBB profiel becomes one resolved Profiel: the basisdeel kerntaken
(B1-K1..) with that profile's `aanvullend` additions merged in and marked, then its own
profieldeel (P2-K1..). Codes follow from `hoofdstuk` (see shared/sbb-xml/FORMAT.md); texts come
from an element's own `.text` only, so per-profile children never glue onto the base text.
Elements the format does not have (vocab.py) are counted and named, never read as something else.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from .dossier import DossierLezer
from .teksten import schoon
from .vocab import ELEMENTEN
from .xmlbron import XmlBestand, parse_xml, read_bytes

if TYPE_CHECKING:
    from ...model.m2015 import Dossier2015, NietGelezen

__all__ = ["parse_sbb", "parse_sbb_bytes"]


def parse_sbb(path: Path) -> list[Dossier2015]:
    return parse_sbb_bytes(read_bytes(path), str(path))


def parse_sbb_bytes(data: bytes, pad: str) -> list[Dossier2015]:
    """Every dossier of an SBB XML file, in the file's order."""
    bron = parse_xml(data, pad)
    root = bron.root
    if root.tag != "sbb":
        from ...taal import _

        raise bron.fail(
            root, _("not an SBB kwalificatiedossier: root element <{tag}>, expected <sbb>").format(tag=root.tag)
        )
    competenties = _competenties(bron)
    domeinen = {d.get("nr"): schoon(d.get("titel")) for d in root.findall("domeinen/domein")}
    dossiers = root.findall("dossiers/dossier")
    if not dossiers:
        from ...taal import _

        raise bron.fail(root, _("no <dossiers>/<dossier> in this SBB file"))
    buiten = _niet_gelezen(
        bron, [c for c in root if c.tag != "dossiers"] + [c for c in root.iterfind("dossiers/*") if c.tag != "dossier"]
    )
    return [DossierLezer(bron, competenties, domeinen).dossier(d, buiten + _niet_gelezen(bron, [d])) for d in dossiers]


def _competenties(bron: XmlBestand) -> dict[str, tuple[str, str]]:
    """The file's competence table: nr -> (letter A–Y, or "" when its code is not one; titel)."""
    table = bron.root.find("competenties")
    if table is None:
        from ...taal import _

        raise bron.fail(bron.root, _("no <competenties> table: competence references cannot be resolved"))
    from ...model.competenties import COMPETENTIES

    out = {}
    for c in table.findall("competentie"):
        code = (c.get("code") or "").strip().upper()
        # a letter outside the national A–Y is kept as unknown (null), never guessed
        out[c.get("nr", "")] = (code if code in COMPETENTIES else "", schoon(c.get("titel")))
    return out


def _niet_gelezen(bron: XmlBestand, tops: list[ET.Element]) -> list[NietGelezen]:
    """The outermost elements under `tops` (themselves included) that the format does not have:
    how many of each name, and the line of the first."""
    from ...model.m2015 import NietGelezen

    count: Counter[str] = Counter()
    first: dict[str, int | None] = {}
    todo = list(tops)
    while todo:
        el = todo.pop()
        if el.tag in ELEMENTEN:
            todo.extend(el)
            continue
        count[el.tag] += 1
        line = bron.line(el)
        if el.tag not in first or (line is not None and (first[el.tag] or line + 1) > line):
            first[el.tag] = line
    return [NietGelezen(element=tag, aantal=n, regel=first[tag]) for tag, n in sorted(count.items())]
