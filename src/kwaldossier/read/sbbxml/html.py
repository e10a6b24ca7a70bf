"""HTML held as text in SBB XML (escaped inside CDATA, e.g. `generieke_onderdelen`) to plain text."""

from __future__ import annotations

import html
from html.parser import HTMLParser

_BLOCK = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "li", "div", "tr", "labeltext", "ul", "ol"}


class _Tekst(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002 - HTMLParser's signature
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_tekst(text: str | None) -> str:
    """Escaped HTML (`&lt;h2&gt;Rekenen&lt;/h2&gt;`) or plain HTML to text: one line per block,
    spaces collapsed, no empty lines."""
    if not text or not text.strip():
        return ""
    parser = _Tekst()
    parser.feed(html.unescape(text) if "&lt;" in text else text)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
