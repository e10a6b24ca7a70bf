"""The page layer of the PDF reader: display orientation, the page box, words from characters."""

from __future__ import annotations

import pytest

pytest.importorskip("reportlab")

import itertools

import pypdfium2 as pdfium
from reportlab.pdfgen.canvas import Canvas

from kwaldossier.read.pdf.bladzijde import read_page
from kwaldossier.read.pdf.regels import lines_of


def _read(path):
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


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_words_in_display_orientation(tmp_path, rotation):
    """A page turned by /Rotate reads as it is shown: top-left origin, left to right."""
    dw, dh = 400.0, 300.0  # displayed size
    w, h = (dh, dw) if rotation in (90, 270) else (dw, dh)  # user space (reportlab turns the media box)
    path = tmp_path / "rot.pdf"
    c = Canvas(str(path), pagesize=(dw, dh))
    c.setPageRotation(rotation)
    placed = [(30.0, 40.0, "Kerntaak 1"), (30.0, 70.0, "1.1 werkproces: Verzamelt"), (250.0, 70.0, "rechts")]
    for x, top, text in placed:  # display position -> user space, drawn so it reads upright
        c.saveState()
        if rotation == 0:
            c.translate(x, h - top)
        elif rotation == 90:
            c.translate(top, x)
            c.rotate(90)
        elif rotation == 180:
            c.translate(w - x, top)
            c.rotate(180)
        else:
            c.translate(w - top, h - x)
            c.rotate(270)
        c.setFont("Helvetica", 10)
        c.drawString(0, 0, text)
        c.restoreState()
    c.showPage()
    c.save()
    with pdfium.PdfDocument(path) as doc:
        first = doc[0]
        assert first.get_rotation() == rotation
        first.close()
    (page,) = _read(path)
    assert (round(page.width), round(page.height)) == (dw, dh)
    lines = lines_of(page.words)
    assert [ln.text for ln in lines] == ["Kerntaak 1", "1.1 werkproces: Verzamelt rechts"]
    first = lines[1].words[0]
    assert abs(first.x0 - 30) < 2 and abs(first.bottom - 70) < 4


def test_text_outside_the_page_box_is_not_read(tmp_path):
    path = tmp_path / "off.pdf"
    c = Canvas(str(path), pagesize=(400, 300))
    c.setFont("Helvetica", 10)
    c.drawString(40, 250, "zichtbaar")
    c.drawString(-300, 200, "links buiten")
    c.drawString(40, 400, "boven buiten")
    c.showPage()
    c.save()
    (page,) = _read(path)
    assert [w.text for w in page.words] == ["zichtbaar"]


def test_close_letters_keep_their_own_positions(tmp_path):
    """Letters set close together merge into one word, but each keeps its centre."""
    path = tmp_path / "mn.pdf"
    c = Canvas(str(path), pagesize=(400, 300))
    c.setFont("Helvetica", 10)
    for i, letter in enumerate("MNWX"):
        c.drawString(40 + i * 9, 250, letter)
    c.showPage()
    c.save()
    (page,) = _read(path)
    chars = [ch for w in page.words for ch in w.chars()]
    assert [ch for ch, _ in chars] == list("MNWX")
    centres = [x for _, x in chars]
    assert all(b > a + 5 for a, b in itertools.pairwise(centres))


def test_stream_order_does_not_matter(tmp_path):
    """Glyphs drawn one at a time and out of order, lines drawn bottom first, read as shown."""
    import random

    from reportlab.pdfbase.pdfmetrics import stringWidth

    path = tmp_path / "order.pdf"
    c = Canvas(str(path), pagesize=(400, 300))
    c.setFont("Helvetica", 10)
    rows = [(250, "1.1 werkproces: Verzamelt informatie"), (230, "Omschrijving De medewerker")]
    pieces = []
    for y, text in rows:
        x = 40.0
        for ch in text:
            pieces.append((x, y, ch))
            x += stringWidth(ch, "Helvetica", 10)
    random.Random(7).shuffle(pieces)
    for x, y, ch in pieces:
        if ch != " ":
            c.drawString(x, y, ch)
    c.showPage()
    c.save()
    (page,) = _read(path)
    assert [ln.text for ln in lines_of(page.words)] == [text for _, text in rows]


def test_a_word_running_into_the_next_column_stays_two_words(tmp_path):
    """No space glyph between them (as browsers print), the long word overlaps the next one."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    path = tmp_path / "overrun.pdf"
    c = Canvas(str(path), pagesize=(400, 300))
    c.setFont("Helvetica", 10)
    long = "marktinformatiebronnen"
    c.drawString(40, 250, long)
    c.drawString(40 + stringWidth(long, "Helvetica", 10) - 3, 250, "Op")
    c.drawString(40, 236, "vervolg")
    c.showPage()
    c.save()
    (page,) = _read(path)
    assert [w.text for w in lines_of(page.words)[0].words] == [long, "Op"]


def test_ligatures_read_as_letters(tmp_path):
    from pdflayouts import font

    name = font("KD-Sans", "DejaVuSans.ttf")
    if name is None:
        pytest.skip("no DejaVu Sans (a font with the ﬁ ligature) on this system")
    path = tmp_path / "lig.pdf"
    c = Canvas(str(path), pagesize=(400, 300))
    c.setFont(name, 10)
    c.drawString(40, 250, "speciﬁeke ofﬂine")
    c.showPage()
    c.save()
    (page,) = _read(path)
    assert [w.text for w in page.words] == ["specifieke", "offline"]
