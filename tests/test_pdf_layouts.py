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
from pdflayouts import bordered, browser, flow, onematrix, vervolg
from test_pdf import content

NAMES = ("buitendienst", "binnendienst")


LAYOUTS = ["canvas", "bordered", "flow", "browser", "onematrix", "vervolg"]


def _render(layout: str, dossier, path):
    if layout == "flow" and not flow.AVAILABLE:
        pytest.skip(
            "layout 'flow' needs the DejaVu Sans TrueType fonts (for the check mark); none found in /usr/share/fonts"
        )
    if layout in ("browser", "onematrix") and browser.chromium() is None:
        pytest.skip("layout 'browser' needs headless Chromium (make browser installs it)")
    return {
        "canvas": pdfgen.render,
        "bordered": bordered.render,
        "flow": flow.render,
        "browser": browser.render,
        "onematrix": onematrix.render,
        "vervolg": vervolg.render,
    }[layout](dossier, path)


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


@pytest.mark.parametrize("layout", ["bordered", "flow", "browser", "onematrix", "vervolg"])
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

    column2 = [
        lines_of(ws)
        for p in pages
        if (ws := [w for w in p.words if bordered.C2 < w.x0 < bordered.C3 and p.height - w.bottom > 40])
    ]
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
    wrapped = [
        any(
            w.text == "component(en)" and not any(v.text == "Competentie" and abs(v.top - w.top) < 2 for v in p.words)
            for p in pages
            for w in p.words
        )
        for pages in (canvas, ruled, free)
    ]
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
    bad = d.model_copy(
        update={
            "profielen": [
                p.model_copy(
                    update={"kerntaken": [p.kerntaken[0], kt.model_copy(update={"werkprocessen": wps}), p.kerntaken[2]]}
                )
            ]
        }
    )
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
    from kwaldossier.read.pdf import detail

    if not flow.AVAILABLE:
        pytest.skip("no DejaVu Sans for layout 'flow'")
    path = flow.render(seeds["buitendienst"], tmp_path / "flow.pdf")
    monkeypatch.setattr(detail, "_chunk_starts", lambda _lines, _s=None: [])
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


def test_one_matrix_holds_every_kerntaak(tmp_path, seeds):
    """The layout is what it says: one matrix page per profile, the letters on the line of
    "Werkprocessen", "Kerntaak N" rows inside the grid, check marks, no "Competenties"."""
    if browser.chromium() is None:
        pytest.skip("layout 'onematrix' needs headless Chromium (make browser installs it)")
    d = seeds["buitendienst"]
    pages = _pages(onematrix.render(d, tmp_path / "one.pdf"))
    matrix = [p for p in pages if any(w.text == "Proces-competentie-matrix" for w in p.words)]
    assert len(matrix) == 1 and matrix[0].width > matrix[0].height
    words = matrix[0].words
    werkprocessen = next(w for w in words if w.text == "Werkprocessen")
    letter_a = next(w for w in words if w.text == "A" and abs(w.mid - werkprocessen.mid) < 2)
    kerntaken = [w for w in words if w.text == "Kerntaak"]
    assert len(kerntaken) == len(d.profielen[0].kerntaken) and all(k.top > letter_a.bottom for k in kerntaken)
    assert "Competenties" not in {w.text for w in words}
    crosses = sum(len(wp.matrix) for kt in d.profielen[0].kerntaken for wp in kt.werkprocessen)
    assert sum(w.text.count("✓") for w in words) == crosses
    back = parse_pdf(tmp_path / "one.pdf")
    assert [[wp.in_profiel for wp in kt.werkprocessen] for kt in back.profielen[0].kerntaken] == [
        [wp.in_profiel for wp in kt.werkprocessen] for kt in d.profielen[0].kerntaken
    ]


@pytest.mark.parametrize("name", NAMES)
def test_continued_pages_repeat_part_of_the_header_and_break_paragraphs(tmp_path, seeds, name):
    """Layout "vervolg" is what it says (read with pdfplumber, not with our reader): continued
    table pages begin with the titles of the first two columns only, a vakkennis item and an
    omschrijving paragraph run on over a page break; and the dossier reads back exactly."""
    import pdfplumber

    d = seeds[name]
    path = vervolg.render(d, tmp_path / "vervolg.pdf")
    with pdfplumber.open(path) as pdf:
        bodies = [(p.extract_text() or "").splitlines()[1:-1] for p in pdf.pages]
    repeated = [b for b in bodies if b and b[0] == "Vakkennis en vaardigheden Competentie en component(en)"]
    assert len(repeated) >= 3
    items = {v.tekst for wp in d.profielen[0].werkprocessen() for v in wp.vakkennis_en_vaardigheden}
    assert any(
        b[1][:1].islower() and not any(i.startswith(b[1].split()[0]) for i in items) for b in repeated if len(b) > 1
    )
    ai = d.profielen[0].algemene_informatie
    paragraphs = [
        " ".join(t.split())
        for t in [wp.omschrijving for wp in d.profielen[0].werkprocessen()]
        + [ai.context, ai.beroepshouding, ai.rol_en_verantwoordelijkheden, ai.complexiteit]
    ]
    # a page begins inside a paragraph (its first line is in the middle of one); the shorter
    # binnendienst texts happen to end before each page break
    assert name == "binnendienst" or any(
        b and any(b[0][:30] in t and not t.startswith(b[0][:30]) for t in paragraphs) for b in bodies
    )
    back = parse_pdf(path)
    assert back.onverwerkte_regels == []
    _same(back, d)
