"""Where dossiers come from: the bundled parsed data, a folder, or a file (text, JSON, PDF)."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, LookupFailed

if TYPE_CHECKING:
    from ..model.dossier import Dossier, Profiel

import contextlib

from ..model import SCHEMA_VERSION


def bundled_dir() -> Path:
    """The parsed default dataset: inside the installed package, or data/parsed in a checkout."""
    packaged = Path(__file__).resolve().parents[1] / "data" / "parsed"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "parsed"


def load_file(path: Path, fast: bool = False) -> Dossier:
    """One file to a Dossier, by its kind: parsed JSON, PDF or extracted text.

    fast: parsed JSON is read into light views (see view.py) instead of pydantic models."""
    if path.is_dir():
        raise InputError(str(path), None, "is a directory, expected a file")
    if not path.exists():
        raise InputError(str(path), None, "no such file")
    suffix = path.suffix.lower()
    if suffix == ".json":
        return _load_json_fast(path) if fast else _load_json(path)
    if suffix == ".xml" or _starts_with(path, b"<?xml") or _starts_with(path, b"\xef\xbb\xbf<?xml"):
        from .sbbxml import parse_sbb  # the 2015 model: SBB XML exports

        return parse_sbb(path)
    if suffix == ".pdf" or _starts_with(path, b"%PDF"):
        from .pdf import parse_pdf  # heavy: pdfplumber only on this path

        return parse_pdf(path)
    from .text2012 import parse_file

    return parse_file(path)


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(magic)) == magic
    except OSError:
        return False


def _load_json_fast(path: Path):
    import json

    from .view import DossierView

    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise InputError(str(path), None, f"not a parsed dossier: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("profielen"), list):
        raise InputError(str(path), None, "not a parsed dossier: no profielen")
    if data.get("schema_version") != SCHEMA_VERSION:
        return _load_json(path)  # another schema version: let the model validate it
    return DossierView(data)


def _load_json(path: Path) -> Dossier:
    from pydantic import ValidationError

    from ..model.dossier import Dossier

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), None, f"cannot read: {exc.strerror}") from None
    if not data.strip():
        raise InputError(str(path), None, "empty file")
    try:
        return Dossier.model_validate_json(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise InputError(str(path), None, f"not a parsed dossier: {where}: {err['msg']}") from None


@dataclass(frozen=True)
class Bron:
    """A profile together with the dossier (file) it came from."""

    profiel: Profiel
    dossier: Dossier
    pad: Path | None

    @property
    def label(self) -> str:
        return self.profiel.naam


def load_folder(folder: Path, fast: bool = False) -> list[Bron]:
    """All profiles of a folder: parsed JSON preferred over text of the same stem."""
    if not folder.is_dir():
        raise InputError(str(folder), None, "not a folder of dossiers")
    files = sorted(folder.glob("*.json"))
    stems = {f.stem for f in files}
    files += sorted(f for f in folder.glob("*.txt") if f.stem not in stems)
    files += sorted(f for f in folder.glob("*.pdf") if f.stem not in stems)
    files += sorted(f for f in folder.glob("*.xml") if f.stem not in stems)
    out: list[Bron] = []
    for f in files:
        dossier = load_file(f, fast)
        out.extend(Bron(p, dossier, f) for p in dossier.profielen)
    if not out:
        raise InputError(str(folder), None, "no dossiers (.json, .txt, .pdf, .xml) in this folder")
    return out


def load_all(data: Path | None = None, fast: bool = False) -> list[Bron]:
    return load_folder(data or bundled_dir(), fast)


def profile_names(data: Path | None = None) -> list[str]:
    return [b.profiel.naam for b in load_all(data, fast=True)]


def resolve(spec: str, data: Path | None = None, fast: bool = False) -> list[Bron]:
    """A profile by a unique part of its name, or a file path (all its profiles)."""
    from ..model.competenties import fold

    path = Path(spec)
    if path.exists() or os.sep in spec or path.suffix.lower() in (".txt", ".json", ".pdf", ".xml"):
        dossier = load_file(path, fast)
        return [Bron(p, dossier, path) for p in dossier.profielen]
    alle = load_all(data, fast)
    key = fold(spec)
    hits = [b for b in alle if key in fold(b.profiel.naam)]
    if len(hits) == 1:
        return hits
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
    """Write via a temporary file and rename: never a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def dossier_json(dossier: Dossier) -> str:
    return dossier.model_dump_json(indent=2) + "\n"
