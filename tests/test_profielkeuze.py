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
        f"kwaldossier: error: A: {SBB_XML / PW_FILE} holds 3 profielen (Pedagogisch medewerker kinderopvang, "
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


# ---------------------------------------------------------------- precedence (a review's cases)


def _kopie(folder, bron, naam=None, vervang=()):
    """A copy of a real SBB file in `folder` (as `naam`), with text replacements."""
    folder.mkdir(parents=True, exist_ok=True)
    data = (SBB_XML / bron).read_bytes()
    for oud, nieuw in vervang:
        assert oud.encode() in data
        data = data.replace(oud.encode(), nieuw.encode())
    (folder / (naam or bron)).write_bytes(data)
    return folder / (naam or bron)


def test_a_file_name_in_waar_wins_over_a_title_part(cli, tmp_path):
    """'Werk' is the stem of Werk.xml (Dienstverlening) and a part of the title 'Pedagogisch Werk':
    the file wins, and Onderwijsassistent is not in it."""
    _kopie(tmp_path, "2755 Dienstverlening.xml", "Werk.xml")
    _kopie(tmp_path, PW_FILE)
    r = cli("show", "B1-K1-W1", "-p", "Onderwijsassistent@Werk", "--data", tmp_path)
    assert (r.code, r.out) == (2, "")
    assert r.err.startswith("kwaldossier: error: no profiel matches 'Onderwijsassistent' in Werk; known: ")


def test_a_crebo_in_waar_wins_over_a_title_part(cli, tmp_path):
    _kopie(tmp_path, PW_FILE)
    _kopie(tmp_path, SW_FILE, vervang=[('titel="Sociaal werk"', 'titel="Sociaal werk (opvolger van 23183)"')])
    r = cli("show", "B1-K1-W1", "-p", "cultureel@23183", "--data", tmp_path)
    assert (r.code, r.out) == (2, "")
    assert r.err.startswith("kwaldossier: error: no profiel matches 'cultureel' in 23183; known: ")
    r = cli("show", "B1-K1-W1", "-p", "cultureel@opvolger", "--data", tmp_path, "--json")
    assert _profielen(r) == ["Sociaal-cultureel werker"]


def test_a_bare_file_name_is_the_data_folders_even_if_one_is_here(cli, tmp_path, monkeypatch):
    hier, map_ = tmp_path / "hier", tmp_path / "map"
    kopie = [("Pedagogisch medewerker kinderopvang", "Pedagogisch medewerker kinderopvang HIER")]
    _kopie(hier, PW_FILE, vervang=kopie)
    _kopie(map_, PW_FILE)
    monkeypatch.chdir(hier)
    for spec in (f"kinderopvang@{PW_FILE}", "kinderopvang@2635 Pedagogisch_Werk"):
        r = cli("show", "B1-K1-W1", "-p", spec, "--data", map_, "--json")
        assert json.loads(r.out)["resultaten"][0]["profiel"] == "Pedagogisch medewerker kinderopvang", spec
    r = cli("show", "B1-K1-W1", "-p", f"kinderopvang@./{PW_FILE}", "--data", map_, "--json")  # a path: here
    assert json.loads(r.out)["resultaten"][0]["profiel"] == "Pedagogisch medewerker kinderopvang HIER"
    r = cli("list", "-p", f"./{PW_FILE}", "--data", map_, "--json")
    assert "Pedagogisch medewerker kinderopvang HIER" in json.loads(r.out)["profielen"]


def test_a_whole_name_with_an_at_sign_wins(cli, tmp_path):
    _kopie(tmp_path, "2755 Dienstverlening.xml")
    _kopie(tmp_path, PW_FILE, vervang=[('titel="Onderwijsassistent"', 'titel="Helpende@Dienstverlening"')])
    r = cli("show", "B1-K1-W1", "-p", "Helpende@Dienstverlening", "--data", tmp_path, "--json")
    assert r.code == 0, r.err
    (res,) = json.loads(r.out)["resultaten"]
    assert (res["profiel"], res["dossier"]["crebo"]) == ("Helpende@Dienstverlening", "23183")
    r = cli("show", "B1-K1-W1", "-p", "Helpende@Dienstverl", "--data", tmp_path, "--json")  # a part: naam@waar
    assert json.loads(r.out)["resultaten"][0]["profiel"] == "Helpende Zorg en Welzijn"


def test_a_path_with_an_at_sign(cli, tmp_path):
    pad = _kopie(tmp_path / "v@2", SW_FILE, "sw.xml")
    r = cli("list", "-p", pad, "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["profielen"] == SW


def test_two_whole_structure_files_label_by_crebo_and_file(cli, tmp_path):
    for naam in ("v1.xml", "v2.xml"):
        sbbgeheel.write(tmp_path / naam, 5, SBB_XML, hernoem_profielen=False)
    r = cli("list", "--data", tmp_path, "--json")
    assert r.code == 0, r.err
    pmk = [n for n in json.loads(r.out)["profielen"] if n.startswith("Onderwijsassistent")]
    assert pmk == [
        "Onderwijsassistent@30000@v1.xml",
        "Onderwijsassistent@30004@v1.xml",
        "Onderwijsassistent@30000@v2.xml",
        "Onderwijsassistent@30004@v2.xml",
    ]
    r = cli("show", "B1-K1-W1", "-p", "Onderwijsassistent@30004@v2.xml", "--data", tmp_path, "--json")
    assert r.code == 0, r.err
    (res,) = json.loads(r.out)["resultaten"]
    assert (res["profiel"], res["dossier"]["crebo"]) == ("Onderwijsassistent@30004@v2.xml", "30004")


def test_no_dossier_question_for_the_2012_seeds(cli):
    """The buitendienst seed names no dossier (no footer): not 'of different dossiers'."""
    r = cli("show", "2.5", "-p", "commercieel")
    assert (r.code, r.out) == (2, "")
    assert r.err == (
        "kwaldossier: error: 'commercieel' matches several profielen: "
        "Commercieel medewerker binnendienst, Commercieel medewerker buitendienst\n"
    )


def test_the_question_names_five_and_counts_the_rest(cli, tmp_path):
    sbbgeheel.write(tmp_path / "sbb.xml", 12, SBB_XML, hernoem_profielen=False)  # PW as G1, G5, G9
    r = cli("show", "B1-K1-W1", "-p", "medewerker", "--data", tmp_path)
    assert (r.code, r.out) == (2, "")
    fout = r.err.splitlines()[-1]
    assert fout.startswith("kwaldossier: error: 'medewerker' matches several profielen, of different dossiers: ")
    assert " and 10 more; choose the dossier with NAAM@CREBO or --dossier CREBO_OR_NAME" in fout
    assert fout.endswith("--dossier CREBO_OR_NAME")  # 3 × 2 in PW, 3 × 2 in DV, 3 × 1 in MZ: 15 in all


def test_a_diff_says_which_side_it_could_not_find(cli):
    r = cli("diff", "binnendienst", "nergens")
    assert (r.code, r.out) == (2, "")
    assert r.err == (
        "kwaldossier: error: B: no profiel matches 'nergens'; "
        "known: Commercieel medewerker binnendienst, Commercieel medewerker buitendienst\n"
    )


def test_profiel_option_takes_naam_at_crebo_in_a_whole_structure_file(cli, twee):
    """--profiel picks among a file's profiles; in a file that holds one name in two dossiers,
    naam@crebo picks the dossier (the name alone matches two)."""
    sbb = twee / "sbb.xml"
    r = cli("diff", sbb, sbb, "--profiel", "Onderwijsassistent")
    assert (r.code, r.out) == (2, "")
    assert r.err.splitlines()[-1].startswith(f"kwaldossier: error: A: {sbb}: --profiel 'Onderwijsassistent' matches 2 ")
    r = cli("diff", sbb, sbb, "--profiel", "Onderwijsassistent@30004", "--json")
    assert r.code == 0, r.err
    d = json.loads(r.out)
    assert (d["a"], d["dossier_a"], d["dossier_b"]["crebo"]) == (
        "Onderwijsassistent",
        {"titel": "Pedagogisch Werk G5", "crebo": "30004"},
        "30004",
    )
