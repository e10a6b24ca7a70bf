"""Parse cache: each source file (text, PDF, XML) is parsed once and kept as its parse JSON.

An entry is keyed by the file's content (SHA-256), the tool's version, the schema version and a
fingerprint of the reader code, so an edited file or a changed parser never gets a stale
result. Entries live in the user's cache folder (platformdirs) or KWALDOSSIER_CACHE_DIR; a
hit is read like any parsed JSON (the fast path: no pydantic for look-ups). A corrupt or
unreadable entry is ignored and rewritten; a cache that cannot be written is skipped.
KWALDOSSIER_NO_CACHE=1 or --no-cache bypasses it.

An entry holds exactly what `parse FILE --json` writes (indented), so a hit serves `parse
--json` as it is stored (only each dossier's `bron` renamed to the file asked for) and the
look-ups read views straight from it: its bytes are checked against the hash in its header and
were written by this code (the code stamp), so the structural check of untrusted JSON
(jsoncheck.py) is not repeated.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from ..model.dossier import Dossier
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


_STAMP: dict[str, str] = {}


def _code_stamp() -> str:
    """Fingerprint of the reader and model code: a changed parser invalidates every entry."""
    from .. import __version__

    if __version__ not in _STAMP:  # once per run (per version: tests change it)
        _STAMP.clear()
        _STAMP[__version__] = _stamp_now(__version__)
    return _STAMP[__version__]


def _stamp_now(version: str) -> str:
    import hashlib

    from ..model import SCHEMA_VERSION

    h = hashlib.sha256(f"{version}/{SCHEMA_VERSION}".encode())
    pkg = Path(__file__).resolve().parents[1]
    for folder in ("read", "model"):
        for f in sorted((pkg / folder).rglob("*.py")):  # subpackages too (a reader may grow into one)
            with contextlib.suppress(OSError):
                st = f.stat()
                h.update(f"{f.relative_to(pkg)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


_MAGIC = b"kwaldossier-cache 3\n"  # 3: the content is the indented `parse --json` text
_NOTICE = {"given": False}
_KOP_VELDEN = 3  # source hash, content hash, code stamp


def _notice(folder: Path, exc: OSError) -> None:
    """One line on stderr per run when the cache folder cannot be used (never an error)."""
    if _NOTICE["given"]:
        return
    _NOTICE["given"] = True
    import sys

    from ..taal import _

    sys.stderr.write(
        "kwaldossier: " + _("cache {folder} skipped: {reason}").format(folder=folder, reason=exc.strerror or exc) + "\n"
    )


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def load(path: Path, parse: Callable[[Path], Sequence[Dossier]]) -> list[DossierVorm]:
    """The dossiers of `path`, its bytes read once: from a verified cache entry when there (a view),
    else parsed from a private snapshot of exactly those bytes and stored."""
    stukken, dossiers = _load(path, parse)
    return dossiers if dossiers is not None else views(stukken[0])


def load_json(path: Path, parse: Callable[[Path], Sequence[Dossier]]) -> tuple[list[bytes], list[DossierVorm] | None]:
    """What `parse path --json` writes (UTF-8, in pieces that join to it), from a verified entry
    as it is stored (one piece), else parsed and stored; with the dossiers when they were
    parsed (None on a hit: see views())."""
    return _load(path, parse)


def _load(path: Path, parse: Callable[[Path], Sequence[Dossier]]) -> tuple[list[bytes], list[DossierVorm] | None]:
    from .laden import read_source

    data = read_source(path)
    folder = cache_dir()
    bron_sha = _sha(data)
    entry = folder / f"{bron_sha[:32]}-{_code_stamp()}.json"
    hit = _read(entry, path, bron_sha)
    if hit is not None:
        return [hit], None
    dossiers = _parse_snapshot(path, data, parse)
    return _store(entry, bron_sha, dossiers), dossiers


def views(inhoud: str | bytes) -> list[DossierVorm]:
    """The dossiers of a verified entry's content as views (no structural check: see above)."""
    import json

    from .view import dossier_view

    data = json.loads(inhoud)
    dossiers = data["dossiers"] if "dossiers" in data and "profielen" not in data else [data]
    return [dossier_view(d) for d in dossiers]


def _parse_snapshot(path: Path, data: bytes, parse: Callable[[Path], Sequence[Dossier]]) -> list[DossierVorm]:
    """Parse a private copy of `data` under the file's own name: a file replaced meanwhile cannot
    change what is parsed, so the entry's key always belongs to its dossier."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="kwaldossier-") as tmp:
        kopie = Path(tmp) / path.name
        kopie.write_bytes(data)
        try:
            dossiers = list(parse(kopie))
        except InputError as exc:
            # the copy is private: the user's file is what went wrong (other sources, such
            # as a bad limit in the environment, keep their own name); the error's kind is kept
            if exc.path == str(kopie):
                exc.path = str(path)
            exc.message = exc.message.replace(str(kopie), str(path))
            raise exc from None
    return [d.model_copy(update={"bron": str(path)}) if d.bron == str(kopie) else d for d in dossiers]


def _read(entry: Path, path: Path, bron_sha: str) -> bytes | None:
    """A hit only when the entry names these source bytes and its content matches its own hash:
    the content, each dossier's `bron` naming this file."""
    try:
        raw = entry.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        _notice(entry.parent, exc)
        return None
    inhoud = _verified(raw, bron_sha)
    del raw  # (the content is a copy)
    if inhoud is None:
        _drop(entry)
        return None
    # the entry may come from a copy elsewhere: name this file, the way the parser does
    return _hernoemd(inhoud, lambda oud: str(path) if os.sep in oud else path.name)


def _hernoemd(inhoud: bytes, bron: Callable[[str], str]) -> bytes:
    """The content with each dossier's `bron` (a text) passed through `bron`. In the indented
    JSON a dossier's keys, and only they, sit on lines indented by 2 spaces (one dossier) or
    6 (a collection: `{"schema_version", "dossiers": [...]}`); a JSON text never spans lines."""
    import json

    veel = b'\n  "dossiers": [' in inhoud[:64]
    sleutel = (b"\n      " if veel else b"\n  ") + b'"bron": '
    stukken: list[bytes] = []
    pos = zoek = 0
    while (at := inhoud.find(sleutel, zoek)) >= 0:
        start = at + len(sleutel)
        zoek = inhoud.index(b"\n", start)
        waarde = inhoud[start:zoek].removesuffix(b",")
        oud = json.loads(waarde)
        if isinstance(oud, str) and bron(oud) != oud:
            stukken += [inhoud[pos:start], json.dumps(bron(oud), ensure_ascii=False).encode("utf-8")]
            pos = start + len(waarde)
    return b"".join([*stukken, inhoud[pos:]]) if stukken else inhoud


def _verified(raw: bytes, bron_sha: str) -> bytes | None:
    """The content of an entry whose header names `bron_sha` and its content's hash, else None."""
    if not raw.startswith(_MAGIC):
        return None
    eind = raw.find(b"\n", len(_MAGIC))  # (one copy of the content, not two: it is the size of the JSON)
    velden = raw[len(_MAGIC) : eind].split(b" ") if eind >= 0 else []
    if len(velden) != _KOP_VELDEN:
        return None
    inhoud = raw[eind + 1 :]
    ok = velden[0].decode("ascii", "replace") == bron_sha and velden[1].decode("ascii", "replace") == _sha(inhoud)
    return inhoud if ok and velden[2].decode("ascii", "replace") == _code_stamp() else None


def _drop(entry: Path) -> None:
    with contextlib.suppress(OSError):
        entry.unlink()  # wrong or corrupt: parse again and rewrite


def _store(entry: Path, bron_sha: str, dossiers: list[DossierVorm]) -> list[bytes]:
    """Write atomically (temp + rename); writers of one entry write the same bytes. Returns the
    content (what `parse --json` writes) in pieces, stored or not: a profile at a time, never
    joined (the pieces are hashed and written one by one)."""
    import hashlib

    from ..errors import OutputError
    from ..model.contract import dossiers_json_stukken
    from .output import write_bytes_atomic

    stukken = list(dossiers_json_stukken(dossiers))
    h = hashlib.sha256()
    for stuk in stukken:
        h.update(stuk)
    kop = f"{bron_sha} {h.hexdigest()} {_code_stamp()}\n".encode("ascii")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(entry, [_MAGIC, kop, *stukken])
    except OSError as exc:
        _notice(entry.parent, exc)
    except OutputError:
        _notice(entry.parent, PermissionError(13, "cannot write"))
    return stukken


def _entries(folder: Path) -> list[Path]:
    """The entry files of the folder; an existing folder that cannot be listed is an error."""
    try:
        return sorted(f for f in folder.iterdir() if f.suffix == ".json" and f.is_file())
    except FileNotFoundError:
        return []
    except OSError as exc:
        from ..taal import _

        raise InputError(
            str(folder), None, _("cannot read the cache folder: {reason}").format(reason=exc.strerror)
        ) from None


def info() -> dict[str, str | int]:
    folder = cache_dir()
    files = _entries(folder)
    size = 0
    for f in files:
        with contextlib.suppress(OSError):
            size += f.stat().st_size
    return {"folder": str(folder), "entries": len(files), "bytes": size}


def clear() -> dict[str, str | int]:
    """Remove every entry; counts what was really removed and what could not be."""
    folder = cache_dir()
    removed = failed = 0
    for f in _entries(folder):
        try:
            f.unlink()
            removed += 1
        except FileNotFoundError:
            continue
        except OSError:
            failed += 1
    return {"folder": str(folder), "removed": removed, "failed": failed}
