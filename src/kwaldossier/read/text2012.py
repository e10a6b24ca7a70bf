"""Text parser: lines of an extracted dossier -> Dossier model.

A cursor walks the lines. Global rules (page furniture, headings, werkproces headers) are tried
first; each claims its line(s) or passes. What no global rule claims goes to the handler of the
current zone (algemene informatie, matrix, detail). Every line ends up with a disposition:
model, furniture, label, blank or unplaced. Unplaced lines are reported, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..model import competenties as reference
from ..model.dossier import (
    AlgemeneInformatie,
    Competentie,
    Dossier,
    Herstelling,
    Kerntaak,
    OnverwerkteRegel,
    Profiel,
    Regelverantwoording,
    VakkennisItem,
    Werkproces,
    WerkprocesBron,
)
from .tekst import Hyphenator, read_lines

MODEL, OPMAAK, LABEL, LEEG = "model", "opmaak", "label", "leeg"

BULLET = "•"
_PAGINA = re.compile(r"^Pagina \d+ van \d+$")
_FOOTER = re.compile(r"^Kwalificatiedossier\s+(?P<titel>.+?)\s*,\s*geldig vanaf\s+(?P<datum>.+)$")
_SECTIE = re.compile(r"^\d+\.\d+\s+(?P<naam>\S.*)$")
_KERNTAAK_KOP = re.compile(r"^Kerntaak\s+(?P<code>\d+)\s+(?P<titel>\S.*)$")
_KERNTAAK_MATRIX = re.compile(r"^Kerntaak\s+(?P<code>\d+)$")
_MATRIX_KOP = re.compile(r"^Proces-competentie-matrix\s+(?P<naam>\S.*)$")
_DETAIL_KOP = re.compile(r"^Detaillering proces-competentie-matrix\s+(?P<naam>\S.*)$")
_WP_KOP = re.compile(r"^(?P<code>\d+\.\d+)\s+werkproces:\s*(?P<titel>\S.*)$")
_WP_RIJ = re.compile(r"^(?P<code>\d+\.\d+)\s+(?P<rest>\S.*)$")
_ROW_ONLY = re.compile(r"^[ x]+$")
_INLINE_ROW = re.compile(r"^(?P<titel>.*?\S) (?P<rij>[ x]*)$")
_LETTERS = " ".join(reference.LETTERS)
_KOLOMMEN = "Vakkennis en vaardigheden"
_LEAKED_LABEL = re.compile(r"^Prestatie-?\s?indicator:?\s+", re.IGNORECASE)
_BOILERPLATE = (
    "Betekenis van de kerntaak voor deze kwalificatie",
    "In deze matrix is per kerntaak aangegeven welke competenties aangewend worden",
    "door middel van een kruisje in de matrix.",
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        start=1,
    )
}

ALGEMEEN_LABELS: tuple[tuple[str, str], ...] = (
    ("Context van de kwalificatie", "context"),
    ("Typerende beroepshouding", "beroepshouding"),
    ("Niveau van de beroepsuitoefening", "niveau"),
    ("Rol en verantwoordelijkheden", "rol_en_verantwoordelijkheden"),
    ("Complexiteit", "complexiteit"),
    ("Wettelijke beroepsvereisten", "wettelijke_beroepsvereisten"),
    ("Branche vereisten", "branchevereisten"),
    ("Branchevereisten", "branchevereisten"),
    ("Nederlands en rekenen", "nederlands_en_rekenen"),
    ("Moderne vreemde talen", "moderne_vreemde_talen"),
)


# ---------------------------------------------------------------- builders


@dataclass
class TextB:
    """Lines of one text field, joined at the end (hyphen-aware)."""

    paragraphs: list[list[str]] = field(default_factory=list)
    regels: list[int] = field(default_factory=list)

    def add(self, no: int, text: str, new_paragraph: bool = False) -> None:
        if new_paragraph or not self.paragraphs:
            self.paragraphs.append([])
        self.paragraphs[-1].append(text)
        self.regels.append(no)

    def build(self, h: Hyphenator) -> str:
        return self.build_with_offsets(h)[0]

    def build_with_offsets(self, h: Hyphenator) -> tuple[str, list[int]]:
        parts: list[str] = []
        offsets: list[int] = []
        pos = 0
        for p in self.paragraphs:
            if not p:
                continue
            text, offs = h.join_with_offsets(p)
            offsets += [pos + o for o in offs]
            parts.append(text)
            pos += len(text) + 1
        return "\n".join(parts), offsets

    def __bool__(self) -> bool:
        return bool(self.regels)


@dataclass
class ItemB:
    lines: list[str] = field(default_factory=list)
    regels: list[int] = field(default_factory=list)
    blank_after_first: bool = False

    def add(self, no: int, text: str) -> None:
        self.lines.append(text)
        self.regels.append(no)

    def text(self, h: Hyphenator) -> str:
        return h.join_all(self.lines)


@dataclass
class CompetentieB:
    letter: str | None
    naam: str
    regels: list[int]
    componenten: list[ItemB] = field(default_factory=list)
    indicator: TextB = field(default_factory=TextB)


@dataclass
class WerkprocesB:
    code: str
    titel_lines: list[str] = field(default_factory=list)
    matrix_regels: list[int] = field(default_factory=list)
    matrix: list[str] | None = None  # None: no row in the matrix
    in_matrix: bool = False
    detail_titel: str | None = None
    kop_regels: list[int] = field(default_factory=list)
    omschrijving: TextB = field(default_factory=TextB)
    gewenst: list[ItemB] = field(default_factory=list)
    vakkennis: list[ItemB] = field(default_factory=list)
    competenties: list[CompetentieB] = field(default_factory=list)


@dataclass
class KerntaakB:
    code: str
    titel: str = ""
    matrix_titel: list[str] = field(default_factory=list)
    regels: list[int] = field(default_factory=list)
    werkprocessen: dict[str, WerkprocesB] = field(default_factory=dict)


@dataclass
class ProfielB:
    naam: str
    regels: list[int] = field(default_factory=list)
    algemeen: dict[str, TextB] = field(default_factory=dict)
    kerntaken: dict[str, KerntaakB] = field(default_factory=dict)

    def kerntaak(self, code: str) -> KerntaakB:
        return self.kerntaken.setdefault(code, KerntaakB(code))

    def werkproces(self, code: str) -> WerkprocesB:
        kt = self.kerntaak(code.split(".")[0])
        return kt.werkprocessen.setdefault(code, WerkprocesB(code))


# ---------------------------------------------------------------- parser


class Parser:
    """kolommen: optional tag per line from a layout-aware front end (pdf.py): "opmaak",
    "label", "tekst", "matrix", "boilerplate", "kop", "vakkennis", "naam", "competentie",
    "indicator". A tag replaces the guesswork that plain extracted text needs."""

    def __init__(
        self,
        lines: list[str],
        path: str = "<input>",
        kolommen: list[str | None] | None = None,
        paginas: list[int] | None = None,
    ) -> None:
        self.lines = lines
        self.path = path
        self.n = len(lines)
        self.kolommen = kolommen or [None] * self.n
        self.paginas = paginas or []
        self.disp: list[str | None] = [None] * (self.n + 1)  # 1-based
        self.h = Hyphenator("\n".join(lines))
        self.bekende_componenten = reference.componenten_uit_tekst(lines)
        self.titel: str | None = None
        self.geldig_vanaf: date | None = None
        self.profielen: list[ProfielB] = []
        self.profiel: ProfielB | None = None
        self.zone = "start"
        # algemene informatie
        self.veld: str | None = None
        # matrix
        self.matrix_kt: KerntaakB | None = None
        self.matrix_state = ""
        self.matrix_wp: WerkprocesB | None = None
        # detail
        self.kerntaak: KerntaakB | None = None
        self.wp: WerkprocesB | None = None
        self.state = ""
        self.blank_before = True
        self.cont_item: ItemB | None = None
        self.herstellingen: list[Herstelling] = []

    # -- helpers

    def s(self, no: int) -> str:
        return self.lines[no - 1].strip() if 1 <= no <= self.n else ""

    def kolom(self, no: int) -> str | None:
        return self.kolommen[no - 1] if 1 <= no <= self.n else None

    def raw(self, no: int) -> str:
        return self.lines[no - 1] if 1 <= no <= self.n else ""

    def claim(self, no: int, how: str) -> None:
        self.disp[no] = how

    def next_nonblank(self, no: int) -> int | None:
        j = no + 1
        while j <= self.n and not self.s(j):
            j += 1
        return j if j <= self.n else None

    def is_bullet(self, no: int) -> bool:
        return self.s(no).startswith(BULLET)

    def profile_for(self, naam: str, no: int) -> ProfielB:
        for p in self.profielen:
            if reference.fold(p.naam) == reference.fold(naam):
                return p
        p = ProfielB(naam=naam, regels=[no])
        self.profielen.append(p)
        return p

    # -- main loop

    def run(self) -> Dossier:
        rules: list[Callable[[int], int | None]] = [
            self.rule_tagged,
            self.rule_blank,
            self.rule_furniture,
            self.rule_profile_heading,
            self.rule_section_heading,
            self.rule_matrix_heading,
            self.rule_detail_heading,
            self.rule_kerntaak_header,
            self.rule_werkproces_header,
            self.rule_boilerplate,
        ]
        handlers = {
            "algemeen": self.zone_algemeen,
            "matrix": self.zone_matrix,
            "detail": self.zone_detail,
        }
        no = 1
        while no <= self.n:
            nxt = None
            for rule in rules:
                nxt = rule(no)
                if nxt is not None:
                    break
            if nxt is None:
                handler = handlers.get(self.zone)
                nxt = handler(no) if handler else None
            if nxt is None:
                nxt = no + 1  # unplaced: left without disposition
            if self.disp[no] != LEEG:
                self.blank_before = False
            no = nxt
        return self.build()

    # -- global rules: each returns the next line number when it claims, else None

    def rule_tagged(self, no: int) -> int | None:
        """Lines a layout-aware front end marked as furniture or boilerplate by position."""
        tag = self.kolom(no)
        if tag == "opmaak":
            m = _FOOTER.match(self.s(no))
            if m:
                self.titel = self.titel or m.group("titel").strip()
                self.geldig_vanaf = self.geldig_vanaf or _parse_date(m.group("datum"))
            self.claim(no, OPMAAK)
            return no + 1
        if tag == "boilerplate":
            self.claim(no, LABEL)
            if self.zone == "matrix":
                self.matrix_state = "klaar"
            return no + 1
        return None

    def rule_blank(self, no: int) -> int | None:
        if self.s(no):
            return None
        # an empty matrix row is whitespace too: the matrix zone decides
        if self.zone == "matrix" and self.matrix_state == "rij" and len(self.raw(no)) >= 20:
            return None
        self.claim(no, LEEG)
        self.blank_before = True
        return no + 1

    def rule_furniture(self, no: int) -> int | None:
        s = self.s(no)
        if _PAGINA.match(s):
            self.claim(no, OPMAAK)
            return no + 1
        m = _FOOTER.match(s)
        if m:
            self.claim(no, OPMAAK)
            self.titel = self.titel or m.group("titel").strip()
            self.geldig_vanaf = self.geldig_vanaf or _parse_date(m.group("datum"))
            return no + 1
        return None

    def rule_profile_heading(self, no: int) -> int | None:
        m = _SECTIE.match(self.s(no))
        nxt = self.next_nonblank(no)
        if not m or nxt is None or self.s(nxt) != "Algemene informatie":
            return None
        self.profiel = self.profile_for(m.group("naam").strip(), no)
        self.claim(no, LABEL)
        for blank in range(no + 1, nxt):
            self.claim(blank, LEEG)
        self.claim(nxt, LABEL)
        self.zone, self.veld = "algemeen", None
        return nxt + 1

    def rule_section_heading(self, no: int) -> int | None:
        m = _SECTIE.match(self.s(no))
        if not m or not self.profielen:
            return None
        if not any(reference.fold(p.naam) == reference.fold(m.group("naam")) for p in self.profielen):
            return None
        self.profiel = self.profile_for(m.group("naam"), no)
        self.claim(no, LABEL)
        return no + 1

    def rule_matrix_heading(self, no: int) -> int | None:
        m = _MATRIX_KOP.match(self.s(no))
        if not m:
            return None
        self.profiel = self.profile_for(m.group("naam").strip(), no)
        self.claim(no, LABEL)
        self.zone, self.matrix_state, self.matrix_kt, self.matrix_wp = "matrix", "kerntaak", None, None
        return no + 1

    def rule_detail_heading(self, no: int) -> int | None:
        m = _DETAIL_KOP.match(self.s(no))
        if not m:
            return None
        self.profiel = self.profile_for(m.group("naam").strip(), no)
        self.claim(no, LABEL)
        self.zone, self.wp, self.state = "detail", None, ""
        return no + 1

    def rule_kerntaak_header(self, no: int) -> int | None:
        m = _KERNTAAK_KOP.match(self.s(no))
        if not m or self.profiel is None:
            return None
        kt = self.profiel.kerntaak(m.group("code"))
        if kt.titel:
            self.claim(no, OPMAAK)  # the running header repeated on every page
        else:
            kt.titel = m.group("titel").strip()
            kt.regels.append(no)
            self.claim(no, MODEL)
        self.kerntaak = kt
        return no + 1

    def rule_werkproces_header(self, no: int) -> int | None:
        m = _WP_KOP.match(self.s(no))
        if not m or self.profiel is None:
            return None
        code, titel = m.group("code"), m.group("titel").strip()
        self.zone = "detail"
        if self.wp is not None and self.wp.code == code:
            # a page break: the same werkproces continues
            self.wp.kop_regels.append(no)
            self.claim(no, OPMAAK)
            if self.state in ("vakkennis", "competenties", "cont"):
                self.state, self.cont_item = "cont", None
            return no + 1
        wp = self.profiel.werkproces(code)
        self.kerntaak = self.profiel.kerntaak(code.split(".")[0])
        if wp.detail_titel is not None:
            # a second detail section for the same code: keep it apart, validation reports it
            wp = WerkprocesB(code)
            self.kerntaak.werkprocessen[f"{code}#{no}"] = wp
        wp.detail_titel = titel
        wp.kop_regels.append(no)
        self.claim(no, MODEL)
        self.wp, self.state = wp, "kop"
        return no + 1

    def rule_boilerplate(self, no: int) -> int | None:
        s = self.s(no)
        if any(s.startswith(b) for b in _BOILERPLATE):
            self.claim(no, LABEL)
            if self.zone == "matrix":
                self.matrix_state = "klaar"
            return no + 1
        return None

    # -- zone: algemene informatie

    def zone_algemeen(self, no: int) -> int | None:
        assert self.profiel is not None
        s = self.s(no)
        found = self._algemeen_label(no) if self.kolom(no) != "tekst" else None
        if found:
            key, rest, consumed = found
            self.veld = key
            tb = self.profiel.algemeen.setdefault(key, TextB())
            for c in consumed:
                self.claim(c, LABEL)
            if rest:
                tb.add(no, rest)
                self.claim(no, MODEL)
            return consumed[-1] + 1
        if self.veld is None:
            return None
        tb = self.profiel.algemeen[self.veld]
        tb.add(no, s, new_paragraph=self.blank_before and bool(tb))
        self.claim(no, MODEL)
        return no + 1

    def _algemeen_label(self, no: int) -> tuple[str, str, list[int]] | None:
        assert self.profiel is not None
        s = self.s(no)
        for label, key in ALGEMEEN_LABELS:
            if key in self.profiel.algemeen:
                continue
            if s == label or s.startswith(label + " "):
                return key, s[len(label) :].strip(), [no]
            nxt = no + 1
            if label.startswith(s + " ") and self.s(nxt) and (s + " " + self.s(nxt)).startswith(label):
                rest = (s + " " + self.s(nxt))[len(label) :].strip()
                return key, rest, [no, nxt]
        return None

    # -- zone: proces-competentie-matrix

    def zone_matrix(self, no: int) -> int | None:
        assert self.profiel is not None
        s, raw = self.s(no), self.raw(no)
        st = self.matrix_state
        if st == "kerntaak":
            m = _KERNTAAK_MATRIX.match(s)
            if m:
                self.matrix_kt = self.profiel.kerntaak(m.group("code"))
                self.matrix_kt.regels.append(no)
                self.claim(no, MODEL)
                self.matrix_state = "kt_titel"
                return no + 1
            return None
        if st == "kt_titel":
            if s == "Competenties":
                self.claim(no, LABEL)
                self.matrix_state = "letters"
                return no + 1
            assert self.matrix_kt is not None
            self.matrix_kt.matrix_titel.append(s)
            self.claim(no, MODEL)
            return no + 1
        if st == "letters":
            if s == _LETTERS:
                self.claim(no, LABEL)
                return no + 1
            if s == "Werkprocessen":
                self.claim(no, LABEL)
                self.matrix_state = "rij"
                return no + 1
            return None
        if st == "rij":
            return self._matrix_row(no, s, raw)
        return None

    def _matrix_row(self, no: int, s: str, raw: str) -> int | None:
        assert self.profiel is not None and self.matrix_kt is not None
        wp = self.matrix_wp
        if _is_row(raw):
            if wp is None or wp.matrix is not None:
                return None
            letters = _decode_row(raw)
            if letters is None:
                return None
            wp.matrix = letters
            wp.matrix_regels.append(no)
            self.claim(no, MODEL)
            return no + 1
        m = _WP_RIJ.match(s)
        if m and m.group("code").split(".")[0] == self.matrix_kt.code:
            wp = self.profiel.werkproces(m.group("code"))
            wp.in_matrix = True
            wp.matrix_regels.append(no)
            self.matrix_wp = wp
            rest = raw.split(m.group("code"), 1)[1][1:]
            inline = _INLINE_ROW.match(rest)
            if inline and _is_row(inline.group("rij")):
                letters = _decode_row(inline.group("rij"))
                if letters is not None:
                    wp.titel_lines.append(inline.group("titel").strip())
                    wp.matrix = letters
                    self.claim(no, MODEL)
                    return no + 1
            wp.titel_lines.append(rest.strip())
            self.claim(no, MODEL)
            return no + 1
        if wp is not None and wp.matrix is None and not self.blank_before:
            wp.titel_lines.append(s)  # a wrapped label
            wp.matrix_regels.append(no)
            self.claim(no, MODEL)
            return no + 1
        return None

    # -- zone: detail pages

    def zone_detail(self, no: int) -> int | None:
        wp = self.wp
        if wp is None:
            return None
        s = self.s(no)
        if s.startswith("Omschrijving") and self.state in ("kop",):
            self.state = "omschrijving"
            rest = s[len("Omschrijving") :].strip()
            if rest:
                wp.omschrijving.add(no, rest)
                self.claim(no, MODEL)
            else:
                self.claim(no, LABEL)
            return no + 1
        if s.startswith("Gewenst resultaat") and self.state in ("kop", "omschrijving"):
            self.state = "gewenst"
            rest = s[len("Gewenst resultaat") :].strip()
            if rest:
                self._gewenst(no, rest)
            else:
                self.claim(no, LABEL)
            return no + 1
        if s.startswith(_KOLOMMEN) and self.state in ("kop", "omschrijving", "gewenst"):
            self.state = "vakkennis"
            self.claim(no, LABEL)
            return no + 1
        if s.startswith(_KOLOMMEN) and self.kolom(no) == "label":
            self.claim(no, LABEL)  # the table header repeated on a continuation page
            return no + 1
        if self.state == "omschrijving":
            wp.omschrijving.add(no, s, new_paragraph=self.blank_before)
            self.claim(no, MODEL)
            return no + 1
        if self.state == "gewenst":
            self._gewenst(no, s)
            return no + 1
        tag = self.kolom(no)
        if tag in ("vakkennis", "naam", "competentie", "indicator") and self.state in ("vakkennis", "cont", "competenties"):
            return self._tagged_column(no, s, tag)
        if self.state == "vakkennis":
            return self._vakkennis(no, s)
        if self.state == "cont":
            return self._continuation(no, s)
        if self.state == "competenties":
            return self._competenties(no, s)
        return None

    def _tagged_column(self, no: int, s: str, tag: str) -> int | None:
        """A line whose column the layout told us: no guessing needed."""
        assert self.wp is not None
        if tag == "vakkennis":
            if s.startswith(BULLET):
                self._new_vakkennis(no, s)
            elif self.wp.vakkennis:
                self.wp.vakkennis[-1].add(no, s)  # a wrapped item, also over a page break
            else:
                return None
            self.claim(no, MODEL)
            return no + 1
        self.state = "competenties"
        if tag == "naam":
            letter = reference.letter_for_name(s)
            if letter is None:
                close = reference.closest_competentie(s)
                letter = close[0] if close else None
            return self._start_competentie(no, letter, s, [no])
        comps = self.wp.competenties
        if not comps:
            return None
        comp = comps[-1]
        if tag == "competentie":
            if s.startswith(BULLET):
                item = ItemB()
                item.add(no, s[1:].strip())
                comp.componenten.append(item)
            elif comp.componenten:
                comp.componenten[-1].add(no, s)
            else:
                return None
        else:
            comp.indicator.add(no, self._drop_leaked_label(comp, no, s))
        comp.regels.append(no)
        self.claim(no, MODEL)
        return no + 1

    def _gewenst(self, no: int, s: str) -> None:
        assert self.wp is not None
        items = self.wp.gewenst
        if s[:1] in ("-", BULLET, "–") and (len(s) == 1 or s[1] == " "):
            items.append(ItemB())
            s = s[1:].strip()
        elif not items:
            items.append(ItemB())
        items[-1].add(no, s)
        self.claim(no, MODEL)

    def _new_vakkennis(self, no: int, s: str) -> ItemB:
        """A bullet line starts a vakkennis item."""
        assert self.wp is not None
        item = ItemB()
        item.add(no, s[1:].strip())
        self.wp.vakkennis.append(item)
        return item

    def _drop_leaked_label(self, comp: CompetentieB, no: int, s: str) -> str:
        """A 'Prestatie-indicator' label leaked before the indicator text: drop it, record it."""
        m = _LEAKED_LABEL.match(s)
        if m and not comp.indicator:
            self.herstellingen.append(Herstelling(regel=no, soort="label-verwijderd", tekst=s[: m.end()].strip()))
            return s[m.end() :]
        return s

    def _accepts_continuation(self, item: ItemB | None) -> bool:
        if item is None:
            return False
        if not self.blank_before:
            return True
        # a wrapped bullet only skips a blank line right after its first line
        return len(item.lines) == 1 and not item.lines[0].rstrip().endswith("(t)")

    def _vakkennis(self, no: int, s: str) -> int | None:
        assert self.wp is not None
        if s.startswith(BULLET):
            self._new_vakkennis(no, s)
            self.claim(no, MODEL)
            return no + 1
        naam = self._competentie_naam(no, structural=self.blank_before)
        if naam:
            self.state = "competenties"
            return self._start_competentie(no, *naam)
        last = self.wp.vakkennis[-1] if self.wp.vakkennis else None
        if last is not None:
            last.add(no, s)
            self.claim(no, MODEL)
            return no + 1
        return None

    def _continuation(self, no: int, s: str) -> int | None:
        """First lines after a repeated header: vakkennis column, then competence column."""
        assert self.wp is not None
        last_comp = self.wp.competenties[-1] if self.wp.competenties else None
        if s.startswith(BULLET):
            if last_comp and reference.component_prefix(last_comp.letter or "", s[1:].strip(), self.bekende_componenten):
                self.state = "competenties"
                return self._competenties(no, s)
            self.cont_item = self._new_vakkennis(no, s)
            self.claim(no, MODEL)
            return no + 1
        naam = self._competentie_naam(no, structural=self.blank_before)
        if naam:
            self.state = "competenties"
            return self._start_competentie(no, *naam)
        if self._accepts_continuation(self.cont_item):
            assert self.cont_item is not None
            self.cont_item.add(no, s)
            self.claim(no, MODEL)
            return no + 1
        if last_comp is None:
            return None
        # the competence column resumes: the tail of the last prestatie-indicator
        self.state = "competenties"
        last_comp.indicator.add(no, s)
        last_comp.regels.append(no)
        self.claim(no, MODEL)
        return no + 1

    def _competentie_naam(
        self, no: int, structural: bool, unknown: bool = False
    ) -> tuple[str | None, str, list[int]] | None:
        """A competence name at `no` (one line or wrapped over two), or None.

        Exact names always count. After a blank line, a line (or two) directly followed by a
        bullet also counts when it is close to a known name (a misspelling), or, with
        `unknown`, whatever it says: in the competence column nothing else has that shape.
        """
        s = self.s(no)
        if not s or s.startswith(BULLET):
            return None
        letter = reference.letter_for_name(s)
        if letter:
            return letter, s, [no]
        nxt = self.s(no + 1)
        if nxt and not nxt.startswith(BULLET):
            joined = s + " " + nxt
            letter = reference.letter_for_name(joined)
            if letter:
                return letter, joined, [no, no + 1]
        if not structural:
            return None
        candidates: list[tuple[str, list[int]]] = []
        if nxt.startswith(BULLET):
            candidates.append((s, [no]))
        elif nxt and self.s(no + 2).startswith(BULLET):
            candidates.append((s + " " + nxt, [no, no + 1]))
        for naam, regels in candidates:
            close = reference.closest_competentie(naam)
            if close or unknown:
                return (close[0] if close else None), naam, regels
        return None

    def _start_competentie(self, no: int, letter: str | None, naam: str, regels: list[int]) -> int:
        assert self.wp is not None
        # a misspelled name keeps its closest letter; validation flags the spelling
        comp = CompetentieB(letter=letter, naam=naam, regels=list(regels))
        self.wp.competenties.append(comp)
        for r in regels:
            self.claim(r, MODEL)
        return regels[-1] + 1

    def _competenties(self, no: int, s: str) -> int | None:
        assert self.wp is not None
        comps = self.wp.competenties
        naam = self._competentie_naam(no, structural=self.blank_before, unknown=True)
        if naam:
            return self._start_competentie(no, *naam)
        if not comps:
            return None
        comp = comps[-1]
        if s.startswith(BULLET):
            text = s[1:].strip()
            known = reference.component_prefix(comp.letter or "", text, self.bekende_componenten)
            item = ItemB()
            if known and reference.fold(known) != reference.fold(text):
                # two columns merged on one line: component, then the indicator's tail
                tail = text[len(known) :].strip()
                item.add(no, known)
                comp.indicator.add(no, tail)
                self.herstellingen.append(
                    Herstelling(regel=no, soort="kolommen-gesplitst", tekst=s)
                )
            else:
                item.add(no, text)
            comp.componenten.append(item)
            comp.regels.append(no)
            self.claim(no, MODEL)
            return no + 1
        s = self._drop_leaked_label(comp, no, s)
        if comp.componenten and not comp.indicator and s[:1].islower():
            comp.componenten[-1].add(no, s)  # a component wrapped over a blank line
        else:
            comp.indicator.add(no, s)
        comp.regels.append(no)
        self.claim(no, MODEL)
        return no + 1

    # -- build the model

    def build(self) -> Dossier:
        h = self.h
        profielen = []
        for pb in self.profielen:
            kerntaken = []
            for kb in sorted(pb.kerntaken.values(), key=lambda k: int(k.code)):
                wps = [
                    self._build_wp(wb)
                    for key, wb in sorted(kb.werkprocessen.items(), key=lambda kv: (reference.code_key(kv[0].split("#")[0]), kv[0]))
                ]
                titel = kb.titel or h.join_all(kb.matrix_titel)
                kerntaken.append(Kerntaak(code=kb.code, titel=titel, werkprocessen=wps, regels=kb.regels))
            fields = {key: tb.build(h) for key, tb in pb.algemeen.items()}
            bron = {key: tb.regels for key, tb in pb.algemeen.items()}
            niveau_m = re.search(r"\d+", fields.get("niveau", ""))
            profielen.append(
                Profiel(
                    naam=pb.naam,
                    niveau=int(niveau_m.group()) if niveau_m else None,
                    algemene_informatie=AlgemeneInformatie(**fields, bron=bron),
                    kerntaken=kerntaken,
                    regels=pb.regels,
                )
            )
        onverwerkt = [
            OnverwerkteRegel(regel=no, tekst=self.lines[no - 1], pagina=self.paginas[no - 1] if self.paginas else None)
            for no in range(1, self.n + 1)
            if self.disp[no] is None
        ]
        counts = {k: sum(1 for d in self.disp[1:] if d == k) for k in (MODEL, OPMAAK, LABEL, LEEG)}
        return Dossier(
            titel=self.titel,
            geldig_vanaf=self.geldig_vanaf,
            bron=Path(self.path).name if self.path else None,
            profielen=profielen,
            onverwerkte_regels=onverwerkt,
            herstellingen=self.herstellingen,
            regel_paginas=self.paginas,
            regelverantwoording=Regelverantwoording(
                totaal=self.n, onverwerkt=len(onverwerkt), **counts
            ),
        )

    def _build_wp(self, wb: WerkprocesB) -> Werkproces:
        h = self.h
        letters = wb.matrix or []
        titel = h.join_all(wb.titel_lines) if wb.titel_lines else (wb.detail_titel or "")
        comps = []
        for cb in wb.competenties:
            indicator, indicator_offsets = cb.indicator.build_with_offsets(h)
            comps.append(
                Competentie(
                    letter=cb.letter,
                    naam=cb.naam,
                    componenten=[c.text(h) for c in cb.componenten],
                    prestatie_indicator=indicator,
                    regels=sorted(set(cb.regels)),
                    componenten_regels=[c.regels[0] for c in cb.componenten],
                    prestatie_indicator_regels=cb.indicator.regels,
                    prestatie_indicator_offsets=indicator_offsets,
                )
            )
        vakkennis = []
        for item in wb.vakkennis:
            tekst = item.text(h)
            taal = tekst.endswith("(t)")
            if taal:
                tekst = tekst[: -len("(t)")].rstrip()
            vakkennis.append(VakkennisItem(tekst=tekst, taal=taal, regels=item.regels))
        omschrijving, omschrijving_offsets = wb.omschrijving.build_with_offsets(h)
        return Werkproces(
            code=wb.code,
            titel=titel,
            in_profiel=bool(letters),
            matrix=letters,
            matrix_rij=wb.matrix is not None,
            detail_titel=wb.detail_titel,
            omschrijving=omschrijving,
            gewenst_resultaat=[i.text(h) for i in wb.gewenst],
            vakkennis_en_vaardigheden=vakkennis,
            competenties=comps,
            bron=WerkprocesBron(
                matrix=wb.matrix_regels,
                kop=wb.kop_regels,
                omschrijving=wb.omschrijving.regels,
                omschrijving_offsets=omschrijving_offsets,
                gewenst_resultaat=[i.regels[0] for i in wb.gewenst],
            ),
        )


# ---------------------------------------------------------------- helpers


def _is_row(text: str) -> bool:
    """Only spaces and crosses: a row with a cross, or a blank row of (nearly) 25 cells."""
    return bool(_ROW_ONLY.match(text)) and ("x" in text or len(text) >= 20)


def _decode_row(row: str) -> list[str] | None:
    """A matrix row: an 'x' cell is 'x ' (two characters), an empty cell ' ' (one)."""
    letters: list[str] = []
    pos = 0
    for letter in reference.LETTERS:
        if pos < len(row) and row[pos] == "x":
            letters.append(letter)
            pos += 2
        else:
            if pos < len(row) and row[pos] != " ":
                return None
            pos += 1
    if row[pos:].strip():
        return None  # more crosses than columns
    return letters


def _parse_date(text: str) -> date | None:
    m = re.match(r"(\d{1,2})\s+(\w+)\s+(\d{4})", text.strip())
    if not m or m.group(2).lower() not in _MONTHS:
        return None
    return date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))


def parse_lines(
    lines: list[str],
    path: str = "<input>",
    kolommen: list[str | None] | None = None,
    paginas: list[int] | None = None,
) -> Dossier:
    dossier = Parser(lines, path, kolommen, paginas).run()
    if not dossier.profielen or not any(
        wp for p in dossier.profielen for wp in p.werkprocessen()
    ):
        raise InputError(path, None, "not a kwalificatiedossier: no profiel with werkprocessen found")
    return dossier


def parse_text(text: str, path: str = "<input>") -> Dossier:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return parse_lines(lines, path)


def parse_file(path: Path) -> Dossier:
    return parse_lines(read_lines(path), str(path))
