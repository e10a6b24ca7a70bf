"""Rules before the basisdeel and between parts: the cover and colofon, the table of contents,
the leeswijzer and overzicht (boilerplate), and the section headings that switch zones."""

from __future__ import annotations

from ...taal import _
from . import woorden
from .records import Blok, CoverProfiel, Waarde
from .state import Disp, State, Zone

_SECTIE_ZONES = {
    woorden.INHOUDSOPGAVE.casefold(): Zone.INHOUD,
    woorden.LEESWIJZER.casefold(): Zone.LEESWIJZER,
    woorden.OVERZICHT.casefold(): Zone.OVERZICHT,
    woorden.BASISDEEL.casefold(): Zone.BASIS,
    woorden.TYPERING_BEROEPENGROEP.casefold(): Zone.TYPERING,
    woorden.BEROEPSSPECIFIEK.casefold(): Zone.BASIS,
    woorden.GENERIEK.casefold(): Zone.GENERIEK,
    woorden.PROFIELDEEL.casefold(): Zone.PROFIELDEEL,
}


def rule_sectie(st: State, no: int) -> int | None:
    """A section heading on a line of its own (a number before it allowed)."""
    m = woorden.SECTIE_NUMMER.match(st.s(no))
    zone = _SECTIE_ZONES.get(m.group("kop").casefold()) if m else None
    if zone is None or not (st.kop_stijl(no) or st.alinea(no)):
        return None
    st.zone = zone
    st.kt = st.wp = st.blok = None
    st.veld = None
    if zone is Zone.TYPERING or zone is Zone.BASIS:
        st.profiel = None
    if zone is Zone.GENERIEK:
        r = st.r(no)
        if st.dossier.generiek is not None:
            raise st.fail(
                no,
                _("a second '{heading}' (first on page {page})").format(
                    heading=woorden.GENERIEK, page=st.dossier.generiek.pagina
                ),
            )
        # the heading is the first line of the text, as in the XML's HTML
        blok = st.dossier.generiek = st.open(Blok("generiek", no, r.pagina))
        blok.add(no, m.group("kop") if m else st.s(no), True)
        st.claim(no, Disp.MODEL)
        return no + 1
    st.claim(no, Disp.LABEL)
    return no + 1


def rule_toc_entry(st: State, no: int) -> int | None:
    """A table-of-contents entry: title, dot leaders, page number (anywhere: never content)."""
    m = woorden.TOC_ENTRY.match(st.s(no))
    if not m:
        return None
    _toc_code(st, m.group("titel"), no)
    st.claim(no, Disp.LABEL)
    return no + 1


def rule_toc_plain(st: State, no: int) -> int | None:
    """Inside the Inhoudsopgave: an entry without leaders, or the first line of a wrapped one."""
    m = woorden.TOC_PLAIN.match(st.s(no))
    if m:
        _toc_code(st, m.group("titel"), no)
        st.claim(no, Disp.LABEL)
        return no + 1
    nxt = st.next_body(no)
    for j in (nxt, st.next_body(nxt) if nxt else None):
        if j is not None and (woorden.TOC_ENTRY.match(st.s(j)) or woorden.TOC_PLAIN.match(st.s(j))):
            _toc_code(st, f"{st.s(no)} {st.s(j)}", no)
            st.claim(no, Disp.LABEL)
            return no + 1
    return None


def _toc_code(st: State, titel: str, no: int) -> None:
    m = woorden.KERNTAAK_KOP.match(titel) or woorden.WERKPROCES_KOP.match(titel)
    if m:
        st.dossier.toc_codes.setdefault(m.group("code"), no)


def rule_boilerplate(st: State, no: int) -> int | None:
    """Leeswijzer and overzicht: text about the dossier, not of it."""
    st.claim(no, Disp.LABEL)
    return no + 1


# ---------------------------------------------------------------- cover


def _waarde(st: State, no: int, text: str) -> Waarde:
    return Waarde(text, no, st.r(no).pagina)


def rule_titel(st: State, no: int) -> int | None:
    """'Kwalificatiedossier <naam>' (the name may stand on the next lines, in the same font)."""
    d = st.dossier
    text = st.s(no)
    word = woorden.KWALIFICATIEDOSSIER
    if d.titel is not None or not text.startswith(word) or (len(text) > len(word) and text[len(word)] not in " :"):
        return None
    from .rules_common import title_lines

    first = text[len(word) :].lstrip(" :").strip()
    parts, last = title_lines(st, no, first)
    if not parts:
        return None
    d.titel = _waarde(st, no, " ".join(" ".join(parts).split()))
    st.claim_range(no, last, Disp.MODEL)
    return last + 1


def rule_cover_profiel(st: State, no: int) -> int | None:
    """'» <profiel> (Crebonr. 25xxx)'; a long name may wrap onto the next line."""
    text = st.s(no)
    acc, j = text, no
    for _tries in range(2):
        m = woorden.PROFIEL_CREBO.match(acc)
        if m:
            naam = m.group("naam").lstrip(woorden.COVER_BULLETS).strip()
            st.dossier.cover.append(CoverProfiel(" ".join(naam.split()), m.group("crebo"), no))
            st.claim_range(no, j, Disp.MODEL)
            return j + 1
        if text[:1] not in woorden.COVER_BULLETS:
            return None
        nxt = st.next_body(j)
        if nxt is None:
            return None
        acc, j = f"{acc} {st.s(nxt)}", nxt
    return None


def rule_cover_waarden(st: State, no: int) -> int | None:
    """Crebo, geldig vanaf, version, opleidingsdomein, vaststelling; colofon lines as labels."""
    text, d = st.s(no), st.dossier
    if (m := woorden.DOSSIER_CREBO.match(text)) and d.crebo is None:
        d.crebo = _waarde(st, no, m.group("crebo"))
    elif (m := woorden.GELDIG_VANAF.match(text)) and d.geldig_vanaf is None:
        d.geldig_vanaf = _waarde(st, no, m.group("datum"))
    elif woorden.GEWIJZIGD.match(text) and d.versie is None:
        d.versie = _waarde(st, no, " ".join(text.split()))
    elif (m := woorden.OPLEIDINGSDOMEIN.match(text)) and d.sector is None:
        d.sector = _waarde(st, no, m.group("domein"))
    elif (m := woorden.VASTGESTELD_OP.match(text)) and d.vastgesteld_op is None:
        d.vastgesteld_op = _waarde(st, no, m.group("datum"))
    elif woorden.PROFIELEN_LABEL.match(text) or woorden.COLOFON.match(text):
        st.claim(no, Disp.LABEL)
        return no + 1
    else:
        return None
    st.claim(no, Disp.MODEL)
    return no + 1
