"""The typed results of `validate` and `rules`. Their serialisation (dataclasses.asdict) is the
documented `--json` output; every output format is an emitter over these (render/findings.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, cast

from ..analyse.results import DossierJson
from .registry import RULES, SEVERITIES, Finding, Rule, dossier_model

if TYPE_CHECKING:
    from ..read.geladen import GeladenProfiel


@dataclass(frozen=True)
class Summary:
    profielen: int  # profiles checked
    error: int
    warning: int
    info: int


@dataclass(frozen=True)
class ValidateReport:
    """`validate --json`: {"findings": [...], "summary": {...}, "profielnamen": [...], "rules": [...],
    "modellen": {...}, "dossiers": [...]}. Findings come per dossier, in the order the dossiers
    were given (analyse/groepen.py), and within a dossier per profile, werkproces and line."""

    findings: list[Finding]
    summary: Summary
    profielnamen: list[str] = field(default_factory=list)  # the profiles checked, in order
    rules: list[str] = field(default_factory=list)  # the codes of the selected rules
    modellen: dict[str, str] = field(default_factory=dict)  # profile -> dossier model ("2012" | "2015")
    dossiers: list[DossierJson] = field(default_factory=list)  # the dossiers checked, with their profiles

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RuleInfo:
    """One entry of `rules --json`."""

    code: str
    name: str
    severity: str
    summary: str
    docs: str
    modellen: list[str]
    aliases: list[str]  # former codes that select this rule (a rule per model, merged into this one)

    @classmethod
    def of(cls, r: Rule) -> RuleInfo:
        return cls(r.code, r.name, r.severity, r.summary, r.docs, list(r.modellen), list(r.aliases))


def build_report(
    findings: list[Finding], geladen: list[GeladenProfiel], rules: Iterable[Rule] | None = None
) -> ValidateReport:
    from ..analyse.groepen import groepeer

    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    names = list(dict.fromkeys(b.naam for b in geladen))
    codes = [r.code for r in (rules if rules is not None else RULES.values())]
    dossiers = [cast("DossierJson", gr.json()) for gr in groepeer(geladen)]
    # per dossier and profile in the order given; sorted() is stable: run()'s order inside each
    plek = {p: (i, j) for i, d in enumerate(dossiers) for j, p in enumerate(d["profielen"])}
    rest = (len(dossiers), 0)
    return ValidateReport(
        findings=sorted(findings, key=lambda f: plek.get(f.profiel or "", rest)),
        summary=Summary(profielen=len(geladen), **counts),
        profielnamen=names,
        rules=codes,
        modellen={b.naam: dossier_model(b.dossier) for b in geladen},
        dossiers=dossiers,
    )


def rule_infos(rules: Iterable[Rule]) -> list[RuleInfo]:
    return [RuleInfo.of(r) for r in rules]


def json_schemas() -> dict[str, Any]:
    """JSON Schema of `validate --json` and `rules --json` (pydantic reads the dataclasses)."""
    from pydantic import TypeAdapter

    return {
        "validate": TypeAdapter(ValidateReport).json_schema(),
        "rules": TypeAdapter(list[RuleInfo]).json_schema(),
    }
