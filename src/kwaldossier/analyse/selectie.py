"""Which profiles a command works on: a unique part of a name, `naam@file`, a file, or every
profile of the data (bundled or --data); and with --dossier only those of one dossier (by
crebo or a unique part of its title). One resolver for every command."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import LookupFailed
from ..model.afgeleid import dossier_kop
from ..model.competenties import fold
from ..read.geladen import GeladenProfiel
from ..read.laden import STDIN, load_dossiers
from ..read.laden import load_all as _load_all

if TYPE_CHECKING:
    from ..model.vorm import DossierVorm

_KEUZE: dict[str, str | None] = {"dossier": None}


def kies_dossier(spec: str | None) -> None:
    """--dossier CREBO_OR_NAME for this run (None: every dossier)."""
    _KEUZE["dossier"] = spec


def dossier_keuze() -> str | None:
    return _KEUZE["dossier"]


def _past(d: DossierVorm, key: str) -> tuple[bool, bool]:
    """(exact, part): the dossier's crebo or folded title is `key`, or its title holds it."""
    kop = dossier_kop(d)
    titel = fold(kop.titel or "")
    return (kop.crebo == key or titel == fold(key)), bool(key) and fold(key) in titel


def kies_uit(dossiers: list[DossierVorm], spec: str | None = None, bron: str | None = None) -> list[DossierVorm]:
    """The dossiers --dossier selects (all of them without one). No match, or a title part that
    fits several different dossiers, is an error naming what there is."""
    spec = spec if spec is not None else _KEUZE["dossier"]
    if spec is None:
        return dossiers
    from ..taal import _

    exact = [d for d in dossiers if _past(d, spec.strip())[0]]
    hits = exact or [d for d in dossiers if _past(d, spec.strip())[1]]
    if not hits:
        namen = _kandidaten(dossiers, spec.strip())
        more = len({_naam(d) for d in dossiers}) - len(namen)
        bekend = ", ".join(namen) + (" " + _("and {n} more").format(n=more) if more > 0 else "")
        if bron:
            msg = _("--dossier {spec}: no such dossier in {file}; known: {names}").format(
                spec=repr(spec), file=bron, names=bekend
            )
        else:
            msg = _("--dossier {spec}: no such dossier; known: {names}").format(spec=repr(spec), names=bekend)
        raise LookupFailed(msg)
    if len({_naam(d) for d in hits}) > 1:
        veel = _eerste(sorted({_naam(d) for d in hits}), _KANDIDATEN)
        raise LookupFailed(
            _("--dossier {spec} matches several dossiers: {names}; give the crebo").format(spec=repr(spec), names=veel)
        )
    return hits


_KANDIDATEN = 5  # names an error lists: a whole structure has hundreds of dossiers


def _eerste(namen: list[str], n: int) -> str:
    from ..taal import _

    return ", ".join(namen[:n]) + (" " + _("and {n} more").format(n=len(namen) - n) if len(namen) > n else "")


def _kandidaten(dossiers: list[DossierVorm], spec: str) -> list[str]:
    """A few dossier names for an unknown --dossier: the closest by crebo or title, else the first
    ones in the input's order."""
    from difflib import get_close_matches

    namen = list({_naam(d): None for d in dossiers})
    per_sleutel: dict[str, str] = {}
    for d in dossiers:
        kop = dossier_kop(d)
        for key in (kop.crebo, fold(kop.titel or "")):
            if key:
                per_sleutel.setdefault(key, _naam(d))
    close = get_close_matches(fold(spec), list(per_sleutel), n=_KANDIDATEN, cutoff=0.6)
    gekozen = list({per_sleutel[k]: None for k in close})
    return gekozen or namen[:_KANDIDATEN]


def _naam(d: DossierVorm) -> str:
    kop = dossier_kop(d)
    return f"{kop.titel} ({kop.crebo})" if kop.crebo else str(kop.titel or d.bron)


def load_all(data: Path | None = None, streng: bool = False) -> list[GeladenProfiel]:
    """Every profile of the data (bundled or --data), of the dossier --dossier names."""
    alle = _load_all(data, streng)
    if _KEUZE["dossier"] is None:
        return alle
    keep = {id(d) for d in kies_uit(_unique([g.dossier for g in alle]))}
    return [g for g in alle if id(g.dossier) in keep]


def _unique(dossiers: list[DossierVorm]) -> list[DossierVorm]:
    return list({id(d): d for d in dossiers}.values())


def profile_names(data: Path | None = None) -> list[str]:
    return [g.naam for g in load_all(data)]


def _is_file_spec(spec: str) -> bool:
    path = Path(spec)
    if spec == STDIN or path.exists():
        return True
    if "@" in path.name:  # naam@file.json names a profile, not a file
        return False
    return os.sep in spec or path.suffix.lower() in (".txt", ".json", ".pdf", ".xml")


def _starts_word(naam: str, key: str) -> bool:
    """key occurs in naam at the start of a word (after a space, hyphen, slash or bracket)."""
    i = naam.find(key)
    while i >= 0:
        if i == 0 or not naam[i - 1].isalnum():
            return True
        i = naam.find(key, i + 1)
    return False


def _bestand(spec: str, data: Path | None) -> Path | None:
    """The file `spec` names. A bare file name (no folder part) of the --data folder is that
    folder's file, even where one of that name is here too (--data says where to look); else a
    path from here; without --data, a bare name of the bundled data that is not here."""
    from ..read.laden import bundled_dir

    if spec == STDIN:
        return Path(spec)
    kaal = bool(spec.strip()) and Path(spec).name == spec and spec not in (".", "..")
    if data is not None and kaal and data.is_dir() and (data / spec).is_file():
        return data / spec
    if Path(spec).exists():
        return Path(spec)
    if data is None and kaal and (bundled_dir() / spec).is_file():
        return bundled_dir() / spec
    return None


def _in_de_map(pad: Path, data: Path | None) -> bool:
    """pad is a file of the folder the names come from (--data or the bundled data)."""
    from ..read.laden import bundled_dir

    folder = data if data is not None else bundled_dir()
    return folder.is_dir() and pad.parent.resolve() == folder.resolve()


# what the `waar` of `naam@waar` names, tried in this order; the first that fits any profile wins
_WAAR_TREDEN: tuple[Callable[[GeladenProfiel, str], bool], ...] = (
    lambda g, w: g.pad is not None and w in (g.pad.name, g.pad.stem),  # a file of the folder
    lambda g, w: dossier_kop(g.dossier).crebo == w.strip(),  # a crebo
    lambda g, w: fold(dossier_kop(g.dossier).titel or "") == fold(w),  # a whole title
    lambda g, w: bool(w.strip()) and fold(w) in fold(dossier_kop(g.dossier).titel or ""),  # a part of one
)


def _in_waar(alle: list[GeladenProfiel], waar: str) -> list[GeladenProfiel]:
    for past in _WAAR_TREDEN:
        hits = [g for g in alle if past(g, waar)]
        if hits:
            return hits
    return []


def _at(spec: str, data: Path | None, streng: bool) -> list[GeladenProfiel] | None:
    """`naam@waar`: the profiles whose name holds naam, of the file or the dossier waar names
    (a path, a file of the data folder, a crebo, a whole dossier title or a part of one). None:
    spec is not of that form."""
    from ..taal import _

    naam, at, waar = spec.rpartition("@")
    if not (at and naam.strip() and waar.strip()):
        return None
    pad = _bestand(waar, data)
    if pad is not None:
        if _in_de_map(pad, data):  # a file of the folder: its profiles with the folder's labels
            doel = pad.resolve()
            eigen = [g for g in load_all(data, streng) if g.pad is not None and g.pad.resolve() == doel]
            if eigen:
                return _by_name(naam, eigen, waar)
        return _by_name(naam, _uit_bestand(pad, waar, streng), waar)
    alle = load_all(data, streng)
    kandidaten = _in_waar(alle, waar)
    if kandidaten:
        return _by_name(naam, kandidaten, waar)
    if any(fold(spec) in fold(g.naam) for g in alle):  # a part of a label such as naam@file.json
        return None
    if _is_file_spec(waar):  # a file that is not there: load_dossiers says so
        load_dossiers(Path(waar), streng)
    raise LookupFailed(
        _("{spec}: {waar} names no file, crebo or dossier title here").format(spec=repr(spec), waar=repr(waar))
    )


def _uit_bestand(pad: Path, bron: str, streng: bool) -> list[GeladenProfiel]:
    """Every profile of one file (of the dossier --dossier names)."""
    return [GeladenProfiel(p, d, pad) for d in kies_uit(load_dossiers(pad, streng), bron=bron) for p in d.profielen]


def _heel(spec: str, data: Path | None, streng: bool) -> list[GeladenProfiel]:
    """Profiles whose whole name or label is spec (a whole name with an @ wins over naam@waar)."""
    if "@" not in spec:
        return []
    key = fold(spec)
    return [g for g in load_all(data, streng) if key in (fold(g.naam), fold(g.profiel.naam))]


def resolve(spec: str, data: Path | None = None, streng: bool = False) -> list[GeladenProfiel]:
    """A profile by a unique part of its name, `naam@waar` (a file or a dossier), or a file path
    (all its profiles), also a bare file name of the --data folder. In this order: a file that
    is there, a whole name, naam@waar, a file that is not there (an error), a part of a name."""
    pad = _bestand(spec, data)
    if pad is not None:
        return _uit_bestand(pad, spec, streng)
    heel = _heel(spec, data, streng)
    if heel:
        return _by_name(spec, heel)
    at = _at(spec, data, streng)
    if at is not None:
        return at
    if _is_file_spec(spec):
        load_dossiers(Path(spec), streng)  # not there: it says so
    alle = load_all(data, streng)
    key = fold(spec)
    if not any(key in fold(g.naam) for g in alle):  # no name holds it: a file of the folder by its stem
        per_file = [g for g in alle if g.pad is not None and spec == g.pad.stem]
        if per_file:
            return per_file
    return _by_name(spec, alle)


def _by_name(spec: str, alle: list[GeladenProfiel], waar: str | None = None) -> list[GeladenProfiel]:
    """The profile whose name holds `spec`: a whole name, the only one holding it, or the only
    one where it starts a word. Several: an error that names them and how to choose."""
    from ..taal import _

    key = fold(spec)
    hits = [g for g in alle if key in fold(g.naam)]
    exact = [g for g in hits if fold(g.naam) == key or fold(g.profiel.naam) == key]
    if len(exact) == 1:
        return exact
    if len(hits) == 1:
        return hits
    # a part that starts a word of one name only: "agogisch medewerker" is Agogisch medewerker
    # GGZ, not the "Pedagogisch medewerker ..." it is also inside of
    at_word = [g for g in hits if _starts_word(fold(g.naam), key)]
    if len(at_word) == 1:
        return at_word
    if not hits:
        raise LookupFailed(_geen(spec, alle, waar))
    hit_names = [g.naam for g in hits]
    if _verschillende_dossiers(hits):  # ask for the dossier
        where = _eerste([f"{g.profiel.naam} in {_naam(g.dossier)}" for g in hits], _KANDIDATEN)
        raise LookupFailed(
            _(
                "{spec} matches several profielen, of different dossiers: {names}; "
                "choose the dossier with NAAM@CREBO or --dossier CREBO_OR_NAME"
            ).format(spec=repr(spec), names=where)
        )
    if len(set(hit_names)) < len(hit_names):  # same name in several files: tell them apart by file
        where = _eerste([f"{g.profiel.naam} ({g.pad.name if g.pad else '?'})" for g in hits], _KANDIDATEN)
        raise LookupFailed(
            _("{spec} matches several profielen: {names}; give the file instead (NAAM@FILE)").format(
                spec=repr(spec), names=where
            )
        )
    namen = _eerste(hit_names, _KANDIDATEN)
    raise LookupFailed(_("{spec} matches several profielen: {names}").format(spec=repr(spec), names=namen))


def _verschillende_dossiers(hits: list[GeladenProfiel]) -> bool:
    """The profiles come from more than one dossier, each known by crebo or title (a 2012 text
    without its footer names no dossier: it is not called another one)."""
    from .groepen import sleutel

    sleutels = {sleutel(g.dossier) for g in hits}
    return None not in sleutels and len(sleutels) > 1


def _geen(spec: str, alle: list[GeladenProfiel], waar: str | None) -> str:
    """No profile holds `spec`: the closest names (of the file or dossier `waar`, if given)."""
    from difflib import get_close_matches

    from ..taal import _

    names = list({g.naam: None for g in alle})
    close = ", ".join(get_close_matches(spec, names, n=3, cutoff=0.3) or names)
    if waar is not None:
        return _("no profiel matches {spec} in {where}; known: {names}").format(
            spec=repr(spec), where=waar, names=close
        )
    return _("no profiel matches {spec}; known: {names}").format(spec=repr(spec), names=close)


def resolve_one(
    spec: str, data: Path | None = None, profiel: str | None = None, streng: bool = False
) -> GeladenProfiel:
    """One profile: by name part, or a file with one profile (or the one `profiel` names)."""
    from ..taal import _

    hits = resolve(spec, data, streng)
    alle = hits
    if profiel and len(hits) > 1:
        hits = _kies_profiel(profiel, hits)
    if len(hits) != 1:
        names = ", ".join(g.naam for g in alle)
        if profiel:
            raise LookupFailed(
                _("{spec}: --profiel {profiel} matches {n} of its profielen ({names})").format(
                    spec=spec, profiel=repr(profiel), n=len(hits), names=names
                )
            )
        raise LookupFailed(
            _("{spec} holds {n} profielen ({names}); choose one with --profiel or NAAM@FILE").format(
                spec=spec, n=len(hits), names=names
            )
        )
    return hits[0]


def _kies_profiel(profiel: str, hits: list[GeladenProfiel]) -> list[GeladenProfiel]:
    """--profiel among a file's profiles: a whole name wins over parts; `naam@waar` picks in the
    dossier waar names (a whole-structure file holds one name in several dossiers)."""
    key = fold(profiel)
    exact = [g for g in hits if key in (fold(g.profiel.naam), fold(g.naam))]
    if exact:
        return exact
    naam, at, waar = profiel.rpartition("@")
    if at and naam.strip() and waar.strip():
        binnen = _in_waar(hits, waar)
        if binnen:
            return [g for g in binnen if fold(naam) in fold(g.profiel.naam)]
    return [g for g in hits if key in fold(g.naam)]


def select(profiel: str | None, data: Path | None = None, streng: bool = False) -> list[GeladenProfiel]:
    """--profiel P (name part or file) or every profile of the data."""
    return resolve(profiel, data, streng) if profiel else load_all(data, streng)
