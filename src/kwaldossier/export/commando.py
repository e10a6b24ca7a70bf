"""CLI pieces of the exports: `export case` and the xlsx/csv output shared by list, matrix, diff."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..cli_help import Groep
from ..cli_support import complete_profiel, examples, report_path
from ..taal import N_, _

if TYPE_CHECKING:
    from ..render.tabellen import Blad


DataOpt = typer.Option(None, "--data", help=N_("Folder of dossiers to use instead of the bundled data."))


def export_table(
    fmt: str, out: Path | None, sep: str, xlsx_bladen: Callable[[], list[Blad]], csv_blad: Callable[[], Blad]
) -> None:
    """xlsx / csv of a command's tables (render/tabellen.py), to --out or stdout."""
    from .uitvoer import lever, scheidingsteken

    if fmt == "csv":
        from ..render.csvout import csv_bytes

        lever(csv_bytes(csv_blad(), scheidingsteken(sep)), out, fmt)
    else:
        from ..render.xlsx import xlsx_bytes

        lever(xlsx_bytes(xlsx_bladen()), out, fmt)


export_app = typer.Typer(
    cls=Groep,
    help=N_("Export dossiers for other tools."),
    no_args_is_help=True,
    epilog=examples("kwaldossier export case binnendienst --out binnendienst.case.json"),
)


@export_app.command(
    "case",
    help=N_("A 1EdTech CASE 1.1 package (CFPackage JSON) of one dossier: identical for identical input."),
    epilog=examples(
        "kwaldossier export case binnendienst --out commercieel-medewerker.case.json",
        "kwaldossier export case dossier.txt --datum 2012-08-01 --base-uri https://example.org/uri/",
    ),
)
def export_case(  # noqa: PLR0913 - typer: one parameter a command-line option
    *,
    spec: str = typer.Argument(
        ..., help=N_("A dossier file, or a profile name part."), autocompletion=complete_profiel
    ),
    out: Path | None = typer.Option(
        None, "--out", "-o", parser=report_path, help=N_("Write the package to this file (atomically).")
    ),
    base_uri: str = typer.Option(
        "urn:uuid:", "--base-uri", help=N_("Prefix of every uri (followed by the identifier).")
    ),
    datum: str | None = typer.Option(
        None, "--datum", help=N_("lastChangeDateTime (YYYY-MM-DD) when the dossier has no geldig_vanaf.")
    ),
    data: Path | None = DataOpt,
    as_json: bool = typer.Option(  # noqa: ARG001 - --json accepted for symmetry: the output is JSON anyway
        False, "--json", help=N_("JSON (the package is JSON already; for symmetry).")
    ),
) -> None:
    import re
    from datetime import date

    from ..analyse.selectie import resolve
    from .case import case_json, case_package
    from .uitvoer import lever

    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*", base_uri):
        raise typer.BadParameter(
            _("{value} does not start a URI (e.g. https://example.org/uri/)").format(value=repr(base_uri)),
            param_hint="--base-uri",
        )
    try:
        when = date.fromisoformat(datum) if datum else None
    except ValueError:
        raise typer.BadParameter(
            _("{value} is not a date YYYY-MM-DD").format(value=repr(datum)), param_hint="--datum"
        ) from None
    text = case_json(case_package(resolve(spec, data), base_uri, when))
    lever(text.encode("utf-8"), out, "case")
