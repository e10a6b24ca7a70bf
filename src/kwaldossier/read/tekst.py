"""Reading input text and repairing what PDF extraction did to words."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..errors import InputError
from .regels import line_at as line_at  # re-exported for the parser and the rules

# every byte but the controls refused in text (\x00-\x08, \x0b, \x0e-\x1f, \x7f): those are single
# bytes in UTF-8 and cp1252 alike, so deleting the rest from the input leaves the text's controls
_CONTROLS = {*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F}
_NO_CONTROL = bytes(b for b in range(256) if b not in _CONTROLS)


def decode(data: bytes, path: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or cp1252; CRLF/CR to LF."""
    if not data.strip():
        from ..taal import _

        raise InputError(path, None, _("empty file"))
    if b"\x00" in data:
        from ..taal import _

        raise InputError(path, None, _("binary file (contains NUL bytes), expected dossier text"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            from ..taal import _

            line = data.count(b"\n", 0, utf8_error.start) + 1
            raise InputError(
                path,
                line,
                _("undecodable byte 0x{byte:02x}: neither UTF-8 nor cp1252").format(byte=data[utf8_error.start]),
            ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    controls = len(data.translate(None, _NO_CONTROL))  # one pass in C (a regex over the text: ten)
    if controls > max(2, len(text) // 200):
        from ..taal import _

        raise InputError(path, None, _("binary file (control characters), expected dossier text"))
    return text


def read_lines(path: Path) -> list[str]:
    from . import check_size  # one limit for every text and JSON input (KWALDOSSIER_MAX_INPUT_MB)

    try:
        check_size(str(path), path.stat().st_size, "file")
        data = path.read_bytes()
    except FileNotFoundError:
        from ..taal import _

        raise InputError(str(path), None, _("no such file")) from None
    except IsADirectoryError:
        from ..taal import _

        raise InputError(str(path), None, _("is a directory, expected a file")) from None
    except PermissionError:
        from ..taal import _

        raise InputError(str(path), None, _("permission denied")) from None
    return split_lines(decode(data, str(path)))


def split_lines(text: str) -> list[str]:
    """Decoded text (line ends already normalised to LF) as lines, without a final empty one."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


# ---------------------------------------------------------------- hyphens

_CONJUNCTIONS = {"en", "of", "en/of", "c.q.", "tot", "t/m", "noch"}
# Dutch prefixes written with a hyphen by the spelling rules (Leidraad, "koppelteken").
_HYPHEN_PREFIXES = {"non", "ex", "oud", "niet", "vice", "pseudo", "quasi", "semi", "anti"}
_VOWELS = set("aeiouyáéíóúàèëïöü")
_WORD = r"[^\W\d_]+"
_WORD_RE = re.compile(_WORD)
_ELIDED_HYPHEN = re.compile(r"-(?=,|\s+(?:en|of|c\.q\.)\b)")
_INLINE = re.compile(rf"(?<![\w\-'\"])({_WORD})-({_WORD})(?![\w\-'\"])")
_MAX_WORD = 100  # longer "words" are not hyphenated by the dictionary (and cost time)
_ACRONIEM = 2  # capitals in a part before a hyphen that make it an acronym or a name (CRM, ICT)


def _is_letter(ch: str) -> bool:
    """A character of _WORD: a letter-like \\w that is no decimal digit nor underscore."""
    return ch.isalnum() and not ch.isdecimal()


def _letters_around_a_hyphen(line: str) -> bool:
    """A hyphen with a letter of _WORD on either side, which _INLINE needs: found with str.find
    (most hyphens in a dossier end a part before a comma or a conjunction: markt-, klant- en)."""
    i = line.find("-", 1)
    last = len(line) - 1
    while 0 < i < last:
        if _is_letter(line[i - 1]) and _is_letter(line[i + 1]):
            return True
        i = line.find("-", i + 1)
    return False


def _last_word(text: str) -> str:
    """The run of letters at the end of `text` (scans back over that run only)."""
    i = len(text)
    while i > 0 and _is_letter(text[i - 1]):
        i -= 1
    return text[i:]


def _form_keeps_hyphen(a: str, b: str) -> bool:
    """A hyphen between a and b that their form alone keeps: not two runs of letters, an
    acronym or name, a prefix written with a hyphen, or a vowel clash."""
    if not a or not b or not a.isalpha() or not b.isalpha():
        return True
    if sum(c.isupper() for c in a) >= _ACRONIEM or b[0].isupper():
        return True  # acronym or name: CRM-software, ICT-toepassingen
    if a.casefold() in _HYPHEN_PREFIXES:
        return True
    return a[-1].casefold() in _VOWELS and b[0].casefold() in _VOWELS  # vowel clash: prestatie-indicator


_CHUNK = 1 << 16  # characters split at once (a whole dossier's words would be 8x its size)


def _distinct_tokens(text: str) -> set[str]:
    """set(text.split()), split a chunk at a time (each chunk ends at a line end)."""
    out: set[str] = set()
    pos, n = 0, len(text)
    while pos < n:
        end = text.find("\n", pos + _CHUNK)
        if end < 0:
            end = n
        out.update(text[pos:end].split())
        pos = end + 1
    return out


@dataclass
class Hyphenator:
    """Decides whether a hyphen is a soft (line-break) hyphen left by the PDF or a real one.

    A hyphen is soft only when a Dutch hyphenation dictionary (pyphen, nl_NL) would break the
    joined word at exactly that place, and nothing in the spelling or in the dossier's own words
    says the hyphen is real: acronyms (CRM-software), vowel clashes (prestatie-indicator),
    hyphenated prefixes (non-verbaal), a first part the dossier writes with a hyphen and never
    closed (prijs-, leverings- en ...), or two parts that both stand as words in the dossier.
    """

    text: str
    # the lines `text` joins, when at hand: the words are read off each distinct line once (a
    # line's tokens never cross a line end; a dossier repeats half its lines: headers, labels,
    # names, and its profiles' shared werkprocessen)
    regels: list[str] | None = None
    _cache: dict[tuple[str, str], bool] = field(default_factory=dict)

    @cached_property
    def _words(self) -> set[str]:
        tokens: set[str] = set()
        text = self.text if self.regels is None else "\n".join(dict.fromkeys(self.regels))
        for w in _distinct_tokens(text):  # split at [\s/]+, each distinct token once
            if "/" in w:
                tokens.update(w.split("/"))
            else:
                tokens.add(w)
        words = set()
        for raw in tokens:
            token = raw.strip(".,;:()[]\"'‘’“”!?")
            if token and "-" not in token and _WORD_RE.fullmatch(token):
                words.add(token.casefold())
        return words

    @cached_property
    def _sorted_words(self) -> list[str]:
        return sorted(self._words)

    @cached_property
    def _elided(self) -> set[str]:
        """First parts written with a hyphen before a comma or a conjunction (prijs-, leverings-
        en ...). Each hyphen is looked at once, with the letters right before it: linear."""
        found = set()
        for m in _ELIDED_HYPHEN.finditer(self.text):
            start = m.start()
            i = start
            while i > 0 and _is_letter(self.text[i - 1]):
                i -= 1
            if i < start:
                found.add(self.text[i:start].casefold())
        return found

    def vastleggen(self) -> None:
        """Read the dossier's words now and let go of its text (the size of the input, kept
        through the parse otherwise); is_soft decides the same from what was read."""
        _ = self._sorted_words, self._elided
        self.text, self.regels = "", None

    def _closed_prefix(self, a: str) -> bool:
        """The dossier has a longer word starting with `a` (by more than two letters)."""
        a = a.casefold()
        words = self._sorted_words
        for i in range(bisect_left(words, a), len(words)):
            w = words[i]
            if not w.startswith(a):
                return False
            if len(w) > len(a) + 2:
                return True
        return False

    def is_soft(self, a: str, b: str) -> bool:
        key = (a, b)
        if key not in self._cache:
            self._cache[key] = self._decide(a, b)
        return self._cache[key]

    def _decide(self, a: str, b: str) -> bool:
        if _form_keeps_hyphen(a, b):
            return False
        closed = self._closed_prefix(a)
        if a.casefold() in self._elided and not closed:
            return False  # the dossier writes this part with a hyphen: prijs-kwaliteit...
        if not closed and a.casefold() in self._words and b.casefold() in self._words:
            return False  # two words of their own: aftersales-procedures
        joined = a + b
        if len(joined) > _MAX_WORD:
            return False  # no dictionary word is this long
        from .lettergrepen import afbreekpunten

        return len(a) in afbreekpunten(joined)

    def repair_inline(self, line: str) -> str:
        """schat-tingen -> schattingen; CRM-tools stays."""
        if not _letters_around_a_hyphen(line):
            return line  # (the pattern's scan costs ~400 instructions a character)

        def fix(m: re.Match[str]) -> str:
            a, b = m.group(1), m.group(2)
            return a + b if self.is_soft(a, b) else m.group(0)

        return _INLINE.sub(fix, line)

    def join(self, left: str, right: str) -> str:
        """Join two wrapped lines, deciding on a hyphen at the end of the first."""
        left = left.rstrip()
        right = right.strip()
        if not left:
            return right
        if not right:
            return left
        drop, sep = self._glue(left, True, right)
        return (left[:-1] if drop else left) + sep + right

    def _glue(self, tail: str, whole: bool, right: str) -> tuple[bool, str]:
        """How `right` follows a text ending in `tail` (the whole text when `whole`, else its
        last characters): drop the text's last character (a soft hyphen)?, and the separator."""
        if tail.endswith("-") and len(tail) > 1 and not tail[-2].isspace():
            if tail.endswith("/-") or right[0] in "/-,)" or not tail[-2].isalpha():
                return False, ""
            if right.split(None, 1)[0].casefold() in _CONJUNCTIONS:
                return False, " "
            a = _last_word(tail[:-1])
            if not whole and len(a) == len(tail) - 1:
                a = ""  # letters beyond the window: longer than any dictionary word
            b = _WORD_RE.match(right)
            return bool(a and b and self.is_soft(a, b.group(0))), ""
        return False, " "

    def join_all(self, lines: list[str]) -> str:
        if len(lines) == 1:
            part = lines[0].strip()
            return self.repair_inline(part) if "-" in part else part
        stripped = [line.strip() for line in lines]
        text = " ".join([p for p in stripped if p])
        # without a hyphen there is nothing to repair or to glue: the lines joined by spaces
        return text if "-" not in text else self._glued(stripped)[0]

    def join_with_offsets(self, lines: list[str]) -> tuple[str, list[int]]:
        """Joined text and the offset where each source line starts in it. Linear: the text
        is assembled once, each join looks only at the last characters so far."""
        if len(lines) == 1:  # most items are one line: nothing to glue
            part = lines[0].strip()
            return (self.repair_inline(part) if "-" in part else part), [0]
        stripped = [line.strip() for line in lines]
        text = " ".join([p for p in stripped if p])
        if "-" not in text:  # nothing to repair or to glue: offsets of the parts alone
            offsets: list[int] = []
            size = 0
            for p in stripped:
                if p:
                    at = size + 1 if size else 0
                    offsets.append(at)
                    size = at + len(p)
                else:
                    offsets.append(size)
            return text, offsets
        return self._glued(stripped)

    def _glued(self, stripped: list[str]) -> tuple[str, list[int]]:
        """join_with_offsets of stripped lines with a hyphen among them: each line repaired,
        each line end decided (a soft hyphen dropped, a space or nothing between)."""
        parts: list[str] = []
        size = 0
        offsets: list[int] = []
        repair = self.repair_inline
        for line in stripped:
            part = repair(line) if "-" in line else line  # (repair_inline's own test, without the call)
            if size == 0:
                parts, size = [part], len(part)
            elif part:
                if parts[-1].endswith("-"):
                    tail = _tail(parts, _MAX_WORD + 2)
                    drop, sep = self._glue(tail, len(tail) == size, part)
                else:
                    drop, sep = False, " "
                if drop:
                    parts[-1] = parts[-1][:-1]
                    size -= 1
                parts += (sep, part)
                size += len(sep) + len(part)
            offsets.append(max(0, size - len(part)))
        return "".join(parts), offsets


def _tail(parts: list[str], k: int) -> str:
    """The last `k` characters of "".join(parts), without joining them all."""
    out: list[str] = []
    n = 0
    for p in reversed(parts):
        piece = p[-(k - n) :] if len(p) > k - n else p
        out.append(piece)
        n += len(piece)
        if n >= k:
            break
    return "".join(reversed(out))
