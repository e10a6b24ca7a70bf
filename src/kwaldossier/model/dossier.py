"""A dossier of either model: the discriminated union of Dossier2012 and Dossier2015, keyed by
`model` (absent in a 2012 dossier's JSON: the first contract had no such key). Readers build
their own model's type; everything else takes the union and dispatches on `model`.

Heavy (pydantic): the look-ups never import this; they read parsed JSON into read/view.py."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

from pydantic import Discriminator, Tag, TypeAdapter

from .gedeeld import Herstelling, OnverwerkteRegel, Regelverantwoording
from .m2012 import (
    AlgemeneInformatie2012,
    Competentie2012,
    Dossier2012,
    Kerntaak2012,
    Profiel2012,
    VakkennisItem2012,
    Werkproces2012,
    WerkprocesBron2012,
)
from .m2015 import (
    AlgemeneInformatie2015,
    Competentie2015,
    Dossier2015,
    GedragRegel,
    Kerntaak2015,
    NietGelezen,
    Profiel2015,
    VakkennisItem2015,
    Verwijzing,
    Werkproces2015,
    WerkprocesBron2015,
)

__all__ = [
    "AlgemeneInformatie2012",
    "AlgemeneInformatie2015",
    "Competentie2012",
    "Competentie2015",
    "Dossier",
    "Dossier2012",
    "Dossier2015",
    "GedragRegel",
    "Herstelling",
    "Kerntaak2012",
    "Kerntaak2015",
    "NietGelezen",
    "OnverwerkteRegel",
    "Profiel2012",
    "Profiel2015",
    "Regelverantwoording",
    "VakkennisItem2012",
    "VakkennisItem2015",
    "Verwijzing",
    "Werkproces2012",
    "Werkproces2015",
    "WerkprocesBron2012",
    "WerkprocesBron2015",
    "dossier_adapter",
    "uit_json",
]

Dossier: TypeAlias = Dossier2012 | Dossier2015


def _model_van(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("model", "2012"))
    return value.model if isinstance(value, Dossier2012 | Dossier2015) else ""


if TYPE_CHECKING:
    _Union = Dossier
else:
    _Union = Annotated[
        Annotated[Dossier2012, Tag("2012")] | Annotated[Dossier2015, Tag("2015")], Discriminator(_model_van)
    ]


@cache
def dossier_adapter() -> TypeAdapter[Dossier]:
    """Validates a dossier of either model (a dict as in the parse JSON, compatibility keys
    removed: see model/contract.py)."""
    return TypeAdapter(_Union)


def uit_json(data: dict[str, Any] | str | bytes) -> Dossier:
    """A dossier from its parse JSON (a dict or the text): compatibility keys checked and
    dropped (model/contract.py), then validated by the model (strict: unknown keys are errors).
    Raises pydantic's ValidationError, or contract.CompatFout."""
    import json

    from .contract import wortel, zonder_compat

    obj: dict[str, Any] = data if isinstance(data, dict) else json.loads(data)
    return dossier_adapter().validate_python(zonder_compat(wortel(obj), obj))
