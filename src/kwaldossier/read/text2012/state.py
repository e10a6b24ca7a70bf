"""Parser state: the line cursor's view of the input, zones as enums, what has been recognised."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, StrEnum, auto

from ...model.competenties import fold
from ...model.gedeeld import Herstelling
from .. import vocab
from ..tekst import Hyphenator
from .records import ItemB, KerntaakB, ProfielB, WerkprocesB


class _Enum(Enum):
    # members are singletons compared by identity: hashed by identity in C (Enum's own
    # __hash__ is a Python call, and the cursor looks up its zone's rules on every line)
    __hash__ = object.__hash__


class Zone(_Enum):
    START = auto()
    ALGEMEEN = auto()  # algemene informatie of a profile
    MATRIX = auto()  # proces-competentie-matrix
    DETAIL = auto()  # detaillering: one werkproces after another


class MatrixStap(_Enum):
    KERNTAAK = auto()  # expecting "Kerntaak N"
    KT_TITEL = auto()  # the kerntaak's title, up to "Competenties"
    LETTERS = auto()  # the A–Y header, up to "Werkprocessen"
    RIJ = auto()  # werkproces labels and their rows
    KLAAR = auto()  # after the boilerplate


class DetailStap(_Enum):
    GEEN = auto()
    KOP = auto()  # after "N.N werkproces: ..."
    OMSCHRIJVING = auto()
    GEWENST = auto()
    VAKKENNIS = auto()  # the table: vakkennis column first
    CONT = auto()  # after a repeated header on a new page: either column may resume
    COMPETENTIES = auto()  # competence blocks


class Disp(StrEnum):
    """Where a line went."""

    MODEL = "model"
    OPMAAK = "opmaak"  # page furniture
    LABEL = "label"  # labels, headings, boilerplate
    LEEG = "leeg"


# Tags a layout-aware front end (pdf.py) may put on a line. A tag replaces guesswork.
TAG_OPMAAK, TAG_LABEL, TAG_TEKST, TAG_MATRIX, TAG_BOILERPLATE = "opmaak", "label", "tekst", "matrix", "boilerplate"
TAG_VAKKENNIS, TAG_NAAM, TAG_COMPETENTIE, TAG_INDICATOR = "vakkennis", "naam", "competentie", "indicator"
TAG_KERNTAAK = "kerntaak"  # "Kerntaak N" of a row inside a matrix that holds several kerntaken
COLUMN_TAGS = (TAG_VAKKENNIS, TAG_NAAM, TAG_COMPETENTIE, TAG_INDICATOR)


@dataclass
class State:
    lines: list[str]
    path: str
    kolommen: list[str | None]
    paginas: list[int]
    h: Hyphenator
    componenten: dict[str, set[str]]  # letter -> folded components seen in this dossier
    kruisen: list[tuple[str, ...] | None] = field(default_factory=list)  # crossed letters per line (front end)
    n: int = 0
    stripped: list[str] = field(default_factory=list)
    disp: list[Disp | None] = field(default_factory=list)  # 1-based
    titel: str | None = None
    geldig_vanaf: date | None = None
    profielen: dict[str, ProfielB] = field(default_factory=dict)  # by folded name
    profiel: ProfielB | None = None
    zone: Zone = Zone.START
    veld: str | None = None  # algemene informatie field being read
    matrix_kt: KerntaakB | None = None
    matrix_stap: MatrixStap = MatrixStap.KERNTAAK
    matrix_wp: WerkprocesB | None = None
    wp: WerkprocesB | None = None
    stap: DetailStap = DetailStap.GEEN
    blank_before: bool = True
    cont_item: ItemB | None = None
    herstellingen: list[Herstelling] = field(default_factory=list)
    orphan_rows: list[int] = field(default_factory=list)  # matrix rows of cells without a werkproces
    _folded: dict[int, str] = field(default_factory=dict)
    namen: dict[int, tuple[str, list[int]] | None] | None = None  # evidence.naam's lines
    _profiel_keys: list[str] = field(default_factory=list)  # sorted, for prefix look-ups

    def __post_init__(self) -> None:
        self.n = len(self.lines)
        self.stripped = [ln.strip() for ln in self.lines]
        self.disp = [None] * (self.n + 1)
        if len(self.kolommen) < self.n:
            self.kolommen = self.kolommen + [None] * (self.n - len(self.kolommen))

    def loslaten(self) -> None:
        """Let go of the lines and what was read off them (the builder needs neither)."""
        self.lines, self.stripped, self.kolommen, self.kruisen = [], [], [], []
        self._folded, self.namen = {}, None
        self.profiel = self.matrix_kt = self.matrix_wp = self.wp = self.cont_item = None

    # -- the cursor's view

    def s(self, no: int) -> str:
        return self.stripped[no - 1] if 1 <= no <= self.n else ""

    def raw(self, no: int) -> str:
        return self.lines[no - 1] if 1 <= no <= self.n else ""

    def kolom(self, no: int) -> str | None:
        return self.kolommen[no - 1] if 1 <= no <= self.n else None

    def kruis(self, no: int) -> tuple[str, ...] | None:
        """The letters a front end found crossed in the matrix row on this line."""
        return self.kruisen[no - 1] if 1 <= no <= len(self.kruisen) else None

    def folded(self, no: int) -> str:
        """The line folded for comparisons: computed once per line."""
        key = self._folded.get(no)
        if key is None:
            key = self._folded[no] = fold(self.s(no))
        return key

    def claim(self, no: int, how: Disp) -> None:
        self.disp[no] = how

    def next_nonblank(self, no: int) -> int | None:
        j = no + 1
        while j <= self.n and not self.stripped[j - 1]:
            j += 1
        return j if j <= self.n else None

    def joined(self, no: int, label: str, rest_allowed: bool = True) -> tuple[int, str] | None:
        """`label` (whole words) starting at line `no` and running over whole lines, wrapped
        anywhere: the line it ends on and the rest of that line; None when it is not there.
        Reads at most as many lines as the label has words."""
        acc = ""
        j = no
        while j <= self.n:
            s = vocab.join_words(self.stripped[j - 1])
            if not s:
                return None
            acc = f"{acc} {s}" if acc else s
            if acc == label:
                return j, ""
            if len(acc) > len(label):
                if rest_allowed and acc.startswith(label + " "):
                    # the rest as written on the line (inner spacing kept)
                    k = len(label.split()) - (len(acc.split()) - len(s.split()))
                    return j, self.stripped[j - 1].split(None, k)[k]
                return None
            if not label.startswith(acc + " "):
                return None
            j += 1
        return None

    def profile_for(self, naam: str, no: int) -> ProfielB:
        key = fold(naam)
        p = self.profielen.get(key)
        if p is None:
            p = self.profielen[key] = ProfielB(naam=naam, regels=[no])
            insort(self._profiel_keys, key)
        return p

    def has_profile_prefix(self, key: str) -> bool:
        """A known profile's (folded) name starts with `key` and goes on."""
        i = bisect_left(self._profiel_keys, key + " ")
        return i < len(self._profiel_keys) and self._profiel_keys[i].startswith(key + " ")


# a rule: claims lines from the given one and returns the next unclaimed line, or None
Rule = Callable[[State, int], "int | None"]
