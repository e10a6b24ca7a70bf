"""Rule-based checks of a parsed dossier. Every rule has a stable code, a severity and docs."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..model import competenties as reference
from ..model.dossier import Competentie, Werkproces
from ..read import Bron
from ..read.tekst import line_at

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    profiel: str | None
    werkproces: str | None
    line: int | None
    bron: str | None = None
    page: int | None = None  # PDF input: the page the line came from

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "profiel": self.profiel,
            "werkproces": self.werkproces,
            "line": self.line,
            "page": self.page,
            "bron": self.bron,
        }


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    docs: str
    check: Callable[[Context], Iterator[tuple[str, str | None, int | None]]]
    model: str = "2012"  # the dossier model the rule checks: "2012" (matrix) or "2015" (SBB XML)


@dataclass
class Context:
    bron: Bron

    @property
    def profiel(self):
        return self.bron.profiel


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: str, summary: str, model: str = "2012"):
    """Register a check; its docstring is the rule's documentation. It runs only on dossiers of `model`."""

    def wrap(fn):
        RULES[code] = Rule(code, name, severity, summary, (fn.__doc__ or "").strip(), fn, model)
        return fn

    return wrap


def _first(*lists: list[int]) -> int | None:
    for lst in lists:
        if lst:
            return lst[0]
    return None


def _detail(ctx: Context) -> Iterator[Werkproces]:
    for wp in ctx.profiel.werkprocessen():
        if wp.heeft_detail:
            yield wp


# ---------------------------------------------------------------- matrix against detail


@rule("KD101", "cross-zonder-competentie", "error", "A matrix cross has no competence block in the detail")
def _cross_without_block(ctx: Context):
    """The proces-competentie-matrix crosses a competence for a werkproces, but the werkproces's
    detail section has no block for that competence. Either the cross or the block is missing."""
    for wp in _detail(ctx):
        have = {c.letter for c in wp.competenties}
        for letter in wp.matrix:
            if letter not in have:
                yield (
                    f"matrix crosses {letter} {reference.COMPETENTIES[letter]} but the detail has no such block",
                    wp.code,
                    _first(wp.bron.matrix),
                )


@rule("KD102", "competentie-zonder-cross", "error", "A competence block has no cross in the matrix")
def _block_without_cross(ctx: Context):
    """The detail section describes a competence that the matrix row of the werkproces does not
    cross. Either the matrix misses a cross or the block does not belong here."""
    for wp in _detail(ctx):
        if not wp.in_profiel:
            continue  # reported by KD104
        for c in wp.competenties:
            if c.letter and c.letter not in wp.matrix:
                yield (f"block {c.letter} {c.naam} has no cross in the matrix row", wp.code, _first(c.regels))


@rule("KD103", "werkproces-zonder-detail", "error", "A werkproces of the profile has no detail section")
def _no_detail(ctx: Context):
    """The matrix row has crosses, so the werkproces belongs to the profile, but no
    'N.N werkproces:' detail section describes it."""
    for wp in ctx.profiel.werkprocessen():
        if wp.in_profiel and not wp.heeft_detail:
            yield (f"{wp.code} {wp.titel} has crosses in the matrix but no detail section", wp.code, _first(wp.bron.matrix))


@rule("KD104", "detail-zonder-matrix", "error", "A detail section for a werkproces whose matrix row is empty or absent")
def _detail_not_in_profile(ctx: Context):
    """A detail section describes a werkproces that the profile's matrix does not cross (empty
    row) or does not list at all."""
    for wp in _detail(ctx):
        if not wp.bron.matrix:
            yield (f"detail section {wp.code} has no row in the matrix", wp.code, _first(wp.bron.kop))
        elif not wp.in_profiel:
            yield (f"detail section {wp.code} but its matrix row is empty", wp.code, _first(wp.bron.kop))


@rule("KD105", "titel-verschilt", "warning", "The werkproces title differs between matrix and detail")
def _title_differs(ctx: Context):
    """The title in the matrix row and in the detail header should be the same text."""
    for wp in _detail(ctx):
        if wp.bron.matrix and reference.fold(wp.titel) != reference.fold(wp.detail_titel or ""):
            yield (f"matrix says {wp.titel!r}, detail says {wp.detail_titel!r}", wp.code, _first(wp.bron.kop))


@rule("KD106", "dubbele-detailsectie", "error", "A werkproces has two detail sections")
def _double_detail(ctx: Context):
    """Two 'N.N werkproces:' sections with the same code that are not one section continued
    over a page break."""
    seen: set[str] = set()
    for wp in ctx.profiel.werkprocessen():
        if wp.code in seen:
            yield (f"second detail section for {wp.code}", wp.code, _first(wp.bron.kop))
        seen.add(wp.code)


# ---------------------------------------------------------------- competences


@rule("KD201", "dubbele-competentie", "error", "A competence block occurs twice in one werkproces")
def _double_competence(ctx: Context):
    """The same competence is described twice within one werkproces. Usually a copy left in by
    mistake; the two blocks may even differ."""
    for wp in _detail(ctx):
        seen: dict[str, Competentie] = {}
        for c in wp.competenties:
            if c.letter is None:
                continue
            if c.letter in seen:
                same = "identical" if _same_block(seen[c.letter], c) else "different"
                yield (
                    f"{c.letter} {c.naam} occurs twice ({same} blocks, first at line {_first(seen[c.letter].regels)})",
                    wp.code,
                    _first(c.regels),
                )
            else:
                seen[c.letter] = c


def _same_block(a: Competentie, b: Competentie) -> bool:
    return a.componenten == b.componenten and a.prestatie_indicator == b.prestatie_indicator


@rule("KD202", "onbekende-competentie", "error", "A competence name is not one of the national 25")
def _unknown_competence(ctx: Context):
    """Competence names come from the fixed national list A–Y. A name that differs is a
    misspelling or an invented competence; the message names the closest known one."""
    for wp in _detail(ctx):
        for c in wp.competenties:
            if reference.letter_for_name(c.naam):
                continue
            close = reference.closest_competentie(c.naam, cutoff=0.5)
            hint = f"; did you mean {close[0]} {reference.COMPETENTIES[close[0]]!r}?" if close else ""
            yield (f"{c.naam!r} is not a competence of the national list{hint}", wp.code, _first(c.regels))


@rule("KD203", "letter-past-niet", "error", "A competence's letter disagrees with its name")
def _letter_mismatch(ctx: Context):
    """Each of the 25 competence names has a fixed letter. A block whose letter and name do not
    belong together (possible in edited JSON) is inconsistent."""
    for wp in _detail(ctx):
        for c in wp.competenties:
            expected = reference.letter_for_name(c.naam)
            if expected and c.letter and expected != c.letter:
                yield (f"{c.naam!r} is competence {expected}, not {c.letter}", wp.code, _first(c.regels))


@rule("KD204", "vreemde-component", "warning", "A component belongs to another competence")
def _foreign_component(ctx: Context):
    """Components come from the national list of each competence. A component that the list
    has under another competence is suspect: it may have slid into the wrong block."""
    for wp in _detail(ctx):
        for c in wp.competenties:
            for i, comp in enumerate(c.componenten):
                letters = reference.letters_of_component(comp)
                if letters and c.letter and c.letter not in letters:
                    other = ", ".join(sorted(letters))
                    line = c.componenten_regels[i] if i < len(c.componenten_regels) else _first(c.regels)
                    yield (f"component {comp!r} under {c.letter} belongs to {other}", wp.code, line)


@rule("KD205", "onbekende-component", "info", "A component is not in the known national list")
def _unknown_component(ctx: Context):
    """The component is not one the reference table knows for any competence. It may be a
    legitimate component the table lacks, or a wrapped or merged line."""
    for wp in _detail(ctx):
        for c in wp.competenties:
            for i, comp in enumerate(c.componenten):
                if c.letter in reference.COMPONENTEN and not reference.letters_of_component(comp):
                    line = c.componenten_regels[i] if i < len(c.componenten_regels) else _first(c.regels)
                    yield (f"component {comp!r} of {c.letter} is not in the national list", wp.code, line)


@rule("KD206", "zelfde-indicator", "warning", "Two competences of a werkproces share one prestatie-indicator")
def _shared_indicator(ctx: Context):
    """Each competence should have its own prestatie-indicator. The same text under two
    different competences is usually a copy-paste slip."""
    for wp in _detail(ctx):
        seen: dict[str, Competentie] = {}
        for c in wp.competenties:
            key = reference.fold(c.prestatie_indicator)
            if not key:
                continue
            prev = seen.get(key)
            if prev is not None and prev.letter != c.letter:
                yield (
                    f"{c.letter} has the same prestatie-indicator as {prev.letter} (line {_first(prev.prestatie_indicator_regels)})",
                    wp.code,
                    _first(c.prestatie_indicator_regels, c.regels),
                )
            seen.setdefault(key, c)


@rule("KD207", "dubbele-component", "warning", "A component is listed twice in one competence")
def _double_component(ctx: Context):
    """A component appears twice within the same competence block."""
    for wp in _detail(ctx):
        for c in wp.competenties:
            for comp, n in Counter(c.componenten).items():
                if n > 1:
                    yield (f"component {comp!r} of {c.letter} listed {n} times", wp.code, _first(c.regels))


# ---------------------------------------------------------------- empty fields


def _empty(field: str, label: str):
    def check(ctx: Context):
        for wp in _detail(ctx):
            if not getattr(wp, field):
                yield (f"{label} is empty", wp.code, _first(wp.bron.kop))

    check.__doc__ = f"Every werkproces of the profile has a {label}; this one has none."
    return check


rule("KD301", "lege-omschrijving", "error", "Empty omschrijving")(_empty("omschrijving", "omschrijving"))
rule("KD302", "leeg-gewenst-resultaat", "error", "Empty gewenst resultaat")(
    _empty("gewenst_resultaat", "gewenst resultaat")
)
rule("KD303", "lege-vakkennis", "error", "Empty vakkennis en vaardigheden")(
    _empty("vakkennis_en_vaardigheden", "vakkennis en vaardigheden list")
)
rule("KD304", "geen-competenties", "error", "A werkproces detail without competence blocks")(
    _empty("competenties", "competence column")
)


@rule("KD305", "lege-indicator", "error", "A competence without prestatie-indicator")
def _empty_indicator(ctx: Context):
    """Every competence block ends with a prestatie-indicator paragraph; this one has none."""
    for wp in _detail(ctx):
        for c in wp.competenties:
            if not c.prestatie_indicator.strip():
                yield (f"{c.letter} {c.naam} has no prestatie-indicator", wp.code, _first(c.regels))


@rule("KD306", "geen-componenten", "error", "A competence without componenten")
def _no_components(ctx: Context):
    """Every competence block lists at least one component (bullet)."""
    for wp in _detail(ctx):
        for c in wp.competenties:
            if not c.componenten:
                yield (f"{c.letter} {c.naam} has no componenten", wp.code, _first(c.regels))


@rule("KD308", "onvolledige-tekst", "warning", "A text stops mid-sentence (a lost line or page?)")
def _incomplete_text(ctx: Context):
    """An omschrijving or prestatie-indicator that does not end with a full stop (or ! ? ) …)
    usually lost its last line, or a whole page, in extraction."""
    for wp in _detail(ctx):
        texts = [("omschrijving", wp.omschrijving, wp.bron.omschrijving)]
        texts += [(f"prestatie-indicator {c.letter}", c.prestatie_indicator, c.prestatie_indicator_regels or c.regels) for c in wp.competenties]
        for label, text, lines in texts:
            if text.strip() and text.rstrip()[-1] not in ".!?)…\"'’":
                yield (f"{label} stops mid-sentence: …{text[-40:]!r}", wp.code, lines[-1] if lines else None)


@rule("KD307", "lege-algemene-informatie", "warning", "A field of algemene informatie is empty")
def _empty_general(ctx: Context):
    """The algemene informatie of a profile has nine fields (context, beroepshouding, niveau,
    ...). A missing one usually means its label was not found."""
    ai = ctx.profiel.algemene_informatie
    for key, value in ai.model_dump(exclude={"bron"}).items():
        if not value.strip():
            yield (f"algemene informatie: {key} is empty", None, _first(ctx.profiel.regels))


# ---------------------------------------------------------------- extraction leftovers


@rule("KD401", "onverwerkte-regel", "error", "An input line the parser could not place")
def _unplaced(ctx: Context):
    """Lossless accounting: every input line lands in the model, is page furniture or a label.
    A line that is none of these is reported here so that nothing is lost silently."""
    for r in ctx.bron.dossier.onverwerkte_regels:
        yield (f"line not placed in the model: {r.tekst.strip()[:60]!r}", None, r.regel)


_SPLIT_WORD = re.compile(r"(?<![\w'’-])([b-df-hj-np-tv-z]) ([a-zà-ÿ]{2,})\b")


def _vocabulary(ctx: Context) -> set[str]:
    words: set[str] = set()
    for _, _, text, _, _ in _all_texts(ctx):
        words.update(w.casefold() for w in re.findall(r"[^\W\d_]+", text))
    return words


@rule("KD402", "gesplitst-woord", "warning", "A word broken by a space (p lant, d aar)")
def _split_words(ctx: Context):
    """PDF extraction sometimes puts a space inside a word, leaving a lone consonant. Flagged
    when the lone letter and the next fragment together form a word the dossier uses."""
    vocab = _vocabulary(ctx)
    for code, field, text, lines, offsets in _all_texts(ctx):
        for m in _SPLIT_WORD.finditer(text):
            joined = (m.group(1) + m.group(2)).casefold()
            if joined in vocab:
                yield (f"{field}: {m.group(0)!r} looks like {joined!r}", code, line_at(lines, offsets, m.start()))


@rule("KD403", "zacht-afbreekteken", "warning", "A soft hyphen left inside a word")
def _soft_hyphen(ctx: Context):
    """A hyphen from a line break of the PDF left inside a word (schat-tingen), or a U+00AD
    soft hyphen character. The text parser repairs these; this finds them in other input."""
    from ..read.tekst import Hyphenator

    texts = list(_all_texts(ctx))
    h = Hyphenator("\n".join(t for _, _, t, _, _ in texts))
    for code, field, text, lines, offsets in texts:
        if "\u00ad" in text:
            yield (f"{field}: soft hyphen character (U+00AD)", code, line_at(lines, offsets, text.index("\u00ad")))
        repaired = h.repair_inline(text)
        if repaired != text:
            broken = sorted(set(text.split()) - set(repaired.split()))
            pos = text.find(broken[0]) if broken else 0
            yield (f"{field}: broken word {', '.join(broken)!r}", code, line_at(lines, offsets, pos))


_LABELS = re.compile(
    r"\b(Prestatie-?indicator|Omschrijving|Gewenst resultaat|Vakkennis en vaardigheden|Competentie en component\(en\))\b",
    re.IGNORECASE,
)


@rule("KD404", "losse-label", "warning", "A stray label in the text")
def _stray_label(ctx: Context):
    """A column label of the detail page (Prestatie-indicator, Omschrijving, ...) that leaked
    into the text. Labels the parser removed are reported too, so the source can be fixed."""
    for h in ctx.bron.dossier.herstellingen:
        if h.soort == "label-verwijderd":
            yield (f"stray label {h.tekst!r} removed from the text", _wp_at(ctx, h.regel), h.regel)
    for code, field, text, lines, offsets in _all_texts(ctx):
        if field.startswith("algemene_informatie"):
            continue
        m = _LABELS.search(text)
        if m and field != "titel":
            yield (f"{field}: label {m.group(0)!r} inside the text", code, line_at(lines, offsets, m.start()))


@rule("KD405", "kolommen-samengevoegd", "info", "Two columns were merged onto one line")
def _merged_columns(ctx: Context):
    """The extraction put a component and the tail of a prestatie-indicator on one line. The
    parser split them; this reports where, so the split can be checked by eye."""
    for h in ctx.bron.dossier.herstellingen:
        if h.soort == "kolommen-gesplitst":
            yield (f"merged columns split: {h.tekst[:70]!r}", _wp_at(ctx, h.regel), h.regel)


@rule("KD406", "spatie-voor-leesteken", "info", "A space before a punctuation mark")
def _space_before_punct(ctx: Context):
    """'in kaart .': a space before a full stop or comma, a typing or extraction slip."""
    for code, field, text, lines, offsets in _all_texts(ctx):
        for m in re.finditer(r"\w \.(?!\w)|\w ,", text):
            snippet = text[max(0, m.start() - 15) : m.end()]
            yield (f"{field}: space before punctuation in {snippet!r}", code, line_at(lines, offsets, m.start()))


def _wp_at(ctx: Context, line: int) -> str | None:
    for wp in ctx.profiel.werkprocessen():
        lines = wp.bron.kop + [l for c in wp.competenties for l in c.regels]
        if lines and min(lines) <= line <= max(lines):
            return wp.code
    return None


def _all_texts(ctx: Context):
    from ..analyse.query import field_texts

    yield from field_texts(ctx.bron)


# ---------------------------------------------------------------- structure


@rule("KD501", "code-buiten-kerntaak", "error", "A werkproces code does not fit its kerntaak or order")
def _code_order(ctx: Context):
    """Werkproces codes are kerntaak.number (2.5 under kerntaak 2), numbered 1, 2, 3, ...
    without gaps in the matrix."""
    for kt in ctx.profiel.kerntaken:
        numbers = []
        for wp in kt.werkprocessen:
            base = wp.code
            if base.split(".")[0] != kt.code:
                yield (f"{base} listed under kerntaak {kt.code}", base, _first(wp.bron.matrix, wp.bron.kop))
            if wp.bron.matrix:
                numbers.append(int(base.split(".")[1]))
        expected = list(range(1, len(numbers) + 1))
        if sorted(numbers) != expected:
            yield (f"kerntaak {kt.code} numbers its werkprocessen {sorted(numbers)}", None, _first(kt.regels))


@rule("KD502", "rij-ontbreekt", "info", "A werkproces in the matrix without a row of cells")
def _missing_row(ctx: Context):
    """The matrix lists the werkproces label but no row of cells at all (not even empty ones);
    it is read as not part of the profile."""
    for wp in ctx.profiel.werkprocessen():
        if wp.bron.matrix and not wp.matrix_rij:
            yield (f"{wp.code} {wp.titel} has no matrix row; read as not in the profile", wp.code, _first(wp.bron.matrix))


@rule("KD503", "dubbele-vakkennis", "warning", "A vakkennis item is listed twice in one werkproces")
def _double_vakkennis(ctx: Context):
    """The same vakkennis-en-vaardigheden item appears twice in one werkproces."""
    for wp in _detail(ctx):
        counts = Counter(reference.fold(v.tekst) for v in wp.vakkennis_en_vaardigheden)
        for v in wp.vakkennis_en_vaardigheden:
            if counts[reference.fold(v.tekst)] > 1:
                yield (f"vakkennis item {v.tekst!r} listed twice", wp.code, _first(v.regels))
                counts[reference.fold(v.tekst)] = 0


@rule("KD504", "niveau-ontbreekt", "warning", "The profile has no niveau")
def _no_level(ctx: Context):
    """Algemene informatie names the niveau van de beroepsuitoefening (1–4)."""
    if ctx.profiel.niveau is None or not 1 <= ctx.profiel.niveau <= 4:
        yield (f"niveau {ctx.profiel.niveau!r} is not 1–4", None, _first(ctx.profiel.regels))


# ---------------------------------------------------------------- running

from . import rules_2015  # noqa: E402, F401 - registers the 2015-model rules (KD6xx)

RULES = dict(sorted(RULES.items()))


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    def matches(code: str, patterns: list[str]) -> bool:
        return any(code == p.upper() or code.startswith(p.upper()) for p in patterns)

    for p in (select or []) + (ignore or []):
        if not any(matches(c, [p]) for c in RULES) and p.upper() != "ALL":
            from ..errors import LookupFailed

            raise LookupFailed(f"unknown rule {p!r}; see 'kwaldossier rules'")
    rules = list(RULES.values())
    if select and "ALL" not in [s.upper() for s in select]:
        rules = [r for r in rules if matches(r.code, select)]
    if ignore:
        rules = [r for r in rules if not matches(r.code, ignore)]
    return rules


def run(bronnen: list[Bron], rules: list[Rule] | None = None) -> list[Finding]:
    rules = rules if rules is not None else list(RULES.values())
    findings: list[Finding] = []
    for b in bronnen:
        ctx = Context(b)
        pages = list(getattr(b.dossier, "regel_paginas", None) or [])
        model = getattr(b.dossier, "model", "2012")
        for r in rules:
            if r.model != model:
                continue
            for message, wp, line in r.check(ctx):
                findings.append(
                    Finding(
                        code=r.code,
                        severity=r.severity,
                        message=message,
                        profiel=b.profiel.naam,
                        werkproces=wp,
                        line=line,
                        bron=str(b.pad) if b.pad else None,
                        page=pages[line - 1] if line and 0 < line <= len(pages) else None,
                    )
                )
    order = {s: i for i, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (f.profiel or "", _wp_key(f.werkproces), f.line or 0, order[f.severity], f.code))
    return findings


def _wp_key(code: str | None) -> tuple[int, ...]:
    return reference.code_key(code) if code else (0,)


def exit_code(findings: list[Finding], strict: bool = False) -> int:
    failing = {"error", "warning"} if strict else {"error"}
    return 1 if any(f.severity in failing for f in findings) else 0
