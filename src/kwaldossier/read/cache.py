"""Parse cache: each source file (text, PDF, XML) is parsed once and kept as parsed JSON.

An entry is keyed by the file's content (SHA-256), the tool's version, the schema version and a
fingerprint of the reader code, so an edited file or a changed parser never gets a stale
result. Entries live in the user's cache folder (platformdirs) or KWALDOSSIER_CACHE_DIR; a
hit is read like any parsed JSON (the fast path: no pydantic for look-ups). A corrupt or
unreadable entry is ignored and rewritten; a cache that cannot be written is skipped.
KWALDOSSIER_NO_CACHE=1 or --no-cache bypasses it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from ..model.vorm import DossierVorm

_state = {"on": True}  # --no-cache turns it off for the process


def use(on: bool) -> None:
    _state["on"] = on


def disable() -> None:
    use(False)


def enabled() -> bool:
    return _state["on"] and os.environ.get("KWALDOSSIER_NO_CACHE", "") in ("", "0")


def cache_dir() -> Path:
    override = os.environ.get("KWALDOSSIER_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kwaldossier", appauthor=False))


def _code_stamp() -> str:
    """Fingerprint of the reader and model code: a changed parser invalidates every entry."""
    import hashlib

    from .. import __version__
    from ..model import SCHEMA_VERSION

    h = hashlib.sha256(f"{__version__}/{SCHEMA_VERSION}".encode())
    pkg = Path(__file__).resolve().parents[1]
    for folder in ("read", "model"):
        for f in sorted((pkg / folder).rglob("*.py")):  # subpackages too (a reader may grow into one)
            with contextlib.suppress(OSError):
                st = f.stat()
                h.update(f"{f.relative_to(pkg)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def key_for(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return f"{h.hexdigest()[:32]}-{_code_stamp()}"


def load(path: Path, parse: Callable[[Path], Sequence[DossierVorm]]) -> list[DossierVorm]:
    """The dossier of `path`: from the cache when there (a view), else parsed and stored."""
    try:
        entry = cache_dir() / f"{key_for(path)}.json"
    except OSError:
        return list(parse(path))
    if entry.is_file():
        hit = _read(entry, path)
        if hit is not None:
            return hit
    dossiers = list(parse(path))
    _store(entry, dossiers)
    return dossiers


def _read(entry: Path, path: Path) -> list[DossierVorm] | None:
    from .laden import from_json_bytes

    try:
        data = entry.read_bytes()
        # the entry may come from a copy elsewhere: name this file, the way the parser does
        return from_json_bytes(data, str(entry), bron=lambda oud: str(path) if os.sep in oud else path.name)
    except (OSError, InputError):
        with contextlib.suppress(OSError):
            entry.unlink()  # corrupt: parse again and rewrite
        return None


def _store(entry: Path, dossiers: list[DossierVorm]) -> None:
    from ..errors import OutputError
    from ..model.contract import dossiers_json
    from .output import write_atomic

    with contextlib.suppress(OSError, OutputError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, dossiers_json(dossiers, indent=None))


def info() -> dict:
    folder = cache_dir()
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    return {"folder": str(folder), "entries": len(files), "bytes": sum(f.stat().st_size for f in files)}


def clear() -> dict:
    result = info()
    folder = Path(result["folder"])
    for f in folder.glob("*.json") if folder.is_dir() else []:
        with contextlib.suppress(OSError):
            f.unlink()
    return result
