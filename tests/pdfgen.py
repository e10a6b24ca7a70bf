"""Render dossiers to PDF the way the published kwalificatiedossiers are laid out (test fixtures).

Profile page: a label column and a text column. Matrix pages: the werkproces labels in a left
column, an A–Y header, a grid of cells with crosses. Detail pages: a three-column table
(vakkennis en vaardigheden | competentie en component(en) | prestatie-indicator) that breaks
across pages, repeating the werkproces header. Running header (kerntaak) and footer (dossier
title, page numbers) on every page. Test-only: uses reportlab.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from kwaldossier.model.competenties import LETTERS
from kwaldossier.read.text2012 import ALGEMEEN_LABELS

W, H = A4
MARGIN_X = 50
TOP = H - 70  # first body line
BOTTOM = 70  # body ends above this
# embedded TrueType (reportlab ships Bitstream Vera) so text extracts as Unicode, as in real dossiers
pdfmetrics.registerFont(TTFont("KD-Regular", "Vera.ttf"))
pdfmetrics.registerFont(TTFont("KD-Bold", "VeraBd.ttf"))
FONT, BOLD = "KD-Regular", "KD-Bold"
SIZE, LEAD = 10, 13.5

# detail table columns (x0, x1)
COL1 = (50, 200)
COL2 = (210, 385)
COL3 = (395, 545)
LABEL_COL = (50, 170)
TEXT_COL = (180, 545)
MATRIX_LABEL = (50, 250)
CELL0, CELL_W = 262, 11.3


def wrap(text: str, width: float, font: str = FONT, size: float = SIZE) -> list[str]:
    """Greedy word wrap; a word ending in '-' stays with the next word (no line ends in '-')."""
    words = text.split()
    tokens: list[str] = []
    for w in words:
        if tokens and tokens[-1].endswith("-") and len(tokens[-1]) > 1:
            tokens[-1] += " " + w
        else:
            tokens.append(w)
    lines: list[str] = []
    cur = ""
    for t in tokens:
        trial = t if not cur else cur + " " + t
        if stringWidth(trial, font, size) <= width or not cur:
            cur = trial
        else:
            lines.append(cur)
            cur = t
    if cur:
        lines.append(cur)
    return lines


@dataclass
class Placed:
    page: int
    x: float
    y: float
    text: str
    font: str = FONT
    size: float = SIZE


@dataclass
class Doc:
    titel: str | None
    geldig: str | None
    pages: list[dict] = field(default_factory=list)  # {"items": [Placed], "header": str|None, "rects": [...]}

    def new_page(self, header: str | None = None) -> int:
        self.pages.append({"items": [], "header": header, "rects": []})
        return len(self.pages) - 1

    def put(self, page: int, x: float, y: float, text: str, font: str = FONT, size: float = SIZE) -> None:
        self.pages[page]["items"].append(Placed(page, x, y, text, font, size))

    def save(self, path: Path) -> None:
        c = Canvas(str(path), pagesize=A4)
        total = len(self.pages)
        for i, p in enumerate(self.pages, start=1):
            if p["header"]:
                c.setFont(FONT, 8)
                c.drawString(MARGIN_X, H - 35, p["header"])
            for x, y, w, h in p["rects"]:
                c.rect(x, y, w, h, stroke=1, fill=0)
            for it in p["items"]:
                c.setFont(it.font, it.size)
                c.drawString(it.x, it.y, it.text)
            c.setFont(FONT, 8)
            if self.titel:
                c.drawString(MARGIN_X, 35, f"Kwalificatiedossier {self.titel}, geldig vanaf {self.geldig}")
            c.drawRightString(W - MARGIN_X, 35, f"Pagina {i} van {total}")
            c.showPage()
        c.save()


class Flow:
    """A y cursor over pages that share one geometry; breaks to a new page when full."""

    def __init__(self, doc: Doc, page: int, y: float, on_break) -> None:
        self.doc, self.page, self.y, self.on_break = doc, page, y, on_break

    def line(self, x: float, text: str, font: str = FONT, size: float = SIZE) -> None:
        if self.y < BOTTOM:
            self.page, self.y = self.on_break(self.page)
        self.doc.put(self.page, x, self.y, text, font, size)
        self.y -= LEAD

    def gap(self, n: float = 0.6) -> None:
        self.y -= LEAD * n


_DATE = {
    1: "januari",
    2: "februari",
    3: "maart",
    4: "april",
    5: "mei",
    6: "juni",
    7: "juli",
    8: "augustus",
    9: "september",
    10: "oktober",
    11: "november",
    12: "december",
}


def render(dossier, path: Path, sectie: str = "4.1", repeat_header: bool = False) -> Path:
    """Render a Dossier (pydantic model) to a PDF at path. repeat_header: continuation pages
    repeat the detail table's column header, as many published dossiers do."""
    geldig = None
    if dossier.geldig_vanaf:
        d = dossier.geldig_vanaf
        geldig = f"{d.day} {_DATE[d.month]} {d.year}"
    doc = Doc(dossier.titel, geldig)
    for profiel in dossier.profielen:
        _profile_page(doc, profiel, sectie)
        for kt in profiel.kerntaken:
            _matrix_page(doc, profiel, kt)
            _detail_pages(doc, profiel, kt, repeat_header)
    doc.save(path)
    return path


# the labels of algemene informatie, in their order (the national template)
_LABELS = tuple((label, key) for label, key in ALGEMEEN_LABELS if label != "Branchevereisten")


def _profile_page(doc: Doc, profiel, sectie: str) -> None:
    page = doc.new_page()
    flow = Flow(doc, page, TOP, lambda _page: (doc.new_page(), TOP))
    flow.line(MARGIN_X, f"{sectie} {profiel.naam}", BOLD, 12)
    flow.gap()
    flow.line(MARGIN_X, "Algemene informatie", BOLD, 11)
    flow.gap()
    ai = profiel.algemene_informatie
    for label, key in _LABELS:
        text = getattr(ai, key)
        if not text:
            continue
        label_lines = wrap(label, LABEL_COL[1] - LABEL_COL[0], BOLD)
        text_lines: list[tuple[str, bool]] = []
        for i, para in enumerate(text.split("\n")):
            for j, ln in enumerate(wrap(para, TEXT_COL[1] - TEXT_COL[0])):
                text_lines.append((ln, i > 0 and j == 0))
        start_page, start_y = flow.page, flow.y
        y = start_y
        for ln in label_lines:
            doc.put(start_page, LABEL_COL[0], y, ln, BOLD)
            y -= LEAD
        for ln, new_para in text_lines:
            if new_para:
                flow.gap(1.0)
            flow.line(TEXT_COL[0], ln)
        flow.y = min(flow.y, y) if flow.page == start_page else flow.y
        flow.gap()


def _matrix_page(doc: Doc, profiel, kt) -> None:
    page = doc.new_page(header=f"Kerntaak {kt.code} {kt.titel}")
    y = TOP
    doc.put(page, MARGIN_X, y, f"Proces-competentie-matrix {profiel.naam}", BOLD, 11)
    y -= 2 * LEAD
    doc.put(page, MARGIN_X, y, f"Kerntaak {kt.code}", BOLD)
    title_y = y - LEAD
    for ln in wrap(kt.titel, MATRIX_LABEL[1] - MATRIX_LABEL[0], BOLD):
        doc.put(page, MARGIN_X, title_y, ln, BOLD)
        title_y -= LEAD
    doc.put(page, CELL0, y, "Competenties", BOLD)
    y = min(title_y, y - LEAD) - LEAD
    for i, letter in enumerate(LETTERS):
        doc.put(page, CELL0 + i * CELL_W + 3, y, letter, BOLD)
    y -= 1.5 * LEAD
    doc.put(page, MARGIN_X, y, "Werkprocessen", BOLD)
    y -= 1.5 * LEAD
    for wp in kt.werkprocessen:
        label = wrap(f"{wp.code} {wp.titel}", MATRIX_LABEL[1] - MATRIX_LABEL[0])
        row_h = max(1, len(label)) * LEAD + 4
        for k, ln in enumerate(label):
            doc.put(page, MARGIN_X, y - k * LEAD, ln)
        if wp.matrix_rij:
            for i, letter in enumerate(LETTERS):
                doc.pages[page]["rects"].append((CELL0 + i * CELL_W, y - row_h + LEAD, CELL_W, row_h))
                if letter in wp.matrix:
                    doc.put(page, CELL0 + i * CELL_W + 3, y, "x")
        y -= row_h + 4
    y -= LEAD
    doc.put(page, MARGIN_X, y, "Betekenis van de kerntaak voor deze kwalificatie", BOLD)
    y -= LEAD
    doc.put(
        page,
        MARGIN_X,
        y,
        "In deze matrix is per kerntaak aangegeven welke competenties aangewend worden bij de uitvoering van de werkprocessen voor deze kwalificatie. Dit is zichtbaar",
        FONT,
        6,
    )
    y -= LEAD
    doc.put(page, MARGIN_X, y, "door middel van een kruisje in de matrix.", FONT, 6)


def _column_header(doc: Doc, page: int, y: float) -> None:
    for x, text in (
        (COL1[0], "Vakkennis en vaardigheden"),
        (COL2[0], "Competentie en component(en)"),
        (COL3[0], "Prestatie-indicator"),
    ):
        doc.put(page, x, y, text, BOLD)


def _detail_pages(doc: Doc, profiel, kt, repeat_header: bool = False) -> None:
    first = True
    for wp in kt.werkprocessen:
        if not wp.heeft_detail:
            continue
        header = f"Kerntaak {kt.code} {kt.titel}"
        page = doc.new_page(header=header)
        y = TOP
        if first:
            doc.put(page, MARGIN_X, y, f"Detaillering proces-competentie-matrix {profiel.naam}", BOLD, 11)
            y -= 2 * LEAD
            first = False
        kop = f"{wp.code} werkproces: {wp.detail_titel}"

        def new_page(_p, kop=kop, header=header):
            p = doc.new_page(header=header)
            # the repeated heading is set smaller where needed to stay on one line
            doc.put(p, MARGIN_X, TOP, kop, BOLD, min(10, 10 * (W - 2 * MARGIN_X) / stringWidth(kop, BOLD, 10)))
            if repeat_header and table_started:  # noqa: B023 - read when the page breaks, on purpose
                _column_header(doc, p, TOP - 2 * LEAD)
                return p, TOP - 3.5 * LEAD
            return p, TOP - 2 * LEAD

        table_started = False

        for k, ln in enumerate(wrap(kop, W - 2 * MARGIN_X, BOLD)):
            if k:
                y -= LEAD
            doc.put(page, MARGIN_X, y, ln, BOLD, 10)
        y -= 2 * LEAD
        flow = Flow(doc, page, y, new_page)
        # omschrijving and gewenst resultaat: label column + text column
        for label, items, dashes in (
            ("Omschrijving", [wp.omschrijving], False),
            ("Gewenst resultaat", wp.gewenst_resultaat, len(wp.gewenst_resultaat) > 1),
        ):
            doc.put(flow.page, LABEL_COL[0], flow.y, label, BOLD)
            for item in items:
                for ln in wrap(("- " if dashes else "") + item, TEXT_COL[1] - TEXT_COL[0]):
                    flow.line(TEXT_COL[0], ln)
            flow.gap()
        # the three-column table
        _column_header(doc, flow.page, flow.y)
        table_started = True
        flow.y -= 1.5 * LEAD
        table_page, table_y = flow.page, flow.y

        def shared_break(p):
            """Next page of this werkproces: the one another column opened, or a new one."""
            if p + 1 < len(doc.pages):
                return p + 1, TOP - (3.5 if repeat_header else 2) * LEAD
            return new_page(p)

        col1 = Flow(doc, table_page, table_y, shared_break)
        for v in wp.vakkennis_en_vaardigheden:
            for k, ln in enumerate(wrap("• " + v.tekst + (" (t)" if v.taal else ""), COL1[1] - COL1[0] - 6)):
                col1.line(COL1[0] + (0 if k == 0 else 6), ln)
        pos2 = Flow(doc, table_page, table_y, shared_break)
        pos3 = Flow(doc, table_page, table_y, shared_break)
        for c in wp.competenties:
            # a block starts below whatever came last in columns 2 and 3
            if (pos3.page, -pos3.y) > (pos2.page, -pos2.y):
                pos2.page, pos2.y = pos3.page, pos3.y
            else:
                pos3.page, pos3.y = pos2.page, pos2.y
            if pos2.y < BOTTOM + 2 * LEAD:
                pos2.page, pos2.y = shared_break(pos2.page)
                pos3.page, pos3.y = pos2.page, pos2.y
            for ln in wrap(c.naam, COL2[1] - COL2[0], BOLD):
                pos2.line(COL2[0], ln, BOLD)
            for comp in c.componenten:
                for k, ln in enumerate(wrap("• " + comp, COL2[1] - COL2[0] - 6)):
                    pos2.line(COL2[0] + (0 if k == 0 else 6), ln)
            for ln in wrap(c.prestatie_indicator, COL3[1] - COL3[0]):
                pos3.line(COL3[0], ln)
            pos2.gap()
            pos3.gap()


# ---------------------------------------------------------------- hostile PDFs (generated, never committed)


def _pdf(objects: list[bytes], path: Path) -> Path:
    """A classic PDF from numbered object bodies (1 = catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _stream(data: bytes, extra: bytes = b"/Filter/FlateDecode") -> bytes:
    return b"<<%s/Length %d>>\nstream\n" % (extra, len(data)) + data + b"\nendstream"


def deflate_repeated(chunk: bytes, times: int) -> bytes:
    """zlib data of chunk * times without compressing it all: after a full flush the compressor
    starts afresh, so each further chunk compresses to the same bytes."""
    import zlib

    co = zlib.compressobj(9)
    first = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    again = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(times):
        adler = zlib.adler32(chunk, adler)
    # the final block: an empty fixed-Huffman block with BFINAL set, then the checksum
    return first + again * (times - 1) + b"\x03\x00" + adler.to_bytes(4, "big")


def _one_page(contents: bytes) -> list[bytes]:
    return [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
        contents,
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]


def inflate_bomb(path: Path, mib: int = 4096) -> Path:
    """One page whose content stream is `mib` MiB of spaces, deflated: about 1 kB per MiB, so
    4 GiB in a 4 MB file."""
    return _pdf(_one_page(_stream(deflate_repeated(b" " * 2**20, mib))), path)


def operator_bomb(path: Path, paths: int = 2_000_000) -> Path:
    """One page drawing `paths` tiny filled rectangles: a 60 kB file."""
    data = deflate_repeated(b"0 0 1 1 re f\n" * 1000, paths // 1000)
    return _pdf(_one_page(_stream(data)), path)


def form_bomb(path: Path, fanout: int = 10, depth: int = 7) -> Path:
    """Forms that draw forms: the page draws form 1 `fanout` times, each form draws the next as
    often, the last draws one rectangle: fanout ** depth rectangles from a 2 kB file."""
    first = 6
    objects = _one_page(_stream(b"/X1 Do\n" * fanout, b""))
    objects[2] = (
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</XObject<</X1 %d 0 R>>>>>>" % first
    )
    for k in range(depth):
        last = k == depth - 1
        body = b"0 0 1 1 re f\n" if last else b"/X1 Do\n" * fanout
        res = b"" if last else b"/Resources<</XObject<</X1 %d 0 R>>>>" % (first + k + 1)
        objects.append(_stream(body, b"/Type/XObject/Subtype/Form/BBox[0 0 10 10]" + res))
    return _pdf(objects, path)


def chained_bomb(path: Path, mib: int = 4096) -> Path:
    """A content stream deflated twice (/Filter [/FlateDecode /FlateDecode]): `mib` MiB of
    spaces from a file of a few kB."""
    import zlib

    once = deflate_repeated(b" " * 2**20, mib)
    return _pdf(_one_page(_stream(zlib.compress(once, 9), b"/Filter[/FlateDecode/FlateDecode]")), path)


def object_stream_bomb(path: Path, mib: int = 4096) -> Path:
    """A one-page PDF whose only other object is an object stream that inflates to `mib` MiB."""
    objects = _one_page(_stream(deflate_repeated(b"0 0 1 1 re f\n", 1)))
    objects.append(_stream(deflate_repeated(b" " * 2**20, mib), b"/Type/ObjStm/N 1/First 4/Filter/FlateDecode"))
    return _pdf(objects, path)


def pages_bomb(path: Path, pages: int = 40, rects: int = 45_000) -> Path:
    """Many pages, each under the limit a page, together far over the limit for a document."""
    content = 4 + pages
    kids = b" ".join(b"%d 0 R" % (4 + k) for k in range(pages))
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, pages),
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    objects += [
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents %d 0 R/Resources<</Font<</F1 3 0 R>>>>>>" % content
    ] * pages
    objects.append(_stream(deflate_repeated(b"0 0 1 1 re f\n" * 1000, rects // 1000)))
    return _pdf(objects, path)


def many_pages(path: Path, pages: int) -> Path:
    """A page tree of `pages` empty pages."""
    kids = b" ".join(b"%d 0 R" % (3 + k) for k in range(pages))
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, pages)]
    objects += [b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>"] * pages
    return _pdf(objects, path)
