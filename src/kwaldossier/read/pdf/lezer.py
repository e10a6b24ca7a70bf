"""The walk over pages: furniture out (tagged), then each page by kind — profile page, matrix
page (an A–Y run), detail page — with its headings found by their wording wherever they sit
(a running header included) and emitted in the order the parser needs them."""

from __future__ import annotations

from .. import vocab
from . import ankers
from .bladzijde import Page
from .detail import DetailState, detail_segment
from .instellingen import DEFAULT, Instellingen
from .labels import label_text
from .matrix import Header, letter_header, matrix_page
from .opmaak import furniture
from .regels import Emitter, Line, lines_of


class Lezer:
    def __init__(self, s: Instellingen = DEFAULT) -> None:
        self.s = s
        self.out = Emitter()
        self.zone = ""
        self.detail = DetailState(s)
        self.profielen: list[str] = []  # names from the profile headings, to mend wrapped headings

    def run(self, pages: list[Page]) -> Emitter:
        all_lines = [[part for ln in lines_of(p.words, self.s) for part in _split_kop(ln)] for p in pages]
        furn = furniture([(p.height, ls) for p, ls in zip(pages, all_lines, strict=True)], self.s)
        for page, lines, fur in zip(pages, all_lines, furn, strict=True):
            for i in sorted(fur):
                text = lines[i].text
                # the dossier's own footer ("Kwalificatiedossier T, geldig vanaf D") may share
                # its line with other furniture (a date, a page number): keep it at the start
                k = text.find(ankers.DOSSIER)
                self.out.emit(text[k:] if k > 0 else text, "opmaak", page.no)
            self._page(page, [ln for i, ln in enumerate(lines) if i not in fur])
        self.detail.flush(self.out)
        return self.out

    # -- headings

    def _name_heading(self, lines: list[Line], i: int, prefix: str) -> tuple[str, int]:
        """A 'prefix <profile name>' heading; a name cut short by wrapping continues below
        (the names come from the profile headings read before)."""
        text, k = lines[i].text, i + 1
        while k < len(lines):
            naam = text[len(prefix) :].strip()
            if naam in self.profielen or not any(p.startswith(f"{naam} ".lstrip()) for p in self.profielen):
                break
            if lines[k].top - lines[k - 1].bottom > self.s.name_gap * lines[k - 1].height:
                break
            text = f"{text} {lines[k].text}"
            k += 1
        return text, k - i

    def _wp_heading(self, lines: list[Line], i: int) -> tuple[str, int]:
        """'N.N werkproces: title'; a title that wraps continues in the same font, close below."""
        first = lines[i]
        text, k = first.text, i + 1
        while k < len(lines):
            nxt, prev = lines[k], lines[k - 1]
            if (
                nxt.top - prev.bottom > self.s.heading_gap * prev.height
                or abs(nxt.size - first.size) > self.s.same_size
            ):
                break
            if (
                nxt.words[0].bold != first.words[-1].bold
                or nxt.x0 < first.x0 - self.s.tol
                or ankers.is_vocabulary(nxt.text)
            ):
                break
            text += " " + nxt.text
            k += 1
        return text, k - i

    # -- pages

    def _page(self, page: Page, lines: list[Line]) -> None:
        texts = [ln.text for ln in lines]
        head = letter_header(lines, self.s)
        if ankers.ALGEMEEN in texts or head is not None:
            self.detail.flush(self.out)  # the detail table ended on the page before
        if ankers.ALGEMEEN in texts:
            self._profile_page(page, lines, texts.index(ankers.ALGEMEEN))
        elif head is not None:
            self._matrix_page(page, lines, head)
        elif self.zone == "algemeen" and not any(
            ankers.WP_KOP_BEGIN.match(t) or t.startswith(ankers.DETAIL_KOP_TEKST) for t in texts
        ):
            label_text(lines, ankers.ALGEMEEN_WOORDEN, page.no, self.out, self.s)
        else:
            self._detail(page, lines)

    def _profile_page(self, page: Page, lines: list[Line], k: int) -> None:
        """ "N.N naam" right above "Algemene informatie" (a long name wraps onto more lines),
        then the labels and their text."""
        no, out = page.no, self.out
        texts = [ln.text for ln in lines]
        s = max((i for i in range(k) if vocab.SECTIE.match(texts[i])), default=None)
        for ln in lines[: k if s is None else s]:
            out.emit(ln.text, None, no)
        if s is not None:
            kop = " ".join(texts[s:k])
            self.profielen.append(kop.split(None, 1)[1])
            out.emit(kop, None, no)
        out.emit(ankers.ALGEMEEN, None, no)
        self.zone = "algemeen"
        label_text(lines[k + 1 :], ankers.ALGEMEEN_WOORDEN, no, out, self.s)

    def _matrix_page(self, page: Page, lines: list[Line], head: Header) -> None:
        """The matrix heading (its profile name maybe wrapped), then the matrix."""
        rest = []
        i = 0
        while i < len(lines):
            if lines[i].text.startswith(ankers.MATRIX_KOP_TEKST):
                text, used = self._name_heading(lines, i, ankers.MATRIX_KOP_TEKST)
                self.out.emit(text, None, page.no)
                i += used
                continue
            rest.append(lines[i])
            i += 1
        self.zone = "matrix"
        matrix_page(page, rest, head, self.out, self.s)

    def _detail(self, page: Page, lines: list[Line]) -> None:
        """Headings (detail, kerntaak, werkproces) where they stand; the lines between them
        are the werkproces's segment on this page."""
        lines = self._detail_heading_first(lines)
        wp_codes: dict[str, list[int]] = {}
        for k, ln in enumerate(lines):
            if m := ankers.WP_KOP_BEGIN.match(ln.text):
                wp_codes.setdefault(m.group(1), []).append(k)
        # a werkproces heading printed twice (running header and body): the body one counts
        skip = {ks[0] for ks in wp_codes.values() if len(ks) > 1}
        segment: list[Line] = []
        i = 0
        while i < len(lines):
            if i in skip:
                self.out.emit(lines[i].text, "opmaak", page.no)
                i += 1
                continue
            used = self._heading(page, lines, i, segment)
            if used:
                segment = []
                i += used
                continue
            segment.append(lines[i])
            i += 1
        self._flush(page, segment)

    def _heading(self, page: Page, lines: list[Line], i: int, segment: list[Line]) -> int:
        """A heading at line i: the segment before it is flushed, the heading emitted; returns
        the lines it used (0: no heading)."""
        no, out, t = page.no, self.out, lines[i].text
        m = ankers.WP_KOP_BEGIN.match(t)
        if t.startswith(ankers.DETAIL_KOP_TEKST):
            self._flush(page, segment)
            self.detail.flush(out)
            text, used = self._name_heading(lines, i, ankers.DETAIL_KOP_TEKST)
            out.emit(text, None, no)
            self.zone, self.detail = "detail", DetailState(self.s)
            return used
        if ankers.KERNTAAK.match(t) and not self._in_table(lines[i]):
            self._flush(page, segment)
            out.emit(t, None, no)
            return 1
        if m is None:
            return 0
        self._flush(page, segment)
        text, used = self._wp_heading(lines, i)
        if m.group(1) != self.detail.wp:
            self.detail.flush(out)
            self.detail.wp, self.detail.table = m.group(1), False
        out.emit(text, "kop", no)
        self.zone = "detail"
        return used

    def _detail_heading_first(self, lines: list[Line]) -> list[Line]:
        """A running header naming a new werkproces stands above the "Detaillering" heading
        that opens its section: the section heading is read first. (A header naming the
        werkproces being read is its continuation and keeps its place.)"""
        d = next((k for k, ln in enumerate(lines) if ln.text.startswith(ankers.DETAIL_KOP_TEKST)), None)
        if d is None:
            return lines
        first = next(
            (
                k
                for k, ln in enumerate(lines[:d])
                if (m := ankers.WP_KOP_BEGIN.match(ln.text)) and m.group(1) != self.detail.wp
            ),
            None,
        )
        if first is None:
            return lines
        _, used = self._name_heading(lines, d, ankers.DETAIL_KOP_TEKST)
        heading = lines[d : d + used]
        rest = lines[:d] + lines[d + used :]
        return rest[:first] + heading + rest[first:]

    def _in_table(self, ln: Line) -> bool:
        cols = self.detail.cols
        return self.detail.table and cols is not None and ln.x0 >= cols[0]

    def _flush(self, page: Page, segment: list[Line]) -> None:
        if not segment:
            return
        if self.detail.wp is None:
            for ln in segment:
                self.out.emit(ln.text, None, page.no)
            return
        detail_segment(segment, page.boxes, page.no, self.out, self.detail)


def _split_kop(ln: Line) -> list[Line]:
    """A werkproces heading set beside other text on one baseline (a running header with the
    kerntaak at the left and "N.N werkproces: …" at the right) is a line of its own."""
    for j in range(1, len(ln.words) - 1):
        w = ln.words[j]
        if ankers.CODE.match(w.text) and ln.words[j + 1].text == "werkproces:" and w.x0 - ln.words[j - 1].x1 > w.size:
            return [Line(ln.words[:j]), Line(ln.words[j:])]
    return [ln]
