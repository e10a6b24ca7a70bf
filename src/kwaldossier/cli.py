"""Command line: a thin typer layer over the library. The commands live in cli_check (parse,
schema, validate, rules), cli_lookup (list, show, search, matrix, competentie) and cli_diff;
only the module of the command being run is imported, and heavy modules only inside commands."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from importlib import import_module
from typing import TYPE_CHECKING

import typer

from .cli_support import (
    COMPLETE_VAR,
    SETTINGS,
    Shell,
    app_for,
    command_name,
    command_of,
    completion_script,
    install_completion,
    run,
    show_completion,
    with_classes,
)
from .cli_support import complete_code as _complete_code  # noqa: F401 - the completion callbacks, as before
from .cli_support import complete_field as _complete_field  # noqa: F401
from .cli_support import complete_letter as _complete_letter  # noqa: F401
from .cli_support import complete_profiel as _complete_profiel  # noqa: F401
from .cli_support import complete_rule as _complete_rule  # noqa: F401
from .cli_support import examples as _examples
from .taal import N_

if TYPE_CHECKING:
    from typer.models import CommandInfo

root = typer.Typer(**SETTINGS)  # type: ignore[arg-type]  # the global options and `completion`


def _version(value: bool) -> None:
    if value:
        from . import __version__

        sys.stdout.write(f"kwaldossier {__version__}\n")
        raise typer.Exit(0)


class Taal(StrEnum):
    nl = "nl"
    en = "en"


@root.callback()
def _main(  # noqa: PLR0913 - typer: one parameter a command-line option
    *,
    version: bool = typer.Option(  # noqa: ARG001 - typer: declares --version, its callback acts
        False, "--version", callback=_version, is_eager=True, help=N_("Print the version and exit.")
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help=N_("Parse source files again instead of using the parse cache (see `cache info`).")
    ),
    taal: Taal | None = typer.Option(
        None,
        "--taal",
        help=N_("Language of the output: nl or en (else KWALDOSSIER_TAAL, else the locale, else en)."),
    ),
    dossier: str | None = typer.Option(
        None,
        "--dossier",
        metavar="CREBO_OR_NAME",
        help=N_("Only the dossier with this crebo or title (files and folders with several dossiers)."),
    ),
    show_script: Shell | None = typer.Option(  # noqa: ARG001 - typer: declares the option, its callback acts
        None,
        "--show-completion",
        metavar="SHELL",
        callback=show_completion,
        is_eager=True,
        expose_value=False,
        help=N_("Print the completion script for SHELL: bash, zsh, fish or powershell."),
    ),
    install_script: Shell | None = typer.Option(  # noqa: ARG001 - typer: declares the option, its callback acts
        None,
        "--install-completion",
        metavar="SHELL",
        callback=install_completion,
        is_eager=True,
        expose_value=False,
        help=N_("Install completion for SHELL: bash, zsh, fish or powershell."),
    ),
) -> None:
    if taal is not None:  # run() chose it already; this is for the app used in-process
        from .taal import zet

        zet(taal.value)
    from .analyse.selectie import kies_dossier

    kies_dossier(dossier)  # in-process runs: reset per invocation
    if "kwaldossier.read.laden" in sys.modules:  # in-process runs: each run gives its own notices
        sys.modules["kwaldossier.read.laden"].nieuwe_run()
    if no_cache or "kwaldossier.read.cache" in sys.modules:  # in-process runs: reset per invocation
        from .read import cache

        cache.use(not no_cache)


@root.command(
    help=N_("Print the shell completion script for SHELL (profiles, werkproces codes, rule codes, fields)."),
    epilog=_examples("kwaldossier completion zsh > ~/.zfunc/_kwaldossier", 'eval "$(kwaldossier completion bash)"'),
)
def completion(shell: Shell = typer.Argument(..., help=N_("bash, zsh, fish or powershell."))) -> None:
    sys.stdout.write(completion_script(shell) + "\n")


# Where each command lives, in the order `kwaldossier -h` lists them.
COMMANDS = {
    "parse": "cli_check",
    "schema": "cli_check",
    "list": "cli_lookup",
    "show": "cli_lookup",
    "search": "cli_lookup",
    "matrix": "cli_lookup",
    "competentie": "cli_lookup",
    "validate": "cli_check",
    "rules": "cli_check",
    "diff": "cli_diff",
    "completion": "",
}


def _commands(module: str) -> list[CommandInfo]:
    if not module:
        return root.registered_commands
    commands: typer.Typer = import_module(f".{module}", __package__).commands
    return commands.registered_commands


def full_app() -> typer.Typer:
    """Every command and the `cache` and `export` groups: for help, errors and completion."""
    from .cli_support import cache_app
    from .export.commando import export_app

    whole = typer.Typer(**SETTINGS)  # type: ignore[arg-type]
    whole.registered_callback = root.registered_callback
    by_name = {command_name(c): c for m in dict.fromkeys(COMMANDS.values()) for c in _commands(m)}
    whole.registered_commands = [by_name[n] for n in COMMANDS]
    whole.add_typer(cache_app, name="cache")
    whole.add_typer(export_app, name="export")
    return with_classes(whole)


def app_for_argv(argv: list[str]) -> typer.Typer:
    """Only the module of the command being run is imported (see cli_support.app_for)."""
    name = command_of(argv)
    if not os.environ.get(COMPLETE_VAR) and name in COMMANDS:
        one = typer.Typer(**SETTINGS)  # type: ignore[arg-type]
        one.registered_callback = root.registered_callback
        one.registered_commands = [c for c in _commands(COMMANDS[name]) if command_name(c) == name]
        return app_for(one, argv)
    return app_for(full_app(), argv)


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # the whole app, built on first use (tests, documentation tools)
        globals()["app"] = whole = full_app()
        return whole
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    run(app_for_argv)


if __name__ == "__main__":
    main()
