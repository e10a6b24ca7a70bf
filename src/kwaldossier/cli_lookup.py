"""The look-ups: list, show, search, matrix and competentie (registered by cli.py)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from .cli_support import DataOpt, JsonOpt, OutOpt, ProfielOpt, SepOpt, print_json, short
from .cli_support import complete_code as _complete_code
from .cli_support import complete_field as _complete_field
from .cli_support import complete_letter as _complete_letter
from .cli_support import examples as _examples
from .taal import N_, _

commands = typer.Typer()


class TableFormat(StrEnum):
    text = "text"
    json = "json"
    xlsx = "xlsx"
    csv = "csv"


class MatrixFormat(StrEnum):
    text = "text"
    json = "json"
    xlsx = "xlsx"
    csv = "csv"
    svg = "svg"


@commands.command(
    "list",
    help=N_("The kerntaken and werkprocessen, marking which each profile has."),
    epilog=_examples("kwaldossier list", "kwaldossier list --profiel binnendienst --json"),
)
def list_(  # noqa: PLR0913 - typer: one parameter a command-line option
    *,
    profiel: str | None = ProfielOpt,
    data: Path | None = DataOpt,
    as_json: bool = JsonOpt,
    fmt: TableFormat = typer.Option(TableFormat.text, "--format", "-f", help=N_("text, json, xlsx or csv.")),
    out: Path | None = OutOpt,
    sep: str = SepOpt,
) -> None:
    from .analyse.query import tree
    from .analyse.selectie import select

    result = tree(select(profiel, data))
    if fmt in (TableFormat.xlsx, TableFormat.csv):
        from .export.commando import export_table
        from .render.tabellen import lijst_blad, lijst_bladen

        return export_table(fmt.value, out, sep, lambda: lijst_bladen(result), lambda: lijst_blad(result))
    if out is not None:
        raise typer.BadParameter(_("--out writes a file: add --format xlsx or csv"), param_hint="--out")
    if as_json or fmt is TableFormat.json:
        return print_json(result)
    from .render.terminal import render_tree

    render_tree(result)


@commands.command(
    help=N_("One werkproces in full, for every profile that has it."),
    epilog=_examples(
        "kwaldossier show 2.5", "kwaldossier show offertes maken", "kwaldossier show 1.1 --profiel dossier.pdf --json"
    ),
)
def show(
    query: list[str] = typer.Argument(
        ..., help=N_("A werkproces code (2.5) or words of its title."), autocompletion=_complete_code
    ),
    profiel: str | None = ProfielOpt,
    data: Path | None = DataOpt,
    as_json: bool = JsonOpt,
) -> None:
    from .analyse.query import find_werkproces
    from .analyse.selectie import select

    result = find_werkproces(select(profiel, data), short(" ".join(query), "QUERY"))
    if as_json:
        return print_json(result)
    from .render.terminal import render_show

    render_show(result)


@commands.command(
    help=N_("Full-text search over every field, accent- and case-insensitive."),
    epilog=_examples("kwaldossier search klant offerte", "kwaldossier search klacht --in prestatie_indicator --json"),
)
def search(
    terms: list[str] = typer.Argument(..., help=N_("Words to find (all must occur).")),
    profiel: str | None = ProfielOpt,
    veld: str | None = typer.Option(
        None,
        "--in",
        help=N_(
            "Only this field: titel, omschrijving, gewenst_resultaat, vakkennis_en_vaardigheden, competentie, "
            "componenten, prestatie_indicator, algemene_informatie; 2015 model also resultaat, gedrag, kerntaak."
        ),
        autocompletion=_complete_field,
    ),
    data: Path | None = DataOpt,
    as_json: bool = JsonOpt,
) -> None:
    from .analyse.selectie import select
    from .analyse.zoeken import search as do_search

    result = do_search(select(profiel, data), [short(t, "TERMS") for t in terms], veld)
    if as_json:
        print_json(result)
    else:
        from .render.zoekresultaat import render_search

        render_search(result)
    raise typer.Exit(0 if result["hits"] else 1)


@commands.command(
    help=N_("The proces-competentie-matrix; without --profiel all profiles in one grid."),
    epilog=_examples("kwaldossier matrix", "kwaldossier matrix --profiel buitendienst --json"),
)
def matrix(  # noqa: PLR0913 - typer: one parameter a command-line option
    *,
    profiel: str | None = ProfielOpt,
    data: Path | None = DataOpt,
    as_json: bool = JsonOpt,
    fmt: MatrixFormat = typer.Option(
        MatrixFormat.text, "--format", "-f", help=N_("text, json, xlsx, csv or svg (heat-map).")
    ),
    out: Path | None = OutOpt,
    sep: str = SepOpt,
) -> None:
    from .analyse.query import matrix as do_matrix
    from .analyse.selectie import select

    geladen = select(profiel, data)
    result = do_matrix(geladen)
    if fmt in (MatrixFormat.xlsx, MatrixFormat.csv):
        from .export.commando import export_table
        from .render.tabellen import matrix_bladen, matrix_csv

        return export_table(
            fmt.value, out, sep, lambda: matrix_bladen(result, geladen), lambda: matrix_csv(result, geladen)
        )
    if fmt is MatrixFormat.svg:
        from .export.uitvoer import lever
        from .render.schoon import schoon
        from .render.svg import heatmap_svg

        return lever(schoon(heatmap_svg(geladen)).encode("utf-8"), out, fmt.value)
    if out is not None:
        raise typer.BadParameter(_("--out writes a file: add --format xlsx, csv or svg"), param_hint="--out")
    if as_json or fmt is MatrixFormat.json:
        return print_json(result)
    from .render import render_matrix

    render_matrix(result)


@commands.command(
    help=N_("Where a competence is used, with componenten and indicators."),
    epilog=_examples("kwaldossier competentie H", "kwaldossier competentie overtuigen --json"),
)
def competentie(
    spec: str = typer.Argument(
        ..., help=N_("A letter A–Y or part of a competence name."), autocompletion=_complete_letter
    ),
    profiel: str | None = ProfielOpt,
    data: Path | None = DataOpt,
    as_json: bool = JsonOpt,
) -> None:
    from .analyse.query import competentie as do_comp
    from .analyse.selectie import select

    letter = spec.strip()
    if len(letter) == 1 and letter.upper() not in "ABCDEFGHIJKLMNOPQRSTUVWXY":
        raise typer.BadParameter(
            _("{value} is not a competence letter: use A–Y or part of a name").format(value=repr(spec)),
            param_hint="SPEC",
        )

    result = do_comp(select(profiel, data), short(spec, "SPEC"))
    if as_json:
        return print_json(result)
    from .render import render_competentie

    render_competentie(result)
