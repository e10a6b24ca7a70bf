"""The one sanitiser for human output (terminal, Markdown, HTML, SVG, CSV, xlsx): text from a
dossier never reaches a terminal or a document as a control sequence.

Every C0 control except newline and tab, DEL and every C1 control (U+0000-U+0008, U+000B-U+001F,
U+007F-U+009F) is shown as its Python escape `\\xNN` (ESC is `\\x1b`), the notation error
messages use too (errors.one_line). Applied at the output boundary: the rich console's buffer,
the plain printer's write, the CSV/xlsx cell, the Markdown/HTML/SVG document. JSON keeps the
text as it is (JSON escapes it). One str.translate, only for a text that holds such a
character (found by a regex scan in C: translate looks every character up in a dict).
"""

from __future__ import annotations

import re

_CONTROLS = (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))
_TABEL: dict[int, str] = {c: f"\\x{c:02x}" for c in _CONTROLS}


_ZOEK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]").search


def schoon(text: str) -> str:
    """`text` with every control character but newline and tab shown as `\\xNN`."""
    return text.translate(_TABEL) if _ZOEK(text) else text


def is_schoon(text: str) -> bool:
    """True when `text` holds no character schoon() would replace."""
    return _ZOEK(text) is None
