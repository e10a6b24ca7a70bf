"""One fixture per rule code: a small dossier built in the test (tests/bouw.py) that triggers
the rule, and the exact findings expected; a clean built dossier triggers none. An input the
text parser repairs on its own (KD106, KD203, KD208, KD403, KD501) is the built dossier parsed
and edited as JSON, as a designer's tool would write it. Expected lines are the lines the
builder wrote the part on (`Bouw.regel`), the messages written out from the input."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from bouw import (
    Bouw,
    Competentie2012,
    Kerntaak2012,
    Kerntaak2015,
    Werkproces2012,
    Werkproces2015,
    dossier2012,
    sbb2015,
)
from conftest import BINNEN, BUITEN
from kwaldossier.validate import ALIASES, RETIRED, RULES, select_rules

B, W, I = "error", "warning", "info"
Expected = list[tuple[str, str | None, int | None, str]]  # (severity, werkproces, line, message)

# ---------------------------------------------------------------- making inputs

M = "Analyseren"
N = "Onderzoeken"
R = 'Op de behoeften en verwachtingen van de "klant" richten'


def comp(naam: str, *componenten: str, indicator: str | None = None) -> Competentie2012:
    c = Competentie2012(naam, list(componenten) or [f"Een component van {naam}"])
    if indicator is not None:
        c.indicator = indicator
    return c


def wps(prefix: str, n: int, **changed: Werkproces2012) -> list[Werkproces2012]:
    """Werkprocessen prefix.1 .. prefix.n with default contents, some replaced."""
    out = []
    for i in range(1, n + 1):
        code = f"{prefix}.{i}"
        out.append(changed.get(code) or Werkproces2012(code, f"Werkproces {code} wordt uitgevoerd"))
    return out


def tekst(tmp: Path, *kerntaken: Kerntaak2012, **kw) -> Bouw:
    return dossier2012(tmp / "dossier.txt", list(kerntaken), **kw)


def kt1(*changed: Werkproces2012, n: int = 3) -> Kerntaak2012:
    return Kerntaak2012("1", "Onderzoekt de markt", wps("1", n, **{wp.code: wp for wp in changed}))


def as_json(tmp: Path, b: Bouw, edit: Callable[[dict], None]) -> Path:
    """The built text dossier parsed, edited as JSON and written next to it."""
    from kwaldossier.read.text2012 import parse_file

    data = parse_file(b.pad).model_dump(mode="json")
    edit(data)
    path = tmp / "edited.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def wp_of(data: dict, code: str) -> dict:
    return next(wp for kt in data["profielen"][0]["kerntaken"] for wp in kt["werkprocessen"] if wp["code"] == code)


def comp_of(wp: dict, letter: str) -> dict:
    return next(c for c in wp["competenties"] if c["letter"] == letter)


# ---------------------------------------------------------------- the fixtures
# Each returns the input and the findings of its code, in the order validate reports them.


def _kd101(tmp):
    b = tekst(tmp, kt1(Werkproces2012("1.3", "Stelt een activiteitenplan op", matrix="AN")))
    return b.pad, [
        (
            B,
            "1.3",
            b.regel("matrix", "1.3"),
            "matrix crosses A Beslissen en activiteiten initiëren but the detail has no such block",
        )
    ]


def _kd102(tmp):
    b = tekst(tmp, kt1(Werkproces2012("1.1", "Verzamelt informatie", matrix="M", competenties=[comp(M), comp(N)])))
    return b.pad, [(B, "1.1", b.regel("competentie", "1.1", "1"), "block N Onderzoeken has no cross in the matrix row")]


def _kd103(tmp):
    wp = Werkproces2012("2.6", "Onderhandelt met de klant/account", matrix="HX", detail=False)
    b = tekst(tmp, Kerntaak2012("2", "Voert het verkooptraject uit", wps("2", 6, **{"2.6": wp})))
    return b.pad, [
        (
            B,
            "2.6",
            b.regel("matrix", "2.6"),
            "2.6 Onderhandelt met de klant/account has crosses in the matrix but no detail section",
        )
    ]


def _kd104(tmp):
    leeg = Werkproces2012("1.6", "Coördineert de uitvoering", matrix="")
    weg = Werkproces2012("1.7", "Evalueert de plannen", in_matrix=False)
    b = tekst(tmp, kt1(leeg, weg, n=7))
    return b.pad, [
        (B, "1.6", b.regel("kop", "1.6"), "detail section 1.6 but its matrix row is empty"),
        (B, "1.7", b.regel("kop", "1.7"), "detail section 1.7 has no row in the matrix"),
    ]


def _kd105(tmp):
    klachten = "Signaleert en behandelt klachten"
    wp = Werkproces2012("3.1", klachten, detail_titel=klachten + " en wensen")
    b = tekst(tmp, Kerntaak2012("3", "Handelt klachten af", [wp]))
    return b.pad, [(W, "3.1", b.regel("kop", "3.1"), f"matrix says {klachten!r}, detail says '{klachten} en wensen'")]


def _kd106(tmp):
    b = tekst(tmp, kt1())

    def edit(d):
        kt = d["profielen"][0]["kerntaken"][0]
        kt["werkprocessen"].insert(1, json.loads(json.dumps(kt["werkprocessen"][0])))

    return as_json(tmp, b, edit), [(B, "1.1", b.regel("kop", "1.1"), "second detail section for 1.1")]


def _kd201(tmp):
    j = "Formuleren en rapporteren"
    dubbel = Werkproces2012(
        "3.3", "Rapporteert", competenties=[comp(j, "Rapporteren"), comp(N), comp(j, "Rapporteren")]
    )
    anders = Werkproces2012(
        "3.2", "Informeert", competenties=[comp(j, "Rapporteren"), comp(j, "Nauwkeurig rapporteren")]
    )
    b = tekst(tmp, Kerntaak2012("3", "Handelt klachten af", wps("3", 3, **{"3.2": anders, "3.3": dubbel})))
    first_32, first_33 = b.regel("competentie", "3.2", "0"), b.regel("competentie", "3.3", "0")
    return b.pad, [
        (
            B,
            "3.2",
            b.regel("competentie", "3.2", "1"),
            f"J {j} occurs twice (different blocks, first at line {first_32})",
        ),
        (
            B,
            "3.3",
            b.regel("competentie", "3.3", "2"),
            f"J {j} occurs twice (identical blocks, first at line {first_33})",
        ),
    ]


def _kd202(tmp):
    b = tekst(tmp, kt1(Werkproces2012("1.1", "Verzamelt informatie", matrix="M", competenties=[comp("Analyseeren")])))
    return b.pad, [
        (
            B,
            "1.1",
            b.regel("competentie", "1.1", "0"),
            "'Analyseeren' is not a competence of the national list; did you mean M 'Analyseren'?",
        )
    ]


def _kd203(tmp):
    b = tekst(tmp, kt1(Werkproces2012("1.1", "Verzamelt informatie", matrix="M", competenties=[comp(M)])))
    path = as_json(tmp, b, lambda d: comp_of(wp_of(d, "1.1"), "M").update(letter="N"))
    return path, [(B, "1.1", b.regel("competentie", "1.1", "0"), "'Analyseren' is competence M, not N")]


def _kd204(tmp):
    e, q = "Samenwerken en overleggen", "Plannen en organiseren"
    b = tekst(
        tmp,
        kt1(
            Werkproces2012("1.1", "Overlegt", competenties=[comp(e, "Afstemmen")]),
            Werkproces2012("1.2", "Overlegt weer", competenties=[comp(e, "Afstemmen")]),
            Werkproces2012("1.3", "Stelt een activiteitenplan op", competenties=[comp(q, "Tijd indelen", "Afstemmen")]),
        ),
    )
    return b.pad, [
        (
            W,
            "1.3",
            b.regel("component", "1.3", "0", "1"),
            "component 'Afstemmen' under Q: the dossier lists it under E 2 times, under Q 1 time",
        )
    ]


def _kd206(tmp):
    zelfde = "De medewerker stelt de juiste vragen aan de klant."
    wp = Werkproces2012(
        "3.1", "Handelt klachten af", competenties=[comp(M, indicator=zelfde), comp(R, indicator=zelfde)]
    )
    b = tekst(tmp, Kerntaak2012("3", "Handelt klachten af", [wp]))
    first = b.regel("indicator", "3.1", "0")
    return b.pad, [
        (W, "3.1", b.regel("indicator", "3.1", "1"), f"R has the same prestatie-indicator as M (line {first})")
    ]


def _kd207(tmp):
    wp = Werkproces2012(
        "1.1",
        "Verzamelt informatie",
        matrix="M",
        competenties=[comp(M, "Informatie genereren uit gegevens", "Informatie genereren uit gegevens")],
    )
    b = tekst(tmp, kt1(wp))
    return b.pad, [
        (
            W,
            "1.1",
            b.regel("competentie", "1.1", "0"),
            "component 'Informatie genereren uit gegevens' of M listed 2 times",
        )
    ]


def _kd208(tmp):
    wp = Werkproces2012(
        "1.1",
        "Verzamelt informatie",
        matrix="M",
        competenties=[comp(M, "Informatie genereren uit gegevens", "Informatie uiteenrafelen")],
    )
    b = tekst(tmp, kt1(wp))

    def edit(d):
        comp_of(wp_of(d, "1.1"), "M")["componenten"][1] = "Informatie genereren uit gegevens met veel zorg"

    return as_json(tmp, b, edit), [
        (
            W,
            "1.1",
            b.regel("component", "1.1", "0", "1"),
            "component 'Informatie genereren uit gegevens met veel zorg' of M starts with the "
            "component 'Informatie genereren uit gegevens'; is 'met veel zorg' merged text?",
        )
    ]


def _kd301(tmp):
    b = tekst(tmp, kt1(Werkproces2012("1.1", "Verzamelt informatie", omschrijving="")))
    return b.pad, [(B, "1.1", b.regel("kop", "1.1"), "omschrijving is empty")]


def _kd302(tmp):
    b = tekst(tmp, kt1(Werkproces2012("1.1", "Verzamelt informatie", resultaat=[])))
    return b.pad, [(B, "1.1", b.regel("kop", "1.1"), "gewenst resultaat is empty")]


def _kd303(tmp):
    b = tekst(tmp, kt1(Werkproces2012("1.1", "Verzamelt informatie", vakkennis=[])))
    return b.pad, [(B, "1.1", b.regel("kop", "1.1"), "vakkennis en vaardigheden list is empty")]


def _kd304(tmp):
    b = tekst(tmp, kt1(Werkproces2012("1.1", "Verzamelt informatie", matrix="N", competenties=[])))
    return b.pad, [(B, "1.1", b.regel("kop", "1.1"), "competence column is empty")]


def _kd305(tmp):
    b = tekst(tmp, kt1(Werkproces2012("1.1", "Verzamelt informatie", competenties=[comp(M, indicator="")])))
    return b.pad, [(B, "1.1", b.regel("competentie", "1.1", "0"), "M Analyseren has no prestatie-indicator")]


def _kd306(tmp):
    b = tekst(tmp, kt1(Werkproces2012("1.1", "Verzamelt informatie", competenties=[Competentie2012(M, [])])))
    return b.pad, [(B, "1.1", b.regel("competentie", "1.1", "0"), "M Analyseren has no componenten")]


def _kd307(tmp):
    b = tekst(tmp, kt1(), algemeen={"beroepshouding": ""})
    return b.pad, [(W, None, b.regel("profiel"), "algemene informatie: beroepshouding is empty")]


def _kd308(tmp):
    zodat = "De medewerker weegt klantvriendelijkheid en organisatiebelang, zodat"
    b = tekst(
        tmp,
        Kerntaak2012(
            "2",
            "Verkoopt",
            wps(
                "2",
                3,
                **{"2.3": Werkproces2012("2.3", "Verkoopt productgericht", competenties=[comp(R, indicator=zodat)])},
            ),
        ),
    )
    return b.pad, [
        (
            W,
            "2.3",
            b.regel("indicator", "2.3", "0"),
            "prestatie-indicator R stops mid-sentence: …'endelijkheid en organisatiebelang, zodat'",
        )
    ]


def _kd401(tmp):
    b = tekst(tmp, kt1(), na_matrix=["zie bijlage 3 voor de toelichting", ""])
    return b.pad, [(B, None, b.regel("na_matrix"), "line not placed in the model: 'zie bijlage 3 voor de toelichting'")]


def _kd402(tmp):
    b = tekst(
        tmp,
        kt1(
            Werkproces2012("1.1", "Verzamelt informatie", omschrijving="De medewerker maakt een plant voor de klant."),
            Werkproces2012("1.3", "Stelt een plan op", omschrijving="De medewerker maakt een p lant voor het team."),
        ),
    )
    return b.pad, [(W, "1.3", b.regel("omschrijving", "1.3"), "omschrijving: 'p lant' looks like 'plant'")]


def _kd403(tmp):
    b = tekst(tmp, kt1(Werkproces2012("1.1", "Verzamelt informatie", vakkennis=["Schattingen maken", "Doorvragen"])))

    def edit(d):
        wp_of(d, "1.1")["vakkennis_en_vaardigheden"][1]["tekst"] = "Berekeningen/schat-tingen maken"

    return as_json(tmp, b, edit), [
        (
            W,
            "1.1",
            b.regel("vakkennis", "1.1", "1"),
            "vakkennis_en_vaardigheden: broken word 'Berekeningen/schat-tingen'",
        )
    ]


def _kd404(tmp):
    label = Werkproces2012(
        "3.1",
        "Doet voorstellen",
        competenties=[
            comp("Overtuigen en beïnvloeden", indicator="Prestatie-Indicator De medewerker doet voorstellen.")
        ],
    )
    b = tekst(tmp, Kerntaak2012("3", "Handelt klachten af", [label]))
    return b.pad, [
        (W, "3.1", b.regel("indicator", "3.1", "0"), "stray label 'Prestatie-Indicator' removed from the text")
    ]


def _kd405(tmp):
    aansluiten = "Aansluiten bij behoeften en verwachtingen"
    eerst = Werkproces2012("2.2", "Adviseert", competenties=[comp(R, aansluiten)])
    samen = Werkproces2012(
        "2.3",
        "Verkoopt productgericht",
        competenties=[
            comp(
                R,
                aansluiten + " klantvriendelijkheid en organisatiebelang, zodat de klant",
                indicator="een aanbod krijgt.",
            )
        ],
    )
    samen.competenties[0].witregel = False  # the indicator's last line follows at once, as extracted
    b = tekst(tmp, Kerntaak2012("2", "Verkoopt", wps("2", 3, **{"2.2": eerst, "2.3": samen})))
    return b.pad, [
        (
            I,
            "2.3",
            b.regel("component", "2.3", "0", "0"),
            f"merged columns split: '• {aansluiten} klantvriendelijkheid en or'",
        )
    ]


def _kd406(tmp):
    b = tekst(
        tmp, kt1(Werkproces2012("1.3", "Stelt een plan op", omschrijving="Hij brengt de activiteiten in kaart ."))
    )
    return b.pad, [
        (I, "1.3", b.regel("omschrijving", "1.3"), "omschrijving: space before punctuation in 'iteiten in kaart .'")
    ]


def _kd501(tmp):
    b = tekst(tmp, kt1())
    path = as_json(tmp, b, lambda d: wp_of(d, "1.3").update(code="2.3"))
    return path, [(B, "2.3", b.regel("matrix", "1.3"), "2.3 listed under kerntaak 1")]


def _kd502(tmp):
    titel = "Bewaakt de voortgang van het verkooptraject bij de account"
    laatste = Werkproces2012("2.9", titel, rij=False, detail=False)
    b = tekst(tmp, Kerntaak2012("2", "Verkoopt", wps("2", 9, **{"2.9": laatste})))
    return b.pad, [(I, "2.9", b.regel("matrix", "2.9"), f"2.9 {titel} has no matrix row; read as not in the profile")]


def _kd503(tmp):
    b = tekst(
        tmp, kt1(Werkproces2012("1.1", "Verzamelt informatie", vakkennis=["Doorvragen", "Luisteren", "Doorvragen"]))
    )
    return b.pad, [(W, "1.1", b.regel("vakkennis", "1.1", "0"), "vakkennis item 'Doorvragen' listed twice")]


def _kd504(tmp):
    b = tekst(tmp, kt1(), algemeen={"niveau": "Niveau van de beroepsuitoefening Niveau onbekend"})
    return b.pad, [(W, None, b.regel("profiel"), "niveau None is not 1–4")]


CASES: dict[str, Callable[[Path], tuple[Path, Expected]]] = {
    f"KD{name[3:]}": fn for name, fn in list(globals().items()) if re.fullmatch(r"_kd\d{3}", name)
}


def test_every_rule_has_a_fixture():
    """Every 2012-model rule has its fixture here, every rule of both models a 2015 one
    (CASES_2015 below), and every 2015-only rule (KD6xx) one of CASES_6 below."""
    assert sorted(CASES) == sorted(c for c, r in RULES.items() if "2012" in r.modellen)
    assert sorted(CASES_2015) == sorted(c for c, r in RULES.items() if r.modellen == ("2012", "2015"))
    assert sorted(CASES_6) == sorted(c for c, r in RULES.items() if r.modellen == ("2015",))


def _run(cli, path) -> list[dict]:
    r = cli("validate", path, "--format", "json")
    assert r.code in (0, 1), r.err
    return json.loads(r.out)["findings"]


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fixture(code, tmp_path, cli):
    path, expected = CASES[code](tmp_path)
    found = _run(cli, path)
    got = [(f["severity"], f["werkproces"], f["line"], f["message"]) for f in found if f["code"] == code]
    assert got == expected
    assert all(f["severity"] == RULES[code].severity for f in found if f["code"] == code)


def test_kd501_gap_in_numbering(tmp_path, cli):
    """Kerntaak 1 without 1.4: the numbering has a gap (reported at the kerntaak's heading)."""
    b = tekst(tmp_path, Kerntaak2012("1", "Onderzoekt de markt", [wp for wp in wps("1", 6) if wp.code != "1.4"]))
    got = [(f["werkproces"], f["line"], f["message"]) for f in _run(cli, b.pad) if f["code"] == "KD501"]
    assert got == [(None, b.regel("kerntaak", "1"), "kerntaak 1 numbers its werkprocessen [1, 2, 3, 5, 6]")]


# ---------------------------------------------------------------- the rules of both models on 2015 input

BASIS = [
    Kerntaak2015("Werken aan de aanpak", [Werkproces2015("Inventariseert de vraag"), Werkproces2015("Maakt een plan")])
]
TWEE = {
    "Werker een": [Kerntaak2015("Ondersteunen", [Werkproces2015("Bereidt voor")])],
    "Werker twee": [Kerntaak2015("Begeleiden", [Werkproces2015("Begeleidt")])],
}


def _sbb(tmp, basis=BASIS, profielen=TWEE, **kw) -> Bouw:
    return sbb2015(tmp / "proef.xml", basis, profielen, **kw)


def _kd301_2015(tmp):
    """A basisdeel werkproces without omschrijving: reported once (on the first profile), at the
    werkproces (an empty text has no line of its own)."""
    b = _sbb(
        tmp,
        [
            Kerntaak2015(
                "Werken aan de aanpak",
                [Werkproces2015("Inventariseert de vraag"), Werkproces2015("Maakt een plan", omschrijving="  ")],
            )
        ],
    )
    return b.pad, [("Werker een", "B1-K1-W2", b.regel("werkproces", "B1-K1-W2"), "omschrijving is empty")]


def _kd304_2015(tmp):
    """No competences: reported on every profile (each resolves the werkproces on its own)."""
    b = _sbb(tmp, [Kerntaak2015("Werken aan de aanpak", [Werkproces2015("Inventariseert de vraag", competenties="")])])
    line = b.regel("competenties", "B1-K1-W1")
    return b.pad, [
        ("Werker een", "B1-K1-W1", line, "no competences"),
        ("Werker twee", "B1-K1-W1", line, "no competences"),
    ]


def _kd202_2015(tmp):
    """The file's competence table gives Analyseren the code Z: not a national letter."""
    b = _sbb(
        tmp, [Kerntaak2015("Werken aan de aanpak", [Werkproces2015("Analyseert", competenties="EM")])], codes={"M": "Z"}
    )
    line = b.regel("competentie", "B1-K1-W1", "M")
    message = "competence 'Analyseren' has no national letter A–Y"
    return b.pad, [("Werker een", "B1-K1-W1", line, message), ("Werker twee", "B1-K1-W1", line, message)]


CASES_2015 = {"KD301": _kd301_2015, "KD304": _kd304_2015, "KD202": _kd202_2015}


@pytest.mark.parametrize("code", sorted(CASES_2015))
def test_rule_of_both_models_on_2015(code, tmp_path, cli):
    """One rule, one code for both models: the 2015 finding carries KD301, not KD605; the former
    code still selects it."""
    path, expected = CASES_2015[code](tmp_path)
    found = _run(cli, path)
    got = [(f["profiel"], f["werkproces"], f["line"], f["message"]) for f in found if f["code"] == code]
    assert got == expected
    assert not [f for f in found if f["code"] in ALIASES]
    former = next(a for a, c in ALIASES.items() if c == code)
    r = cli("validate", path, "--format", "json", "--select", former)
    assert [(f["code"], f["line"]) for f in json.loads(r.out)["findings"]] == [(code, e[2]) for e in expected]
    r = cli("validate", path, "--format", "json", "--ignore", former)
    assert code not in {f["code"] for f in json.loads(r.out)["findings"]}


# ---------------------------------------------------------------- the 2015-only rules (KD6xx)
# Each fixture is the clean built dossier (BASIS, TWEE) with one defect; it returns the input and
# every finding validate reports on it, (severity, profiel, werkproces, line, message), in order.


def _basis_w2(**changed) -> list[Kerntaak2015]:
    """BASIS with its second werkproces (B1-K1-W2, 'Maakt een plan') changed."""
    return [
        Kerntaak2015(
            "Werken aan de aanpak",
            [Werkproces2015("Inventariseert de vraag"), Werkproces2015("Maakt een plan", **changed)],
        )
    ]


def _een(kerntaak: Kerntaak2015) -> dict[str, list[Kerntaak2015]]:
    """TWEE with Werker een's kerntaak replaced."""
    return {**TWEE, "Werker een": [kerntaak]}


def _twee(kerntaak: Kerntaak2015) -> dict[str, list[Kerntaak2015]]:
    """TWEE with Werker twee's kerntaak replaced."""
    return {**TWEE, "Werker twee": [kerntaak]}


def _kd601(tmp):
    """Werker een's kerntaak refers to kennisofvaardigheid 7 besides 1; the file has only 1."""
    b = _sbb(tmp, profielen=_een(Kerntaak2015("Ondersteunen", [Werkproces2015("Bereidt voor")], vakkennis=["1", "7"])))
    return b, [
        (
            B,
            "Werker een",
            None,
            b.regel("vakkennis", "P1-K1", "1"),
            "vakkennisenvaardigheden referentie='7' resolves to no kennisofvaardigheid",
        )
    ]


def _kd602(tmp):
    """B1-K1-W2 says hoofdstuk 1 too: two werkprocessen B1-K1-W1, each reported (on the first
    profile: a basisdeel finding). A finding like any other (exit 1), not a fatal error."""
    b = _sbb(tmp, _basis_w2(hoofdstuk=1))
    message = "werkproces code B1-K1-W1 occurs 2 times"
    return b, [
        (B, "Werker een", "B1-K1-W1", b.regel("werkproces", "B1-K1-W1"), message),
        (B, "Werker een", "B1-K1-W1", b.regel("werkproces", "B1-K1-W2"), message),
    ]


def _kd603(tmp):
    """B1-K1-W2 says hoofdstuk 3: kerntaak B1-K1 numbers its werkprocessen 1, 3."""
    b = _sbb(tmp, _basis_w2(hoofdstuk=3))
    return b, [
        (W, "Werker een", "B1-K1", b.regel("kerntaak", "B1-K1"), "werkproces B1-K1-W2 is missing (numbers [1, 3])")
    ]


def _kd604(tmp):
    b = _sbb(tmp, _basis_w2(resultaat=""))
    return b, [(B, "Werker een", "B1-K1-W2", b.regel("resultaat", "B1-K1-W2"), "resultaat is empty")]


def _kd606(tmp):
    b = _sbb(tmp, _basis_w2(gedrag="De werker werkt nauwkeurig."))
    return b, [(B, "Werker een", "B1-K1-W2", b.regel("gedrag", "B1-K1-W2"), "gedrag has no bullets")]


def _kd607(tmp):
    """A trailing space in the title of Werker twee's werkproces (the reader strips it)."""
    b = _sbb(tmp, profielen=_twee(Kerntaak2015("Begeleiden", [Werkproces2015("Begeleidt ")])))
    return b, [
        (
            I,
            "Werker twee",
            "P2-K1-W1",
            b.regel("werkproces", "P2-K1-W1"),
            "werkproces title 'Begeleidt ' has stray whitespace",
        )
    ]


def _kd609(tmp):
    b = _sbb(tmp, _basis_w2(gedrag="- stemt af met betrokkenen;\n- trekt logische conclusies."))
    return b, [(I, "Werker een", "B1-K1-W2", b.regel("gedrag", "B1-K1-W2"), "gedrag starts without an intro line")]


def _kd610(tmp):
    """Werker een's werkproces lists '- stemt af met betrokkenen;' twice (gedrag lines 1 and 2):
    the second is reported."""
    gedrag = "De werker:\n- stemt af met betrokkenen;\n- stemt af met betrokkenen;\n- trekt logische conclusies."
    b = _sbb(tmp, profielen=_een(Kerntaak2015("Ondersteunen", [Werkproces2015("Bereidt voor", gedrag=gedrag)])))
    return b, [
        (
            W,
            "Werker een",
            "P1-K1-W1",
            b.regel("gedrag", "P1-K1-W1", "2"),
            "gedrag bullet 'stemt af met betrokkenen;' occurs twice",
        )
    ]


def _kd611(tmp):
    """Werker twee has niveau="" (the reader makes no niveau of it)."""
    b = _sbb(tmp, niveaus={"Werker twee": ""})
    return b, [(W, "Werker twee", None, b.regel("profiel", "Werker twee"), "profile has no niveau")]


def _kd612(tmp):
    b = _sbb(tmp, [*BASIS, Kerntaak2015("Rondt af", [])])
    return b, [(B, "Werker een", "B1-K2", b.regel("kerntaak", "B1-K2"), "kerntaak has no werkprocessen")]


def _kd613(tmp):
    """Werker twee's kerntaak has an empty complexiteit: reported on that profile."""
    b = _sbb(tmp, profielen=_twee(Kerntaak2015("Begeleiden", [Werkproces2015("Begeleidt")], complexiteit="")))
    return b, [(W, "Werker twee", "P2-K1", b.regel("kerntaak", "P2-K1"), "complexiteit is empty")]


CASES_6: dict[str, Callable[[Path], tuple[Bouw, list[tuple[str, str, str | None, int, str]]]]] = {
    f"KD{name[3:]}": fn for name, fn in list(globals().items()) if re.fullmatch(r"_kd6\d{2}", name)
}


def _kd602_kerntaak(tmp):
    """A second basisdeel kerntaak that says hoofdstuk 1 too."""
    b = _sbb(tmp, [*BASIS, Kerntaak2015("Rondt af", [Werkproces2015("Evalueert")], hoofdstuk=1)])
    message = "kerntaak code B1-K1 occurs 2 times"
    return b, [
        (B, "Werker een", "B1-K1", b.regel("kerntaak", "B1-K1"), message),
        (B, "Werker een", "B1-K1", b.regel("kerntaak", "B1-K2"), message),
    ]


def _kd603_kerntaak(tmp):
    """Werker twee's only kerntaak says hoofdstuk 2: its profieldeel has no P2-K1 (the finding names
    the kerntaak by the code it got, P2-K2)."""
    b = _sbb(tmp, profielen=_twee(Kerntaak2015("Begeleiden", [Werkproces2015("Begeleidt")], hoofdstuk=2)))
    return b, [(W, "Werker twee", "P2-K2", b.regel("kerntaak", "P2-K1"), "kerntaak P2-K1 is missing (numbers [2])")]


def _kd611_crebo(tmp):
    b = _sbb(tmp, crebos={"Werker een": ""})
    return b, [(W, "Werker een", None, b.regel("profiel", "Werker een"), "profile has no kwalificatie crebo")]


def _kd613_verantwoordelijkheid(tmp):
    b = _sbb(tmp, [Kerntaak2015("Werken aan de aanpak", BASIS[0].werkprocessen, verantwoordelijkheid="")])
    return b, [(W, "Werker een", "B1-K1", b.regel("kerntaak", "B1-K1"), "verantwoordelijkheid is empty")]


def _kd613_vakkennis(tmp):
    b = _sbb(tmp, [Kerntaak2015("Werken aan de aanpak", BASIS[0].werkprocessen, vakkennis=[])])
    return b, [(W, "Werker een", "B1-K1", b.regel("kerntaak", "B1-K1"), "vakkennis en vaardigheden is empty")]


# the other forms of a KD6xx defect: (code, fixture)
VARIANTS_6 = {
    "KD602-kerntaak": ("KD602", _kd602_kerntaak),
    "KD603-kerntaak": ("KD603", _kd603_kerntaak),
    "KD611-crebo": ("KD611", _kd611_crebo),
    "KD613-verantwoordelijkheid": ("KD613", _kd613_verantwoordelijkheid),
    "KD613-vakkennis": ("KD613", _kd613_vakkennis),
}


@pytest.mark.parametrize(
    ("code", "make"),
    [*((c, CASES_6[c]) for c in sorted(CASES_6)), *VARIANTS_6.values()],
    ids=[*sorted(CASES_6), *VARIANTS_6],
)
def test_2015_rule_fixture(code, make, tmp_path, cli):
    """The built dossier with one defect: validate reports that code and no other, each finding
    with its message, profile, werkproces, file and line; exit 1 for an error, else 0 (1 with
    --strict for a warning); nothing on stderr. --select CODE gives the same findings."""
    b, expected = make(tmp_path)
    r = cli("validate", b.pad, "--format", "json")
    assert r.err == ""
    found = json.loads(r.out)["findings"]
    got = [(f["code"], f["severity"], f["profiel"], f["werkproces"], f["line"], f["message"]) for f in found]
    assert got == [(code, *e) for e in expected]
    assert all(f["bron"] == f["regelbestand"] == str(b.pad) for f in found)
    severity = RULES[code].severity
    assert r.code == (1 if severity == "error" else 0)
    strict = cli("validate", b.pad, "--strict")
    assert (strict.code, strict.err) == (0 if severity == "info" else 1, "")
    selected = json.loads(cli("validate", b.pad, "--format", "json", "--select", code).out)["findings"]
    assert selected == found


def test_kd601_basisdeel_reference_reported_once(tmp_path, cli):
    """KD601's docs: 'Reported once per file (on its first profile)'. Each profile resolves the
    basisdeel, so the reader meets a bad basisdeel reference once per profile; it keeps it once
    (it was reported twice here, both on Werker een)."""
    b = _sbb(tmp_path, [Kerntaak2015("Werken aan de aanpak", BASIS[0].werkprocessen, vakkennis=["1", "7"])])
    found = _run(cli, b.pad)
    assert [(f["code"], f["profiel"], f["line"]) for f in found] == [
        ("KD601", "Werker een", b.regel("vakkennis", "B1-K1", "1"))
    ]


def test_kd610_basisdeel_bullet_twice_reported_once(tmp_path, cli):
    """A bullet twice in the basisdeel's own gedrag is one defect of the file: reported on the
    first profile only (it was reported on every profile), at the second bullet."""
    gedrag = "De werker:\n- stemt af met betrokkenen;\n- stemt af met betrokkenen;\n- trekt logische conclusies."
    b = _sbb(tmp_path, _basis_w2(gedrag=gedrag))
    found = [f for f in _run(cli, b.pad) if f["code"] == "KD610"]
    assert [(f["profiel"], f["werkproces"], f["line"]) for f in found] == [
        ("Werker een", "B1-K1-W2", b.regel("gedrag", "B1-K1-W2", "2"))
    ]


def test_kd611_niveau_outside_1_to_4(tmp_path, cli):
    b = _sbb(tmp_path, niveaus={"Werker twee": "7"})
    found = [f for f in _run(cli, b.pad) if f["code"] == "KD611"]
    assert [(f["profiel"], f["line"], f["message"]) for f in found] == [
        ("Werker twee", b.regel("profiel", "Werker twee"), "profile has no valid niveau (7)")
    ]


def test_2015_rule_docs_have_an_example():
    for code, r in RULES.items():
        if r.modellen == ("2015",):
            assert "\nExample:" in r.docs and "{code}" not in r.docs, code


# ---------------------------------------------------------------- clean input


def test_clean_input_triggers_no_rule(tmp_path, cli):
    """A built dossier of each model as the builder makes it by default: not one finding of any
    severity, so exit 0 even with --strict."""
    for path in (tekst(tmp_path, kt1(n=4), Kerntaak2012("2", "Verkoopt", wps("2", 2))).pad, _sbb(tmp_path).pad):
        assert _run(cli, path) == []
        r = cli("validate", path, "--strict")
        assert r.code == 0 and "0 findings in " in r.out


def test_seeds_findings_at_a_glance(cli):
    """The seeds: buitendienst has no error (two genuine findings); binnendienst one error."""
    buiten = _run(cli, BUITEN)
    assert [(f["code"], f["severity"]) for f in buiten] == [("KD502", I), ("KD206", W)]
    binnen = _run(cli, BINNEN)
    assert sorted(f["code"] for f in binnen) == sorted(["KD402", "KD406", "KD405", "KD402", "KD502", "KD404", "KD201"])


def test_findings_sort_by_code_order(tmp_path, cli):
    """Findings sort by werkproces in code order (model.codes.code_key): 1.10 after 1.9, not
    after 1.1 as a sort of strings puts it."""
    b = tekst(
        tmp_path, kt1(*(Werkproces2012(f"1.{i}", f"Werkproces 1.{i}", omschrijving="") for i in (1, 2, 9, 10)), n=10)
    )
    found = [f["werkproces"] for f in _run(cli, b.pad) if f["code"] == "KD301"]
    assert found == ["1.1", "1.2", "1.9", "1.10"]


# ---------------------------------------------------------------- retired codes and docs


def test_retired_code_is_accepted_and_explained(cli):
    assert "KD205" in RETIRED and "KD205" not in RULES
    r = cli("validate", BUITEN, "--select", "KD205", "--format", "json")
    assert r.code == 0 and json.loads(r.out)["findings"] == []
    r = cli("rules", "KD205")  # explained (what it was, why it went), not an error
    assert r.code == 0 and r.err == "" and r.out.startswith("KD205  (retired)\n") and "KD204" in r.out
    r = cli("rules", "KD205", "--json")
    assert r.code == 0 and json.loads(r.out) == []  # no rule runs under a retired code
    r = cli("--taal", "nl", "rules", "KD205")
    assert r.code == 0 and r.out.startswith("KD205  (vervallen)\n")


def test_former_2015_codes_mean_the_merged_rule(cli):
    """KD605, KD608, KD614 were the 2015 copies of KD301, KD304, KD202: the exact code still
    selects and ignores the rule of both models, and `rules` says where it went."""
    assert ALIASES == {"KD605": "KD301", "KD608": "KD304", "KD614": "KD202"}
    assert [r.code for r in select_rules(["KD605"])] == ["KD301"]
    assert [r.code for r in select_rules(["kd608", "KD614"])] == ["KD202", "KD304"]
    kept = [r.code for r in select_rules(None, ["KD605"])]
    assert "KD301" not in kept and "KD302" in kept and len(kept) == len(RULES) - 1
    assert "KD301" not in [r.code for r in select_rules(["KD6"])]  # a prefix matches today's codes only
    assert RULES["KD301"].aliases == ("KD605",) and RULES["KD301"].modellen == ("2012", "2015")
    r = cli("rules", "KD605")
    assert r.code == 0 and r.out.startswith("KD605  (retired)\n")
    assert "(lege-omschrijving-2015) is now KD301 lege-omschrijving" in " ".join(r.out.split())
    r = cli("rules", "--json")
    entry = next(x for x in json.loads(r.out) if x["code"] == "KD304")
    assert entry["aliases"] == ["KD608"] and entry["modellen"] == ["2012", "2015"]


@pytest.mark.parametrize("code", sorted(c for c, r in RULES.items() if "2012" in r.modellen))
def test_rule_docs_have_an_example(code):
    r = RULES[code]
    assert "\nExample:" in r.docs and "{code}" not in r.docs, code
    assert r.modellen == (("2012", "2015") if r.aliases else ("2012",)), code


_EXAMPLE = re.compile(r"^(KD\d{3}) (error|warning|info)(?: (\d+\.\d+))?(?: line (\d+))?: (.*)$")


def _doc_examples(docs: str) -> list[tuple[str, str, str | None, int | None, str]]:
    """The findings a rule's docs show: indented 'KDnnn severity [wp] [line N]: message' lines,
    a more deeply indented line continuing the one before."""
    joined: list[str] = []
    for line in docs.split("\n"):
        if line.startswith("        ") and joined:
            joined[-1] += " " + line.strip()
        elif line.startswith("    KD"):
            joined.append(line.strip())
    out = []
    for text in joined:
        m = _EXAMPLE.match(text)
        assert m, text
        code, sev, wp, line, message = m.groups()
        out.append((code, sev, wp, int(line) if line else None, message))
    return out


def _placed_anywhere(finding: tuple) -> tuple:
    """A finding without its line numbers (the line, and a line a message cites)."""
    code, severity, werkproces, _, message = finding
    return code, severity, werkproces, re.sub(r"\bline \d+", "line N", message)


def test_doc_examples_are_real_findings(cli, tmp_path):
    """Every finding a rule's docs show is what the rule reports: exactly, on a seed; or, but
    for the line numbers (the docs cite the seed's lines), on its fixture."""
    seeds = {
        (f["code"], f["severity"], f["werkproces"], f["line"], f["message"])
        for seed in (BUITEN, BINNEN)
        for f in _run(cli, seed)
    }
    fixtures = set()
    for code, make in CASES.items():
        folder = tmp_path / code
        folder.mkdir()
        _, expected = make(folder)
        fixtures |= {_placed_anywhere((code, *f)) for f in expected}
    fixtures.add(("KD501", "error", None, "kerntaak 1 numbers its werkprocessen [1, 2, 3, 5, 6]"))  # the gap test
    for code, r in RULES.items():
        if "2012" not in r.modellen:
            continue  # the KD6xx docs show XML, not findings: test_2015_rule_docs_have_an_example
        shown = _doc_examples(r.docs)
        assert shown, code
        for example in shown:
            assert example[0] == code, example
            assert example in seeds or _placed_anywhere(example) in fixtures, example


def test_readme_rules_table_matches_the_registry():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    rows = [line.split("|")[1:-1] for line in readme.splitlines() if line.startswith("| KD")]
    listed: dict[str, tuple[str, str]] = {}
    for code, name, severity, _ in (map(str.strip, row) for row in rows):
        if "–" in code:  # a range with one family of names: KD301–KD306 lege-…
            first, last = (int(c[2:]) for c in code.split("–"))
            for n in range(first, last + 1):
                listed[f"KD{n}"] = (RULES[f"KD{n}"].name, severity)
        else:
            listed[code] = (name, severity)
    assert set(listed) == set(RULES) | set(RETIRED)
    for code, r in RULES.items():
        assert listed[code] == (r.name, r.severity), code
    assert all(listed[code][1] == "retired" for code in RETIRED)
