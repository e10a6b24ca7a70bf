"""diff: two profiles, or two versions of one (registered by cli.py)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .cli_support import DataOpt, SepOpt, report_path
from .cli_support import complete_code as _complete_code
from .cli_support import complete_profiel as _complete_profiel
from .cli_support import examples as _examples
from .taal import N_, _

if TYPE_CHECKING:
    from .read.geladen import GeladenProfiel

commands = typer.Typer()


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"
    csv = "csv"


class Only(StrEnum):
    competenties = "competenties"
    vakkennis = "vakkennis"
    teksten = "teksten"


class MinImpact(StrEnum):
    redactioneel = "redactioneel"
    inhoudelijk = "inhoudelijk"
    structureel = "structureel"


@commands.command(
    help=N_("Compare two profiles, or two versions of one. Exit 0 same, 1 different."),
    epilog=_examples(
        "kwaldossier diff binnendienst buitendienst",
        "kwaldossier diff old.pdf new.pdf --profiel binnendienst --summary",
        "kwaldossier diff binnendienst buitendienst -w 2.5 -f html -o diff.html",
    ),
)
def diff(  # noqa: PLR0913 - typer: one parameter a command-line option
    *,
    a: str = typer.Argument(
        ...,
        help=N_("Profile (A): a part of its name, naam@waar (waar: a file, crebo or dossier title) or a file."),
        autocompletion=_complete_profiel,
    ),
    b: str = typer.Argument(
        ...,
        help=N_("Profile (B): a part of its name, naam@waar (waar: a file, crebo or dossier title) or a file."),
        autocompletion=_complete_profiel,
    ),
    fmt: DiffFormat = typer.Option(
        DiffFormat.text, "--format", "-f", help=N_("text, json, markdown, html, xlsx or csv.")
    ),
    as_json: bool = typer.Option(False, "--json", help=N_("Same as --format json.")),
    summary: bool = typer.Option(False, "--summary", help=N_("Only the summary tables (every format).")),
    kerntaak: str | None = typer.Option(None, "--kerntaak", "-k", help=N_("Only this kerntaak.")),
    werkproces: str | None = typer.Option(
        None, "--werkproces", "-w", help=N_("Only this werkproces."), autocompletion=_complete_code
    ),
    only: Only | None = typer.Option(None, "--only", help=N_("Only competenties, vakkennis or teksten.")),
    min_impact: MinImpact | None = typer.Option(
        None, "--min-impact", help=N_("Hide changes below this grade: redactioneel, inhoudelijk or structureel.")
    ),
    out: Path | None = typer.Option(None, "--out", "-o", parser=report_path, help=N_("Write the report to this file.")),
    profiel: str | None = typer.Option(
        None,
        "--profiel",
        "-p",
        help=N_("In files with several profiles, compare this one."),
        autocompletion=_complete_profiel,
    ),
    data: Path | None = DataOpt,
    sep: str = SepOpt,
) -> None:
    from .analyse.diff import DiffFilters
    from .analyse.diff import diff as do_diff
    from .read import write_atomic

    if out is not None and fmt is DiffFormat.text and not as_json:
        raise typer.BadParameter(_("--out writes a report: add --format markdown, html or json"), param_hint="--out")
    bron_a, bron_b = _kant("A", a, data, profiel), _kant("B", b, data, profiel)
    filters = DiffFilters(kerntaak, werkproces, only.value if only else None, min_impact.value if min_impact else None)
    report = do_diff(bron_a, bron_b, filters)
    report.summary = summary
    if as_json:
        fmt = DiffFormat.json
    text = None
    if fmt in (DiffFormat.xlsx, DiffFormat.csv):
        from .render.diff_doc import kruis
        from .render.diffrijen import diff_rijen
        from .render.tabellen import diff_blad

        blad = diff_blad(diff_rijen(report), bron_a.naam, bron_b.naam, kruis(report))
        from .export.commando import export_table

        export_table(fmt.value, out, sep, lambda: [blad], lambda: blad)
        raise typer.Exit(1 if report.changed else 0)
    if fmt is DiffFormat.json:
        from .render.diff_json import to_json

        text = json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n"
    elif fmt is DiffFormat.markdown:
        from .render.diff_markdown import diff_markdown

        text = diff_markdown(report)
    elif fmt is DiffFormat.html:
        from .render.diff_html import diff_html

        text = diff_html(report, [bron_a, bron_b])
    if text is not None:
        if fmt is not DiffFormat.json:
            from .render.schoon import schoon

            text = schoon(text)
        if out:
            write_atomic(out, text)
        else:
            sys.stdout.write(text)
    else:
        from .render.diff_text import render_diff

        render_diff(report)
    raise typer.Exit(1 if report.changed else 0)


def _kant(kant: str, spec: str, data: Path | None, profiel: str | None) -> GeladenProfiel:
    """Side A or B; a name that fits none or several says which side it is."""
    from .analyse.selectie import resolve_one
    from .errors import LookupFailed

    try:
        return resolve_one(spec, data, profiel, streng=True)
    except LookupFailed as exc:
        raise LookupFailed(_("{side}: {message}").format(side=kant, message=exc)) from None
