"""The pre-scan: before pdfium touches a page, every stream of the file is decoded as a PDF
reader would decode it (Flate, LZW, run-length, the ASCII filters, in chains), streaming and
within limits, and the operators of each are counted; the page tree then says which streams
(and which form XObjects, as often as they are drawn) make up each page. A file over a limit
is refused with one line before any real work: the decoding keeps no output beyond a chunk
(memory stays flat) and stops at the first byte over a limit (time stays short).

pdfium has no decompression limit of its own: without this a 4 MB file that inflates to 4 GiB
costs pdfium 5 GB of memory and 17 s, and 60 kB of operators 20 s, before anything is read."""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ...errors import InputError
from ...taal import _
from .grenzen import Grenzen
from .objecten import Index, Name, PdfValue, Ref, Stroom, add_object_stream, scan

CHUNK = 1 << 20  # decoded bytes handled at a time
KEEP = 16 * CHUNK  # an object stream is parsed when it decodes to no more than this
MAX_FORM_DEPTH = 12  # forms drawing forms: deeper nesting is not followed (pdfium stops too)
MAX_TREE_DEPTH = 64  # page tree levels


OPERATORS = frozenset(
    b"b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP n "
    b"q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf TJ Tj TL Tm Tr Ts Tw Tz v w W W* y ' \"".split()
)
# delimiters become spaces, so that an operator written against its operand ("(abc)Tj") is a
# token of its own; a word inside a string that spells an operator counts too (an upper bound)
_DELIMITERS = bytes.maketrans(b"()<>[]{}/%", b"          ")
DO = re.compile(rb"/([^\x00\t\n\x0c\r ()<>\[\]{}/%]+)[\x00\t\n\x0c\r ]*Do(?![^\x00\t\n\x0c\r /\[(<%])")
_LAST_SPACE = re.compile(rb"[\x00\t\n\x0c\r ][^\x00\t\n\x0c\r ]*\Z")

_FILTERS = {
    b"FlateDecode": "flate", b"Fl": "flate",
    b"LZWDecode": "lzw", b"LZW": "lzw",
    b"RunLengthDecode": "rl", b"RL": "rl",
    b"ASCIIHexDecode": "hex", b"AHx": "hex",
    b"ASCII85Decode": "a85", b"A85": "a85",
}  # fmt: skip


@dataclass
class Telling:
    """What one stream holds: decoded bytes, operators, and the XObjects it draws by name."""

    size: int = 0
    operators: int = 0
    draws: Counter[bytes] = field(default_factory=Counter)


@dataclass
class Voorscan:
    """The result: per stream its count, and per page the operators it draws (forms expanded)."""

    tellingen: dict[int, Telling]
    pagina_operators: list[int]
    total_bytes: int

    @property
    def pages(self) -> int:
        """Pages in the page tree as the scan found it (pdfium may repair a broken tree)."""
        return len(self.pagina_operators)


class _Budget:
    def __init__(self, path: str, limits: Grenzen) -> None:
        self.path, self.limits = path, limits
        self.total = 0
        self.page_of: dict[int, int] = {}  # content stream -> the first page it is drawn on

    def _where(self, stroom: Stroom) -> str:
        page = self.page_of.get(stroom.num)
        if page:
            return _("object {num}, page {page}").format(num=stroom.num, page=page)
        return _("object {num}").format(num=stroom.num)

    def take(self, stroom: Stroom, n: int, so_far: int) -> None:
        self.total += n
        if so_far > self.limits.stream_bytes:
            raise InputError(
                self.path, None,
                _("PDF stream ({where}) inflates to more than {limit} "
                  "(KWALDOSSIER_PDF_MAX_STREAM_MB); refused before reading").format(
                    where=self._where(stroom), limit=_mb(self.limits.stream_bytes)
                ),
            )  # fmt: skip
        if self.total > self.limits.document_bytes:
            raise InputError(
                self.path, None,
                _("PDF streams inflate to more than {limit} in all "
                  "(KWALDOSSIER_PDF_MAX_INFLATE_MB); refused before reading").format(
                    limit=_mb(self.limits.document_bytes)
                ),
            )  # fmt: skip


def _mb(n: int) -> str:
    return f"{n / 2**20:.3g} MB"


# ---------------------------------------------------------------- decoding, streaming


def _filters(attrs: dict[bytes, PdfValue], index: Index) -> list[str] | None:
    """The stream's decoding stages; None when a stage is one this scan does not decode (the
    image codecs: pdfium decodes those only to render, which this reader never does)."""
    f = index.get(attrs.get(b"Filter"))
    names = [index.get(x) for x in f] if isinstance(f, list) else [f] if f is not None else []
    out: list[str] = []
    for name in names:
        if not isinstance(name, Name) or bytes(name) not in _FILTERS:
            return out or None
        out.append(_FILTERS[bytes(name)])
    return out


def _flate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    d: zlib._Decompress | None = None
    for chunk in chunks:
        if d is None:  # a zlib header, or raw deflate data without one (readers accept both)
            d = zlib.decompressobj(
                zlib.MAX_WBITS
                if chunk[:1] in (b"\x08", b"\x18", b"\x28", b"\x38", b"\x48", b"\x58", b"\x68", b"\x78")
                else -zlib.MAX_WBITS
            )
        buf = chunk
        while True:
            try:
                out = d.decompress(buf, CHUNK)
            except zlib.error:
                return  # readers stop at corrupt data, keeping what came before
            if out:
                yield out
            buf = d.unconsumed_tail
            if d.eof:
                return
            if not buf and len(out) < CHUNK:
                break


def _gathered(chunks: Iterable[bytes]) -> bytes:
    return b"".join(chunks)


def _hex(chunks: Iterable[bytes]) -> Iterator[bytes]:
    import binascii

    text = bytes(_gathered(chunks)).split(b">", 1)[0]
    digits = re.sub(rb"[^0-9A-Fa-f]", b"", text)
    if len(digits) % 2:
        digits += b"0"
    yield binascii.unhexlify(digits)


def _a85(chunks: Iterable[bytes]) -> Iterator[bytes]:
    import base64

    text = _gathered(chunks).split(b"~>", 1)[0].removeprefix(b"<~")
    try:
        yield base64.a85decode(text, adobe=False)
    except ValueError:
        return


_RL_END = 128  # run-length: the end-of-data byte; below it a literal run, above it a repeat


def _rl(chunks: Iterable[bytes]) -> Iterator[bytes]:
    data = _gathered(chunks)
    i, n = 0, len(data)
    while i < n:
        length = data[i]
        if length == _RL_END:
            return
        if length < _RL_END:
            yield data[i + 1 : i + 2 + length]
            i += length + 2
        else:
            yield data[i + 1 : i + 2] * (257 - length)
            i += 2


def _lzw(chunks: Iterable[bytes]) -> Iterator[bytes]:
    import io

    from pdfminer.lzw import LZWDecoder  # pure Python, imported only for this rare filter

    try:
        yield from LZWDecoder(io.BytesIO(_gathered(chunks))).run()
    except (ValueError, IndexError, EOFError, TypeError):
        return


_STAGE = {"flate": _flate, "hex": _hex, "a85": _a85, "rl": _rl, "lzw": _lzw}


def _raw(data: bytes, stroom: Stroom) -> Iterator[bytes]:
    for k in range(stroom.start, stroom.end, CHUNK):
        yield data[k : min(k + CHUNK, stroom.end)]


def _bounded(chunks: Iterable[bytes], stroom: Stroom, budget: _Budget) -> Iterator[bytes]:
    """Every stage's output is counted: a stage that expands is stopped where it goes over."""
    seen = 0
    for chunk in chunks:
        seen += len(chunk)
        budget.take(stroom, len(chunk), seen)
        yield chunk


def _count_body(body: bytes, telling: Telling) -> None:
    counts = Counter(body.translate(_DELIMITERS).split())
    telling.operators += sum(n for token, n in counts.items() if token in OPERATORS)
    if counts[b"Do"]:
        telling.draws.update(DO.findall(body))


def _count(chunks: Iterable[bytes], telling: Telling, keep: bool, cap: int) -> bytes | None:
    """Operators and drawn XObjects in the decoded chunks (a token cut between two chunks is
    carried over); counting stops past cap (the page that draws it is refused). keep: return the
    data (an object stream, parsed next) when it is small."""
    carry = b""
    kept: list[bytes] = []
    for chunk in chunks:
        telling.size += len(chunk)
        data = carry + chunk
        m = _LAST_SPACE.search(data, max(0, len(data) - 256))
        cut = m.start() if m is not None else len(data)
        carry = data[cut:]
        _count_body(data[:cut], telling)
        if keep and telling.size <= KEEP:
            kept.append(chunk)
        if telling.operators > cap:
            return None
    _count_body(carry, telling)
    return b"".join(kept) if keep and telling.size <= KEEP else None


def decode(data: bytes, stroom: Stroom, index: Index, budget: _Budget, cap: int) -> tuple[Telling, bytes | None]:
    """One stream through its filters, bounded; its count, and its data when it is an object
    stream (to be parsed)."""
    telling = Telling()
    stages = _filters(stroom.attrs, index)
    if stages is None:
        return telling, None
    chunks: Iterable[bytes] = _raw(data, stroom)
    for stage in stages:
        chunks = _bounded(_STAGE[stage](chunks), stroom, budget)
    return telling, _count(chunks, telling, stroom.attrs.get(b"Type") == b"ObjStm", cap)


# ---------------------------------------------------------------- pages


def _root(index: Index) -> dict[bytes, PdfValue]:
    for trailer in reversed(index.trailers):
        root = index.dict_at(trailer.get(b"Root"))
        if root:
            return root
    catalogs = (index.dict_at(Ref(num, 0)) for num in reversed(index.numbers()))
    return next((d for d in catalogs if d.get(b"Type") == b"Catalog"), {})


def _pages(index: Index, path: str, limits: Grenzen) -> list[tuple[list[int], dict[bytes, PdfValue]]]:
    """Per page: its content streams and its resources (inherited from the tree), in order. A
    page object listed twice is two pages (as a reader shows it); a node inside itself is not
    followed; the walk is bounded by the page limit."""
    out: list[tuple[list[int], dict[bytes, PdfValue]]] = []
    visits = 0
    root = _root(index)
    stack: list[tuple[PdfValue, dict[bytes, PdfValue], tuple[int, ...]]] = [(root.get(b"Pages"), {}, ())]
    while stack and visits <= 10 * limits.pages + 1000:
        ref, resources, above = stack.pop()
        visits += 1
        num = ref.num if isinstance(ref, Ref) else -1
        node = index.dict_at(ref)
        if not node or num in above or len(above) > MAX_TREE_DEPTH:
            continue
        res = index.dict_at(node.get(b"Resources")) or resources
        kids = index.get(node.get(b"Kids"))
        if node.get(b"Type") == b"Page" or not isinstance(kids, list):
            out.append((_contents(index, node), res))
            if len(out) > limits.pages:
                raise InputError(
                    path,
                    None,
                    _("PDF has more than {limit} pages, the limit (KWALDOSSIER_MAX_PAGES)").format(limit=limits.pages),
                )
            continue
        stack.extend((kid, res, (*above, num)) for kid in reversed(kids))
    return out


def _contents(index: Index, page: dict[bytes, PdfValue]) -> list[int]:
    contents = index.get(page.get(b"Contents"))
    refs = contents if isinstance(contents, list) else [page.get(b"Contents")]
    return [r.num for r in refs if isinstance(r, Ref)]


class _Weigher:
    """Operators a stream draws, each XObject it draws counted as often as it is drawn."""

    def __init__(self, index: Index, tellingen: dict[int, Telling], cap: int) -> None:
        self.index, self.tellingen, self.cap = index, tellingen, cap
        self.memo: dict[tuple[int, int], int] = {}

    def stream(self, num: int, resources: dict[bytes, PdfValue], depth: int = 0) -> int:
        telling = self.tellingen.get(num)
        if telling is None:
            return 0
        total = telling.operators
        if not telling.draws or depth >= MAX_FORM_DEPTH:
            return total
        xobjects = self.index.dict_at(resources.get(b"XObject"))
        for name, times in telling.draws.items():
            ref = xobjects.get(name)
            if isinstance(ref, Ref) and ref.num in self.index.streams:
                total += times * self.form(ref.num, resources, depth + 1)
            if total > self.cap:
                return total  # enough to refuse: no need to finish the sum
        return total

    def form(self, num: int, outer: dict[bytes, PdfValue], depth: int) -> int:
        attrs = self.index.streams[num].attrs
        if attrs.get(b"Subtype") != b"Form":
            return 1  # an image: one object
        resources = self.index.dict_at(attrs.get(b"Resources")) or outer
        key = (num, id(resources))
        if key not in self.memo:
            self.memo[key] = 0  # drawn inside itself: not followed (pdfium refuses the recursion)
            self.memo[key] = self.stream(num, resources, depth)
        return self.memo[key]


def prescan(data: bytes, path: str, limits: Grenzen) -> Voorscan:
    """Decode and count the streams within the limits, then weigh each page; InputError for the
    first limit a file goes over. Object streams go first (they may hold the page tree); an
    image that no page uses as its contents is not decoded (pdfium decodes images only to
    render them, which this reader never asks), every other stream is (fonts, forms, xref)."""
    index = scan(data)
    budget = _Budget(path, limits)
    cap = limits.operators_per_page
    tellingen: dict[int, Telling] = {}
    for stroom in index.order:
        if stroom.attrs.get(b"Type") == b"ObjStm":
            tellingen[stroom.num], decoded = decode(data, stroom, index, budget, cap)
            if decoded is not None:
                add_object_stream(index, stroom, decoded)
    pages = _pages(index, path, limits)
    contents = {num for page, _res in pages for num in page}
    for no, (page, _res) in enumerate(pages, start=1):
        for num in page:
            budget.page_of.setdefault(num, no)
    for stroom in index.order:
        if stroom.num not in tellingen and (stroom.num in contents or stroom.attrs.get(b"Subtype") != b"Image"):
            tellingen[stroom.num] = decode(data, stroom, index, budget, cap)[0]
    weigher = _Weigher(index, tellingen, max(limits.operators_per_page, limits.document_operators(len(data))))
    return Voorscan(tellingen, _weigh(pages, weigher, path, limits, len(data)), budget.total)


def _weigh(
    pages: list[tuple[list[int], dict[bytes, PdfValue]]], weigher: _Weigher, path: str, limits: Grenzen, size: int
) -> list[int]:
    """Operators per page, forms counted as often as drawn; over a limit: InputError."""
    per_doc = limits.document_operators(size)
    out: list[int] = []
    for no, (contents, resources) in enumerate(pages, start=1):
        n = sum(weigher.stream(num, resources) for num in contents)
        if n > limits.operators_per_page:
            raise InputError(
                path, None,
                _("PDF page {page} draws more than {limit:,} operators, the limit a page "
                  "(KWALDOSSIER_PDF_MAX_OPERATORS); refused before reading").format(
                    page=no, limit=limits.operators_per_page
                ),
            )  # fmt: skip
        out.append(n)
        if sum(out) > per_doc:
            raise InputError(
                path, None,
                (
                    _("PDF page 1 draws more than {limit:,} operators, the limit for this file "
                      "(KWALDOSSIER_PDF_MAX_DOC_OPERATORS, KWALDOSSIER_PDF_OPERATORS_PER_BYTE); refused before reading")
                    if no == 1
                    else _("PDF pages 1-{last} draw more than {limit:,} operators, the limit for this file "
                           "(KWALDOSSIER_PDF_MAX_DOC_OPERATORS, KWALDOSSIER_PDF_OPERATORS_PER_BYTE); refused before reading")
                ).format(last=no, limit=per_doc),
            )  # fmt: skip
    return out
