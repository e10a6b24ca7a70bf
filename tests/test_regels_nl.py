"""The rules' one-line summaries in Dutch: `rules` and `rules CODE` (read by people) follow the
language; `rules --json` and JUnit XML's failure message (read by programs) keep the English
summary, byte for byte. The Dutch below is written by hand, not read from the catalogue.

And scans: every summary given to `rule(...)` is marked `N_()` (a literal msgid the registry
keeps in English), and every registered rule's summary has a Dutch msgstr."""

from __future__ import annotations

import ast
import json

import pytest

from conftest import ROOT
from test_bevindingen_nl import _input

# code -> (Dutch summary, English summary), as `rules` shows them
SUMMARIES: dict[str, tuple[str, str]] = {
    "KD101": (
        "Een kruisje in de matrix zonder competentieblok in de detaillering",
        "A matrix cross has no competence block in the detail",
    ),
    "KD106": ("Een werkproces met twee detailleringen", "A werkproces has two detail sections"),
    "KD202": (  # wraps in its cell
        "Een competentie die niet bij de landelijke 25 hoort (2012: naar de naam; 2015: naar de code A–Y)",
        "A competence is not one of the national 25 (2012: by its name; 2015: by its code A–Y)",
    ),
    "KD303": ("Lege vakkennis en vaardigheden", "Empty vakkennis en vaardigheden"),
    "KD402": ("Een woord met een spatie erin (p lant, d aar)", "A word broken by a space (p lant, d aar)"),
    "KD503": (
        "Een vakkennis-item staat twee keer in één werkproces",
        "A vakkennis item is listed twice in one werkproces",
    ),
    "KD603": (
        "De nummering van kerntaken of werkprocessen slaat een nummer over",
        "Kerntaak or werkproces numbers skip a number",
    ),
    "KD606": (
        "Een werkproces waarvan het gedrag geen opsommingstekens heeft",
        "A werkproces whose gedrag has no bullets",
    ),
    "KD611": (
        "Een profiel zonder crebo van de kwalificatie of zonder niveau",
        "A profile without kwalificatie crebo or niveau",
    ),
}


def _table(out: str) -> dict[str, list[str]]:
    """code -> [name, severity, summary] of each row of the `rules` table (cut at the header's
    column starts), a cell's wrapped lines joined with a space."""
    lines = [line.replace("│", " ") for line in out.splitlines()]
    header = next(line for line in lines if line.split()[:1] == ["code"])
    titles = ("code", "naam", "ernst", "wat de regel vindt") if "naam" in header else ("code", "name", "severity")
    starts = [header.index(t) for t in titles] + ([] if len(titles) == 4 else [header.index("what it finds")])
    rows: dict[str, list[str]] = {}
    last: list[str] | None = None
    for line in lines[lines.index(header) + 1 :]:
        cells = [line[a:b].strip() for a, b in zip(starts, [*starts[1:], len(line)], strict=True)]
        if cells[0].startswith("KD"):
            last = rows[cells[0]] = cells[1:]
        elif last is not None and not cells[0] and any(cells):
            last[:] = [f"{old} {more}".strip() for old, more in zip(last, cells[1:], strict=True)]
    return rows


def test_rules_table_in_dutch(cli):
    r = cli("--taal", "nl", "rules")
    assert (r.code, r.err) == (0, "")
    rows = _table(r.out)
    assert len(rows) >= 42
    for code, (nl, _en) in SUMMARIES.items():
        assert rows[code][2] == nl, code
    assert rows["KD101"][:2] == ["cross-zonder-competentie", "fout"]
    assert rows["KD611"][:2] == ["profiel-zonder-crebo-of-niveau", "waarschuwing"]
    assert "wat de regel vindt" in r.out


def test_rules_table_in_english_as_before(cli):
    r = cli("--taal", "en", "rules")
    rows = _table(r.out)
    for code, (_nl, en) in SUMMARIES.items():
        assert rows[code][2] == en, code
    assert rows["KD101"][:2] == ["cross-zonder-competentie", "error"]


def test_dutch_by_the_locale_too(cli):
    r = cli("rules", env={"LANGUAGE": "nl", "KWALDOSSIER_TAAL": ""})
    assert _table(r.out)["KD303"][2] == "Lege vakkennis en vaardigheden"


def test_one_rule_in_dutch(cli):
    r = cli("--taal", "nl", "rules", "KD101")
    assert (r.code, r.err) == (0, "")
    assert r.out.splitlines()[:3] == [
        "KD101 cross-zonder-competentie  (fout)",
        "Een kruisje in de matrix zonder competentieblok in de detaillering",
        "Dossiermodel(len): 2012",
    ]
    assert "The proces-competentie-matrix crosses a competence" in r.out  # the docs stay English
    en = cli("--taal", "en", "rules", "KD101")
    assert en.out.splitlines()[:3] == [
        "KD101 cross-zonder-competentie  (error)",
        "A matrix cross has no competence block in the detail",
        "Dossier model(s): 2012",
    ]


def test_one_2015_rule_in_dutch(cli):
    r = cli("--taal", "nl", "rules", "KD606")
    assert r.out.splitlines()[:3] == [
        "KD606 gedrag-zonder-bullets  (fout)",
        "Een werkproces waarvan het gedrag geen opsommingstekens heeft",
        "Dossiermodel(len): 2015",
    ]


@pytest.mark.parametrize("args", [("rules", "--json"), ("rules", "KD202", "--json")])
def test_rules_json_is_english_and_byte_identical(cli, args):
    nl = cli("--taal", "nl", *args)
    en = cli("--taal", "en", *args)
    by_locale = cli(*args, env={"LANGUAGE": "nl", "KWALDOSSIER_TAAL": ""})
    assert nl.out == en.out == by_locale.out and nl.code == en.code == by_locale.code == 0
    summaries = {r["code"]: r["summary"] for r in json.loads(nl.out)}
    for code, summary in summaries.items():
        if code in SUMMARIES:
            assert summary == SUMMARIES[code][1]


def test_junit_failure_message_stays_english(cli, tmp_path):
    path = _input("KD303", tmp_path)
    nl = cli("--taal", "nl", "validate", path, "--format", "junit")
    en = cli("--taal", "en", "validate", path, "--format", "junit")
    assert nl.out == en.out and nl.code == en.code == 1
    assert '<failure message="Empty vakkennis en vaardigheden" type="KD303">' in nl.out


# ---------------------------------------------------------------- every summary marked and translated

SRC = ROOT / "src" / "kwaldossier"


def _name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _rule_calls(tree: ast.Module) -> list[ast.Call]:
    """The calls of `rule(...)` in a module, and of names bound to `partial(rule, ...)`."""
    names = {"rule"}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and _name(node.value.func) == "partial"
            and node.value.args
            and _name(node.value.args[0]) == "rule"
        ):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and _name(n.func) in names and (_code(n) or "").startswith("KD")
    ]


def _code(call: ast.Call) -> str | None:
    """The rule code a call gives (a literal; the parsers' `rule(state, no)` gives none)."""
    code = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "code"), None)
    return code.value if isinstance(code, ast.Constant) and isinstance(code.value, str) else None


def _unmarked_summaries(where: str, tree: ast.Module) -> list[str]:
    """Each `rule(...)` whose summary is not N_("a literal")."""
    out = []
    for call in _rule_calls(tree):
        summary = (
            call.args[3] if len(call.args) > 3 else next((k.value for k in call.keywords if k.arg == "summary"), None)
        )
        marked = (
            isinstance(summary, ast.Call)
            and _name(summary.func) == "N_"
            and len(summary.args) == 1
            and isinstance(summary.args[0], ast.Constant)
            and isinstance(summary.args[0].value, str)
        )
        if not marked:
            out.append(f"{where}:{call.lineno}: {_code(call)} {ast.unparse(summary) if summary else None}"[:100])
    return out


def _trees() -> dict[str, ast.Module]:
    return {str(f.relative_to(SRC)): ast.parse(f.read_text(encoding="utf-8")) for f in sorted(SRC.rglob("*.py"))}


def test_every_summary_is_marked_for_the_catalogue():
    from kwaldossier.validate import RULES

    trees = _trees()
    calls = [c for tree in trees.values() for c in _rule_calls(tree)]
    assert len(calls) == len(RULES) >= 42  # the scan sees every registration
    assert [u for where, tree in trees.items() for u in _unmarked_summaries(where, tree)] == []


def test_the_scan_catches_an_unmarked_summary():
    code = """
from functools import partial
_rule = partial(rule, modellen=("2015",))
@rule("KD901", "een", "error", "plain English")
def een(ctx): ...
@_rule("KD902", "twee", "error", f"an {x} f-string")
def twee(ctx): ...
@rule("KD903", "drie", "error", summary=_("translated at import"))
def drie(ctx): ...
@rule("KD904", "vier", "error", N_("marked"))
def vier(ctx): ...
@_rule("KD905", "vijf", "error", summary=N_("marked too"))
def vijf(ctx): ...
"""
    found = _unmarked_summaries("x.py", ast.parse(code))
    assert [f.split()[1] for f in found] == ["KD901", "KD902", "KD903"]
    assert _rule_calls(ast.parse("nxt = rule(st, no)")) == []  # a parser's rule, not a registration


def test_every_rule_summary_has_a_dutch_translation():
    """Each registered rule's summary (the English msgid) has a Dutch msgstr, not empty, not
    fuzzy; and the Dutch run shows it."""
    import hatch_build

    from kwaldossier import taal
    from kwaldossier.validate import RULES

    po = hatch_build.read_po()
    wrong = []
    for r in RULES.values():
        m = po.get(r.summary)
        if m is None or m.fuzzy or not m.string or not str(m.string).strip():
            wrong.append(f"{r.code}: untranslated: {r.summary!r}")
    assert wrong == []
    with taal.in_taal("nl"):
        shown = {r.code: taal._(r.summary) for r in RULES.values()}
    assert [c for c, r in RULES.items() if shown[c] == r.summary] == []
    assert shown["KD303"] == "Lege vakkennis en vaardigheden"
