"""What follows from a model object's fields, written once for the pydantic models and for the
light views over parsed JSON (read/view.py): both inherit these mixins. Import-light: no
pydantic here. The mixins carry no annotated fields (pydantic would take them as fields); the
tag `model` ("2012" | "2015") is a class variable, so code dispatches on the type
(`if wp.model == "2015"`), never on the presence of a field.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol, TypeVar

from .competenties import LETTERS

if TYPE_CHECKING:
    from .vorm import DossierVorm

W = TypeVar("W", covariant=True)
MAX_NIVEAU = 4  # MBO niveau 1–4


class _MetWerkprocessen(Protocol[W]):
    @property
    def werkprocessen(self) -> Sequence[W]: ...


class _MetKerntaken(Protocol[W]):
    @property
    def kerntaken(self) -> Sequence[_MetWerkprocessen[W]]: ...


class _MetCode(Protocol):
    @property
    def code(self) -> str: ...


C = TypeVar("C", bound=_MetCode)


class _MetNiveau(Protocol):
    @property
    def niveau(self) -> int | None: ...


class ProfielAfgeleid:
    """A profile's werkprocessen in dossier order, one by code, and its NLQF/EQF level."""

    __slots__ = ()

    def werkprocessen(self: _MetKerntaken[W]) -> Iterator[W]:
        for kt in self.kerntaken:
            yield from kt.werkprocessen

    def werkproces(self: _MetKerntaken[C], code: str) -> C | None:
        return next((wp for kt in self.kerntaken for wp in kt.werkprocessen if wp.code == code), None)

    @property
    def nlqf(self: _MetNiveau) -> int | None:
        """NLQF and EQF level: MBO niveau 1–4 is NLQF/EQF 1–4 (the Dutch qualifications framework)."""
        n = self.niveau
        return n if n is not None and 1 <= n <= MAX_NIVEAU else None


class Contract:
    """Every model object: its parse JSON (model/contract.py); a view answers its own dict."""

    __slots__ = ()

    def als_json(self) -> dict[str, Any]:
        from .contract import naar_json

        return naar_json(self)  # type: ignore[arg-type]  # a pydantic model (views override)

    def json_tekst(self, indent: int | None = 2) -> str:
        """The parse JSON as text (indent None: compact, as the parse cache keeps it)."""
        import json

        separators = (",", ": ") if indent is not None else (",", ":")
        return json.dumps(self.als_json(), ensure_ascii=False, indent=indent, separators=separators)

    def json_bytes(self, indent: int | None = 2) -> bytes:
        """json_tekst in UTF-8 (a 2012 dossier: straight from pydantic's serializer, no text between)."""
        return self.json_tekst(indent).encode("utf-8")

    def json_stukken(self) -> Iterator[bytes]:
        """json_bytes() in pieces that join to it (a 2012 dossier: one profile at a time)."""
        yield self.json_bytes()


class Model2012(Contract):
    __slots__ = ()
    model: ClassVar[Literal["2012"]] = "2012"


class Model2015(Contract):
    __slots__ = ()
    model: ClassVar[Literal["2015"]] = "2015"


class AlgemeneInformatieAfgeleid:
    """The text fields of algemene informatie by name (its model's own fields, `bron` aside)."""

    __slots__ = ()

    def teksten(self) -> dict[str, str]:
        from .velden import VELDEN

        fields = VELDEN[type(self).__name__]
        return {name: getattr(self, name) for name, kind, _, _ in fields if kind == "str"}


class _MetDetail(Protocol):
    @property
    def detail_titel(self) -> str | None: ...


class _MetMatrix(Protocol):
    @property
    def matrix(self) -> Sequence[str]: ...


class Werkproces2012Afgeleid(Model2012):
    __slots__ = ()

    @property
    def heeft_detail(self: _MetDetail) -> bool:
        """The werkproces has its detail section ('N.N werkproces: ...')."""
        return self.detail_titel is not None

    @property
    def letters(self: _MetMatrix) -> list[str]:
        """The letters of the competences it calls on: its matrix row's crosses, A–Y, each once."""
        have = set(self.matrix)
        return [letter for letter in LETTERS if letter in have]


class _Letterbaar(Protocol):
    @property
    def letter(self) -> str | None: ...


class _MetCompetenties(Protocol):
    @property
    def competenties(self) -> Sequence[_Letterbaar]: ...


class Werkproces2015Afgeleid(Model2015):
    """A 2015 werkproces belongs to its profile and is described in full by definition."""

    __slots__ = ()

    @property
    def in_profiel(self) -> bool:
        return True

    @property
    def heeft_detail(self) -> bool:
        return True

    @property
    def letters(self: _MetCompetenties) -> list[str]:
        """The letters of the competences it calls on, in A–Y order, each once."""
        have = {c.letter for c in self.competenties if c.letter}
        return [letter for letter in LETTERS if letter in have]


class DossierKop:
    """What identifies a dossier to a person, for either model: titel, crebo, model, geldig
    vanaf, versie, status (the 2012 text carries no crebo, version or status: None)."""

    __slots__ = ("crebo", "geldig_vanaf", "model", "status", "titel", "versie")

    def __init__(  # noqa: PLR0913 - a record: one parameter a field
        self,
        *,
        titel: str | None,
        crebo: str | None,
        model: str,
        geldig_vanaf: date | None,
        versie: str | None,
        status: str | None,
    ) -> None:
        self.titel = titel
        self.crebo = crebo
        self.model = model
        self.geldig_vanaf = geldig_vanaf
        self.versie = versie
        self.status = status


def dossier_kop(dossier: DossierVorm) -> DossierKop:
    if dossier.model == "2015":
        return DossierKop(
            titel=dossier.titel,
            crebo=dossier.crebo,
            model="2015",
            geldig_vanaf=dossier.geldig_vanaf,
            versie=dossier.versie,
            status=dossier.status,
        )
    return DossierKop(
        titel=dossier.titel, crebo=None, model="2012", geldig_vanaf=dossier.geldig_vanaf, versie=None, status=None
    )
