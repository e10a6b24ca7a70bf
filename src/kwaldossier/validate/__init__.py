"""Rule-based checks of a parsed dossier. Every rule has a stable code, a severity and docs.

Layout: `registry.py` (Rule, Finding, Context, RULES, the `rule` decorator, `run`),
`report.py` (the typed report whose serialisation is `validate --json` and `rules --json`),
`rules/` (the 2012-model rules, one module per family: kd1_matrix, kd2_competenties, ...).
Output formats (text, json, github, junit) are emitters in `kwaldossier.render.findings`.

Adding a rule
-------------
Put a function in a module of `validate/rules/` (or a module `validate/rules_*.py`, e.g.
`rules_2015.py`); every such module is imported here, so the decorator registers it:

    from collections.abc import Iterator

    from kwaldossier.validate import Context, Finding, rule

    @rule("KD601", "lege-titel", "error", "A werkproces without title", modellen=("2015",))
    def lege_titel(ctx: Context) -> Iterator[Finding]:
        '''Every werkproces has a title; this one has none.

        Example: <werkproces code="B1-K1-W1"><titel/></werkproces>:

            KD601 error B1-K1-W1: B1-K1-W1 has no title
        '''
        for wp in ctx.profiel.werkprocessen():
            if not wp.titel.strip():
                yield ctx.finding(f"{wp.code} has no title", wp.code, None)

- code: KD + three digits, never reused (a retired code goes into `registry.RETIRED`);
  the first digit is the family. name: kebab-case Dutch. severity: error | warning | info.
  summary: one line for `kwaldossier rules`.
- The docstring is the documentation `kwaldossier rules CODE` prints: what the rule finds,
  why it matters, and an `Example:` with the input and the finding it gives.
- `modellen`: the dossier models the rule applies to, "2012" (text/PDF, the default) and/or
  "2015" (SBB XML). A rule never runs on a dossier of another model (the dossier's `model`
  attribute; a dossier without one is 2012).
- `ctx.profiel` is the profile, `ctx.dossier` the whole file, `ctx.finding(message,
  werkproces, line)` makes the finding (line: the source line, for CI annotations). A fact of
  the whole file (herstellingen, onverwerkte_regels) is reported only where `ctx.eigen(line)`.
- Add a fixture for the code to tests/test_rules.py (a failing input and the exact finding),
  and a row to the rules table in README.md.
"""

from __future__ import annotations

import importlib
import pkgutil

from . import rules as _rules_package
from .registry import (
    MODELLEN,
    RETIRED,
    RULES,
    SEVERITIES,
    Context,
    Finding,
    Rule,
    exit_code,
    rule,
    run,
    select_rules,
)

__all__ = [
    "MODELLEN",
    "RETIRED",
    "RULES",
    "SEVERITIES",
    "Context",
    "Finding",
    "Rule",
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
