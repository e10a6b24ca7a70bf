"""One resolver for every command (issue 20): a profile by a part of its name, `naam@waar`
(waar: a path, a file of the --data folder, a crebo or a part of a dossier title), or a bare
file name of --data; a name in several dossiers asks for the dossier. Expected lines are written
by hand from the real SBB files (titles, crebos and niveaus read from the XML) and from the
generator's rules in tests/sbbgeheel.py."""

from __future__ import annotations

import json

import pytest

import sbbgeheel
from conftest import SBB_XML

pytestmark = pytest.mark.shared

PW_FILE, SW_FILE = "2635 Pedagogisch_Werk.xml", "2637 Sociaal_werk.xml"
SW = ["Sociaal-maatschappelijk dienstverlener", "Sociaal-cultureel werker"]
KRUIS_PW_SW = [
    "A = Pedagogisch medewerker kinderopvang (niveau 3, NLQF/EQF 3)   B = Sociaal-cultureel werker (niveau 4, NLQF/EQF 4)",
    "Dossier A: Pedagogisch Werk (crebo 23183)",
    "Dossier B: Sociaal werk (crebo 23185)",
    "A and B come from different dossiers: werkprocessen paired by content, not by code",
]


def _profielen(r):
    assert r.code == 0, r.err
    return [p["naam"] for res in json.loads(r.out)["resultaten"] for p in res["geldt_voor"]]


@pytest.mark.parametrize("spec", [SW_FILE, "2637 Sociaal_werk"])
def test_a_bare_file_name_of_the_data_folder(cli, spec):
    r = cli("show", "B1-K1-W2", "--profiel", spec, "--data", SBB_XML, "--json")
    assert _profielen(r) == SW


def test_a_bare_file_name_not_in_the_folder_is_exit_2(cli):
    r = cli("show", "B1-K1-W2", "--profiel", "9999 Geen.xml", "--data", SBB_XML)
    assert (r.code, r.out, r.err) == (2, "", "kwaldossier: error: 9999 Geen.xml: no such file\n")


def test_naam_at_file_on_each_side_of_a_diff_by_file_name(cli):
    r = cli("diff", f"kinderopvang@{PW_FILE}", f"Sociaal-cultureel@{SW_FILE}", "--data", SBB_XML, "--summary")
    assert r.code == 1, r.err
    assert r.out.splitlines()[:4] == KRUIS_PW_SW


def test_naam_at_file_on_each_side_of_a_diff_by_path(cli):
    a, b = f"kinderopvang@{SBB_XML / PW_FILE}", f"Sociaal-cultureel@{SBB_XML / SW_FILE}"
    r = cli("diff", a, b, "--summary")
    assert r.code == 1, r.err
    assert r.out.splitlines()[:4] == KRUIS_PW_SW


def test_naam_at_crebo_and_at_title_part(cli):
    r = cli("diff", "kinderopvang@23183", "Onderwijs@Pedagogisch", "--data", SBB_XML, "--json")
    assert r.code == 1, r.err
    d = json.loads(r.out)
    assert (d["a"], d["b"], d["zelfde_dossier"]) == ("Pedagogisch medewerker kinderopvang", "Onderwijsassistent", True)
    assert (d["niveau_a"], d["nlqf_a"], d["niveau_b"], d["nlqf_b"]) == (3, 3, 4, 4)


def test_naam_at_a_dossier_without_that_name(cli):
    r = cli("show", "B1-K1-W1", "-p", "kinderopvang@Sociaal", "--data", SBB_XML)
    assert (r.code, r.out) == (2, "")
    assert r.err == (
        "kwaldossier: error: no profiel matches 'kinderopvang' in Sociaal; "
        "known: Sociaal-maatschappelijk dienstverlener, Sociaal-cultureel werker\n"
    )


def test_naam_at_a_missing_file(cli):
    r = cli("show", "B1-K1-W1", "-p", "x@nothere.xml", "--data", SBB_XML)
    assert (r.code, r.out, r.err) == (2, "", "kwaldossier: error: nothere.xml: no such file\n")


def test_a_file_of_several_profiles_on_one_side(cli):
    r = cli("diff", SBB_XML / PW_FILE, "binnendienst")
    assert (r.code, r.out) == (2, "")
    assert r.err == (
        f"kwaldossier: error: {SBB_XML / PW_FILE} holds 3 profielen (Pedagogisch medewerker kinderopvang, "
        "Gespecialiseerd pedagogisch medewerker, Onderwijsassistent); choose one with --profiel or NAAM@FILE\n"
    )


def test_a_part_in_several_dossiers_asks_for_the_dossier(cli):
    r = cli("show", "B1-K1-W1", "-p", "medewerker kinderopvang", "--data", SBB_XML)
    assert r.code == 0, r.err  # one profile holds it: no question
    r = cli("show", "B1-K1-W1", "-p", "specifieke", "--data", SBB_XML)
    assert (r.code, r.out) == (2, "")  # two profiles, one dossier: named, no dossier asked
    assert r.err == (
        "kwaldossier: error: 'specifieke' matches several profielen: "
        "Begeleider specifieke doelgroepen, Persoonlijk begeleider specifieke doelgroepen\n"
    )


# ---------------------------------------------------------------- one name in two dossiers


@pytest.fixture(scope="module")
def twee(tmp_path_factory):
    """PW, SW, DV, MZ, PW as dossiers 30000..30004 ("... G1".."... G5"), profile names unchanged:
    'Pedagogisch medewerker kinderopvang' is in Pedagogisch Werk G1 and G5."""
    folder = tmp_path_factory.mktemp("twee")
    sbbgeheel.write(folder / "sbb.xml", 5, SBB_XML, hernoem_profielen=False)
    return folder


NOTICE = "kwaldossier: note: {}: not read (not part of the dossier model): examenplan (2×), keuzedelen (1×)\n"
NOTICE_NL = "kwaldossier: let op: {}: niet gelezen (geen deel van het dossiermodel): examenplan (2×), keuzedelen (1×)\n"


def test_a_name_in_two_dossiers_asks_for_the_dossier(cli, twee):
    r = cli("show", "B1-K1-W1", "-p", "Pedagogisch medewerker kinderopvang", "--data", twee)
    assert (r.code, r.out) == (2, "")
    assert r.err == NOTICE.format(twee / "sbb.xml") + (
        "kwaldossier: error: 'Pedagogisch medewerker kinderopvang' matches several profielen, of different "
        "dossiers: Pedagogisch medewerker kinderopvang in Pedagogisch Werk G1 (30000), Pedagogisch medewerker "
        "kinderopvang in Pedagogisch Werk G5 (30004); choose the dossier with NAAM@CREBO or --dossier CREBO_OR_NAME\n"
    )


def test_the_same_question_in_dutch(cli, twee):
    r = cli("show", "B1-K1-W1", "-p", "kinderopvang", "--data", twee, "--taal", "nl")
    assert (r.code, r.out) == (2, "")
    assert r.err == NOTICE_NL.format(twee / "sbb.xml") + (
        "kwaldossier: error: 'kinderopvang' past bij meerdere profielen, uit verschillende dossiers: "
        "Pedagogisch medewerker kinderopvang in Pedagogisch Werk G1 (30000), Pedagogisch medewerker "
        "kinderopvang in Pedagogisch Werk G5 (30004); kies het dossier met NAAM@CREBO of --dossier CREBO_OF_NAAM\n"
    )


def test_the_dossier_answers_it(cli, twee):
    r = cli("show", "B1-K1-W1", "-p", "kinderopvang@30004", "--data", twee, "--json")
    assert r.code == 0, r.err
    (res,) = json.loads(r.out)["resultaten"]
    assert res["dossier"] == {"titel": "Pedagogisch Werk G5", "crebo": "30004"}
    r = cli("--dossier", "30000", "show", "B1-K1-W1", "-p", "kinderopvang", "--data", twee, "--json")
    assert r.code == 0, r.err
    (res,) = json.loads(r.out)["resultaten"]
    assert res["dossier"] == {"titel": "Pedagogisch Werk G1", "crebo": "30000"}


def test_a_diff_of_one_name_in_two_dossiers(cli, twee):
    r = cli("diff", "kinderopvang@30000", "kinderopvang@Werk G5", "--data", twee, "--summary")
    assert r.code == 0, r.err  # renamed copies of one dossier: the same content
    assert r.out.splitlines()[:4] == [  # the folder labels each by its dossier's crebo
        "A = Pedagogisch medewerker kinderopvang@30000 (niveau 3, NLQF/EQF 3)   "
        "B = Pedagogisch medewerker kinderopvang@30004 (niveau 3, NLQF/EQF 3)",
        "Dossier A: Pedagogisch Werk G1 (crebo 30000)",
        "Dossier B: Pedagogisch Werk G5 (crebo 30004)",
        "A and B come from different dossiers: werkprocessen paired by content, not by code",
    ]


def test_list_labels_one_name_in_two_dossiers_by_crebo(cli, twee):
    r = cli("list", "--data", twee, "--json")
    assert r.code == 0, r.err
    pmk = [n for n in json.loads(r.out)["profielen"] if n.startswith("Pedagogisch medewerker kinderopvang")]
    assert pmk == ["Pedagogisch medewerker kinderopvang@30000", "Pedagogisch medewerker kinderopvang@30004"]
