"""Tables for spreadsheets and CSV: the matrix (kruistabel), list and diff as plain rows.

Pure Python (no openpyxl): render/xlsx.py and render/csvout.py write what this builds, so the
xlsx sheet and the CSV file of one command carry the same rows. Headers, sheet names, yes/no and
the notes are in the language of the run; codes, marks (x, 1, 2) and the dossier's texts are not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from ..model.competenties import COMPETENTIES, LETTERS
from ..taal import _

if TYPE_CHECKING:
    from ..analyse.results import DossierJson, ListKerntaak, ListResult, MatrixDossier, MatrixResult, MatrixRij
    from ..read.geladen import GeladenProfiel
    from .diff_doc import Kruis

Cel = str | int | float | None

# Fills (RGB hex), also named in the README: green = crossed (by every profile compared),
# amber = crossed by only some profiles.
GROEN = "C6EFCE"
AMBER = "FFEB9C"
KOP = "DDEBF7"


@dataclass
class Blad:
    """One sheet of a workbook, or one CSV file: a header row and data rows."""

    naam: str
    kop: list[str]
    rijen: list[list[Cel]]
    vulling: dict[tuple[int, int], str] = field(default_factory=dict)  # (data row, column) -> RGB
    vast_kolommen: int = 1  # columns frozen on the left (the header row is always frozen)
    breedtes: dict[int, float] = field(default_factory=dict)  # column -> width in characters
    noot: list[str] = field(default_factory=list)  # lines under the table (xlsx only)
    omloop: set[int] = field(default_factory=set)  # columns of long text, wrapped (xlsx only)
    kop_noten: dict[int, str] = field(default_factory=dict)  # column -> comment on its header (xlsx only)


def kort(names: list[str]) -> dict[str, str]:
    """Short labels for profiles: the last word of each name when those are unique, else 1, 2, ..."""
    last = [n.split()[-1] if n.split() else n for n in names]
    if len(set(last)) == len(last):
        return dict(zip(names, last, strict=True))
    return {n: str(i + 1) for i, n in enumerate(names)}


MAX_BLADNAAM = 31  # Excel's limit on a sheet name
_PAAR = 2  # two profiles compared: "x" reads "both"


def bladnaam(naam: str, bezet: set[str]) -> str:
    """A valid, unique Excel sheet name: at most 31 characters, none of []:*?/\\."""
    schoon = "".join("_" if ch in "[]:*?/\\" else ch for ch in naam).strip("' ") or "Blad"
    kandidaat = schoon[:MAX_BLADNAAM]
    n = 2
    while kandidaat.lower() in {b.lower() for b in bezet} | {"history"}:  # Excel reserves "History"
        suffix = f" ({n})"
        kandidaat = schoon[: MAX_BLADNAAM - len(suffix)] + suffix
        n += 1
    bezet.add(kandidaat)
    return kandidaat


# ---------------------------------------------------------------- dossiers

# A folder of several dossiers: every row names its dossier in two columns in front (title and
# crebo: a designer filters on the one and looks up by the other); one dossier: no such columns.
DOSSIER_KOP = ["dossier", "crebo"]
DOSSIER_BREEDTES = {0: 30, 1: 8}


def dossier_cellen(d: DossierJson) -> list[Cel]:
    return [d["titel"] or "", d["crebo"] or ""]


def dossier_bladnaam(d: DossierJson, bezet: set[str], voor: str = "") -> str:
    """A sheet named after a dossier: 'Pedagogisch Werk (23183)', the title cut so the crebo stays."""
    staart = f" ({d['crebo']})" if d["crebo"] else ""
    kop = f"{voor} " if voor else ""
    if voor and staart:
        return bladnaam(f"{voor} {d['crebo']}", bezet)
    titel = (d["titel"] or "?").strip()
    return bladnaam(kop + titel[: max(1, MAX_BLADNAAM - len(kop) - len(staart))].rstrip() + staart, bezet)


_W = TypeVar("_W")


def _schuif(voor: int, kolommen: dict[int, _W]) -> dict[int, _W]:
    """Column-keyed settings moved `voor` columns to the right."""
    return {k + voor: v for k, v in kolommen.items()}


def _met_dossier(blad: Blad, d: DossierJson) -> Blad:
    """The sheet with the dossier's title and crebo as its first two columns."""
    n = len(DOSSIER_KOP)
    return Blad(
        blad.naam,
        [*DOSSIER_KOP, *blad.kop],
        [[*dossier_cellen(d), *r] for r in blad.rijen],
        {(i, j + n): v for (i, j), v in blad.vulling.items()},
        vast_kolommen=blad.vast_kolommen + n,
        breedtes={**DOSSIER_BREEDTES, **_schuif(n, blad.breedtes)},
        noot=blad.noot,
        omloop={k + n for k in blad.omloop},
        kop_noten=_schuif(n, blad.kop_noten),
    )


# ---------------------------------------------------------------- matrix


def _wp_in_profiel(bron: GeladenProfiel, code: str, titel: str) -> bool | None:
    """None when the profile has no werkproces with this code and title (a row of another dossier)."""
    wp = bron.profiel.werkproces(code)
    if wp is None or wp.titel != titel:
        return None
    return wp.in_profiel


def _profiel_blad(naam: str, rows: list[MatrixRij], bron: GeladenProfiel | None, naam_blad: str) -> Blad:
    rijen: list[list[Cel]] = []
    vulling: dict[tuple[int, int], str] = {}
    for row in rows:
        crossed = [naam in row["cellen"][l] for l in LETTERS]
        inp = _wp_in_profiel(bron, row["code"], row["titel"]) if bron is not None else any(crossed)
        if inp is None:
            continue  # this profile does not have the werkproces at all
        cells: list[Cel] = ["x" if c else "" for c in crossed]
        for j, c in enumerate(crossed):
            if c:
                vulling[(len(rijen), 3 + j)] = GROEN
        rijen.append([row["code"], row["titel"], _("yes") if inp else _("no"), *cells, sum(crossed)])
    return Blad(
        naam_blad,
        ["werkproces", _("title"), _("in profile"), *LETTERS, _("count")],
        rijen,
        vulling,
        vast_kolommen=2,
        breedtes={0: 11, 1: 50, 2: 10, **{3 + j: 4 for j in range(len(LETTERS))}, 3 + len(LETTERS): 8},
        omloop={1},
        kop_noten={3 + j: COMPETENTIES[l] for j, l in enumerate(LETTERS)},
    )


def _profiel_bladnaam(naam: str, labels: dict[str, str], bezet: set[str]) -> str:
    return bladnaam(naam if len(naam) <= MAX_BLADNAAM or labels[naam].isdigit() else labels[naam], bezet)


def matrix_bladen(result: MatrixResult, geladen: list[GeladenProfiel] | None = None) -> list[Blad]:
    """The kruistabel: one sheet per profile, one comparing them (when several), a legend.
    Several dossiers: per dossier its profiles' sheets and its comparison, every row naming the
    dossier; the legend numbers the profiles per dossier.

    result is the `matrix --json` dict; geladen (optional) give 'in profiel' per werkproces."""
    names: list[str] = result["profielen"]
    labels = kort(names)
    bezet: set[str] = set()
    per_naam = {b.naam: b for b in geladen or []}
    dossiers = result.get("dossiers") or []
    if len(dossiers) <= 1:
        bladen = [
            _profiel_blad(naam, result["rijen"], per_naam.get(naam), _profiel_bladnaam(naam, labels, bezet))
            for naam in names
        ]
        if len(names) > 1:
            bladen.append(_vergelijking(result["rijen"], names, bladnaam(_("Comparison"), bezet)))
        bladen.append(_legenda(names, bezet))
        return bladen
    bladen = []
    for d in dossiers:
        for naam in d["profielen"]:
            blad = _profiel_blad(naam, d["rijen"], per_naam.get(naam), _profiel_bladnaam(naam, labels, bezet))
            bladen.append(_met_dossier(blad, d))
        if len(d["profielen"]) > 1:
            blad = _vergelijking(d["rijen"], d["profielen"], dossier_bladnaam(d, bezet, _("Comparison")))
            bladen.append(_met_dossier(blad, d))
    bladen.append(_legenda_dossiers(dossiers, bezet))
    return bladen


def _vergelijking(rows: list[MatrixRij], names: list[str], naam_blad: str) -> Blad:
    """Cells name the profiles that cross them: x = all, else their numbers (as the terminal)."""
    nummer = {n: str(i + 1) for i, n in enumerate(names)}
    rijen: list[list[Cel]] = []
    vulling: dict[tuple[int, int], str] = {}
    for row in rows:
        cells: list[Cel] = []
        for j, l in enumerate(LETTERS):
            who = row["cellen"][l]
            if not who:
                cells.append("")
                continue
            alle = len(set(who)) == len(names)
            cells.append("x" if alle else ",".join(nummer[w] for w in who))
            vulling[(len(rijen), 2 + j)] = GROEN if alle else AMBER
        rijen.append([row["code"], row["titel"], *cells])
    noot = [_("x = both profielen") if len(names) == _PAAR else _("x = all profielen")]
    noot += [_("{n} = only {naam}").format(n=nummer[n], naam=n) for n in names]
    return Blad(
        naam_blad,
        ["werkproces", _("title"), *LETTERS],
        rijen,
        vulling,
        vast_kolommen=2,
        breedtes={0: 11, 1: 50, **{2 + j: 5 for j in range(len(LETTERS))}},
        omloop={1},
        noot=noot,
        kop_noten={2 + j: COMPETENTIES[l] for j, l in enumerate(LETTERS)},
    )


def _legenda(names: list[str], bezet: set[str]) -> Blad:
    rijen: list[list[Cel]] = [[l, COMPETENTIES[l]] for l in LETTERS]
    rijen.append(["", ""])
    rijen += [[str(i + 1), n] for i, n in enumerate(names)]
    return Blad(bladnaam(_("Key"), bezet), ["code", _("name")], rijen, breedtes={0: 8, 1: 60})


def _legenda_dossiers(dossiers: list[MatrixDossier], bezet: set[str]) -> Blad:
    """The key of several dossiers: A–Y, then each dossier's profiles with their numbers."""
    rijen: list[list[Cel]] = [[l, COMPETENTIES[l], "", ""] for l in LETTERS]
    for d in dossiers:
        rijen.append(["", "", "", ""])
        rijen += [[str(i + 1), n, *dossier_cellen(d)] for i, n in enumerate(d["profielen"])]
    return Blad(
        bladnaam(_("Key"), bezet), ["code", _("name"), *DOSSIER_KOP], rijen, breedtes={0: 8, 1: 60, 2: 30, 3: 8}
    )


def matrix_csv(result: MatrixResult, geladen: list[GeladenProfiel] | None = None) -> Blad:
    """For CSV, one table: the per-profile sheets stacked, with the profile in the first column
    (several dossiers: the dossier's title and crebo before it, dossier by dossier)."""
    rijen: list[list[Cel]] = []
    dossiers = result.get("dossiers") or []
    per_naam = {b.naam: b for b in geladen or []}
    if len(dossiers) <= 1:
        per_profiel = [_profiel_blad(n, result["rijen"], per_naam.get(n), n) for n in result["profielen"]]
        for naam, blad in zip(result["profielen"], per_profiel, strict=True):
            rijen += [[naam, *r] for r in blad.rijen]
        return Blad("matrix", [_("profile"), *per_profiel[0].kop] if per_profiel else [_("profile")], rijen)
    kop: list[str] = []
    for d in dossiers:
        for naam in d["profielen"]:
            blad = _profiel_blad(naam, d["rijen"], per_naam.get(naam), naam)
            kop = blad.kop
            rijen += [[*dossier_cellen(d), naam, *r] for r in blad.rijen]
    return Blad("matrix", [*DOSSIER_KOP, _("profile"), *kop], rijen)


# ---------------------------------------------------------------- list


def _lijst_rijen(
    kerntaken: list[ListKerntaak], names: list[str], kolommen: list[str], voor: list[Cel]
) -> tuple[list[list[Cel]], dict[tuple[int, int], str]]:
    """Rows of `list`: yes/no under the profiles in names, empty under the other columns."""
    rijen: list[list[Cel]] = []
    vulling: dict[tuple[int, int], str] = {}
    eerste = len(voor) + 4
    for kt in kerntaken:
        for wp in kt["werkprocessen"]:
            marks: list[Cel] = []
            for j, n in enumerate(kolommen):
                if n not in names:
                    marks.append("")
                    continue
                has = wp["profielen"].get(n, False)
                marks.append(_("yes") if has else _("no"))
                if has:
                    vulling[(len(rijen), eerste + j)] = GROEN
            rijen.append([*voor, kt["code"], kt["titel"], wp["code"], wp["titel"], *marks])
    return rijen, vulling


def _lijst(
    kerntaken: list[ListKerntaak], names: list[str], kolommen: list[str], d: DossierJson | None, naam: str
) -> Blad:
    voor = dossier_cellen(d) if d is not None else []
    n = len(voor)
    rijen, vulling = _lijst_rijen(kerntaken, names, kolommen, voor)
    breedtes: dict[int, float] = {n: 9, n + 1: 40, n + 2: 11, n + 3: 55}
    breedtes |= {n + 4 + j: max(12, min(len(k), 36)) for j, k in enumerate(kolommen)}
    return Blad(
        naam,
        [*(DOSSIER_KOP if d is not None else []), "kerntaak", _("kerntaak title"), "werkproces", _("title"), *kolommen],
        rijen,
        vulling,
        vast_kolommen=n + 4,
        breedtes={**(DOSSIER_BREEDTES if d is not None else {}), **breedtes},
        omloop={n + 1, n + 3},
    )


def lijst_blad(result: ListResult) -> Blad:
    """`list` of one dossier: one row per werkproces, a column per profile (ja/nee).
    Several dossiers (CSV: one table): the dossier's title and crebo first, dossier by dossier;
    a row has ja/nee under the profiles of its own dossier and an empty cell under the others."""
    names: list[str] = result["profielen"]
    dossiers = result.get("dossiers") or []
    if len(dossiers) <= 1:
        return _lijst(result["kerntaken"], names, names, None, "Werkprocessen")
    kolommen = [n for d in dossiers for n in d["profielen"]]  # grouped by dossier
    rijen: list[list[Cel]] = []
    vulling: dict[tuple[int, int], str] = {}
    for d in dossiers:
        r, v = _lijst_rijen(d["kerntaken"], d["profielen"], kolommen, dossier_cellen(d))
        vulling |= {(i + len(rijen), j): c for (i, j), c in v.items()}
        rijen += r
    blad = _lijst([], [], kolommen, dossiers[0], "Werkprocessen")
    blad.rijen, blad.vulling = rijen, vulling
    return blad


def lijst_bladen(result: ListResult) -> list[Blad]:
    """`list` as xlsx: one sheet; several dossiers: one sheet per dossier, named after it, with
    only that dossier's profiles as columns."""
    dossiers = result.get("dossiers") or []
    if len(dossiers) <= 1:
        return [lijst_blad(result)]
    bezet: set[str] = set()
    return [_lijst(d["kerntaken"], d["profielen"], d["profielen"], d, dossier_bladnaam(d, bezet)) for d in dossiers]


# ---------------------------------------------------------------- diff


def diff_blad(rijen: list[dict[str, str]], a: str, b: str, kruis: Kruis | None = None) -> Blad:
    """`diff`: one row per change (rows from diffrijen.diff_rijen, over the typed report).
    Two dossiers (kruis): the old/new headers name each side's dossier too (a CSV has no notes),
    and the xlsx notes say that A and B come from different dossiers."""
    if kruis is not None:
        a, b = f"{a} — {kruis.titel_a}", f"{b} — {kruis.titel_b}"
    kop = [
        "kerntaak",
        "werkproces",
        _("title"),
        _("field"),
        _("old ({a})").format(a=a),
        _("new ({b})").format(b=b),
        "impact",
    ]
    keys = ["kerntaak", "werkproces", "titel", "veld", "oud", "nieuw", "impact"]
    return Blad(
        _("Changes"),
        kop,
        [[r.get(k) for k in keys] for r in rijen],
        vast_kolommen=2,
        breedtes={0: 9, 1: 11, 2: 40, 3: 30, 4: 60, 5: 60, 6: 14},
        omloop={2, 4, 5},
        noot=[kruis.dossier_a, kruis.dossier_b, kruis.noot] if kruis is not None else [],
    )
