"""The 2015-model SBB PDF reader: the layouts of tests/sbbpdf (sbb and plain by reportlab, browser
by headless Chromium when there is one), typeset from each of the four SBB XML exports read
with ElementTree, read back to the same Dossier as the SBB XML reader gives, field for field;
the commands on such a PDF; a 2012 PDF still read as 2012."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("reportlab")

from conftest import PARSED, SBB_XML
from kwaldossier.read import load_file
from kwaldossier.read.sbbpdf import is_sbb_pdf, parse_sbb_pdf
from kwaldossier.read.sbbxml import parse_sbb
from sbbpdf import browser, plain, sbb
from sbbpdf.vergelijk import compare, leaves

FILES = [
    "2635 Pedagogisch_Werk.xml",
    "2637 Sociaal_werk.xml",
    "2755 Dienstverlening.xml",
    "4156 Maatschappelijke_Zorg.xml",
]
LAYOUTS = {"sbb": sbb, "plain": plain}
if browser.chromium():
    LAYOUTS["browser"] = browser

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sbbpdf")
    out = {}
    for name in FILES:
        for lay, module in LAYOUTS.items():
            out[(name, lay)] = module.render(SBB_XML / name, folder / f"{name.split()[0]}-{lay}.pdf")
    return out


@pytest.fixture(scope="module")
def xml():
    out = {}
    for name in FILES:
        (out[name],) = parse_sbb(SBB_XML / name)  # each of the four holds one dossier
    return out


@pytest.mark.parametrize("lay", list(LAYOUTS))
@pytest.mark.parametrize("name", FILES)
def test_pdf_reads_as_the_xml_field_for_field(pdfs, xml, name, lay):
    d = parse_sbb_pdf(pdfs[(name, lay)])
    matched, bad = compare(xml[name], d)
    allowed = [b for b in bad if lay == "browser" and _break_between_brackets(b)]
    assert [b for b in bad if b not in allowed] == [], "\n".join(bad[:10])
    assert len(allowed) <= 1
    assert matched + len(allowed) == len(leaves(xml[name].model_dump(mode="json"))) - _skipped(xml[name])
    assert d.onverwerkte_regels == []
    assert (d.model, d.formaat) == ("2015", "sbb-pdf")
    r = d.regelverantwoording
    assert r.totaal == r.model + r.opmaak + r.label + r.onverwerkt and r.onverwerkt == 0
    assert len(d.regel_paginas) == r.totaal


def _break_between_brackets(difference: str) -> bool:
    """Chromium breaks a line between ')' and '(' where the text has no space (cliënt(groep)
    (cultuur, ...): no reader can tell that break from one at a space; ours reads a space."""
    _, _, rest = difference.partition(": expected ")
    expected, _, got = rest.partition(", got ")
    return ")(" in expected and got.replace(") (", ")(") == expected


def _skipped(dossier) -> int:
    """The XML's fields that a PDF cannot carry (see sbbpdf/vergelijk.py)."""
    from sbbpdf.vergelijk import SKIP

    return sum(
        1
        for key in leaves(dossier.model_dump(mode="json"))
        if any(part.split("[")[0].split("#")[0] in SKIP for part in key.split("."))
    )


def test_the_comparison_sees_a_difference(pdfs, xml):
    """A changed text, a lost bullet and a swapped flag are reported (the comparison can fail)."""
    name = FILES[1]
    d = parse_sbb_pdf(pdfs[(name, "sbb")])
    p = d.profielen[0]
    wp = p.kerntaken[0].werkprocessen[0]
    wp2 = wp.model_copy(update={"resultaat": wp.resultaat + " Extra.", "gedrag": wp.gedrag[:-1]})
    kt = p.kerntaken[0].model_copy(update={"werkprocessen": [wp2, *p.kerntaken[0].werkprocessen[1:]]})
    changed = d.model_copy(
        update={"profielen": [p.model_copy(update={"kerntaken": [kt, *p.kerntaken[1:]]}), *d.profielen[1:]]}
    )
    _, bad = compare(xml[name], changed)
    assert any("werkprocessen[0].resultaat" in b for b in bad)
    assert any("werkprocessen[0].gedrag#len" in b for b in bad)


def test_additions_per_profile(pdfs):
    """Maatschappelijke Zorg, B1-K1-W2: the gedrag additions of Persoonlijk begeleider
    gehandicaptenzorg (read from the XML by hand: two bullets with their own intro line)."""
    d = parse_sbb_pdf(pdfs[(FILES[3], "sbb")])
    pbg = next(p for p in d.profielen if p.naam == "Persoonlijk begeleider gehandicaptenzorg")
    bg = next(p for p in d.profielen if p.naam == "Begeleider gehandicaptenzorg")
    wp = next(w for w in pbg.kerntaken[0].werkprocessen if w.code == "B1-K1-W2")
    extra = [g.tekst for g in wp.gedrag if g.aanvullend]
    assert extra == [
        "daagt, indien mogelijk, de cliënt uit om zelf met oplossingen te komen of (gedrags)alternatieven uit te proberen;",
        "motiveert naastbetrokkenen doelbewust tot haalbare activiteiten.",
    ]
    assert wp.gedrag_inleiding == "De beroepskracht maatschappelijke zorg:"
    assert wp.gedrag_inleiding_aanvullend == "De persoonlijk begeleider gehandicaptenzorg:"
    assert not any(g.aanvullend for g in bg.kerntaken[0].werkprocessen[1].gedrag)
    assert pbg.kerntaken[0].complexiteit_aanvullend.startswith(
        "De persoonlijk begeleider gehandicaptenzorg beschikt over specialistische kennis."
    )
    assert bg.kerntaken[0].complexiteit_aanvullend == ""


def test_sniffing_by_wording(pdfs, tmp_path):
    assert all(is_sbb_pdf(p) for p in pdfs.values())
    renamed = tmp_path / "dossier-2012.pdf"  # the name says nothing
    renamed.write_bytes(pdfs[(FILES[2], "plain")].read_bytes())
    assert load_file(renamed).formaat == "sbb-pdf"


def test_a_2012_pdf_is_still_read_by_the_2012_reader(tmp_path):
    pdfgen = pytest.importorskip("pdfgen")
    seed = load_file(PARSED / "commercieel-medewerker-buitendienst.json")
    path = pdfgen.render(seed, tmp_path / "buitendienst-2015.pdf")  # a misleading name
    assert not is_sbb_pdf(path)
    d = load_file(path)
    assert d.model == "2012" and [p.naam for p in d.profielen] == ["Commercieel medewerker buitendienst"]
    assert d.profielen[0].werkproces("2.5").titel == seed.profielen[0].werkproces("2.5").titel


def test_commands_on_a_2015_pdf(cli, pdfs):
    path = pdfs[(FILES[1], "plain")]
    r = cli("parse", path, "--json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert (data["model"], data["formaat"], data["crebo"]) == ("2015", "sbb-pdf", "23185")
    assert [p["crebo"] for p in data["profielen"]] == ["25489", "25488"]
    r = cli("show", "B1-K1-W1", "--profiel", f"dienstverlener@{path}")
    assert r.code == 0, r.err
    assert "Inventariseert de vraag naar sociaal werk" in r.out and "De sociaal werker:" in r.out
    r = cli("validate", path)
    assert r.code == 0, r.out + r.err
    r = cli("diff", f"dienstverlener@{path}", f"dienstverlener@{SBB_XML / FILES[1]}", "--json")
    assert r.code in (0, 1), r.err
    diff = json.loads(r.out)
    assert diff["only_a"] == [] and diff["only_b"] == [] and len(diff["shared"]) == 13
    assert diff["similarity"] == 1.0  # texts differ only in the XML's runs of spaces
