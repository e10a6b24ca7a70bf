"""Help pages and usage errors in the language of the run (taal.py). typer and its bundled click
write English of their own; the command classes here lay out the help the same way but through
the catalogue, name every argument as the usage line does (`TERMS...`, never `{terms}` or
'terms'), and `melding()` rewrites click's usage errors likewise, naming an option as the user
typed it (`-f`, not `'--format' / '-f'`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import typer.core
from typer.core import TyperArgument, TyperCommand, TyperGroup

from .taal import N_, _

# typer's own help words, which it asks the stdlib gettext for (see _translated_help)
TYPER_WORDS = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("default: {default}"),
    N_("required"),
    N_("env var: {var}"),
)
HELP_OPTION = N_("Show this message and exit.")


def arg_naam(param: Any, usage: bool = False) -> str:
    """An argument as the usage line shows it: its name in capitals, `...` when it takes several."""
    name = (param.metavar or param.name or "").upper()
    if param.nargs != 1:
        name += "..."
    if usage and not param.required:
        name = f"[{name}]"
    return name


def _translated_help(cmd: Any, ctx: Any) -> None:
    """Put the command's texts into the language of the run (click builds the command anew for
    each run, so this changes nothing that outlives it); typer's own words too."""
    setattr(typer.core, "_", _)  # noqa: B010 - typer asks gettext for its help words; ours answers in the run's language
    if getattr(cmd, "_vertaald", False):
        return
    cmd._vertaald = True
    cmd.help = _(cmd.help) if cmd.help else cmd.help
    cmd.epilog = _epilog(cmd.epilog) if cmd.epilog else cmd.epilog
    for param in cmd.get_params(ctx):
        if getattr(param, "help", None):
            param.help = _(param.help)


def _epilog(epilog: str) -> str:
    """An epilog's paragraphs: the examples block (`\\b`, its heading translated, the commands kept)
    and sentences (translated whole)."""
    out = []
    for para in epilog.split("\n\n"):
        if para.startswith("\b\n"):
            head, _sep, rest = para[2:].partition("\n")
            out.append("\b\n" + _(head) + ("\n" + rest if rest else ""))
        else:
            out.append(_(para))
    return "\n\n".join(out)


def _usage(cmd: Any, ctx: Any, formatter: Any, extra: Sequence[str] = ()) -> None:
    pieces = [_("[OPTIONS]")] if cmd.options_metavar else []
    for param in cmd.get_params(ctx):
        if isinstance(param, TyperArgument):
            pieces.append(arg_naam(param, usage=True))
        else:
            pieces += param.get_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join([*pieces, *extra]), _("Usage: "))


def _options(cmd: Any, ctx: Any, formatter: Any) -> None:
    args, opts = [], []
    for param in cmd.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        if isinstance(param, TyperArgument):
            args.append((arg_naam(param), record[1]))
        else:
            opts.append(record)
    for title, rows in ((_("Arguments"), args), (_("Options"), opts)):
        if rows:
            with formatter.section(title):
                formatter.write_dl(rows)


def _help_option(option: Any) -> Any:
    if option is not None:
        option.help = _(HELP_OPTION)
    return option


class Opdracht(TyperCommand):
    """A command whose help is written in the language of the run."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _translated_help(self, ctx)
        super().format_help(ctx, formatter)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _usage(self, ctx, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        _options(self, ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        return _help_option(super().get_help_option(ctx))

    def get_short_help_str(self, limit: int = 45) -> str:
        if self.help and not getattr(self, "_vertaald", False):
            self.help = _(self.help)
            self._vertaald = True
        return super().get_short_help_str(limit)


class Groep(TyperGroup):
    """A group (kwaldossier, cache, export) whose help is written in the language of the run."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _translated_help(self, ctx)
        super().format_help(ctx, formatter)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _usage(self, ctx, formatter, [_("COMMAND [ARGS]...")])

    def format_options(self, ctx: Any, formatter: Any) -> None:
        _options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        return _help_option(super().get_help_option(ctx))

    def get_short_help_str(self, limit: int = 45) -> str:
        if self.help and not getattr(self, "_vertaald", False):
            self.help = _(self.help)
            self._vertaald = True
        return super().get_short_help_str(limit)


# ---------------------------------------------------------------- usage errors

# click's own messages (in typer's bundled click) that reach a user, as patterns of their parts
# (compiled on the first usage error: a run without one never pays for them)
_CLICK = [
    (r"(?P<value>'.*') is not one of (?P<choices>.*)\.", N_("{value} is not one of {choices}.")),
    (r"(?P<value>'.*') is not a valid int(?:eger)?\.", N_("{value} is not a valid integer.")),
    (r"(?P<value>'.*') is not a valid float\.", N_("{value} is not a valid number.")),
    (r"Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)", N_("Got unexpected extra argument(s): {args}")),
    (r"No such command (?P<name>'.*?')\.(?: Did you mean (?P<close>.*)\?)?", None),
    (r"Option (?P<option>'.*') requires an argument\.", N_("Option {option} requires a value.")),
    (r"Option (?P<option>'.*') does not take a value\.", N_("Option {option} does not take a value.")),
]


def _click_text(message: str) -> str:
    for pattern, msgid in _CLICK:
        m = re.fullmatch(pattern, message, re.S)
        if m is None:
            continue
        if msgid is None:  # no such command, perhaps with suggestions
            text = _("No such command {name}.").format(name=m["name"])
            return text + (" " + _("Did you mean {names}?").format(names=m["close"]) if m["close"] else "")
        return _(msgid).format(**m.groupdict())
    return message


_SHORT = 2  # a short option: a dash and one letter (-f), its value may follow without a space


def typed_name(param: Any, argv: Sequence[str]) -> str:
    """An option as the user typed it (`-f`, `--format`), else its long name; an argument as the
    usage line names it (`SPEC`)."""
    if isinstance(param, TyperArgument) or getattr(param, "param_type_name", "") == "argument":
        return arg_naam(param).removesuffix("...")
    names: list[str] = [*param.opts, *param.secondary_opts]
    end = list(argv).index("--") if "--" in argv else len(argv)
    for arg in argv[:end]:
        for name in names:
            if (
                arg == name
                or arg.startswith(name + "=")
                or (len(name) == _SHORT and arg.startswith(name) and not arg.startswith("--"))
            ):
                return name
    if names:
        return max(names, key=len)
    naam: str = param.name or ""
    return naam


def _choices(param: Any) -> str:
    choices = getattr(param.type, "choices", None)
    if not choices:
        return ""
    return ", ".join(str(getattr(c, "value", c)) for c in choices)


def melding(exc: Any, argv: Sequence[str]) -> str:
    """A click usage error as one message in the language of the run, naming its parameter as
    the user knows it."""
    from typer._click.exceptions import BadOptionUsage, BadParameter, MissingParameter, NoSuchOption

    param = getattr(exc, "param", None)
    if isinstance(exc, MissingParameter):
        name = typed_name(param, argv) if param is not None else ""
        kind = exc.param_type or (param.param_type_name if param is not None else "parameter")
        text = (_("Missing argument {name}.") if kind == "argument" else _("Missing option {name}.")).format(name=name)
        choices = _choices(param) if param is not None else ""
        return text + (" " + _("Choose from: {choices}.").format(choices=choices) if choices else "")
    if isinstance(exc, NoSuchOption):
        text = _("No such option: {option}").format(option=exc.option_name)
        if exc.possibilities:
            text += " " + _("(possible options: {options})").format(options=", ".join(sorted(exc.possibilities)))
        return text
    if isinstance(exc, BadParameter):
        if param is not None and (exc.param_hint is None or isinstance(exc.param_hint, (list, tuple))):
            hint = typed_name(param, argv)
        elif exc.param_hint is not None:
            hint = exc.param_hint if isinstance(exc.param_hint, str) else " / ".join(exc.param_hint)
        else:
            return _("Invalid value: {message}").format(message=_click_text(exc.message))
        return _("Invalid value for {name}: {message}").format(name=hint, message=_click_text(exc.message))
    if isinstance(exc, BadOptionUsage):
        return _click_text(exc.message)
    return _click_text(exc.format_message())
