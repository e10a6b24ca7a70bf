"""The diff report flattened for spreadsheets (xlsx, csv): one row per change,
{kerntaak, werkproces, titel, veld, oud, nieuw, impact}, from diff_report.rows(), with readable
field names ("competentie H: component", "algemene informatie: context"), a competence as its
letter and name, a one-sided werkproces as its title. Rows are in code order; kerntaak-level
changes before the kerntaak's werkprocessen, algemene informatie last."""

from __future__ import annotations

import re

from ..analyse.diff_report import DiffReport, Eenzijdig, rows


def diff_rijen(report: DiffReport) -> list[dict[str, str]]:
    """Every change of the report as one row (empty cells as "")."""
    out: list[dict[str, str]] = []
    algemeen: list[dict[str, str]] = []
    changes = list(report.changes())
    for (kt, code, titel, ch), row in zip(changes, rows(report), strict=True):
        veld = row["veld"] or ""
        oud, nieuw = row["oud"], row["nieuw"]
        if isinstance(ch, Eenzijdig):
            oud, nieuw = (ch.titel, None) if ch.kant == "a" else (None, ch.titel)
        elif veld.startswith("algemene_informatie."):
            veld = "algemene informatie: " + veld.split(".", 1)[1]
        elif veld == "competentie":
            tekst = f"{ch.competentie} {ch.competentie_naam}"
            oud, nieuw = (tekst, None) if ch.soort == "removed" else (None, tekst)
        elif ch.competentie:
            veld = f"competentie {ch.competentie}: {veld.replace('_', '-')}".replace("componenten", "component")
        elif code is None and veld != "kerntaak":  # 2015 model: a text or list of the kerntaak
            veld = "kerntaak: " + veld.replace("_", " ")
        else:
            veld = veld.replace("_", " ")
        r = {
            "kerntaak": kt,
            "werkproces": code,
            "titel": titel,
            "veld": veld,
            "oud": oud,
            "nieuw": nieuw,
            "impact": ch.impact,
        }
        (algemeen if kt is None else out).append({k: v or "" for k, v in r.items()})
    out.sort(key=lambda r: _code_key(r["werkproces"] or r["kerntaak"]))  # stable: report order within a code
    return out + algemeen


def _code_key(code: str) -> tuple[tuple[int, int, str], ...]:
    """2.10 after 2.9, B1-K1-W2 after B1-K1-W1, for either model's codes (and 2.8→2.9)."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|\D+", code))
