"""validate's finding messages in Dutch: the text table and GitHub annotations (read by people)
follow the language; the JSON and JUnit XML (read by programs) keep the English message, byte
for byte, whatever the language; exit codes never change. The inputs are tests/test_rules.py's
fixtures (built with tests/bouw.py); the Dutch below is written by hand, not read from the
catalogue."""

from __future__ import annotations

import json

import pytest

from test_rules import CASES, CASES_6, VARIANTS_6

# fixture -> every GitHub annotation validate gives on it: (level, title, "where: message")
DUTCH: dict[str, list[tuple[str, str, str]]] = {
    "KD101": [
        (
            "error",
            "KD101",
            "Medewerker proef 1.3: de matrix kruist A Beslissen en activiteiten initiëren aan,"
            " maar de detaillering heeft geen blok daarvoor",
        )
    ],
    "KD106": [  # an edited JSON without the source beside it: the line goes into the message
        ("error", "KD501", "Medewerker proef (regel 26): kerntaak 1 nummert de werkprocessen [1, 1, 2, 3]"),
        ("error", "KD106", "Medewerker proef 1.1 (regel 52): tweede detaillering van 1.1"),
    ],
    "KD201": [
        (
            "error",
            "KD201",
            "Medewerker proef 3.2: J Formuleren en rapporteren komt twee keer voor"
            " (verschillende blokken, de eerste op regel 77)",
        ),
        ("warning", "KD206", "Medewerker proef 3.3: N heeft dezelfde prestatie-indicator als J (regel 100)"),
        (
            "error",
            "KD201",
            "Medewerker proef 3.3: J Formuleren en rapporteren komt twee keer voor"
            " (gelijke blokken, de eerste op regel 97)",
        ),
    ],
    "KD202": [
        (
            "error",
            "KD202",
            "Medewerker proef 1.1: 'Analyseeren' is geen competentie uit de landelijke lijst; bedoelt u M 'Analyseren'?",
        )
    ],
    "KD204": [
        (
            "warning",
            "KD204",
            "Medewerker proef 1.3: component 'Afstemmen' onder Q: het dossier noemt deze onder E 2 keer, onder Q 1 keer",
        )
    ],
    "KD303": [("error", "KD303", "Medewerker proef 1.1: lijst vakkennis en vaardigheden is leeg")],
    "KD503": [("warning", "KD503", "Medewerker proef 1.1: vakkennis-item 'Doorvragen' staat er twee keer in")],
    "KD601": [
        (
            "error",
            "KD601",
            "Werker een: vakkennisenvaardigheden referentie='7' verwijst naar geen enkele kennisofvaardigheid",
        )
    ],
    "KD602": [
        ("error", "KD602", "Werker een B1-K1-W1: werkprocescode B1-K1-W1 komt 2 keer voor"),
        ("error", "KD602", "Werker een B1-K1-W1: werkprocescode B1-K1-W1 komt 2 keer voor"),
    ],
    "KD603": [("warning", "KD603", "Werker een B1-K1: werkproces B1-K1-W2 ontbreekt (nummers [1, 3])")],
    "KD607": [
        ("notice", "KD607", "Werker twee P2-K1-W1: titel van werkproces 'Begeleidt ' heeft overbodige witruimte")
    ],
    "KD611": [("warning", "KD611", "Werker twee: profiel heeft geen niveau")],
    "KD613": [("warning", "KD613", "Werker twee P2-K1: complexiteit is leeg")],
}
# the English message of one finding of a fixture, as the JSON keeps it
ENGLISH = {
    "KD204": "component 'Afstemmen' under Q: the dossier lists it under E 2 times, under Q 1 time",
    "KD503": "vakkennis item 'Doorvragen' listed twice",
    "KD602": "werkproces code B1-K1-W1 occurs 2 times",
    "KD613": "complexiteit is empty",
}


def _input(code: str, tmp_path):
    make = CASES.get(code) or CASES_6.get(code) or VARIANTS_6[code][1]
    made = make(tmp_path)[0]
    return getattr(made, "pad", made)


def _annotations(out: str) -> list[tuple[str, str, str]]:
    """(level, title, message) of each `::level props::message` line."""
    got = []
    for line in out.splitlines():
        head, message = line[2:].split("::", 1)
        level, props = head.split(" ", 1)
        title = next(p[6:] for p in props.split(",") if p.startswith("title="))
        got.append((level, title, message))
    return got


@pytest.mark.parametrize("code", sorted(DUTCH))
def test_github_annotations_in_dutch(code, tmp_path, cli):
    path = _input(code, tmp_path)
    nl = cli("--taal", "nl", "validate", path, "--format", "github")
    en = cli("--taal", "en", "validate", path, "--format", "github")
    assert nl.err == en.err == ""
    assert _annotations(nl.out) == DUTCH[code]
    assert nl.code == en.code == (1 if any(level == "error" for level, _t, _m in DUTCH[code]) else 0)
    # the same findings, worded in English
    assert [(lv, t) for lv, t, _m in _annotations(en.out)] == [(lv, t) for lv, t, _m in DUTCH[code]]
    assert _annotations(nl.out) != _annotations(en.out)


@pytest.mark.parametrize("code", sorted(DUTCH))
def test_the_text_table_in_dutch(code, tmp_path, cli):
    path = _input(code, tmp_path)
    nl = cli("--taal", "nl", "validate", path)
    en = cli("--taal", "en", "validate", path)
    assert nl.code == en.code and nl.err == en.err == ""
    for _level, _title, where_message in DUTCH[code]:
        message = where_message.split(": ", 1)[1]
        if len(message) < 60:  # a long one wraps in the table's column
            assert message in nl.out and message not in en.out


@pytest.mark.parametrize("code", sorted(DUTCH))
def test_the_json_is_english_and_byte_identical(code, tmp_path, cli):
    path = _input(code, tmp_path)
    nl = cli("--taal", "nl", "validate", path, "--json")
    en = cli("--taal", "en", "validate", path, "--json")
    by_locale = cli("validate", path, "--json", env={"LANGUAGE": "nl", "KWALDOSSIER_TAAL": ""})
    assert nl.out == en.out == by_locale.out
    assert nl.code == en.code == by_locale.code
    messages = [f["message"] for f in json.loads(nl.out)["findings"]]
    assert len(messages) == len(DUTCH[code])
    if code in ENGLISH:
        assert ENGLISH[code] in messages


def test_the_locale_speaks_dutch_to_people(tmp_path, cli):
    path = _input("KD611", tmp_path)
    r = cli("validate", path, "--format", "github", env={"LANGUAGE": "nl", "KWALDOSSIER_TAAL": ""})
    assert _annotations(r.out) == DUTCH["KD611"] and r.code == 0


def test_junit_stays_english(tmp_path, cli):
    path = _input("KD503", tmp_path)
    nl = cli("--taal", "nl", "validate", path, "--format", "junit")
    en = cli("--taal", "en", "validate", path, "--format", "junit")
    assert nl.out == en.out and nl.code == en.code
    assert "1.1 line " in nl.out and ": vakkennis item 'Doorvragen' listed twice" in nl.out


def test_the_finding_keeps_its_json_fields():
    """Finding.tekst is no field: a finding worded in Dutch equals, and serialises as, the same
    finding in English."""
    from dataclasses import fields

    from kwaldossier.validate.registry import Finding

    f = Finding("KD503", "warning", "vakkennis item 'x' listed twice", "P", "1.1", 3)
    g = Finding("KD503", "warning", "vakkennis item 'x' listed twice", "P", "1.1", 3).met_tekst("vakkennis-item")
    assert f == g and f.as_dict() == g.as_dict() and "tekst" not in f.as_dict()
    assert (f.tekst, g.tekst) == ("vakkennis item 'x' listed twice", "vakkennis-item")
    assert [x.name for x in fields(Finding)] == [
        "code",
        "severity",
        "message",
        "profiel",
        "werkproces",
        "line",
        "bron",
        "page",
        "regelbestand",
    ]
