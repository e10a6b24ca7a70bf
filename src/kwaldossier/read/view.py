"""Read-only views over parsed-JSON dicts, for the paths that must not import pydantic.

Loading pydantic and the model costs more than the whole start-up budget of a look-up, so
parsed JSON (bundled, a file, a cache entry) is read into views instead. A view class exists
per model class, under the same name, built from the derived field table (model/velden.py):
attribute access per field (nested objects wrapped, a key the JSON leaves out answered by its
default, a date as a date), and the same behaviour mixins as the model (model/afgeleid.py),
so a view satisfies the same protocol (model/vorm.py). Views never change their dict.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from ..model import afgeleid
from ..model.contract import child
from ..model.velden import MIXINS, VELDEN, WORTELS


class View:
    """Attribute access over one JSON object of the parse contract."""

    # the instance dict caches field -> value as read (views, tuples, dates): a field read
    # before is found there, without a call of __getattr__
    __slots__ = ("__dict__", "_d")
    _d: dict[str, Any]  # the JSON object
    # field -> (view class name or None, is a list, default, is a date)
    _velden: ClassVar[dict[str, tuple[str | None, bool, Any, bool]]] = {}

    def __init__(self, data: dict[str, Any]) -> None:
        object.__setattr__(self, "_d", data)

    def __getattr__(self, name: str) -> Any:
        spec = self._velden.get(name)
        if spec is None:
            raise AttributeError(name)
        sub, is_list, default, is_date = spec
        value = self._d.get(name, default)
        if value is ...:
            raise AttributeError(f"{type(self).__name__}.{name} is missing from the JSON")
        if sub is not None and value is not None:
            cls = VIEWS[sub]
            value = tuple(cls(v) for v in value) if is_list else cls(value)
        elif is_date and isinstance(value, str):
            value = date.fromisoformat(value)
        elif isinstance(value, list):
            value = tuple(value)
        self.__dict__[name] = value
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __repr__(self) -> str:
        return f"<view {type(self).__name__}>"

    def als_json(self) -> dict[str, Any]:
        """The object's parse JSON, as it was read."""
        return self._d


def _view_class(name: str) -> type[View]:
    velden: dict[str, tuple[str | None, bool, Any, bool]] = {}
    for field, kind, default, _flag in VELDEN[name]:
        sub, is_list = child(kind)
        velden[field] = (sub, is_list, default, kind.lstrip("?") == "date")
    bases = tuple(getattr(afgeleid, m) for m in MIXINS[name])
    return type(name, (View, *bases), {"__slots__": (), "_velden": velden, "__module__": __name__})


VIEWS: dict[str, type[View]] = {name: _view_class(name) for name in VELDEN}


def dossier_view(data: dict[str, Any]) -> Any:
    """The view of a checked parse-JSON dossier (read/jsoncheck.py), by its `model` key."""
    return VIEWS[WORTELS[str(data.get("model", "2012"))]](data)
