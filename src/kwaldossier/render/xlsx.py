"""Workbooks with openpyxl (imported only here): coloured cells, frozen headers, autofilter."""

from __future__ import annotations

import io

from .tabellen import KOP, Blad


def xlsx_bytes(bladen: list[Blad]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    fills: dict[str, PatternFill] = {}

    def fill(rgb: str) -> PatternFill:
        if rgb not in fills:
            fills[rgb] = PatternFill(fill_type="solid", start_color=rgb, end_color=rgb)
        return fills[rgb]

    bold = Font(bold=True)
    for blad in bladen:
        ws = wb.create_sheet(blad.naam)
        for c, kop in enumerate(blad.kop, start=1):
            cell = ws.cell(row=1, column=c)
            _zet(cell, kop)
            cell.font = bold
            cell.fill = fill(KOP)
            if c - 1 in blad.kop_noten:
                cell.comment = Comment(blad.kop_noten[c - 1], "kwaldossier")
        for r, rij in enumerate(blad.rijen, start=2):
            for c, v in enumerate(rij, start=1):
                _zet(ws.cell(row=r, column=c), v)
        wrap = Alignment(wrap_text=True, vertical="top")
        for c in blad.omloop:
            for r in range(2, len(blad.rijen) + 2):
                ws.cell(row=r, column=c + 1).alignment = wrap
        for (r, c), rgb in blad.vulling.items():
            cell = ws.cell(row=r + 2, column=c + 1)
            cell.fill = fill(rgb)
            cell.alignment = Alignment(horizontal="center")
        ncols, nrows = len(blad.kop), len(blad.rijen) + 1
        ws.freeze_panes = ws.cell(row=2, column=blad.vast_kolommen + 1).coordinate
        ws.auto_filter.ref = f"A1:{get_column_letter(ncols)}{nrows}"
        for c in range(ncols):
            width = blad.breedtes.get(c) or _breedte(blad, c)
            ws.column_dimensions[get_column_letter(c + 1)].width = width
        for i, regel in enumerate(blad.noot):
            _zet(ws.cell(row=nrows + 2 + i, column=1), regel)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _breedte(blad: Blad, c: int) -> float:
    lengths = [len(str(blad.kop[c]))] + [len(str(r[c])) for r in blad.rijen if c < len(r) and r[c] is not None]
    return float(min(max(lengths) + 2, 60))


def _zet(cell, v) -> None:
    """Text stays text (a value starting with '=' is no formula); control characters Excel rejects are dropped."""
    if isinstance(v, str):
        v = "".join(ch for ch in v if ch in "\t\n" or ord(ch) >= 32)
    cell.value = v
    if isinstance(v, str) and v.startswith("="):
        cell.data_type = "s"
