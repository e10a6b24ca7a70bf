"""The rule registry, the finding type and the runner."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model.codes import code_key

if TYPE_CHECKING:
    from ..model.vorm import Dossier2012Vorm, Profiel2012Vorm, Profiel2015Vorm
    from ..model.vorm import DossierVorm as Dossier
    from ..model.vorm import ProfielVorm as Profiel
    from ..read.geladen import GeladenProfiel

SEVERITIES = ("error", "warning", "info")
MODELLEN = ("2012", "2015")  # the dossier models: 2012 text/PDF, 2015 SBB XML


@dataclass(frozen=True)
class Finding:
    """One finding. Its fields, in this order, are the `validate --json` finding object."""

    code: str
    severity: str
    message: str
    profiel: str | None
    werkproces: str | None
    line: int | None
    bron: str | None = None  # the input file the profile was read from
    page: int | None = None  # PDF input: the page the line came from
    # The file `line` counts lines of: the input text or PDF itself, or for parsed JSON the
    # original source the dossier names, when that exists relative to the working directory.
    # None when there is no such file; CI annotations then carry no file or line.
    regelbestand: str | None = None

    def as_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)

    @property
    def tekst(self) -> str:
        """The message in the language of the run, for people (text table, GitHub annotations);
        `message` (the JSON's) is English. Not a field: in neither the JSON, its schema nor ==."""
        tekst: str = self.__dict__.get("_tekst", self.message)
        return tekst

    def met_tekst(self, tekst: str) -> Finding:
        """This finding, worded `tekst` for people (set once, where it is made)."""
        object.__setattr__(self, "_tekst", tekst)
        return self


@dataclass(frozen=True, kw_only=True)
class Violation:
    """What a rule found, as facts: each rule has its own subclass (a frozen dataclass) whose
    fields are the facts and whose `message()` words them through the catalogue (taal._), in the
    language in force. `werkproces` and `regel` place it (the finding's werkproces and line); the
    registry makes the `Finding`."""

    werkproces: str | None = None
    regel: int | None = None

    def message(self) -> str:
        raise NotImplementedError(f"{type(self).__name__} has no message()")


Check = Callable[["Context"], Iterable[Violation]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    docs: str
    check: Check
    modellen: tuple[str, ...] = ("2012",)
    aliases: tuple[str, ...] = ()  # former codes of the rule (a rule per model, merged): they select it

    def applies_to(self, model: str) -> bool:
        return model in self.modellen


RULES: dict[str, Rule] = {}

# Former codes of a rule per model, merged into one rule of both models -> that rule's code.
# --select/--ignore with the exact former code mean the rule; `rules CODE` explains (RETIRED).
ALIASES: dict[str, str] = {"KD605": "KD301", "KD608": "KD304", "KD614": "KD202"}

# Codes that once existed: --select/--ignore accept them (no effect), `rules CODE` explains.
RETIRED: dict[str, str] = {
    "KD205": "(onbekende-component) is retired: it compared components with a table that held only the "
    "components of the two sample dossiers. Components are now checked against the dossier itself: "
    "KD204 vreemde-component, KD208 samengevoegde-component.",
    **{
        old: f"({name}) is now {new}: one rule for both dossier models (2012 and 2015), so its findings "
        f"carry {new}. --select {old} and --ignore {old} still mean {new}."
        for old, name, new in (
            ("KD605", "lege-omschrijving-2015", "KD301 lege-omschrijving"),
            ("KD608", "geen-competenties-2015", "KD304 geen-competenties"),
            ("KD614", "onbekende-competentie-2015", "KD202 onbekende-competentie"),
        )
    },
}


def rule(
    code: str, name: str, severity: str, summary: str, *, modellen: tuple[str, ...] = ("2012",)
) -> Callable[[Check], Check]:
    """Register a check `(ctx) -> Iterable[Violation]`; its docstring is the rule's documentation.
    The rule's aliases are the former codes ALIASES maps to it."""
    if severity not in SEVERITIES:
        raise ValueError(f"{code}: severity {severity!r} is not one of {SEVERITIES}")
    if unknown := set(modellen) - set(MODELLEN):
        raise ValueError(f"{code}: unknown dossier model(s) {sorted(unknown)}")
    if code in RULES or code in RETIRED:
        raise ValueError(f"{code}: code already used")
    aliases = tuple(old for old, new in ALIASES.items() if new == code)

    def wrap(fn: Check) -> Check:
        docs = _dedent(fn.__doc__ or "")
        RULES[code] = Rule(code, name, severity, summary, docs, fn, tuple(modellen), aliases)
        return fn

    return wrap


def _dedent(doc: str) -> str:
    import inspect

    return inspect.cleandoc(doc)


def dossier_model(dossier: Dossier) -> str:
    """The dossier's model: "2012" | "2015"."""
    return dossier.model


@dataclass
class Context:
    """What a check sees: one profile (`ctx.profiel`) of one dossier (`ctx.dossier`)."""

    bron: GeladenProfiel
    rule: Rule | None = None
    # shared by all profiles of one dossier during a run: for dossier-wide indexes
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def profiel(self) -> Profiel:
        return self.bron.profiel

    @property
    def dossier(self) -> Dossier:
        return self.bron.dossier

    @property
    def profiel2012(self) -> Profiel2012Vorm:
        """The profile, for a rule of the 2012 model (which runs on no other)."""
        p = self.bron.profiel
        assert p.model == "2012", "a 2012 rule ran on a dossier of another model"
        return p

    @property
    def dossier2012(self) -> Dossier2012Vorm:
        d = self.bron.dossier
        assert d.model == "2012", "a 2012 rule ran on a dossier of another model"
        return d

    @property
    def profiel2015(self) -> Profiel2015Vorm:
        """The profile, for a rule of the 2015 model (which runs on no other)."""
        p = self.bron.profiel
        assert p.model == "2015", "a 2015 rule ran on a dossier of another model"
        return p

    @property
    def model(self) -> str:
        return dossier_model(self.dossier)

    def finding(self, v: Violation) -> Finding:
        """The finding of the running rule on this profile that violation `v` makes."""
        assert self.rule is not None, "ctx.finding is for use inside a run"
        line = v.regel
        pages = self.cache.get("paginas")
        if pages is None:
            pages = self.cache["paginas"] = list(self.dossier.regel_paginas)
        from ..taal import huidige, in_taal

        with in_taal("en"):  # the JSON's message never changes with the language
            message = v.message()
        return Finding(
            code=self.rule.code,
            severity=self.rule.severity,
            message=message,
            profiel=self.bron.naam,
            werkproces=v.werkproces,
            line=line,
            bron=str(self.bron.pad) if self.bron.pad else None,
            page=pages[line - 1] if line and 0 < line <= len(pages) else None,
            regelbestand=self.regelbestand,
        ).met_tekst(message if huidige() == "en" else v.message())

    @property
    def regelbestand(self) -> str | None:
        if "regelbestand" not in self.cache:
            self.cache["regelbestand"] = _regelbestand(self.bron)
        bestand: str | None = self.cache["regelbestand"]
        return bestand

    def eigen(self, line: int | None) -> bool:
        """True when a dossier-level fact at `line` belongs to this profile: each line of a
        file belongs to exactly one profile (the one whose part of the file holds it; lines
        before the first profile belong to the first), so such a fact is reported once."""
        import bisect

        order = self.cache.get("profielstarts")
        if order is None:  # (first line, profile index), by first line
            alle: Sequence[Profiel] = self.dossier.profielen
            order = sorted(((p.regels[0] if p.regels else 0), i) for i, p in enumerate(alle))
            self.cache["profielstarts"] = order
            self.cache["profielstarts_regels"] = [start for start, _ in order]
        if not order:
            return True
        k = bisect.bisect_right(self.cache["profielstarts_regels"], line) - 1 if line is not None else 0
        return order[max(0, k)][1] in self._mine()

    def _mine(self) -> set[int]:
        key = f"profielindex:{id(self.profiel)}"
        if key not in self.cache:
            profielen: list[Profiel] = list(self.dossier.profielen)
            mine = {i for i, p in enumerate(profielen) if p is self.profiel}
            self.cache[key] = mine or {i for i, p in enumerate(profielen) if p.naam == self.profiel.naam}
        indexen: set[int] = self.cache[key]
        return indexen


def _regelbestand(bron: GeladenProfiel) -> str | None:
    if bron.pad is None:
        return None
    if bron.pad.suffix.lower() != ".json":
        return str(bron.pad)  # the text or PDF the lines were counted in
    origineel = bron.dossier.bron
    if not origineel:
        return None
    p = Path(origineel)
    if p.is_absolute() or ".." in p.parts:
        return None
    try:
        return p.as_posix() if (Path.cwd() / p).is_file() else None
    except OSError:
        return None


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    """The rules that --select (codes or prefixes, ALL) and --ignore leave. A former code of a
    merged rule (ALIASES, exactly) means that rule; a prefix matches the codes of today."""

    def matches(code: str, patterns: list[str]) -> bool:
        return any(code == p or code.startswith(p) for p in patterns)

    for p in (select or []) + (ignore or []):
        if p.upper() in ("ALL", *RETIRED) or any(matches(c, [p.upper()]) for c in RULES):
            continue
        from ..errors import LookupFailed
        from ..taal import _

        raise LookupFailed(_("unknown rule {code}; see 'kwaldossier rules'").format(code=repr(p)))
    chosen = [ALIASES.get(p.upper(), p.upper()) for p in select or []]
    skipped = [ALIASES.get(p.upper(), p.upper()) for p in ignore or []]
    rules = list(RULES.values())
    if chosen and "ALL" not in chosen:
        rules = [r for r in rules if matches(r.code, chosen)]
    if skipped:
        rules = [r for r in rules if not matches(r.code, skipped)]
    return rules


def run(geladen: list[GeladenProfiel], rules: list[Rule] | None = None) -> list[Finding]:
    """Every selected rule that applies to the dossier's model, on every profile."""
    rules = rules if rules is not None else list(RULES.values())
    findings: list[Finding] = []
    caches: dict[int, dict[str, Any]] = {}
    for b in geladen:
        cache = caches.setdefault(id(b.dossier), {})
        model = dossier_model(b.dossier)
        for r in rules:
            if not r.applies_to(model):
                continue
            ctx = Context(b, r, cache)
            findings.extend(ctx.finding(v) for v in r.check(ctx))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (f.profiel or "", code_key(f.werkproces or ""), f.line or 0, order[f.severity], f.code))
    return findings


def exit_code(findings: Iterable[Finding], strict: bool = False) -> int:
    failing = {"error", "warning"} if strict else {"error"}
    return 1 if any(f.severity in failing for f in findings) else 0
