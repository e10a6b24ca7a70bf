"""validate's CI formats (GitHub annotations, JUnit XML), where annotations point, the typed
report, dossier models, and files with several profiles."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import BINNEN, BUITEN, PARSED, RAW, SBB_XML
from kwaldossier.render.findings import escape_data, escape_property

# ---------------------------------------------------------------- GitHub escaping


@pytest.mark.parametrize(
    "raw,escaped",
    [("100%", "100%25"), ("a\rb", "a%0Db"), ("a\nb", "a%0Ab"), ("%0A", "%250A"), ("a:b,c", "a:b,c")],
)
def test_escape_data(raw, escaped):
    assert escape_data(raw) == escaped


@pytest.mark.parametrize(
    "raw,escaped",
    [("100%", "100%25"), ("a\rb", "a%0Db"), ("a\nb", "a%0Ab"), ("a:b", "a%3Ab"), ("a,b", "a%2Cb"), ("%,", "%25%2C")],
)
def test_escape_property(raw, escaped):
    assert escape_property(raw) == escaped


def _unescape(text: str) -> str:
    for esc, ch in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(esc, ch)
    return text


def _annotations(out: str) -> list[tuple[str, dict[str, str], str]]:
    """(level, properties, message) per workflow command; fails on a malformed line."""
    parsed = []
    for line in out.splitlines():
        assert line.startswith("::"), line
        head, message = line[2:].split("::", 1)
        level, _, props = head.partition(" ")
        values = {}
        for prop in props.split(","):
            key, _, value = prop.partition("=")
            values[key] = _unescape(value)
        parsed.append((level, values, _unescape(message)))
    return parsed


def test_github_file_name_with_comma_and_colon(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(BINNEN, tmp_path / "dossier, v2: final.txt")
    r = cli("validate", "dossier, v2: final.txt", "--format", "github")
    assert r.code == 1
    found = _annotations(r.out)
    assert len(found) == 7
    assert all(p["file"] == "dossier, v2: final.txt" and p["title"].startswith("KD") for _, p, _ in found)
    assert ("error", {"file": "dossier, v2: final.txt", "line": "1059", "title": "KD201"}) in [
        (lv, p) for lv, p, _ in found
    ]


def test_github_message_with_percent_and_newlines(tmp_path, cli, binnen):
    data = binnen.model_dump(mode="json")
    data["profielen"][0]["naam"] = "Binnen 100%\r\nmet: komma, en %0A"
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    r = cli("validate", path, "--format", "github")
    lines = r.out.splitlines()
    assert len(lines) == 7  # one line per finding: nothing broke a line
    found = _annotations(r.out)
    assert found[-1][0] == "error"
    assert found[-1][2].startswith("Binnen 100%\r\nmet: komma, en %0A 3.3 (line 1059): J Formuleren en rapporteren")


# ---------------------------------------------------------------- where annotations point


def test_annotations_on_bundled_data_carry_no_file_or_line(tmp_path, cli, monkeypatch):
    """Bundled (parsed JSON) input: the original text is not in the working directory, so no
    file (never the JSON file, never a path inside the package) and no line property."""
    monkeypatch.chdir(tmp_path)
    r = cli("validate", "--format", "github")
    assert r.code == 1
    found = _annotations(r.out)
    assert found and all(set(p) == {"title"} for _, p, _ in found)
    assert "json" not in r.out and "site-packages" not in r.out
    assert (
        "error",
        "Commercieel medewerker binnendienst 3.3 (line 1059): J Formuleren en rapporteren occurs twice "
        "(identical blocks, first at line 1049)",
    ) in [(lv, m) for lv, _, m in found]


def test_annotations_on_json_point_at_the_original_text(cli, monkeypatch):
    """Parsed JSON whose `bron` (a file name) exists relative to the working directory: the
    annotation points at that text file and its line."""
    monkeypatch.chdir(RAW)
    json_path = PARSED / "commercieel-medewerker-binnendienst.json"
    assert json.loads(json_path.read_text(encoding="utf-8"))["bron"] == BINNEN.name
    r = cli("validate", str(json_path), "--format", "github")
    found = _annotations(r.out)
    assert ("error", {"file": BINNEN.name, "line": "1059", "title": "KD201"}) in [(lv, p) for lv, p, _ in found]
    data = json.loads(cli("validate", str(json_path), "--json").out)
    assert {f["regelbestand"] for f in data["findings"]} == {BINNEN.name}
    assert {f["bron"] for f in data["findings"]} == {str(json_path)}


def test_annotations_on_json_with_absolute_bron_carry_no_file(tmp_path, cli, binnen, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = binnen.model_dump(mode="json")
    data["bron"] = str(BINNEN)  # exists, but absolute: not a path in the repository
    path = tmp_path / "abs.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    found = _annotations(cli("validate", path.name, "--format", "github").out)
    assert all(set(p) == {"title"} for _, p, _ in found)


# ---------------------------------------------------------------- JUnit


def test_junit_hostile_profile_name_is_well_formed(tmp_path, cli, binnen):
    hostile = 'Evil <b>&amp; "q" \x01\x0b\x1f\ufffe ]]> naam'
    data = binnen.model_dump(mode="json")
    data["profielen"][0]["naam"] = hostile
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    r = cli("validate", path, "--format", "junit")
    assert r.code == 1
    root = ET.fromstring(r.out.encode("utf-8"))  # expat: a real, strict XML 1.0 parser
    assert root.tag == "testsuite" and root.get("failures") == "1"
    classnames = {tc.get("classname") for tc in root}
    assert classnames == {'Evil <b>&amp; "q" \ufffd\ufffd\ufffd\ufffd ]]> naam'}
    [failed] = [tc for tc in root if tc.find("failure") is not None]
    assert failed.get("name") == "KD201 dubbele-competentie"
    assert (
        failed.find("failure").text
        == "3.3 line 1059: J Formuleren en rapporteren occurs twice (identical blocks, first at line 1049)"
    )


def test_junit_has_a_case_per_rule_and_profile_even_when_clean(cli):
    r = cli("validate", BUITEN, "BINNEN".lower(), "--format", "junit", "--select", "KD1,KD2")
    root = ET.fromstring(r.out)
    data = json.loads(cli("rules", "--json").out)
    n_rules = len([x for x in data if x["code"].startswith(("KD1", "KD2"))])
    assert int(root.get("tests")) == len(root) == 2 * n_rules
    out = {tc.get("classname"): tc.find("system-out") for tc in root if tc.find("system-out") is not None}
    assert list(out) == ["Commercieel medewerker buitendienst"]  # KD206, a warning: not a failure


# ---------------------------------------------------------------- the typed report


def test_json_is_the_serialised_report(cli):
    from pydantic import TypeAdapter

    from kwaldossier.validate.report import ValidateReport, json_schemas

    r = cli("validate", BINNEN, "--json")
    report = TypeAdapter(ValidateReport).validate_json(r.out)
    assert json.loads(r.out) == report.as_dict()
    assert report.summary.error == 1 and report.summary.profielen == 1
    assert report.profielnamen == ["Commercieel medewerker binnendienst"] and "KD101" in report.rules
    keys = {"code", "severity", "message", "profiel", "werkproces", "line", "bron"}
    assert all(keys <= set(f) for f in json.loads(r.out)["findings"])
    schema = json_schemas()
    assert {"findings", "summary"} <= set(schema["validate"]["properties"])
    assert schema["rules"]["type"] == "array"


def test_rules_json_entries(cli):
    data = json.loads(cli("rules", "--json").out)
    assert all(set(x) == {"code", "name", "severity", "summary", "docs", "modellen", "aliases"} for x in data)
    assert json.loads(cli("rules", "KD204", "--json").out)[0]["modellen"] == ["2012"]
    assert json.loads(cli("rules", "KD204", "--json").out)[0]["aliases"] == []


# ---------------------------------------------------------------- dossier models


@pytest.mark.shared
def test_rules_run_only_on_their_model(buiten):
    from kwaldossier.read import GeladenProfiel
    from kwaldossier.read.sbbxml import parse_sbb
    from kwaldossier.validate import RULES, rule, run

    (sbb,) = parse_sbb(SBB_XML / "2637 Sociaal_werk.xml")
    geladen = [GeladenProfiel(p, sbb, None) for p in sbb.profielen]
    assert all("2015" in RULES[f.code].modellen for f in run(geladen))  # no 2012-only rule runs
    seed = [GeladenProfiel(p, buiten, None) for p in buiten.profielen]
    assert all("2012" in RULES[f.code].modellen for f in run(seed))  # and no 2015 rule on a 2012 dossier

    from dataclasses import dataclass

    from kwaldossier.validate import Violation

    @dataclass(frozen=True, kw_only=True)
    class Gezien(Violation):
        def message(self) -> str:
            return "seen"

    @rule("KD999", "test-2015", "info", "a test rule for 2015 dossiers", modellen=("2015",))
    def _only_2015(_ctx):
        yield Gezien()

    try:
        assert "KD999" in [f.code for f in run(geladen)]
        assert "KD999" not in {f.code for f in run(seed)}
    finally:
        del RULES["KD999"]


# ---------------------------------------------------------------- several profiles in one file


def _copies(tmp_path: Path, source: Path, n: int, edits: dict[int, str] | None = None) -> tuple[Path, int]:
    """n copies of a seed in one file, profile i named '... i'; returns the file and the
    number of lines per copy."""
    text = source.read_text(encoding="utf-8")
    lines = text.split("\n")
    for no, new in (edits or {}).items():
        lines.insert(no, new)
    text = "\n".join(lines)
    naam = "Commercieel medewerker " + source.stem.split("-")[-1]
    parts = [text.replace(naam, f"{naam} {i}") for i in range(1, n + 1)]
    path = tmp_path / "many.txt"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path, len(lines)


def test_dossier_level_repairs_reported_once_per_profile(tmp_path, cli):
    n = 5
    path, per_copy = _copies(tmp_path, BINNEN, n)
    found = json.loads(cli("validate", path, "--json").out)["findings"]
    for code, line in (("KD404", 887), ("KD405", 550)):
        got = sorted((f["profiel"], f["line"]) for f in found if f["code"] == code)
        assert got == sorted((f"Commercieel medewerker binnendienst {i + 1}", line + i * per_copy) for i in range(n))
    single = json.loads(cli("validate", BINNEN, "--json").out)["findings"]
    assert len(found) == n * len(single) == n * 7


def test_unplaced_line_reported_once_per_profile(tmp_path, cli):
    path, per_copy = _copies(tmp_path, BUITEN, 3, {116: "zie bijlage 3 voor de toelichting"})
    found = json.loads(cli("validate", path, "--json").out)["findings"]
    got = sorted((f["profiel"], f["line"]) for f in found if f["code"] == "KD401")
    assert got == [(f"Commercieel medewerker buitendienst {i + 1}", 117 + i * per_copy) for i in range(3)]


# ---------------------------------------------------------------- odd parsed JSON


def test_odd_codes_and_letters_in_parsed_json_are_input_errors(tmp_path, cli, buiten):
    """The structural check of parsed JSON refuses what no parse can produce: one line, exit 2."""
    for edit, message in (
        (lambda wp: wp["matrix"].append("ZZ"), "'ZZ' is not a competence letter A–Y"),
        (lambda wp: wp.update(code="a.b"), "a.b"),
    ):
        data = buiten.model_dump(mode="json")
        edit(data["profielen"][0]["kerntaken"][0]["werkprocessen"][0])
        path = tmp_path / "odd.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        r = cli("validate", path, "--json")
        assert (r.code, r.out) == (2, ""), r.err
        assert str(path) in r.err and message in r.err and r.err.count("\n") == 1


def test_odd_names_give_findings_not_errors(tmp_path, cli, buiten):
    data = buiten.model_dump(mode="json")
    kt = data["profielen"][0]["kerntaken"][0]
    comp = kt["werkprocessen"][0]["competenties"][0]
    comp["naam"] = "Formuleren " * 20_000  # a huge line where a name is expected
    comp["letter"] = None
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    r = cli("validate", path, "--json")
    assert r.code == 1 and r.err == ""
    found = json.loads(r.out)["findings"]
    [kd202] = [f["message"] for f in found if f["code"] == "KD202"]
    # quoted short, and no fuzzy guess for a text far longer than any competence name
    assert kd202 == "'" + ("Formuleren " * 8)[:79] + "…' is not a competence of the national list"


def test_line_before_the_first_profile_belongs_to_the_first(tmp_path, cli):
    text = BINNEN.read_text(encoding="utf-8") + "\n" + BUITEN.read_text(encoding="utf-8")
    path = tmp_path / "two.txt"
    path.write_text("zie bijlage 3 voor de toelichting\n" + text, encoding="utf-8")
    found = json.loads(cli("validate", path, "--json").out)["findings"]
    got = [(f["profiel"], f["line"], f["message"]) for f in found if f["code"] == "KD401"]
    assert got == [
        ("Commercieel medewerker binnendienst", 1, "line not placed in the model: 'zie bijlage 3 voor de toelichting'")
    ]


def test_junit_runs_only_the_rules_of_the_model_and_follows_strict(cli):
    """A 2012 file gets a test case per 2012 rule only; --strict fails warnings in JUnit too,
    as it does in the exit code."""
    import xml.etree.ElementTree as ET

    from kwaldossier.validate import RULES

    r = cli("validate", BUITEN, "--format", "junit")
    suite = ET.fromstring(r.out)
    names = [c.get("name", "") for c in suite.iter("testcase")]
    assert len(names) == sum(1 for rule in RULES.values() if "2012" in rule.modellen)
    assert not any(n.startswith("KD6") for n in names)
    assert (r.code, suite.get("failures")) == (0, "0")  # buitendienst: a warning (KD206), no error
    strict = cli("validate", BUITEN, "--format", "junit", "--strict")
    suite = ET.fromstring(strict.out)
    failed = [c.get("name") for c in suite.iter("testcase") if c.find("failure") is not None]
    assert strict.code == 1 and suite.get("failures") == str(len(failed)) and any(n.startswith("KD206") for n in failed)


# ---------------------------------------------------------------- per dossier, in the order given (issue 20)

SW_KOP = "Sociaal werk, crebo 23185, 2015 model, geldig vanaf 01-08-2015, Vastgesteld"
PW_KOP = "Pedagogisch Werk, crebo 23183, 2015 model, geldig vanaf 01-08-2015, Vastgesteld"
SW_FILE, PW_FILE = SBB_XML / "2637 Sociaal_werk.xml", SBB_XML / "2635 Pedagogisch_Werk.xml"


@pytest.mark.shared
@pytest.mark.parametrize("order", [(SW_FILE, PW_FILE), (PW_FILE, SW_FILE)])
def test_validate_json_names_the_dossiers_and_keeps_their_findings_together(cli, order):
    r = cli("validate", *order, "--json")
    data = json.loads(r.out)
    titels = {SW_FILE: ("Sociaal werk", "23185"), PW_FILE: ("Pedagogisch Werk", "23183")}
    assert [(d["titel"], d["crebo"]) for d in data["dossiers"]] == [titels[f] for f in order]
    assert [d["bronnen"] for d in data["dossiers"]] == [[str(f)] for f in order]
    sw = ["Sociaal-maatschappelijk dienstverlener", "Sociaal-cultureel werker"]
    assert data["dossiers"][order.index(SW_FILE)]["profielen"] == sw
    # the findings of one file together, the files in the order given
    files = [f["bron"] for f in data["findings"]]
    assert list(dict.fromkeys(files)) == [str(f) for f in order]
    assert files == sorted(files, key=[str(f) for f in order].index)
    # within a dossier, profile by profile in the dossier's own order
    sw_profielen = [f["profiel"] for f in data["findings"] if f["bron"] == str(SW_FILE)]
    assert list(dict.fromkeys(sw_profielen)) == sw


@pytest.mark.shared
def test_validate_text_heads_each_dossier_with_its_name_and_file(cli):
    r = cli("validate", SW_FILE, PW_FILE)
    lines = r.out.splitlines()
    sw_at, pw_at = lines.index(SW_KOP), lines.index(PW_KOP)
    assert sw_at == 0 and pw_at > sw_at
    assert lines[1] == str(SW_FILE) and lines[pw_at + 1] == str(PW_FILE)
    assert lines[pw_at - 1] == ""  # a blank line between two dossiers
    # every table title of the Sociaal werk block is one of its profiles, and of the other block one of its
    sw_titels = {x.split(" › ")[0] for x in lines[sw_at:pw_at] if " › " in x}
    pw_titels = {x.split(" › ")[0] for x in lines[pw_at:] if " › " in x}
    assert sw_titels <= {"Sociaal-maatschappelijk dienstverlener", "Sociaal-cultureel werker"} and sw_titels
    assert pw_titels <= {
        "Pedagogisch medewerker kinderopvang",
        "Gespecialiseerd pedagogisch medewerker",
        "Onderwijsassistent",
    }
    assert pw_titels


def test_validate_text_says_when_a_dossier_has_no_findings(cli):
    # buitendienst with its two findings ignored: the dossier heads the output, then "no findings"
    r = cli("validate", RAW / "commercieel-medewerker-buitendienst.txt", "--ignore", "KD502,KD206")
    assert r.code == 0, r.err
    assert r.out.splitlines() == [
        "(dossier without title), 2012 model",
        "commercieel-medewerker-buitendienst.txt",
        "no findings",
        "0 findings in 1 profiel(en): 0 errors, 0 warnings, 0 infos",
    ]
