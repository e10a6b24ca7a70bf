"""Parse many files into a folder of JSON, in parallel; one bad file does not stop the rest.

Each input is written to OUT/<stem>.json. Two inputs that would land on the same name
(x/z.pdf and y/z.txt, pair.txt and pair.pdf) are refused before anything is parsed, so no
result is ever lost silently. Ctrl-C stops the batch: finished files stay, the rest is not
started, and the command says how far it got (exit 130).
"""

from __future__ import annotations

import os
import signal
import sys
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path

from ..errors import InputError, KwaldossierError, UsageError, one_line

INPUT_SUFFIXES = (".txt", ".pdf", ".xml")  # what a folder argument holds (as --data folders)


class Interrupted(KwaldossierError):
    exit_code = 130


def expand(inputs: list[Path]) -> list[Path]:
    """Files as given; folders to the dossier files they hold. The same file once."""
    out: list[Path] = []
    seen: set[str] = set()
    for p in inputs:
        found = (
            sorted(f for f in p.iterdir() if f.suffix.lower() in INPUT_SUFFIXES and f.is_file()) if p.is_dir() else [p]
        )
        for f in found:
            real = os.path.realpath(f)
            if real not in seen:
                seen.add(real)
                out.append(f)
    return out


def output_name(path: Path) -> str:
    return path.stem + ".json"


def check_collisions(files: list[Path], out_dir: Path) -> None:
    """Refuse two inputs that would be written to the same JSON file (names compared case-folded)."""
    first: dict[str, Path] = {}
    for f in files:
        name = output_name(f)
        other = first.setdefault(name.casefold(), f)
        if other is not f:
            from ..taal import _

            raise UsageError(
                _(
                    "{first} and {second} would both be written to {target}; parse them into separate --out folders"
                ).format(first=other, second=f, target=out_dir / name)
            )


class Geschreven(KeyboardInterrupt):
    """Ctrl-C that arrived while a file was written: the file is whole (the signal waited for it)."""

    def __init__(self, src: str) -> None:
        super().__init__(src)
        self.src = src


def _one(args: tuple[str, str]) -> tuple[str, str | None]:
    """Worker: parse one file and write its JSON atomically. Returns (path, error or None)."""
    from ..model.contract import dossiers_json_stukken
    from .laden import load_dossiers
    from .output import write_bytes_atomic

    src, out_dir = args
    path = Path(src)
    klaar: list[Path] = []
    try:
        dossiers = load_dossiers(path)
        write_bytes_atomic(Path(out_dir) / output_name(path), dossiers_json_stukken(dossiers), klaar)
        return src, None
    except KeyboardInterrupt:
        if klaar:  # Ctrl-C while the file was written: it is whole, and it counts
            raise Geschreven(src) from None
        raise
    except KwaldossierError as exc:
        return src, str(exc)
    except RecursionError:
        from ..taal import _

        return src, f"{src}: " + _("input nested too deeply")
    except Exception as exc:  # noqa: BLE001 - last resort: a hostile file must not stop the batch
        if "KeyboardInterrupt" in str(exc):  # Ctrl-C inside pydantic's serializer comes wrapped
            raise KeyboardInterrupt from None
        return src, f"{src}: internal error: {type(exc).__name__}: {exc}"


def _outcome(future: Future[tuple[str, str | None]], src: str) -> tuple[str, str | None]:
    """A worker's result; a worker that died (killed, out of memory) fails only its own file."""
    exc = future.exception()
    if exc is not None:
        from ..taal import _

        return src, f"{src}: " + _("the worker parsing it stopped ({error})").format(
            error=f"{type(exc).__name__}: {exc}"
        )
    return future.result()


def _worker_init(use_cache: bool) -> None:
    # Ctrl-C goes to the whole process group: the parent decides, workers finish their file
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not use_cache:
        from . import cache

        cache.disable()


def _te_lezen(inputs: list[Path], out_dir: Path, jobs: int) -> list[Path]:
    """The files parse_many parses; a bad argument is an error before any work."""
    from ..taal import _
    from .output import check_out_dir

    if jobs < 0:
        raise UsageError(_("--jobs {jobs}: expected 0 (all cores) or a positive number of workers").format(jobs=jobs))
    for p in inputs:
        if not p.exists():
            raise InputError(str(p), None, _("no such file"))
    files = expand(inputs)
    if not files:
        raise InputError(", ".join(map(str, inputs)), None, _("no dossier files (.txt, .pdf, .xml) to parse"))
    check_collisions(files, out_dir)
    check_out_dir(out_dir)
    return files


def parse_many(inputs: list[Path], out_dir: Path, jobs: int = 0, quiet: bool = False) -> int:
    """Exit code: 0 all parsed, 2 when any input failed (the others are still written)."""
    from ..taal import _
    from . import cache

    files = _te_lezen(inputs, out_dir, jobs)
    workers = min(len(files), jobs or os.cpu_count() or 1)
    tasks = [(str(f), str(out_dir)) for f in files]
    results: list[tuple[str, str | None]] = []
    from rich.console import Console
    from rich.progress import Progress

    err = Console(stderr=True, highlight=False)
    show = sys.stderr.isatty() and not quiet
    futures: list[Future[tuple[str, str | None]]] = []
    try:
        with Progress(console=err, disable=not show, transient=True) as progress:
            task = progress.add_task(_("parsing"), total=len(tasks))
            if workers <= 1:
                for t in tasks:
                    try:
                        results.append(_one(t))
                    except Geschreven as g:
                        results.append((g.src, None))
                        raise KeyboardInterrupt from None
                    progress.advance(task)
            else:
                pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(cache.enabled(),))
                try:
                    futures = [pool.submit(_one, t) for t in tasks]
                    for _klaar in as_completed(futures):
                        progress.advance(task)
                finally:
                    # on Ctrl-C: files not started are dropped, the ones running finish whole
                    pool.shutdown(wait=True, cancel_futures=True)
                results = [_outcome(f, t[0]) for f, t in zip(futures, tasks, strict=True)]
    except KeyboardInterrupt:
        if futures:
            results = [_outcome(f, t[0]) for f, t in zip(futures, tasks, strict=True) if f.done() and not f.cancelled()]
        done = sum(1 for _s, e in results if not e)
        raise Interrupted(
            _("interrupted: {done} of {total} files parsed into {folder}, the rest not started").format(
                done=done, total=len(tasks), folder=out_dir
            )
        ) from None
    failed = [(s, e) for s, e in results if e]
    for _s, e in failed:
        sys.stderr.write(f"kwaldossier: error: {one_line(str(e), 1000)}\n")
    ok = len(results) - len(failed)
    if not quiet or failed:
        sys.stderr.write(
            _("parsed {ok} of {total} files into {folder}").format(ok=ok, total=len(results), folder=out_dir)
            + ("; " + _("{failed} failed").format(failed=len(failed)) + "\n" if failed else "\n")
        )
    return 2 if failed else 0
