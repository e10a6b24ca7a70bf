"""PDF input: dossier PDFs rendered from the parsed seeds parse back to the same model."""

from __future__ import annotations

import json

import pytest

from conftest import BUITEN, PARSED

pdfgen = pytest.importorskip("pdfgen")  # needs reportlab (test extra)

from kwaldossier.read import load_file  # noqa: E402
from kwaldossier.read.pdf import parse_pdf  # noqa: E402

NAMES = ("buitendienst", "binnendienst")
POSITIONAL = {"regels", "bron", "regelverantwoording", "onverwerkte_regels", "herstellingen", "regel_paginas"}


def content(dossier) -> dict:
    """The model without what depends on where lines were (line numbers, offsets, repairs)."""

    def strip(o):
        if isinstance(o, dict):
            return {
                k: strip(v) for k, v in o.items() if k not in POSITIONAL and not k.endswith(("_regels", "_offsets"))
            }
        if isinstance(o, list):
            return [strip(x) for x in o]
        return o

    return strip(dossier.model_dump(mode="json"))


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory):
    out = {}
    folder = tmp_path_factory.mktemp("pdfs")
    for name in NAMES:
        dossier = load_file(PARSED / f"commercieel-medewerker-{name}.json", streng=True)
        out[name] = (dossier, pdfgen.render(dossier, folder / f"{name}.pdf"))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_rendered_seed_parses_back_to_the_same_model(pdfs, name):
    original, path = pdfs[name]
    back = parse_pdf(path)
    assert back.onverwerkte_regels == []
    assert content(back) == content(original)


def test_repeated_table_header_on_continuation_pages(tmp_path, pdfs):
    original, _ = pdfs["buitendienst"]
    path = pdfgen.render(original, tmp_path / "repeat.pdf", repeat_header=True)
    back = parse_pdf(path)
    assert back.onverwerkte_regels == []
    assert content(back) == content(original)


def test_pdf_really_breaks_pages(pdfs):
    """The fixture is a real test: werkprocessen cross pages mid-column and mid-block."""
    import pdfplumber

    _, path = pdfs["buitendienst"]
    with pdfplumber.open(path) as pdf:
        heads = [p.extract_text().splitlines()[1] for p in pdf.pages]
        assert pdf.pages[-1].extract_text().splitlines()[-1] == f"Pagina {len(pdf.pages)} van {len(pdf.pages)}"
    repeated = [h.split()[0] for h in heads if "werkproces:" in h]
    assert {c for c in repeated if repeated.count(c) > 1} >= {"2.3", "2.5", "3.3"}


def test_pdf_layout_facts(pdfs):
    back = parse_pdf(pdfs["buitendienst"][1])
    p = back.profielen[0]
    assert p.werkproces("2.5").matrix == ["E", "I", "J", "R", "T", "Y"]
    assert p.werkproces("2.9").matrix_rij is False  # no cells drawn: no row
    assert p.werkproces("1.2").matrix_rij is True and not p.werkproces("1.2").in_profiel
    r = p.werkproces("2.3").competenties[-1]
    assert r.prestatie_indicator.endswith("zodat de klant een commercieel verantwoord koopaanbod krijgt.")
    # furniture by position: running headers and page numbers, not text
    assert back.regelverantwoording.opmaak >= 2 * 20
    assert all(pg >= 1 for pg in back.regel_paginas) and len(back.regel_paginas) == back.regelverantwoording.totaal


def test_binnendienst_duplicate_block_survives_pdf(pdfs):
    back = parse_pdf(pdfs["binnendienst"][1])
    assert [c.letter for c in back.profielen[0].werkproces("3.3").competenties] == list("IJJXR")


def test_several_profiles_in_one_pdf(tmp_path, pdfs):
    a, _ = pdfs["binnendienst"]
    b, _ = pdfs["buitendienst"]
    both = a.model_copy(update={"profielen": a.profielen + b.profielen})
    path = pdfgen.render(both, tmp_path / "dossier.pdf")
    back = parse_pdf(path)
    assert [p.naam for p in back.profielen] == [p.naam for p in both.profielen]
    assert content(back)["profielen"] == content(both)["profielen"]
    assert back.titel == "Commercieel medewerker" and str(back.geldig_vanaf) == "2012-08-01"


def test_cli_commands_take_pdf(cli, pdfs):
    _, path = pdfs["buitendienst"]
    r = cli("show", "2.5", "--profiel", path, "--json")
    assert r.code == 0
    assert [c["letter"] for c in json.loads(r.out)["resultaten"][0]["werkproces"]["competenties"]] == list("EIJYRT")
    r = cli("diff", BUITEN, path, "--json")
    assert r.code == 0 and json.loads(r.out)["changed"] is False  # the PDF says what the text says
    r = cli("validate", path, "--format", "json")
    found = json.loads(r.out)["findings"]
    assert r.code == 0 and found
    assert all(f["page"] for f in found if f["line"])  # findings in a PDF point at pages


# ---------------------------------------------------------------- bad PDFs


def _bad(tmp_path, cli, path, expect):
    out = tmp_path / "out"
    for args in (("parse", path, "--json"), ("parse", path, "--out", out), ("show", "2.5", "--profiel", path)):
        r = cli(*args)
        assert r.code == 2, (args, r)
        assert r.out == "" and "Traceback" not in r.err
        assert expect in r.err, r.err
    assert not out.exists() or not list(out.iterdir())


def test_encrypted_pdf(tmp_path, cli):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "locked.pdf"
    c = Canvas(str(path), encrypt=StandardEncryption("geheim", canPrint=0))
    c.drawString(100, 700, "1.1 werkproces: Verzamelt")
    c.save()
    _bad(tmp_path, cli, path, "encrypted PDF")


def test_corrupt_pdf(tmp_path, cli, pdfs):
    data = pdfs["buitendienst"][1].read_bytes()
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(data[:1200] + b"\x00garbage" * 50)
    _bad(tmp_path, cli, path, "not a readable PDF")


def test_fake_pdf(tmp_path, cli):
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not a pdf at all\n")
    _bad(tmp_path, cli, path, "PDF")


def test_pdf_without_pages(tmp_path, cli):
    path = tmp_path / "nopages.pdf"
    objs = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[]/Count 0>>"]
    body = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, start=1):
        offsets.append(len(body))
        body += f"{i} 0 obj".encode() + o + b"endobj\n"
    xref = len(body)
    body += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    body += b"trailer<</Size 3/Root 1 0 R>>\nstartxref\n" + str(xref).encode() + b"\n%%EOF\n"
    path.write_bytes(body)
    _bad(tmp_path, cli, path, "PDF has no pages")


def test_image_only_pdf(tmp_path, cli):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "scan.pdf"
    c = Canvas(str(path))
    c.rect(50, 50, 400, 600, fill=1)  # a page with only graphics: no text layer
    c.showPage()
    c.save()
    _bad(tmp_path, cli, path, "no text layer")


@pytest.mark.parametrize(
    ("env", "expect"),
    [
        ({"KWALDOSSIER_MAX_PAGES": "5"}, "PDF has more than 5 pages, the limit (KWALDOSSIER_MAX_PAGES)"),
        ({"KWALDOSSIER_MAX_PDF_MB": "0.01"}, "larger than the limit of 0 MB (KWALDOSSIER_MAX_PDF_MB)"),
        ({"KWALDOSSIER_PDF_TIMEOUT": "0.001"}, "took longer than 0.001 s"),
        ({"KWALDOSSIER_PDF_MAX_OPERATORS": "500"}, "PDF page 3 draws more than 500 operators, the limit a page"),
        (
            {"KWALDOSSIER_PDF_MAX_DOC_OPERATORS": "3000", "KWALDOSSIER_PDF_OPERATORS_PER_BYTE": "0"},
            "draw more than 3,000 operators, the limit for this file",
        ),
        ({"KWALDOSSIER_PDF_MAX_STREAM_MB": "0.01"}, "inflates to more than 0.01 MB (KWALDOSSIER_PDF_MAX_STREAM_MB)"),
        (
            {"KWALDOSSIER_PDF_MAX_INFLATE_MB": "0.1"},
            "inflate to more than 0.1 MB in all (KWALDOSSIER_PDF_MAX_INFLATE_MB)",
        ),
        ({"KWALDOSSIER_PDF_MAX_OPERATORS": "many"}, "KWALDOSSIER_PDF_MAX_OPERATORS: not a number: 'many'"),
    ],
    ids=["pages", "size", "time", "operators", "doc-operators", "stream", "inflate", "bad-value"],
)
def test_limits(tmp_path, cli, pdfs, monkeypatch, env, expect):
    """Each limit from its environment variable, read at each run: a real dossier PDF under a
    small limit is refused with one line."""
    _, path = pdfs["buitendienst"]
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    _bad(tmp_path, cli, path, expect)


def test_real_dossier_pdfs_are_far_under_the_limits(pdfs):
    """The defaults leave room: the pre-scan of a real dossier PDF counts a fraction of each."""
    from kwaldossier.read.pdf.grenzen import Grenzen
    from kwaldossier.read.pdf.voorscan import prescan

    limits = Grenzen()
    for _, path in pdfs.values():
        scan = prescan(path.read_bytes(), str(path), limits)
        assert 20 <= scan.pages <= 30
        assert max(scan.pagina_operators) * 20 < limits.operators_per_page
        assert sum(scan.pagina_operators) * 5 < limits.operators
        assert scan.total_bytes * 20 < limits.document_bytes
        assert max(t.size for t in scan.tellingen.values()) * 20 < limits.stream_bytes


# ---------------------------------------------------------------- batch


def test_batch_parse_folder(tmp_path, cli, pdfs):
    src = tmp_path / "in"
    src.mkdir()
    for name in NAMES:
        (src / f"{name}.pdf").write_bytes(pdfs[name][1].read_bytes())
    (src / "tekst.txt").write_bytes(BUITEN.read_bytes())
    (src / "kapot.pdf").write_bytes(b"%PDF-1.4\nkapot\n")
    out = tmp_path / "out"
    r = cli("parse", src, "--out", out, "--jobs", "2")
    assert r.code == 2  # one failed
    assert sorted(p.name for p in out.iterdir()) == ["binnendienst.json", "buitendienst.json", "tekst.json"]
    assert "parsed 3 of 4 files" in r.err and "1 failed" in r.err and "kapot.pdf" in r.err
    assert "Traceback" not in r.err
    from kwaldossier.model.dossier import dossier_adapter

    text = dossier_adapter().validate_json((out / "tekst.json").read_text(encoding="utf-8"))
    pdf = dossier_adapter().validate_json((out / "buitendienst.json").read_text(encoding="utf-8"))
    assert content(text)["profielen"] == content(pdf)["profielen"]  # same model from text and PDF
    r = cli("parse", src / "tekst.txt", src / "buitendienst.pdf", "--out", out)
    assert r.code == 0 and "parsed 2 of 2 files" in r.err
