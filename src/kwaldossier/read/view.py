"""Read-only views over parsed-JSON dicts, shaped like the model, for the fast look-up path.

Loading pydantic's BaseModel costs more than the whole start-up budget of `kwaldossier show`,
so look-ups read parsed JSON (bundled, a file, or a cache entry) into these views instead. The
JSON is checked first by jsoncheck.py, which also fills in the model's defaults, so every
attribute the query code asks for is there with the model's type. They answer the same
attribute names and helper methods the query code uses on the pydantic model; validate and
diff use the full model.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from . import jsoncheck
from .jsoncheck import omitted


def wrap(value: Any, cls: type[View] | None = None) -> Any:
    if isinstance(value, dict):
        return (cls or View)(value)
    if isinstance(value, list):
        return [wrap(v, cls) for v in value]
    return value


class View:
    """Attribute access over one JSON object; mapping access for plain dict fields.

    `_defaults`: the model's optional 2015 fields, which the JSON leaves out while they hold
    their default (so 2012 output stays as it was): read from jsoncheck's specs, which a test
    keeps equal to the model."""

    __slots__ = ("_d",)
    _children: ClassVar[dict[str, type]] = {}
    _defaults: ClassVar[dict[str, Any]] = {}

    def __init__(self, data: dict) -> None:
        self._d = data

    def __getattr__(self, name: str) -> Any:
        try:
            value = self._d[name]
        except KeyError:
            if name not in self._defaults:
                raise AttributeError(name) from None
            value = self._defaults[name]
            value = list(value) if isinstance(value, list) else value
        return wrap(value, self._children.get(name))

    def get(self, key: str, default: Any = None) -> Any:
        return self._d.get(key, default)

    def model_dump(self, mode: str | None = None, exclude: set[str] | None = None) -> dict:
        return {k: v for k, v in self._d.items() if not exclude or k not in exclude}


class VakkennisItemView(View):
    __slots__ = ()
    _defaults: ClassVar[dict[str, Any]] = omitted(jsoncheck.VAKKENNIS)


class CompetentieView(View):
    __slots__ = ()
    _defaults: ClassVar[dict[str, Any]] = omitted(jsoncheck.COMPETENTIE)


class WerkprocesBronView(View):
    __slots__ = ()
    _defaults: ClassVar[dict[str, Any]] = omitted(jsoncheck.WP_BRON)


class WerkprocesView(View):
    __slots__ = ()
    _children: ClassVar[dict[str, type]] = {
        "competenties": CompetentieView,
        "vakkennis_en_vaardigheden": VakkennisItemView,
        "bron": WerkprocesBronView,
    }
    _defaults: ClassVar[dict[str, Any]] = omitted(jsoncheck.WERKPROCES)

    @property
    def heeft_detail(self) -> bool:
        return self._d.get("detail_titel") is not None


class KerntaakView(View):
    __slots__ = ()
    _children: ClassVar[dict[str, type]] = {"werkprocessen": WerkprocesView, "vakkennis_en_vaardigheden": VakkennisItemView}
    _defaults: ClassVar[dict[str, Any]] = omitted(jsoncheck.KERNTAAK)


class AlgemeneInformatieView(View):
    __slots__ = ()
    _defaults: ClassVar[dict[str, Any]] = omitted(jsoncheck.ALGEMEEN)


class ProfielView(View):
    __slots__ = ()
    _children: ClassVar[dict[str, type]] = {"kerntaken": KerntaakView, "algemene_informatie": AlgemeneInformatieView}
    _defaults: ClassVar[dict[str, Any]] = omitted(jsoncheck.PROFIEL)

    def werkprocessen(self) -> Iterator[WerkprocesView]:
        for kt in self._d.get("kerntaken", []):
            for wp in kt.get("werkprocessen", []):
                yield WerkprocesView(wp)

    def werkproces(self, code: str) -> WerkprocesView | None:
        return next((wp for wp in self.werkprocessen() if wp.code == code), None)


class DossierView(View):
    __slots__ = ()
    _children: ClassVar[dict[str, type]] = {"profielen": ProfielView}
    _defaults: ClassVar[dict[str, Any]] = omitted(jsoncheck.DOSSIER)
