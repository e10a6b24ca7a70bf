"""Exports: spreadsheets (xlsx, csv), the competence heat-map (svg) and CASE 1.1 packages."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ET

import pytest

from conftest import BINNEN, BUITEN, CASE_SCHEMA, PARSED
from kwaldossier.model.competenties import LETTERS

BINNEN_JSON = PARSED / "commercieel-medewerker-binnendienst.json"


@pytest.fixture(autouse=True)
def _nederlands(monkeypatch):
    """The sheets, headers and notes checked here are the Dutch ones (the reports follow the
    language of the run; test_taal.py checks the English and the choice itself)."""
    from kwaldossier import taal

    monkeypatch.setenv("KWALDOSSIER_TAAL", "nl")
    taal.zet("nl")


GREEN, AMBER = "C6EFCE", "FFEB9C"
SVG = "{http://www.w3.org/2000/svg}"


def _fill(cell) -> str | None:
    f = cell.fill
    if f is None or f.fill_type != "solid":
        return None
    return str(f.fgColor.rgb)[-6:]


def _row(ws, code: str) -> list:
    for row in ws.iter_rows(min_row=2, values_only=False):
        if row[0].value == code:
            return list(row)
    raise AssertionError(f"no row {code} in {ws.title}")


def _crossed(ws, code: str, first_letter_col: int) -> set[str]:
    row = _row(ws, code)
    return {l for l, cell in zip(LETTERS, row[first_letter_col : first_letter_col + 25], strict=True) if cell.value}


# ---------------------------------------------------------------- matrix xlsx / csv


def test_matrix_xlsx_kruistabel(cli, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "matrix.xlsx"
    r = cli("matrix", "--format", "xlsx", "--out", out)
    assert r.code == 0, r.err
    assert r.out == ""
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["binnendienst", "buitendienst", "Vergelijking", "Legenda"]
    buiten = wb["buitendienst"]
    assert [c.value for c in buiten[1]][:5] == ["werkproces", "titel", "in profiel", "A", "B"]
    # crosses read off the seed's matrix (buitendienst 1.1: J, M, N, R; 2.5 adds Y)
    assert _crossed(buiten, "1.1", 3) == {"J", "M", "N", "R"}
    assert _crossed(buiten, "2.5", 3) == {"E", "I", "J", "R", "T", "Y"}
    assert _crossed(wb["binnendienst"], "1.1", 3) == {"J", "N", "R"}
    row = _row(buiten, "1.1")
    assert row[1].value == "Verzamelt klant-, product- en/of marktinformatie"
    assert row[2].value == "ja" and row[-1].value == 4
    assert _fill(row[3 + LETTERS.index("M")]) == GREEN
    assert _fill(row[3 + LETTERS.index("A")]) is None
    assert _row(buiten, "2.7")[2].value == "nee" and _crossed(buiten, "2.7", 3) == set()
    assert buiten.freeze_panes == "C2"
    assert buiten.auto_filter.ref == "A1:AC20"  # 29 columns, header + 19 werkprocessen
    assert buiten.column_dimensions["B"].width >= 40 and buiten["B2"].alignment.wrap_text
    assert buiten.page_setup.orientation == "landscape" and buiten.print_title_rows == "$1:$1"
    j = buiten.cell(row=1, column=4 + LETTERS.index("J"))
    assert j.value == "J" and j.comment.text == "Formuleren en rapporteren"
    cmp_ = wb["Vergelijking"]
    assert cmp_.freeze_panes == "C2" and cmp_.auto_filter.ref == "A1:AA20"
    row = _row(cmp_, "1.1")
    cell = {l: row[2 + i] for i, l in enumerate(LETTERS)}
    assert cell["J"].value == "x" and _fill(cell["J"]) == GREEN  # both profiles
    assert cell["M"].value == "2" and _fill(cell["M"]) == AMBER  # only buitendienst
    assert _row(cmp_, "1.3")[2 + LETTERS.index("J")].value == "1"  # only binnendienst
    notes = [c.value for c in cmp_["A"] if c.value]
    assert "2 = alleen Commercieel medewerker buitendienst" in notes and "x = beide profielen" in notes
    legend = {r[0]: r[1] for r in wb["Legenda"].iter_rows(min_row=2, values_only=True)}
    assert legend["R"] == 'Op de behoeften en verwachtingen van de "klant" richten'
    assert legend["1"] == "Commercieel medewerker binnendienst"


def test_matrix_xlsx_one_profile_has_no_comparison(cli, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "m.xlsx"
    assert cli("matrix", "-p", "buitendienst", "-f", "xlsx", "-o", out).code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["buitendienst", "Legenda"]


def test_matrix_csv_bom_separator_and_accents(cli, tmp_path):
    out = tmp_path / "m.csv"
    assert cli("matrix", "--format", "csv", "--out", out).code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["profiel", "werkproces", "titel", "in profiel"]
    by = {(r[0], r[1]): r for r in rows[1:]}
    b11 = by[("Commercieel medewerker buitendienst", "1.1")]
    assert {l for l, v in zip(LETTERS, b11[4:29], strict=True) if v == "x"} == {"J", "M", "N", "R"}
    assert by[("Commercieel medewerker binnendienst", "2.9")][3] == "nee"
    assert len(rows) == 1 + 2 * 19

    comma = tmp_path / "m2.csv"
    assert cli("matrix", "--format", "csv", "--sep", ",", "--out", comma).code == 0
    rows2 = list(csv.reader(io.StringIO(comma.read_text(encoding="utf-8-sig"))))
    assert rows2 == rows  # same table; titles with commas are quoted, not split
    assert any("," in r[2] for r in rows2[1:])


def test_list_csv_and_xlsx(cli, tmp_path):
    r = cli("list", "--format", "csv")
    assert r.code == 0
    rows = list(csv.reader(io.StringIO(r.out.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == [
        "kerntaak",
        "kerntaak titel",
        "werkproces",
        "titel",
        "Commercieel medewerker binnendienst",
        "Commercieel medewerker buitendienst",
    ]
    r16 = next(x for x in rows if x[2] == "1.6")
    assert r16[3] == "Coördineert de uitvoering van verkoop- en accountplannen en evalueert de plannen"
    assert r16[4:] == ["nee", "ja"]
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "list.xlsx"
    assert cli("list", "-f", "xlsx", "-o", out).code == 0
    ws = openpyxl.load_workbook(out)["Werkprocessen"]
    row = _row_by(ws, 2, "2.8")
    assert [c.value for c in row[4:]] == ["nee", "ja"] and _fill(row[5]) == GREEN and _fill(row[4]) is None
    assert ws.freeze_panes == "E2" and ws.auto_filter.ref == "A1:F20"


def _row_by(ws, col: int, value: str) -> list:
    return next(list(r) for r in ws.iter_rows(min_row=2) if r[col].value == value)


def test_diff_rows_xlsx_and_csv(cli, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "d.xlsx"
    r = cli("diff", "binnendienst", "buitendienst", "--format", "xlsx", "--out", out)
    assert r.code == 1 and r.out == ""
    ws = openpyxl.load_workbook(out)["Wijzigingen"]
    head = [c.value for c in ws[1]]
    assert head == [
        "kerntaak",
        "werkproces",
        "titel",
        "veld",
        "oud (Commercieel medewerker binnendienst)",
        "nieuw (Commercieel medewerker buitendienst)",
        "impact",
    ]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    comp13 = [(x[4], x[5]) for x in rows if x[1] == "1.3" and x[3] == "competentie"]
    # 1.3: binnendienst crosses J and M, buitendienst R instead (seed matrices)
    assert sorted(comp13, key=str) == sorted(
        [
            ("J Formuleren en rapporteren", None),
            ("M Analyseren", None),
            (None, 'R Op de behoeften en verwachtingen van de "klant" richten'),
        ],
        key=str,
    )
    only = {(x[1], x[4], x[5]) for x in rows if x[3] == "werkproces"}
    assert ("2.7", "Verzorgt het (interne) ordertraject", None) in only
    assert ("2.8", None, "Voert aftersales uit") in only
    assert all(x[0] == x[1].split(".")[0] for x in rows if x[1])
    assert any(x[3] == "algemene informatie: context" for x in rows)
    assert ws.freeze_panes == "C2" and ws.auto_filter.ref == f"A1:G{len(rows) + 1}"
    codes = [x[1] for x in rows if x[1]]
    assert codes[0] == "1.1" and codes[-1] == "3.3" and rows[-1][3].startswith("algemene informatie")
    assert ws["E2"].alignment.wrap_text
    c = tmp_path / "d.csv"
    assert cli("diff", "binnendienst", "buitendienst", "-f", "csv", "-o", c, "--sep", "tab").code == 1
    crow = list(csv.reader(io.StringIO(c.read_text(encoding="utf-8-sig")), delimiter="\t"))
    assert len(crow) == len(rows) + 1
    assert [(x[4] or None, x[5] or None) for x in crow[1:] if x[1] == "1.3" and x[3] == "competentie"] == comp13


def test_formats_usage_errors(cli, tmp_path):
    for args in (["matrix", "-f", "pdf"], ["list", "-f", "svg"], ["diff", "binnendienst", "buitendienst", "-f", "svg"]):
        r = cli(*args)
        assert r.code == 2 and r.out == ""
        assert "xlsx" in r.err and "csv" in r.err
    r = cli("matrix", "-f", "csv", "--sep", ";;")
    assert r.code == 2 and "--sep" in r.err
    r = cli("list", "--out", tmp_path / "x.txt")
    assert r.code == 2 and not (tmp_path / "x.txt").exists()


def test_xlsx_never_to_a_terminal(cli, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    r = cli("matrix", "--format", "xlsx")
    assert r.code == 2 and r.out == ""
    assert "--out" in r.err and "binair formaat" in r.err  # in Dutch here


def test_xlsx_to_a_pipe():
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    p = subprocess.run([sys.executable, "-m", "kwaldossier", "matrix", "-f", "xlsx"], capture_output=True, env=env)
    assert p.returncode == 0, p.stderr
    assert p.stdout[:2] == b"PK"  # a zip container, whole


def test_out_to_a_folder_is_an_input_error(cli, tmp_path):
    r = cli("matrix", "-f", "csv", "-o", tmp_path)
    assert r.code == 2 and r.out == "" and "is een map" in r.err and "Traceback" not in r.err
    assert list(tmp_path.iterdir()) == []


def test_out_is_atomic_and_overwrites(cli, tmp_path):
    out = tmp_path / "m.csv"
    out.write_text("old")
    assert cli("matrix", "-f", "csv", "-o", out).code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfprofiel")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv"]  # no temp file left


EXPORTS = [
    ("matrix", "-f", "xlsx"),
    ("matrix", "-f", "csv"),
    ("matrix", "-f", "svg"),
    ("list", "-f", "xlsx"),
    ("diff", "binnendienst", "buitendienst", "-f", "xlsx"),
    ("export", "case", "binnendienst"),
]


@pytest.mark.parametrize("args", EXPORTS, ids="-".join)
def test_export_out_missing_folder_is_refused(cli, tmp_path, args):
    """Same rule as every --out: the parent folder must exist, nothing is created silently."""
    r = cli(*args, "-o", tmp_path / "nope" / "x")
    assert r.code == 2 and r.out == "" and "bestaat niet" in r.err, r.err  # in Dutch here
    assert len(r.err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root")
@pytest.mark.parametrize("args", EXPORTS, ids="-".join)
def test_export_out_device_is_written_through_never_replaced(cli, tmp_path, args):
    """As root, xlsx/csv/svg/CASE exports renamed their file over /dev/full (a private one here)."""
    import stat

    full = tmp_path / "full"
    os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    r = cli(*args, "-o", full)
    assert r.code == 2 and r.out == "" and "No space left" in r.err, r.err
    assert stat.S_ISCHR(os.stat(full).st_mode) and sorted(os.listdir(tmp_path)) == ["full"]


# ---------------------------------------------------------------- heat-map


def test_heatmap_svg_numbers(cli, buiten, binnen, tmp_path):
    out = tmp_path / "h.svg"
    assert cli("matrix", "--format", "svg", "--out", out).code == 0
    root = ET.parse(out).getroot()
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.find(f"{SVG}title").text.startswith("Competenties per profiel")
    cells = {}
    for g in root.iter(f"{SVG}g"):
        label = g.find(f"{SVG}title").text  # "<profiel>: <letter> <naam>: <n>"
        profiel, rest = label.split(": ", 1)
        cells[(profiel, rest[0])] = int(g.find(f"{SVG}text").text)
    assert len(cells) == 2 * 25
    for p in (binnen.profielen[0], buiten.profielen[0]):  # counted here from the parsed model
        for letter in LETTERS:
            expected = sum(1 for wp in p.werkprocessen() if wp.in_profiel and letter in wp.matrix)
            assert cells[(p.naam, letter)] == expected
    assert cells[("Commercieel medewerker buitendienst", "R")] == 8
    assert cells[("Commercieel medewerker binnendienst", "R")] == 7


def test_heatmap_function_for_reports():
    from kwaldossier.read import load_all
    from kwaldossier.render.svg import heatmap_svg

    svg = heatmap_svg(load_all(), id_prefix="x1")
    assert svg.startswith("<svg ") and 'id="x1-title"' in svg
    ET.fromstring(svg)


def test_heatmap_in_the_html_report():
    """Issue 13: the heat-map in the HTML report; given the two profiles, diff_html embeds it
    (numbers per cell, as `matrix --format svg`)."""
    from kwaldossier.analyse.diff import diff
    from kwaldossier.analyse.selectie import resolve_one
    from kwaldossier.render.diff_html import diff_html

    a, b = resolve_one("binnendienst", None, None), resolve_one("buitendienst", None, None)
    report = diff(a, b)
    assert "<svg" not in diff_html(report)
    html = diff_html(report, [a, b])
    assert html.count("<svg") == 1 and 'id="heatmap"' in html and "Competenties per profiel" in html
    assert "<title>Commercieel medewerker buitendienst: R Op de behoeften" in html


# ---------------------------------------------------------------- hostile names


@pytest.fixture
def hostile(tmp_path):
    data = json.loads(BINNEN_JSON.read_text(encoding="utf-8"))
    p = data["profielen"][0]
    p["naam"] = "Evil <b>&amp; \"quote\" 'x' ]]> [a]:b*?/\\"
    p["kerntaken"][0]["titel"] = "<script>alert(1)</script>"
    p["kerntaken"][0]["werkprocessen"][0]["titel"] = '=HYPERLINK("http://x","y") & <tag>'
    f = tmp_path / "evil.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return f, p


@pytest.mark.shared
def test_hostile_names_are_escaped(cli, hostile, tmp_path):
    f, p = hostile
    svg = tmp_path / "e.svg"
    assert cli("matrix", "-p", f, "-f", "svg", "-o", svg).code == 0
    root = ET.parse(svg).getroot()  # well-formed despite <, &, quotes, ]]>
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert p["naam"] in texts
    openpyxl = pytest.importorskip("openpyxl")
    x = tmp_path / "e.xlsx"
    assert cli("matrix", "-p", f, "-f", "xlsx", "-o", x).code == 0
    wb = openpyxl.load_workbook(x)
    name = wb.sheetnames[0]
    assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
    cell = wb[name]["B2"]
    assert cell.value == '=HYPERLINK("http://x","y") & <tag>' and cell.data_type == "s"
    c = tmp_path / "e.csv"
    assert cli("list", "-p", f, "-f", "csv", "-o", c).code == 0
    rows = list(csv.reader(io.StringIO(c.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0][4] == p["naam"]
    assert rows[1][1] == "<script>alert(1)</script>"
    assert rows[1][3] == "'" + '=HYPERLINK("http://x","y") & <tag>'  # no formula when Excel opens it
    case = tmp_path / "e.json"
    assert cli("export", "case", f, "-o", case).code == 0
    pkg = json.loads(case.read_text(encoding="utf-8"))
    _validator().validate(pkg)
    assert p["naam"] in {i["fullStatement"] for i in pkg["CFItems"]}


# ---------------------------------------------------------------- CASE


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(CASE_SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft/2020-12/schema"
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    v = cls(schema, format_checker=cls.FORMAT_CHECKER)
    # the formats the schema declares are really checked (their checkers are installed)
    assert not v.format_checker.conforms("not a uri", "uri")
    assert not v.format_checker.conforms("2012-08-01", "date-time")
    assert not v.format_checker.conforms("01-08-2012", "date")
    return v


def _counts(dossier) -> dict:
    """Items and associations a package of this dossier must have, counted from the model."""
    wps = [wp for p in dossier.profielen for wp in p.werkprocessen() if wp.in_profiel]
    kts = [kt for p in dossier.profielen for kt in p.kerntaken if any(wp.in_profiel for wp in kt.werkprocessen)]
    letters = {l for wp in wps for l in wp.matrix}
    items = len(dossier.profielen) + len(kts) + len(wps) + len(letters)
    return {
        "Profiel": len(dossier.profielen),
        "Kerntaak": len(kts),
        "Werkproces": len(wps),
        "Competentie": len(letters),
        "isChildOf": items,
        "isRelatedTo": sum(len(set(wp.matrix)) for wp in wps),
    }


def _tally(pkg: dict) -> dict:
    out: dict[str, int] = {}
    for i in pkg["CFItems"]:
        out[i["CFItemType"]] = out.get(i["CFItemType"], 0) + 1
    for a in pkg["CFAssociations"]:
        out[a["associationType"]] = out.get(a["associationType"], 0) + 1
    return out


@pytest.mark.shared
def test_case_package_validates_and_counts(cli, binnen, tmp_path):
    v = _validator()
    out = tmp_path / "case.json"
    r = cli("export", "case", BINNEN, "--out", out)
    assert r.code == 0, r.err
    pkg = json.loads(out.read_text(encoding="utf-8"))
    errors = sorted(v.iter_errors(pkg), key=lambda e: list(e.path))
    assert not errors, [e.message for e in errors[:3]]
    assert _tally(pkg) == _counts(binnen)
    doc = pkg["CFDocument"]
    assert doc["title"] == "Commercieel medewerker" and doc["caseVersion"] == "1.1"
    assert doc["lastChangeDateTime"] == "2012-08-01T00:00:00Z"
    ids = [x["identifier"] for x in [doc, *pkg["CFItems"], *pkg["CFAssociations"]]]
    assert len(set(ids)) == len(ids) and all(uuid.UUID(i).version == 5 for i in ids)
    by_id = {i["identifier"]: i for i in pkg["CFItems"]}
    parent = {
        a["originNodeURI"]["identifier"]: a["destinationNodeURI"]["identifier"]
        for a in pkg["CFAssociations"]
        if a["associationType"] == "isChildOf"
    }
    related: dict[str, set[str]] = {}
    for a in pkg["CFAssociations"]:
        if a["associationType"] == "isRelatedTo":
            related.setdefault(by_id[a["originNodeURI"]["identifier"]]["humanCodingScheme"], set()).add(
                by_id[a["destinationNodeURI"]["identifier"]]["humanCodingScheme"]
            )
    for wp in binnen.profielen[0].werkprocessen():
        if not wp.in_profiel:
            assert wp.code not in related
            continue
        item = next(i for i in pkg["CFItems"] if i["CFItemType"] == "Werkproces" and i["humanCodingScheme"] == wp.code)
        assert item["fullStatement"] == wp.titel
        kt = by_id[parent[item["identifier"]]]
        assert kt["CFItemType"] == "Kerntaak" and kt["humanCodingScheme"] == wp.code.split(".")[0]
        assert by_id[parent[kt["identifier"]]]["CFItemType"] == "Profiel"
        assert related[wp.code] == set(wp.matrix)
    for i in pkg["CFItems"]:
        if i["CFItemType"] in ("Profiel", "Competentie"):
            assert parent[i["identifier"]] == doc["identifier"]


@pytest.mark.shared
def test_case_buitendienst_needs_a_date_and_is_deterministic(cli, buiten, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    r = cli("export", "case", "buitendienst", "--out", a)
    assert r.code == 2 and "--datum" in r.err and r.out == "" and not a.exists()
    assert cli("export", "case", "buitendienst", "--datum", "2012-08-01", "--out", a).code == 0
    assert cli("export", "case", BUITEN, "--datum", "2012-08-01", "--out", b).code == 0
    assert a.read_bytes() == b.read_bytes()  # bundled JSON and the raw text give one package
    pkg = json.loads(a.read_text(encoding="utf-8"))
    _validator().validate(pkg)
    assert _tally(pkg) == _counts(buiten)
    items = {i["identifier"]: i for i in pkg["CFItems"]}
    w11 = next(i for i in pkg["CFItems"] if i.get("humanCodingScheme") == "1.1")
    related = {
        items[a["destinationNodeURI"]["identifier"]]["humanCodingScheme"]
        for a in pkg["CFAssociations"]
        if a["associationType"] == "isRelatedTo" and a["originNodeURI"]["identifier"] == w11["identifier"]
    }
    assert related == {"J", "M", "N", "R"}
    r = cli("export", "case", "buitendienst", "--datum", "1-8-2012")
    assert r.code == 2 and "--datum" in r.err


@pytest.mark.shared
def test_case_stdout_and_base_uri(cli):
    r = cli("export", "case", "binnendienst", "--base-uri", "https://example.org/case/")
    assert r.code == 0
    pkg = json.loads(r.out)
    assert pkg["CFDocument"]["uri"] == "https://example.org/case/" + pkg["CFDocument"]["identifier"]
    _validator().validate(pkg)
    r = cli("export", "case", "binnendienst", "--base-uri", "no uri here/")
    assert r.code == 2 and "--base-uri" in r.err and r.out == ""


def test_case_takes_json_like_every_command(cli):
    """README: every command takes --json; the package is JSON already, so the same bytes."""
    plain = cli("export", "case", "binnendienst")
    r = cli("export", "case", "binnendienst", "--json")
    assert r.code == 0 and r.err == "" and r.out == plain.out
    assert json.loads(r.out)["CFDocument"]


@pytest.mark.shared
def test_case_generic_walk_2015_shape():
    """A dossier shaped like the 2015 model (crebo, B1-K1-W1 codes, competences but no matrix,
    no in_profiel) exports through the same walk; identifiers follow the crebo, not the title."""
    from datetime import date

    from kwaldossier.export.case import case_package
    from kwaldossier.model import m2015 as m
    from kwaldossier.read import GeladenProfiel

    def wp(code, titel, letters):
        comps = [m.Competentie2015(letter=l, naam="n") for l in letters]
        return m.Werkproces2015(
            code=code, titel=titel, competenties=comps, deel="basis" if code[0] == "B" else "profiel"
        )

    kts = [
        m.Kerntaak2015(
            code="B1-K1",
            titel="Basis",
            deel="basis",
            werkprocessen=[wp("B1-K1-W1", "Inventariseert", "DE"), wp("B1-K1-W2", "Plant", "Q")],
        ),
        m.Kerntaak2015(
            code="P1-K1", titel="Profiel", deel="profiel", werkprocessen=[wp("P1-K1-W1", "Begeleidt", "CDD")]
        ),
    ]
    profiel = m.Profiel2015(naam="Sociaal werker", code="P1", crebo="25489", niveau=4, kerntaken=kts)

    def pkg(titel):
        dossier = m.Dossier2015(
            titel=titel,
            crebo="23185",
            geldig_vanaf=date(2015, 8, 1),
            bron="/somewhere/2637 Sociaal_werk.xml",
            profielen=[profiel],
        )
        return case_package([GeladenProfiel(profiel, dossier, None)])

    p = pkg("Sociaal werk")
    _validator().validate(p)
    assert _tally(p) == {
        "Profiel": 1,
        "Kerntaak": 2,
        "Werkproces": 3,
        "Competentie": 4,
        "isChildOf": 10,
        "isPartOf": 1,
        "isRelatedTo": 5,
    }
    codes = {i.get("humanCodingScheme") for i in p["CFItems"]}
    assert {"P1", "B1-K1", "P1-K1-W1", "D"} <= codes
    doc = p["CFDocument"]
    assert "version" not in doc
    assert doc["description"] == "Kwalificatiedossier Sociaal werk, crebo 23185, model 2015."
    assert doc["notes"].endswith("from 2637 Sociaal_werk.xml.")
    renamed = pkg("Sociaal werk (gewijzigd)")
    assert [i["identifier"] for i in renamed["CFItems"]] == [i["identifier"] for i in p["CFItems"]]
    assert renamed["CFDocument"]["identifier"] == doc["identifier"]


@pytest.mark.shared
def test_case_two_profiles_in_one_dossier(cli, binnen, buiten, tmp_path):
    """A file holding both profiles: one document, per-profile werkprocessen, shared competences."""
    data = json.loads(BINNEN_JSON.read_text(encoding="utf-8"))
    other = json.loads((PARSED / "commercieel-medewerker-buitendienst.json").read_text(encoding="utf-8"))
    data["profielen"] += other["profielen"]
    f = tmp_path / "both.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "both.case.json"
    assert cli("export", "case", f, "-o", out).code == 0
    pkg = json.loads(out.read_text(encoding="utf-8"))
    _validator().validate(pkg)
    one, two = _counts(binnen), _counts(buiten)
    letters = {l for p in (binnen, buiten) for wp in p.profielen[0].werkprocessen() if wp.in_profiel for l in wp.matrix}
    got = _tally(pkg)
    assert got["Profiel"] == 2 and got["Competentie"] == len(letters)
    assert got["Werkproces"] == one["Werkproces"] + two["Werkproces"]
    assert got["isRelatedTo"] == one["isRelatedTo"] + two["isRelatedTo"]
    assert got["isChildOf"] == len(pkg["CFItems"])
    ids = [x["identifier"] for x in [*pkg["CFItems"], *pkg["CFAssociations"]]]
    assert len(set(ids)) == len(ids)


def test_spreadsheet_paths_import_openpyxl_only_for_xlsx():
    code = (
        "import sys\n"
        "from kwaldossier.cli import main\n"
        "for args in (['list'], ['matrix', '-f', 'csv'], ['matrix', '-f', 'svg']):\n"
        "    sys.argv = ['kwaldossier', *args]\n"
        "    try:\n        main()\n    except SystemExit as e:\n        assert e.code in (0, None), e.code\n"
        "heavy = [m for m in ('openpyxl', 'jsonschema', 'kwaldossier.model.dossier', 'pdfplumber') if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stderr
    assert "HEAVY []" in p.stderr


def test_sheet_names_valid_and_unique():
    from kwaldossier.render.tabellen import bladnaam

    taken: set[str] = set()
    long = "Medewerker maatschappelijke zorg, niveau 3 (variant)"
    names = [bladnaam(n, taken) for n in (long, long, "History", "a/b:c*d?[e]", "'")]
    assert len({n.lower() for n in names}) == len(names)
    assert all(0 < len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
    assert names[0] == long[:31] and names[1].endswith(" (2)") and names[2] == "History (2)"


@pytest.mark.shared
def test_case_sbb_basisdeel_once_per_dossier(cli, tmp_path):
    """2637 Sociaal werk (counted by hand from the XML): basisdeel B1-K1 (8 werkprocessen) and
    B1-K2 (2); profiel 25489 and 25488 each one profielkerntaak P1-K1/P2-K1 of 3 werkprocessen.
    Items once per dossier: 2 profielen, 2 + 2 kerntaken, 10 + 6 werkprocessen; each basisdeel
    kerntaak isPartOf both profielen (4), every other node isChildOf its parent."""
    from conftest import SBB_XML

    src = SBB_XML / "2637 Sociaal_werk.xml"
    out = tmp_path / "sw.json"
    assert cli("export", "case", src, "--out", out).code == 0
    p = json.loads(out.read_text(encoding="utf-8"))
    _validator().validate(p)
    t = _tally(p)
    assert (t["Profiel"], t["Kerntaak"], t["Werkproces"]) == (2, 4, 16)
    assert t["isPartOf"] == 4
    # every item in the tree once: profielen and basisdeel kerntaken under the document
    assert t["isChildOf"] == 2 + 4 + 16 + t["Competentie"]
    w2 = [i for i in p["CFItems"] if i.get("humanCodingScheme") == "B1-K1-W2"]
    assert len(w2) == 1 and w2[0]["fullStatement"] == "Maakt een plan van aanpak"
    profielen = {i["identifier"]: i for i in p["CFItems"] if i["CFItemType"] == "Profiel"}
    assert sorted(i["fullStatement"] for i in profielen.values()) == [
        "Sociaal-cultureel werker",
        "Sociaal-maatschappelijk dienstverlener",
    ]
    assert all(i["educationLevel"] == ["MBO niveau 4", "NLQF 4", "EQF 4"] for i in profielen.values())
    delen = [a for a in p["CFAssociations"] if a["associationType"] == "isPartOf"]
    assert {a["destinationNodeURI"]["identifier"] for a in delen} == set(profielen)
    assert sorted(a["originNodeURI"]["title"] for a in delen) == sorted(
        ["Werken aan de aanpak van sociale problematiek", "Werken aan kwaliteit en deskundigheid"] * 2
    )
