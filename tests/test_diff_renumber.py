"""Werkprocessen are paired by content, not only by code: codes swapped between two versions are
a renumbering (issue 11), and a profile with one code twice cannot be diffed silently."""

from __future__ import annotations

import json

import pytest

from conftest import PARSED, SBB_XML

SW = SBB_XML / "2637 Sociaal_werk.xml"
W1 = 'titel="Inventariseert de vraag naar sociaal werk " hoofdstuk="1"'
W2 = 'titel="Maakt een plan van aanpak" hoofdstuk="2"'


@pytest.mark.shared
def test_swapped_codes_in_an_sbb_version_are_a_renumbering(cli, tmp_path):
    text = SW.read_bytes().decode("utf-8-sig")
    assert W1 in text and W2 in text
    swapped = text.replace(W1, W1.replace('hoofdstuk="1"', 'hoofdstuk="2"')).replace(
        W2, W2.replace('hoofdstuk="2"', 'hoofdstuk="1"')
    )
    new = tmp_path / "sw-swapped.xml"
    new.write_text(swapped, encoding="utf-8")
    r = cli("diff", SW, new, "--profiel", "sociaal-maatschappelijk", "--json")
    assert r.code == 1, r.err
    d = json.loads(r.out)
    pairs = {(x["a"], x["b"]): x["similarity"] for x in d["renumbered"]}
    assert set(pairs) == {("B1-K1-W1", "B1-K1-W2"), ("B1-K1-W2", "B1-K1-W1")}
    assert all(sim == 1.0 for sim in pairs.values())
    assert "B1-K1-W1" not in d["shared"] and "B1-K1-W2" not in d["shared"]
    assert d["only_a"] == [] and d["only_b"] == []
    # the pair carries no change but its code: structural, nothing else
    w = d["werkprocessen"]["B1-K1-W1"]
    assert w["code_b"] == "B1-K1-W2" and [c["veld"] for c in w["wijzigingen"]] == ["code"]


def test_swapped_codes_in_a_2012_version_are_a_renumbering(cli, tmp_path):
    data = json.loads((PARSED / "commercieel-medewerker-buitendienst.json").read_text(encoding="utf-8"))
    wps = data["profielen"][0]["kerntaken"][1]["werkprocessen"]
    by_code = {wp["code"]: wp for wp in wps}
    by_code["2.1"]["code"], by_code["2.2"]["code"] = "2.2", "2.1"
    new = tmp_path / "buiten-swapped.json"
    new.write_text(json.dumps(data), encoding="utf-8")
    r = cli("diff", PARSED / "commercieel-medewerker-buitendienst.json", new, "--json")
    assert r.code == 1, r.err
    d = json.loads(r.out)
    assert {(x["a"], x["b"]) for x in d["renumbered"]} == {("2.1", "2.2"), ("2.2", "2.1")}
    assert d["only_a"] == d["only_b"] == []


def test_unchanged_profiles_pair_every_code_with_itself(cli):
    d = json.loads(cli("diff", "buitendienst", "buitendienst", "--json").out)
    assert d["renumbered"] == [] and d["only_a"] == d["only_b"] == [] and not d["changed"]


def test_a_code_twice_in_a_profile_is_refused(cli, tmp_path):
    data = json.loads((PARSED / "commercieel-medewerker-buitendienst.json").read_text(encoding="utf-8"))
    kt = data["profielen"][0]["kerntaken"][0]
    kt["werkprocessen"].append(dict(kt["werkprocessen"][0], titel="Een tweede 1.1"))
    twice = tmp_path / "twice.json"
    twice.write_text(json.dumps(data), encoding="utf-8")
    r = cli("diff", "buitendienst", twice)
    assert (r.code, r.out) == (2, "")
    assert "werkproces 1.1 twice" in r.err and r.err.count("\n") == 1
