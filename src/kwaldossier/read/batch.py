"""Parse many files into a folder of JSON, in parallel; one bad file does not stop the rest."""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..errors import InputError, KwaldossierError

INPUT_SUFFIXES = (".txt", ".pdf")


def expand(inputs: list[Path]) -> list[Path]:
    """Files as given; folders to the dossier files they hold."""
    out: list[Path] = []
    for p in inputs:
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.suffix.lower() in INPUT_SUFFIXES and f.is_file()))
        else:
            out.append(p)
    return out


def _one(args: tuple[str, str]) -> tuple[str, str | None]:
    """Worker: parse one file and write its JSON atomically. Returns (path, error or None)."""
    from . import dossier_json, load_file, write_atomic

    src, out_dir = args
    path = Path(src)
    try:
        dossier = load_file(path)
        write_atomic(Path(out_dir) / (path.stem + ".json"), dossier_json(dossier))
        return src, None
    except KwaldossierError as exc:
        return src, str(exc)
    except Exception as exc:  # noqa: BLE001 - a hostile file must not stop the batch
        return src, f"{src}: {type(exc).__name__}: {exc}"


def parse_many(inputs: list[Path], out_dir: Path, jobs: int = 0) -> int:
    """Exit code: 0 all parsed, 2 when any input failed (the others are still written)."""
    files = expand(inputs)
    if not files:
        raise InputError(", ".join(map(str, inputs)), None, "no dossier files (.txt, .pdf) to parse")
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(str(out_dir), None, "--out must be a folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    workers = min(len(files), jobs or os.cpu_count() or 1)
    tasks = [(str(f), str(out_dir)) for f in files]
    results: list[tuple[str, str | None]] = []
    from rich.console import Console
    from rich.progress import Progress

    err = Console(stderr=True, highlight=False)
    show = sys.stderr.isatty()
    with Progress(console=err, disable=not show, transient=True) as progress:
        task = progress.add_task("parsing", total=len(tasks))
        if workers <= 1:
            for t in tasks:
                results.append(_one(t))
                progress.advance(task)
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                for r in pool.map(_one, tasks):
                    results.append(r)
                    progress.advance(task)
    failed = [(s, e) for s, e in results if e]
    for _, e in failed:
        sys.stderr.write(f"kwaldossier: error: {e}\n")
    ok = len(results) - len(failed)
    sys.stderr.write(f"parsed {ok} of {len(results)} files into {out_dir}" + (f"; {len(failed)} failed\n" if failed else "\n"))
    return 2 if failed else 0
