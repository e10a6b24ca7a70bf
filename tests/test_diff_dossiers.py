"""diff across dossiers (issue 20): codes mean nothing between two dossiers, so werkprocessen pair
by title and content only (the renumbering threshold), and every format says so and names each
side's dossier. Expected values read by hand from the two real SBB files."""

from __future__ import annotations

import json

import pytest

from conftest import SBB_XML

pytestmark = pytest.mark.shared

A = "Sociaal-cultureel werker@2637 Sociaal_werk.xml"
B = "Pedagogisch medewerker kinderopvang@2635 Pedagogisch_Werk.xml"
NOOT = "A and B come from different dossiers: werkprocessen paired by content, not by code"
NOOT_NL = "A en B komen uit verschillende dossiers: werkprocessen gekoppeld op inhoud, niet op code"


def _json(cli, *args):
    r = cli("diff", *args, "--json")
    assert r.code == 1, r.err
    return json.loads(r.out)


def test_two_dossiers_pair_by_content_not_by_code(cli):
    d = _json(cli, A, B, "--data", SBB_XML)
    assert d["zelfde_dossier"] is False
    assert d["dossier_a"] == {"titel": "Sociaal werk", "crebo": "23185"}
    assert d["dossier_b"] == {"titel": "Pedagogisch Werk", "crebo": "23183"}
    # B1-K1-W1 is "Inventariseert de vraag naar sociaal werk" in A and "Inventariseert behoeften en
    # wensen van het kind" in B: one code, two werkprocessen; only the basisdeel's
    # professionalisering werkprocessen (same title, same text but for the profile) pair
    assert d["shared"] == ["B1-K2-W1", "B1-K2-W2"]
    assert [(h["a"], h["b"]) for h in d["renumbered"]] == [
        ("B1-K1-W2", "P1-K1-W3")
    ]  # Maakt een plan van aanpak (voor de begeleiding)
    assert d["only_a"] == [
        "B1-K1-W1", "B1-K1-W3", "B1-K1-W4", "B1-K1-W5", "B1-K1-W6", "B1-K1-W7", "B1-K1-W8",
        "P2-K1-W1", "P2-K1-W2", "P2-K1-W3",
    ]  # fmt: skip
    assert d["only_b"] == [
        "B1-K1-W1", "B1-K1-W2", "B1-K1-W3", "B1-K1-W4", "B1-K1-W5", "B1-K1-W6", "B1-K1-W7", "B1-K1-W8",
        "P1-K1-W1", "P1-K1-W2", "P1-K1-W4", "P1-K1-W5", "P1-K1-W6",
    ]  # fmt: skip
    assert set(d["werkprocessen"]) == {"B1-K2-W1", "B1-K2-W2", "B1-K1-W2"}
    assert {(e["kant"], e["code"], e["titel"]) for e in d["eenzijdig"]} >= {
        ("a", "B1-K1-W1", "Inventariseert de vraag naar sociaal werk"),
        ("b", "B1-K1-W1", "Inventariseert behoeften en wensen van het kind"),
    }
    # no shared code whose two sides are not alike: each pair is the same titel here
    for code in d["shared"]:
        w = d["werkprocessen"][code]
        assert w["titel_a"] == w["titel_b"]


def test_another_pair_of_dossiers_by_bare_name(cli):
    # naam@file on one side, a name only one file has on the other
    d = _json(
        cli, "Sociaal-maatschappelijk dienstverlener@2637 Sociaal_werk.xml", "Onderwijsassistent", "--data", SBB_XML
    )
    assert d["zelfde_dossier"] is False
    assert (d["a"], d["b"]) == ("Sociaal-maatschappelijk dienstverlener", "Onderwijsassistent")
    assert d["dossier_b"] == {"titel": "Pedagogisch Werk", "crebo": "23183"}
    assert "B1-K1-W1" not in d["shared"] and "B1-K1-W1" in d["only_a"] and "B1-K1-W1" in d["only_b"]


def test_one_dossier_still_pairs_by_code(cli):
    d = _json(cli, "Sociaal-maatschappelijk dienstverlener@2637 Sociaal_werk.xml", A, "--data", SBB_XML)
    assert d["zelfde_dossier"] is True
    assert d["dossier_a"] == d["dossier_b"] == {"titel": "Sociaal werk", "crebo": "23185"}
    assert d["shared"] == [
        "B1-K1-W1", "B1-K1-W2", "B1-K1-W3", "B1-K1-W4", "B1-K1-W5", "B1-K1-W6", "B1-K1-W7", "B1-K1-W8",
        "B1-K2-W1", "B1-K2-W2",
    ]  # fmt: skip


def test_seed_diff_is_one_dossier(cli):
    d = _json(cli, "binnendienst", "buitendienst")
    assert d["zelfde_dossier"] is True
    # the buitendienst text names no dossier: unknown is not another dossier, codes pair
    assert d["dossier_a"] == {"titel": "Commercieel medewerker", "crebo": None}
    assert d["dossier_b"] == {"titel": None, "crebo": None}
    assert "2.1" in d["shared"]
    r = cli("diff", "binnendienst", "buitendienst")
    assert "different dossiers" not in r.out and "Dossier A:" not in r.out


def test_terminal_header_names_both_dossiers(cli):
    r = cli("diff", A, B, "--data", SBB_XML, "--summary", env={"NO_COLOR": "1"})
    assert r.code == 1, r.err
    assert r.out.splitlines()[:4] == [
        "A = Sociaal-cultureel werker (niveau 4, NLQF/EQF 4)   B = Pedagogisch medewerker kinderopvang (niveau 3, NLQF/EQF 3)",
        "Dossier A: Sociaal werk (crebo 23185)",
        "Dossier B: Pedagogisch Werk (crebo 23183)",
        NOOT,
    ]


def test_markdown_header_names_both_dossiers(cli):
    r = cli("diff", A, B, "--data", SBB_XML, "--format", "markdown")
    assert r.code == 1, r.err
    lines = r.out.splitlines()
    at = lines.index("- Dossier A: Sociaal werk (crebo 23185)")
    assert lines[at : at + 4] == [
        "- Dossier A: Sociaal werk (crebo 23185)",
        "- Dossier B: Pedagogisch Werk (crebo 23183)",
        "",
        f"**{NOOT}**",
    ]
    assert at < lines.index("|  | werkprocessen | count |")  # in the header, before the summary


def test_html_header_names_both_dossiers(cli):
    r = cli("diff", A, B, "--data", SBB_XML, "--format", "html")
    assert r.code == 1, r.err
    header = r.out[r.out.index("<header>") : r.out.index("</header>")]
    assert (
        '<p class="dossiers">Dossier A: Sociaal werk (crebo 23185)<br>Dossier B: Pedagogisch Werk (crebo 23183)</p>'
        in header
    )
    assert f'<p class="kruis"><strong>{NOOT}</strong></p>' in header


def test_the_line_in_dutch(cli):
    r = cli("--taal", "nl", "diff", A, B, "--data", SBB_XML, "--summary", env={"NO_COLOR": "1"})
    assert r.out.splitlines()[1:4] == [
        "Dossier A: Sociaal werk (crebo 23185)",
        "Dossier B: Pedagogisch Werk (crebo 23183)",
        NOOT_NL,
    ]


def test_schema_has_the_dossier_keys(cli):
    schema = json.loads(cli("schema", "diff").out)
    props = schema["properties"]
    assert props["zelfde_dossier"] == {"title": "Zelfde Dossier", "type": "boolean"}
    assert {"zelfde_dossier", "dossier_a", "dossier_b"} <= set(schema["required"])
    dossier = schema["$defs"]["DiffDossier"]
    assert set(dossier["properties"]) == {"titel", "crebo"}
