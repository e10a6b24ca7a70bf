"""Derive model/velden.py, the light field table, from the pydantic models.

The look-ups read parsed JSON without pydantic (it costs more than their whole start-up): the
structural check (read/jsoncheck.py), the views (read/view.py) and the JSON contract's
compatibility layout (model/contract.py) work from this table, which is written from the
models' `model_fields`, never by hand. Regenerate with `make velden`
(`python -m kwaldossier.model.afleiden > src/kwaldossier/model/velden.py`); a test fails when
the file is out of date.

Each field: (name, kind, default, flag). kind: str, int, bool, date, letter, kerntaak_code,
werkproces_code, literal:A|B, ?kind (or null), list:kind, dict:kind, @Class (an object).
default: Ellipsis when required, else its JSON value. flag: "" (always written), "leeg" (left
out while it holds its default: a 2015 key the 2012 contract does not have), "nooit" (never
written: Dossier2012.model).
"""

from __future__ import annotations

import datetime
import json
import sys
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo

from .dossier import Dossier2012, Dossier2015
from .gedeeld import Controle

WORTELS: dict[str, type[BaseModel]] = {"2012": Dossier2012, "2015": Dossier2015}
_SCALARS = {str: "str", int: "int", bool: "bool", datetime.date: "date"}


def _kind(tp: Any, metadata: list[Any]) -> str:
    for m in metadata:
        if isinstance(m, Controle):
            return m.naam
    origin = get_origin(tp)
    if origin is Annotated:
        base, *meta = get_args(tp)
        return _kind(base, list(meta))
    generic = _kind_generic(tp, origin)
    if generic is not None:
        return generic
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return "@" + tp.__name__
    if tp in _SCALARS:
        return _SCALARS[tp]
    raise TypeError(f"unsupported annotation {tp!r}")


def _kind_generic(tp: Any, origin: Any) -> str | None:
    """The kind of an optional, list, dict or Literal annotation; None for any other."""
    if origin in (Union, types.UnionType):
        rest = [a for a in get_args(tp) if a is not type(None)]
        if len(rest) != 1:
            raise TypeError(f"unsupported union {tp!r}")
        return "?" + _kind(rest[0], [])
    if origin is list:
        return "list:" + _kind(get_args(tp)[0], [])
    if origin is dict:
        key, value = get_args(tp)
        if key is not str:
            raise TypeError(f"unsupported dict key {key!r}")
        return "dict:" + _kind(value, [])
    if origin is Literal:
        return "literal:" + "|".join(str(a) for a in get_args(tp))
    return None


def _classes(root: type[BaseModel]) -> list[type[BaseModel]]:
    """The model classes reachable from a dossier class, in a stable order."""
    seen: list[type[BaseModel]] = []
    todo = [root]
    while todo:
        cls = todo.pop(0)
        if cls in seen:
            continue
        seen.append(cls)
        for f in cls.model_fields.values():
            todo += [t for t in _nested(f.annotation) if t not in seen]
    return seen


def _nested(tp: Any) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [t for a in get_args(tp) for t in _nested(a)]


def _peer(cls: type[BaseModel]) -> type[BaseModel] | None:
    """The 2012 class a 2015 class corresponds to (Werkproces2015 -> Werkproces2012)."""
    if not cls.__name__.endswith("2015"):
        return None
    from . import m2012

    peer = getattr(m2012, cls.__name__.removesuffix("2015") + "2012", None)
    return peer if isinstance(peer, type) and issubclass(peer, BaseModel) else None


def _flag(cls: type[BaseModel], name: str, f: FieldInfo) -> str:
    if f.exclude:
        return "nooit"
    if cls is Dossier2015 and name == "model":
        return ""  # the discriminator: always written
    peer = _peer(cls) or (Dossier2012 if cls is Dossier2015 else None)
    if peer is not None and name not in peer.model_fields:
        return "leeg"
    return ""


def _default(f: FieldInfo) -> Any:
    if f.is_required():
        return ...
    value = f.get_default(call_default_factory=True)
    return TypeAdapter(Any).dump_python(value, mode="json")


def table() -> dict[str, tuple[tuple[str, str, Any, str], ...]]:
    out: dict[str, tuple[tuple[str, str, Any, str], ...]] = {}
    for root in WORTELS.values():
        for cls in _classes(root):
            out[cls.__name__] = tuple(
                (name, _kind(f.annotation, list(f.metadata)), _default(f), _flag(cls, name, f))
                for name, f in cls.model_fields.items()
            )
    return out


def mixins() -> dict[str, tuple[str, ...]]:
    """Per class, its bases from model/afgeleid.py: the views inherit the same behaviour."""
    from . import afgeleid

    out: dict[str, tuple[str, ...]] = {}
    for root in WORTELS.values():
        for cls in _classes(root):
            out[cls.__name__] = tuple(b.__name__ for b in cls.__bases__ if b.__module__ == afgeleid.__name__)
    return out


def _literal(value: Any) -> str:
    """A Python literal in the project's style (double quotes)."""
    if value is ...:
        return "..."
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool | int) or value is None:
        return repr(value)
    if isinstance(value, list | tuple):
        inner = ", ".join(_literal(v) for v in value)
        return f"[{inner}]" if isinstance(value, list) else f"({inner}{',' if len(value) == 1 else ''})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no literal for {value!r}")


def source() -> str:
    lines = [
        '"""The fields of every model class, derived from the pydantic models (model/afleiden.py).',
        "",
        "Generated by `make velden`; tests/test_model.py fails when it is out of date. Do not edit.",
        '"""',
        "",
        "from typing import Any",
        "",
        "WORTELS = " + _literal({k: v.__name__ for k, v in WORTELS.items()}),
        "",
        "VELDEN: dict[str, tuple[tuple[str, str, Any, str], ...]] = {",
    ]
    for name, fields in table().items():
        lines.append(f"    {_literal(name)}: (")
        lines += [f"        {_literal(field)}," for field in fields]
        lines.append("    ),")
    lines.append("}")
    lines += ["", "# bases of each class from model/afgeleid.py (the views take the same)"]
    lines.append("MIXINS: dict[str, tuple[str, ...]] = {")
    lines += [f"    {_literal(name)}: {_literal(bases)}," for name, bases in mixins().items()]
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(source())
