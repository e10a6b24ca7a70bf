"""KD4xx: leftovers of text extraction (PDF to text)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...read.regels import line_at
from ...taal import N_, _
from ..registry import Context, Violation, rule
from ._common import all_texts, wp_at

_REGEL_TEKST = 60  # characters of an unplaced line a KD401 message quotes
_SPLITS_TEKST = 70  # characters of a split line a KD405 message quotes
_CONTEXT = 15  # characters before a stray space a KD406 message quotes


@dataclass(frozen=True, kw_only=True)
class OnverwerkteRegel(Violation):
    tekst: str

    def message(self) -> str:
        return _("line not placed in the model: {tekst}").format(tekst=repr(self.tekst.strip()[:_REGEL_TEKST]))


@dataclass(frozen=True, kw_only=True)
class GesplitstWoord(Violation):
    veld: str
    gesplitst: str  # as written: 'p lant'
    woord: str  # the word the dossier uses: 'plant'

    def message(self) -> str:
        return _("{veld}: {gesplitst} looks like {woord}").format(
            veld=self.veld, gesplitst=repr(self.gesplitst), woord=repr(self.woord)
        )


@dataclass(frozen=True, kw_only=True)
class ZachtAfbreekteken(Violation):
    veld: str
    woorden: tuple[str, ...] = ()  # the broken words; none: a U+00AD character

    def message(self) -> str:
        if not self.woorden:
            return _("{veld}: soft hyphen character (U+00AD)").format(veld=self.veld)
        return _("{veld}: broken word {woorden}").format(veld=self.veld, woorden=repr(", ".join(self.woorden)))


@dataclass(frozen=True, kw_only=True)
class VerwijderdLabel(Violation):
    label: str

    def message(self) -> str:
        return _("stray label {label} removed from the text").format(label=repr(self.label))


@dataclass(frozen=True, kw_only=True)
class LosseLabel(Violation):
    veld: str
    label: str

    def message(self) -> str:
        return _("{veld}: label {label} inside the text").format(veld=self.veld, label=repr(self.label))


@dataclass(frozen=True, kw_only=True)
class KolommenSamengevoegd(Violation):
    tekst: str

    def message(self) -> str:
        return _("merged columns split: {tekst}").format(tekst=repr(self.tekst[:_SPLITS_TEKST]))


@dataclass(frozen=True, kw_only=True)
class SpatieVoorLeesteken(Violation):
    veld: str
    fragment: str

    def message(self) -> str:
        return _("{veld}: space before punctuation in {fragment}").format(veld=self.veld, fragment=repr(self.fragment))


@rule("KD401", "onverwerkte-regel", "error", N_("An input line the parser could not place"))
def onverwerkte_regel(ctx: Context) -> Iterator[OnverwerkteRegel]:
    """Lossless accounting: every input line lands in the model, is page furniture or a label.
    A line that is none of these is reported here so that nothing is lost silently. A file
    with several profiles reports each line once, under the profile whose part holds it.

    Example: a line "zie bijlage 3 voor de toelichting" after the last matrix row:

        KD401 error line 117: line not placed in the model: 'zie bijlage 3 voor de toelichting'
    """
    for r in ctx.dossier.onverwerkte_regels:
        if ctx.eigen(r.regel):
            yield OnverwerkteRegel(regel=r.regel, tekst=r.tekst)


_SPLIT_WORD = re.compile(r"(?<![\w'’-])([b-df-hj-np-tv-z]) ([a-zà-ÿ]{2,})\b")


def _vocabulary(ctx: Context) -> set[str]:
    words: set[str] = set()
    for _code, _veld, text, _regels, _offsets in all_texts(ctx):
        words.update(w.casefold() for w in re.findall(r"[^\W\d_]+", text))
    return words


@rule("KD402", "gesplitst-woord", "warning", N_("A word broken by a space (p lant, d aar)"))
def gesplitst_woord(ctx: Context) -> Iterator[GesplitstWoord]:
    """PDF extraction sometimes puts a space inside a word, leaving a lone consonant. Flagged
    when the lone letter and the next fragment together form a word the dossier uses.

    Example: binnendienst 1.3 "... een p lant ...":

        KD402 warning 1.3 line 207: omschrijving: 'p lant' looks like 'plant'
    """
    vocab = _vocabulary(ctx)
    for code, field, text, lines, offsets in all_texts(ctx):
        for m in _SPLIT_WORD.finditer(text):
            joined = (m.group(1) + m.group(2)).casefold()
            if joined in vocab:
                yield GesplitstWoord(
                    werkproces=code,
                    regel=line_at(lines, offsets, m.start()),
                    veld=field,
                    gesplitst=m.group(0),
                    woord=joined,
                )


@rule("KD403", "zacht-afbreekteken", "warning", N_("A soft hyphen left inside a word"))
def zacht_afbreekteken(ctx: Context) -> Iterator[ZachtAfbreekteken]:
    """A hyphen from a line break of the PDF left inside a word (schat-tingen), or a U+00AD
    soft hyphen character. The text parser repairs these; this finds them in other input.

    Example: parsed JSON with the vakkennis item "Berekeningen/schat-tingen maken":

        KD403 warning 1.1 line 137: vakkennis_en_vaardigheden: broken word 'Berekeningen/schat-tingen'
    """
    from ...read.tekst import Hyphenator

    texts = list(all_texts(ctx))
    h = Hyphenator("\n".join(t for _code, _veld, t, _regels, _offsets in texts))
    for code, field, text, lines, offsets in texts:
        if "\u00ad" in text:
            yield ZachtAfbreekteken(werkproces=code, regel=line_at(lines, offsets, text.index("\u00ad")), veld=field)
        repaired = h.repair_inline(text)
        if repaired != text:
            broken = sorted(set(text.split()) - set(repaired.split()))
            pos = text.find(broken[0]) if broken else 0
            yield ZachtAfbreekteken(
                werkproces=code, regel=line_at(lines, offsets, pos), veld=field, woorden=tuple(broken)
            )


_LABELS = re.compile(
    r"\b(Prestatie-?indicator|Omschrijving|Gewenst resultaat|Vakkennis en vaardigheden|Competentie en component\(en\))\b",
    re.IGNORECASE,
)


@rule("KD404", "losse-label", "warning", N_("A stray label in the text"))
def losse_label(ctx: Context) -> Iterator[VerwijderdLabel | LosseLabel]:
    """A column label of the detail page (Prestatie-indicator, Omschrijving, ...) that leaked
    into the text. Labels the parser removed are reported too, so the source can be fixed;
    in a file with several profiles each removal is reported once, under its own profile.

    Example: binnendienst 3.1, a "Prestatie-Indicator" label inside an indicator paragraph:

        KD404 warning 3.1 line 887: stray label 'Prestatie-Indicator' removed from the text
    """
    for h in ctx.dossier.herstellingen:
        if h.soort == "label-verwijderd" and ctx.eigen(h.regel):
            yield VerwijderdLabel(werkproces=wp_at(ctx, h.regel), regel=h.regel, label=h.tekst)
    for code, field, text, lines, offsets in all_texts(ctx):
        if field.startswith("algemene_informatie") or field == "titel":
            continue
        m = _LABELS.search(text)
        if m:
            yield LosseLabel(werkproces=code, regel=line_at(lines, offsets, m.start()), veld=field, label=m.group(0))


@rule("KD405", "kolommen-samengevoegd", "info", N_("Two columns were merged onto one line"))
def kolommen_samengevoegd(ctx: Context) -> Iterator[KolommenSamengevoegd]:
    """The extraction put a component and the tail of a prestatie-indicator on one line. The
    parser split them; this reports where, so the split can be checked by eye. In a file with
    several profiles each split is reported once, under its own profile.

    Example: binnendienst 2.3, "• Aansluiten bij behoeften en verwachtingen klantvriendelijkheid ...":

        KD405 info 2.3 line 550: merged columns split: '• Aansluiten bij behoeften en verwachtingen
            klantvriendelijkheid en or'
    """
    for h in ctx.dossier.herstellingen:
        if h.soort == "kolommen-gesplitst" and ctx.eigen(h.regel):
            yield KolommenSamengevoegd(werkproces=wp_at(ctx, h.regel), regel=h.regel, tekst=h.tekst)


@rule("KD406", "spatie-voor-leesteken", "info", N_("A space before a punctuation mark"))
def spatie_voor_leesteken(ctx: Context) -> Iterator[SpatieVoorLeesteken]:
    """'in kaart .': a space before a full stop or comma, a typing or extraction slip.

    Example: binnendienst 1.3 "... activiteiten in kaart .":

        KD406 info 1.3 line 207: omschrijving: space before punctuation in 'iteiten in kaart .'
    """
    for code, field, text, lines, offsets in all_texts(ctx):
        for m in re.finditer(r"\w \.(?!\w)|\w ,", text):
            snippet = text[max(0, m.start() - _CONTEXT) : m.end()]
            yield SpatieVoorLeesteken(
                werkproces=code, regel=line_at(lines, offsets, m.start()), veld=field, fragment=snippet
            )
