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


def wrap(value: Any, cls: type[View] | None = None) -> Any:
    if isinstance(value, dict):
        return (cls or View)(value)
    if isinstance(value, list):
        return [wrap(v, cls) for v in value]
    return value


class View:
    """Attribute access over one JSON object; mapping access for plain dict fields."""

    __slots__ = ("_d",)
    _children: ClassVar[dict[str, type]] = {}

    def __init__(self, data: dict) -> None:
        self._d = data

    def __getattr__(self, name: str) -> Any:
        try:
            value = self._d[name]
        except KeyError:
            raise AttributeError(name) from None
        return wrap(value, self._children.get(name))

    def get(self, key: str, default: Any = None) -> Any:
        return self._d.get(key, default)

    def model_dump(self, mode: str | None = None, exclude: set[str] | None = None) -> dict:
        return {k: v for k, v in self._d.items() if not exclude or k not in exclude}


class WerkprocesView(View):
    __slots__ = ()

    @property
    def heeft_detail(self) -> bool:
        return self._d.get("detail_titel") is not None


class KerntaakView(View):
    __slots__ = ()
    _children: ClassVar[dict[str, type]] = {"werkprocessen": WerkprocesView}


class ProfielView(View):
    __slots__ = ()
    _children: ClassVar[dict[str, type]] = {"kerntaken": KerntaakView}

    def werkprocessen(self) -> Iterator[WerkprocesView]:
        for kt in self._d.get("kerntaken", []):
            for wp in kt.get("werkprocessen", []):
                yield WerkprocesView(wp)

    def werkproces(self, code: str) -> WerkprocesView | None:
        return next((wp for wp in self.werkprocessen() if wp.code == code), None)


class DossierView(View):
    __slots__ = ()
    _children: ClassVar[dict[str, type]] = {"profielen": ProfielView}
