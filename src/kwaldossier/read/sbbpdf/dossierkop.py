"""The dossier's own values from the cover (title, crebo, dates, version, domain) and a
profile's mbo-niveau; a value that is there but cannot be read is an input error."""

from __future__ import annotations

from datetime import date
from typing import Any

from ...model.codes import MAX_JAAR, klein_getal
from ...taal import _
from ..tekst import Hyphenator
from . import woorden
from .records import ProfielR, Waarde
from .state import State
from .velden import tekst


def _getal(text: str) -> int:
    """A date part through the one number parser; not ASCII digits is a ValueError."""
    value = klein_getal(text, MAX_JAAR)
    if value is None:
        raise ValueError(text)
    return value


def datum(st: State, w: Waarde | None) -> date | None:
    """'01-08-2015' or '1 augustus 2015'."""
    if w is None:
        return None
    text = " ".join(w.tekst.split())
    try:
        if m := woorden.DATUM_CIJFERS.match(text):
            return date(_getal(m.group("j")), _getal(m.group("m")), _getal(m.group("d")))
        if (m := woorden.DATUM_VOLUIT.match(text)) and m.group("maand").casefold() in woorden.MAANDEN:
            return date(_getal(m.group("j")), woorden.MAANDEN[m.group("maand").casefold()], _getal(m.group("d")))
    except ValueError:
        pass
    raise st.fail(w.regel, _("date {date} is neither DD-MM-JJJJ nor '1 augustus 2015'").format(date=repr(w.tekst)))


def waarden(st: State) -> dict[str, Any]:
    d = st.dossier
    return {
        "titel": d.titel.tekst if d.titel else None,
        "crebo": d.crebo.tekst if d.crebo else None,
        "geldig_vanaf": datum(st, d.geldig_vanaf),
        "versie": d.versie.tekst if d.versie else None,
        "sector": " ".join(d.sector.tekst.split()) if d.sector else None,
        "vastgesteld_op": datum(st, d.vastgesteld_op),
    }


def niveau(st: State, p: ProfielR, h: Hyphenator) -> int | None:
    """The mbo-niveau: the one digit 1-4 in the text after its label."""
    blok = next((b for b in p.blokken if b.veld == "niveau"), None)
    if blok is None:
        return None
    text = tekst(blok, h).tekst
    found = {m.group("n") for m in woorden.NIVEAU.finditer(text)}
    if len(found) != 1:
        raise st.fail(
            blok.regel,
            _("profile {name}: mbo-niveau {text} names no single level 1-4").format(name=repr(p.naam), text=repr(text)),
        )
    return klein_getal(found.pop())
