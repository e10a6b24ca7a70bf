"""The commands on 2015-model PDFs (tests/sbbpdf/sbb.py typeset from each of the four SBB XML
files) as on the XML of the same dossier: diff PDF vs XML finds nothing (exit 0), validate
gives the same findings, show prints the same werkproces, list --format csv and export case
the same data; and bombs behind an SBB cover are refused by the 2015 reader within the limits.

What a PDF cannot carry is named where it is left out: runs of white space (KD607, show's
texts), the source line, SBB's database status and the verantwoordingsinformatie
(moderne_vreemde_talen), which the published dossier does not print."""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys

import pytest

from conftest import ROOT, SBB_XML
from kwaldossier.errors import InputError
from kwaldossier.read.sbbpdf import parse_sbb_pdf
from kwaldossier.read.sbbxml import parse_sbb

pytest.importorskip("reportlab")
pdfgen = pytest.importorskip("pdfgen")
sbb = pytest.importorskip("sbbpdf.sbb")

FILES = [
    "2635 Pedagogisch_Werk.xml",
    "2637 Sociaal_werk.xml",
    "2755 Dienstverlening.xml",
    "4156 Maatschappelijke_Zorg.xml",
]
# the profiles of each file (none when ../shared is not beside the checkout: the tests skip)
PROFIELEN = [
    (name, p.naam) for name in FILES if (SBB_XML / name).is_file() for p in parse_sbb(SBB_XML / name)[0].profielen
]

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sbbpdf-cli")
    return {name: sbb.render(SBB_XML / name, folder / f"{name.split()[0]}.pdf") for name in FILES}


def _json(r):
    assert r.err == "", r.err
    return json.loads(r.out)


@pytest.mark.parametrize(("name", "profiel"), PROFIELEN)
def test_diff_pdf_against_its_xml_finds_nothing(cli, pdfs, name, profiel):
    xml = SBB_XML / name
    r = cli("diff", xml, pdfs[name], "--profiel", profiel, "--json")
    p = next(p for p in parse_sbb(xml)[0].profielen if p.naam == profiel)
    if not p.algemene_informatie.moderne_vreemde_talen:
        assert r.code == 0, r.out[:2000]
        d = _json(r)
        assert (d["changed"], d["only_a"], d["only_b"], d["kerntaak_velden"]) == (False, [], [], {})
        return
    # the one field the published PDF does not print: the only change, nothing else
    assert r.code == 1
    d = _json(r)
    ai = {k: v for k, v in d["algemene_informatie"].items() if v is not None}
    assert list(ai) == ["moderne_vreemde_talen"]
    assert (d["only_a"], d["only_b"], d["kerntaak_velden"]) == ([], [], {})
    assert all(not w["changed"] for w in d["werkprocessen"].values())


@pytest.mark.parametrize("name", FILES)
def test_validate_pdf_as_its_xml(cli, pdfs, name):
    def findings(path):
        r = cli("validate", path, "--json")
        assert r.code in (0, 1), r.err
        out = {(f["code"], f["profiel"], f["werkproces"], f["message"]) for f in _json(r)["findings"]}
        return r.code, out

    code_x, xml = findings(SBB_XML / name)
    code_p, pdf = findings(pdfs[name])
    # KD607 is white space at the end of a title: the XML keeps it, a PDF cannot show it
    assert {f for f in xml if f[0] != "KD607"} == pdf
    assert not {f for f in pdf if f[0] == "KD607"}
    assert code_x == code_p


def _show(cli, *args):
    r = cli("show", *args)
    assert r.code == 0, r.err
    # the same text, apart from where it was read and runs of white space a PDF does not keep
    return [" ".join(ln.split()) for ln in re.sub(r"source line \d+", "source line N", r.out).splitlines()]


@pytest.mark.parametrize("name", FILES)
def test_show_pdf_as_its_xml(cli, pdfs, name):
    (d,) = parse_sbb(SBB_XML / name)
    codes = ["B1-K1-W1", d.profielen[-1].kerntaken[-1].werkprocessen[-1].code]
    for code in codes:
        xml = _show(cli, code, "--profiel", SBB_XML / name)
        assert code in xml[0] and len(xml) > 10
        assert _show(cli, code, "--profiel", pdfs[name]) == xml


@pytest.mark.parametrize("name", FILES)
def test_list_search_and_exports_pdf_as_its_xml(cli, pdfs, name, tmp_path):
    xml, pdf = SBB_XML / name, pdfs[name]
    for fmt in ("csv", "json"):
        a, b = cli("list", "--profiel", xml, "--format", fmt), cli("list", "--profiel", pdf, "--format", fmt)
        assert a.code == b.code == 0 and a.out, (a.err, b.err)
        if fmt == "csv":
            assert a.out == b.out
    r = cli("search", "werkt", "--profiel", xml, "--json")
    hits = _json(r)
    assert r.code == 0 and hits
    for form, target in (("case", tmp_path / "x.json"), ("case", tmp_path / "p.json")):
        src = xml if target.name == "x.json" else pdf
        assert cli("export", form, src, "--out", target).code == 0
    a, b = (json.loads((tmp_path / f).read_text()) for f in ("x.json", "p.json"))
    for doc in (a, b):  # the source's name and the database status (not printed in the PDF)
        doc["CFDocument"].pop("notes")
        doc["CFDocument"].pop("adoptionStatus", None)
    assert _spaced(a) == _spaced(b)  # texts with runs of white space collapsed (a PDF shows none)
    assert len(a["CFItems"]) > 20


def _spaced(value):
    if isinstance(value, dict):
        return {k: _spaced(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_spaced(v) for v in value]
    return " ".join(value.split()) if isinstance(value, str) else value


def test_search_pdf_as_its_xml(cli, pdfs):
    name = FILES[2]
    a = _json(cli("search", "veilig", "--profiel", SBB_XML / name, "--json"))
    b = _json(cli("search", "veilig", "--profiel", pdfs[name], "--json"))
    assert a and len(json.dumps(a)) > 100
    strip = re.compile(r'"(regel|line|bron|pad|file|source)": [^,}]+')
    assert strip.sub("", json.dumps(a, sort_keys=True)).count("B1-K1") == strip.sub(
        "", json.dumps(b, sort_keys=True)
    ).count("B1-K1")


# ---------------------------------------------------------------- bombs behind an SBB cover

MEMORY = 1 << 30
SECONDS = 30


def _cover_then(bomb_page: bytes, path):
    """Page 1: an SBB cover as text (so sniffing sends the file to the 2015 reader); page 2: the bomb."""
    text = b"BT /F1 14 Tf 72 760 Td (Kwalificatiedossier Proefwerk) Tj 0 -20 Td (Crebonr. 29999) Tj"
    text += b" 0 -20 Td (Geldig vanaf 01-08-2016) Tj 0 -20 Td (Basisdeel) Tj 0 -20 Td (B1-K1: Proeven doen) Tj ET"
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R 4 0 R]/Count 2>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 5 0 R/Resources<</Font<</F1 7 0 R>>>>>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 6 0 R/Resources<</Font<</F1 7 0 R>>>>>>",
        pdfgen._stream(text, b""),
        bomb_page,
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    return pdfgen._pdf(objects, path)


BOMBS = {
    "inflate": (
        lambda: pdfgen._stream(pdfgen.deflate_repeated(b" " * 2**20, 4096)),
        "inflates to more than 32 MB (KWALDOSSIER_PDF_MAX_STREAM_MB); refused before reading",
    ),
    "operators": (
        lambda: pdfgen._stream(pdfgen.deflate_repeated(b"0 0 1 1 re f\n" * 1000, 2000)),
        "PDF page 2 draws more than 100,000 operators, the limit a page (KWALDOSSIER_PDF_MAX_OPERATORS)",
    ),
}


def test_the_cover_alone_is_sniffed_as_2015(tmp_path):
    from kwaldossier.read.sbbpdf import is_sbb_pdf

    harmless = _cover_then(pdfgen._stream(b"0 0 1 1 re f\n", b""), tmp_path / "cover.pdf")
    assert is_sbb_pdf(harmless)
    with pytest.raises(InputError):  # a cover is no dossier: refused, by the 2015 reader
        parse_sbb_pdf(harmless)


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


@pytest.mark.parametrize("kind", list(BOMBS))
def test_bomb_behind_an_sbb_cover_is_refused(tmp_path, kind):
    make, expect = BOMBS[kind]
    path = _cover_then(make(), tmp_path / f"{kind}.pdf")
    assert path.stat().st_size < 5 * 2**20
    with pytest.raises(InputError) as exc:  # the 2015 reader itself refuses it
        parse_sbb_pdf(path)
    assert expect in str(exc.value)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "KWALDOSSIER_NO_CACHE": "1"}
    r = subprocess.run(
        [sys.executable, "-m", "kwaldossier.cli", "parse", str(path), "--json"],
        capture_output=True, text=True, timeout=SECONDS, preexec_fn=_capped, env=env,
    )  # fmt: skip
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith(f"kwaldossier: error: {path}: ") and expect in r.stderr, r.stderr
