"""Command line: a thin typer layer over the library. Heavy modules are imported per command."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from .cli_support import (
    SETTINGS,
    JsonOpt,
    Shell,
    cache_app,
    completion_script,
    install_completion,
    run,
    show_completion,
)
from .cli_support import complete_code as _complete_code
from .cli_support import complete_field as _complete_field
from .cli_support import complete_letter as _complete_letter
from .cli_support import complete_profiel as _complete_profiel
from .cli_support import complete_rule as _complete_rule
from .cli_support import examples as _examples
from .export.commando import export_app, export_table  # typer commands only; heavy imports stay inside

app = typer.Typer(**SETTINGS)  # type: ignore[arg-type]
app.add_typer(cache_app, name="cache")


def _version(value: bool) -> None:
    if value:
        from . import __version__

        sys.stdout.write(f"kwaldossier {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Parse source files again instead of using the parse cache (see `cache info`)."
    ),
    show_script: Shell | None = typer.Option(
        None, "--show-completion", metavar="SHELL", callback=show_completion, is_eager=True, expose_value=False,
        help="Print the completion script for SHELL: bash, zsh, fish or powershell.",
    ),
    install_script: Shell | None = typer.Option(
        None, "--install-completion", metavar="SHELL", callback=install_completion, is_eager=True, expose_value=False,
        help="Install completion for SHELL: bash, zsh, fish or powershell.",
    ),
) -> None:
    """Dutch MBO kwalificatiedossiers as typed data: parse, look up, validate and diff them."""
    if no_cache or "kwaldossier.read.cache" in sys.modules:  # in-process runs: reset per invocation
        from .read import cache

        cache.use(not no_cache)


def _short(text: str, hint: str, limit: int = 1000) -> str:
    """Words to look up are short: a megabyte argument would only make the fuzzy matching slow."""
    if len(text) > limit:
        raise typer.BadParameter(f"{len(text):,} characters; at most {limit:,}", param_hint=hint)
    return text


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


ProfielOpt = typer.Option(
    None,
    "--profiel",
    "-p",
    help="Profile: a unique part of its name, naam@file, or a file (- for standard input).",
    autocompletion=_complete_profiel,
)
DataOpt = typer.Option(None, "--data", help="Folder of dossiers to use instead of the bundled data.")


# ---------------------------------------------------------------- parse / schema


@app.command(
    epilog=_examples(
        "kwaldossier parse dossier.pdf --json > dossier.json",
        "kwaldossier parse data/raw --out parsed/ --jobs 2",
        "pdftotext -layout dossier.pdf - | kwaldossier parse - --json",
    )
)
def parse(
    files: list[Path] = typer.Argument(..., help="Dossier files (text, PDF), folders of them, or - (standard input)."),
    as_json: bool = JsonOpt,
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Write one JSON per input into this folder (created if missing; its parent must exist)."
    ),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Parallel workers for --out (0: all cores)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="With --out: no summary line (errors are still printed)."),
) -> None:
    """Parse dossier text or PDF into the typed model."""
    from .read import dossier_json, load_file

    if jobs < 0:
        raise typer.BadParameter(f"{jobs}: expected 0 (all cores) or a positive number of workers", param_hint="--jobs")
    if out is not None:
        from .read.batch import parse_many

        if any(str(f) == "-" for f in files):
            raise typer.BadParameter("- (standard input) cannot be parsed into --out; use --json", param_hint="FILES")
        raise typer.Exit(parse_many(files, out, jobs, quiet))
    if len(files) != 1:
        raise typer.BadParameter("several files need --out DIR", param_hint="FILES")
    dossier = load_file(files[0])
    if as_json:
        sys.stdout.write(dossier_json(dossier))
        return
    from .render import console

    c = console()
    if dossier.model == "2015":
        from .render.sbb2015 import render_parse_2015

        return render_parse_2015(c, dossier)
    for p in dossier.profielen:
        wps = list(p.werkprocessen())
        have = [wp.code for wp in wps if wp.in_profiel]
        c.print(f"{p.naam} (niveau {p.niveau}): {len(p.kerntaken)} kerntaken, {len(wps)} werkprocessen, {len(have)} in profiel: {' '.join(have)}")
    r = dossier.regelverantwoording
    c.print(
        f"{r.totaal} lines: {r.model} model, {r.label} label, {r.opmaak} page furniture, {r.leeg} blank, {r.onverwerkt} not placed"
    )
    for u in dossier.onverwerkte_regels:
        c.print(f"  not placed: line {u.regel}: {u.tekst.strip()}")


SCHEMAS = ("parse", "diff", "list", "show", "search", "matrix", "competentie", "validate", "rules")


@app.command(epilog=_examples("kwaldossier schema > dossier.schema.json", "kwaldossier schema diff", "kwaldossier schema validate"))
def schema(
    name: str = typer.Argument("parse", help=f"Whose output: {', '.join(SCHEMAS)}."),
    as_json: bool = typer.Option(False, "--json", help="JSON (the schema is JSON already; for symmetry)."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write to this file."),
) -> None:
    """Print the JSON Schema of a command's --json output (default: parse, a Dossier)."""
    from .errors import LookupFailed

    if name not in SCHEMAS:
        raise LookupFailed(f"schema {name!r}: no such result; allowed: {', '.join(SCHEMAS)}")
    from .read import write_atomic

    if name in ("validate", "rules"):
        from .validate.report import json_schemas

        result = json_schemas()[name]
    else:
        from .analyse.results import json_schema

        result = json_schema(name)
    text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    if out:
        write_atomic(out, text)
    else:
        sys.stdout.write(text)


# ---------------------------------------------------------------- look-ups


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


OutOpt = typer.Option(None, "--out", "-o", help="Write to this file (atomically); needed for xlsx at a terminal.")
SepOpt = typer.Option(";", "--sep", help="CSV separator: ';' (Excel-NL, default), ',' or 'tab'.")


@app.command("list", epilog=_examples("kwaldossier list", "kwaldossier list --profiel binnendienst --json"))
def list_(
    profiel: str | None = ProfielOpt,
    data: Path | None = DataOpt,
    as_json: bool = JsonOpt,
    fmt: TableFormat = typer.Option(TableFormat.text, "--format", "-f", help="text, json, xlsx or csv."),
    out: Path | None = OutOpt,
    sep: str = SepOpt,
) -> None:
    """The kerntaken and werkprocessen, marking which each profile has."""
    from .analyse.query import tree
    from .read import select

    result = tree(select(profiel, data, fast=True))
    if fmt in (TableFormat.xlsx, TableFormat.csv):
        from .render.tabellen import lijst_blad

        return export_table(fmt.value, out, sep, lambda: [lijst_blad(result)], lambda: lijst_blad(result))
    if out is not None:
        raise typer.BadParameter("--out writes a file: add --format xlsx or csv", param_hint="--out")
    if as_json or fmt is TableFormat.json:
        return _print_json(result)
    from .render import render_tree

    render_tree(result)


@app.command(
    epilog=_examples(
        "kwaldossier show 2.5", "kwaldossier show offertes maken", "kwaldossier show 1.1 --profiel dossier.pdf --json"
    )
)
def show(
    query: list[str] = typer.Argument(..., help="A werkproces code (2.5) or words of its title.", autocompletion=_complete_code),
    profiel: str | None = ProfielOpt,
    data: Path | None = DataOpt,
    as_json: bool = JsonOpt,
) -> None:
    """One werkproces in full, for every profile that has it."""
    from .analyse.query import find_werkproces
    from .read import select

    result = find_werkproces(select(profiel, data, fast=True), _short(" ".join(query), "QUERY"))
    if as_json:
        return _print_json(result)
    from .render import render_show

    render_show(result)


@app.command(
    epilog=_examples("kwaldossier search klant offerte", "kwaldossier search klacht --in prestatie_indicator --json")
)
def search(
    terms: list[str] = typer.Argument(..., help="Words to find (all must occur)."),
    profiel: str | None = ProfielOpt,
    veld: str | None = typer.Option(
        None, "--in", help="Only this field, e.g. omschrijving, prestatie_indicator.", autocompletion=_complete_field
    ),
    data: Path | None = DataOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Full-text search over every field, accent- and case-insensitive."""
    from .analyse.query import search as do_search
    from .read import select

    result = do_search(select(profiel, data, fast=True), [_short(t, "TERMS") for t in terms], veld)
    if as_json:
        _print_json(result)
    else:
        from .render import render_search

        render_search(result)
    raise typer.Exit(0 if result["hits"] else 1)


@app.command(epilog=_examples("kwaldossier matrix", "kwaldossier matrix --profiel buitendienst --json"))
def matrix(
    profiel: str | None = ProfielOpt,
    data: Path | None = DataOpt,
    as_json: bool = JsonOpt,
    fmt: MatrixFormat = typer.Option(MatrixFormat.text, "--format", "-f", help="text, json, xlsx, csv or svg (heat-map)."),
    out: Path | None = OutOpt,
    sep: str = SepOpt,
) -> None:
    """The proces-competentie-matrix; without --profiel all profiles in one grid."""
    from .analyse.query import matrix as do_matrix
    from .read import select

    bronnen = select(profiel, data, fast=True)
    result = do_matrix(bronnen)
    if fmt in (MatrixFormat.xlsx, MatrixFormat.csv):
        from .render.tabellen import matrix_bladen, matrix_csv

        return export_table(fmt.value, out, sep, lambda: matrix_bladen(result, bronnen), lambda: matrix_csv(result, bronnen))
    if fmt is MatrixFormat.svg:
        from .export.uitvoer import lever
        from .render.svg import heatmap_svg

        return lever(heatmap_svg(bronnen).encode("utf-8"), out, fmt.value)
    if out is not None:
        raise typer.BadParameter("--out writes a file: add --format xlsx, csv or svg", param_hint="--out")
    if as_json or fmt is MatrixFormat.json:
        return _print_json(result)
    from .render import render_matrix

    render_matrix(result)


@app.command(epilog=_examples("kwaldossier competentie H", "kwaldossier competentie overtuigen --json"))
def competentie(
    spec: str = typer.Argument(..., help="A letter A–Y or part of a competence name.", autocompletion=_complete_letter),
    profiel: str | None = ProfielOpt,
    data: Path | None = DataOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Where a competence is used, with componenten and indicators."""
    from .analyse.query import competentie as do_comp
    from .read import select

    letter = spec.strip()
    if len(letter) == 1 and letter.upper() not in "ABCDEFGHIJKLMNOPQRSTUVWXY":
        raise typer.BadParameter(f"{spec!r} is not a competence letter: use A–Y or part of a name", param_hint="SPEC")

    result = do_comp(select(profiel, data, fast=True), _short(spec, "SPEC"))
    if as_json:
        return _print_json(result)
    from .render import render_competentie

    render_competentie(result)


# ---------------------------------------------------------------- validate


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


@app.command(
    epilog=_examples(
        "kwaldossier validate",
        "kwaldossier validate dossier.pdf --format github",
        "kwaldossier validate parsed/*.json --select KD2 --ignore KD205 --format junit > junit.xml",
        "kwaldossier validate dossier.json -q && echo clean",
    )
)
def validate(
    files: list[str] | None = typer.Argument(None, help="Dossier files or profile names (default: bundled data)."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="text, json, github (annotations) or junit (XML)."),
    as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
    select_: list[str] | None = typer.Option(
        None, "--select", help="Only these rule codes (prefixes allowed).", autocompletion=_complete_rule
    ),
    ignore: list[str] | None = typer.Option(
        None, "--ignore", help="Skip these rule codes (prefixes allowed).", autocompletion=_complete_rule
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing: only the exit code tells."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too."),
    data: Path | None = DataOpt,
) -> None:
    """Check dossiers against the rules; exit 1 when a finding is an error."""
    from .read import load_all, resolve
    from .validate import exit_code, run, select_rules
    from .validate.report import build_report

    rules = select_rules(_split(select_), _split(ignore))
    bronnen = [b for f in files for b in resolve(f, data)] if files else load_all(data)
    report = build_report(run(bronnen, rules), bronnen, rules)
    if as_json:
        fmt = Format.json
    from .render import findings as emit

    if quiet:
        pass
    elif fmt is Format.json:
        sys.stdout.write(emit.findings_json(report))
    elif fmt is Format.github:
        text = emit.github_annotations(report)
        if text:
            sys.stdout.write(text + "\n")
    elif fmt is Format.junit:
        sys.stdout.write(emit.junit_xml(report) + "\n")
    else:
        emit.render_findings(report)
    raise typer.Exit(exit_code(report.findings, strict))


def _split(values: list[str] | None) -> list[str]:
    return [p.strip() for v in values or [] for p in v.split(",") if p.strip()]


@app.command(epilog=_examples("kwaldossier rules", "kwaldossier rules KD201"))
def rules(
    code: str | None = typer.Argument(None, help="One rule code.", autocompletion=_complete_rule), as_json: bool = JsonOpt
) -> None:
    """List every validation rule, or explain one."""
    from .errors import LookupFailed
    from .validate import RETIRED, RULES

    chosen = list(RULES.values())
    if code:
        r = RULES.get(code.upper())
        if r is None and code.upper() in RETIRED:
            raise LookupFailed(f"{code.upper()} {RETIRED[code.upper()]}")
        if r is None:
            from difflib import get_close_matches

            close = get_close_matches(code.upper(), list(RULES), n=3)
            raise LookupFailed(f"no rule {code!r}" + (f"; closest: {', '.join(close)}" if close else ""))
        chosen = [r]
    from .render import findings as emit

    if as_json:
        sys.stdout.write(emit.rules_json(chosen))
        return
    emit.render_rules(chosen, one=bool(code))


# ---------------------------------------------------------------- diff


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


@app.command(
    epilog=_examples(
        "kwaldossier diff binnendienst buitendienst",
        "kwaldossier diff old.pdf new.pdf --profiel binnendienst --summary",
        "kwaldossier diff binnendienst buitendienst -w 2.5 --format html --out diff.html",
    )
)
def diff(
    a: str = typer.Argument(..., help="Profile name part or file (A).", autocompletion=_complete_profiel),
    b: str = typer.Argument(..., help="Profile name part or file (B).", autocompletion=_complete_profiel),
    fmt: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="text, json, markdown, html, xlsx or csv."),
    as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
    summary: bool = typer.Option(False, "--summary", help="Only the summary tables (every format)."),
    kerntaak: str | None = typer.Option(None, "--kerntaak", "-k", help="Only this kerntaak."),
    werkproces: str | None = typer.Option(None, "--werkproces", "-w", help="Only this werkproces.", autocompletion=_complete_code),
    only: Only | None = typer.Option(None, "--only", help="Only competenties, vakkennis or teksten."),
    min_impact: MinImpact | None = typer.Option(
        None, "--min-impact", help="Hide changes below this grade: redactioneel, inhoudelijk or structureel."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write the report to this file."),
    profiel: str | None = typer.Option(
        None, "--profiel", "-p", help="In files with several profiles, compare this one.", autocompletion=_complete_profiel
    ),
    data: Path | None = DataOpt,
    sep: str = SepOpt,
) -> None:
    """Compare two profiles, or two versions of one. Exit 0 same, 1 different."""
    from .analyse.diff import diff as do_diff
    from .read import resolve_one, write_atomic

    if out is not None and fmt is DiffFormat.text and not as_json:
        raise typer.BadParameter("--out writes a report: add --format markdown, html or json", param_hint="--out")
    bron_a, bron_b = resolve_one(a, data, profiel), resolve_one(b, data, profiel)
    report = do_diff(
        bron_a, bron_b, kerntaak, werkproces, only.value if only else None, min_impact.value if min_impact else None
    )
    report.summary = summary
    if as_json:
        fmt = DiffFormat.json
    text = None
    if fmt in (DiffFormat.xlsx, DiffFormat.csv):
        from .render.diffrijen import diff_rijen
        from .render.tabellen import diff_blad

        blad = diff_blad(diff_rijen(report), bron_a.label, bron_b.label)
        export_table(fmt.value, out, sep, lambda: [blad], lambda: blad)
        raise typer.Exit(1 if report.changed else 0)
    if fmt is DiffFormat.json:
        from .analyse.diff_json import to_json

        text = json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n"
    elif fmt is DiffFormat.markdown:
        from .render.diff_markdown import diff_markdown

        text = diff_markdown(report)
    elif fmt is DiffFormat.html:
        from .render.diff_html import diff_html

        text = diff_html(report, [bron_a, bron_b])
    if text is not None:
        if out:
            write_atomic(out, text)
        else:
            sys.stdout.write(text)
    else:
        from .render.diff_text import render_diff

        render_diff(report)
    raise typer.Exit(1 if report.changed else 0)


# ---------------------------------------------------------------- export

app.add_typer(export_app, name="export")


@app.command(epilog=_examples("kwaldossier completion zsh > ~/.zfunc/_kwaldossier", "eval \"$(kwaldossier completion bash)\""))
def completion(shell: Shell = typer.Argument(..., help="bash, zsh, fish or powershell.")) -> None:
    """Print the shell completion script for SHELL (profiles, werkproces codes, rule codes, fields)."""
    sys.stdout.write(completion_script(shell) + "\n")


def main() -> None:
    run(app)


if __name__ == "__main__":
    main()
