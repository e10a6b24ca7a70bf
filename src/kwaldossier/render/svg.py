"""A competence heat-map as hand-written SVG: profiles x competences A–Y, each cell the number of
werkprocessen of the profile that call on the competence. Readable without colour (the number
is printed in every cell), with an accessible title and description; all text is escaped."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

from ..export.walk import kerntaken_in_profiel, telling
from ..model.competenties import COMPETENTIES, LETTERS
from ..taal import _

if TYPE_CHECKING:
    from ..read.geladen import GeladenProfiel

CEL = 30
DONKER = 0.55  # share of the row's maximum above which a cell's fill is dark enough for white ink
LETTERBREEDTE = 7.2  # average glyph width at 12px sans-serif, for the label column


def _kleur(n: int, top: int) -> str:
    """White to dark blue by share of the row-wide maximum."""
    if n <= 0 or top <= 0:
        return "#ffffff"
    t = n / top
    r, g, b = (round(255 + (x - 255) * t) for x in (8, 69, 148))
    return f"#{r:02x}{g:02x}{b:02x}"


def heatmap_data(geladen: list[GeladenProfiel]) -> list[dict[str, Any]]:
    """[{"profiel", "werkprocessen", "tellingen": {letter: n}}] in the order given."""
    out: list[dict[str, Any]] = []
    for b in geladen:
        wps = sum(len(w) for _, w in kerntaken_in_profiel(b.profiel))
        out.append({"profiel": b.naam, "werkprocessen": wps, "tellingen": telling(b.profiel)})
    return out


def heatmap_svg(geladen: list[GeladenProfiel], id_prefix: str = "kd-heatmap", inline: bool = False) -> str:
    """The heat-map as a standalone SVG document; inline: as an <svg> element inside HTML5,
    which needs no namespace declaration (so the report names no URL at all)."""
    data = heatmap_data(geladen)
    top = max((n for d in data for n in d["tellingen"].values()), default=0)
    label_w = int(max((len(d["profiel"]) for d in data), default=10) * LETTERBREEDTE) + 16
    x0, y0 = label_w, 40
    width = x0 + CEL * (len(LETTERS) + 1) + 20
    legend_y = y0 + CEL * len(data) + 30
    half = (len(LETTERS) + 1) // 2
    height = legend_y + 18 * half + 30
    title = _("Competences per profile: the number of werkprocessen that call on each competence")
    desc = "; ".join(
        f"{d['profiel']} ({d['werkprocessen']} werkprocessen): "
        + ", ".join(f"{l} {n}" for l, n in d["tellingen"].items() if n)
        for d in data
    )
    tid, did = f"{id_prefix}-title", f"{id_prefix}-desc"
    p = [
        ("<svg " if inline else '<svg xmlns="http://www.w3.org/2000/svg" ') + f'width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby={quoteattr(tid)} aria-describedby={quoteattr(did)} '
        'font-family="sans-serif" font-size="12">',
        f"<title id={quoteattr(tid)}>{escape(title)}</title>",
        f"<desc id={quoteattr(did)}>{escape(desc)}</desc>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for j, l in enumerate(LETTERS):
        cx = x0 + CEL * j + CEL / 2
        p.append(
            f'<text x="{cx}" y="{y0 - 10}" text-anchor="middle" font-weight="bold">'
            f"<title>{escape(l + ' ' + COMPETENTIES[l])}</title>{l}</text>"
        )
    p.append(
        f'<text x="{x0 + CEL * len(LETTERS) + CEL / 2}" y="{y0 - 10}" text-anchor="middle" '
        f'font-weight="bold">wp<title>{escape(_("werkprocessen in the profile"))}</title></text>'
    )
    for i, d in enumerate(data):
        y = y0 + CEL * i
        p.append(f'<text x="{label_w - 8}" y="{y + CEL / 2 + 4}" text-anchor="end">{escape(d["profiel"])}</text>')
        for j, l in enumerate(LETTERS):
            n = d["tellingen"][l]
            fill = _kleur(n, top)
            ink = "#ffffff" if top and n / top > DONKER else ("#999999" if n == 0 else "#000000")
            x = x0 + CEL * j
            p.append(
                f"<g><title>{escape(d['profiel'])}: {l} {escape(COMPETENTIES[l])}: {n}</title>"
                f'<rect x="{x}" y="{y}" width="{CEL}" height="{CEL}" fill="{fill}" stroke="#bbbbbb"/>'
                f'<text x="{x + CEL / 2}" y="{y + CEL / 2 + 4}" text-anchor="middle" fill="{ink}">{n}</text></g>'
            )
        xw = x0 + CEL * len(LETTERS)
        p.append(
            f'<text x="{xw + CEL / 2}" y="{y + CEL / 2 + 4}" text-anchor="middle" font-weight="bold">'
            f"{d['werkprocessen']}</text>"
        )
    legend = _("Number = werkprocessen of the profile that call on the competence; wp = werkprocessen in the profile")
    p.append(f'<text x="8" y="{legend_y - 8}" font-weight="bold">{escape(legend)}</text>')
    col_w = (width - 16) / 2
    for k, l in enumerate(LETTERS):
        col, row = divmod(k, half)
        p.append(f'<text x="{8 + col * col_w}" y="{legend_y + 12 + 18 * row}">{l}  {escape(COMPETENTIES[l])}</text>')
    p.append("</svg>")
    return "\n".join(p) + "\n"
