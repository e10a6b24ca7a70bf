"""One fixture per rule code: an input that triggers the rule and the exact finding expected,
and a clean input that triggers none. Inputs are the seeds, or variants the tests make from
them: line edits of the text, or edits of the parsed model written as JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import BINNEN, BUITEN
from kwaldossier.validate import ALIASES, RETIRED, RULES, select_rules

# ---------------------------------------------------------------- making inputs

TextEdit = dict[int, tuple[str, str | None]]  # line: (old text, new text or None to delete)


def text_variant(tmp_path: Path, source: Path, edits: TextEdit, insert: dict[int, list[str]] | None = None) -> Path:
    """A copy of a seed with line edits (checking the old text) and lines inserted after a line."""
    lines = source.read_text(encoding="utf-8").split("\n")
    for no in sorted(set(edits) | set(insert or {}), reverse=True):
        for new_line in reversed((insert or {}).get(no, [])):
            lines.insert(no, new_line)
        if no in edits:
            old, new = edits[no]
            assert lines[no - 1] == old, (no, lines[no - 1])
            if new is None:
                del lines[no - 1]
            else:
                lines[no - 1] = new
    path = tmp_path / "variant.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def wp_of(data: dict, code: str) -> dict:
    return next(wp for kt in data["profielen"][0]["kerntaken"] for wp in kt["werkprocessen"] if wp["code"] == code)


def comp_of(wp: dict, letter: str) -> dict:
    return next(c for c in wp["competenties"] if c["letter"] == letter)


def json_variant(tmp_path: Path, dossier, edit: Callable[[dict], None]) -> Path:
    data = dossier.model_dump(mode="json")
    edit(data)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# ---------------------------------------------------------------- the fixtures

# Each case: code -> (make the input from tmp_path and the parsed buitendienst, expected
# findings of that code as (severity, werkproces, line, message)). Line numbers are those of
# the seed text; the messages are written out from the input, not copied from the output.


def _kd101(tmp, buiten):
    row = "    x            x x        "
    old = "1.3 Stelt een activiteitenplan op " + row
    return text_variant(tmp, BUITEN, {104: (old, "1.3 Stelt een activiteitenplan op x " + row[1:])})


def _kd102(tmp, buiten):
    return text_variant(tmp, BUITEN, {97: ("         x   x x    x        ", "         x   x     x        ")})


def _kd103(tmp, buiten):
    # drop the whole 2.6 detail section
    lines = BUITEN.read_text(encoding="utf-8").split("\n")
    assert lines[713].startswith("2.6 werkproces:") and lines[757].startswith(" Kerntaak 2")
    path = tmp / "no26.txt"
    path.write_text("\n".join(lines[:712] + lines[757:]), encoding="utf-8")
    return path


def _kd104(tmp, buiten):
    return text_variant(tmp, BUITEN, {115: ("    x            x         ", " " * 25)})


def _kd105(tmp, buiten):
    old = "3.1 werkproces: Signaleert en behandelt klachten"
    return text_variant(tmp, BUITEN, {852: (old, old + " en wensen")})


def _kd106(tmp, buiten):
    def edit(d):
        kt = d["profielen"][0]["kerntaken"][0]
        kt["werkprocessen"].insert(1, json.loads(json.dumps(kt["werkprocessen"][0])))

    return json_variant(tmp, buiten, edit)


def _kd201(tmp, buiten):
    lines = BUITEN.read_text(encoding="utf-8").split("\n")
    block = lines[1001:1008]  # 3.2: "Vakdeskundigheid toepassen" ... its indicator
    assert block[0] == "Vakdeskundigheid toepassen" and lines[1008].startswith(" 3.3 werkproces:")
    path = tmp / "dup.txt"
    path.write_text("\n".join([*lines[:1008], "", *block, *lines[1008:]]), encoding="utf-8")
    return path


def _kd202(tmp, buiten):
    return text_variant(tmp, BUITEN, {179: ("Analyseren", "Analyseeren")})


def _kd203(tmp, buiten):
    return json_variant(tmp, buiten, lambda d: comp_of(wp_of(d, "1.1"), "M").update(letter="N"))


def _kd204(tmp, buiten):
    return text_variant(tmp, BUITEN, {255: ("• Tijd indelen", "• Afstemmen")})


def _kd207(tmp, buiten):
    return text_variant(tmp, BUITEN, {181: ("• Informatie uiteenrafelen", "• Informatie genereren uit gegevens")})


def _kd208(tmp, buiten):
    def edit(d):
        comp_of(wp_of(d, "1.1"), "M")["componenten"][1] = "Informatie genereren uit gegevens met veel zorg"

    return json_variant(tmp, buiten, edit)


def _kd301(tmp, buiten):
    lines = BUITEN.read_text(encoding="utf-8").split("\n")
    assert lines[125].startswith("Omschrijving") and lines[130].startswith("informatie, zodat")
    path = tmp / "leeg.txt"
    path.write_text("\n".join(lines[:125] + lines[131:]), encoding="utf-8")
    return path


def _set_wp(code: str, key: str, value) -> Callable:
    return lambda tmp, buiten: json_variant(tmp, buiten, lambda d: wp_of(d, code).update({key: value}))


def _set_comp(key: str, value) -> Callable:
    return lambda tmp, buiten: json_variant(tmp, buiten, lambda d: comp_of(wp_of(d, "1.1"), "M").update({key: value}))


def _kd307(tmp, buiten):
    return json_variant(tmp, buiten, lambda d: d["profielen"][0]["algemene_informatie"].update(beroepshouding=""))


def _kd308(tmp, buiten):
    # drop the 2.3 continuation page (repeated kerntaak header to page number)
    lines = BUITEN.read_text(encoding="utf-8").split("\n")
    assert lines[587].startswith(" Kerntaak 2") and lines[605] == "Pagina 12 van 21"
    path = tmp / "nopage.txt"
    path.write_text("\n".join(lines[:587] + lines[606:]), encoding="utf-8")
    return path


def _kd401(tmp, buiten):
    return text_variant(tmp, BUITEN, {}, insert={116: ["zie bijlage 3 voor de toelichting", ""]})


def _kd403(tmp, buiten):
    def edit(d):
        wp_of(d, "1.1")["vakkennis_en_vaardigheden"][0]["tekst"] = "Berekeningen/schat-tingen maken"

    return json_variant(tmp, buiten, edit)


def _kd501(tmp, buiten):
    return json_variant(tmp, buiten, lambda d: wp_of(d, "1.3").update(code="2.3"))


def _kd503(tmp, buiten):
    return text_variant(tmp, BUITEN, {156: ("• Marktonderzoeks-methodes toepassen", "• Doorvragen")})


def _kd504(tmp, buiten):
    return text_variant(tmp, BUITEN, {31: ("Niveau 3", "Niveau onbekend")})


def _seed(path: Path) -> Callable:
    return lambda tmp, buiten: path


B, W, I = "error", "warning", "info"
KLACHTEN = "Signaleert en behandelt klachten"

CASES: dict[str, tuple[Callable, list[tuple[str, str | None, int | None, str]]]] = {
    "KD101": (_kd101, [(B, "1.3", 104, "matrix crosses A Beslissen en activiteiten initiëren but the detail has no such block")]),
    "KD102": (_kd102, [(B, "1.1", 189, "block N Onderzoeken has no cross in the matrix row")]),
    "KD103": (_kd103, [(B, "2.6", 337, "2.6 Onderhandelt met de klant/account has crosses in the matrix but no detail section")]),
    "KD104": (_kd104, [(B, "1.6", 272, "detail section 1.6 but its matrix row is empty")]),
    "KD105": (_kd105, [(W, "3.1", 852, f"matrix says {KLACHTEN!r}, detail says '{KLACHTEN} en wensen'")]),
    "KD106": (_kd106, [(B, "1.1", 124, "second detail section for 1.1")]),
    "KD201": (_kd201, [(B, "3.2", 1010, "K Vakdeskundigheid toepassen occurs twice (identical blocks, first at line 1002)")]),
    "KD202": (_kd202, [(B, "1.1", 179, "'Analyseeren' is not a competence of the national list; did you mean M 'Analyseren'?")]),
    "KD203": (_kd203, [(B, "1.1", 179, "'Analyseren' is competence M, not N")]),
    "KD204": (_kd204, [(W, "1.3", 255, "component 'Afstemmen' under Q: the dossier lists it under E 2 times, under Q 1 time")]),
    "KD206": (_seed(BUITEN), [(W, "3.1", 923, "R has the same prestatie-indicator as M (line 912)")]),
    "KD207": (_kd207, [(W, "1.1", 179, "component 'Informatie genereren uit gegevens' of M listed 2 times")]),
    "KD208": (
        _kd208,
        [(W, "1.1", 181, "component 'Informatie genereren uit gegevens met veel zorg' of M starts with the component "
          "'Informatie genereren uit gegevens'; is 'met veel zorg' merged text?")],
    ),
    "KD301": (_kd301, [(B, "1.1", 124, "omschrijving is empty")]),
    "KD302": (_set_wp("1.1", "gewenst_resultaat", []), [(B, "1.1", 124, "gewenst resultaat is empty")]),
    "KD303": (_set_wp("1.1", "vakkennis_en_vaardigheden", []), [(B, "1.1", 124, "vakkennis en vaardigheden list is empty")]),
    "KD304": (_set_wp("1.1", "competenties", []), [(B, "1.1", 124, "competence column is empty")]),
    "KD305": (_set_comp("prestatie_indicator", ""), [(B, "1.1", 179, "M Analyseren has no prestatie-indicator")]),
    "KD306": (_set_comp("componenten", []), [(B, "1.1", 179, "M Analyseren has no componenten")]),
    "KD307": (_kd307, [(W, None, 2, "algemene informatie: beroepshouding is empty")]),
    "KD308": (_kd308, [(W, "2.3", 587, "prestatie-indicator R stops mid-sentence: …'endelijkheid en organisatiebelang, zodat'")]),
    "KD401": (_kd401, [(B, None, 117, "line not placed in the model: 'zie bijlage 3 voor de toelichting'")]),
    "KD402": (
        _seed(BINNEN),
        [(W, "1.3", 207, "omschrijving: 'p lant' looks like 'plant'"), (W, "2.5", 563, "omschrijving: 'd aar' looks like 'daar'")],
    ),
    "KD403": (_kd403, [(W, "1.1", 137, "vakkennis_en_vaardigheden: broken word 'Berekeningen/schat-tingen'")]),
    "KD404": (_seed(BINNEN), [(W, "3.1", 887, "stray label 'Prestatie-Indicator' removed from the text")]),
    "KD405": (
        _seed(BINNEN),
        [(I, "2.3", 550, "merged columns split: '• Aansluiten bij behoeften en verwachtingen klantvriendelijkheid en or'")],
    ),
    "KD406": (_seed(BINNEN), [(I, "1.3", 207, "omschrijving: space before punctuation in 'iteiten in kaart .'")]),
    "KD501": (_kd501, [(B, "2.3", 104, "2.3 listed under kerntaak 1")]),
    "KD502": (
        _seed(BUITEN),
        [(I, "2.9", 349, "2.9 Bewaakt de voortgang van het verkooptraject bij de account has no matrix row; read as not in the profile")],
    ),
    "KD503": (_kd503, [(W, "1.1", 141, "vakkennis item 'Doorvragen' listed twice")]),
    "KD504": (_kd504, [(W, None, 2, "niveau None is not 1–4")]),
}


def test_every_rule_has_a_fixture():
    """Every 2012-model rule has its fixture here; the 2015-model rules (KD6xx) have theirs in
    tests/test_sbbxml.py (planted edits in a real SBB file)."""
    assert sorted(CASES) == sorted(c for c, r in RULES.items() if "2012" in r.modellen)


def _run(cli, path) -> list[dict]:
    r = cli("validate", path, "--format", "json")
    assert r.code in (0, 1), r.err
    return json.loads(r.out)["findings"]


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fixture(code, tmp_path, cli, buiten):
    make, expected = CASES[code]
    found = _run(cli, make(tmp_path, buiten))
    got = [(f["severity"], f["werkproces"], f["line"], f["message"]) for f in found if f["code"] == code]
    assert got == expected
    assert all(f["severity"] == RULES[code].severity for f in found if f["code"] == code)


def test_kd501_gap_in_numbering(tmp_path, cli):
    path = text_variant(tmp_path, BUITEN, {106: ("1.4 Voert accountanalyses uit                          ", None)})
    got = [(f["werkproces"], f["line"], f["message"]) for f in _run(cli, path) if f["code"] == "KD501"]
    assert got == [(None, 80, "kerntaak 1 numbers its werkprocessen [1, 2, 3, 5, 6]")]


# ---------------------------------------------------------------- clean input


def _clean_buitendienst(tmp_path: Path) -> Path:
    """buitendienst with its two real findings fixed: 3.1's R gets its own prestatie-indicator
    (KD206) and 2.9 gets a matrix row of empty cells (KD502)."""
    old = "De commercieel medewerker buitendienst stelt de juiste"
    return text_variant(
        tmp_path,
        BUITEN,
        {923: (old, "De commercieel medewerker buitendienst luistert naar de")},
        insert={351: ["", " " * 25]},
    )


def test_clean_input_triggers_no_rule(tmp_path, cli):
    """Clean: not one finding of any severity, so exit 0 even with --strict."""
    path = _clean_buitendienst(tmp_path)
    assert _run(cli, path) == []
    r = cli("validate", path, "--strict")
    assert r.code == 0 and "0 findings in 1 profiel(en): 0 errors, 0 warnings, 0 infos" in r.out


def test_seeds_findings_at_a_glance(cli):
    """The seeds: buitendienst has no error (two genuine findings); binnendienst one error."""
    buiten = _run(cli, BUITEN)
    assert [(f["code"], f["severity"]) for f in buiten] == [("KD502", I), ("KD206", W)]
    binnen = _run(cli, BINNEN)
    assert sorted(f["code"] for f in binnen) == sorted(["KD402", "KD406", "KD405", "KD402", "KD502", "KD404", "KD201"])


# ---------------------------------------------------------------- retired codes and docs


def test_retired_code_is_accepted_and_explained(cli):
    assert "KD205" in RETIRED and "KD205" not in RULES
    r = cli("validate", BUITEN, "--select", "KD205", "--format", "json")
    assert r.code == 0 and json.loads(r.out)["findings"] == []
    r = cli("rules", "KD205")  # explained (what it was, why it went), not an error
    assert r.code == 0 and r.err == "" and r.out.startswith("KD205  (retired)\n") and "KD204" in r.out
    r = cli("rules", "KD205", "--json")
    assert r.code == 0 and json.loads(r.out) == []  # no rule runs under a retired code
    r = cli("--taal", "nl", "rules", "KD205")
    assert r.code == 0 and r.out.startswith("KD205  (vervallen)\n")


def test_former_2015_codes_mean_the_merged_rule(cli):
    """KD605, KD608, KD614 were the 2015 copies of KD301, KD304, KD202: the exact code still
    selects and ignores the rule of both models, and `rules` says where it went."""
    assert ALIASES == {"KD605": "KD301", "KD608": "KD304", "KD614": "KD202"}
    assert [r.code for r in select_rules(["KD605"])] == ["KD301"]
    assert [r.code for r in select_rules(["kd608", "KD614"])] == ["KD202", "KD304"]
    kept = [r.code for r in select_rules(None, ["KD605"])]
    assert "KD301" not in kept and "KD302" in kept and len(kept) == len(RULES) - 1
    assert "KD301" not in [r.code for r in select_rules(["KD6"])]  # a prefix matches today's codes only
    assert RULES["KD301"].aliases == ("KD605",) and RULES["KD301"].modellen == ("2012", "2015")
    r = cli("rules", "KD605")
    assert r.code == 0 and r.out.startswith("KD605  (retired)\n")
    assert "(lege-omschrijving-2015) is now KD301 lege-omschrijving" in " ".join(r.out.split())
    r = cli("rules", "--json")
    entry = next(x for x in json.loads(r.out) if x["code"] == "KD304")
    assert entry["aliases"] == ["KD608"] and entry["modellen"] == ["2012", "2015"]


@pytest.mark.parametrize("code", sorted(c for c, r in RULES.items() if "2012" in r.modellen))
def test_rule_docs_have_an_example(code):
    r = RULES[code]
    assert "\nExample:" in r.docs and "{code}" not in r.docs, code
    assert r.modellen == (("2012", "2015") if r.aliases else ("2012",)), code


_EXAMPLE = re.compile(r"^(KD\d{3}) (error|warning|info)(?: (\d+\.\d+))?(?: line (\d+))?: (.*)$")


def _doc_examples(docs: str) -> list[tuple[str, str, str | None, int | None, str]]:
    """The findings a rule's docs show: indented 'KDnnn severity [wp] [line N]: message' lines,
    a more deeply indented line continuing the one before."""
    joined: list[str] = []
    for line in docs.split("\n"):
        if line.startswith("        ") and joined:
            joined[-1] += " " + line.strip()
        elif line.startswith("    KD"):
            joined.append(line.strip())
    out = []
    for text in joined:
        m = _EXAMPLE.match(text)
        assert m, text
        code, sev, wp, line, message = m.groups()
        out.append((code, sev, wp, int(line) if line else None, message))
    return out


def test_doc_examples_are_real_findings(cli):
    """Every finding a rule's docs show is what the rule reports: on its fixture, on a seed,
    or on the numbering-gap variant above."""
    real = {(code, *f) for code, (_, expected) in CASES.items() for f in expected}
    for seed in (BUITEN, BINNEN):
        real |= {(f["code"], f["severity"], f["werkproces"], f["line"], f["message"]) for f in _run(cli, seed)}
    real.add(("KD501", "error", None, 80, "kerntaak 1 numbers its werkprocessen [1, 2, 3, 5, 6]"))
    for code, r in RULES.items():
        if "2012" not in r.modellen:
            continue  # the KD6xx examples are checked in tests/test_sbbxml.py
        shown = _doc_examples(r.docs)
        assert shown, code
        for example in shown:
            assert example[0] == code and example in real, example


def test_readme_rules_table_matches_the_registry():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    rows = [line.split("|")[1:-1] for line in readme.splitlines() if line.startswith("| KD")]
    listed: dict[str, tuple[str, str]] = {}
    for code, name, severity, _ in (map(str.strip, row) for row in rows):
        if "–" in code:  # a range with one family of names: KD301–KD306 lege-…
            first, last = (int(c[2:]) for c in code.split("–"))
            for n in range(first, last + 1):
                listed[f"KD{n}"] = (RULES[f"KD{n}"].name, severity)
        else:
            listed[code] = (name, severity)
    assert set(listed) == set(RULES) | set(RETIRED)
    for code, r in RULES.items():
        assert listed[code] == (r.name, r.severity), code
    assert all(listed[code][1] == "retired" for code in RETIRED)
