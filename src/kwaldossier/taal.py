"""The language kwaldossier speaks to people: English (the msgids in the code) or Dutch (the
catalogue locale/nl/LC_MESSAGES/kwaldossier.po, compiled to .mo by the install: hatch_build.py).

Chosen once per run (cli_support.run calls kies()): `--taal nl|en`, else KWALDOSSIER_TAAL, else
the locale as gettext reads it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG: the first that is set;
Dutch when it names nl, nl_NL, nl_BE, ...), else English. JSON keys and values, rule codes and
exit codes never change with it.

Import-light on purpose (a look-up's start-up is measured): English needs no catalogue at all,
and the Dutch one is read on the first string that needs it. `gettext` is part of typer's own
imports, so reading the .mo costs only the file."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from gettext import NullTranslations

TALEN = ("nl", "en")
DOMEIN = "kwaldossier"
LOCALE = Path(__file__).parent / "locale"
ENV = "KWALDOSSIER_TAAL"
LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order

_state: dict[str, object] = {"taal": None, "catalogus": None}


def uit_locale(environ: Mapping[str, str]) -> str | None:
    """The language of the first locale variable that is set: 'nl', 'en', or None (another one)."""
    for var in LOCALE_VARS:
        value = environ.get(var)
        if not value:
            continue
        for item in value.split(":"):  # LANGUAGE may list several: nl:en
            code = item.split(".", 1)[0].split("@", 1)[0]
            lang = code.split("_", 1)[0].split("-", 1)[0].lower()
            if lang in ("c", "posix"):
                return "en"
            if lang in TALEN:
                return lang
        return None  # gettext stops at the first variable that is set
    return None


def uit_argv(argv: Sequence[str]) -> str | None:
    """The value of --taal in a command line (before `--`), if it is one we speak."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--taal" and i + 1 < len(argv) else arg[7:] if arg.startswith("--taal=") else None
        if value is not None and value.lower() in TALEN:
            return value.lower()
    return None


def kies(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> str:
    """Choose the language for this run (and return it): --taal, KWALDOSSIER_TAAL, the locale, English."""
    env = os.environ if environ is None else environ
    args = sys.argv[1:] if argv is None else argv
    gekozen = uit_argv(args) or (env.get(ENV, "").lower() if env.get(ENV, "").lower() in TALEN else None)
    zet(gekozen or uit_locale(env) or "en")
    return huidige()


def zet(taal: str) -> None:
    if taal not in TALEN:
        raise ValueError(f"taal {taal!r}: expected one of {', '.join(TALEN)}")
    _state["taal"] = taal


def huidige() -> str:
    """The language in force ('nl' or 'en'); chosen from sys.argv and the environment on first use."""
    if _state["taal"] is None:
        kies()
    return str(_state["taal"])


@contextmanager
def in_taal(taal: str | None) -> Iterator[None]:
    """Speak `taal` inside the block (None: the language in force)."""
    before = huidige()
    zet(taal or before)
    try:
        yield
    finally:
        zet(before)


def mo_pad(taal: str = "nl") -> Path:
    return LOCALE / taal / "LC_MESSAGES" / f"{DOMEIN}.mo"


def _catalogus() -> NullTranslations:
    """The Dutch catalogue, read once; None when the package was not built with it (a source tree
    that was never installed): then the English text is shown, as gettext's fallback does."""
    if _state["catalogus"] is None:
        import gettext

        try:
            with open(mo_pad(), "rb") as fp:
                _state["catalogus"] = gettext.GNUTranslations(fp)
        except OSError:
            _state["catalogus"] = gettext.NullTranslations()
    return cast("NullTranslations", _state["catalogus"])


def _(msgid: str) -> str:
    """The translation of msgid in the language in force."""
    if huidige() == "en" or not msgid:
        return msgid
    return str(_catalogus().gettext(msgid))


def ngettext(singular: str, plural: str, n: int) -> str:
    if huidige() == "en":
        return singular if n == 1 else plural
    return str(_catalogus().ngettext(singular, plural, n))


def N_(msgid: str) -> str:
    """Marks a string for the catalogue where it is defined; it is translated where it is shown."""
    return msgid
