"""The line cursor: for each line the rules of the current zone, in order, until one claims
it (in the manner of markdown-it's block rules). Every line ends with a disposition: model,
furniture, label, or none (unplaced: reported, never dropped)."""

from __future__ import annotations

from collections.abc import Sequence

from . import woorden
from .records import Blok
from .regels import Regels
from .rules_common import Rule, joined_phrase, labels_rule, rule_aanvullend, rule_content
from .rules_koppen import rule_kerntaak_kop, rule_profiel_kop, rule_werkproces_kop
from .rules_voorblad import (
    rule_boilerplate,
    rule_cover_profiel,
    rule_cover_waarden,
    rule_sectie,
    rule_titel,
    rule_toc_entry,
    rule_toc_plain,
)
from .state import Disp, State, Zone


def rule_competenties(st: State, no: int) -> int | None:
    """'De onderliggende competenties zijn: <names>' (wrapped anywhere): the werkproces's
    competences, or an addition's when it follows 'Voor ... geldt aanvullend:' at once."""
    if st.wp is None:
        return None
    hit = joined_phrase(st, no, woorden.COMPETENTIES)
    if hit is None:
        return None
    last, rest = hit
    if st.blok is not None and st.blok.profiel is not None and not st.blok.regels:
        st.blok.veld = "competenties"  # the addition's own phrase
    else:
        r = st.r(no)
        st.wp.blokken.append(st.open(Blok("competenties", no, r.pagina, x0=r.x0)))
    st.veld = "competenties"
    assert st.blok is not None
    st.claim_range(no, last, Disp.LABEL)
    if rest:
        st.blok.add(last, rest, True)
        st.claim(last, Disp.MODEL)
    return last + 1


def rule_profiel_crebo(st: State, no: int) -> int | None:
    m = woorden.DOSSIER_CREBO.match(st.s(no))
    if m is None or st.profiel is None or st.profiel.crebo is not None:
        return None
    st.profiel.crebo = m.group("crebo")
    st.claim(no, Disp.MODEL)
    return no + 1


_KOPPEN: tuple[Rule, ...] = (rule_toc_entry, rule_sectie, rule_kerntaak_kop, rule_werkproces_kop)

ZONE_RULES: dict[Zone, Sequence[Rule]] = {
    Zone.VOORBLAD: (rule_toc_entry, rule_sectie, rule_titel, rule_cover_profiel, rule_cover_waarden),
    Zone.INHOUD: (rule_toc_entry, rule_toc_plain, rule_sectie),
    Zone.LEESWIJZER: (rule_toc_entry, rule_sectie, rule_boilerplate),
    Zone.OVERZICHT: (rule_toc_entry, rule_sectie, rule_boilerplate),
    Zone.BASIS: _KOPPEN,
    Zone.TYPERING: (*_KOPPEN, labels_rule(woorden.TYPERING_LABELS), rule_content),
    Zone.KERNTAAK: (*_KOPPEN, labels_rule(woorden.KERNTAAK_LABELS), rule_aanvullend, rule_profiel_kop, rule_content),
    Zone.WERKPROCES: (
        *_KOPPEN,
        labels_rule(woorden.WERKPROCES_LABELS),
        rule_competenties,
        rule_aanvullend,
        rule_profiel_kop,
        rule_content,
    ),
    Zone.GENERIEK: (rule_toc_entry, rule_sectie, rule_content),
    Zone.PROFIELDEEL: (*_KOPPEN, rule_profiel_kop),
    Zone.PROFIEL: (*_KOPPEN, labels_rule(woorden.PROFIEL_LABELS), rule_profiel_crebo, rule_profiel_kop, rule_content),
}


def run(regels: Regels, path: str) -> State:
    st = State(regels.regels, regels.paginas, regels.body_size, path, pitch=regels.pitch)
    for no in regels.opmaak:
        st.claim(no, Disp.OPMAAK)
    no = 1
    while no <= st.n:
        if st.disp[no] is Disp.OPMAAK:
            no += 1
            continue
        nxt = None
        for rule in ZONE_RULES[st.zone]:
            nxt = rule(st, no)
            if nxt is not None:
                break
        if nxt is None:
            nxt = no + 1  # unplaced: left without disposition
        last = nxt - 1
        while last >= no and st.disp[last] is Disp.OPMAAK:
            last -= 1
        if last >= no:
            st.vorige = st.r(last)
        no = nxt
    if st.profiel is not None and st.vorige is not None:
        st.profiel.laatste = st.vorige.no
    return st
