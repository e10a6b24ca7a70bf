"""The dossier as the unit in the outputs (issue 20): the xlsx/csv exports of a folder of several
dossiers name and group them, validate's text groups its findings per file and dossier, a profile
name found in two dossiers asks which one, and the diff reports give the NLQF/EQF level. Expected
values read by hand from the four real SBB files (and from copies the tests make of them)."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import SBB_XML

pytestmark = pytest.mark.shared

PW, SW = "Pedagogisch Werk", "Sociaal werk"
PW_PROFIELEN = ["Pedagogisch medewerker kinderopvang", "Gespecialiseerd pedagogisch medewerker", "Onderwijsassistent"]
SW_PROFIELEN = ["Sociaal-maatschappelijk dienstverlener", "Sociaal-cultureel werker"]
DV_PROFIELEN = ["Medewerker facilitaire dienstverlening", "Helpende Zorg en Welzijn", "Medewerker sport en recreatie"]
MZ_PROFIELEN = [
    "Begeleider gehandicaptenzorg", "Begeleider specifieke doelgroepen", "Persoonlijk begeleider gehandicaptenzorg",
    "Agogisch medewerker GGZ", "Thuisbegeleider", "Persoonlijk begeleider specifieke doelgroepen",
]  # fmt: skip
ALLE = PW_PROFIELEN + SW_PROFIELEN + DV_PROFIELEN + MZ_PROFIELEN


def _csv(cli, *args) -> list[list[str]]:
    r = cli(*args, "--format", "csv")
    assert r.code in (0, 1), r.err
    return list(csv.reader(io.StringIO(r.out.lstrip("\ufeff")), delimiter=";"))


def _xlsx(cli, tmp_path, *args):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "uit.xlsx"
    r = cli(*args, "--format", "xlsx", "--out", str(out))
    assert r.code in (0, 1), r.err
    return openpyxl.load_workbook(out)


def _rij(ws, n: int) -> list:
    return [c.value for c in ws[n]]


# ---------------------------------------------------------------- list / matrix / diff: xlsx, csv


def test_list_csv_names_the_dossier_of_every_row_in_the_order_given(cli):
    rows = _csv(cli, "list", "--data", SBB_XML)
    assert rows[0] == ["dossier", "crebo", "kerntaak", "kerntaak title", "werkproces", "title", *ALLE]
    empty3, empty9, empty11 = [""] * 3, [""] * 9, [""] * 11
    assert rows[1] == [
        PW, "23183", "B1-K1", "Begeleiden van kinderen bij hun ontwikkeling", "B1-K1-W1",
        "Inventariseert behoeften en wensen van het kind", "yes", "yes", "yes", *empty11,
    ]  # fmt: skip
    # the first row of the second dossier: its own B1-K1-W1, ja/nee only under its own profiles
    assert rows[35] == [
        SW, "23185", "B1-K1", "Werken aan de aanpak van sociale problematiek", "B1-K1-W1",
        "Inventariseert de vraag naar sociaal werk", *empty3, "yes", "yes", *empty9,
    ]  # fmt: skip
    # 34, 16, 18 and 43 werkprocessen (the <werkproces> elements of each file), in file order
    volgorde = [(r[0], r[1]) for r in rows[1:]]
    assert (
        volgorde
        == [(PW, "23183")] * 34
        + [(SW, "23185")] * 16
        + [("Dienstverlening", "23189")] * 18
        + [("Maatschappelijke Zorg", "23181")] * 43
    )


def test_list_xlsx_one_sheet_per_dossier_with_its_own_profiles(cli, tmp_path):
    wb = _xlsx(cli, tmp_path, "list", "--data", SBB_XML)
    assert wb.sheetnames == [
        "Pedagogisch Werk (23183)",
        "Sociaal werk (23185)",
        "Dienstverlening (23189)",
        "Maatschappelijke Zorg (23181)",
    ]
    ws = wb["Sociaal werk (23185)"]
    assert _rij(ws, 1) == ["dossier", "crebo", "kerntaak", "kerntaak title", "werkproces", "title", *SW_PROFIELEN]
    assert _rij(ws, 2) == [
        SW, "23185", "B1-K1", "Werken aan de aanpak van sociale problematiek", "B1-K1-W1",
        "Inventariseert de vraag naar sociaal werk", "yes", "yes",
    ]  # fmt: skip
    assert ws.max_row == 1 + 16
    assert ws.freeze_panes == "G2"  # dossier, crebo and the four code/title columns stay in view


def test_list_of_one_dossier_keeps_its_columns(cli, tmp_path):
    rows = _csv(cli, "list")
    assert rows[0] == [
        "kerntaak", "kerntaak title", "werkproces", "title",
        "Commercieel medewerker binnendienst", "Commercieel medewerker buitendienst",
    ]  # fmt: skip
    assert rows[1] == [
        "1",
        "Onderzoekt de markt en maakt plannen",
        "1.1",
        "Verzamelt klant-, product- en/of marktinformatie",
        "yes",
        "yes",
    ]
    assert _xlsx(cli, tmp_path, "list").sheetnames == ["Werkprocessen"]
    # one SBB file is one dossier: no dossier columns either
    assert _csv(cli, "list", "--profiel", str(SBB_XML / "2637 Sociaal_werk.xml"))[0][:2] == [
        "kerntaak",
        "kerntaak title",
    ]


def test_matrix_csv_stacks_profiles_dossier_by_dossier(cli):
    rows = _csv(cli, "matrix", "--data", SBB_XML)
    letters = list("ABCDEFGHIJKLMNOPQRSTUVWXY")
    assert rows[0] == ["dossier", "crebo", "profile", "werkproces", "title", "in profile", *letters, "count"]
    assert rows[1][:6] == [
        PW,
        "23183",
        "Pedagogisch medewerker kinderopvang",
        "B1-K1-W1",
        "Inventariseert behoeften en wensen van het kind",
        "yes",
    ]
    blokken = list(dict.fromkeys((r[0], r[2]) for r in rows[1:]))
    assert blokken == [(PW, p) for p in PW_PROFIELEN] + [(SW, p) for p in SW_PROFIELEN] + [
        ("Dienstverlening", p) for p in DV_PROFIELEN
    ] + [("Maatschappelijke Zorg", p) for p in MZ_PROFIELEN]
    # a profile's rows are its own dossier's werkprocessen only: Sociaal-cultureel werker has the
    # 16 of Sociaal werk minus the 3 of the other profile (P1-K1-W1..3)
    assert sum(1 for r in rows[1:] if r[2] == "Sociaal-cultureel werker") == 13


def test_matrix_xlsx_comparison_per_dossier_and_a_key_per_dossier(cli, tmp_path):
    wb = _xlsx(cli, tmp_path, "matrix", "--data", SBB_XML)
    namen = wb.sheetnames
    # per dossier: its profiles' sheets, then its comparison (named by crebo); the key last
    assert namen[3] == "Comparison 23183" and namen[6] == "Comparison 23185"
    assert namen[10] == "Comparison 23189" and namen[17] == "Comparison 23181" and namen[-1] == "Key"
    assert len(namen) == 14 + 4 + 1
    ws = wb["Comparison 23185"]
    assert _rij(ws, 1)[:4] == ["dossier", "crebo", "werkproces", "title"]
    assert _rij(ws, 2)[:4] == [SW, "23185", "B1-K1-W1", "Inventariseert de vraag naar sociaal werk"]
    assert ws.max_row - 1 >= 16  # its 16 werkprocessen (the key lines follow under the table)
    key = [_rij(wb["Key"], n) for n in range(1, wb["Key"].max_row + 1)]
    assert key[0] == ["code", "name", "dossier", "crebo"]
    assert key[1] == ["A", "Beslissen en activiteiten initiëren", None, None]
    assert ["1", "Sociaal-maatschappelijk dienstverlener", SW, "23185"] in key
    assert ["2", "Sociaal-cultureel werker", SW, "23185"] in key


def test_diff_csv_and_xlsx_across_dossiers_name_both(cli, tmp_path):
    args = ("diff", "Pedagogisch medewerker kinderopvang", "Sociaal-cultureel werker", "--data", SBB_XML)
    rows = _csv(cli, *args)
    assert rows[0] == [
        "kerntaak", "werkproces", "title", "field",
        "old (Pedagogisch medewerker kinderopvang — Pedagogisch Werk (crebo 23183))",
        "new (Sociaal-cultureel werker — Sociaal werk (crebo 23185))", "impact",
    ]  # fmt: skip
    ws = _xlsx(cli, tmp_path, *args).active
    onder = [ws.cell(row=n, column=1).value for n in range(ws.max_row - 2, ws.max_row + 1)]
    assert onder == [
        "Dossier A: Pedagogisch Werk (crebo 23183)",
        "Dossier B: Sociaal werk (crebo 23185)",
        "A and B come from different dossiers: werkprocessen paired by content, not by code",
    ]
