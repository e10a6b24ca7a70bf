"""Workbooks with openpyxl (imported only here): coloured cells, frozen headers, autofilter."""

from __future__ import annotations

import io
from typing import Any

from .tabellen import KOP, Blad, Cel


def xlsx_bytes(bladen: list[Blad]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    stijl = _Stijl()
    for blad in bladen:
        _schrijf(wb.create_sheet(blad.naam), blad, stijl)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


class _Stijl:
    """Shared style objects (one per kind, not one per cell)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self._fill = PatternFill
        self.fills: dict[str, PatternFill] = {}
        self.bold = Font(bold=True)
        self.top = Alignment(vertical="top")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.mid = Alignment(horizontal="center", vertical="top")

    def fill(self, rgb: str) -> Any:  # an openpyxl PatternFill (openpyxl is untyped)
        if rgb not in self.fills:
            self.fills[rgb] = self._fill(fill_type="solid", start_color=rgb, end_color=rgb)
        return self.fills[rgb]


def _schrijf(ws: Any, blad: Blad, stijl: _Stijl) -> None:
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter

    for c, kop in enumerate(blad.kop):
        cell = ws.cell(row=1, column=c + 1)
        _zet(cell, kop)
        cell.font = stijl.bold
        cell.fill = stijl.fill(KOP)
        if c in blad.kop_noten:
            cell.comment = Comment(blad.kop_noten[c], "kwaldossier")
    for r, rij in enumerate(blad.rijen):
        for c, v in enumerate(rij):
            cell = ws.cell(row=r + 2, column=c + 1)
            _zet(cell, v)
            rgb = blad.vulling.get((r, c))
            if rgb:
                cell.fill = stijl.fill(rgb)
            cell.alignment = stijl.wrap if c in blad.omloop else stijl.mid if rgb else stijl.top
        lines = max((_regels(rij[c], blad.breedtes.get(c, 60)) for c in blad.omloop if c < len(rij)), default=1)
        if lines > 1:  # not every spreadsheet fits wrapped rows on opening
            ws.row_dimensions[r + 2].height = 15 * min(lines, 27)
    ncols, nrows = len(blad.kop), len(blad.rijen) + 1
    ws.freeze_panes = ws.cell(row=2, column=blad.vast_kolommen + 1).coordinate
    ws.auto_filter.ref = f"A1:{get_column_letter(ncols)}{nrows}"
    for c in range(ncols):
        ws.column_dimensions[get_column_letter(c + 1)].width = blad.breedtes.get(c) or _breedte(blad, c)
    ws.print_title_rows = "1:1"  # printed: header on every page, landscape, one page wide
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    for i, regel in enumerate(blad.noot):
        _zet(ws.cell(row=nrows + 2 + i, column=1), regel)


def _regels(v: Cel, width: float) -> int:
    """Lines a wrapped text takes in a column of this width (characters), roughly."""
    if not isinstance(v, str) or not v:
        return 1
    per = max(int(width * 1.1), 1)  # proportional text fits a little more than the width in digits
    return sum(max(1, -(-len(part) // per)) for part in v.split("\n"))


def _breedte(blad: Blad, c: int) -> float:
    lengths = [len(str(blad.kop[c]))] + [len(str(r[c])) for r in blad.rijen if c < len(r) and r[c] is not None]
    return float(min(max(lengths) + 2, 60))


def _zet(cell: Any, v: Cel) -> None:
    """Text stays text (a value starting with '=' is no formula); control characters shown as \\xNN (render/schoon.py)."""
    if isinstance(v, str):
        from .schoon import schoon

        v = schoon(v)
    cell.value = v
    if isinstance(v, str) and v.startswith("="):
        cell.data_type = "s"
