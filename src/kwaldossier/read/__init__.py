"""Where dossiers come from: the bundled parsed data, a folder, or a file (text, JSON, PDF)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, LimitExceeded, LookupFailed

if TYPE_CHECKING:
    from ..model.dossier import Dossier, Profiel

from ..model import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Bron", "load_file", "write_atomic"]

STDIN = "-"


def bundled_dir() -> Path:
    """The parsed default dataset: inside the installed package, or data/parsed in a checkout."""
    packaged = Path(__file__).resolve().parents[1] / "data" / "parsed"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "parsed"


def _limit(var: str, default: float) -> float:
    raw = os.environ.get(var, "")
    try:
        value = float(raw) if raw else default
    except ValueError:
        value = -1
    if not value > 0:
        from ..errors import UsageError

        raise UsageError(f"{var}={raw!r}: expected a positive number")
    return value


def max_input_bytes() -> int:
    """Text and JSON inputs: KWALDOSSIER_MAX_INPUT_MB (default 50)."""
    return int(_limit("KWALDOSSIER_MAX_INPUT_MB", 50) * 1024 * 1024)


def max_line_bytes() -> int:
    """One line of dossier text: KWALDOSSIER_MAX_LINE_KB (default 1024)."""
    return int(_limit("KWALDOSSIER_MAX_LINE_KB", 1024) * 1024)


def check_size(name: str, size: int, kind: str) -> None:
    limit = max_input_bytes()
    if size > limit:
        raise LimitExceeded(
            name, None, f"{kind} of {_size(size)} is over the limit of {_size(limit)} (KWALDOSSIER_MAX_INPUT_MB)"
        )


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.0f} kB"


def check_lines(data: bytes, name: str) -> None:
    """Refuse text with a line over the line limit (linear scan; CR, LF and CRLF ends)."""
    limit = max_line_bytes()
    if len(data) <= limit:
        return
    for no, line in enumerate(data.replace(b"\r", b"\n").split(b"\n"), 1):
        if len(line) > limit:
            raise LimitExceeded(
                name, no, f"line of {len(line):,} bytes is over the limit of {limit // 1024:,} kB (KWALDOSSIER_MAX_LINE_KB)"
            )


def load_file(path: Path, fast: bool = False) -> Dossier:
    """One file to a Dossier, by its kind: parsed JSON, PDF or extracted text ("-": standard input).

    fast: parsed JSON (and cached parses) are read into light views (see view.py) instead of
    pydantic models. Source files go through the parse cache (cache.py) unless it is off."""
    if str(path) == STDIN:
        return load_stdin(fast)
    if _is_stream(path):  # a pipe or device: <(command), /dev/stdin
        return _load_stream(path, fast)
    _check_file(path)
    if path.suffix.lower() == ".json":
        return _load_uncached(path, fast)
    from . import cache

    if not cache.enabled():
        return _load_uncached(path, fast)
    return cache.load(path, fast, _load_uncached)


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise InputError(str(path), None, "is a directory, expected a file")
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(str(path), None, "no such file") from None
    except OSError as exc:
        raise InputError(str(path), None, f"cannot read: {exc.strerror}") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(str(path), None, "not a regular file (a socket or block device)")
    if not os.access(path, os.R_OK):
        raise InputError(str(path), None, "permission denied")
    if path.suffix.lower() != ".pdf":  # PDFs have their own limits (pdf.py)
        check_size(str(path), st.st_size, "file")


def _load_uncached(path: Path, fast: bool = False) -> Dossier:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return _load_json_fast(path) if fast else _load_json(path)
    if suffix == ".xml" or _starts_with(path, b"<?xml") or _starts_with(path, b"\xef\xbb\xbf<?xml"):
        from .sbbxml import parse_sbb  # the 2015 model: SBB XML exports

        return parse_sbb(path)
    if suffix == ".pdf" or _starts_with(path, b"%PDF"):
        from .sbbpdf import is_sbb_pdf, parse_sbb_pdf  # told apart by the wording, not the name

        if is_sbb_pdf(path):
            return parse_sbb_pdf(path)  # the 2015 model (B1-K1-W1, basisdeel, profieldeel)
        from .pdf import parse_pdf  # heavy: pdfplumber only on this path

        return parse_pdf(path)
    check_lines(_read(path), str(path))
    from .text2012 import parse_file

    return parse_file(path)


_STDIN: dict[int, bytes] = {}


def _is_stream(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def _load_stream(path: Path, fast: bool) -> Dossier:
    try:
        with path.open("rb") as fh:
            data = fh.read(max_input_bytes() + 1)
    except OSError as exc:
        raise InputError(str(path), None, f"cannot read: {exc.strerror}") from None
    return load_bytes(data, str(path), fast)


def load_stdin(fast: bool = False) -> Dossier:
    """Standard input: read once (`diff - -` compares it with itself)."""
    key = id(sys.stdin)
    if key not in _STDIN:
        _STDIN.clear()
        _STDIN[key] = sys.stdin.buffer.read(max_input_bytes() + 1)
    return load_bytes(_STDIN[key], "<stdin>", fast)


def load_bytes(data: bytes, name: str, fast: bool = False) -> Dossier:
    """Parsed JSON, PDF or dossier text from memory, told apart by their first bytes."""
    check_size(name, len(data), "input")
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5]
    if head.startswith((b"{", b"[")):
        return _from_json_bytes(data, name, fast)
    if head.startswith(b"%PDF") or head.startswith(b"<"):
        import tempfile

        suffix = ".pdf" if head.startswith(b"%PDF") else ".xml"
        with tempfile.TemporaryDirectory(prefix="kwaldossier-") as tmp:
            path = Path(tmp) / f"stdin{suffix}"
            path.write_bytes(data)
            try:
                dossier = _load_uncached(path, fast)
            except InputError as exc:
                raise InputError(name, exc.line, exc.message) from None
        return dossier.model_copy(update={"bron": Path(name).name})  # not the temporary file's name
    from .tekst import decode, split_lines
    from .text2012 import parse_lines

    check_lines(data, name)
    return parse_lines(split_lines(decode(data, name)), name)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), None, f"cannot read: {exc.strerror}") from None


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(magic)) == magic
    except OSError:
        return False


def _from_json_bytes(data: bytes, name: str, fast: bool):
    """Parsed JSON to a view (fast) or the pydantic model; both checked structurally first."""
    from .jsoncheck import check_dossier, decode_json

    checked = check_dossier(decode_json(data, name), name)
    if fast:
        from .view import DossierView

        return DossierView(checked)
    from pydantic import ValidationError

    from ..model.dossier import Dossier

    try:
        return Dossier.model_validate(checked)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise InputError(name, None, f"not a parsed dossier: {where}: {err['msg']}") from None


def _load_json_fast(path: Path):
    return _from_json_bytes(_read(path), str(path), fast=True)


def _load_json(path: Path) -> Dossier:
    return _from_json_bytes(_read(path), str(path), fast=False)


class Bron:
    """A profile together with the dossier (file) it came from. (A plain class: a dataclass
    costs a millisecond of start-up on every look-up.)"""

    __slots__ = ("dossier", "pad", "profiel")

    def __init__(self, profiel: Profiel, dossier: Dossier, pad: Path | None) -> None:
        self.profiel = profiel
        self.dossier = dossier
        self.pad = pad

    def __repr__(self) -> str:
        return f"Bron({self.profiel.naam!r}, {self.pad})"

    @property
    def label(self) -> str:
        return self.profiel.naam


def load_folder(folder: Path, fast: bool = False) -> list[Bron]:
    """All profiles of a folder: parsed JSON preferred over text of the same stem.

    Profiles that share a name are labelled `naam@file` so they can be told apart and named."""
    if not folder.is_dir():
        raise InputError(str(folder), None, "not a folder of dossiers")
    files = sorted(f for f in folder.glob("*.json") if f.is_file())  # regular files: a FIFO would block
    stems = {f.stem for f in files}
    files += sorted(f for f in folder.glob("*.txt") if f.stem not in stems and f.is_file())
    files += sorted(f for f in folder.glob("*.pdf") if f.stem not in stems and f.is_file())
    files += sorted(f for f in folder.glob("*.xml") if f.stem not in stems and f.is_file())
    out: list[Bron] = []
    for f in files:
        dossier = load_file(f, fast)
        out.extend(Bron(p, dossier, f) for p in dossier.profielen)
    if not out:
        raise InputError(str(folder), None, "no dossiers (.json, .txt, .pdf, .xml) in this folder")
    return _label_duplicates(out)


def _label_duplicates(bronnen: list[Bron]) -> list[Bron]:
    from collections import Counter

    count = Counter(b.profiel.naam for b in bronnen)
    if all(n == 1 for n in count.values()):
        return bronnen
    seen: Counter[str] = Counter()
    out = []
    for b in bronnen:
        naam = b.profiel.naam
        if count[naam] > 1 and b.pad is not None:
            label = f"{naam}@{b.pad.name}"
            seen[label] += 1
            if seen[label] > 1:
                label += f"#{seen[label]}"
            out.append(Bron(_renamed(b.profiel, label), b.dossier, b.pad))
        else:
            out.append(b)
    return out


def _renamed(profiel, naam: str):
    if hasattr(profiel, "model_copy"):
        return profiel.model_copy(update={"naam": naam})
    profiel._d["naam"] = naam  # a view over a dict loaded for this command
    return profiel


def load_all(data: Path | None = None, fast: bool = False) -> list[Bron]:
    return load_folder(data or bundled_dir(), fast)


def profile_names(data: Path | None = None) -> list[str]:
    return [b.profiel.naam for b in load_all(data, fast=True)]


def _is_file_spec(spec: str) -> bool:
    path = Path(spec)
    if spec == STDIN or path.exists():
        return True
    if "@" in path.name:  # naam@file.json names a profile, not a file
        return False
    return os.sep in spec or path.suffix.lower() in (".txt", ".json", ".pdf", ".xml")


def _starts_word(naam: str, key: str) -> bool:
    """key occurs in naam at the start of a word (after a space, hyphen, slash or bracket)."""
    i = naam.find(key)
    while i >= 0:
        if i == 0 or not naam[i - 1].isalnum():
            return True
        i = naam.find(key, i + 1)
    return False


def resolve(spec: str, data: Path | None = None, fast: bool = False) -> list[Bron]:
    """A profile by a unique part of its name, `naam@file`, or a file path (all its profiles)."""
    from ..model.competenties import fold

    naam, at, waar = spec.rpartition("@")
    if at and naam and Path(waar).is_file():
        hits = [b for b in resolve(waar, data, fast) if fold(naam) in fold(b.profiel.naam)]
        if not hits:
            raise LookupFailed(f"no profiel matches {naam!r} in {waar}")
        return hits
    if _is_file_spec(spec):
        path = Path(spec)
        dossier = load_file(path, fast)
        return [Bron(p, dossier, path) for p in dossier.profielen]
    alle = load_all(data, fast)
    key = fold(spec)
    hits = [b for b in alle if key in fold(b.profiel.naam)]
    if not hits and at and naam:
        hits = [
            b for b in alle if b.pad is not None and waar in (b.pad.name, b.pad.stem) and fold(naam) in fold(b.profiel.naam)
        ]
    exact = [b for b in hits if fold(b.profiel.naam) == key]
    if len(exact) == 1:
        return exact
    if len(hits) == 1:
        return hits
    # a part that starts a word of one name only: "agogisch medewerker" is Agogisch medewerker
    # GGZ, not the "Pedagogisch medewerker ..." it is also inside of
    at_word = [b for b in hits if _starts_word(fold(b.profiel.naam), key)]
    if len(at_word) == 1:
        return at_word
    names = [b.profiel.naam for b in alle]
    if not hits:
        from difflib import get_close_matches

        close = get_close_matches(spec, names, n=3, cutoff=0.3) or names
        raise LookupFailed(f"no profiel matches {spec!r}; known: {', '.join(close)}")
    hit_names = [b.profiel.naam for b in hits]
    if len(set(hit_names)) < len(hit_names):  # same name in several files: tell them apart by file
        where = ", ".join(f"{b.profiel.naam} ({b.pad.name if b.pad else '?'})" for b in hits)
        raise LookupFailed(f"{spec!r} matches several profielen: {where}; give the file instead")
    raise LookupFailed(f"{spec!r} matches several profielen: {', '.join(hit_names)}")


def resolve_one(spec: str, data: Path | None = None, profiel: str | None = None) -> Bron:
    """One profile: by name part, or a file with one profile (or the one `profiel` names)."""
    from ..model.competenties import fold

    hits = resolve(spec, data)
    if profiel and len(hits) > 1:
        hits = [b for b in hits if fold(profiel) in fold(b.profiel.naam)]
    if len(hits) != 1:
        names = ", ".join(b.profiel.naam for b in resolve(spec, data))
        if profiel:
            raise LookupFailed(f"{spec}: --profiel {profiel!r} matches {len(hits)} of its profielen ({names})")
        raise LookupFailed(f"{spec} holds {len(hits)} profielen ({names}); choose one with --profiel")
    return hits[0]


def select(profiel: str | None, data: Path | None = None, fast: bool = False) -> list[Bron]:
    """--profiel P (name part or file) or every profile of the data."""
    return resolve(profiel, data, fast) if profiel else load_all(data, fast)


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename (rules in output.py)."""
    from .output import write_atomic as write

    write(path, text)


def dossier_json(dossier: Dossier) -> str:
    return dossier.model_dump_json(indent=2) + "\n"
