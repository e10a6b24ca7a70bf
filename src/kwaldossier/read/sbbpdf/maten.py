"""Every tolerance of the layout reading in one settings object (in the manner of pdfplumber's
TableSettings): distances in points, or as a share of a font size, a line height or a page."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Maten:
    # page furniture (regels.py)
    rand: float = 0.16  # share of the page height at the top and bottom that can hold furniture
    bucket: float = 1.0  # points: distances from the edge are compared at this resolution
    near: int = 2  # buckets: the same position, give or take rounding
    blok_gat: float = 3.0  # times the usual white space between lines: where a header block ends
    blok_gat_hoogte: float = 0.8  # ... and at least this share of the line's height
    herhaald_weinig: int = 2  # pages a furniture text must recur on (documents of up to 4 pages)
    herhaald: int = 3  # ... and on longer documents
    weinig_paginas: int = 4
    # page measures
    zelfde_grootte: float = 0.3  # points: font sizes this close are the same
    stap_max: float = 2.5  # line heights: a larger step between lines is no line pitch
    # paragraphs (regels.nieuwe_alinea)
    grootte_wissel: float = 0.6  # points of font size: a change this large starts a paragraph
    spatie: float = 0.35  # font sizes: the widest space a line breaker leaves between words
    rand_marge: float = 1.0  # points short of the right edge a line still counts as full
    alinea_gat: float = 0.2  # font sizes of extra white space above a line: a paragraph gap
    uitspringen: float = 1.5  # points a line may start left of the one before and continue it
    # headings and items (rules_common)
    kop_groter: float = 1.0  # points above the running text's size: a heading
    titel_gat: float = 0.6  # line heights between a heading's wrapped lines at most
    streep_gat: float = 0.45  # font sizes between a dash and its text: set as a bullet
    label_regels: int = 3  # a bold label wraps over at most this many lines
    inspringen: float = 3.0  # points right of its label: a list's lines are set in


MATEN = Maten()
