"""The line cursor: global rules first, then the rules of the current zone.

Every rule is `rule(state, no) -> next line | None` (it claims lines or passes), in the
manner of markdown-it's block rules. Every line ends up with a disposition: model,
furniture, label, blank, or none (unplaced: reported, never dropped).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model.m2012 import Dossier2012
from ..tekst import Hyphenator
from . import rules_algemeen, rules_detail, rules_global, rules_matrix
from .build import build
from .evidence import components_per_letter
from .state import DetailStap, Disp, Rule, State, Zone

# enum members as module constants (member access is a descriptor call on Python 3.11)
_LEEG = Disp.LEEG
_DETAIL = Zone.DETAIL

ZONE_RULES: dict[Zone, Sequence[Rule]] = {
    Zone.START: (),
    Zone.ALGEMEEN: rules_algemeen.RULES,
    Zone.MATRIX: rules_matrix.RULES,
    Zone.DETAIL: rules_detail.RULES,
}


class Parser:
    """kolommen: optional tag per line from a layout-aware front end (pdf.py): "opmaak",
    "label", "tekst", "matrix", "boilerplate", "kop", "vakkennis", "naam", "competentie",
    "indicator", "kerntaak". A tag replaces the guesswork that plain extracted text needs.
    kruisen: the crossed letters of a matrix row's line (see parse_lines)."""

    def __init__(
        self,
        lines: list[str],
        path: str = "<input>",
        kolommen: list[str | None] | None = None,
        paginas: list[int] | None = None,
        kruisen: list[tuple[str, ...] | None] | None = None,
    ) -> None:
        self.state = State(
            lines=lines,
            path=path,
            kolommen=list(kolommen) if kolommen else [None] * len(lines),
            paginas=paginas or [],
            h=Hyphenator("\n".join(lines), regels=lines),
            componenten={},
            kruisen=list(kruisen) if kruisen else [],
        )

    @property
    def disp(self) -> list[str | None]:
        """Disposition per line, 1-based (index 0 unused)."""
        return [d.value if d is not None else None for d in self.state.disp]

    def run(self) -> Dossier2012:
        st = self.state
        st.componenten = components_per_letter(st)
        st.h.vastleggen()
        tagged = any(k is not None for k in st.kolommen)
        by_first: dict[str, Sequence[Rule]] = {}
        detail = {stap: rules_detail.rules_for(stap, tagged) for stap in DetailStap}
        no = 1
        while no <= st.n:
            nxt = None
            first = st.stripped[no - 1][:1]
            rules = by_first.get(first)
            if rules is None:
                rules = by_first[first] = rules_global.rules_for(first, tagged)
            for rule in rules:
                nxt = rule(st, no)
                if nxt is not None:
                    break
            else:
                zone = st.zone
                for rule in detail[st.stap] if zone is _DETAIL else ZONE_RULES[zone]:
                    nxt = rule(st, no)
                    if nxt is not None:
                        break
            if nxt is None:
                nxt = no + 1  # unplaced: left without disposition
            if st.disp[no] is not _LEEG:
                st.blank_before = False
            no = nxt
        return build(st)
