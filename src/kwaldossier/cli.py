"""Command line: a thin typer layer over the library. Heavy modules are imported per command."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path

import typer

app = typer.Typer(
    name="kwaldossier",
    help="Dutch MBO kwalificatiedossiers as typed data: parse, look up, validate and diff them.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        sys.stdout.write(f"kwaldossier {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Dutch MBO kwalificatiedossiers as typed data: parse, look up, validate and diff them."""


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


# ---------------------------------------------------------------- completion


def _complete_profiel(incomplete: str) -> list[str]:
    try:
        from .read import profile_names

        names = profile_names()
    except Exception:  # noqa: BLE001 - completion must never fail the shell
        return []
    words = {w for n in names for w in n.split()[-1:]}
    return sorted(w for w in words | set(names) if w.lower().startswith(incomplete.lower()))


def _complete_code(incomplete: str) -> list[str]:
    try:
        from .read import load_all

        codes = {wp.code for b in load_all(fast=True) for wp in b.profiel.werkprocessen()}
    except Exception:  # noqa: BLE001 - completion must never fail the shell
        return []
    return sorted(c for c in codes if c.startswith(incomplete))


def _complete_letter(incomplete: str) -> list[str]:
    from .model.competenties import LETTERS

    return [l for l in LETTERS if l.startswith(incomplete.upper())]


ProfielOpt = typer.Option(
    None, "--profiel", "-p", help="Profile: a unique part of its name, or a file.", autocompletion=_complete_profiel
)
DataOpt = typer.Option(None, "--data", help="Folder of dossiers to use instead of the bundled data.")
JsonOpt = typer.Option(False, "--json", help="Print JSON (stable schema, see README).")


# ---------------------------------------------------------------- parse / schema


@app.command()
def parse(
    files: list[Path] = typer.Argument(..., help="Dossier files (text, PDF) or folders of them."),
    as_json: bool = JsonOpt,
    out: Path | None = typer.Option(None, "--out", "-o", help="Write one JSON per input into this folder."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Parallel workers for --out (0: all cores)."),
) -> None:
    """Parse dossier text or PDF into the typed model."""
    from .read import dossier_json, load_file

    if out is not None:
        from .read.batch import parse_many

        raise typer.Exit(parse_many(files, out, jobs))
    if len(files) != 1:
        raise typer.BadParameter("several files need --out DIR", param_hint="FILES")
    dossier = load_file(files[0])
    if as_json:
        sys.stdout.write(dossier_json(dossier))
        return
    from .render import console

    c = console()
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


SCHEMAS = ("parse", "diff", "list", "show", "search", "matrix", "competentie")


@app.command()
def schema(
    name: str = typer.Argument("parse", help=f"Whose output: {', '.join(SCHEMAS)}."),
    as_json: bool = typer.Option(False, "--json", help="JSON (the schema is JSON already; for symmetry)."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write to this file."),
) -> None:
    """Print the JSON Schema of a command's --json output (default: parse, a Dossier)."""
    from .errors import LookupFailed

    if name not in SCHEMAS:
        raise LookupFailed(f"schema {name!r}: no such result; allowed: {', '.join(SCHEMAS)}")
    from .analyse.results import json_schema
    from .read import write_atomic

    text = json.dumps(json_schema(name), ensure_ascii=False, indent=2) + "\n"
    if out:
        write_atomic(out, text)
    else:
        sys.stdout.write(text)


# ---------------------------------------------------------------- look-ups


@app.command("list")
def list_(profiel: str | None = ProfielOpt, data: Path | None = DataOpt, as_json: bool = JsonOpt) -> None:
    """The kerntaken and werkprocessen, marking which each profile has."""
    from .analyse.query import tree
    from .read import select

    result = tree(select(profiel, data, fast=True))
    if as_json:
        return _print_json(result)
    from .render import render_tree

    render_tree(result)


@app.command()
def show(
    query: list[str] = typer.Argument(..., help="A werkproces code (2.5) or words of its title.", autocompletion=_complete_code),
    profiel: str | None = ProfielOpt,
    data: Path | None = DataOpt,
    as_json: bool = JsonOpt,
) -> None:
    """One werkproces in full, for every profile that has it."""
    from .analyse.query import find_werkproces
    from .read import select

    result = find_werkproces(select(profiel, data, fast=True), " ".join(query))
    if as_json:
        return _print_json(result)
    from .render import render_show

    render_show(result)


@app.command()
def search(
    terms: list[str] = typer.Argument(..., help="Words to find (all must occur)."),
    profiel: str | None = ProfielOpt,
    veld: str | None = typer.Option(None, "--in", help="Only this field, e.g. omschrijving, prestatie_indicator."),
    data: Path | None = DataOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Full-text search over every field, accent- and case-insensitive."""
    from .analyse.query import search as do_search
    from .read import select

    result = do_search(select(profiel, data, fast=True), terms, veld)
    if as_json:
        _print_json(result)
    else:
        from .render import render_search

        render_search(result)
    raise typer.Exit(0 if result["hits"] else 1)


@app.command()
def matrix(profiel: str | None = ProfielOpt, data: Path | None = DataOpt, as_json: bool = JsonOpt) -> None:
    """The proces-competentie-matrix; without --profiel all profiles in one grid."""
    from .analyse.query import matrix as do_matrix
    from .read import select

    result = do_matrix(select(profiel, data, fast=True))
    if as_json:
        return _print_json(result)
    from .render import render_matrix

    render_matrix(result)


@app.command()
def competentie(
    spec: str = typer.Argument(..., help="A letter A–Y or part of a competence name.", autocompletion=_complete_letter),
    profiel: str | None = ProfielOpt,
    data: Path | None = DataOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Where a competence is used, with componenten and indicators."""
    from .analyse.query import competentie as do_comp
    from .read import select

    result = do_comp(select(profiel, data, fast=True), spec)
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


@app.command()
def validate(
    files: list[str] | None = typer.Argument(None, help="Dossier files or profile names (default: bundled data)."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="text, json, github (annotations) or junit (XML)."),
    as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
    select_: list[str] | None = typer.Option(None, "--select", help="Only these rule codes (prefixes allowed)."),
    ignore: list[str] | None = typer.Option(None, "--ignore", help="Skip these rule codes (prefixes allowed)."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too."),
    data: Path | None = DataOpt,
) -> None:
    """Check dossiers against the rules; exit 1 when a finding is an error."""
    from .read import load_all, resolve
    from .validate import exit_code, run, select_rules

    rules = select_rules(_split(select_), _split(ignore))
    bronnen = [b for f in files for b in resolve(f, data)] if files else load_all(data)
    findings = run(bronnen, rules)
    dicts = [f.as_dict() for f in findings]
    if as_json:
        fmt = Format.json
    if fmt is Format.json:
        counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
        _print_json({"findings": dicts, "summary": {"profielen": len(bronnen), **counts}})
    elif fmt is Format.github:
        from .render import github_annotations

        text = github_annotations(dicts)
        if text:
            sys.stdout.write(text + "\n")
    elif fmt is Format.junit:
        from .render import junit_xml

        sys.stdout.write(junit_xml(dicts, rules) + "\n")
    else:
        from .render import render_findings

        render_findings(dicts, len(bronnen))
    raise typer.Exit(exit_code(findings, strict))


def _split(values: list[str] | None) -> list[str]:
    return [p.strip() for v in values or [] for p in v.split(",") if p.strip()]


@app.command()
def rules(code: str | None = typer.Argument(None, help="One rule code."), as_json: bool = JsonOpt) -> None:
    """List every validation rule, or explain one."""
    from .errors import LookupFailed
    from .validate import RULES

    chosen = list(RULES.values())
    if code:
        r = RULES.get(code.upper())
        if r is None:
            from difflib import get_close_matches

            close = get_close_matches(code.upper(), list(RULES), n=3)
            raise LookupFailed(f"no rule {code!r}" + (f"; closest: {', '.join(close)}" if close else ""))
        chosen = [r]
    if as_json:
        return _print_json(
            [{"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary, "docs": r.docs} for r in chosen]
        )
    from .render import render_rules

    render_rules(chosen, one=bool(code))


# ---------------------------------------------------------------- diff


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class Only(StrEnum):
    competenties = "competenties"
    vakkennis = "vakkennis"
    teksten = "teksten"


class MinImpact(StrEnum):
    redactioneel = "redactioneel"
    inhoudelijk = "inhoudelijk"
    structureel = "structureel"


@app.command()
def diff(
    a: str = typer.Argument(..., help="Profile name part or file (A).", autocompletion=_complete_profiel),
    b: str = typer.Argument(..., help="Profile name part or file (B).", autocompletion=_complete_profiel),
    fmt: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="text, json, markdown or html."),
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
    if fmt is DiffFormat.json:
        from .analyse.diff_json import to_json

        text = json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n"
    elif fmt is DiffFormat.markdown:
        from .render.diff_markdown import diff_markdown

        text = diff_markdown(report)
    elif fmt is DiffFormat.html:
        from .render.diff_html import diff_html

        text = diff_html(report)
    if text is not None:
        if out:
            write_atomic(out, text)
        else:
            sys.stdout.write(text)
    else:
        from .render.diff_text import render_diff

        render_diff(report)
    raise typer.Exit(1 if report.changed else 0)


# ---------------------------------------------------------------- entry point


def main() -> None:
    from .errors import KwaldossierError

    try:
        try:
            app()
        finally:
            sys.stdout.flush()
    except KwaldossierError as exc:
        sys.stderr.write(f"kwaldossier: error: {exc}\n")
        sys.exit(2)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:
        sys.stderr.write("kwaldossier: interrupted\n")
        sys.exit(2)
    except Exception as exc:  # no traceback for users; KWALDOSSIER_DEBUG=1 shows it
        if os.environ.get("KWALDOSSIER_DEBUG"):
            raise
        sys.stderr.write(f"kwaldossier: internal error: {type(exc).__name__}: {exc}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
