"""The PDF reader's tolerances in one object, passed down (as pdfplumber's TableSettings): every
distance is in points or a share of the font size, line height or column step it names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Instellingen:
    # alignment: two left edges are the same within this (points)
    tol: float = 2.0
    # words and lines
    word_gap: float = 0.22  # of the font size: a wider gap between characters ends a word
    word_overlap: float = 0.15  # of the font size: a character this far left of the last one starts a word
    join_gap: float = 0.06  # of the font size: word pieces this close are one word drawn out of order
    same_size: float = 0.5  # points: fonts this close in size are the same size
    band: float = 0.25  # of a word's height: a line's band, inside its top and bottom
    run_gap: float = 0.45  # of the font size: a wider gap starts a new run of words (a column's text)
    paragraph: float = 1.5  # line pitches: a wider step starts a paragraph
    bold_weight: int = 600  # font weight from which a font is bold
    # headings
    heading_gap: float = 0.6  # of the line height: a heading's title continues closer than this below
    name_gap: float = 1.0  # of the line height: a wrapped profile name continues closer than this below
    # page furniture
    edge: float = 0.2  # of the page height: only the outer part can hold running headers and footers
    bucket: float = 1.0  # points: distances from the edge are compared at this resolution
    near: int = 2  # buckets: the same position, give or take rounding
    # the matrix
    letter_word: int = 3  # letters set close together merge into words of at most this many
    mark_chars: int = 2  # a glyph run of at most this many characters in the grid is a mark
    label_gap: float = 0.5  # of the font size: a label running into the grid continues at word spacing
    rule_height: float = 2.0  # points: a thinner box is a horizontal rule
    cell_slack: float = 3.0  # points: a cell may stick out of its row this far
    cell_overlap: float = 2.0  # points: a cell overlaps its row at least this much
    cell_height: float = 0.4  # of the row height: a drawn cell is at least this tall
    mark_width: tuple[float, float] = (0.3, 1.5)  # of the column step: a filled cell that marks a cross
    # the detail table
    header_gap: float = 0.8  # of the line height: a wrapped column title continues closer than this
    rule_width: float = 2.0  # points: a narrower box is a vertical rule
    rule_min: float = 5.0  # points: a vertical rule is at least this tall, and this far right of a column start
    name_step: float = 1.3  # line pitches: a competence name starts at least this far below the line above
    label_step: float = 1.6  # line pitches: a wrapped label continues at most this far below


DEFAULT = Instellingen()
