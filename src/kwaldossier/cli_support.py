"""The command line's conventions, kept apart from the commands: settings and help examples,
shell completion, the parse-cache commands, and the entry point that turns every failure into
one line on stderr with exit 2 (130 for Ctrl-C)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperCommand

from .cli_help import Groep, Opdracht
from .taal import N_, _

if TYPE_CHECKING:
    from typer.models import CommandInfo

SETTINGS = {
    "name": "kwaldossier",
    "cls": Groep,
    "help": N_("Dutch MBO kwalificatiedossiers as typed data: parse, look up, validate and diff them."),
    "no_args_is_help": True,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
    "context_settings": {"help_option_names": ["-h", "--help"]},
    "add_completion": False,  # ours below take the shell as an argument instead of guessing it
    "epilog": (
        "\b\nExamples:\n  kwaldossier show 2.5\n  kwaldossier search offerte --in omschrijving\n"
        "  kwaldossier diff binnendienst buitendienst\n  kwaldossier parse dossier.pdf --out parsed/\n"
        "  kwaldossier validate dossier.pdf --format github\n  kwaldossier --taal nl diff binnendienst buitendienst\n\n"
        + N_("A FILE can be - (standard input). Exit codes: 0 ok/same, 1 findings/differences, 2 trouble.")
    ),
}


EXAMPLES = N_("Examples:")  # the heading of every help's examples (translated by cli_help)


def examples(*lines: str) -> str:
    """An epilog that click prints as written (\\b: no re-wrapping)."""
    return f"\b\n{EXAMPLES}\n" + "\n".join(f"  {line}" for line in lines)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def write_utf8(data: bytes | Iterable[bytes]) -> None:
    """UTF-8 text on stdout (bytes, or pieces), as bytes: straight into its buffer where stdout
    writes UTF-8 and "\n" as it is (no copy as text: the JSON of 100 profiles is 12 MB; pieces
    one by one), else through the text layer (an encoding that cannot hold a character fails
    as any output does, with nothing written)."""
    out = sys.stdout
    stukken = [data] if isinstance(data, bytes) else data
    buffer = getattr(out, "buffer", None)
    encoding = (getattr(out, "encoding", None) or "").lower().replace("_", "-")
    if buffer is not None and encoding in ("utf-8", "utf8") and os.linesep == "\n":
        out.flush()
        for stuk in stukken:
            buffer.write(stuk)
        buffer.flush()
    else:  # at once: a character the encoding lacks fails before anything is written
        out.write(b"".join(stukken).decode("utf-8"))


JsonOpt = typer.Option(False, "--json", help=N_("Print JSON (stable schema, see README)."))


# ---------------------------------------------------------------- completion


def complete_profiel(incomplete: str) -> list[str]:
    try:
        from .analyse.selectie import profile_names

        names = profile_names()
    except Exception:  # noqa: BLE001 - completion must never fail the shell
        return []
    words = {w for n in names for w in n.split()[-1:]}
    return sorted(w for w in words | set(names) if w.lower().startswith(incomplete.lower()))


def complete_code(incomplete: str) -> list[str]:
    try:
        from .read import load_all

        codes = {wp.code for b in load_all() for wp in b.profiel.werkprocessen()}
    except Exception:  # noqa: BLE001 - completion must never fail the shell
        return []
    return sorted(c for c in codes if c.startswith(incomplete))


def complete_letter(incomplete: str) -> list[str]:
    from .model.competenties import LETTERS

    return [l for l in LETTERS if l.startswith(incomplete.upper())]


def complete_rule(incomplete: str) -> list[str]:
    try:
        from .validate import RULES

        codes = list(RULES)
    except Exception:  # noqa: BLE001 - completion must never fail the shell
        return []
    return sorted(c for c in codes if c.startswith(incomplete.upper()))


def complete_field(incomplete: str) -> list[str]:
    from .analyse.query import FIELDS

    return [f for f in FIELDS if f.startswith(incomplete.lower())]


# ---------------------------------------------------------------- shared options


def report_path(value: str) -> Path:
    """--out of a report as typed: a name ending in a separator is a folder (Path() would drop
    the separator), refused with exit 2."""
    if not value or value.endswith(os.sep) or (os.altsep and value.endswith(os.altsep)):
        from .errors import OutputError

        raise OutputError(value or "''", _("expected a file name, not a folder"))
    return Path(value)


ProfielOpt = typer.Option(
    None,
    "--profiel",
    "-p",
    help=N_(
        "Profile: a unique part of its name, naam@waar (waar: a file, crebo or dossier title), or a file (- for standard input)."
    ),
    autocompletion=complete_profiel,
)
DataOpt = typer.Option(None, "--data", help=N_("Folder of dossiers to use instead of the bundled data."))
OutOpt = typer.Option(
    None, "--out", "-o", parser=report_path, help=N_("Write to this file (atomically); needed for xlsx at a terminal.")
)
SepOpt = typer.Option(";", "--sep", help=N_("CSV separator: ';' (Excel-NL, default), ',' or 'tab'."))


def short(text: str, hint: str, limit: int = 1000) -> str:
    """Words to look up are short: a megabyte argument would only make the fuzzy matching slow."""
    if len(text) > limit:
        raise typer.BadParameter(
            _("{n:,} characters; at most {limit:,}").format(n=len(text), limit=limit), param_hint=hint
        )
    return text


class Shell(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"


def completion_script(shell: Shell) -> str:
    from typer._completion_classes import completion_init
    from typer._completion_shared import get_completion_script

    completion_init()
    return get_completion_script(prog_name="kwaldossier", complete_var=COMPLETE_VAR, shell=shell.value)


COMPLETE_VAR = "_KWALDOSSIER_COMPLETE"
EXIT_INTERRUPTED = 130  # 128 + SIGINT: the shell's exit code for Ctrl-C


def show_completion(value: Shell | None) -> None:
    if value:
        sys.stdout.write(completion_script(value) + "\n")
        raise typer.Exit(0)


def install_completion(value: Shell | None) -> None:
    if value:
        from typer._completion_classes import completion_init
        from typer._completion_shared import install

        completion_init()
        shell, path = install(shell=value.value, prog_name="kwaldossier", complete_var=COMPLETE_VAR)
        sys.stdout.write(
            _("{shell} completion installed in {path}; it works in a new shell").format(shell=shell, path=path) + "\n"
        )
        raise typer.Exit(0)


# ---------------------------------------------------------------- cache

cache_app = typer.Typer(
    cls=Groep,
    help=N_("The parse cache: each source file (text, PDF, XML) is parsed once and kept as JSON."),
    no_args_is_help=True,
    epilog=examples(
        "kwaldossier cache info", "kwaldossier cache clear", "kwaldossier --no-cache show 2.5 -p dossier.pdf"
    ),
)


@cache_app.command(
    "info",
    help=N_("Where the cache is, how many entries and bytes it holds."),
    epilog=examples("kwaldossier cache info", "kwaldossier cache info --json"),
)
def cache_info(as_json: bool = JsonOpt) -> None:
    from .read import cache

    result = cache.info()
    if as_json:
        return print_json(result)
    sys.stdout.write(
        _("{folder}: {entries} entries, {bytes:,} bytes").format(
            folder=result["folder"], entries=result["entries"], bytes=result["bytes"]
        )
        + "\n"
    )


@cache_app.command("clear", help=N_("Remove every cached parse."), epilog=examples("kwaldossier cache clear"))
def cache_clear(as_json: bool = JsonOpt) -> None:
    from .read import cache

    result = cache.clear()
    if as_json:
        print_json({"folder": result["folder"], "removed": result["removed"], "failed": result["failed"]})
    else:
        sys.stdout.write(
            _("removed {entries} entries from {folder}").format(entries=result["removed"], folder=result["folder"])
            + "\n"
        )
    if result["failed"]:
        from .errors import OutputError

        raise OutputError(str(result["folder"]), _("could not remove {count} entries").format(count=result["failed"]))


# ---------------------------------------------------------------- entry point


def usage_line(exc: Any, argv: list[str] | None = None) -> str:
    """A click usage error as one line, in the language of the run, with where to get help. The
    prefix `kwaldossier: error:` is the same in every language (scripts look for it)."""
    from .cli_help import melding

    message = melding(exc, sys.argv[1:] if argv is None else argv)
    ctx = getattr(exc, "ctx", None)
    hint = " " + _("(see '{command} -h')").format(command=ctx.command_path) if ctx is not None else ""
    return f"kwaldossier: error: {message}{hint}\n"


def app_for(app: typer.Typer, argv: list[str]) -> typer.Typer:
    """The app with only the command being run: typer builds click objects for every parameter
    of every registered command on each start (~5 ms); one command is enough to run it. Help
    without a command, an unknown command and shell completion get the whole app."""
    if os.environ.get(COMPLETE_VAR):
        from typer._completion_classes import completion_init

        completion_init()  # typer's shell protocol (the scripts above speak it)
        return app
    name = command_of(argv)
    chosen = [c for c in app.registered_commands if command_name(c) == name]
    if name is None or len(chosen) != 1:
        return with_classes(app)
    one = typer.Typer(**SETTINGS)  # type: ignore[arg-type]
    one.registered_commands = chosen
    one.registered_callback = app.registered_callback
    return with_classes(one)


def with_classes(app: typer.Typer) -> typer.Typer:
    """Every command of the app (and of its groups) gets the help class of cli_help."""
    for c in app.registered_commands:
        if c.cls is None or c.cls is TyperCommand:  # typer's default
            c.cls = Opdracht
    for g in app.registered_groups:
        if g.typer_instance is not None:
            with_classes(g.typer_instance)
    return app


GLOBAL_FLAGS = ("--no-cache",)
GLOBAL_OPTIONS = ("--taal", "--dossier")  # global options with a value


def command_of(argv: list[str]) -> str | None:
    """The command named on the line: the first word that is neither an option nor the value of
    a global option (`kwaldossier --taal nl show 2.5` runs show)."""
    skip = False
    for a in argv:
        if skip:
            skip = False
        elif a in GLOBAL_OPTIONS:
            skip = True
        elif not a.startswith("-"):
            return a
    return None


def hoist_global_flags(argv: list[str]) -> list[str]:
    """`kwaldossier show 2.5 --no-cache --taal nl` means `kwaldossier --no-cache --taal nl show
    2.5`: a global flag or option (with its value) after the command is moved in front of it
    (not after a `--`, where it would be a value)."""
    end = argv.index("--") if "--" in argv else len(argv)
    flags: list[str] = []
    rest: list[str] = []
    i = 0
    while i < end:
        a = argv[i]
        if a in GLOBAL_FLAGS or ("=" in a and a.split("=", 1)[0] in GLOBAL_OPTIONS):
            flags.append(a)
        elif a in GLOBAL_OPTIONS:
            flags += [a, argv[i + 1] if i + 1 < end else ""]  # no value: click says '' is none of the choices
            i += 1
        else:
            rest.append(a)
        i += 1
    if not flags:
        return argv
    return flags + rest + argv[end:]


def command_name(info: CommandInfo) -> str:
    """typer's name for a registered command: its own, else the function name with - for _."""
    return info.name or getattr(info.callback, "__name__", "").lower().replace("_", "-")


def run(choose: Callable[[list[str]], typer.Typer]) -> None:
    """Run the app that `choose` builds for the command line (see cli.app_for_argv)."""
    import gc

    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer.exceptions import Abort

    from . import taal
    from .errors import KwaldossierError, one_line

    # One command, then the process ends: what it allocates is freed by reference counting, and
    # the cyclic collector's passes over every object a parse built are pure cost (the reader
    # pauses it anyway, read/grenzen.zonder_gc; this spares the pass over the dossier after).
    # Peak memory of parse, validate, diff and matrix on the seeds and SBB XML: unchanged.
    gc.disable()
    code: object = 0
    argv = hoist_global_flags(sys.argv[1:])
    taal.kies(argv)
    try:
        try:
            code = choose(argv)(args=argv, standalone_mode=False, prog_name="kwaldossier")
        finally:
            sys.stdout.flush()
    except KwaldossierError as exc:
        sys.stderr.write(f"kwaldossier: error: {one_line(str(exc), 1000)}\n")
        sys.exit(getattr(exc, "exit_code", 2))
    except NoArgsIsHelpError as exc:
        sys.stderr.write(exc.format_message() + "\n")  # help on stderr: nothing on stdout for a failure
        sys.exit(2)
    except ClickException as exc:
        sys.stderr.write(one_line(usage_line(exc, argv).rstrip("\n"), 1000) + "\n")
        sys.exit(2)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except (KeyboardInterrupt, Abort):
        code = 130
    except OSError as exc:  # e.g. stdout on a full disk (> /dev/full)
        where = exc.filename or _("standard output")
        sys.stderr.write(f"kwaldossier: error: {where}: {exc.strerror or exc}\n")
        sys.exit(2)
    except UnicodeEncodeError as exc:  # a terminal in latin-1 or ASCII
        bad = exc.object[exc.start : exc.end] if isinstance(exc.object, str) else "?"
        sys.stderr.write(
            "kwaldossier: error: "
            + _("cannot write {text} in {encoding}: use a UTF-8 terminal or PYTHONIOENCODING=utf-8").format(
                text=repr(bad), encoding=exc.encoding
            )
            + "\n"
        )
        sys.exit(2)
    except RecursionError:
        sys.stderr.write("kwaldossier: error: " + _("input nested too deeply") + "\n")
        sys.exit(2)
    except Exception as exc:  # last resort, no traceback for users; KWALDOSSIER_DEBUG=1 shows it
        if os.environ.get("KWALDOSSIER_DEBUG"):
            raise
        sys.stderr.write(f"kwaldossier: internal error: {type(exc).__name__}: {one_line(str(exc))}\n")
        sys.exit(2)
    if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C into exit 130 without a word
        sys.stderr.write("kwaldossier: " + _("interrupted") + "\n")
    sys.exit(code if isinstance(code, int) else 0)
