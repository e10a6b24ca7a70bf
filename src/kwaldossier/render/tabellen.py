"""Tables for spreadsheets and CSV: the matrix (kruistabel), list and diff as plain rows.

Pure Python (no openpyxl): render/xlsx.py and render/csvout.py write what this builds, so the
xlsx sheet and the CSV file of one command carry the same rows. Headers, sheet names, yes/no and
the notes are in the language of the run; codes, marks (x, 1, 2) and the dossier's texts are not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model.competenties import COMPETENTIES, LETTERS
from ..taal import _

if TYPE_CHECKING:
    from ..analyse.results import ListResult, MatrixResult
    from ..read.geladen import GeladenProfiel

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


# ---------------------------------------------------------------- matrix


def _wp_in_profiel(bron: GeladenProfiel, code: str, titel: str) -> bool | None:
    """None when the profile has no werkproces with this code and title (a row of another dossier)."""
    wp = bron.profiel.werkproces(code)
    if wp is None or wp.titel != titel:
        return None
    return wp.in_profiel


def matrix_bladen(result: MatrixResult, geladen: list[GeladenProfiel] | None = None) -> list[Blad]:
    """The kruistabel: one sheet per profile, one comparing them (when several), a legend.

    result is the `matrix --json` dict; geladen (optional) give 'in profiel' per werkproces."""
    names: list[str] = result["profielen"]
    labels = kort(names)
    bezet: set[str] = set()
    bladen = []
    per_naam = {b.naam: b for b in geladen or []}
    for naam in names:
        bron = per_naam.get(naam)
        rijen: list[list[Cel]] = []
        vulling: dict[tuple[int, int], str] = {}
        for row in result["rijen"]:
            crossed = [naam in row["cellen"][l] for l in LETTERS]
            inp = _wp_in_profiel(bron, row["code"], row["titel"]) if bron is not None else any(crossed)
            if inp is None:
                continue  # this profile does not have the werkproces at all
            cells: list[Cel] = ["x" if c else "" for c in crossed]
            for j, c in enumerate(crossed):
                if c:
                    vulling[(len(rijen), 3 + j)] = GROEN
            rijen.append([row["code"], row["titel"], _("yes") if inp else _("no"), *cells, sum(crossed)])
        bladen.append(
            Blad(
                bladnaam(naam if len(naam) <= MAX_BLADNAAM or labels[naam].isdigit() else labels[naam], bezet),
                ["werkproces", _("title"), _("in profile"), *LETTERS, _("count")],
                rijen,
                vulling,
                vast_kolommen=2,
                breedtes={0: 11, 1: 50, 2: 10, **{3 + j: 4 for j in range(len(LETTERS))}, 3 + len(LETTERS): 8},
                omloop={1},
                kop_noten={3 + j: COMPETENTIES[l] for j, l in enumerate(LETTERS)},
            )
        )
    if len(names) > 1:
        bladen.append(_vergelijking(result, names, bezet))
    bladen.append(_legenda(names, bezet))
    return bladen


def _vergelijking(result: MatrixResult, names: list[str], bezet: set[str]) -> Blad:
    """Cells name the profiles that cross them: x = all, else their numbers (as the terminal)."""
    nummer = {n: str(i + 1) for i, n in enumerate(names)}
    rijen: list[list[Cel]] = []
    vulling: dict[tuple[int, int], str] = {}
    for row in result["rijen"]:
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
        bladnaam(_("Comparison"), bezet),
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


def matrix_csv(result: MatrixResult, geladen: list[GeladenProfiel] | None = None) -> Blad:
    """For CSV, one table: the per-profile sheets stacked, with the profile in the first column."""
    rijen: list[list[Cel]] = []
    per_profiel = matrix_bladen(result, geladen)[: len(result["profielen"])]
    for naam, blad in zip(result["profielen"], per_profiel, strict=True):
        rijen += [[naam, *r] for r in blad.rijen]
    return Blad("matrix", [_("profile"), *per_profiel[0].kop] if per_profiel else [_("profile")], rijen)


# ---------------------------------------------------------------- list


def lijst_blad(result: ListResult) -> Blad:
    """`list`: one row per werkproces, a column per profile (ja/nee)."""
    names: list[str] = result["profielen"]
    rijen: list[list[Cel]] = []
    vulling: dict[tuple[int, int], str] = {}
    for kt in result["kerntaken"]:
        for wp in kt["werkprocessen"]:
            marks: list[Cel] = []
            for j, n in enumerate(names):
                has = wp["profielen"].get(n, False)
                marks.append(_("yes") if has else _("no"))
                if has:
                    vulling[(len(rijen), 4 + j)] = GROEN
            rijen.append([kt["code"], kt["titel"], wp["code"], wp["titel"], *marks])
    return Blad(
        "Werkprocessen",
        ["kerntaak", _("kerntaak title"), "werkproces", _("title"), *names],
        rijen,
        vulling,
        vast_kolommen=4,
        breedtes={0: 9, 1: 40, 2: 11, 3: 55, **{4 + j: max(12, min(len(n), 36)) for j, n in enumerate(names)}},
        omloop={1, 3},
    )


# ---------------------------------------------------------------- diff


def diff_blad(rijen: list[dict[str, str]], a: str, b: str) -> Blad:
    """`diff`: one row per change (rows from diffrijen.diff_rijen, over the typed report)."""
    kop = ["kerntaak", "werkproces", _("title"), _("field"), _("old ({a})").format(a=a), _("new ({b})").format(b=b), "impact"]
    keys = ["kerntaak", "werkproces", "titel", "veld", "oud", "nieuw", "impact"]
    return Blad(
        _("Changes"),
        kop,
        [[r.get(k) for k in keys] for r in rijen],
        vast_kolommen=2,
        breedtes={0: 9, 1: 11, 2: 40, 3: 30, 4: 60, 5: 60, 6: 14},
        omloop={2, 4, 5},
    )
