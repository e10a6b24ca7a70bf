"""A parse that breaks the format's invariants fails with an input error naming file and line
(exit 2), for damaged seeds; it never yields a wrong dossier with exit 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BINNEN, BUITEN
from kwaldossier.errors import InputError
from kwaldossier.read.invariants import check
from kwaldossier.read.text2012 import parse_file


def damaged(tmp_path: Path, lines: list[str]) -> Path:
    p = tmp_path / "damaged.txt"
    p.write_text("\n".join(lines), encoding="utf-8")
    return p


def seed(path: Path = BUITEN) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def error(path: Path) -> InputError:
    with pytest.raises(InputError) as exc:
        parse_file(path)
    assert exc.value.path == str(path)
    return exc.value


def test_code_twice_in_the_matrix(tmp_path, cli):
    lines = seed()
    assert lines[103].startswith("1.3 Stelt een activiteitenplan op")
    path = damaged(tmp_path, [*lines[:105], lines[103], "", *lines[105:]])
    e = error(path)
    assert (e.line, e.message) == (
        106,
        "profiel 'Commercieel medewerker buitendienst': werkproces 1.3 twice in the matrix (first at line 104)",
    )
    r = cli("parse", path, "--json")
    assert r.code == 2 and r.out == "" and r.err.startswith(f"kwaldossier: error: {path}:106: ")


def test_profile_without_werkprocessen(tmp_path):
    extra = [
        "",
        "4.2 Commercieel medewerker extra",
        "",
        "Algemene informatie",
        "",
        "Context van de kwalificatie Tekst.",
    ]
    lines = seed()
    path = damaged(tmp_path, lines + extra)
    e = error(path)
    assert (e.line, e.message) == (len(lines) + 2, "profiel 'Commercieel medewerker extra' has no werkprocessen")


def test_row_of_cells_without_its_werkproces(tmp_path):
    lines = seed()
    assert lines[93].startswith("1.1 Verzamelt") and lines[96].strip().startswith("x")
    path = damaged(tmp_path, lines[:93] + lines[95:])  # the label of 1.1 lost
    e = error(path)
    assert (e.line, e.message) == (95, "a row of matrix cells without its werkproces")


def test_a_second_row_for_one_werkproces(tmp_path):
    lines = seed()
    assert lines[96].strip().startswith("x")
    path = damaged(tmp_path, [*lines[:97], lines[96], *lines[97:]])
    e = error(path)
    assert (e.line, e.message) == (98, "a row of matrix cells without its werkproces")


def test_most_lines_unplaced(tmp_path):
    lines = seed()
    noise = [f"regel {i} van iets anders" for i in range(len(lines) * 2)]
    path = damaged(tmp_path, noise + lines)
    e = error(path)
    assert e.line == 1 and e.message.startswith(f"{len(noise)} of ") and "could not be placed" in e.message


def test_some_lines_unplaced_is_a_dossier(tmp_path):
    """A few stray lines are findings for validate (KD401), not a failed parse."""
    lines = seed()
    path = damaged(tmp_path, ["regel van iets anders"] * 20 + lines)
    d = parse_file(path)
    assert [u.regel for u in d.onverwerkte_regels] == list(range(1, 21))


def test_second_detail_section_is_a_finding_not_an_error(tmp_path):
    lines = seed(BINNEN)
    start = next(i for i, ln in enumerate(lines) if ln.startswith("3.2 werkproces:"))
    end = next(i for i in range(start + 1, len(lines)) if "werkproces:" in lines[i] and not lines[i].startswith("3.2"))
    path = damaged(tmp_path, lines + lines[start:end])  # after 3.3: a second section, not a next page
    d = parse_file(path)
    assert [wp.code for wp in d.profielen[0].werkprocessen()].count("3.2") == 2


def test_not_a_dossier(tmp_path):
    path = damaged(tmp_path, ["Een brief", "", "Beste lezer, dit is geen dossier."])
    e = error(path)
    assert e.line is None and e.message == "not a kwalificatiedossier: no profiel with werkprocessen found"


def test_check_works_on_any_dossier(buiten):
    """The one check every reader calls (the PDF reader too, through parse_lines)."""
    check(buiten, "x.txt")
    p = buiten.profielen[0]
    empty = buiten.model_copy(
        update={"profielen": [p, p.model_copy(update={"naam": "Leeg", "kerntaken": [], "regels": [7]})]}
    )
    with pytest.raises(InputError) as exc:
        check(empty, "x.pdf")
    assert (exc.value.path, exc.value.line, exc.value.message) == ("x.pdf", 7, "profiel 'Leeg' has no werkprocessen")


# ---------------------------------------------------------------- PDF input: the fatal rules


def test_fatal_codes_are_rules_of_their_model():
    """What a rule states is fatal for a PDF parse by its code, not by a second copy."""
    from kwaldossier.read.invariants import FATAL_IN_PDF
    from kwaldossier.validate import RULES

    assert set(FATAL_IN_PDF) == {"2012", "2015"}
    for model, codes in FATAL_IN_PDF.items():
        assert codes and all(model in RULES[c].modellen and RULES[c].severity == "error" for c in codes), model


def test_layout_problems_come_from_the_fatal_rules(tmp_path):
    """A built 2012 dossier whose 1.2 lost its omschrijving and whose 1.3 has a crossed matrix row
    but no section: the text reader accepts it (validate reports KD301 and KD103); read as a
    PDF layout, it is not a dossier, for the reasons those rules give."""
    from bouw import NAAM, Kerntaak2012, Werkproces2012, dossier2012
    from kwaldossier.read.invariants import check_layout, layout_problems

    kt = Kerntaak2012(
        "1",
        "Onderzoekt de markt",
        [
            Werkproces2012("1.1", "Verzamelt informatie"),
            Werkproces2012("1.2", "Doet voorstellen", omschrijving=""),
            Werkproces2012("1.3", "Stelt een plan op", detail=False),
        ],
    )
    d = parse_file(dossier2012(tmp_path / "d.txt", [kt]).pad)
    assert layout_problems(d) == [
        f"profiel {NAAM!r}: matrix row 1.3 without its werkproces section; werkproces 1.2 without omschrijving"
    ]
    with pytest.raises(InputError) as exc:
        check_layout(d, "d.pdf")
    assert exc.value.message == "not read as a valid kwalificatiedossier: " + layout_problems(d)[0]
