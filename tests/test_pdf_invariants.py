"""No PDF in the tests parses to a dossier that breaks the format's invariants with exit 0.

Every layout generator of the tests (and each variant they are called with) renders both
reference profiles, separately and together; `kwaldossier parse --json` reads each. Exit 0 must
come with JSON that satisfies the invariants, checked here on the JSON, independently of the
reader's own check; a broken variant must fail with exit 2 and a reason."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from conftest import PARSED

pytest.importorskip("reportlab")

import pdfgen
from kwaldossier.read import load_file
from pdflayouts import bordered, browser, flow, onematrix, vervolg

GENERATORS = {
    "canvas": pdfgen.render,
    "canvas-repeat": lambda d, p: pdfgen.render(d, p, repeat_header=True),
    "bordered": bordered.render,
    "bordered-fill": lambda d, p: bordered.render(d, p, mark="fill"),
    "bordered-header": lambda d, p: bordered.render(d, p, header_beside=True, kop_in_body=False),
    "flow": flow.render,
    "browser": browser.render,
    "onematrix": onematrix.render,
    "vervolg": vervolg.render,
}


def broken(d: dict) -> list[str]:
    """The invariants, on parse JSON."""
    out = []
    for p in d["profielen"]:
        wps = [wp for kt in p["kerntaken"] for wp in kt["werkprocessen"]]
        codes = Counter(wp["code"] for wp in wps)
        if not wps:
            out.append(f"{p['naam']}: no werkprocessen")
        if wps and not any(wp["matrix"] for wp in wps):
            out.append(f"{p['naam']}: no competence in its matrix")
        out += [f"{p['naam']}: {c} twice" for c, n in codes.items() if n > 1]
        out += [f"{p['naam']}: {wp['code']} without a title" for wp in wps if not wp["titel"].strip()]
        out += [
            f"{p['naam']}: {wp['code']} in the matrix without a section"
            for wp in wps
            if wp["in_profiel"] and wp["detail_titel"] is None
        ]
        for wp in wps:
            if wp["detail_titel"] is not None:
                out += [
                    f"{p['naam']}: {wp['code']} without {k}"
                    for k in ("omschrijving", "gewenst_resultaat", "vakkennis_en_vaardigheden", "competenties")
                    if not wp[k]
                ]
    rv = d["regelverantwoording"]
    if rv["onverwerkt"] > 0.2 * (rv["totaal"] - rv["leeg"]):
        out.append("most lines unplaced")
    return out


@pytest.fixture(scope="module")
def seeds():
    return [
        load_file(PARSED / f"commercieel-medewerker-{n}.json", streng=True) for n in ("binnendienst", "buitendienst")
    ]


@pytest.mark.parametrize("layout", list(GENERATORS))
def test_every_test_pdf_parses_to_a_dossier_that_keeps_the_invariants(tmp_path, cli, seeds, layout):
    if layout in ("browser", "onematrix") and browser.chromium() is None:
        pytest.skip("needs headless Chromium (make browser installs it)")
    if layout == "flow" and not flow.AVAILABLE:
        pytest.skip("layout 'flow' needs DejaVu Sans")
    a, b = seeds
    both = a.model_copy(update={"profielen": a.profielen + b.profielen})
    for k, d in enumerate((a, b, both)):
        path = GENERATORS[layout](d, tmp_path / f"{layout}-{k}.pdf")
        r = cli("parse", path, "--json")
        assert r.code == 0, r.err
        assert broken(json.loads(r.out)) == []


def _without(d, code: str, **update):
    """The dossier with one werkproces changed (in every profile)."""
    profielen = []
    for p in d.profielen:
        kts = [
            kt.model_copy(
                update={
                    "werkprocessen": [
                        wp.model_copy(update=update) if wp.code == code else wp for wp in kt.werkprocessen
                    ]
                }
            )
            for kt in p.kerntaken
        ]
        profielen.append(p.model_copy(update={"kerntaken": kts}))
    return d.model_copy(update={"profielen": profielen})


def _no_crosses(d):
    profielen = []
    for p in d.profielen:
        kts = [
            kt.model_copy(update={"werkprocessen": [wp.model_copy(update={"matrix": []}) for wp in kt.werkprocessen]})
            for kt in p.kerntaken
        ]
        profielen.append(p.model_copy(update={"kerntaken": kts}))
    return d.model_copy(update={"profielen": profielen})


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda d: _without(d, "2.5", titel="", detail_titel=""), "werkproces 2.5 without a title"),
        (_no_crosses, "not one competence crossed in its matrix"),
        (lambda d: _without(d, "2.5", detail_titel=None), "matrix row 2.5 without its werkproces section"),
        (lambda d: _without(d, "2.5", competenties=[]), "werkproces 2.5 without competenties"),
        (lambda d: _without(d, "2.5", omschrijving=""), "werkproces 2.5 without omschrijving"),
    ],
    ids=["untitled", "no-crosses", "no-section", "no-competences", "no-omschrijving"],
)
def test_a_pdf_that_breaks_an_invariant_fails_with_its_reason(tmp_path, cli, seeds, damage, reason):
    path = vervolg.render(damage(seeds[1]), tmp_path / "damaged.pdf")
    r = cli("parse", path, "--json")
    assert r.code == 2 and r.out == "" and "Traceback" not in r.err, r
    assert "not read as a valid kwalificatiedossier" in r.err and reason in r.err, r.err
