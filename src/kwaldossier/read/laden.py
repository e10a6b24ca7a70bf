"""From a file, standard input or a folder to dossiers: the input's kind is sniffed and the
reader of that format runs (2012 text, PDF, SBB XML), or parsed JSON is read.

Parsed JSON is checked structurally (jsoncheck.py) and read into light views (view.py), or
with `streng` through the model itself (validate and diff on untrusted JSON: unknown keys are
named). Source files go through the parse cache (cache.py) unless it is off."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .geladen import GeladenProfiel
from .grenzen import check_lines, check_size, max_input_bytes

if TYPE_CHECKING:
    from ..model.dossier import Dossier
    from ..model.vorm import DossierVorm

STDIN = "-"


def bundled_dir() -> Path:
    """The parsed default dataset: inside the installed package, or data/parsed in a checkout."""
    packaged = Path(__file__).resolve().parents[1] / "data" / "parsed"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "parsed"


def load_dossiers(path: Path, streng: bool = False) -> list[DossierVorm]:
    """The dossiers of one file ("-": standard input), by its kind: parsed JSON, PDF, SBB XML
    (one or, for SBB's whole-structure export, many dossiers) or extracted 2012 text."""
    if str(path) == STDIN:
        return load_stdin(streng)
    if _is_stream(path):  # a pipe or device: <(command), /dev/stdin
        return _load_stream(path, streng)
    _check_file(path)
    if path.suffix.lower() == ".json":
        return from_json_bytes(_read(path), str(path), streng)
    from . import cache

    dossiers: list[DossierVorm] = cache.load(path, parse_source) if cache.enabled() else list(parse_source(path))
    meld_niet_gelezen(str(path), dossiers)
    return dossiers


def source_json(path: Path) -> list[bytes] | None:
    """What `parse path --json` writes for a source file through the parse cache, in pieces that
    join to it: on a hit the stored text itself (nothing parsed, validated or serialized again).
    None where the cache does not apply (parsed JSON, standard input, a stream, the cache off)."""
    from . import cache

    if str(path) == STDIN or _is_stream(path) or not cache.enabled():
        return None
    _check_file(path)
    if path.suffix.lower() == ".json":
        return None
    data, dossiers = cache.load_json(path, parse_source)
    if dossiers is None and b'"niet_gelezen": [\n' in data[0]:  # a hit (one piece): a 2015 notice to give
        dossiers = cache.views(data[0])
    meld_niet_gelezen(str(path), dossiers or [])
    return data


def load_file(path: Path, streng: bool = False) -> DossierVorm:
    """The one dossier of a file; a file with several (a whole-structure export) is an error
    that says how to choose (--dossier)."""
    dossiers = load_dossiers(path, streng)
    if len(dossiers) != 1:
        raise InputError(str(path), None, veel_dossiers(dossiers))
    return dossiers[0]


_GENOEMD = 3  # dossiers the message for a file of many names


def veel_dossiers(dossiers: list[DossierVorm]) -> str:
    from ..model.afgeleid import dossier_kop
    from ..taal import _

    koppen = [dossier_kop(d) for d in dossiers[:_GENOEMD]]
    namen = ", ".join(f"{k.titel} ({k.crebo})" if k.crebo else str(k.titel) for k in koppen)
    more = " " + _("and {n} more").format(n=len(dossiers) - _GENOEMD) if len(dossiers) > _GENOEMD else ""
    return _("holds {n} dossiers ({names}); choose one with --dossier CREBO_OR_NAME").format(
        n=len(dossiers), names=namen + more
    )


_GEMELD: set[str] = set()


def nieuwe_run() -> None:
    """Forget which files had their notice (a command run in-process gives its own)."""
    _GEMELD.clear()


def meld_niet_gelezen(pad: str, dossiers: Sequence[DossierVorm]) -> None:
    """One notice on stderr per file for the elements its reader does not know (never an error)."""
    # An element outside every dossier (a whole-structure file's <keuzedelen>) is listed with each
    # of its dossiers, at the same line: counted once; those inside a dossier add up.
    gezien: set[tuple[str, int | None]] = set()
    teller: dict[str, int] = {}
    for d in dossiers:
        if d.model == "2015":
            for n in d.niet_gelezen:
                if (n.element, n.regel) not in gezien:
                    gezien.add((n.element, n.regel))
                    teller[n.element] = teller.get(n.element, 0) + n.aantal
    if not teller or pad in _GEMELD:
        return
    _GEMELD.add(pad)
    from ..taal import _

    lijst = ", ".join(f"{el} ({n}×)" for el, n in sorted(teller.items()))
    sys.stderr.write(
        _("kwaldossier: note: {file}: not read (not part of the dossier model): {elements}").format(
            file=pad, elements=lijst
        )
        + "\n"
    )


def _check_file(path: Path) -> None:
    if path.is_dir():
        from ..taal import _

        raise InputError(str(path), None, _("is a directory, expected a file"))
    try:
        st = path.stat()
    except FileNotFoundError:
        from ..taal import _

        raise InputError(str(path), None, _("no such file")) from None
    except OSError as exc:
        raise _cannot_read(path, exc) from None
    if not stat.S_ISREG(st.st_mode):
        from ..taal import _

        raise InputError(str(path), None, _("not a regular file (a socket or block device)"))
    if not os.access(path, os.R_OK):
        from ..taal import _

        raise InputError(str(path), None, _("permission denied"))
    if path.suffix.lower() != ".pdf":  # PDFs have their own limits (read/pdf)
        check_size(str(path), st.st_size, "file")


def _cannot_read(path: Path, exc: OSError) -> InputError:
    from ..taal import _

    return InputError(str(path), None, _("cannot read: {reason}").format(reason=exc.strerror))


def parse_source(path: Path) -> list[Dossier]:
    """A source file (not parsed JSON) through the reader of its format."""
    suffix = path.suffix.lower()
    if suffix == ".xml" or _starts_with(path, b"<?xml") or _starts_with(path, b"\xef\xbb\xbf<?xml"):
        from .sbbxml import parse_sbb  # the 2015 model: SBB XML exports

        return list(parse_sbb(path))
    if suffix == ".pdf" or _starts_with(path, b"%PDF"):
        from .sbbpdf import is_sbb_pdf, parse_sbb_pdf  # told apart by the wording, not the name

        if is_sbb_pdf(path):
            return [parse_sbb_pdf(path)]  # the 2015 model (B1-K1-W1, basisdeel, profieldeel)
        from .pdf import parse_pdf  # heavy: pypdfium2 only on this path

        return [parse_pdf(path)]
    check_lines(_read(path), str(path))
    from .text2012 import parse_file

    return [parse_file(path)]


_STDIN: dict[int, bytes] = {}


def _is_stream(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def _load_stream(path: Path, streng: bool) -> list[DossierVorm]:
    try:
        with path.open("rb") as fh:
            data = fh.read(max_input_bytes() + 1)
    except OSError as exc:
        raise _cannot_read(path, exc) from None
    return load_bytes(data, str(path), streng)


def load_stdin(streng: bool = False) -> list[DossierVorm]:
    """Standard input: read once (`diff - -` compares it with itself)."""
    key = id(sys.stdin)
    if key not in _STDIN:
        _STDIN.clear()
        _STDIN[key] = sys.stdin.buffer.read(max_input_bytes() + 1)
    return load_bytes(_STDIN[key], "<stdin>", streng)


def load_bytes(data: bytes, name: str, streng: bool = False) -> list[DossierVorm]:
    """Parsed JSON, PDF, SBB XML or dossier text from memory, told apart by their first bytes."""
    check_size(name, len(data), "input")
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5]
    if head.startswith((b"{", b"[")):
        return from_json_bytes(data, name, streng)
    if head.startswith(b"%PDF") or head.startswith(b"<"):
        import tempfile

        suffix = ".pdf" if head.startswith(b"%PDF") else ".xml"
        with tempfile.TemporaryDirectory(prefix="kwaldossier-") as tmp:
            path = Path(tmp) / f"stdin{suffix}"
            path.write_bytes(data)
            try:
                dossiers = parse_source(path)
            except InputError as exc:
                raise InputError(name, exc.line, exc.message) from None
        return [d.model_copy(update={"bron": Path(name).name}) for d in dossiers]  # not the temporary file's name
    from .tekst import decode, split_lines
    from .text2012 import parse_lines

    check_lines(data, name)
    return [parse_lines(split_lines(decode(data, name)), name)]


def read_source(path: Path) -> bytes:
    """The bytes of a source file, read once within the input size limit (the cache hashes these)."""
    data = _read(path)
    check_size(str(path), len(data), "input")
    return data


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _cannot_read(path, exc) from None


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(magic)) == magic
    except OSError:
        return False


def from_json_bytes(data: bytes, name: str, streng: bool = False) -> list[DossierVorm]:
    """Parsed JSON (a dossier, or a collection `{"schema_version", "dossiers": [...]}`) to views
    (checked structurally), or with `streng` to the model."""
    from .jsoncheck import check_json, decode_json

    out: list[DossierVorm] = []
    for checked in check_json(decode_json(data, name), name):
        if streng:
            out.append(model_van(checked, name))
        else:
            from .view import dossier_view

            out.append(dossier_view(checked))
    return out


def model_van(checked: dict[str, object], name: str) -> DossierVorm:
    """A checked parse-JSON dict through the pydantic model (strict: unknown keys are errors)."""
    from pydantic import ValidationError

    from ..model.dossier import uit_json

    try:
        return uit_json(checked)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"][1:])  # [0] is the union's tag
        from ..taal import _

        raise InputError(
            name, None, _("not a parsed dossier: {reason}").format(reason=f"{where}: {err['msg']}")
        ) from None


def load_folder(folder: Path, streng: bool = False) -> list[GeladenProfiel]:
    """All profiles of a folder: parsed JSON preferred over a source file of the same stem.

    Profiles that share a name are labelled `naam@file` so they can be told apart and named."""
    if not folder.is_dir():
        from ..taal import _

        raise InputError(str(folder), None, _("not a folder of dossiers"))
    files = sorted(f for f in folder.glob("*.json") if f.is_file())  # regular files: a FIFO would block
    stems = {f.stem for f in files}
    for ext in ("txt", "pdf", "xml"):
        files += sorted(f for f in folder.glob(f"*.{ext}") if f.stem not in stems and f.is_file())
    out: list[GeladenProfiel] = []
    for f in files:
        for dossier in load_dossiers(f, streng):
            out.extend(GeladenProfiel(p, dossier, f) for p in dossier.profielen)
    if not out:
        from ..taal import _

        raise InputError(str(folder), None, _("no dossiers (.json, .txt, .pdf, .xml) in this folder"))
    return label_duplicates(out)


def label_duplicates(geladen: list[GeladenProfiel]) -> list[GeladenProfiel]:
    """Profiles that share a name are labelled `naam@file`; where one file holds the name in
    several dossiers (a whole-structure file) `naam@crebo`, or `naam@crebo@file` where that crebo
    is in several files too: each label is also a way to name the profile (naam@waar)."""
    from collections import Counter

    count = Counter(g.naam for g in geladen)
    if all(n == 1 for n in count.values()):
        return geladen
    labels: list[str | None] = [None] * len(geladen)
    for vorm in (_op_bestand, _op_crebo, _op_beide):  # the first form that is unique
        kandidaat = {i: vorm(g) for i, g in enumerate(geladen) if count[g.naam] > 1 and labels[i] is None}
        uniek = Counter(x for x in kandidaat.values() if x)
        for i, label in kandidaat.items():
            if label and uniek[label] == 1:
                labels[i] = label
    seen: Counter[str] = Counter()
    out = []
    for i, g in enumerate(geladen):
        label = labels[i]
        if label is None and count[g.naam] > 1 and g.pad is not None:  # none unique: numbered
            label = _op_beide(g) or _op_bestand(g) or g.naam
            seen[label] += 1
            label += f"#{seen[label]}" if seen[label] > 1 else ""
        out.append(g.hernoemd(label) if label else g)
    return out


def _op_bestand(g: GeladenProfiel) -> str | None:
    return f"{g.naam}@{g.pad.name}" if g.pad is not None else None


def _op_crebo(g: GeladenProfiel) -> str | None:
    from ..model.afgeleid import dossier_kop

    crebo = dossier_kop(g.dossier).crebo
    return f"{g.naam}@{crebo}" if crebo else None


def _op_beide(g: GeladenProfiel) -> str | None:
    crebo, bestand = _op_crebo(g), _op_bestand(g)
    return f"{crebo}@{g.pad.name}" if crebo and bestand and g.pad is not None else None


def load_all(data: Path | None = None, streng: bool = False) -> list[GeladenProfiel]:
    """Every profile of --data, or of the bundled dataset (ours: never read `streng`)."""
    return load_folder(data, streng) if data else load_folder(bundled_dir())
