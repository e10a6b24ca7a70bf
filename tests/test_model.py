"""One model per dossier model, written once: the derived field table, the protocol every
consumer reads, and the parse JSON kept byte for byte."""

from __future__ import annotations

import hashlib
import inspect
import json

import pytest

from conftest import BUITEN, PARSED, SBB_XML
from kwaldossier.model import codes, vorm
from kwaldossier.model.contract import dossier_json

SBB_FILES = sorted(SBB_XML.glob("*.xml")) if SBB_XML.is_dir() else []

# sha256 of `kwaldossier parse FILE --json` as the model before this one wrote it (the single
# pydantic model with its wrap serializer), with "bron" set to the file's name: the 2015 JSON
# must stay byte-identical (README, JSON schemas).
BEFORE = {
    "2635 Pedagogisch_Werk.xml": "dcf6880cfb160428e573fbe2b4314904f597663d843d783b64f8c1e451603bea",
    "2637 Sociaal_werk.xml": "8eaae7ad9118f2c65c61635b1e1f5c726317cdb93b913b83bcc0797dff8c846d",
    "2755 Dienstverlening.xml": "2441f8a9f4c53416d9f05447e74ed903de1f49ff4dccd4115a672c0a3e080fc1",
    "4156 Maatschappelijke_Zorg.xml": "28dce2b418bf490767754c03f3d1ad18dc288b8e2a6051a6377d650d3d8bb901",
}


def _sbb(path):
    from kwaldossier.read.sbbxml import parse_sbb_bytes

    (dossier,) = parse_sbb_bytes(path.read_bytes(), path.name)
    return dossier


def test_field_table_is_derived_from_the_models():
    """model/velden.py is generated from the pydantic models (make velden), never edited."""
    from kwaldossier.model import afleiden, velden

    assert inspect.getsource(velden) == afleiden.source(), "model/velden.py is out of date: run `make velden`"


# keys added since (README, JSON schemas: new keys may be added, none removed or renamed)
ADDED = ('  "status": "Vastgesteld",\n',)


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(BEFORE))
def test_sbb_json_is_byte_identical_to_before(name):
    text = dossier_json(_sbb(SBB_XML / name))
    for line in ADDED:  # each addition is there, once, and nothing else changed
        assert text.count(line) == 1
        text = text.replace(line, "")
    assert hashlib.sha256(text.encode()).hexdigest() == BEFORE[name]


def _protocol_members(proto: type) -> set[str]:
    return {n for n in vars(proto) if not n.startswith("_")} - {"model_config"}


PAIRS = {
    name.removesuffix("Vorm"): proto
    for name, proto in vars(vorm).items()
    if name.endswith(("2012Vorm", "2015Vorm")) and isinstance(proto, type)
}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_models_and_views_have_every_member_of_the_protocol(name):
    """What consumers may read (model/vorm.py) exists on the pydantic class and on its view,
    and every field of the model is part of the protocol (nothing readable goes unnamed)."""
    from kwaldossier.model import dossier
    from kwaldossier.read.view import VIEWS

    cls, view, proto = getattr(dossier, name), VIEWS[name], PAIRS[name]
    members = _protocol_members(proto)
    for member in members:
        assert member in cls.model_fields or hasattr(cls, member), (name, member)
        assert member in view._velden or hasattr(view, member), (name, member)
    assert set(cls.model_fields) - {"model"} <= members, (name, set(cls.model_fields) - members)


def _views_equal(view, model) -> None:
    assert view.als_json() == model.als_json()


@pytest.mark.shared
@pytest.mark.parametrize("path", SBB_FILES, ids=lambda p: p.name)
def test_2015_json_round_trips_through_view_and_model(path):
    from kwaldossier.model.dossier import uit_json
    from kwaldossier.read import from_json_bytes

    parsed = _sbb(path)
    text = dossier_json(parsed)
    (view,) = from_json_bytes(text.encode(), "x.json")
    back = uit_json(text)
    assert dossier_json(view) == text and dossier_json(back) == text
    assert back == parsed
    # the views answer what the model answers, field by field
    for pv, pm in zip(view.profielen, parsed.profielen, strict=True):
        assert pv.nlqf == pm.nlqf and pv.code == pm.code
        for wv, wm in zip(pv.werkprocessen(), pm.werkprocessen(), strict=True):
            assert (wv.in_profiel, wv.heeft_detail, wv.letters) == (wm.in_profiel, wm.heeft_detail, wm.letters)
            assert [g.tekst for g in wv.gedrag] == [g.tekst for g in wm.gedrag]
            assert wv.als_json() == wm.als_json()


@pytest.mark.parametrize("name", ["binnendienst", "buitendienst"])
def test_2012_json_round_trips_through_view_and_model(name):
    from kwaldossier.model.dossier import uit_json
    from kwaldossier.read import from_json_bytes

    text = (PARSED / f"commercieel-medewerker-{name}.json").read_text(encoding="utf-8")
    (view,) = from_json_bytes(text.encode(), "x.json")
    assert type(view).__name__ == "Dossier2012" and view.model == "2012"
    assert dossier_json(view) == text and dossier_json(uit_json(text)) == text
    wp = view.profielen[0].werkproces("2.5")
    assert wp.heeft_detail and wp.letters == sorted(wp.matrix)


@pytest.mark.shared
def test_a_compatibility_key_that_disagrees_is_refused(tmp_path, cli):
    """A 2015 werkproces's `matrix` is derived from its competences: an edited one is an input
    error (the edit would be silently lost), in the look-ups and in validate/diff alike."""
    data = json.loads(dossier_json(_sbb(SBB_XML / "2637 Sociaal_werk.xml")))
    wp = data["profielen"][0]["kerntaken"][0]["werkprocessen"][0]
    wp["matrix"] = ["A"]
    f = tmp_path / "edited.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for args in (("list", "-p", f), ("validate", f), ("parse", f, "--json")):
        r = cli(*args)
        assert r.code == 2 and r.out == "", (args, r)
        assert "werkprocessen[0].matrix: does not match what the 2015 fields give" in r.err, r.err
    del wp["matrix"]  # a missing compatibility key is fine: it is derived
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = cli("show", "B1-K1-W1", "-p", f"Sociaal-maatschappelijk dienstverlener@{f}", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["resultaten"][0]["werkproces"]["code"] == "B1-K1-W1"


def test_views_are_read_only():
    from kwaldossier.read import load_all

    p = load_all()[0].profiel
    with pytest.raises(AttributeError):
        p.naam = "x"
    assert isinstance(p.kerntaken, tuple)


@pytest.mark.parametrize(
    ("codes_in", "ordered"),
    [
        (
            ["B1-K1-W10", "B1-K1-W2", "B1-K1-W9", "P2-K1-W1", "B1-K2-W1"],
            ["B1-K1-W2", "B1-K1-W9", "B1-K1-W10", "B1-K2-W1", "P2-K1-W1"],
        ),
        (["2.10", "2.9", "10.1", "1.1"], ["1.1", "2.9", "2.10", "10.1"]),
        (["B1-K1-W1", "1.1", "x", ""], ["", "1.1", "x", "B1-K1-W1"]),
    ],
)
def test_code_order(codes_in, ordered):
    assert sorted(codes_in, key=codes.code_key) == ordered


@pytest.mark.shared
def test_validate_sorts_w10_after_w2():
    """The registry sorted findings with its own key, which put B1-K1-W10 before B1-K1-W2."""
    from kwaldossier.read import GeladenProfiel
    from kwaldossier.validate import RULES, rule, run

    d = _sbb(SBB_XML / "2637 Sociaal_werk.xml")

    from dataclasses import dataclass

    from kwaldossier.validate import Violation

    @dataclass(frozen=True, kw_only=True)
    class Gezien(Violation):
        def message(self) -> str:
            return "seen"

    @rule("KD998", "test-volgorde", "info", "a test rule", modellen=("2015",))
    def _order(_ctx):
        for code in ("B1-K1-W10", "B1-K1-W2", "B1-K1-W1"):
            yield Gezien(werkproces=code)

    try:
        found = [f.werkproces for f in run([GeladenProfiel(d.profielen[0], d, None)], [RULES["KD998"]])]
    finally:
        del RULES["KD998"]
    assert found == ["B1-K1-W1", "B1-K1-W2", "B1-K1-W10"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7", 7),
        (" 12 ", 12),
        ("007", 7),
        ("999", 999),
        ("1000", None),
        ("-1", None),
        ("²", None),
        ("١", None),
        ("1" * 5000, None),
        ("", None),
        ("1.5", None),
        ("+3", None),
    ],
)
def test_numbers_from_a_file(text, value):
    assert codes.klein_getal(text) == value


@pytest.mark.shared
def test_json_in_pieces_joins_to_the_whole_json():
    """`parse --json` writes a 2012 dossier a profile at a time: the pieces join to the JSON of
    the whole, for several profiles, one, a view, a 2015 dossier and a collection alike."""
    from kwaldossier.model.contract import dossiers_json_bytes, dossiers_json_stukken
    from kwaldossier.read import from_json_bytes
    from kwaldossier.read.tekst import split_lines
    from kwaldossier.read.text2012 import parse_lines

    naam = "Commercieel medewerker buitendienst"
    text = BUITEN.read_text(encoding="utf-8")
    drie = parse_lines(split_lines("".join(text.replace(naam, f"{naam} {i}") for i in range(3))))
    een = parse_lines(split_lines(text))
    (view,) = from_json_bytes(een.json_bytes(), "x.json")
    sbb = _sbb(SBB_XML / "2637 Sociaal_werk.xml")
    for dossiers in ([drie], [een], [view], [sbb], [sbb, een]):
        stukken = list(dossiers_json_stukken(dossiers))
        assert b"".join(stukken) == dossiers_json_bytes(dossiers)
    assert len(list(dossiers_json_stukken([drie]))) == 6  # head, 3 profiles, tail, newline
