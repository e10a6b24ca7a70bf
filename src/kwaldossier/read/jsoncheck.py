"""Parsed-JSON input: strict decoding and a structural check, without pydantic.

The look-ups read parsed JSON into light views (view.py). This check makes that safe for any
file: every field of the model is there with the right type (a missing optional field gets
the model's default; a 2015 key the contract leaves out while default stays out), codes and
letters have the shapes the model gives them, compatibility keys hold their derived value,
and `schema_version` is the one this tool writes. The checks are compiled from the field table
derived from the models (model/velden.py), with the same rules for codes and letters
(model/codes.py): nothing here restates the model. Unknown keys are ignored (a tolerant
reader); validate and diff read untrusted JSON through the model itself, which names them.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from typing import Any

from ..errors import InputError
from ..model import SCHEMA_VERSION, codes
from ..model.competenties import COMPETENTIES
from ..model.contract import COMPAT
from ..model.velden import VELDEN, WORTELS
from ..taal import N_, _

DATE = r"\d{4}-\d{2}-\d{2}"  # compiled on first use: most dossiers have no date


def decode_json(data: bytes, path: str) -> Any:
    """Bytes to JSON: UTF-8 (a BOM is allowed), no NaN/Infinity, bounded nesting."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and b"\x00" in data[:4]):
        raise InputError(path, None, _("JSON in UTF-16 or UTF-32: save it as UTF-8"))
    if not data.strip():
        raise InputError(path, None, _("empty file"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(path, line, _("JSON is not UTF-8 (byte 0x{byte:02x})").format(byte=data[exc.start])) from None

    def no_constant(name: str) -> Any:
        raise ValueError(_("{name} is not valid JSON").format(name=name))

    try:
        data = json.loads(text, parse_constant=no_constant)
    except json.JSONDecodeError as exc:
        raise InputError(
            path, exc.lineno, _("not valid JSON: {reason} (column {column})").format(reason=exc.msg, column=exc.colno)
        ) from None
    except ValueError as exc:
        raise InputError(path, None, _("not valid JSON: {reason}").format(reason=exc)) from None
    except RecursionError:
        raise InputError(path, None, _("not a parsed dossier: JSON nested too deeply")) from None
    if ("\\ud" in text or "\\uD" in text) and re.search(
        _ESCAPED_SURROGATE, text
    ):  # \ud800 alone decodes to text no output can encode
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(path, None, _("not valid JSON text: a lone surrogate (\\ud800-\\udfff) escape")) from None
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
        return (path or _("top level")) + ": " + self.message


Checker = Callable[[Any], Any]


def _typed(t: type, what: str) -> Checker:
    def check(v: Any) -> Any:
        if type(v) is not t:
            raise _Bad(_("expected {what}, got {kind}").format(what=_(what), kind=_kind(v)))
        return v

    return check


def _shaped(test: Callable[[str], bool], what: str) -> Checker:
    def check(v: Any) -> str:
        if type(v) is not str:
            raise _Bad(_("expected {what}, got {kind}").format(what=_("text"), kind=_kind(v)))
        if not test(v):
            raise _Bad(_("{value} is not {what}").format(value=_show(v), what=_(what)))
        return v

    return check


def _date(v: Any) -> str:
    from datetime import date

    try:
        if type(v) is not str or not re.fullmatch(DATE, v):
            raise ValueError
        date.fromisoformat(v)
    except ValueError:
        raise _Bad(_("{value} is not a date (YYYY-MM-DD)").format(value=_show(v))) from None
    return v


def _literal(values: list[str]) -> Checker:
    def check(v: Any) -> Any:
        if v not in values or type(v) is not str:
            raise _Bad(
                _("{value} is not one of {allowed}").format(value=_show(v), allowed=", ".join(map(repr, values)))
            )
        return v

    return check


_SCALARS: dict[str, Checker] = {
    "str": _typed(str, N_("text")),
    "int": _typed(int, N_("a whole number")),
    "bool": _typed(bool, N_("true or false")),
    "date": _date,
    "letter": _shaped(lambda v: v in COMPETENTIES, N_("a competence letter A–Y")),
    "kerntaak_code": _shaped(codes.is_kerntaak_code, N_("a kerntaak code (1 or B1-K1)")),
    "werkproces_code": _shaped(codes.is_werkproces_code, N_("a werkproces code (1.1 or B1-K1-W1)")),
}


def _optional(check: Checker) -> Checker:
    return lambda v: None if v is None else check(v)


def _list(item: Checker, scalar: type | None) -> Checker:
    def check(v: Any) -> list[Any]:
        if type(v) is not list:
            raise _Bad(_("expected {what}, got {kind}").format(what=_("a list"), kind=_kind(v)))
        if scalar is not None and all(type(x) is scalar for x in v):
            return v
        for i, x in enumerate(v):
            try:
                v[i] = item(x)
            except _Bad as exc:
                raise exc.at(f"[{i}]") from None
        return v

    return check


def _dict_of(item: Checker) -> Checker:
    def check(v: Any) -> dict[str, Any]:
        if type(v) is not dict:
            raise _Bad(_("expected {what}, got {kind}").format(what=_("an object"), kind=_kind(v)))
        for k, x in v.items():
            try:
                v[k] = item(x)
            except _Bad as exc:
                raise exc.at(f".{k}") from None
        return v

    return check


_CHECKERS: dict[str, Checker] = {}


def _checker(kind: str) -> Checker:
    """The check of a field kind of model/velden.py (str, ?int, list:letter, list:@Kerntaak2012 ...)."""
    if kind.startswith("?"):
        return _optional(_checker(kind[1:]))
    if kind.startswith("list:"):
        inner = kind[5:]
        return _list(_checker(inner), str if inner == "str" else int if inner == "int" else None)
    if kind.startswith("dict:"):
        return _dict_of(_checker(kind[5:]))
    if kind.startswith("literal:"):
        return _literal(kind[8:].split("|"))
    if kind.startswith("@"):
        return _object(kind[1:])
    return _SCALARS[kind]


def _object(cls: str) -> Checker:
    """An object of model class `cls`: every field checked in place; a missing optional one gets
    its default, except a key the contract leaves out while default; compatibility keys checked."""
    if cls in _CHECKERS:
        return _CHECKERS[cls]
    fields: list[tuple[str, Any, bool, Checker]] = []

    def check(v: Any) -> dict[str, Any]:
        if type(v) is not dict:
            raise _Bad(_("expected {what}, got {kind}").format(what=_("an object"), kind=_kind(v)))
        for key, default, leeg, checker in fields:
            if key not in v:
                if default is ...:
                    raise _Bad(_("missing {key}").format(key=repr(key)))
                if leeg:
                    continue
                v[key] = copy.deepcopy(default)
            try:
                v[key] = checker(v[key])
            except _Bad as exc:
                raise exc.at(f".{key}") from None
        for key, (_after, derive) in compat.items():
            if key in v and v[key] != derive(v):
                raise _Bad(_("does not match what the 2015 fields give (a derived key; edit the fields instead)")).at(
                    f".{key}"
                )
        return v

    _CHECKERS[cls] = check
    compat = COMPAT.get(cls, {})
    for name, kind, default, flag in VELDEN[cls]:
        if flag == "nooit":
            # never written; if present it must say what the class is
            fields.append((name, default, True, _literal([default]) if kind.startswith("literal:") else _checker(kind)))
        else:
            fields.append((name, default, flag == "leeg", _checker(kind)))
    return check


def _kind(v: Any) -> str:
    kinds = {dict: N_("an object"), list: N_("a list"), str: N_("text"), bool: N_("true/false"), type(None): "null"}
    kind = kinds.get(type(v), N_("a number"))
    return _(kind)


_SHOW = 40  # characters of a value an error message shows


def _show(v: Any) -> str:
    return repr(v) if len(repr(v)) <= _SHOW else repr(v)[: _SHOW - 1] + "…"


def check_json(data: Any, path: str) -> list[dict[str, Any]]:
    """Parsed JSON of a dossier, or of a collection of dossiers (`{"schema_version", "dossiers"}`,
    as `parse` writes a file that holds several): the dossier dicts, checked and completed."""
    if isinstance(data, dict) and "dossiers" in data and "profielen" not in data:
        _check_version(data, path)
        dossiers = data["dossiers"]
        if type(dossiers) is not list or not all(isinstance(d, dict) for d in dossiers):
            raise InputError(path, None, _("not a parsed collection: dossiers: expected a list of objects"))
        for i, d in enumerate(dossiers):
            d.setdefault("schema_version", data["schema_version"])
            try:
                check_dossier(d, path)
            except InputError as exc:
                prefix = _("not a parsed dossier: {reason}").format(reason="")
                raise InputError(path, None, exc.message.replace(prefix, f"{prefix}dossiers[{i}].", 1)) from None
        return dossiers
    return [check_dossier(data, path)]


def _check_version(data: dict[str, Any], path: str) -> None:
    if "schema_version" not in data:
        raise InputError(
            path,
            None,
            _("not a parsed dossier: {reason}").format(
                reason=_("no schema_version (write it with `kwaldossier parse --json`)")
            ),
        )
    version = data["schema_version"]
    if version != SCHEMA_VERSION or isinstance(version, bool):
        raise InputError(
            path,
            None,
            _(
                "schema_version {version} is not supported (this kwaldossier reads {supported}); parse the source again"
            ).format(version=_show(version), supported=SCHEMA_VERSION),
        )


def check_dossier(data: Any, path: str) -> dict[str, Any]:
    """The parsed-JSON dict, checked and completed in place; InputError naming the first problem."""
    if not isinstance(data, dict):
        raise InputError(
            path,
            None,
            _("not a parsed dossier: {reason}").format(
                reason=_("expected a JSON object, got {kind}").format(kind=_kind(data))
            ),
        )
    _check_version(data, path)
    model = data.get("model", "2012")
    root = WORTELS.get(model) if isinstance(model, str) else None
    if root is None:
        raise InputError(
            path,
            None,
            _("not a parsed dossier: {reason}").format(
                reason=_("model: {model} is not a dossier model ('2012' or '2015')").format(model=_show(model))
            ),
        )
    try:
        checked: dict[str, Any] = _object(root)(data)
        return checked
    except _Bad as exc:
        raise InputError(path, None, _("not a parsed dossier: {reason}").format(reason=exc)) from None
