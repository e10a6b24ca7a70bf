"""The 2015 model: SBB XML exports read, looked up, validated and diffed.

Expected values were read from the four real files in shared/sbb-xml (and the crebo list of
regeling BWBR0036352), not produced by the code under test."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import SBB_XML
from kwaldossier.read.sbbxml import parse_sbb

PW = SBB_XML / "2635 Pedagogisch_Werk.xml"
SW = SBB_XML / "2637 Sociaal_werk.xml"
DV = SBB_XML / "2755 Dienstverlening.xml"
MZ = SBB_XML / "4156 Maatschappelijke_Zorg.xml"
ALL = [PW, SW, DV, MZ]

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def dossiers():
    return {f.name: parse_sbb(f)[0] for f in ALL}


def _profiel(d, naam):
    return next(p for p in d.profielen if p.naam == naam)


# ---------------------------------------------------------------- header and profiles

PROFIELEN = {
    PW.name: (
        "Pedagogisch Werk",
        "23183",
        [
            ("P1", "Pedagogisch medewerker kinderopvang", "25486", 3),
            ("P2", "Gespecialiseerd pedagogisch medewerker", "25484", 4),
            ("P3", "Onderwijsassistent", "25485", 4),
        ],
    ),
    SW.name: (
        "Sociaal werk",
        "23185",
        [
            ("P1", "Sociaal-maatschappelijk dienstverlener", "25489", 4),
            ("P2", "Sociaal-cultureel werker", "25488", 4),
        ],
    ),
    DV.name: (
        "Dienstverlening",
        "23189",
        [
            ("P1", "Medewerker facilitaire dienstverlening", "25499", 2),
            ("P2", "Helpende Zorg en Welzijn", "25498", 2),
            ("P3", "Medewerker sport en recreatie", "25500", 2),
        ],
    ),
    MZ.name: (
        "Maatschappelijke Zorg",
        "23181",
        [
            ("P1", "Begeleider gehandicaptenzorg", "25475", 3),
            ("P2", "Begeleider specifieke doelgroepen", "25476", 3),
            ("P3", "Persoonlijk begeleider gehandicaptenzorg", "25477", 4),
            ("P4", "Agogisch medewerker GGZ", "25474", 4),
            ("P5", "Thuisbegeleider", "25479", 4),
            ("P6", "Persoonlijk begeleider specifieke doelgroepen", "25478", 4),
        ],
    ),
}


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_header_and_every_profile(dossiers, path):
    d = dossiers[path.name]
    titel, crebo, profielen = PROFIELEN[path.name]
    assert (d.model, d.formaat, d.titel, d.crebo) == ("2015", "sbb-xml", titel, crebo)
    assert str(d.geldig_vanaf) == "2015-08-01"
    assert str(d.vastgesteld_op) == "2015-11-26"
    assert d.sector == "Zorg en welzijn"
    assert [(p.code, p.naam, p.crebo, p.niveau) for p in d.profielen] == profielen


def test_versie_and_raw_profile_title(dossiers):
    assert dossiers[MZ.name].versie == "Gewijzigd 2016"
    assert dossiers[SW.name].versie is None
    p = _profiel(dossiers[PW.name], "Gespecialiseerd pedagogisch medewerker")
    assert p.titel_bron == "Gespecialiseerd pedagogisch medewerker "


# ---------------------------------------------------------------- werkprocessen

# number of <werkproces> elements per file (grep -c '<werkproces ')
WERKPROCES_ELEMENTEN = {PW.name: 34, SW.name: 16, DV.name: 18, MZ.name: 43}


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_every_werkproces_once_with_code_and_title(dossiers, path):
    d = dossiers[path.name]
    distinct = {(wp.code, wp.titel) for p in d.profielen for wp in p.werkprocessen()}
    assert len(distinct) == WERKPROCES_ELEMENTEN[path.name]
    assert len({c for c, _ in distinct}) == len(distinct)  # a code has one title
    # the raw titles, whitespace-normalised, are exactly the werkproces titles of the file
    raw = re.findall(r'<werkproces nr="\d+" titel="([^"]*)"', path.read_text(encoding="utf-8-sig"))
    assert sorted(" ".join(t.split()) for t in raw) == sorted(t for _, t in distinct)
    for p in d.profielen:
        assert all(wp.code.startswith("B1-") == (wp.deel == "basis") for wp in p.werkprocessen())
        assert all(wp.code.startswith(p.code + "-") for wp in p.werkprocessen() if wp.deel == "profiel")


def test_literal_codes_and_titles(dossiers):
    sw = _profiel(dossiers[SW.name], "Sociaal-maatschappelijk dienstverlener")
    codes = [wp.code for wp in sw.werkprocessen()]
    assert codes == [f"B1-K1-W{i}" for i in range(1, 9)] + ["B1-K2-W1", "B1-K2-W2", "P1-K1-W1", "P1-K1-W2", "P1-K1-W3"]
    assert sw.werkproces("B1-K1-W1").titel == "Inventariseert de vraag naar sociaal werk"
    assert sw.werkproces("B1-K1-W1").titel_bron == "Inventariseert de vraag naar sociaal werk "
    assert sw.werkproces("P1-K1-W2").titel == "Ondersteunt de cliënt bij juridische en financiële vragen"
    assert [kt.code for kt in sw.kerntaken] == ["B1-K1", "B1-K2", "P1-K1"]
    cw = _profiel(dossiers[SW.name], "Sociaal-cultureel werker")
    assert cw.werkproces("P2-K1-W3").titel == "Voert coördinerende taken uit"
    assert cw.werkproces("P1-K1-W1") is None
    oa = _profiel(dossiers[PW.name], "Onderwijsassistent")
    assert [kt.code for kt in oa.kerntaken] == ["B1-K1", "B1-K2", "P3-K1", "P3-K2"]
    assert len(list(oa.werkprocessen())) == 17
    dv = _profiel(dossiers[DV.name], "Helpende Zorg en Welzijn")
    assert dv.werkproces("B1-K1-W9") is not None and dv.werkproces("B1-K2-W1") is None
    assert dv.werkproces("B1-K1-W6").titel == "Draagt bij aan een veilige situatie"


def _in_order(wp):
    """The competence letters in the file's order (base references, then aanvullend ones)."""
    return [c.letter for c in wp.competenties]


def test_competence_letters(dossiers):
    sw = _profiel(dossiers[SW.name], "Sociaal-maatschappelijk dienstverlener")
    assert sw.werkproces("B1-K1-W1").letters == ["D", "F", "N", "R"]  # 3087 3089 3097 3101
    assert sw.werkproces("B1-K1-W2").letters == ["E", "M", "Q"]  # 3088 3096 3100
    assert sw.werkproces("P1-K1-W2").letters == ["C", "J", "K", "M"]
    r = sw.werkproces("B1-K1-W1").competenties[3]
    assert (r.letter, r.naam) == ("R", 'Op de behoeften en verwachtingen van de "klant" richten')
    mz = dossiers[MZ.name]
    # B1-K1-W5: E T V D C for all; K added (aanvullend) for Agogisch medewerker GGZ and Thuisbegeleider
    assert _in_order(_profiel(mz, "Begeleider gehandicaptenzorg").werkproces("B1-K1-W5")) == ["E", "T", "V", "D", "C"]
    thuis = _profiel(mz, "Thuisbegeleider").werkproces("B1-K1-W5")
    assert _in_order(thuis) == ["E", "T", "V", "D", "C", "K"]
    assert [c.letter for c in thuis.competenties if c.aanvullend] == ["K"]
    # an addition repeating a base competence (3086 C in B1-K1-W2) is not listed twice
    assert _in_order(_profiel(mz, "Persoonlijk begeleider gehandicaptenzorg").werkproces("B1-K1-W2")) == [
        "C",
        "D",
        "F",
        "K",
    ]


def test_gedrag_bullets_with_aanvullend(dossiers):
    sw = _profiel(dossiers[SW.name], "Sociaal-cultureel werker")
    w1 = sw.werkproces("B1-K1-W1")
    assert w1.gedrag_inleiding == "De sociaal werker:"
    assert len(w1.gedrag) == 8
    assert w1.gedrag[-1].tekst == "snijdt ook moeilijk bespreekbare onderwerpen effectief aan."
    mz = dossiers[MZ.name]
    for naam, total, extra in [
        ("Begeleider gehandicaptenzorg", 4, 0),
        ("Persoonlijk begeleider gehandicaptenzorg", 6, 2),
        ("Thuisbegeleider", 6, 2),
    ]:
        wp = _profiel(mz, naam).werkproces("B1-K1-W2")
        assert (len(wp.gedrag), sum(g.aanvullend for g in wp.gedrag)) == (total, extra), naam
    pb = _profiel(mz, "Persoonlijk begeleider gehandicaptenzorg").werkproces("B1-K1-W2")
    assert pb.gedrag_inleiding_aanvullend == "De persoonlijk begeleider gehandicaptenzorg:"
    assert pb.gedrag[4].tekst.startswith("daagt, indien mogelijk, de cliënt uit")
    assert (
        pb.omschrijving_aanvullend
        == "De persoonlijk begeleider gehandicaptenzorg schakelt zo nodig andere disciplines in."
    )
    # B1-K1-W5: 9 base bullets; the Thuisbegeleider adds one, the Persoonlijk begeleider's addition is empty
    assert len(_profiel(mz, "Thuisbegeleider").werkproces("B1-K1-W5").gedrag) == 10
    assert len(_profiel(mz, "Persoonlijk begeleider gehandicaptenzorg").werkproces("B1-K1-W5").gedrag) == 9
    # '-De pedagogisch medewerker kinderopvang:' (line 728) is the intro, not a bullet
    w6 = _profiel(dossiers[PW.name], "Pedagogisch medewerker kinderopvang").werkproces("P1-K1-W6")
    assert w6.gedrag_inleiding == "De pedagogisch medewerker kinderopvang:"
    assert w6.gedrag[0].tekst == "werkt veilig en hygiënisch;"
    assert [g.regel for g in w6.gedrag] == [729, 730, 731]


def test_one_werkproces_field_by_field(dossiers):
    """Sociaal werk B1-K1-W2, lines 263-282 of the XML."""
    wp = _profiel(dossiers[SW.name], "Sociaal-maatschappelijk dienstverlener").werkproces("B1-K1-W2")
    assert wp.code == "B1-K1-W2" and wp.titel == "Maakt een plan van aanpak" and wp.titel_bron is None
    assert wp.deel == "basis" and wp.in_profiel
    assert wp.omschrijving == (
        "De sociaal werker analyseert de verzamelde gegevens. Op basis van de analyse zet hij de mogelijke aanpakken "
        "op een rij. Hij weegt samen met de cliënt/doelgroep alternatieven tegen elkaar af en ondersteunt bij de keuze "
        "voor een of meerdere aanpakken. De sociaal werker formuleert samen met de cliënt/doelgroep doelstellingen en "
        "acties en werkt deze uit in een plan van aanpak. Hij stemt hierin af met de cliënt/doelgroep, collega's, "
        "andere beroepskrachten en betrokkenen. In het plan beschrijft de sociaal werker wie welke acties onderneemt, "
        "welke samenwerking met andere instanties/partners nodig is en welke resultaten nagestreefd worden."
    )
    assert wp.resultaat == (
        "Er ligt een plan van aanpak dat haalbaar is met de beschikbare middelen en voorziet in een antwoord op de "
        "vraag van de cliënt/doelgroep."
    )
    assert wp.gedrag_inleiding == "De sociaal werker:"
    assert [g.tekst for g in wp.gedrag] == [
        "betrekt actief cliënten en collega's bij het formuleren van doelen en acties;",
        "stemt functioneel af met betrokkenen;",
        "analyseert de verworven informatie systematisch;",
        "trekt logische conclusies;",
        "werkt doelstellingen en acties uit in een tijdsplanning en overzicht wat, wanneer door wie moet gebeuren;",
        "stemt zijn handelen af op het aanbod van diensten van de organisatie.",
    ]
    assert [g.regel for g in wp.gedrag] == [268, 269, 270, 271, 272, 273]
    assert [(c.letter, c.naam, c.regels) for c in wp.competenties] == [
        ("E", "Samenwerken en overleggen", [277]),
        ("M", "Analyseren", [278]),
        ("Q", "Plannen en organiseren", [279]),
    ]
    assert (wp.bron.kop, wp.bron.omschrijving, wp.bron.resultaat, wp.bron.gedrag) == ([263], [264], [265], [267])
    assert not (wp.omschrijving_aanvullend or wp.resultaat_aanvullend)


def test_kerntaak_fields_and_aanvullend(dossiers):
    sw = _profiel(dossiers[SW.name], "Sociaal-maatschappelijk dienstverlener")
    kt = sw.kerntaken[0]
    assert kt.titel == "Werken aan de aanpak van sociale problematiek" and kt.deel == "basis"
    assert kt.complexiteit.startswith("De setting waarin de sociaal werker zijn werkzaamheden verricht")
    assert kt.complexiteit.endswith("(tijd, geld, capaciteit, accommodatie en hulpmiddelen).")
    assert len(kt.vakkennis_en_vaardigheden) == 43  # lines 199-241: 43 references
    assert kt.vakkennis_en_vaardigheden[0].tekst.startswith("heeft kennis van theorieën en modellen uit de psychologie")
    pw = dossiers[PW.name]
    kinderopvang = _profiel(pw, "Pedagogisch medewerker kinderopvang").kerntaken[0]
    gespec = _profiel(pw, "Gespecialiseerd pedagogisch medewerker").kerntaken[0]
    assert kinderopvang.complexiteit_aanvullend == ""
    assert gespec.complexiteit_aanvullend.startswith(
        "De gespecialiseerd pedagogisch medewerker beschikt over vaardigheden"
    )
    assert gespec.complexiteit == kinderopvang.complexiteit
    oa = _profiel(pw, "Onderwijsassistent").kerntaken[0]
    assert oa.verantwoordelijkheid_aanvullend == ""  # its addition is an empty CDATA
    mz = _profiel(dossiers[MZ.name], "Begeleider gehandicaptenzorg").kerntaken[0]
    extra = [v.tekst for v in mz.vakkennis_en_vaardigheden if v.aanvullend]
    assert len(extra) == 9  # lines 314-324


def test_algemene_informatie(dossiers):
    oa = _profiel(dossiers[PW.name], "Onderwijsassistent").algemene_informatie
    assert oa.moderne_vreemde_talen == "Engels: Luisteren B1, Lezen B1, Gesprekken voeren B1, Spreken B1, Schrijven B1"
    assert (
        _profiel(dossiers[PW.name], "Pedagogisch medewerker kinderopvang").algemene_informatie.moderne_vreemde_talen
        == ""
    )
    sport = _profiel(dossiers[DV.name], "Medewerker sport en recreatie").algemene_informatie
    assert sport.moderne_vreemde_talen == "een MVT naar keuze: Luisteren A2, Gesprekken voeren A2, Spreken A2"
    # generieke onderdelen: escaped HTML inside CDATA, read as text with one line per block
    gen = oa.generieke_onderdelen.split("\n")
    assert gen[0] == "Generieke onderdelen"
    assert {"Nederlandse taal", "Rekenen", "Loopbaan en burgerschap", "Engels (alleen voor niveau 4)"} <= set(gen)
    assert "voor kwalificaties op niveau 4: 3F." in gen and "<" not in oa.generieke_onderdelen
    sw = _profiel(dossiers[SW.name], "Sociaal-cultureel werker").algemene_informatie
    assert sw.context.startswith("De sociaal werker is werkzaam in vele, diverse contexten")
    assert sw.typering_van_het_beroep.startswith("De sociaal cultureel werker is er op gericht")  # line 577
    assert sw.wettelijke_beroepsvereisten == "Nee"
    assert (sw.bron["context"], sw.bron["generieke_onderdelen"]) == ([169], [451])


# ---------------------------------------------------------------- JSON and the 2012 contract


def test_parse_json_roundtrip(cli):
    r = cli("parse", "--json", SW)
    assert r.code == 0 and r.err == ""
    data = json.loads(r.out)
    assert data["model"] == "2015" and data["crebo"] == "23185"
    wp = data["profielen"][0]["kerntaken"][0]["werkprocessen"][1]
    assert wp["code"] == "B1-K1-W2" and wp["resultaat"].startswith("Er ligt een plan")
    from kwaldossier.model.contract import dossier_json
    from kwaldossier.model.dossier import uit_json

    back = uit_json(r.out)
    assert back.profielen[1].naam == "Sociaal-cultureel werker"
    assert dossier_json(back) == r.out  # the compatibility keys are derived again, byte for byte


def test_2012_dump_has_no_2015_keys(buiten):
    data = json.loads(buiten.model_dump_json())
    assert not {"model", "formaat", "crebo", "sector"} & set(data)
    p = data["profielen"][0]
    assert not {"code", "crebo", "sbb_nr"} & set(p)
    assert not {"deel", "complexiteit", "vakkennis_en_vaardigheden"} & set(p["kerntaken"][0])
    wp = p["kerntaken"][0]["werkprocessen"][0]
    assert not {"deel", "resultaat", "gedrag", "gedrag_inleiding"} & set(wp)
    assert "aanvullend" not in wp["competenties"][0] and "resultaat" not in wp["bron"]
    assert buiten.model == "2012"


# ---------------------------------------------------------------- commands


def test_list_and_show_by_code_and_words(cli):
    r = cli("list", "-p", SW, "--json")
    data = json.loads(r.out)
    assert [kt["code"] for kt in data["kerntaken"]] == ["B1-K1", "B1-K2", "P1-K1", "P2-K1"]
    p2 = data["kerntaken"][3]["werkprocessen"][0]
    assert p2["profielen"] == {"Sociaal-maatschappelijk dienstverlener": False, "Sociaal-cultureel werker": True}
    r = cli("show", "p3-k1-w1", "-p", PW, "--json")
    assert r.code == 0
    data = json.loads(r.out)
    assert data["code"] == "P3-K1-W1" and [x["profiel"] for x in data["resultaten"]] == ["Onderwijsassistent"]
    r = cli("show", "plan", "van", "aanpak", "-p", SW, "--json")
    assert json.loads(r.out)["code"] == "B1-K1-W2"
    r = cli("show", "B1-K1-W2", "-p", SW)
    assert "Resultaat" in r.out and "Er ligt een plan van aanpak" in r.out and "• trekt logische conclusies;" in r.out
    r = cli("show", "B1-K1-W99", "-p", SW)
    assert r.code == 2 and "no werkproces B1-K1-W99" in r.err


def test_show_kerntaak(cli):
    r = cli("show", "b1-k1", "-p", "Thuisbegeleider", "--data", SBB_XML, "--json")
    assert r.code == 0
    kt = json.loads(r.out)["resultaten"][0]["kerntaak"]
    assert kt["code"] == "B1-K1" and kt["deel"] == "basis"
    assert kt["titel"] == "Bieden van ondersteunende, activerende begeleiding en zorg"
    assert kt["complexiteit_aanvullend"].startswith("De thuisbegeleider beschikt over specialistische kennis.")
    assert [w["code"] for w in kt["werkprocessen"]] == [f"B1-K1-W{i}" for i in range(1, 8)]
    r = cli("show", "B1-K1", "-p", "Thuisbegeleider", "--data", SBB_XML)
    assert "Verantwoordelijkheid en zelfstandigheid" in r.out and "[aanvullend] De thuisbegeleider" in r.out
    r = cli("show", "P9-K1", "-p", SW)
    assert r.code == 2 and "no kerntaak P9-K1" in r.err


def test_show_marks_aanvullend(cli):
    r = cli("show", "B1-K1-W5", "-p", "Thuisbegeleider", "--data", SBB_XML)
    assert r.code == 0
    assert "K  Vakdeskundigheid toepassen  [aanvullend]" in r.out
    assert "multidisciplinair overleg.  [aanvullend]" in r.out


def test_search_matrix_competentie(cli):
    r = cli("search", "logische", "conclusies", "-p", SW, "--json")
    hits = json.loads(r.out)["hits"]
    assert {(h["werkproces"], h["veld"], h["regel"]) for h in hits} == {("B1-K1-W2", "gedrag", 271)}
    r = cli("search", "risicoanalyse", "-p", "Thuisbegeleider", "--data", SBB_XML, "--json")
    assert ("B1-K1-W5", "omschrijving.aanvullend") in {(h["werkproces"], h["veld"]) for h in json.loads(r.out)["hits"]}
    r = cli("matrix", "-p", SW, "--json")
    rows = {row["code"]: row for row in json.loads(r.out)["rijen"]}
    assert [l for l, who in rows["B1-K1-W2"]["cellen"].items() if who] == ["E", "M", "Q"]
    assert rows["P2-K1-W1"]["cellen"]["I"] == ["Sociaal-cultureel werker"]
    r = cli("competentie", "K", "-p", "Thuisbegeleider", "--data", SBB_XML, "--json")
    uses = {g["werkproces"]: g["aanvullend"] for g in json.loads(r.out)["gebruik"]}
    assert uses["B1-K1-W5"] is True


def test_profile_by_name_in_xml_folder_and_duplicates(cli, tmp_path):
    r = cli("show", "P2-K1-W1", "-p", "sociaal-cultureel", "--data", SBB_XML, "--json")
    assert r.code == 0 and json.loads(r.out)["resultaten"][0]["profiel"] == "Sociaal-cultureel werker"
    shutil.copy(SW, tmp_path / "versie-a.xml")
    shutil.copy(SW, tmp_path / "versie-b.xml")
    r = cli("show", "P2-K1-W1", "-p", "sociaal-cultureel", "--data", tmp_path)
    assert r.code == 2 and r.out == ""
    assert "Sociaal-cultureel werker@versie-a.xml" in r.err and "@versie-b.xml" in r.err
    names = json.loads(cli("list", "--data", tmp_path, "--json").out)["profielen"]
    assert names == [
        "Sociaal-maatschappelijk dienstverlener@versie-a.xml",
        "Sociaal-cultureel werker@versie-a.xml",
        "Sociaal-maatschappelijk dienstverlener@versie-b.xml",
        "Sociaal-cultureel werker@versie-b.xml",
    ]
    rows = json.loads(cli("matrix", "--data", tmp_path, "--json").out)["rijen"]
    assert next(r for r in rows if r["code"] == "P2-K1-W1")["cellen"]["I"] == [
        "Sociaal-cultureel werker@versie-a.xml",
        "Sociaal-cultureel werker@versie-b.xml",
    ]


def test_competence_letter_outside_a_to_y_is_unknown_not_guessed(cli, tmp_path):
    f = _planted(
        tmp_path,
        SW,
        (
            '<competentie nr="3096" titel="Analyseren" code="M" />',
            '<competentie nr="3096" titel="Analyseren" code="Z" />',
        ),
    )
    wp = _profiel(parse_sbb(f)[0], "Sociaal-cultureel werker").werkproces("B1-K1-W2")
    assert [(c.letter, c.naam) for c in wp.competenties] == [
        ("E", "Samenwerken en overleggen"),
        (None, "Analyseren"),
        ("Q", "Plannen en organiseren"),
    ]
    assert wp.letters == ["E", "Q"]
    assert cli("matrix", "-p", f).code == 0
    found = json.loads(cli("validate", "--json", "--select", "KD614", f).out)["findings"]  # KD614: now KD202
    assert {x["code"] for x in found} == {"KD202"}
    assert ("B1-K1-W2", 278) in {(x["werkproces"], x["line"]) for x in found}
    # every reference to 3096 (grep: lines 278, 349, 390, 549) is reported, and nothing else
    assert {x["line"] for x in found} == {278, 349, 390, 549}
    assert all("'Analyseren' has no national letter" in x["message"] for x in found)


# ---------------------------------------------------------------- hostile and broken XML


def _one_line_error(r, name: str) -> str:
    assert r.code == 2, r
    assert r.out == ""
    assert r.err.count("\n") == 1 and "Traceback" not in r.err
    assert name in r.err
    return r.err


BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
    ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n<sbb>&lol3;</sbb>\n'
)


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        (BOMB, "bomb.xml:2: DOCTYPE not allowed"),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE sbb SYSTEM "file:///etc/passwd">\n<sbb/>',
            "bomb.xml:2: DOCTYPE not allowed",
        ),
        ('<?xml version="1.0"?>\n<sbb>\n  <dossiers>\n</sbb>\n', "bomb.xml:4: not well-formed XML: mismatched tag"),
        (
            '<?xml version="1.0"?>\n<html><body/></html>\n',
            "bomb.xml:2: not an SBB kwalificatiedossier: root element <html>",
        ),
        ('<?xml version="1.0"?>\n<sbb>\n<a>' + "x" * 1_000_000 + "</a></sbb>", "bomb.xml:3: text node longer than"),
        ('<?xml version="1.0"?>\n<sbb>&ext;</sbb>', "bomb.xml:2: not well-formed XML: undefined entity"),
        ("", "bomb.xml: empty file"),
    ],
    ids=["entity-bomb", "external-dtd", "not-well-formed", "other-root", "1mb-text-node", "undefined-entity", "empty"],
)
def test_hostile_xml_exit_2_one_line(cli, tmp_path, text, expect):
    f = tmp_path / "bomb.xml"
    f.write_text(text, encoding="utf-8")
    err = _one_line_error(cli("parse", "--json", f), "bomb.xml")
    assert expect in err


def _planted(tmp_path: Path, src: Path, *edits: tuple[str, str], name: str = "edited.xml", regex: bool = False) -> Path:
    """A copy of a real file with edits; every `old` must occur exactly once."""
    text = src.read_bytes().decode("utf-8-sig")
    for old, new in edits:
        if regex:
            text, n = re.subn(old, new, text, count=1, flags=re.DOTALL)
        else:
            n = text.count(old)
            text = text.replace(old, new)
        assert n == 1, (old, n)
    out = tmp_path / name
    out.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return out


def test_structural_errors_point_at_the_line(cli, tmp_path):
    emq = '<competentie referentie="3088" />\n                    <competentie referentie="3096" />\n                    <competentie referentie="3100" />'
    f = _planted(tmp_path, SW, (emq, emq.replace("3096", "4242")))
    assert "edited.xml:278: competentie referentie '4242' resolves to no competentie" in _one_line_error(
        cli("parse", f), "edited.xml"
    )
    f = _planted(
        tmp_path,
        PW,
        (
            '<aanvullend>\n                    <profiel referentie="966080" />\n                    <vakkennisenvaardighedenonderdelen />',
            '<aanvullend>\n                    <profiel referentie="123" />\n                    <vakkennisenvaardighedenonderdelen />',
        ),
    )
    err = _one_line_error(cli("list", "-p", f), "edited.xml")
    assert "edited.xml:270: aanvullend for an unknown profiel (referentie '123')" in err
    f = _planted(tmp_path, SW, ('<basis titel="Basisdeel">', '<basisx titel="Basisdeel">'), ("</basis>", "</basisx>"))
    assert "edited.xml:62: <dossier> has no <basis>" in _one_line_error(cli("validate", f), "edited.xml")
    f = _planted(tmp_path, SW, ('titel="Maakt een plan van aanpak" hoofdstuk="2"', 'titel="Maakt een plan van aanpak"'))
    assert "edited.xml:263: <werkproces> has no valid hoofdstuk" in _one_line_error(cli("parse", f), "edited.xml")
    f = _planted(
        tmp_path,
        SW,
        (
            'Geldig_vanaf="01-08-2015" Datum_einde_instroom="" Datum_einde_opleiding="">23185',
            'Geldig_vanaf="2015-08-01" Datum_einde_instroom="" Datum_einde_opleiding="">23185',
        ),
    )
    assert "edited.xml:64: date '2015-08-01' is not DD-MM-YYYY" in _one_line_error(cli("parse", f), "edited.xml")


# ---------------------------------------------------------------- validate: the KD6xx rules
# (each KD6xx rule's fixture is a dossier built in the test: CASES_6 in tests/test_rules.py)

# the titles with stray whitespace of the four files, per file (kerntaak, werkproces, profiel)
_TITEL = re.compile(r'<(?:kerntaak|werkproces|profiel) nr="\d+" titel="([^"]*)"')


def _stray(path: Path) -> list[str]:
    return [t for t in _TITEL.findall(path.read_text(encoding="utf-8-sig")) if t != " ".join(t.split())]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_real_files_validate_clean_but_for_stray_whitespace(cli, path):
    """The only findings on the unmodified files are KD607 (info): titles typed with trailing or double
    spaces, which the files really have (e.g. 'Inventariseert de vraag naar sociaal werk '). Exit 0."""
    r = cli("validate", "--json", path)
    assert r.code == 0
    findings = json.loads(r.out)["findings"]
    assert {f["code"] for f in findings} <= {"KD607"}
    # each element with such a title once (a basisdeel title on the first profile only)
    assert sorted(re.search(r"title '(.*)' has", f["message"]).group(1) for f in findings) == sorted(_stray(path))
    assert all(f["bron"] == str(path) and f["line"] for f in findings)


def test_2012_rules_do_not_run_on_2015_and_vice_versa(cli):
    r = cli("validate", "--json", "--select", "KD1,KD2,KD3,KD4,KD5", MZ)
    assert json.loads(r.out)["findings"] == []
    from kwaldossier.validate import RULES

    assert {r.modellen for c, r in RULES.items() if c.startswith("KD6")} == {("2015",)}
    both = {c for c, r in RULES.items() if r.modellen == ("2012", "2015")}
    assert both == {"KD202", "KD301", "KD304"}  # written once for both models
    assert {r.modellen for c, r in RULES.items() if not c.startswith("KD6") and c not in both} == {("2012",)}
    r = cli("validate", "--json", "--select", "KD6")  # the bundled 2012 data
    assert json.loads(r.out)["findings"] == []


# ---------------------------------------------------------------- diff

# the competences of Sociaal werk B1-K1-W2 (lines 277-279): E, M, Q
_SW_W2_COMP = '<competentie referentie="3088" />\n                    <competentie referentie="3096" />\n                    <competentie referentie="3100" />\n'


def test_diff_two_profiles_of_one_dossier(cli):
    r = cli("diff", "Persoonlijk begeleider gehandicaptenzorg", "Thuisbegeleider", "--data", SBB_XML, "--json")
    assert r.code == 1
    d = json.loads(r.out)
    basis = [f"B1-K1-W{i}" for i in range(1, 8)] + ["B1-K2-W1", "B1-K2-W2"]
    assert d["shared"] == basis
    assert all(c.startswith("P3-") for c in d["only_a"]) and all(c.startswith("P5-") for c in d["only_b"])
    assert len(d["only_a"]) + sum(r["a"].startswith("P3") for r in d["renumbered"]) == 8
    w5 = d["werkprocessen"]["B1-K1-W5"]
    assert w5["code_a"] == w5["code_b"] == "B1-K1-W5" and w5["changed"]
    assert w5["competenties"]["added"] == ["K"] and w5["competenties"]["removed"] == []
    assert w5["gedrag"]["added"] == [
        "bespreekt op een professionele manier gevaar voor de cliënt, naastbetrokkenen, collega's en/of zichzelf in het multidisciplinair overleg"
    ]
    grades = {(c["veld"], c["soort"]): c["impact"] for c in w5["wijzigingen"]}
    assert grades == {("competentie", "added"): "structureel", ("gedrag", "added"): "inhoudelijk"}
    assert w5["resultaat"] is None and w5["omschrijving_aanvullend"] is None  # B's K is its only aanvullend
    assert "B1-K1-W5" in d["overlap"]["basis_met_aanvullend_b"]
    # B1-K1-W2 adds the same for both (up to the role name): no difference
    assert "B1-K1-W2" in d["identical"]
    o = d["overlap"]
    assert (o["basis_gedeeld"], o["profieldeel_a"], o["profieldeel_b"]) == (9, 8, 7)
    # kerntaak texts: B1-K1 differs only in this profile's addition to verantwoordelijkheid
    k1 = {c["veld"]: c for c in d["kerntaak_velden"]["B1-K1"]}
    assert set(k1) == {"verantwoordelijkheid_aanvullend"}  # complexiteit, verantwoordelijkheid: the shared basis text
    ops = [(x["a"], x["b"]) for x in k1["verantwoordelijkheid_aanvullend"]["woorden"] if x["op"] == "replace"]
    assert any(a.startswith("consulteert") and b.startswith("initieert en onderhoudt") for a, b in ops)
    assert k1["verantwoordelijkheid_aanvullend"]["impact"] == "inhoudelijk"
    assert set(d["kerntaak_velden"]) == {"B1-K1", "B1-K2"}
    assert set(d["kerntaken"]) == {"P3-K1", "P5-K1"}  # the profieldeel kerntaken: one each side
    assert "B1-K2-W2" in o["basis_met_aanvullend_a"] and "B1-K2-W2" not in o["basis_met_aanvullend_b"]
    text = cli("diff", "Persoonlijk begeleider gehandicaptenzorg", "Thuisbegeleider", "--data", SBB_XML).out
    assert "Basisdeel: 9 werkprocessen shared" in text and "+ gedrag: bespreekt" in text
    assert "~ verantwoordelijkheid (aanvullend):" in text
    md = cli(
        "diff",
        "Persoonlijk begeleider gehandicaptenzorg",
        "Thuisbegeleider",
        "--data",
        SBB_XML,
        "-f",
        "markdown",
        "--taal",
        "nl",
    ).out
    assert "- Gedrag erbij: bespreekt op een professionele manier gevaar" in md
    assert "## Kerntaak B1-K1" in md and "Basisdeel: 9 werkprocessen gedeeld" in md


def test_diff_profiles_without_aanvullend(cli):
    d = json.loads(cli("diff", "dienstverlener", "cultureel", "--data", SBB_XML, "--json").out)
    assert d["identical"] == d["shared"] == [f"B1-K1-W{i}" for i in range(1, 9)] + ["B1-K2-W1", "B1-K2-W2"]
    assert d["only_a"] == ["P1-K1-W1", "P1-K1-W2", "P1-K1-W3"] and d["only_b"] == ["P2-K1-W1", "P2-K1-W2", "P2-K1-W3"]
    assert d["overlap"]["basis_met_aanvullend_a"] == []
    assert d["kerntaak_velden"] == {} and d["kerntaken"] == {
        "P1-K1": d["kerntaken"]["P1-K1"],
        "P2-K1": d["kerntaken"]["P2-K1"],
    }


def test_diff_two_versions_of_one_dossier(cli, tmp_path):
    new = _planted(
        tmp_path,
        SW,
        # renamed
        ('titel="Behartigt belangen" hoofdstuk="4"', 'titel="Behartigt de belangen van cliënten" hoofdstuk="4"'),
        # renumbered: P1-K1-W3 becomes P1-K1-W4
        ('ten behoeve van de cliënt(en)" hoofdstuk="3"', 'ten behoeve van de cliënt(en)" hoofdstuk="4"'),
        # gedrag: one bullet added (W1), removed (W2), changed (W3)
        (
            "- toont interculturele sensitiviteit;\n",
            "- toont interculturele sensitiviteit;\n- werkt samen met tolken;\n",
        ),
        ("- trekt logische conclusies;\n", ""),
        ("- stelt open, reflecterende vragen;", "- stelt open en reflecterende vragen;"),
        # competences: Q removed from W2, a word changed in its resultaat
        (_SW_W2_COMP, _SW_W2_COMP.replace('                    <competentie referentie="3100" />\n', "")),
        ("dat haalbaar is met de beschikbare", "dat realistisch is met de beschikbare"),
        # kerntaak B1-K1 loses a vakkennis item (line 195)
        ('                <vakkennisenvaardigheden referentie="966268" />\n', ""),
    )
    r = cli("diff", SW, new, "-p", "dienstverlener", "--json")
    assert r.code == 1
    d = json.loads(r.out)
    assert d["renumbered"] == [{"a": "P1-K1-W3", "b": "P1-K1-W4", "similarity": 1.0, "impact": "structureel"}]
    assert d["only_a"] == d["only_b"] == []
    wps = d["werkprocessen"]
    titel = wps["B1-K1-W4"]["titel"]
    assert (titel["a"], titel["b"], titel["impact"]) == (
        "Behartigt belangen",
        "Behartigt de belangen van cliënten",
        "structureel",
    )
    assert wps["P1-K1-W3"]["code_b"] == "P1-K1-W4"
    assert wps["B1-K1-W1"]["gedrag"]["added"] == ["werkt samen met tolken"]
    w2 = wps["B1-K1-W2"]
    assert w2["gedrag"]["removed"] == ["trekt logische conclusies"]
    assert w2["competenties"]["removed"] == ["Q"] and w2["competenties"]["added"] == []
    assert {"op": "replace", "a": "haalbaar", "b": "realistisch"} in w2["resultaat"]["woorden"]
    assert w2["resultaat"]["impact"] == "inhoudelijk"  # another word, not a spelling variant
    grades = {(c["veld"], c["soort"]): c["impact"] for c in w2["wijzigingen"]}
    assert grades == {
        ("gedrag", "removed"): "inhoudelijk",
        ("competentie", "removed"): "structureel",
        ("resultaat", "changed"): "inhoudelijk",
    }
    assert wps["B1-K1-W1"]["wijzigingen"][0]["impact"] == "inhoudelijk"  # a gedrag bullet added
    ch = wps["B1-K1-W3"]["gedrag"]["changed"]
    assert [(c["a"], c["b"]) for c in ch] == [
        ("stelt open, reflecterende vragen", "stelt open en reflecterende vragen")
    ]
    assert ch[0]["impact"] == "inhoudelijk"  # a word added ("en")
    assert not wps["B1-K1-W5"]["changed"] and wps["B1-K1-W5"]["similarity"] == 1.0
    kt = d["kerntaak_velden"]["B1-K1"]
    assert [(c["veld"], c["soort"], c["oud"], c["impact"]) for c in kt] == [
        (
            "vakkennis_en_vaardigheden",
            "removed",
            "heeft kennis van theorieën en modellen uit de psychologie in relatie tot de ondersteuning van cliëntgroepen",
            "inhoudelijk",
        )
    ]  # complexiteit and the rest of B1-K1 unchanged
    assert "B1-K2" not in d["kerntaak_velden"] and d["kerntaken"] == {}
    for w in wps.values():  # the documented contract holds
        assert {"code_a", "code_b", "similarity", "changed", "titel", "omschrijving", "competenties"} <= set(w)
        assert {"resultaat", "gedrag", "omschrijving_aanvullend", "resultaat_aanvullend"} <= set(w)
    html = cli("diff", SW, new, "-p", "dienstverlener", "-f", "html", "--taal", "nl").out
    assert "− gedrag: trekt logische conclusies" in html and "~ resultaat" in html
    assert "<ins>realistisch</ins>" in html
    assert cli("diff", SW, SW, "-p", "dienstverlener").code == 0


# ---------------------------------------------------------------- damaged files never crash the reader

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_SW_BYTES = SW.read_bytes() if SW.exists() else b""


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    cut=st.integers(min_value=0, max_value=max(len(_SW_BYTES) - 1, 0)), junk=st.binary(max_size=8), keep=st.booleans()
)
def test_damaged_file_gives_dossier_or_input_error(cut, junk, keep):
    """A real file cut short or with bytes spliced in: a Dossier or an InputError, nothing else."""
    from kwaldossier.errors import InputError
    from kwaldossier.read.sbbxml import parse_sbb_bytes

    data = _SW_BYTES[:cut] + junk + (_SW_BYTES[cut + len(junk) :] if keep else b"")
    try:
        (d,) = parse_sbb_bytes(data, "damaged.xml")
    except InputError as exc:
        assert str(exc).startswith("damaged.xml")
        assert "\n" not in str(exc)
    else:
        assert d.model == "2015"


# ---------------------------------------------------------------- several dossiers in one folder

SW_PROFIELEN = {"Sociaal-maatschappelijk dienstverlener", "Sociaal-cultureel werker"}
PW_PROFIELEN = {"Pedagogisch medewerker kinderopvang", "Gespecialiseerd pedagogisch medewerker", "Onderwijsassistent"}


def test_folder_of_dossiers_keeps_same_codes_apart(cli):
    """Every dossier has a B1-K1-W1, each a different werkproces: list, matrix and show by title
    must not put one dossier's title (or crosses) on another dossier's werkproces."""
    r = cli("list", "--data", SBB_XML, "--json")
    assert r.code == 0, r.err
    rows = [wp for kt in json.loads(r.out)["kerntaken"] for wp in kt["werkprocessen"] if wp["code"] == "B1-K1-W1"]
    by_title = {wp["titel"]: {n for n, has in wp["profielen"].items() if has} for wp in rows}
    assert len(rows) == 4
    assert by_title["Inventariseert de vraag naar sociaal werk"] == SW_PROFIELEN
    assert by_title["Inventariseert behoeften en wensen van het kind"] == PW_PROFIELEN

    r = cli("matrix", "--data", SBB_XML, "--json")
    rijen = [row for row in json.loads(r.out)["rijen"] if row["code"] == "B1-K1-W1"]
    crossing = {row["titel"]: {n for names in row["cellen"].values() for n in names} for row in rijen}
    assert crossing["Inventariseert de vraag naar sociaal werk"] == SW_PROFIELEN

    r = cli("show", "inventariseert", "de", "vraag", "naar", "sociaal", "werk", "--data", SBB_XML, "--json")
    assert r.code == 0, r.err
    (res,) = json.loads(r.out)["resultaten"]  # a basisdeel werkproces: once, for every profile of its dossier
    assert res["werkproces"]["titel"] == "Inventariseert de vraag naar sociaal werk"
    assert {p["naam"] for p in res["geldt_voor"]} == SW_PROFIELEN and res["dossier"] == {
        "titel": "Sociaal werk",
        "crebo": "23185",
    }


def test_list_numbers_profiles_with_a_legend(cli):
    r = cli("list", "--data", SBB_XML)
    assert r.code == 0, r.err
    # profiles are numbered per dossier when their short names clash (two '...gehandicaptenzorg')
    assert (
        re.search(r"^1 = Begeleider gehandicaptenzorg$", r.out, re.M)
        and "6 = Persoonlijk begeleider specifieke doelgroepen" in r.out
    )
    heads = [line.split() for line in r.out.splitlines() if line.startswith("Kerntaken en werkprocessen")]
    assert ["dienstverlener", "werker"] in [h[3:] for h in heads]  # Sociaal werk: its own two columns


def test_profile_part_at_a_word_start_wins(cli):
    """'agogisch medewerker' is inside 'Pedagogisch medewerker ...' too, but starts a word of
    'Agogisch medewerker GGZ' only; 'medewerker' starts words of several: still ambiguous."""
    r = cli("show", "B1-K1-W1", "-p", "agogisch medewerker", "--data", SBB_XML, "--json")
    assert r.code == 0, r.err
    assert [x["profiel"] for x in json.loads(r.out)["resultaten"]] == ["Agogisch medewerker GGZ"]
    r = cli("show", "B1-K1-W1", "-p", "medewerker", "--data", SBB_XML)
    assert r.code == 2 and "matches several profielen" in r.err and r.out == ""


def test_matrix_grid_never_cuts_a_cell(cli):
    """A cell crossed by some of three profiles lists their numbers ("2,3"): the column grows
    instead of cutting it to "2…"; with more than two profiles the key says no "only"."""
    r = cli("matrix", "-p", PW, "--json")
    data = json.loads(r.out)
    nummer = {n: str(i + 1) for i, n in enumerate(data["profielen"])}
    partial = [
        (row["code"], ",".join(nummer[n] for n in who))
        for row in data["rijen"]
        for who in row["cellen"].values()
        if 1 < len(who) < len(data["profielen"])
    ]
    assert partial, "Pedagogisch werk has a competence crossed by two of its three profiles"
    r = cli("matrix", "-p", PW)
    assert r.code == 0 and "…" not in r.out
    for code, cell in partial:
        line = next(ln for ln in r.out.splitlines() if ln.split()[:1] == [code])
        assert cell in line.split(), (code, cell, line)
    assert "2 = Gespecialiseerd pedagogisch medewerker" in r.out and "= only" not in r.out


def test_parse_folder_out_includes_xml(cli, tmp_path):
    """A folder argument of `parse --out` holds XML dossiers too (as a --data folder does):
    before, a folder of XML files was 'no dossier files (.txt, .pdf)' and, beside other
    folders, its XML files were skipped without a word."""
    out = tmp_path / "out"
    r = cli("parse", SBB_XML, "--out", out, "--jobs", "1")
    assert r.code == 0, r.err
    assert sorted(p.name for p in out.iterdir()) == sorted(p.stem + ".json" for p in SBB_XML.glob("*.xml"))
    assert len(list(out.iterdir())) == 4
    back = json.loads((out / (SW.stem + ".json")).read_text(encoding="utf-8"))
    assert back["crebo"] == "23185"
