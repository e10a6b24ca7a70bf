"""diff, filtering: what a report shows, by field (--only) and by grade (--min-impact)."""

from __future__ import annotations

from dataclasses import dataclass

from .diff_report import ONLY, RANK, WerkprocesDiff, Wijziging


@dataclass(frozen=True)
class DiffFilters:
    """What a diff compares and shows (None: everything): --kerntaak, --werkproces, --only, --min-impact."""

    kerntaak: str | None = None
    werkproces: str | None = None
    only: str | None = None
    min_impact: str | None = None


class Filter:
    """--only FIELDS and --min-impact GRADE as one test on a change."""

    def __init__(self, only: str | None, min_impact: str | None) -> None:
        self.keep = (ONLY[only] | {"code"}) if only else None
        self.floor = RANK[min_impact] if min_impact else 0

    def grade(self, c: Wijziging) -> bool:
        return RANK[c.impact] >= self.floor

    def __call__(self, c: Wijziging) -> bool:
        return (self.keep is None or c.veld in self.keep) and self.grade(c)

    def werkprocessen(self, ws: list[WerkprocesDiff]) -> None:
        for w in ws:
            w.wijzigingen = [c for c in w.wijzigingen if self(c)]

    def algemeen(self, d: dict[str, Wijziging | None]) -> dict[str, Wijziging | None]:
        return {k: (c if c is not None and self.grade(c) else None) for k, c in d.items()}

    def kerntaken(self, d: dict[str, Wijziging]) -> dict[str, Wijziging]:
        return {k: c for k, c in d.items() if self.grade(c)}

    def kerntaak_velden(self, d: dict[str, list[Wijziging]]) -> dict[str, list[Wijziging]]:
        return {k: kept for k, cs in d.items() if (kept := [c for c in cs if self(c)])}
