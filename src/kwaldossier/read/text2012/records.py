"""What the rules recognised, before it becomes the model: plain records with source lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..tekst import Hyphenator


@dataclass
class TextB:
    """Lines of one text field, in paragraphs; joined (hyphen-aware) by the builder."""

    paragraphs: list[list[str]] = field(default_factory=list)
    regels: list[int] = field(default_factory=list)

    def add(self, no: int, text: str, new_paragraph: bool = False) -> None:
        if new_paragraph or not self.paragraphs:
            self.paragraphs.append([])
        self.paragraphs[-1].append(text)
        self.regels.append(no)

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

    def build(self, h: Hyphenator) -> str:
        return self.build_with_offsets(h)[0]

    def __bool__(self) -> bool:
        return bool(self.regels)


@dataclass
class ItemB:
    """One bullet item (vakkennis, gewenst resultaat, component) over one or more lines."""

    lines: list[str] = field(default_factory=list)
    regels: list[int] = field(default_factory=list)

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
    matrix: list[str] | None = None  # None: no row in the matrix (yet)
    rij_plek: bool = False  # a gap followed the label: the row's place, left empty
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
    algemeen_label_regels: dict[str, int] = field(default_factory=dict)
    kerntaken: dict[str, KerntaakB] = field(default_factory=dict)

    def kerntaak(self, code: str) -> KerntaakB:
        return self.kerntaken.setdefault(code, KerntaakB(code))

    def werkproces(self, code: str) -> WerkprocesB:
        kt = self.kerntaak(code.split(".")[0])
        return kt.werkprocessen.setdefault(code, WerkprocesB(code))
