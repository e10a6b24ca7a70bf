"""KD2xx: the competence blocks of a werkproces."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...model import competenties as reference
from ..registry import Context, Finding, rule
from ._common import detail, first

if TYPE_CHECKING:
    from ...model.dossier import Competentie


@rule("KD201", "dubbele-competentie", "error", "A competence block occurs twice in one werkproces")
def dubbele_competentie(ctx: Context) -> Iterator[Finding]:
    """The same competence is described twice within one werkproces. Usually a copy left in by
    mistake; the two blocks may even differ.

    Example: 3.3 has the block "Formuleren en rapporteren" at line 1049 and again at 1059:

        KD201 error 3.3 line 1059: J Formuleren en rapporteren occurs twice (identical blocks,
        first at line 1049)
    """
    for wp in detail(ctx):
        seen: dict[str, Competentie] = {}
        for c in wp.competenties:
            if c.letter is None:
                continue
            if c.letter in seen:
                same = "identical" if _same_block(seen[c.letter], c) else "different"
                yield ctx.finding(
                    f"{c.letter} {c.naam} occurs twice ({same} blocks, first at line {first(seen[c.letter].regels)})",
                    wp.code,
                    first(c.regels),
                )
            else:
                seen[c.letter] = c


def _same_block(a: Competentie, b: Competentie) -> bool:
    return a.componenten == b.componenten and a.prestatie_indicator == b.prestatie_indicator


@rule("KD202", "onbekende-competentie", "error", "A competence name is not one of the national 25")
def onbekende_competentie(ctx: Context) -> Iterator[Finding]:
    """Competence names come from the fixed national list A–Y. A name that differs is a
    misspelling or an invented competence; the message names the closest known one.

    Example: a block headed "Analyseeren":

        KD202 error 1.1 line 179: 'Analyseeren' is not a competence of the national list; did
        you mean M 'Analyseren'?
    """
    for wp in detail(ctx):
        for c in wp.competenties:
            if reference.letter_for_name(c.naam):
                continue
            close = reference.closest_competentie(c.naam, cutoff=0.5)
            hint = f"; did you mean {close[0]} {reference.COMPETENTIES[close[0]]!r}?" if close else ""
            yield ctx.finding(f"{c.naam!r} is not a competence of the national list{hint}", wp.code, first(c.regels))


@rule("KD203", "letter-past-niet", "error", "A competence's letter disagrees with its name")
def letter_past_niet(ctx: Context) -> Iterator[Finding]:
    """Each of the 25 competence names has a fixed letter. A block whose letter and name do not
    belong together (possible in edited JSON) is inconsistent.

    Example: parsed JSON with {"letter": "N", "naam": "Analyseren"}:

        KD203 error 1.1 line 179: 'Analyseren' is competence M, not N
    """
    for wp in detail(ctx):
        for c in wp.competenties:
            expected = reference.letter_for_name(c.naam)
            if expected and c.letter and expected != c.letter:
                yield ctx.finding(f"{c.naam!r} is competence {expected}, not {c.letter}", wp.code, first(c.regels))


@rule("KD204", "vreemde-component", "warning", "A component belongs to another competence")
def vreemde_component(ctx: Context) -> Iterator[Finding]:
    """Components come from the national list of each competence. A component that the list
    has under another competence is suspect: it may have slid into the wrong block.

    Example: "• Afstemmen" under "Plannen en organiseren" (Q):

        KD204 warning 1.3 line 255: component 'Afstemmen' under Q belongs to E
    """
    for wp in detail(ctx):
        for c in wp.competenties:
            for i, comp in enumerate(c.componenten):
                letters = reference.letters_of_component(comp)
                if letters and c.letter and c.letter not in letters:
                    other = ", ".join(sorted(letters))
                    line = c.componenten_regels[i] if i < len(c.componenten_regels) else first(c.regels)
                    yield ctx.finding(f"component {comp!r} under {c.letter} belongs to {other}", wp.code, line)


@rule("KD205", "onbekende-component", "info", "A component is not in the known national list")
def onbekende_component(ctx: Context) -> Iterator[Finding]:
    """The component is not one the reference table knows for any competence. It may be a
    legitimate component the table lacks, or a wrapped or merged line.

    Example: "• Goed opletten" under Analyseren.
    """
    for wp in detail(ctx):
        for c in wp.competenties:
            for i, comp in enumerate(c.componenten):
                if c.letter in reference.COMPONENTEN and not reference.letters_of_component(comp):
                    line = c.componenten_regels[i] if i < len(c.componenten_regels) else first(c.regels)
                    yield ctx.finding(f"component {comp!r} of {c.letter} is not in the national list", wp.code, line)


@rule("KD206", "zelfde-indicator", "warning", "Two competences of a werkproces share one prestatie-indicator")
def zelfde_indicator(ctx: Context) -> Iterator[Finding]:
    """Each competence should have its own prestatie-indicator. The same text under two
    different competences is usually a copy-paste slip.

    Example: in buitendienst 3.1, R and M end with the same indicator paragraph:

        KD206 warning 3.1: R has the same prestatie-indicator as M (line ...)
    """
    for wp in detail(ctx):
        seen: dict[str, Competentie] = {}
        for c in wp.competenties:
            key = reference.fold(c.prestatie_indicator)
            if not key:
                continue
            prev = seen.get(key)
            if prev is not None and prev.letter != c.letter:
                yield ctx.finding(
                    f"{c.letter} has the same prestatie-indicator as {prev.letter} (line {first(prev.prestatie_indicator_regels)})",
                    wp.code,
                    first(c.prestatie_indicator_regels, c.regels),
                )
            seen.setdefault(key, c)


@rule("KD207", "dubbele-component", "warning", "A component is listed twice in one competence")
def dubbele_component(ctx: Context) -> Iterator[Finding]:
    """A component appears twice within the same competence block.

    Example: "• Tijd indelen" twice under Plannen en organiseren:

        KD207 warning 1.3: component 'Tijd indelen' of Q listed 2 times
    """
    for wp in detail(ctx):
        for c in wp.competenties:
            for comp, n in Counter(c.componenten).items():
                if n > 1:
                    yield ctx.finding(f"component {comp!r} of {c.letter} listed {n} times", wp.code, first(c.regels))
