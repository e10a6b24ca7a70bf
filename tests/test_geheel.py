"""SBB's whole-structure XML (issue 20): one `<sbb>` file of many dossiers sharing its tables,
built by tests/sbbgeheel.py from the four real dossiers (6 here: PW, SW, DV, MZ, PW, SW renamed
"... G1".."... G6", crebos 30000..30005). Expected titles, crebos and names follow from the
generator's rules; counts and competences were read from the real XML by hand."""

from __future__ import annotations

import json

import pytest

import sbbgeheel
from conftest import SBB_XML

pytestmark = pytest.mark.shared

N = 6
# the four source dossiers: title, (kerntaak elements, werkproces elements), profile names
BRON = {
    "2635 Pedagogisch_Werk.xml": ("Pedagogisch Werk", (7, 34), [
        "Pedagogisch medewerker kinderopvang", "Gespecialiseerd pedagogisch medewerker", "Onderwijsassistent"]),
    "2637 Sociaal_werk.xml": ("Sociaal werk", (4, 16), ["Sociaal-maatschappelijk dienstverlener", "Sociaal-cultureel werker"]),
    "2755 Dienstverlening.xml": ("Dienstverlening", (4, 18), [
        "Medewerker facilitaire dienstverlening", "Helpende Zorg en Welzijn", "Medewerker sport en recreatie"]),
    "4156 Maatschappelijke_Zorg.xml": ("Maatschappelijke Zorg", (8, 43), [
        "Begeleider gehandicaptenzorg", "Begeleider specifieke doelgroepen", "Persoonlijk begeleider gehandicaptenzorg",
        "Agogisch medewerker GGZ", "Thuisbegeleider", "Persoonlijk begeleider specifieke doelgroepen"]),
}  # fmt: skip


def titel(i):
    return BRON[sbbgeheel.bron(i)][0] + f" G{i + 1}"


def crebo(i):
    return str(30000 + i)


def namen(i):
    return [f"{n} G{i + 1}" for n in BRON[sbbgeheel.bron(i)][2]]


def kop(i):
    versie = ", Gewijzigd 2016" if sbbgeheel.bron(i).startswith("4156") else ""
    return f"{titel(i)}, crebo {crebo(i)}, 2015 model, geldig vanaf 01-08-2015{versie}, Vastgesteld"


@pytest.fixture(scope="module")
def geheel(tmp_path_factory):
    folder = tmp_path_factory.mktemp("geheel")
    return sbbgeheel.write(folder / "sbb-geheel.xml", N, SBB_XML)


NOTICE = "kwaldossier: note: {}: not read (not part of the dossier model): examenplan (2×), keuzedelen (1×)\n"
NOTICE_NL = "kwaldossier: let op: {}: niet gelezen (geen deel van het dossiermodel): examenplan (2×), keuzedelen (1×)\n"


def test_the_generator_follows_its_rules():
    assert [titel(i) for i in range(N)] == [
        "Pedagogisch Werk G1", "Sociaal werk G2", "Dienstverlening G3", "Maatschappelijke Zorg G4",
        "Pedagogisch Werk G5", "Sociaal werk G6",
    ]  # fmt: skip
    assert sbbgeheel.examenplannen(N) == 2  # dossiers 0 and 3


def test_parse_json_one_dossier_per_element_in_order(cli, geheel):
    r = cli("parse", geheel, "--json")
    assert r.code == 0 and r.err == NOTICE.format(geheel)
    dossiers = json.loads(r.out)["dossiers"]
    assert [(d["titel"], d["crebo"]) for d in dossiers] == [(titel(i), crebo(i)) for i in range(N)]
    for i, d in enumerate(dossiers):
        assert [p["naam"] for p in d["profielen"]] == namen(i)
        assert [p["crebo"] for p in d["profielen"]] == [str(50000 + 10 * i + j) for j in range(len(namen(i)))]
        kerntaken = {k["code"] for p in d["profielen"] for k in p["kerntaken"]}
        werkprocessen = {w["code"] for p in d["profielen"] for k in p["kerntaken"] for w in k["werkprocessen"]}
        assert (len(kerntaken), len(werkprocessen)) == BRON[sbbgeheel.bron(i)][1]
        assert "onopgeloste_verwijzingen" not in d  # (empty: left out) every renumbered reference resolves
        assert sum(len(k["vakkennis_en_vaardigheden"]) for k in d["profielen"][0]["kerntaken"]) > 0
    assert [n["element"] for n in dossiers[0]["niet_gelezen"]] == ["keuzedelen", "examenplan"]
    assert [n["element"] for n in dossiers[1]["niet_gelezen"]] == ["keuzedelen"]


def test_the_notice_once_per_file_in_both_languages(cli, geheel):
    r = cli("list", "--profiel", geheel)
    assert r.err == NOTICE.format(geheel)
    r = cli("--taal", "nl", "list", "--profiel", geheel)
    assert r.err == NOTICE_NL.format(geheel)
    r = cli("list", "--profiel", geheel)  # the cache hit says the same
    assert r.err == NOTICE.format(geheel)


def test_list_names_every_dossier_in_file_order(cli, geheel):
    r = cli("list", "--profiel", geheel)
    assert r.code == 0
    assert [ln for ln in r.out.splitlines() if ", crebo " in ln] == [kop(i) for i in range(N)]
    assert r.out.count("── Kerntaak B1-K1  Werken aan de aanpak van sociale problematiek") == 2  # SW in G2 and G6


def test_list_json_has_the_dossiers_in_file_order(cli, geheel):
    r = cli("list", "--profiel", geheel, "--json")
    d = json.loads(r.out)
    assert [(x["titel"], x["crebo"], x["profielen"]) for x in d["dossiers"]] == [
        (titel(i), crebo(i), namen(i)) for i in range(N)
    ]
    sw = d["dossiers"][1]
    assert sw["kerntaken"][0]["code"] == "B1-K1"
    assert sw["kerntaken"][0]["werkprocessen"][0] == {
        "code": "B1-K1-W1",
        "titel": "Inventariseert de vraag naar sociaal werk",
        "profielen": {"Sociaal-maatschappelijk dienstverlener G2": True, "Sociaal-cultureel werker G2": True},
    }


def test_list_of_one_dossier(cli, geheel):
    r = cli("--dossier", "30003", "list", "--profiel", geheel)
    assert r.code == 0
    assert [ln for ln in r.out.splitlines() if ", crebo " in ln] == [kop(3)]
    assert "G1" not in r.out


def test_show_the_basisdeel_werkproces_once_with_its_profiles(cli, geheel):
    r = cli("show", "B1-K1-W1", "--profiel", geheel, "--dossier", "Sociaal werk G6")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert lines[0].startswith("── B1-K1-W1 Inventariseert de vraag naar sociaal werk ──")
    assert lines[1] == (
        "Sociaal-maatschappelijk dienstverlener G6, niveau 4, NLQF/EQF 4; Sociaal-cultureel werker G6, niveau 4, NLQF/EQF 4"
        " — Sociaal werk G6 (crebo 30005)"
    )
    assert lines[2].startswith("basisdeel; source line ")
    assert r.out.count("B1-K1-W1") == 1 and "G2" not in r.out


def test_show_without_dossier_shows_it_once_per_dossier(cli, geheel):
    r = cli("show", "B1-K1-W1", "--profiel", geheel)
    heads = [ln for ln in r.out.splitlines() if ln.startswith("── B1-K1-W1 ")]
    assert [h.split(" — ")[-1].rstrip(" ─") for h in heads] == [f"{titel(i)} (crebo {crebo(i)})" for i in range(N)]


def test_search_groups_hits_by_dossier_basisdeel_once(cli, geheel):
    r = cli("search", "vraag naar sociaal werk", "--profiel", geheel, "--json")
    hits = json.loads(r.out)["hits"]
    assert [(h["dossier"], h["werkproces"], h["profielen"]) for h in hits] == [
        ({"titel": "Sociaal werk G2", "crebo": "30001"}, "B1-K1-W1", namen(1)),
        ({"titel": "Sociaal werk G6", "crebo": "30005"}, "B1-K1-W1", namen(5)),
    ]
    r = cli("--dossier", "30005", "search", "vraag naar sociaal werk", "--profiel", geheel)
    assert r.out.splitlines()[0].startswith(
        "Sociaal-maatschappelijk dienstverlener G6, Sociaal-cultureel werker G6 › B1-K1-W1 Inventariseert de vraag naar sociaal werk › titel"
    )
    assert r.out.splitlines()[-1] == "1 hit"


def test_matrix_of_one_dossier(cli, geheel):
    r = cli("--dossier", "30001", "matrix", "--profiel", geheel)
    assert r.code == 0
    lines = r.out.splitlines()
    assert lines[0] == kop(1)
    # B1-K1-W1 D F N R, B1-K1-W2 E M Q (werkprocescompetenties in the real Sociaal werk file)
    assert " B1-K1-W1  ·  ·  ·  x  ·  x  ·  ·  ·  ·  ·  ·  ·  x  ·  ·  ·  x  ·  ·  ·  ·  ·  ·  ·  " in lines
    assert " B1-K1-W2  ·  ·  ·  ·  x  ·  ·  ·  ·  ·  ·  ·  x  ·  ·  ·  x  ·  ·  ·  ·  ·  ·  ·  ·  " in lines
    assert (
        "x = both profielen   1 = only Sociaal-maatschappelijk dienstverlener G2   2 = only Sociaal-cultureel werker G2"
        in lines
    )
    assert sum(1 for ln in lines if ln.startswith(" B1-K1-W1 ")) == 1


def test_validate_findings_name_the_file_and_the_dossier(cli, geheel):
    r = cli("--dossier", "30000", "validate", geheel, "--format", "json")
    findings = json.loads(r.out)["findings"]
    assert findings and {f["bron"] for f in findings} == {str(geheel)}
    assert {f["profiel"] for f in findings} <= set(namen(0))
    # the real Pedagogisch Werk file's P2-K1 title ends in a space
    assert {
        "code": "KD607", "profiel": "Gespecialiseerd pedagogisch medewerker G1", "werkproces": "P2-K1",
        "message": "kerntaak title 'Opvoeden en ontwikkelen van het kind/de kinderen ' has stray whitespace",
    }.items() <= next(f for f in findings if f["werkproces"] == "P2-K1").items()  # fmt: skip
    everything = json.loads(cli("validate", geheel, "--format", "json").out)["findings"]
    assert {f["profiel"] for f in everything} >= {
        "Gespecialiseerd pedagogisch medewerker G1",
        "Gespecialiseerd pedagogisch medewerker G5",
    }


def test_diff_of_profiles_from_two_generated_dossiers(cli, geheel):
    folder = geheel.parent
    a, b = "Sociaal-maatschappelijk dienstverlener G2", "Sociaal-cultureel werker G6"
    r = cli("diff", a, b, "--data", folder)
    assert r.out.splitlines()[:4] == [
        f"A = {a} (niveau 4, NLQF/EQF 4)   B = {b} (niveau 4, NLQF/EQF 4)",
        "Dossier A: Sociaal werk G2 (crebo 30001)",
        "Dossier B: Sociaal werk G6 (crebo 30005)",
        "A and B come from different dossiers: werkprocessen paired by content, not by code",
    ]
    d = json.loads(cli("diff", a, b, "--data", folder, "--json").out)
    assert d["zelfde_dossier"] is False
    assert (d["dossier_a"], d["dossier_b"]) == (
        {"titel": "Sociaal werk G2", "crebo": "30001"},
        {"titel": "Sociaal werk G6", "crebo": "30005"},
    )


def test_export_case_of_one_dossier(cli, geheel):
    r = cli("--dossier", "30001", "export", "case", geheel)
    assert r.code == 0, r.err
    pkg = json.loads(r.out)
    assert pkg["CFDocument"]["title"] == "Sociaal werk G2"
    items = {i["fullStatement"] for i in pkg["CFItems"]}
    assert set(namen(1)) <= items and not set(namen(5)) & items
    r = cli("export", "case", geheel)
    assert r.code == 2 and r.out == ""
    assert r.err.splitlines()[-1].endswith(
        "a CASE package holds one dossier and this input holds 6: choose one with --dossier CREBO_OR_NAME (or export one profile)"
    )


@pytest.mark.parametrize("spec", ["39999", "Sociaal werk G9", "Sociaal werk"])
def test_an_unknown_or_ambiguous_dossier_is_exit_2(cli, geheel, spec):
    r = cli("--dossier", spec, "list", "--profiel", geheel)
    assert r.code == 2 and r.out == ""
    err = r.err.splitlines()
    assert err[0] == NOTICE.format(geheel).rstrip("\n") and len(err) == 2
    expected = {
        "39999": f"kwaldossier: error: --dossier '39999': no such dossier in {geheel}; known: Pedagogisch Werk G1 (30000), "
        "Sociaal werk G2 (30001), Dienstverlening G3 (30002), Maatschappelijke Zorg G4 (30003), Pedagogisch Werk G5 (30004) and 1 more",
        "Sociaal werk G9": f"kwaldossier: error: --dossier 'Sociaal werk G9': no such dossier in {geheel}; known: "
        "Sociaal werk G6 (30005), Sociaal werk G2 (30001) and 4 more",
        "Sociaal werk": "kwaldossier: error: --dossier 'Sociaal werk' matches several dossiers: Sociaal werk G2 (30001), "
        "Sociaal werk G6 (30005); give the crebo",
    }
    assert err[1] == expected[spec]


def test_cache_holds_every_dossier_of_the_file(cli, geheel, tmp_path, monkeypatch):
    monkeypatch.setenv("KWALDOSSIER_CACHE_DIR", str(tmp_path))
    miss = cli("--dossier", "30004", "show", "B1-K1-W1", "--profiel", geheel)
    assert len(list(tmp_path.glob("*.json"))) == 1
    hit = cli("--dossier", "30004", "show", "B1-K1-W1", "--profiel", geheel)
    assert (hit.code, hit.out, hit.err) == (
        miss.code,
        miss.out,
        miss.err,
    ) and "Pedagogisch Werk G5 (crebo 30004)" in hit.out
    parsed = json.loads(cli("parse", geheel, "--json").out)
    assert len(parsed["dossiers"]) == N
