"""CSV for spreadsheets: UTF-8 with BOM (Excel then reads accents right), `;` by default (Excel-NL)."""

from __future__ import annotations

import csv
import io

from .schoon import schoon
from .tabellen import Blad, Cel

BOM = "\ufeff"


def csv_bytes(blad: Blad, sep: str = ";") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow([_veilig(k) for k in blad.kop])
    for rij in blad.rijen:
        w.writerow([_veilig(v) for v in rij])
    return (BOM + buf.getvalue()).encode("utf-8")


def _veilig(v: Cel) -> str | int | float:
    """A text that Excel would read as a formula (=, +, -, @ first) gets a leading apostrophe."""
    if v is None:
        return ""
    if isinstance(v, str):
        v = schoon(v)
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v
