"""Parsing and checking: parse, schema, validate and rules (registered by cli.py)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .cli_support import DataOpt, JsonOpt, report_path, write_utf8
from .cli_support import complete_rule as _complete_rule
from .cli_support import examples as _examples
from .taal import N_, _

if TYPE_CHECKING:
    from rich.console import Console

    from .model.vorm import DossierVorm

commands = typer.Typer()


@commands.command(
    help=N_("Parse a dossier (2012 text or PDF, 2015 SBB XML) into the typed model."),
    epilog=_examples(
        "kwaldossier parse dossier.pdf --json > dossier.json",
        "kwaldossier parse data/raw --out parsed/ --jobs 2",
        "pdftotext -layout dossier.pdf - | kwaldossier parse - --json",
    ),
)
def parse(
    files: list[Path] = typer.Argument(
        ..., help=N_("Dossier files (text, PDF, SBB XML), folders of them, or - (standard input).")
    ),
    as_json: bool = JsonOpt,
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help=N_("Write one JSON per input into this folder (created if missing; its parent must exist)."),
    ),
    jobs: int = typer.Option(0, "--jobs", "-j", help=N_("Parallel workers for --out (0: all cores).")),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help=N_("With --out: no summary line (errors are still printed).")
    ),
) -> None:
    from .analyse.selectie import dossier_keuze, kies_uit
    from .model.contract import dossiers_json_stukken
    from .read.laden import load_dossiers

    if jobs < 0:
        raise typer.BadParameter(
            _("{jobs}: expected 0 (all cores) or a positive number of workers").format(jobs=jobs), param_hint="--jobs"
        )
    if out is not None:
        from .read.batch import parse_many

        if any(str(f) == "-" for f in files):
            raise typer.BadParameter(
                _("- (standard input) cannot be parsed into --out; use --json"), param_hint="FILES"
            )
        raise typer.Exit(parse_many(files, out, jobs, quiet))
    if len(files) != 1:
        raise typer.BadParameter(_("several files need --out DIR"), param_hint="FILES")
    if as_json and dossier_keuze() is None:
        from .read.laden import source_json

        data = source_json(files[0])  # a cached file: its stored JSON as it is
        if data is not None:
            return write_utf8(data)
    dossiers = kies_uit(load_dossiers(files[0]), bron=str(files[0]))
    if as_json:
        return write_utf8(dossiers_json_stukken(dossiers))
    from .render.console import console

    c = console()
    for dossier in dossiers:
        _samenvatting(c, dossier)


def _samenvatting(c: Console, dossier: DossierVorm) -> None:
    """The human summary of one parsed dossier."""
    if dossier.model == "2015":
        from .render.sbb2015 import render_parse_2015

        return render_parse_2015(c, dossier)
    for p in dossier.profielen:
        wps = list(p.werkprocessen())
        have = [wp.code for wp in wps if wp.in_profiel]
        c.print(
            _("{naam} (niveau {niveau}): {kt} kerntaken, {wp} werkprocessen, {n} in profiel: {codes}").format(
                naam=p.naam, niveau=p.niveau, kt=len(p.kerntaken), wp=len(wps), n=len(have), codes=" ".join(have)
            )
        )
    r = dossier.regelverantwoording
    c.print(
        _(
            "{totaal} lines: {model} model, {label} label, {opmaak} page furniture, {leeg} blank, {onverwerkt} not placed"
        ).format(totaal=r.totaal, model=r.model, label=r.label, opmaak=r.opmaak, leeg=r.leeg, onverwerkt=r.onverwerkt)
    )
    for u in dossier.onverwerkte_regels:
        c.print("  " + _("not placed: line {regel}: {tekst}").format(regel=u.regel, tekst=u.tekst.strip()))


SCHEMAS = ("parse", "diff", "list", "show", "search", "matrix", "competentie", "validate", "rules")


@commands.command(
    help=N_("Print the JSON Schema of a command's --json output (default: parse, a Dossier)."),
    epilog=_examples(
        "kwaldossier schema > dossier.schema.json", "kwaldossier schema diff", "kwaldossier schema validate"
    ),
)
def schema(
    name: str = typer.Argument(
        "parse", help=N_("Whose output: parse, diff, list, show, search, matrix, competentie, validate, rules.")
    ),
    as_json: bool = typer.Option(  # noqa: ARG001 - --json accepted for symmetry: the output is JSON anyway
        False, "--json", help=N_("JSON (the schema is JSON already; for symmetry).")
    ),
    out: Path | None = typer.Option(None, "--out", "-o", parser=report_path, help=N_("Write to this file.")),
) -> None:
    from .errors import LookupFailed

    if name not in SCHEMAS:
        raise LookupFailed(
            _("schema {name}: no such result; allowed: {allowed}").format(name=repr(name), allowed=", ".join(SCHEMAS))
        )
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


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


@commands.command(
    help=N_("Check dossiers against the rules; exit 1 when a finding is an error."),
    epilog=_examples(
        "kwaldossier validate",
        "kwaldossier validate dossier.pdf --format github",
        "kwaldossier validate parsed/*.json --select KD2 --ignore KD205 --format junit > junit.xml",
        "kwaldossier validate dossier.json -q && echo clean",
    ),
)
def validate(  # noqa: PLR0913 - typer: one parameter a command-line option
    *,
    files: list[str] | None = typer.Argument(None, help=N_("Dossier files or profile names (default: bundled data).")),
    fmt: Format = typer.Option(
        Format.text, "--format", "-f", help=N_("text, json, github (annotations) or junit (XML).")
    ),
    as_json: bool = typer.Option(False, "--json", help=N_("Same as --format json.")),
    select_: list[str] | None = typer.Option(
        None, "--select", help=N_("Only these rule codes (prefixes allowed)."), autocompletion=_complete_rule
    ),
    ignore: list[str] | None = typer.Option(
        None, "--ignore", help=N_("Skip these rule codes (prefixes allowed)."), autocompletion=_complete_rule
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=N_("Print nothing: only the exit code tells.")),
    strict: bool = typer.Option(False, "--strict", help=N_("Warnings fail too.")),
    data: Path | None = DataOpt,
) -> None:
    from .analyse.selectie import load_all, resolve
    from .validate import exit_code, run, select_rules
    from .validate.report import build_report

    rules = select_rules(_split(select_), _split(ignore))
    geladen = [b for f in files for b in resolve(f, data, streng=True)] if files else load_all(data, streng=True)
    report = build_report(run(geladen, rules), geladen, rules)
    if as_json:
        fmt = Format.json
    from .render import findings as emit

    if quiet:
        pass
    elif fmt is Format.json:
        sys.stdout.write(emit.findings_json(report))
    elif fmt is Format.github:
        from .render.schoon import schoon

        text = emit.github_annotations(report)
        if text:
            sys.stdout.write(schoon(text) + "\n")
    elif fmt is Format.junit:
        from .render.schoon import schoon

        sys.stdout.write(schoon(emit.junit_xml(report, strict)) + "\n")
    else:
        emit.render_findings(report)
    raise typer.Exit(exit_code(report.findings, strict))


def _split(values: list[str] | None) -> list[str]:
    return [p.strip() for v in values or [] for p in v.split(",") if p.strip()]


@commands.command(
    help=N_("List every validation rule, or explain one (a retired one too)."),
    epilog=_examples("kwaldossier rules", "kwaldossier rules KD201", "kwaldossier rules KD205"),
)
def rules(
    code: str | None = typer.Argument(None, help=N_("One rule code."), autocompletion=_complete_rule),
    as_json: bool = JsonOpt,
) -> None:
    from .errors import LookupFailed
    from .validate import RETIRED, RULES

    chosen = list(RULES.values())
    if code:
        r = RULES.get(code.upper())
        if r is None and code.upper() in RETIRED:  # explained, not an error; no rule runs under it
            from .render.findings import render_retired

            if as_json:
                sys.stdout.write("[]\n")
                return
            return render_retired(code.upper(), RETIRED[code.upper()])
        if r is None:
            from difflib import get_close_matches

            close = get_close_matches(code.upper(), list(RULES), n=3)
            message = _("no rule {code}").format(code=repr(code))
            raise LookupFailed(message + ("; " + _("closest: {codes}").format(codes=", ".join(close)) if close else ""))
        chosen = [r]
    from .render import findings as emit

    if as_json:
        sys.stdout.write(emit.rules_json(chosen))
        return
    emit.render_rules(chosen, one=bool(code))
