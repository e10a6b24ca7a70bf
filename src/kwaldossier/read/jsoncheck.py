"""Parsed-JSON input: strict decoding and a small structural check, without pydantic.

The look-ups read parsed JSON into light views (view.py). This check makes that safe for any
file: every key the look-ups and the model need is there with the right type (missing optional
keys get the model's default), codes and letters have the shapes the sorting and reference
tables expect, and `schema_version` is the one this tool writes. Unknown keys are ignored
(a tolerant reader: newer fields do not break look-ups); the full model still forbids them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ..errors import InputError
from ..model import SCHEMA_VERSION

LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXY")
DATE = r"\d{4}-\d{2}-\d{2}"  # compiled on first use: most dossiers have no date


# 2012 codes (1, 1.1) and 2015 codes (B1-K1, B1-K1-W1, P2-K1-W3); parts short enough for int().
# Plain string tests, no regex: compiling patterns costs more start-up than the checks.
def _num(part: str, prefix: str = "") -> bool:
    if prefix:
        if not part.startswith(prefix):
            return False
        part = part[len(prefix) :]
    return 0 < len(part) <= 4 and part.isascii() and part.isdigit()


def kerntaak_code(code: str) -> bool:
    if _num(code):
        return True
    deel, _, kt = code.partition("-")
    return len(deel) > 1 and "A" <= deel[0] <= "Z" and _num(deel[1:]) and _num(kt, "K")


def werkproces_code(code: str) -> bool:
    kt, dot, wp = code.partition(".")
    if dot:
        return _num(kt) and _num(wp)
    kt, _, wp = code.rpartition("-")
    return "-" in kt and kerntaak_code(kt) and _num(wp, "W")
_REQUIRED = object()


class _Omit:
    """Default of a 2015-model field: checked when present, NOT filled in when absent (parsed JSON
    leaves these out while they hold their default, and so must `show --json` on a 2012 dossier);
    the views (view.py) answer the default instead."""

    def __init__(self, value: Any) -> None:
        self.value = value


def decode_json(data: bytes, path: str) -> Any:
    """Bytes to JSON: UTF-8 (a BOM is allowed), no NaN/Infinity, bounded nesting."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and b"\x00" in data[:4]):
        raise InputError(path, None, "JSON in UTF-16 or UTF-32: save it as UTF-8")
    if not data.strip():
        raise InputError(path, None, "empty file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(path, line, f"JSON is not UTF-8 (byte 0x{data[exc.start]:02x})") from None

    def no_constant(name: str) -> Any:
        raise ValueError(f"{name} is not valid JSON")

    try:
        data = json.loads(text, parse_constant=no_constant)
    except json.JSONDecodeError as exc:
        raise InputError(path, exc.lineno, f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    except ValueError as exc:
        raise InputError(path, None, f"not valid JSON: {exc}") from None
    except RecursionError:
        raise InputError(path, None, "not a parsed dossier: JSON nested too deeply") from None
    if ("\\ud" in text or "\\uD" in text) and re.search(_ESCAPED_SURROGATE, text):  # \ud800 alone decodes to text no output can encode
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(path, None, "not valid JSON text: a lone surrogate (\\ud800-\\udfff) escape") from None
    return data


_ESCAPED_SURROGATE = r"\\u[dD][89a-fA-F]"


# ---------------------------------------------------------------- checkers
# Each checker takes a value and returns it (checked); on a problem it raises _Bad, and every
# enclosing list or object adds its index or key on the way out: no cost while all is well.


class _Bad(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.where: list[str] = []

    def at(self, part: str) -> _Bad:
        self.where.append(part)
        return self

    def __str__(self) -> str:
        path = "".join(reversed(self.where)).lstrip(".")
        return f"{path or 'top level'}: {self.message}"


def _str(v: Any) -> str:
    if type(v) is not str:
        raise _Bad(f"expected text, got {_kind(v)}")
    return v


def _opt_str(v: Any) -> str | None:
    return None if v is None else _str(v)


def _int(v: Any) -> int:
    if type(v) is not int:
        raise _Bad(f"expected a whole number, got {_kind(v)}")
    return v


def _opt_int(v: Any) -> int | None:
    return None if v is None else _int(v)


def _bool(v: Any) -> bool:
    if type(v) is not bool:
        raise _Bad(f"expected true or false, got {_kind(v)}")
    return v


def _code(test: Callable[[str], bool], what: str) -> Callable[[Any], str]:
    def check(v: Any) -> str:
        if not test(_str(v)):
            raise _Bad(f"{_show(v)} is not {what}")
        return v

    return check


def _letter(v: Any) -> str:
    if type(v) is not str or v not in LETTERS:
        raise _Bad(f"{_show(v)} is not a competence letter A–Y")
    return v


def _opt_letter(v: Any) -> str | None:
    return None if v is None else _letter(v)


def _opt_date(v: Any) -> str | None:
    if v is None:
        return None
    from datetime import date

    try:
        if not re.fullmatch(DATE, _str(v)):
            raise ValueError
        date.fromisoformat(v)
    except ValueError:
        raise _Bad(f"{_show(v)} is not a date (YYYY-MM-DD)") from None
    return v


_SCALAR_TYPES: dict[Callable[[Any], Any], type] = {_str: str, _int: int}


def _list(item: Callable[[Any], Any]) -> Callable[[Any], list]:
    scalar = _SCALAR_TYPES.get(item)

    def check(v: Any) -> list:
        if type(v) is not list:
            raise _Bad(f"expected a list, got {_kind(v)}")
        if scalar is not None and all(type(x) is scalar for x in v):
            return v
        for i, x in enumerate(v):
            try:
                v[i] = item(x)
            except _Bad as exc:
                raise exc.at(f"[{i}]") from None
        return v

    return check


def _dict_of(item: Callable[[Any], Any]) -> Callable[[Any], dict]:
    def check(v: Any) -> dict:
        if type(v) is not dict:
            raise _Bad(f"expected an object, got {_kind(v)}")
        for k, x in v.items():
            try:
                v[k] = item(x)
            except _Bad as exc:
                raise exc.at(f".{k}") from None
        return v

    return check


def _obj(spec: dict[str, tuple[Any, Callable[[Any], Any]]]) -> Callable[[Any], dict]:
    """An object with these keys: (default or _REQUIRED, checker). Checked in place, defaults filled."""
    fields = list(spec.items())

    def check(v: Any) -> dict:
        if type(v) is not dict:
            raise _Bad(f"expected an object, got {_kind(v)}")
        for key, (default, checker) in fields:
            if key not in v:
                if default is _REQUIRED:
                    raise _Bad(f"missing {key!r}")
                if isinstance(default, _Omit):
                    continue
                v[key] = default() if callable(default) else default
            try:
                v[key] = checker(v[key])
            except _Bad as exc:
                raise exc.at(f".{key}") from None
        return v

    check.spec = spec  # type: ignore[attr-defined]  # read by the test that compares it with the model
    return check


def _kind(v: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}.get(
        type(v), "a number"
    )


def _show(v: Any) -> str:
    return repr(v) if len(repr(v)) <= 40 else repr(v)[:39] + "…"


_INTS = _list(_int)
_STRS = _list(_str)

def omitted(check: Callable[[Any], dict]) -> dict[str, Any]:
    """The fields of an object check that parsed JSON may leave out, with their defaults."""
    spec: dict[str, tuple[Any, Any]] = check.spec  # type: ignore[attr-defined]
    return {k: d.value for k, (d, _) in spec.items() if isinstance(d, _Omit)}


_NEE = _Omit(False)
_LEEG = _Omit("")
_GEEN = _Omit(None)
_GEEN_LIJST = _Omit([])


def _opt_deel(v: Any) -> str | None:
    if v is not None and v not in ("basis", "profiel"):
        raise _Bad(f"{_show(v)} is not 'basis' or 'profiel'")
    return v


def _model(v: Any) -> str:
    if v not in ("2012", "2015"):
        raise _Bad(f"{_show(v)} is not a dossier model ('2012' or '2015')")
    return v


VAKKENNIS = _obj({"tekst": (_REQUIRED, _str), "taal": (_REQUIRED, _bool), "regels": (list, _INTS), "aanvullend": (_NEE, _bool)})
GEDRAG = _obj({"tekst": (_REQUIRED, _str), "aanvullend": (False, _bool), "regel": (None, _opt_int)})
COMPETENTIE = _obj(
    {
        "letter": (_REQUIRED, _opt_letter),
        "naam": (_REQUIRED, _str),
        "componenten": (list, _STRS),
        "prestatie_indicator": ("", _str),
        "regels": (list, _INTS),
        "componenten_regels": (list, _INTS),
        "prestatie_indicator_regels": (list, _INTS),
        "prestatie_indicator_offsets": (list, _INTS),
        "aanvullend": (_NEE, _bool),
    }
)
WP_BRON = _obj(
    {k: (list, _INTS) for k in ("matrix", "kop", "omschrijving", "omschrijving_offsets", "gewenst_resultaat")}
    | {k: (_GEEN_LIJST, _INTS) for k in ("resultaat", "gedrag", "competenties", "aanvullend")}
)
WERKPROCES = _obj(
    {
        "code": (_REQUIRED, _code(werkproces_code, "a werkproces code (1.1 or B1-K1-W1)")),
        "titel": (_REQUIRED, _str),
        "in_profiel": (_REQUIRED, _bool),
        "matrix": (list, _list(_letter)),
        "matrix_rij": (True, _bool),
        "detail_titel": (None, _opt_str),
        "omschrijving": ("", _str),
        "gewenst_resultaat": (list, _STRS),
        "vakkennis_en_vaardigheden": (list, _list(VAKKENNIS)),
        "competenties": (list, _list(COMPETENTIE)),
        "bron": (dict, WP_BRON),
        "deel": (_GEEN, _opt_deel),
        "titel_bron": (_GEEN, _opt_str),
        "resultaat": (_LEEG, _str),
        "resultaat_aanvullend": (_LEEG, _str),
        "omschrijving_aanvullend": (_LEEG, _str),
        "gedrag_inleiding": (_LEEG, _str),
        "gedrag_inleiding_aanvullend": (_LEEG, _str),
        "gedrag": (_GEEN_LIJST, _list(GEDRAG)),
    }
)
KERNTAAK = _obj(
    {
        "code": (_REQUIRED, _code(kerntaak_code, "a kerntaak code (1 or B1-K1)")),
        "titel": (_REQUIRED, _str),
        "werkprocessen": (list, _list(WERKPROCES)),
        "regels": (list, _INTS),
        "deel": (_GEEN, _opt_deel),
        "titel_bron": (_GEEN, _opt_str),
        "complexiteit": (_LEEG, _str),
        "complexiteit_aanvullend": (_LEEG, _str),
        "verantwoordelijkheid": (_LEEG, _str),
        "verantwoordelijkheid_aanvullend": (_LEEG, _str),
        "vakkennis_en_vaardigheden": (_GEEN_LIJST, _list(VAKKENNIS)),
    }
)
_AI_FIELDS = ["context", "beroepshouding", "niveau", "rol_en_verantwoordelijkheden", "complexiteit", "wettelijke_beroepsvereisten", "branchevereisten", "nederlands_en_rekenen", "moderne_vreemde_talen"]
ALGEMEEN = _obj(
    {**{k: ("", _str) for k in _AI_FIELDS}, "bron": (dict, _dict_of(_INTS))}
    | {k: (_LEEG, _str) for k in ("generieke_onderdelen", "resultaat_van_het_beroep", "typering_van_het_beroep")}
)
PROFIEL = _obj(
    {
        "naam": (_REQUIRED, _str),
        "niveau": (None, _opt_int),
        "algemene_informatie": (dict, ALGEMEEN),
        "kerntaken": (list, _list(KERNTAAK)),
        "regels": (list, _INTS),
    }
    | {k: (_GEEN, _opt_str) for k in ("code", "crebo", "sbb_nr", "titel_bron")}
)
ONVERWERKT = _obj({"regel": (_REQUIRED, _int), "tekst": (_REQUIRED, _str), "pagina": (None, _opt_int)})
HERSTELLING = _obj({"regel": (_REQUIRED, _int), "soort": (_REQUIRED, _str), "tekst": (_REQUIRED, _str)})
VERANTWOORDING = _obj({k: (0, _int) for k in ("totaal", "model", "opmaak", "label", "leeg", "onverwerkt")})
DOSSIER = _obj(
    {
        "titel": (None, _opt_str),
        "geldig_vanaf": (None, _opt_date),
        "bron": (None, _opt_str),
        "profielen": (list, _list(PROFIEL)),
        "onverwerkte_regels": (list, _list(ONVERWERKT)),
        "herstellingen": (list, _list(HERSTELLING)),
        "regel_paginas": (list, _INTS),
        "regelverantwoording": (dict, VERANTWOORDING),
        "model": (_Omit("2012"), _model),
        "vastgesteld_op": (_GEEN, _opt_date),
    }
    | {k: (_GEEN, _opt_str) for k in ("formaat", "crebo", "sector", "versie")}
)


def check_dossier(data: Any, path: str) -> dict:
    """The parsed-JSON dict, checked and completed in place; InputError naming the first problem."""
    if not isinstance(data, dict):
        raise InputError(path, None, f"not a parsed dossier: expected a JSON object, got {_kind(data)}")
    if "schema_version" not in data:
        raise InputError(path, None, "not a parsed dossier: no schema_version (write it with `kwaldossier parse --json`)")
    version = data["schema_version"]
    if version != SCHEMA_VERSION or isinstance(version, bool):
        raise InputError(
            path, None, f"schema_version {_show(version)} is not supported (this kwaldossier reads {SCHEMA_VERSION}); parse the source again"
        )
    try:
        return DOSSIER(data)
    except _Bad as exc:
        raise InputError(path, None, f"not a parsed dossier: {exc}") from None
