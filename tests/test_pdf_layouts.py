"""PDFs from other producers: layouts that differ in every trait (ruling lines or none,
portrait or landscape matrix, header and footer heights, bold or plain names, x / X / ✓ / filled
cells, wrapped column titles, headings that wrap) parse to the same model as the seed text."""

from __future__ import annotations

import pytest

from conftest import PARSED

pytest.importorskip("reportlab")

import pypdfium2 as pdfium

import pdfgen
from kwaldossier.errors import InputError
from kwaldossier.read import load_file
from kwaldossier.read.pdf import parse_pdf
from pdflayouts import bordered, browser, flow
from test_pdf import content

NAMES = ("buitendienst", "binnendienst")


LAYOUTS = ["canvas", "bordered", "flow", "browser"]


def _render(layout: str, dossier, path):
    if layout == "flow" and not flow.AVAILABLE:
        pytest.skip("layout 'flow' needs the DejaVu Sans TrueType fonts (for the check mark); none found in /usr/share/fonts")
    if layout == "browser" and browser.chromium() is None:
        pytest.skip("layout 'browser' needs headless Chromium (make browser installs it)")
    return {"canvas": pdfgen.render, "bordered": bordered.render, "flow": flow.render, "browser": browser.render}[layout](dossier, path)


@pytest.fixture(scope="module")
def seeds():
    return {name: load_file(PARSED / f"commercieel-medewerker-{name}.json", streng=True) for name in NAMES}


def _leaves(o, pre=""):
    if isinstance(o, dict):
        for k, v in o.items():
            yield from _leaves(v, f"{pre}.{k}")
    elif isinstance(o, list):
        for i, v in enumerate(o):
            yield from _leaves(v, f"{pre}[{i}]")
    else:
        yield pre, o


def _same(back, original) -> None:
    """Field for field; on failure the message counts the fields right and names the wrong ones."""
    want, got = dict(_leaves(content(original))), dict(_leaves(content(back)))
    wrong = [k for k in want if got.get(k) != want[k]] + [k for k in got if k not in want]
    assert not wrong, f"{len(want) - len(wrong)} of {len(want)} fields right; wrong: {wrong[:10]}"


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", NAMES)
def test_layout_parses_to_the_seed_model(tmp_path, seeds, layout, name):
    path = _render(layout, seeds[name], tmp_path / f"{layout}.pdf")
    back = parse_pdf(path)
    assert back.onverwerkte_regels == []
    _same(back, seeds[name])


@pytest.mark.parametrize("layout", ["bordered", "flow", "browser"])
def test_both_profiles_in_one_pdf(tmp_path, seeds, layout):
    a, b = seeds["binnendienst"], seeds["buitendienst"]
    both = a.model_copy(update={"profielen": a.profielen + b.profielen})
    back = parse_pdf(_render(layout, both, tmp_path / "both.pdf"))
    assert [p.naam for p in back.profielen] == [p.naam for p in both.profielen]
    _same(back, both)
    assert all(pg >= 1 for pg in back.regel_paginas)


@pytest.mark.parametrize("name", NAMES)
def test_werkproces_named_only_in_the_running_header(tmp_path, seeds, name):
    """Kerntaak and werkproces share the header line; the body has no werkproces heading; a
    competence name breaks across pages."""
    path = bordered.render(seeds[name], tmp_path / "header.pdf", header_beside=True, kop_in_body=False)
    pages = _pages(path)
    tops = [min(p.words, key=lambda w: w.top) for p in pages]
    assert any(w.text == "Kerntaak" for w in tops)
    body_koppen = [w for p in pages for w in p.words if w.text == "werkproces:" and w.top > 60]
    assert body_koppen == []
    back = parse_pdf(path)
    assert back.onverwerkte_regels == []
    _same(back, seeds[name])


def test_competence_name_cut_by_a_page_break(tmp_path, seeds):
    path = bordered.render(seeds["binnendienst"], tmp_path / "cut.pdf", header_beside=True, kop_in_body=False)
    pages = _pages(path)
    from kwaldossier.read.pdf.regels import lines_of

    column2 = [lines_of(ws) for p in pages if (ws := [w for w in p.words if bordered.C2 < w.x0 < bordered.C3 and p.height - w.bottom > 40])]
    assert "Op de behoeften en verwachtingen" in [c[-1].text for c in column2]  # a name's first line ends a page
    back = parse_pdf(path)
    assert [c.letter for c in back.profielen[0].werkproces("2.5").competenties] == [
        c.letter for c in seeds["binnendienst"].profielen[0].werkproces("2.5").competenties
    ]
    _same(back, seeds["binnendienst"])


@pytest.mark.parametrize("mark", ["fill", "v", "●"])
def test_any_mark_is_a_cross(tmp_path, seeds, mark):
    """A filled cell, a letter that is not a header letter, a symbol: whatever marks the cell."""
    path = bordered.render(seeds["buitendienst"], tmp_path / "marks.pdf", mark=mark)
    matrix = _pages(path)[2]
    texts = [w.text for w in matrix.words]
    assert "Proces-competentie-matrix" in texts and "X" in texts and "✓" not in texts
    crosses = sum(len(wp.matrix) for wp in seeds["buitendienst"].profielen[0].kerntaken[0].werkprocessen)
    if mark == "fill":  # no glyph in any cell: "X" only as the letter of the header
        assert texts.count("X") == 1 and sum(b.filled for b in matrix.boxes) == crosses
    else:
        assert texts.count(mark) == crosses
    back = parse_pdf(path)
    _same(back, seeds["buitendienst"])
    assert back.profielen[0].werkproces("2.5").matrix == ["E", "I", "J", "R", "T", "Y"]


# ---------------------------------------------------------------- the layouts really differ


def _pages(path):
    from kwaldossier.read.pdf.bladzijde import read_page

    doc = pdfium.PdfDocument(path)
    try:
        out = []
        for i in range(len(doc)):
            page = doc[i]
            try:
                out.append(read_page(page, i + 1))
            finally:
                page.close()
        return out
    finally:
        doc.close()


def test_layouts_differ_in_their_traits(tmp_path, seeds):
    d = seeds["buitendienst"]
    canvas = _pages(pdfgen.render(d, tmp_path / "c.pdf"))
    ruled = _pages(bordered.render(d, tmp_path / "b.pdf"))
    if not flow.AVAILABLE:
        pytest.skip("no DejaVu Sans for layout 'flow'")
    free = _pages(flow.render(d, tmp_path / "f.pdf"))

    def words(pages):
        return {w.text for p in pages for w in p.words}

    def matrix_pages(pages):
        return [p for p in pages if any(w.text == "Proces-competentie-matrix" for w in p.words)]

    # portrait matrix in one, landscape in the others
    assert all(p.width < p.height for p in matrix_pages(canvas))
    assert all(p.width > p.height for p in matrix_pages(ruled) + matrix_pages(free))
    # crosses: x, X, ✓
    assert "x" in words(canvas) and "X" in words(ruled) and "✓" in words(free)
    # ruling: rectangles, line segments, nothing at all
    assert any(b.x1 - b.x0 > 5 and b.bottom - b.top > 5 for p in canvas for b in p.boxes)
    assert all(min(b.x1 - b.x0, b.bottom - b.top) < 2 for p in ruled for b in p.boxes if not b.filled)
    assert not any(not b.filled for p in free for b in p.boxes)
    # competence names bold in two, plain in one
    name_bold = [{w.bold for p in pages for w in p.words if w.text == "Presenteren"} for pages in (canvas, ruled, free)]
    assert name_bold == [{True}, {False}, {True}]
    # the detail table's column titles wrap in two of them
    wrapped = [any(w.text == "component(en)" and not any(v.text == "Competentie" and abs(v.top - w.top) < 2 for v in p.words) for p in pages for w in p.words) for pages in (canvas, ruled, free)]
    assert wrapped == [False, True, True]
    # running header and footer at different distances from the edges
    def edge(pages, text):
        return {round(w.top) for p in pages for w in p.words if w.text == text}

    assert len({min(edge(canvas, "Kerntaak")), min(edge(ruled, "Kerntaak"))}) == 2


# ---------------------------------------------------------------- never a wrong dossier


def test_duplicate_werkproces_section_fails(tmp_path, seeds):
    d = seeds["buitendienst"]
    p = d.profielen[0]
    kt = p.kerntaken[0]
    twice = kt.model_copy(update={"werkprocessen": [*kt.werkprocessen, kt.werkprocessen[0]]})
    bad = d.model_copy(update={"profielen": [p.model_copy(update={"kerntaken": [twice, *p.kerntaken[1:]]})]})
    path = bordered.render(bad, tmp_path / "twice.pdf")
    with pytest.raises(InputError, match=r"werkproces 1\.1 twice in the matrix"):
        parse_pdf(path)


def test_matrix_row_without_its_section_fails(tmp_path, seeds, cli):
    d = seeds["buitendienst"]
    p = d.profielen[0]
    kt = p.kerntaken[1]
    wps = [wp.model_copy(update={"detail_titel": None}) if wp.code == "2.5" else wp for wp in kt.werkprocessen]
    bad = d.model_copy(update={"profielen": [p.model_copy(update={"kerntaken": [p.kerntaken[0], kt.model_copy(update={"werkprocessen": wps}), p.kerntaken[2]]})]})
    path = pdfgen.render(bad, tmp_path / "missing.pdf")
    r = cli("parse", path, "--json")
    assert r.code == 2 and r.out == "" and "Traceback" not in r.err
    assert "matrix row 2.5 without its werkproces section" in r.err


def test_pdf_that_is_no_dossier_fails(tmp_path, cli):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "brief.pdf"
    c = Canvas(str(path))
    for k in range(30):
        c.drawString(72, 760 - 20 * k, f"Geachte heer, regel {k} van een brief die geen dossier is.")
    c.showPage()
    c.save()
    r = cli("parse", path, "--json")
    assert r.code == 2 and r.out == "" and "brief.pdf" in r.err


def test_a_misread_table_fails_instead_of_a_wrong_dossier(tmp_path, seeds, monkeypatch):
    """The safety net: were the reader to miss the columns of a borderless table (here: column
    starts taken from centred titles), the result breaks the invariants and the parse fails."""
    import kwaldossier.read.pdf.detail as detail

    if not flow.AVAILABLE:
        pytest.skip("no DejaVu Sans for layout 'flow'")
    path = flow.render(seeds["buitendienst"], tmp_path / "flow.pdf")
    monkeypatch.setattr(detail, "_chunk_starts", lambda lines: [])
    with pytest.raises(InputError, match=r"not read as a valid kwalificatiedossier: .*without competenties"):
        parse_pdf(path)


def test_text_in_the_matrix_grid_is_reported_not_dropped(tmp_path, seeds, monkeypatch):
    """A note written across the letter cells is neither label nor mark: it comes out as an
    unplaced line (with its page), and the matrix is read as before."""
    save = pdfgen.Doc.save

    def with_note(doc, path):
        for no, page in enumerate(doc.pages):
            row = next((it for it in page["items"] if it.text.startswith("1.4 ")), None)
            if row is not None:
                doc.put(no, pdfgen.CELL0 + 8 * pdfgen.CELL_W, row.y, "zie bijlage")
        save(doc, path)

    monkeypatch.setattr(pdfgen.Doc, "save", with_note)
    back = parse_pdf(pdfgen.render(seeds["buitendienst"], tmp_path / "note.pdf"))
    assert [(u.tekst, u.pagina) for u in back.onverwerkte_regels] == [("zie bijlage", 3)]
    _same(back, seeds["buitendienst"])
