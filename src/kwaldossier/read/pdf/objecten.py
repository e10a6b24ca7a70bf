"""A small, bounded reader of PDF objects straight from the file's bytes, for the pre-scan
(voorscan.py): it finds every "N G obj" and every stream without trusting the cross-reference
table, and parses the dictionaries the pre-scan needs (catalog, page tree, resources, stream
dictionaries). Values that the pre-scan does not need (strings) are skipped, not decoded.
Linear in the file's size; nesting is bounded."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

MAX_DEPTH = 32  # nested arrays and dictionaries in one object


class Ref(NamedTuple):
    num: int
    gen: int


class Name(bytes):
    """A PDF name, without its slash."""


PdfValue = object  # int | float | bool | None | Name | Ref | list | dict[bytes, object]

_WS = rb"[\x00\t\n\x0c\r ]"
_DELIM = rb"()<>\[\]{}/%"
_SKIP = re.compile(rb"(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*)*")
_REF = re.compile(rb"(\d{1,10})" + _WS + rb"+(\d{1,5})" + _WS + rb"+R(?![^\x00\t\n\x0c\r " + _DELIM + rb"])")
_NUM = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")
_NAME = re.compile(rb"/([^\x00\t\n\x0c\r " + _DELIM + rb"]*)")
_WORD = re.compile(rb"[^\x00\t\n\x0c\r " + _DELIM + rb"]+")
_HEX = re.compile(rb"<[0-9A-Fa-f\x00\t\n\x0c\r ]*>")
_PAREN = re.compile(rb"[()\\]")
_BACKSLASH, _OPEN = ord("\\"), ord("(")
OBJ = re.compile(rb"(?<![0-9])(\d{1,10})" + _WS + rb"+(\d{1,5})" + _WS + rb"+obj(?![^\x00\t\n\x0c\r " + _DELIM + rb"])")
STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
ENDSTREAM = b"endstream"


class Unreadable(ValueError):
    """Bytes that are not a PDF value; at: where reading stopped (the scan goes on from there,
    so no byte is read twice)."""

    def __init__(self, message: str, at: int) -> None:
        super().__init__(message)
        self.at = at


def _skip(data: bytes, i: int) -> int:
    """Past whitespace and comments."""
    m = _SKIP.match(data, i)
    return m.end() if m is not None else i


def _string_end(data: bytes, i: int) -> int:
    """Index past the literal string starting at data[i] == '(' (balanced, escapes)."""
    depth = 0
    n = len(data)
    while i < n:
        m = _PAREN.search(data, i)
        if m is None:
            return n
        ch = data[m.start()]
        if ch == _BACKSLASH:  # the next byte is escaped
            i = m.start() + 2
            continue
        depth += 1 if ch == _OPEN else -1
        i = m.start() + 1
        if depth == 0:
            return i
    return n


def value(data: bytes, i: int, depth: int = 0) -> tuple[PdfValue, int]:
    """The PDF value starting at data[i] (after whitespace and comments) and the index past it."""
    if depth > MAX_DEPTH:
        raise Unreadable("nested too deeply", i)
    i = _skip(data, i)
    if i >= len(data):
        raise Unreadable("value expected", i)
    ch = data[i : i + 1]
    if ch in b"<[/(":
        return _delimited(data, i, ch, depth)
    if (m := _REF.match(data, i)) is not None:
        return Ref(int(m.group(1)), int(m.group(2))), m.end()
    if (m := _NUM.match(data, i)) is not None:
        text = m.group()
        return (float(text) if b"." in text else int(text)), m.end()
    if (m := _WORD.match(data, i)) is not None:
        return {b"true": True, b"false": False}.get(m.group()), m.end()  # null and other words: None
    raise Unreadable(f"unexpected byte {data[i]:#04x}", i + 1)


def _delimited(data: bytes, i: int, ch: bytes, depth: int) -> tuple[PdfValue, int]:
    """A dictionary, array, name or string (strings are skipped: None)."""
    if data.startswith(b"<<", i):
        return _dict(data, i + 2, depth)
    if ch == b"[":
        return _array(data, i + 1, depth)
    if ch == b"/":
        m = _NAME.match(data, i)
        assert m is not None  # a slash alone is the empty name
        return Name(m.group(1)), m.end()
    if ch == b"(":
        return None, _string_end(data, i)
    m = _HEX.match(data, i)
    if m is None:
        raise Unreadable("bad hex string", i + 1)
    return None, m.end()


def _dict(data: bytes, i: int, depth: int) -> tuple[dict[bytes, PdfValue], int]:
    out: dict[bytes, PdfValue] = {}
    while True:
        i = _skip(data, i)
        if data[i : i + 2] == b">>":
            return out, i + 2
        if i >= len(data):
            raise Unreadable("unterminated dictionary", i)
        key, i = value(data, i, depth + 1)
        if not isinstance(key, Name):
            raise Unreadable("dictionary key is not a name", i)
        out[bytes(key)], i = value(data, i, depth + 1)


def _array(data: bytes, i: int, depth: int) -> tuple[list[PdfValue], int]:
    out: list[PdfValue] = []
    while True:
        i = _skip(data, i)
        if data[i : i + 1] == b"]":
            return out, i + 1
        if i >= len(data):
            raise Unreadable("unterminated array", i)
        v, i = value(data, i, depth + 1)
        out.append(v)


@dataclass
class Stroom:
    """A stream object: its dictionary and where its data starts and ends in the file."""

    num: int
    attrs: dict[bytes, PdfValue]
    start: int
    end: int


@dataclass
class Index:
    """The objects found in the file, parsed when first asked for: the last definition of a
    number wins (incremental updates append newer ones); streams in file order."""

    data: bytes = b""
    where: dict[int, tuple[bytes, int]] = field(default_factory=dict)  # number -> (buffer, offset)
    parsed: dict[int, PdfValue] = field(default_factory=dict)
    streams: dict[int, Stroom] = field(default_factory=dict)
    order: list[Stroom] = field(default_factory=list)
    trailers: list[dict[bytes, PdfValue]] = field(default_factory=list)

    def object(self, num: int) -> PdfValue:
        s = self.streams.get(num)
        if s is not None:
            return s.attrs
        if num not in self.parsed:
            buf, off = self.where.get(num, (b"", 0))
            try:
                self.parsed[num] = value(buf, off)[0] if buf else None
            except Unreadable:
                self.parsed[num] = None
        return self.parsed[num]

    def get(self, v: PdfValue) -> PdfValue:
        """A value with references followed (a bounded chain)."""
        depth = 0
        while isinstance(v, Ref) and depth < MAX_DEPTH:
            v = self.object(v.num)
            depth += 1
        return v

    def dict_at(self, v: PdfValue) -> dict[bytes, PdfValue]:
        d = self.get(v)
        return d if isinstance(d, dict) else {}

    def numbers(self) -> list[int]:
        return list(self.where)


def _stream_end(data: bytes, start: int, attrs: dict[bytes, PdfValue], index: Index) -> int:
    """Where the stream's data ends: at /Length when "endstream" follows there, else at the
    next "endstream"."""
    length = index.get(attrs.get(b"Length"))
    if isinstance(length, int) and 0 <= length <= len(data) - start:
        after = _skip(data, start + length)
        if data.startswith(ENDSTREAM, after):
            return start + length
    k = data.find(ENDSTREAM, start)
    return len(data) if k < 0 else k


class _Next:
    """The next occurrence of a keyword at or after a position, found once per occurrence (so a
    file with many objects and few streams is not searched again and again)."""

    def __init__(self, data: bytes, word: bytes) -> None:
        self.data, self.word, self.at = data, word, -2

    def after(self, pos: int) -> int:
        if self.at != -1 and self.at < pos:
            self.at = self.data.find(self.word, pos)
        return len(self.data) if self.at == -1 else self.at


def scan(data: bytes) -> Index:
    """Where every object of the file is (outside object streams), in one pass; the
    dictionaries of streams are read now, other objects when asked for."""
    index = Index(data)
    for t in re.finditer(rb"trailer" + _WS + rb"*<<", data):
        try:
            index.trailers.append(_dict(data, t.end(), 0)[0])
        except Unreadable:
            continue
    pos = 0
    streams, ends = _Next(data, b"stream"), _Next(data, b"endobj")
    while (m := OBJ.search(data, pos)) is not None:
        num, pos = int(m.group(1)), m.end()
        end = ends.after(pos)
        if streams.after(pos) > end:  # no stream keyword before endobj: a plain object
            index.where[num] = (data, pos)
            index.parsed.pop(num, None)
            index.streams.pop(num, None)
            pos = end
            continue
        pos = _stream_object(data, num, pos, index)
    return index


def _stream_object(data: bytes, num: int, pos: int, index: Index) -> int:
    """Read "<< dict >> stream" at pos; returns where the scan goes on."""
    try:
        v, after = value(data, pos)
    except Unreadable as exc:
        return max(pos, exc.at)
    s = STREAM.match(data, _skip(data, after)) if isinstance(v, dict) else None
    if s is None or not isinstance(v, dict):
        index.where[num] = (data, pos)
        index.parsed.pop(num, None)
        return after
    end = _stream_end(data, s.end(), v, index)
    stroom = Stroom(num, v, s.end(), end)
    index.streams[num] = stroom
    index.where.pop(num, None)
    index.order.append(stroom)
    if v.get(b"Type") == b"XRef":
        index.trailers.append(v)
    return max(end, pos)


def add_object_stream(index: Index, stroom: Stroom, data: bytes) -> None:
    """The objects packed in a decoded object stream (/Type /ObjStm): N pairs "num offset",
    then the objects from /First on. Objects defined directly in the file keep precedence
    when they come later (an update)."""
    n, first = stroom.attrs.get(b"N"), stroom.attrs.get(b"First")
    if not isinstance(n, int) or not isinstance(first, int) or not 0 <= first <= len(data):
        return
    header = data[:first].split()
    for k in range(0, min(2 * n, len(header) - 1), 2):
        try:
            num, off = int(header[k]), int(header[k + 1])
        except ValueError:
            return
        if num in index.streams or num in index.where or not 0 <= first + off < len(data):
            continue
        index.where[num] = (data, first + off)
