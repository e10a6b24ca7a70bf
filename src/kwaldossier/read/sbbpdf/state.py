"""The line cursor's state: zones, dispositions, what has been recognised so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, StrEnum, auto

from ...errors import InputError
from ...taal import _
from .maten import MATEN as M
from .records import Blok, DossierR, KerntaakR, ProfielR, WerkprocesR
from .regels import Pagina, Regel, nieuwe_alinea


class Zone(Enum):
    VOORBLAD = auto()  # cover and colofon
    INHOUD = auto()  # table of contents
    LEESWIJZER = auto()
    OVERZICHT = auto()
    BASIS = auto()  # basisdeel, between its parts
    TYPERING = auto()  # typering van de beroepengroep
    KERNTAAK = auto()
    WERKPROCES = auto()
    GENERIEK = auto()
    PROFIELDEEL = auto()  # after the heading, before the first profile
    PROFIEL = auto()


class Disp(StrEnum):
    MODEL = "model"
    OPMAAK = "opmaak"  # page furniture, running headers
    LABEL = "label"  # labels, headings, table of contents, boilerplate


@dataclass
class State:
    regels: list[Regel]
    paginas: dict[int, Pagina]
    body_size: float
    path: str
    disp: list[Disp | None] = field(default_factory=list)  # 1-based
    zone: Zone = Zone.VOORBLAD
    dossier: DossierR = field(default_factory=DossierR)
    profiel: ProfielR | None = None
    kt: KerntaakR | None = None
    wp: WerkprocesR | None = None
    veld: str | None = None  # the field the last label opened (additions add to it)
    blok: Blok | None = None  # where content lines go
    vorige: Regel | None = None  # the last body line read (furniture skipped)
    koppen: dict[str, tuple[str, int]] = field(default_factory=dict)  # code -> (folded title, line)
    pitch: dict[float, float] = field(default_factory=dict)  # line pitch per font size (regels.Regels)

    def __post_init__(self) -> None:
        self.n = len(self.regels)
        self.disp = [None] * (self.n + 1)

    # -- the cursor's view

    def r(self, no: int) -> Regel:
        return self.regels[no - 1]

    def s(self, no: int) -> str:
        return self.regels[no - 1].tekst if 1 <= no <= self.n else ""

    def alinea(self, no: int) -> bool:
        return nieuwe_alinea(self.vorige, self.r(no), self.paginas, self.pitch)

    def kop_stijl(self, no: int) -> bool:
        """Set as a heading: bold, or larger than the running text."""
        r = self.r(no)
        return r.vet or r.size > self.body_size + M.kop_groter

    def claim(self, no: int, how: Disp) -> None:
        self.disp[no] = how

    def claim_range(self, first: int, last: int, how: Disp) -> None:
        for j in range(first, last + 1):
            if self.disp[j] is not Disp.OPMAAK:
                self.disp[j] = how

    def next_body(self, no: int) -> int | None:
        """The next line after `no` that is not furniture (already known as such)."""
        j = no + 1
        while j <= self.n and self.disp[j] is Disp.OPMAAK:
            j += 1
        return j if j <= self.n else None

    def fail(self, no: int, message: str) -> InputError:
        return InputError(self.path, None, _("page {page}: {message}").format(page=self.r(no).pagina, message=message))

    def open(self, blok: Blok) -> Blok:
        self.blok = blok
        return blok
