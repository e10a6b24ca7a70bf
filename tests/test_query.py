"""Terminal look-ups on the bundled data: list, show, search, matrix, competentie."""

from __future__ import annotations

import json
import re

import pytest

from conftest import BUITEN, PARSED

BUITEN_NAAM = "Commercieel medewerker buitendienst"
BINNEN_NAAM = "Commercieel medewerker binnendienst"


def js(r):
    assert r.code == 0, r.err
    return json.loads(r.out)


def test_list_marks_profiles(cli):
    data = js(cli("list", "--json"))
    assert data["profielen"] == [BINNEN_NAAM, BUITEN_NAAM]
    wps = {w["code"]: w for kt in data["kerntaken"] for w in kt["werkprocessen"]}
    assert len(wps) == 19
    assert wps["2.7"]["profielen"] == {BINNEN_NAAM: True, BUITEN_NAAM: False}
    assert wps["2.8"]["profielen"] == {BINNEN_NAAM: False, BUITEN_NAAM: True}
    assert wps["2.4"]["profielen"] == {BINNEN_NAAM: False, BUITEN_NAAM: False}
    assert data["kerntaken"][1]["titel"] == "Voert het verkooptraject uit"


def test_list_one_profile_human(cli):
    r = cli("list", "--profiel", "buitendienst")
    assert r.code == 0
    assert "Kerntaak 2  Voert het verkooptraject uit" in r.out
    dossier, head, *rows = r.out.splitlines()
    assert dossier == "(dossier without title), 2012 model"  # the buitendienst text has no footer naming it
    assert head.split() == ["Kerntaken", "en", "werkprocessen", "buitendienst"] and "binnendienst" not in r.out
    col = head.index("buitendienst")  # marks stand in the column under its label
    leaves = [re.match(r"^[│ ]   [├└]── (\S+)", line) for line in rows]
    marks = {m[1]: line[col : col + len("buitendienst")].strip() for m, line in zip(leaves, rows, strict=True) if m}
    assert marks["2.8"] == "✓" and marks["2.7"] == "·" and len(marks) == 19
    assert "\x1b[" not in r.out  # plain when not a terminal


def test_show_code_one_profile(cli):
    data = js(cli("show", "2.5", "--profiel", "buitendienst", "--json"))
    assert data["code"] == "2.5"
    [res] = data["resultaten"]
    assert res["profiel"] == BUITEN_NAAM
    wp = res["werkproces"]
    assert [c["letter"] for c in wp["competenties"]] == list("EIJYRT")
    assert wp["titel"] == "Stelt offertes op en brengt ze uit"


def test_show_both_profiles_labelled(cli):
    data = js(cli("show", "2.5", "--json"))
    assert [r["profiel"] for r in data["resultaten"]] == [BINNEN_NAAM, BUITEN_NAAM]
    r = cli("show", "2.5")
    assert r.code == 0
    assert r.out.count("2.5 Stelt offertes op en brengt ze uit") == 2
    assert BINNEN_NAAM in r.out and BUITEN_NAAM in r.out
    assert "Financieel bewustzijn tonen" in r.out  # Y only in buitendienst
    assert "Informatie uitwisselen (t)" in r.out  # language items marked


def test_show_by_words_accent_and_case_insensitive(cli):
    assert js(cli("show", "offertes", "--json"))["code"] == "2.5"
    assert js(cli("show", "COORDINEERT", "--json"))["code"] == "1.6"
    assert js(cli("show", "klachten", "--json"))["code"] == "3.1"
    # only the profile that has 2.7 is shown
    data = js(cli("show", "ordertraject", "--json"))
    assert data["code"] == "2.7" and [r["profiel"] for r in data["resultaten"]] == [BINNEN_NAAM]


def test_show_ambiguous_lists_candidates(cli):
    r = cli("show", "verkoopt")
    assert r.code == 2 and r.out == ""
    assert "2.3 Verkoopt productgericht" in r.err and "2.4 Verkoopt behoeftegericht" in r.err


def test_show_unknown_code_and_profile(cli):
    r = cli("show", "2.10")
    assert r.code == 2 and "no werkproces 2.10" in r.err and "closest" in r.err
    r = cli("show", "2.5", "--profiel", "buitendienstt")
    assert r.code == 2 and "no profiel matches 'buitendienstt'" in r.err and BUITEN_NAAM in r.err
    r = cli("show", "2.5", "--profiel", "commercieel")
    assert r.code == 2 and "matches several profielen" in r.err


def test_show_not_in_profile(cli):
    data = js(cli("show", "2.8", "--profiel", "binnendienst", "--json"))
    assert data["resultaten"][0]["werkproces"]["in_profiel"] is False
    r = cli("show", "2.8", "--profiel", "binnendienst")
    assert "Not in this profile" in r.out


def test_profile_by_file_path(cli):
    assert js(cli("show", "2.5", "--profiel", BUITEN, "--json"))["resultaten"][0]["profiel"] == BUITEN_NAAM
    json_path = PARSED / "commercieel-medewerker-binnendienst.json"
    assert js(cli("show", "2.7", "--profiel", json_path, "--json"))["resultaten"][0]["profiel"] == BINNEN_NAAM


def test_data_folder(cli, tmp_path):
    (tmp_path / "b.txt").write_bytes(BUITEN.read_bytes())
    data = js(cli("list", "--data", tmp_path, "--json"))
    assert data["profielen"] == [BUITEN_NAAM]
    r = cli("list", "--data", tmp_path / "nothing")
    assert r.code == 2 and "not a folder" in r.err


def test_search_accent_insensitive_with_places(cli):
    data = js(cli("search", "coordineert", "--json"))
    places = [(h["profiel"], h["werkproces"], h["veld"]) for h in data["hits"]]
    assert (BUITEN_NAAM, "1.6", "titel") in places
    assert (BUITEN_NAAM, "1.6", "omschrijving") in places
    for h in data["hits"]:
        for s, e in h["spans"]:
            assert h["tekst"][s:e].lower() == "coördineert"


def test_search_all_terms_and_field_filter(cli):
    data = js(cli("search", "financieel", "bewustzijn", "--json"))
    assert {(h["werkproces"], h["veld"]) for h in data["hits"]} == {("2.5", "componenten")}
    assert data["hits"][0]["regel"] == 686
    data = js(cli("search", "offerte", "--in", "prestatie_indicator", "--profiel", "binnendienst", "--json"))
    assert data["hits"] and all(h["veld"] == "prestatie_indicator" for h in data["hits"])
    assert all(h["profiel"] == BINNEN_NAAM for h in data["hits"])


def test_search_highlight_and_no_hits(cli):
    r = cli("search", "schattingen")
    assert r.code == 0
    assert "[schattingen]" in r.out  # highlighted (brackets when plain)
    assert "› 1.1 Verzamelt" in r.out and "vakkennis_en_vaardigheden" in r.out
    r = cli("search", "zzzyx")
    assert r.code == 1 and "No hits" in r.out
    r = cli("search", "x", "--in", "nergens")
    assert r.code == 2 and "unknown field" in r.err


def test_search_algemene_informatie(cli):
    data = js(cli("search", "Engels", "Duits", "--json"))
    assert {h["veld"] for h in data["hits"]} == {"algemene_informatie.moderne_vreemde_talen"}
    assert len(data["hits"]) == 2


def test_matrix_both_profiles(cli):
    data = js(cli("matrix", "--json"))
    rows = {r["code"]: r for r in data["rijen"]}
    assert rows["1.1"]["cellen"]["M"] == [BUITEN_NAAM]
    assert rows["1.1"]["cellen"]["J"] == [BINNEN_NAAM, BUITEN_NAAM]
    assert rows["2.5"]["cellen"]["Y"] == [BUITEN_NAAM]
    assert data["letters"]["R"] == 'Op de behoeften en verwachtingen van de "klant" richten'
    r = cli("matrix")
    assert r.code == 0
    line = next(l for l in r.out.splitlines() if l.strip().startswith("1.1"))
    assert line.split() == ["1.1"] + ["·"] * 9 + ["x", "·", "·", "2", "x", "·", "·", "·", "x"] + ["·"] * 7
    assert "1 = only Commercieel medewerker binnendienst" in r.out
    assert any(line.split()[-3:] == ["Y", "Bedrijfsmatig", "handelen"] for line in r.out.splitlines())


def test_matrix_one_profile(cli):
    data = js(cli("matrix", "--profiel", "binnen", "--json"))
    assert data["profielen"] == [BINNEN_NAAM]
    assert [r["code"] for r in data["rijen"] if any(r["cellen"].values())] == [
        "1.1",
        "1.3",
        "2.1",
        "2.2",
        "2.3",
        "2.5",
        "2.6",
        "2.7",
        "3.1",
        "3.2",
        "3.3",
    ]


def test_competentie_by_letter_and_name(cli):
    data = js(cli("competentie", "Y", "--json"))
    assert data["naam"] == "Bedrijfsmatig handelen"
    assert [(g["profiel"], g["werkproces"]) for g in data["gebruik"]] == [(BUITEN_NAAM, "2.5")]
    assert data["gebruik"][0]["componenten"] == ["Financieel bewustzijn tonen"]
    data = js(cli("competentie", "vakdeskundig", "--json"))
    assert data["letter"] == "K"
    assert {(g["profiel"], g["werkproces"]) for g in data["gebruik"]} == {
        (BINNEN_NAAM, "3.2"),
        (BUITEN_NAAM, "3.2"),
        (BUITEN_NAAM, "3.3"),
    }
    data = js(cli("competentie", "j", "--profiel", "binnendienst", "--json"))
    # both blocks of the duplicated 3.3 are shown
    assert [g["werkproces"] for g in data["gebruik"]].count("3.3") == 2


def test_competentie_unknown(cli):
    r = cli("competentie", "Analyseeren")
    assert r.code == 2 and "M Analyseren" in r.err
    r = cli("competentie", "en")
    assert r.code == 2 and "several" in r.err


@pytest.mark.parametrize("cmd", [["list"], ["show", "2.5"], ["matrix"], ["competentie", "R"], ["search", "klant"]])
def test_no_color_env_and_pipe_are_plain(cli, cmd):
    r = cli(*cmd, env={"NO_COLOR": "1"})
    assert r.code == 0 and "\x1b[" not in r.out


def test_completion_callbacks():
    from kwaldossier.cli import _complete_code, _complete_letter, _complete_profiel

    assert "buitendienst" in _complete_profiel("bui")
    assert _complete_code("2.") == [f"2.{i}" for i in range(1, 10)]
    assert _complete_letter("x") == ["X"]


def test_fast_views_answer_like_the_model():
    """The look-up path reads JSON into views; every query gives what the pydantic model gives."""
    from kwaldossier.analyse import query
    from kwaldossier.read import bundled_dir, load_all, load_folder
    from kwaldossier.read.view import View

    fast, full = load_all(), load_folder(bundled_dir(), streng=True)
    assert isinstance(fast[0].profiel, View) and not isinstance(full[0].profiel, View)
    assert type(fast[0].profiel).__name__ == type(full[0].profiel).__name__ == "Profiel2012"
    assert query.tree(fast) == query.tree(full)
    assert query.matrix(fast) == query.matrix(full)
    for q in ("2.5", "3.3", "offertes", "2.8"):
        assert query.find_werkproces(fast, q) == query.find_werkproces(full, q)
    for letter in "JKRY":
        assert query.competentie(fast, letter) == query.competentie(full, letter)
    assert query.search(fast, ["klant"]) == query.search(full, ["klant"])


def test_schema_version_is_one_constant():
    from kwaldossier import model, read
    from kwaldossier.model import dossier

    assert read.SCHEMA_VERSION is model.SCHEMA_VERSION
    assert dossier.Dossier2012().schema_version == dossier.Dossier2015().schema_version == model.SCHEMA_VERSION


def test_show_path_imports_no_heavy_modules():
    """show reads the bundled JSON: no text parser, no pdfplumber, no pydantic models."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "sys.argv = ['kwaldossier', 'show', '2.5', '--profiel', 'buitendienst']\n"
        "from kwaldossier.cli import main\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert e.code in (0, None), e.code\n"
        "heavy = [m for m in ('pdfplumber', 'kwaldossier.read.text2012', 'kwaldossier.model.dossier', 'pydantic.main') if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stderr
    assert "HEAVY []" in p.stderr
    assert "Stelt offertes op en brengt ze uit" in p.stdout
