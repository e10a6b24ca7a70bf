"""The parse JSON: how a model object is written, and read back. The documented contract.

- A 2012 object is written as pydantic dumps it: its fields are exactly the contract's keys, in
  order (Dossier2012.model is never written: a dossier without `model` is of the 2012 model).
- A 2015 object is written in the same shape, plus two rules:
  - a key the 2012 contract does not have is left out while it holds its default
    (`titel_bron`, `omschrijving_aanvullend`, `aanvullend: false`, ...), flag "leeg" in
    model/velden.py;
  - compatibility keys (COMPAT below) carry what the 2012 contract had, derived from the 2015
    fields, so a reader of the first contract keeps working: a werkproces's `in_profiel`
    (true), `matrix` (the letters of its competences), `matrix_rij` (true), `detail_titel`
    (its titel), empty `gewenst_resultaat` and `vakkennis_en_vaardigheden` (in this model
    vakkennis sits on the kerntaak); a competence's empty `componenten` and
    `prestatie_indicator`; and so on. They are not model fields: reading checks that they hold
    their derived value and drops them (`zonder_compat`).

Import-light: the table comes from model/velden.py (derived from the models); pydantic is
only touched through the objects passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .velden import VELDEN

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .vorm import DossierVorm

Json = dict[str, Any]


def _letters(d: Json) -> list[str]:
    return [c["letter"] for c in d.get("competenties", []) if c.get("letter")]


def _vast(value: Any) -> Callable[[Json], Any]:
    return lambda _d: value.copy() if isinstance(value, list) else value


# key -> how it follows from the object's own JSON; the order is the key order of the contract
# (a compatibility key sits where the 2012 contract has it)
COMPAT: dict[str, dict[str, tuple[str, Callable[[Json], Any]]]] = {
    "Werkproces2015": {
        "in_profiel": ("titel", _vast(True)),
        "matrix": ("in_profiel", _letters),
        "matrix_rij": ("matrix", _vast(True)),
        "detail_titel": ("matrix_rij", lambda d: d["titel"]),
        "gewenst_resultaat": ("omschrijving", _vast([])),
        "vakkennis_en_vaardigheden": ("gewenst_resultaat", _vast([])),
    },
    "Competentie2015": {
        "componenten": ("naam", _vast([])),
        "prestatie_indicator": ("componenten", _vast("")),
        "componenten_regels": ("regels", _vast([])),
        "prestatie_indicator_regels": ("componenten_regels", _vast([])),
        "prestatie_indicator_offsets": ("prestatie_indicator_regels", _vast([])),
    },
    "VakkennisItem2015": {"taal": ("tekst", _vast(False))},
    "WerkprocesBron2015": {
        "matrix": ("", _vast([])),
        "gewenst_resultaat": ("omschrijving_offsets", _vast([])),
    },
    "AlgemeneInformatie2015": {
        "niveau": ("beroepshouding", _vast("")),
        "rol_en_verantwoordelijkheden": ("niveau", _vast("")),
        "complexiteit": ("rol_en_verantwoordelijkheden", _vast("")),
        "branchevereisten": ("wettelijke_beroepsvereisten", _vast("")),
        "nederlands_en_rekenen": ("branchevereisten", _vast("")),
    },
}


def child(kind: str) -> tuple[str | None, bool]:
    """The object class a field kind holds and whether it is a list: list:@X -> (X, True)."""
    kind = kind.lstrip("?")
    is_list = kind.startswith("list:")
    kind = kind.removeprefix("list:").lstrip("?")
    return (kind[1:] if kind.startswith("@") else None), is_list


# ---------------------------------------------------------------- writing

_Stap = tuple[str, str | None, bool, Any, bool, Callable[[Json], Any] | None]
_PLAN: dict[str, list[_Stap]] = {}


def _plan(cls: str) -> list[_Stap]:
    """Per key of the contract, in order: (key, child class, is list, default, left out while
    default, derivation of a compatibility key)."""
    if cls in _PLAN:
        return _PLAN[cls]
    steps: list[_Stap] = []
    for name, kind, default, flag in VELDEN[cls]:
        if flag == "nooit":
            continue
        sub, is_list = child(kind)
        steps.append((name, sub, is_list, default, flag == "leeg", None))
    for key, (after, derive) in COMPAT.get(cls, {}).items():
        at = next((i + 1 for i, s in enumerate(steps) if s[0] == after), 0)
        steps.insert(at, (key, None, False, None, False, derive))
    _PLAN[cls] = steps
    return steps


def vorm(cls: str, d: Json) -> Json:
    """An object's dump (pydantic's model_dump(mode="json")) in the contract's shape."""
    if cls not in COMPAT and not any(flag == "leeg" for *_, flag in VELDEN[cls]) and not _has_2015_child(cls):
        return d
    out: Json = {}
    for key, sub, is_list, default, leeg, derive in _plan(cls):
        if derive is not None:
            out[key] = derive(d)
            continue
        value = d[key]
        if leeg and value == default:
            continue
        if sub is not None and value is not None:
            value = [vorm(sub, v) for v in value] if is_list else vorm(sub, value)
        out[key] = value
    return out


_2015_CHILD: dict[str, bool] = {}


def _has_2015_child(cls: str) -> bool:
    if cls not in _2015_CHILD:
        _2015_CHILD[cls] = False  # cycles: none in the model, but never loop
        subs = [child(kind)[0] for _, kind, _, _ in VELDEN[cls]]
        _2015_CHILD[cls] = any(
            s is not None and (s in COMPAT or any(f == "leeg" for *_, f in VELDEN[s]) or _has_2015_child(s))
            for s in subs
        )
    return _2015_CHILD[cls]


def naar_json(obj: BaseModel) -> Json:
    """Any model object (a dossier, a werkproces, a kerntaak ...) as its contract JSON."""
    return vorm(type(obj).__name__, obj.model_dump(mode="json"))


def dossier_json(dossier: DossierVorm, indent: int | None = 2) -> str:
    """The parse JSON of a dossier (`parse --json`), newline-terminated."""
    return dossier.json_tekst(indent) + "\n"


def dossiers_json(dossiers: Sequence[DossierVorm], indent: int | None = 2) -> str:
    """The parse JSON of a file's dossiers: one dossier as itself; several (SBB's
    whole-structure export) as a collection `{"schema_version", "dossiers": [dossier, ...]}`."""
    if len(dossiers) == 1:
        return dossier_json(dossiers[0], indent)
    import json

    from . import SCHEMA_VERSION

    data = {"schema_version": SCHEMA_VERSION, "dossiers": [d.als_json() for d in dossiers]}
    separators = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators) + "\n"


def dossiers_json_bytes(dossiers: Sequence[DossierVorm]) -> bytes:
    """dossiers_json in UTF-8, for one dossier without a text in between (half the memory)."""
    if len(dossiers) == 1:
        return dossiers[0].json_bytes() + b"\n"
    return dossiers_json(dossiers).encode("utf-8")


def dossiers_json_stukken(dossiers: Sequence[DossierVorm]) -> Iterator[bytes]:
    """dossiers_json_bytes in pieces that join to it (one dossier: a profile at a time), for
    output that need not hold it all at once."""
    if len(dossiers) == 1:
        yield from dossiers[0].json_stukken()
        yield b"\n"
    else:
        yield dossiers_json(dossiers).encode("utf-8")


def zonder_aanvullend(wp: Json) -> Json:
    """A 2015 werkproces's JSON without what a profile adds to it (the basisdeel as written):
    no *_aanvullend texts, no aanvullend bullets or competences, the derived `matrix` again."""
    out = {k: v for k, v in wp.items() if not k.endswith("_aanvullend")}
    for key in ("gedrag", "competenties"):
        if key in wp:
            out[key] = [x for x in wp[key] if not x.get("aanvullend")]
    if "bron" in wp:
        out["bron"] = {k: v for k, v in wp["bron"].items() if k != "aanvullend"}
    if "matrix" in wp:
        out["matrix"] = _letters(out)
    return out


# ---------------------------------------------------------------- reading


class CompatFout(ValueError):
    """A compatibility key that does not hold its derived value; `waar` is its path."""

    def __init__(self, waar: str, key: str) -> None:
        super().__init__(
            f"{waar}{key}: does not match what the 2015 fields give (a derived key; edit the fields instead)"
        )
        self.waar = waar


def zonder_compat(cls: str, d: Json, waar: str = "") -> Json:
    """The object's JSON without its compatibility keys (checked first), for the model to
    validate. Missing compatibility keys are fine: they are derived."""
    compat = COMPAT.get(cls, {})
    out: Json = {}
    for key, value in d.items():
        if key in compat:
            if value != compat[key][1](d):
                raise CompatFout(waar, key)
            continue
        out[key] = value
    for name, kind, _default, _flag in VELDEN[cls]:
        sub, is_list = child(kind)
        value = out.get(name)
        if sub is None or value is None:
            continue
        if is_list and isinstance(value, list):
            out[name] = [
                zonder_compat(sub, v, f"{waar}{name}[{i}].") if isinstance(v, dict) else v for i, v in enumerate(value)
            ]
        elif isinstance(value, dict):
            out[name] = zonder_compat(sub, value, f"{waar}{name}.")
    return out


def wortel(d: Json) -> str:
    """The dossier class of a parse JSON object: by its `model` key (absent: 2012)."""
    from .velden import WORTELS

    return WORTELS.get(str(d.get("model", "2012")), "")


# ---------------------------------------------------------------- schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the parse JSON (`kwaldossier schema parse`): the models' own schema in
    serialization mode, with the compatibility keys of each 2015 class (typed as its 2012 peer
    has them)."""
    from pydantic import TypeAdapter

    from .dossier import _Union

    schema: dict[str, Any] = TypeAdapter(_Union).json_schema(mode="serialization")
    defs = schema["$defs"]
    for cls, keys in COMPAT.items():
        peer = defs[cls.removesuffix("2015") + "2012"]["properties"]
        props = defs[cls]["properties"]
        for key in keys:
            props[key] = {
                **peer[key],
                "description": "Compatibility key of the 2012 contract, derived (model/contract.py)",
            }
        defs[cls]["properties"] = {k: props[k] for k, *_ in _plan(cls)}
    schema["title"] = "Dossier"
    return schema
