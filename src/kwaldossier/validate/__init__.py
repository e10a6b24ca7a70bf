"""Rule-based checks of a parsed dossier. Every rule has a stable code, a severity and docs.

Layout: `registry.py` (Rule, Finding, Context, RULES, the `rule` decorator, `run`),
`report.py` (the typed report whose serialisation is `validate --json` and `rules --json`),
`rules/` (one module per family: kd1_matrix, kd2_competenties, ... kd6_sbb2015 for the
2015 model; KD202, KD301 and KD304 hold for both models; `_common.py` the shared walks).
Output formats (text, json, github, junit) are emitters in `kwaldossier.render.findings`.

Adding a rule
-------------
A rule is a typed violation and a check. Put both in a module of `validate/rules/` (or a module
`validate/rules_*.py`); every such module is imported here, so the decorator registers it.
KD503 as it stands in `rules/kd5_structuur.py` (its check simplified: no case folding):

    from collections.abc import Iterator
    from dataclasses import dataclass

    from kwaldossier.taal import N_, _
    from kwaldossier.validate import Context, Violation, rule

    @dataclass(frozen=True, kw_only=True)
    class DubbeleVakkennis(Violation):
        tekst: str  # the item listed twice

        def message(self) -> str:
            return _("vakkennis item {tekst} listed twice").format(tekst=repr(self.tekst))

    @rule("KD503", "dubbele-vakkennis", "warning", N_("A vakkennis item is listed twice in one werkproces"))
    def dubbele_vakkennis(ctx: Context) -> Iterator[DubbeleVakkennis]:
        '''The same vakkennis-en-vaardigheden item appears twice in one werkproces.

        Example: "• Doorvragen" twice in the vakkennis column of 1.1 (first at line 141):

            KD503 warning 1.1 line 141: vakkennis item 'Doorvragen' listed twice
        '''
        for wp in ctx.profiel2012.werkprocessen():
            seen: set[str] = set()
            for v in wp.vakkennis_en_vaardigheden:
                if v.tekst in seen:
                    yield DubbeleVakkennis(werkproces=wp.code, regel=v.regels[0], tekst=v.tekst)
                seen.add(v.tekst)

- The violation: a frozen dataclass (kw_only) subclassing `Violation`, one per rule (or per
  kind of finding of a rule); its fields are the facts, `message()` words them
  through the catalogue (`_("... {name} ...").format(name=...)`, a whole sentence per variant;
  a Dutch msgstr for each: hatch_build.py). The inherited
  `werkproces` and `regel` place it: the finding's werkproces and line (the source line, for CI
  annotations). The check yields violations; the registry makes the `Finding` (code,
  severity, profile, file, page) from the rule and the violation.
- code: KD + three digits, never reused (a retired code goes into `registry.RETIRED`);
  the first digit is the family. A rule that holds for both models is written once with
  `modellen=("2012", "2015")`; when it replaces a rule per model, the former code goes into
  `registry.ALIASES` (it keeps selecting the rule) and `registry.RETIRED` (what became of it). name: kebab-case Dutch. severity: error | warning | info.
  summary: one line for `kwaldossier rules`, marked `N_()` (English in `rules --json` and JUnit,
  shown through `_()` to people; a Dutch msgstr for it too).
- The docstring is the documentation `kwaldossier rules CODE` prints: what the rule finds,
  why it matters, and an `Example:` with the input and the finding it gives.
- `modellen`: the dossier models the rule applies to, "2012" (text/PDF, the default) and/or
  "2015" (SBB XML). A rule never runs on a dossier of another model (the dossier's `model`
  attribute; a dossier without one is 2012).
- `ctx.profiel` is the profile, `ctx.dossier` the whole file (`ctx.profiel2012`,
  `ctx.profiel2015` typed for a rule of one model). A fact of the whole file (herstellingen,
  onverwerkte_regels) is reported only where `ctx.eigen(line)`.
- Add a fixture for the code to tests/test_rules.py: a small dossier built with tests/bouw.py
  (`dossier2012`, `sbb2015`: the defaults are clean, change the one value the rule is about)
  and the exact finding; and a row to the rules table in README.md.
"""

from __future__ import annotations

import importlib
import pkgutil

from . import rules as _rules_package
from .registry import (
    ALIASES,
    MODELLEN,
    RETIRED,
    RULES,
    SEVERITIES,
    Context,
    Finding,
    Rule,
    Violation,
    exit_code,
    rule,
    run,
    select_rules,
)

__all__ = [
    "ALIASES",
    "MODELLEN",
    "RETIRED",
    "RULES",
    "SEVERITIES",
    "Context",
    "Finding",
    "Rule",
    "Violation",
    "exit_code",
    "rule",
    "run",
    "select_rules",
]


def _load_rules() -> None:
    """Import every rule module, then order the registry by code."""
    for info in pkgutil.iter_modules(_rules_package.__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{_rules_package.__name__}.{info.name}")
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("rules_"):
            importlib.import_module(f"{__name__}.{info.name}")
    ordered = sorted(RULES.items())
    RULES.clear()
    RULES.update(ordered)


_load_rules()
