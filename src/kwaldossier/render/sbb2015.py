"""Human output for werkprocessen of the 2015 model (SBB XML): resultaat, gedrag, aanvullend."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

AANVULLEND = "aanvullend"


def _kop(c: Console, titel: str) -> None:
    c.print(Text(titel, style="bold underline"))


def render_werkproces_2015(c: Console, wp: dict) -> None:
    """One resolved werkproces: basis text, then this profile's additions marked 'aanvullend'."""
    deel = "basisdeel" if wp.get("deel") == "basis" else "profieldeel"
    c.print(Text(f"{deel}; source line {(wp['bron'].get('kop') or ['?'])[0]}", style="dim"))
    _kop(c, "Omschrijving")
    c.print(wp["omschrijving"] or "—")
    if wp.get("omschrijving_aanvullend"):
        c.print(Text(f"[{AANVULLEND}] ", style="magenta") + Text(wp["omschrijving_aanvullend"]))
    c.print()
    _kop(c, "Resultaat")
    c.print(wp.get("resultaat") or "—")
    if wp.get("resultaat_aanvullend"):
        c.print(Text(f"[{AANVULLEND}] ", style="magenta") + Text(wp["resultaat_aanvullend"]))
    c.print()
    _kop(c, "Gedrag")
    if wp.get("gedrag_inleiding"):
        c.print(wp["gedrag_inleiding"])
    for g in wp.get("gedrag", []):
        t = Text("• ") + Text(g["tekst"])
        if g.get("aanvullend"):
            t.append(f"  [{AANVULLEND}]", style="magenta")
        c.print(t)
    c.print()
    _kop(c, "Competenties")
    for comp in wp["competenties"]:
        t = Text(f"{comp['letter'] or '?'}  {comp['naam']}", style="bold green")
        if comp.get("aanvullend"):
            t.append(f"  [{AANVULLEND}]", style="magenta")
        c.print(t)
    c.print()


def render_parse_2015(c: Console, dossier) -> None:
    """Summary of a parsed SBB dossier: header, then per profile its crebo, niveau and codes."""
    head = f"{dossier.titel} (crebo {dossier.crebo or '?'}, 2015 model, SBB XML)"
    if dossier.geldig_vanaf:
        head += f", geldig vanaf {dossier.geldig_vanaf:%d-%m-%Y}"
    c.print(Text(head, style="bold"))
    for p in dossier.profielen:
        wps = list(p.werkprocessen())
        basis = [wp.code for wp in wps if wp.deel == "basis"]
        eigen = [wp.code for wp in wps if wp.deel == "profiel"]
        extra = sum(
            bool(wp.omschrijving_aanvullend or wp.resultaat_aanvullend)
            + sum(g.aanvullend for g in wp.gedrag)
            + sum(k.aanvullend for k in wp.competenties)
            for wp in wps
        )
        c.print(
            f"{p.code} {p.naam} (crebo {p.crebo or '?'}, niveau {p.niveau}): {len(p.kerntaken)} kerntaken, "
            f"{len(basis)} basis + {len(eigen)} profiel werkprocessen ({' '.join(eigen)}), {extra} aanvullend additions"
        )
    for u in dossier.onverwerkte_regels:
        c.print(f"  not resolved: line {u.regel}: {u.tekst}")


def render_wp_diff_2015(c: Console, w: dict, words) -> None:
    """The 2015 keys of one werkproces entry of a diff: resultaat, gedrag bullets, aanvullend."""
    if w.get("resultaat"):
        c.print(Text("Resultaat: ", style="bold") + words(w["resultaat"]["woorden"]))
    g = w.get("gedrag") or {}
    for x in g.get("added", []):
        c.print(Text(f"+ gedrag: {x}", style="green"))
    for x in g.get("removed", []):
        c.print(Text(f"− gedrag: {x}", style="red"))
    for ch in g.get("changed", []):
        c.print(Text("~ gedrag: ", style="yellow") + words(ch["woorden"]))
    av = w.get("aanvullend")
    if av and not av.get("gelijk"):
        for side, style in (("a", "red"), ("b", "green")):
            s = av[side]
            parts = [f"{k} {len(v) if isinstance(v, list) else 'text'}" for k, v in s.items() if v]
            c.print(Text(f"aanvullend {side.upper()}: ", style=f"bold {style}") + Text(", ".join(parts) or "none"))
        for key in ("omschrijving", "resultaat"):
            if av.get(key):
                c.print(Text(f"  aanvullend {key}: ", style="bold") + words(av[key]["woorden"]))


def render_overlap_2015(c: Console, o: dict) -> None:
    c.print(
        Text(
            f"Basisdeel: {o['basis_gedeeld']} werkprocessen shared, {o['basis_identiek']} identical; "
            f"aanvullend in A: {' '.join(o['basis_met_aanvullend_a']) or '—'}; in B: {' '.join(o['basis_met_aanvullend_b']) or '—'}. "
            f"Profieldeel: {o['profieldeel_a']} (A) and {o['profieldeel_b']} (B) werkprocessen, {o['profieldeel_gepaard']} alike.",
            style="bold",
        )
    )


def md_lines_2015(w: dict, words) -> list[str]:
    """Markdown lines for the 2015 keys of one werkproces entry of a diff."""
    lines = []
    if w.get("resultaat"):
        lines.append(f"- Resultaat: {words(w['resultaat']['woorden'])}")
    g = w.get("gedrag") or {}
    lines += [f"- Gedrag erbij: {x}" for x in g.get("added", [])]
    lines += [f"- Gedrag eraf: {x}" for x in g.get("removed", [])]
    lines += [f"- Gedrag gewijzigd: {words(ch['woorden'])}" for ch in g.get("changed", [])]
    av = w.get("aanvullend")
    if av and not av.get("gelijk"):
        for key in ("omschrijving", "resultaat"):
            if av.get(key):
                lines.append(f"- Aanvullend {key}: {words(av[key]['woorden'])}")
    return lines


def html_items_2015(w: dict, e) -> list[str]:
    """List items (added/removed gedrag bullets) for the HTML diff report."""
    g = w.get("gedrag") or {}
    items = [f"<li class='added'>+ gedrag: {e(x)}</li>" for x in g.get("added", [])]
    items += [f"<li class='removed'>− gedrag: {e(x)}</li>" for x in g.get("removed", [])]
    return items


def html_pairs_2015(w: dict, words) -> list[tuple[str, str, str]]:
    """Side-by-side word diffs (resultaat, changed gedrag bullets, aanvullend texts) for the HTML report."""
    pairs = []
    if w.get("resultaat"):
        ops = w["resultaat"]["woorden"]
        pairs.append(("Resultaat", words(ops, "a"), words(ops, "b")))
    for ch in (w.get("gedrag") or {}).get("changed", []):
        pairs.append(("Gedrag", words(ch["woorden"], "a"), words(ch["woorden"], "b")))
    av = w.get("aanvullend")
    if av and not av.get("gelijk"):
        for key in ("omschrijving", "resultaat"):
            if av.get(key):
                ops = av[key]["woorden"]
                pairs.append((f"Aanvullend {key}", words(ops, "a"), words(ops, "b")))
    return pairs


def render_kerntaak_2015(c: Console, r: dict, multi: bool) -> None:
    """One kerntaak of a profile: complexiteit, verantwoordelijkheid, vakkennis, its werkprocessen."""
    kt = r["kerntaak"]
    head = Text(f"{kt['code']} {kt['titel']}", style="bold")
    c.rule(Text.assemble(head, Text(f"  — {r['profiel']}", style="cyan")) if multi else head)
    if not multi:
        c.print(Text(r["profiel"], style="cyan"))
    for key, label in (("complexiteit", "Complexiteit"), ("verantwoordelijkheid", "Verantwoordelijkheid en zelfstandigheid")):
        _kop(c, label)
        c.print(kt.get(key) or "—")
        if kt.get(f"{key}_aanvullend"):
            c.print(Text(f"[{AANVULLEND}] ", style="magenta") + Text(kt[f"{key}_aanvullend"]))
        c.print()
    _kop(c, "Vakkennis en vaardigheden")
    for v in kt.get("vakkennis_en_vaardigheden", []):
        t = Text("• ") + Text(v["tekst"])
        if v.get("aanvullend"):
            t.append(f"  [{AANVULLEND}]", style="magenta")
        c.print(t)
    c.print()
    _kop(c, "Werkprocessen")
    for wp in kt["werkprocessen"]:
        c.print(f"{wp['code']}  {wp['titel']}")
    c.print()


_KT_LABELS = {
    "complexiteit": "complexiteit",
    "complexiteit_aanvullend": "complexiteit (aanvullend)",
    "verantwoordelijkheid": "verantwoordelijkheid",
    "verantwoordelijkheid_aanvullend": "verantwoordelijkheid (aanvullend)",
}


def render_kerntaken_2015(c: Console, kerntaken: dict, words) -> None:
    """Kerntaak-level differences of two 2015 profiles (or versions)."""
    for code, k in kerntaken.items():
        if not k["changed"]:
            continue
        c.rule(Text(f"Kerntaak {code}", style="bold"))
        for key, label in _KT_LABELS.items():
            if k.get(key):
                c.print(Text(f"{label}: ", style="bold") + words(k[key]["woorden"]))
        vk = k["vakkennis_en_vaardigheden"]
        for x in vk["added"]:
            c.print(Text(f"+ vakkennis: {x}", style="green"))
        for x in vk["removed"]:
            c.print(Text(f"− vakkennis: {x}", style="red"))
        for ch in vk["changed"]:
            c.print(Text("~ vakkennis: ", style="yellow") + words(ch["woorden"]))


def md_kerntaken_2015(kerntaken: dict, words) -> list[str]:
    lines: list[str] = []
    for code, k in kerntaken.items():
        if not k["changed"]:
            continue
        lines += ["", f"## Kerntaak {code}", ""]
        lines += [f"- {label}: {words(k[key]['woorden'])}" for key, label in _KT_LABELS.items() if k.get(key)]
        vk = k["vakkennis_en_vaardigheden"]
        lines += [f"- Vakkennis erbij: {x}" for x in vk["added"]]
        lines += [f"- Vakkennis eraf: {x}" for x in vk["removed"]]
        lines += [f"- Vakkennis gewijzigd: {words(ch['woorden'])}" for ch in vk["changed"]]
    return lines
