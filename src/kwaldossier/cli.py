"""Command line: a thin typer layer over the library. Heavy modules are imported per command."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path

import typer

_SETTINGS = {
    "name": "kwaldossier",
    "help": "Dutch MBO kwalificatiedossiers as typed data: parse, look up, validate and diff them.",
    "no_args_is_help": True,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
    "context_settings": {"help_option_names": ["-h", "--help"]},
    "add_completion": False,  # ours below take the shell as an argument instead of guessing it
    "epilog": (
        "\b\nExamples:\n  kwaldossier show 2.5\n  kwaldossier search offerte --in omschrijving\n"
        "  kwaldossier diff binnendienst buitendienst\n  kwaldossier parse dossier.pdf --out parsed/\n"
        "  kwaldossier validate dossier.pdf --format github\n\n"
        "A FILE can be - (standard input). Exit codes: 0 ok/same, 1 findings/differences, 2 trouble."
    ),
}
app = typer.Typer(**_SETTINGS)  # type: ignore[arg-type]


def _examples(*lines: str) -> str:
    """An epilog that click prints as written (\\b: no re-wrapping)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        sys.stdout.write(f"kwaldossier {__version__}\n")
        raise typer.Exit(0)


class Shell(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"


def _completion_script(shell: Shell) -> str:
    from typer._completion_classes import completion_init
    from typer._completion_shared import get_completion_script

    completion_init()
    return get_completion_script(prog_name="kwaldossier", complete_var=COMPLETE_VAR, shell=shell.value)


COMPLETE_VAR = "_KWALDOSSIER_COMPLETE"


def _show_completion(value: Shell | None) -> None:
    if value:
        sys.stdout.write(_completion_script(value) + "\n")
        raise typer.Exit(0)


def _install_completion(value: Shell | None) -> None:
    if value:
        from typer._completion_classes import completion_init
        from typer._completion_shared import install

        completion_init()
        shell, path = install(shell=value.value, prog_name="kwaldossier", complete_var=COMPLETE_VAR)
        sys.stdout.write(f"{shell} completion installed in {path}; it works in a new shell\n")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Parse source files again instead of using the parse cache (see `cache info`)."
    ),
    show_completion: Shell | None = typer.Option(
        None, "--show-completion", metavar="SHELL", callback=_show_completion, is_eager=True, expose_value=False,
        help="Print the completion script for SHELL: bash, zsh, fish or powershell.",
    ),
    install_completion: Shell | None = typer.Option(
        None, "--install-completion", metavar="SHELL", callback=_install_completion, is_eager=True, expose_value=False,
        help="Install completion for SHELL: bash, zsh, fish or powershell.",
    ),
) -> None:
    """Dutch MBO kwalificatiedossiers as typed data: parse, look up, validate and diff them."""
    if no_cache or "kwaldossier.read.cache" in sys.modules:  # in-process runs: reset per invocation
        from .read import cache

        cache.use(not no_cache)


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


def _complete_rule(incomplete: str) -> list[str]:
    try:
        from .validate import RULES

        codes = list(RULES)
    except Exception:  # noqa: BLE001 - completion must never fail the shell
        return []
    return sorted(c for c in codes if c.startswith(incomplete.upper()))


def _complete_field(incomplete: str) -> list[str]:
    from .analyse.query import FIELDS

    return [f for f in FIELDS if f.startswith(incomplete.lower())]


ProfielOpt = typer.Option(
    None,
    "--profiel",
    "-p",
    help="Profile: a unique part of its name, naam@file, or a file (- for standard input).",
    autocompletion=_complete_profiel,
)
DataOpt = typer.Option(None, "--data", help="Folder of dossiers to use instead of the bundled data.")
JsonOpt = typer.Option(False, "--json", help="Print JSON (stable schema, see README).")


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


@app.command(epilog=_examples("kwaldossier schema > dossier.schema.json"))
def schema(
    out: Path | None = typer.Option(None, "--out", "-o", help="Write to this file."),
    as_json: bool = typer.Option(False, "--json", help="Accepted for uniformity: the output is JSON already."),
) -> None:
    """Print the JSON Schema of the parse output (a Dossier)."""
    from .model.dossier import Dossier
    from .read import write_atomic

    text = json.dumps(Dossier.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if out:
        write_atomic(out, text)
    else:
        sys.stdout.write(text)


# ---------------------------------------------------------------- look-ups


@app.command("list", epilog=_examples("kwaldossier list", "kwaldossier list --profiel binnendienst --json"))
def list_(profiel: str | None = ProfielOpt, data: Path | None = DataOpt, as_json: bool = JsonOpt) -> None:
    """The kerntaken and werkprocessen, marking which each profile has."""
    from .analyse.query import tree
    from .read import select

    result = tree(select(profiel, data, fast=True))
    if as_json:
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

    result = find_werkproces(select(profiel, data, fast=True), " ".join(query))
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

    result = do_search(select(profiel, data, fast=True), terms, veld)
    if as_json:
        _print_json(result)
    else:
        from .render import render_search

        render_search(result)
    raise typer.Exit(0 if result["hits"] else 1)


@app.command(epilog=_examples("kwaldossier matrix", "kwaldossier matrix --profiel buitendienst --json"))
def matrix(profiel: str | None = ProfielOpt, data: Path | None = DataOpt, as_json: bool = JsonOpt) -> None:
    """The proces-competentie-matrix; without --profiel all profiles in one grid."""
    from .analyse.query import matrix as do_matrix
    from .read import select

    result = do_matrix(select(profiel, data, fast=True))
    if as_json:
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

    rules = select_rules(_split(select_), _split(ignore))
    bronnen = [b for f in files for b in resolve(f, data)] if files else load_all(data)
    findings = run(bronnen, rules)
    dicts = [f.as_dict() for f in findings]
    if as_json:
        fmt = Format.json
    if quiet:
        pass
    elif fmt is Format.json:
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


@app.command(epilog=_examples("kwaldossier rules", "kwaldossier rules KD201"))
def rules(
    code: str | None = typer.Argument(None, help="One rule code.", autocompletion=_complete_rule), as_json: bool = JsonOpt
) -> None:
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
    fmt: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="text, json, markdown or html."),
    as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
    summary: bool = typer.Option(False, "--summary", help="Only the summary tables."),
    kerntaak: str | None = typer.Option(None, "--kerntaak", "-k", help="Only this kerntaak."),
    werkproces: str | None = typer.Option(None, "--werkproces", "-w", help="Only this werkproces.", autocompletion=_complete_code),
    only: Only | None = typer.Option(None, "--only", help="Only competenties, vakkennis or teksten."),
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
    result = do_diff(bron_a, bron_b, kerntaak, werkproces, only.value if only else None)
    if as_json:
        fmt = DiffFormat.json
    text = None
    if fmt is DiffFormat.json:
        text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    elif fmt is DiffFormat.markdown:
        from .render import diff_markdown

        text = diff_markdown(result)
    elif fmt is DiffFormat.html:
        from .render import diff_html

        text = diff_html(result)
    if text is not None:
        if out:
            write_atomic(out, text)
        else:
            sys.stdout.write(text)
    else:
        from .render import render_diff

        render_diff(result, summary_only=summary)
    raise typer.Exit(1 if result["changed"] else 0)


# ---------------------------------------------------------------- cache, completion

cache_app = typer.Typer(
    help="The parse cache: each source file (text, PDF, XML) is parsed once and kept as JSON.",
    no_args_is_help=True,
    epilog=_examples("kwaldossier cache info", "kwaldossier cache clear", "kwaldossier --no-cache show 2.5 -p dossier.pdf"),
)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info(as_json: bool = JsonOpt) -> None:
    """Where the cache is, how many entries and bytes it holds."""
    from .read import cache

    result = cache.info()
    if as_json:
        return _print_json(result)
    sys.stdout.write(f"{result['folder']}: {result['entries']} entries, {result['bytes']:,} bytes\n")


@cache_app.command("clear")
def cache_clear(as_json: bool = JsonOpt) -> None:
    """Remove every cached parse."""
    from .read import cache

    result = cache.clear()
    if as_json:
        return _print_json({"folder": result["folder"], "removed": result["entries"]})
    sys.stdout.write(f"removed {result['entries']} entries from {result['folder']}\n")


@app.command(epilog=_examples("kwaldossier completion zsh > ~/.zfunc/_kwaldossier", "eval \"$(kwaldossier completion bash)\""))
def completion(shell: Shell = typer.Argument(..., help="bash, zsh, fish or powershell.")) -> None:
    """Print the shell completion script for SHELL (profiles, werkproces codes, rule codes, fields)."""
    sys.stdout.write(_completion_script(shell) + "\n")


# ---------------------------------------------------------------- entry point


def _usage_line(exc) -> str:
    """A click usage error as one line, with where to get help."""
    message = exc.format_message()
    ctx = getattr(exc, "ctx", None)
    hint = f" (see '{ctx.command_path} -h')" if ctx is not None else ""
    return f"kwaldossier: error: {message}{hint}\n"


def _app_for(argv: list[str]) -> typer.Typer:
    """The app with only the command being run: typer builds click objects for every parameter
    of every registered command on each start (~5 ms); one command is enough to run it. Help
    without a command, an unknown command and shell completion get the whole app."""
    if os.environ.get(COMPLETE_VAR):
        from typer._completion_classes import completion_init

        completion_init()  # typer's shell protocol (the scripts above speak it)
        return app
    name = next((a for a in argv if not a.startswith("-")), None)
    chosen = [c for c in app.registered_commands if (c.name or getattr(c.callback, "__name__", "")) == name]
    if name is None or len(chosen) != 1:
        return app
    one = typer.Typer(**_SETTINGS)  # type: ignore[arg-type]
    one.registered_commands = chosen
    one.registered_callback = app.registered_callback
    return one


def main() -> None:
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer.exceptions import Abort

    from .errors import KwaldossierError, one_line

    code: object = 0
    try:
        try:
            code = _app_for(sys.argv[1:])(standalone_mode=False, prog_name="kwaldossier")
        finally:
            sys.stdout.flush()
    except KwaldossierError as exc:
        sys.stderr.write(f"kwaldossier: error: {one_line(str(exc), 1000)}\n")
        sys.exit(getattr(exc, "exit_code", 2))
    except NoArgsIsHelpError as exc:
        sys.stderr.write(exc.format_message() + "\n")  # help on stderr: nothing on stdout for a failure
        sys.exit(2)
    except ClickException as exc:
        sys.stderr.write(one_line(_usage_line(exc).rstrip("\n"), 1000) + "\n")
        sys.exit(2)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except (KeyboardInterrupt, Abort):
        code = 130
    except OSError as exc:  # e.g. stdout on a full disk (> /dev/full)
        where = exc.filename or "standard output"
        sys.stderr.write(f"kwaldossier: error: {where}: {exc.strerror or exc}\n")
        sys.exit(2)
    except RecursionError:
        sys.stderr.write("kwaldossier: error: input nested too deeply\n")
        sys.exit(2)
    except Exception as exc:  # last resort, no traceback for users; KWALDOSSIER_DEBUG=1 shows it
        if os.environ.get("KWALDOSSIER_DEBUG"):
            raise
        sys.stderr.write(f"kwaldossier: internal error: {type(exc).__name__}: {one_line(str(exc))}\n")
        sys.exit(2)
    if code == 130:  # typer turns Ctrl-C into exit 130 without a word
        sys.stderr.write("kwaldossier: interrupted\n")
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
