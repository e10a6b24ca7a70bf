"""Hardened XML loading for SBB exports: expat with no DTD, no entities, bounded size.

Builds an ElementTree and records the source line where every element starts and ends, so
structural errors and findings can point into the file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from ...errors import InputError

MAX_BYTES = 16 * 1024 * 1024  # the real exports are 100-250 KB
MAX_TEXT = 256 * 1024  # characters in one text node; the longest real one has about 11 000


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
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(str(path), None, f"file too large for an SBB dossier ({size} bytes; limit {MAX_BYTES})")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), None, f"cannot read: {exc.strerror}") from None
    if not data.strip():
        raise InputError(str(path), None, "empty file")
    return data


def parse_xml(data: bytes, pad: str) -> XmlBestand:
    """Well-formed XML without DOCTYPE or entity declarations, else InputError with the line."""
    if len(data) > MAX_BYTES:
        raise InputError(pad, None, f"file too large for an SBB dossier ({len(data)} bytes; limit {MAX_BYTES})")
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate()
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
            raise _Refused(parser.CurrentLineNumber, f"text node longer than {MAX_TEXT} characters")
        builder.data(text)

    def doctype(*_args: object) -> None:
        raise _Refused(parser.CurrentLineNumber, "DOCTYPE not allowed (SBB XML has no DTD; entities are refused)")

    def entity(*_args: object) -> None:
        raise _Refused(parser.CurrentLineNumber, "entity declaration not allowed")

    def external(*_args: object) -> int:
        raise _Refused(parser.CurrentLineNumber, "external entity not allowed")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data_
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.ExternalEntityRefHandler = external
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise InputError(
            pad, exc.lineno, f"not well-formed XML: {expat.ErrorString(exc.code)} (column {exc.offset + 1})"
        ) from None
    except _Refused as exc:
        raise InputError(pad, exc.line, exc.message) from None
    root = builder.close()
    return XmlBestand(pad, root, starts, ends)
