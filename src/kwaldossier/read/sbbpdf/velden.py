"""A field's lines (a Blok) to its value: paragraphs joined into text, or items."""

from __future__ import annotations

from dataclasses import dataclass

from ..tekst import Hyphenator
from .records import Blok, BlokRegel


@dataclass
class Tekst:
    tekst: str
    regels: list[int]  # source line of each line of the text
    offsets: list[int]  # where each source line starts in the text


def paragraphs(blok: Blok) -> list[list[BlokRegel]]:
    out: list[list[BlokRegel]] = []
    for r in blok.regels:
        if r.alinea or not out:
            out.append([])
        out[-1].append(r)
    return out


def tekst(blok: Blok | None, h: Hyphenator) -> Tekst:
    """Paragraphs joined hyphen-aware, one paragraph per line of the text."""
    if blok is None:
        return Tekst("", [], [])
    parts: list[str] = []
    regels: list[int] = []
    offsets: list[int] = []
    pos = 0
    for para in paragraphs(blok):
        text, offs = h.join_with_offsets([r.tekst for r in para])
        if not text:
            continue
        regels += [r.no for r in para]
        offsets += [pos + o for o in offs]
        parts.append(text)
        pos += len(text) + 1
    return Tekst("\n".join(parts), regels, offsets)


@dataclass
class Lijst:
    inleiding: str  # the lines before the first item ("De sociaal werker:"), joined
    items: list[tuple[str, int]]  # (text, first line)


def lijst(blok: Blok, h: Hyphenator) -> Lijst:
    intro: list[str] = []
    items: list[tuple[list[str], int]] = []
    for r in blok.regels:
        if r.item:
            items.append(([r.tekst], r.no))
        elif items:
            items[-1][0].append(r.tekst)
        else:
            intro.append(r.tekst)
    return Lijst(h.join_all(intro), [(h.join_all(lines), no) for lines, no in items if h.join_all(lines)])


def regel_tekst(blok: Blok) -> str:
    """All lines of a block as one line of text (the competence names)."""
    return " ".join(r.tekst for r in blok.regels)
