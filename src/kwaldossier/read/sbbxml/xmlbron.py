"""Hardened XML loading for SBB exports: expat with no DTD, no entities, bounded size.

Builds an ElementTree and records the source line where every element starts and ends, so
structural errors and findings can point into the file.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from ...errors import InputError
from ...taal import _
from ..grenzen import check_size

MAX_TEXT = 256 * 1024  # characters in one text node; the longest real one has about 11 000
# the encoding named in an XML declaration written in ASCII-compatible bytes (bounded: no backtracking
# beyond the declaration's first few hundred bytes)
_DECLARED = re.compile(rb"""<\?xml\s[^>]{0,300}?encoding\s*=\s*["']([^"'>]{0,80})["']""")
_BOM = b"\xef\xbb\xbf"


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class XmlBestand:
    """A parsed XML file: its root and the start/end line of each element."""

    pad: str
    root: ET.Element
    starts: dict[int, int] = field(default_factory=dict)
    ends: dict[int, int] = field(default_factory=dict)

    def line(self, el: ET.Element) -> int | None:
        return self.starts.get(id(el))

    def end_line(self, el: ET.Element) -> int | None:
        return self.ends.get(id(el))

    def fail(self, el: ET.Element | None, message: str) -> InputError:
        return InputError(self.pad, self.line(el) if el is not None else None, message)


def read_bytes(path: Path) -> bytes:
    try:
        # the common input limit (KWALDOSSIER_MAX_INPUT_MB): one dossier is 100-250 KB, SBB's
        # whole-structure export of every dossier tens of MB
        check_size(str(path), path.stat().st_size, "file")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), None, _("cannot read: {reason}").format(reason=exc.strerror)) from None
    if not data.strip():
        raise InputError(str(path), None, _("empty file"))
    return data


def declared_encoding(data: bytes) -> str | None:
    """The encoding an ASCII-compatible XML declaration names, or None (no declaration, or one in
    UTF-16/32 bytes, which expat reads itself)."""
    head = data[len(_BOM) :] if data.startswith(_BOM) else data
    if not head.startswith(b"<?xml"):
        return None
    m = _DECLARED.match(head[:512])
    return m.group(1).decode("ascii", "replace") if m else None


def _is_utf8(name: str) -> bool:
    """utf8, UTF_8, utf-8-sig ...: names of UTF-8 that expat itself does not know (pyexpat would
    map them as a single-byte code and fail on the first accented letter)."""
    try:
        return codecs.lookup(name).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


def _encoding_refused(name: str) -> str | None:
    """Why expat cannot read ASCII-compatible bytes in this declared encoding, or None when it
    can: UTF-8, ASCII, Latin-1 and the single-byte codecs pyexpat maps are read; multi-byte
    (shift_jis, utf-7), unknown, and UTF-16/32 declared on 8-bit bytes are refused. Asked of
    expat itself, on a four-byte document."""
    probe = expat.ParserCreate()
    try:
        probe.Parse(b'<?xml version="1.0" encoding="' + name.encode("ascii", "replace") + b'"?><a/>', True)
    except (ValueError, LookupError, UnicodeError, expat.ExpatError):
        shown = "".join(ch if ch.isprintable() else "?" for ch in name)[:40]
        return _("this file declares encoding {encoding}, which this reader cannot read; SBB files are UTF-8").format(
            encoding=repr(shown)
        )
    return None


def _refuse_declarations(parser: expat.XMLParserType) -> None:
    """A DOCTYPE, an entity declaration or an external entity stops the parse at its line."""

    def doctype(*_args: object) -> None:
        raise _Refused(parser.CurrentLineNumber, _("DOCTYPE not allowed (SBB XML has no DTD; entities are refused)"))

    def entity(*_args: object) -> None:
        raise _Refused(parser.CurrentLineNumber, _("entity declaration not allowed"))

    def external(*_args: object) -> int:
        raise _Refused(parser.CurrentLineNumber, _("external entity not allowed"))

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.ExternalEntityRefHandler = external


def parse_xml(data: bytes, pad: str) -> XmlBestand:
    """Well-formed XML without DOCTYPE or entity declarations, else InputError with the line."""
    check_size(pad, len(data), "input")
    declared = declared_encoding(data)
    utf8 = declared is not None and _is_utf8(declared)
    refused = _encoding_refused(declared) if declared is not None and not utf8 else None
    if refused is not None:
        raise InputError(pad, 1, refused)
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate("utf-8" if utf8 else None)
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    text_len = 0

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal text_len
        text_len = 0
        starts[id(builder.start(tag, attrs))] = parser.CurrentLineNumber

    def end(tag: str) -> None:
        nonlocal text_len
        text_len = 0
        ends[id(builder.end(tag))] = parser.CurrentLineNumber

    def data_(text: str) -> None:
        nonlocal text_len
        text_len += len(text)
        if text_len > MAX_TEXT:
            raise _Refused(
                parser.CurrentLineNumber, _("text node longer than {limit} characters").format(limit=MAX_TEXT)
            )
        builder.data(text)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data_
    _refuse_declarations(parser)
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise InputError(
            pad,
            exc.lineno,
            _("not well-formed XML: {reason} (column {column})").format(
                reason=expat.ErrorString(exc.code), column=exc.offset + 1
            ),
        ) from None
    except _Refused as exc:
        raise InputError(pad, exc.line, exc.message) from None
    except (ValueError, LookupError, UnicodeError):  # an encoding expat could not map after all
        raise InputError(pad, 1, _("this file's encoding cannot be read; SBB files are UTF-8")) from None
    root = builder.close()
    return XmlBestand(pad, root, starts, ends)
