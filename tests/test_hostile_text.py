"""Hostile text input (issue 14): impossible dates, huge numbers, a 1 MB line or word. Each gives
a correct parse or an input error naming file and line (exit 2), never another exception.
No timing asserts: that these complete at all is the point (bench/bench_parse.py times them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BINNEN, BUITEN
from kwaldossier.errors import InputError
from kwaldossier.model.codes import code_key
from kwaldossier.model.competenties import closest_competentie, fold
from kwaldossier.read.text2012 import parse_file, parse_lines

FOOTER = "geldig vanaf 1 augustus 2012"
HUGE = 1_000_000


def variant(tmp_path: Path, seed: Path, old: str, new: str, count: int = 1) -> Path:
    text = seed.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    p = tmp_path / "variant.txt"
    p.write_text(text.replace(old, new, count), encoding="utf-8")
    return p


def line_of(path: Path, fragment: str) -> int:
    return next(i for i, ln in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1) if fragment in ln)


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize("datum", ["31 februari 2012", "0 januari 2012", "1 januari 0000", "30 februari 2000"])
def test_impossible_footer_date_is_an_input_error(tmp_path, cli, datum):
    path = variant(tmp_path, BINNEN, FOOTER, f"geldig vanaf {datum}")
    with pytest.raises(InputError) as exc:
        parse_file(path)
    assert exc.value.line == line_of(path, datum) == 75
    assert "footer date does not exist" in exc.value.message and datum in exc.value.message
    r = cli("parse", path, "--json")
    assert r.code == 2 and r.out == ""
    assert r.err.strip() == f"kwaldossier: error: {path}:75: footer date does not exist: {datum!r}"


def test_footer_without_a_date_records_none(tmp_path):
    d = parse_file(variant(tmp_path, BINNEN, FOOTER, "geldig vanaf heden"))
    assert d.geldig_vanaf is None and d.titel == "Commercieel medewerker"
    assert d.onverwerkte_regels == []


def test_leap_day_is_a_date(tmp_path):
    assert (
        str(parse_file(variant(tmp_path, BINNEN, FOOTER, "geldig vanaf 29 februari 2012")).geldig_vanaf) == "2012-02-29"
    )


# ---------------------------------------------------------------- huge numbers


def test_huge_niveau_is_an_input_error(tmp_path, cli):
    path = variant(tmp_path, BUITEN, "\nNiveau 3\n", "\nNiveau " + "9" * 5000 + "\n")
    with pytest.raises(InputError) as exc:
        parse_file(path)
    assert exc.value.line == 31 and "niveau" in exc.value.message
    r = cli("parse", path)
    assert r.code == 2 and r.out == "" and r.err.startswith(f"kwaldossier: error: {path}:31: niveau")


@pytest.mark.parametrize(
    "old,new",
    [
        ("\nKerntaak 1\n", "\nKerntaak " + "1" * 5000 + "\n"),  # in the matrix
        ("Kerntaak 1 Onderzoekt", "Kerntaak " + "1" * 5000 + " Onderzoekt"),  # the detail's header
        ("1.1 werkproces:", "1." + "1" * 5000 + " werkproces:"),
        ("1.3 Stelt een activiteitenplan op", "1." + "3" * 5000 + " Stelt een activiteitenplan op"),
        ("1.1 werkproces:", "1" * 5000 + ".1 werkproces:"),
    ],
)
def test_huge_codes_parse_or_fail_cleanly(tmp_path, old, new):
    path = variant(tmp_path, BUITEN, old, new)
    try:
        d = parse_file(path)
    except InputError as exc:
        assert exc.path == str(path)
        return
    r = d.regelverantwoording
    assert r.model + r.opmaak + r.label + r.leeg + r.onverwerkt == r.totaal
    codes = [kt.code for p in d.profielen for kt in p.kerntaken] + [
        wp.code for p in d.profielen for wp in p.werkprocessen()
    ]
    assert any(len(c) >= 5000 for c in codes) or d.onverwerkte_regels


@pytest.mark.parametrize(
    "code", ["2.10", "a.b", "", "x", "1..2", "١.٢", "1" * 5000, "2." + "9" * 5000, "-1.2", "1.2.3.4"]
)
def test_code_key_takes_any_string(code):
    key = code_key(code)
    assert isinstance(key, tuple) and all(isinstance(k, int) for k in key)


def test_code_key_orders_codes():
    codes = ["2.10", "1" * 30 + ".1", "2.9", "x", "1.1", "10.1", "2." + "9" * 5000]
    # numbers in order; a part that is no short number after them, shortest first
    assert sorted(codes, key=code_key) == ["1.1", "2.9", "2.10", "2." + "9" * 5000, "10.1", "x", "1" * 30 + ".1"]


# ---------------------------------------------------------------- a 1 MB line, a 1 MB word


def test_huge_line_where_a_competence_name_is_expected():
    lines = BUITEN.read_text(encoding="utf-8").split("\n")
    assert lines[178] == "Analyseren"
    lines[178] = ("Analyseren " * HUGE)[:HUGE]
    d = parse_lines(lines, "huge-line")
    wp = d.profielen[0].werkproces("1.1")
    assert wp is not None
    [block] = [c for c in wp.competenties if len(c.naam) == HUGE]
    assert block.letter is None and block.componenten  # an unknown name, its block kept whole
    assert closest_competentie(block.naam) is None


@pytest.mark.parametrize(
    "word", ["a" * HUGE, "a" * (HUGE // 2) + "-" + "b" * (HUGE // 2), "a" * HUGE + "-", "ë" * HUGE]
)
def test_huge_word_in_omschrijving(word):
    lines = BUITEN.read_text(encoding="utf-8").split("\n")
    i = next(i for i, ln in enumerate(lines) if ln.startswith("Omschrijving De"))
    lines[i] = "Omschrijving De " + word
    d = parse_lines(lines, "huge-word")
    assert d.onverwerkte_regels == []
    omschrijving = d.profielen[0].werkproces("1.1").omschrijving
    assert omschrijving.startswith("De " + word.rstrip("-")[:100])
    assert len(omschrijving) > HUGE


def test_fold_of_a_huge_text():
    assert fold(" É " * HUGE) == " ".join(["e"] * HUGE)
    assert fold("Ïx" * HUGE) == "ix" * HUGE


def test_many_lines_ending_in_a_hyphen():
    """Joining a field's lines looks only at the end of the text so far: 20,000 wrapped lines
    of one omschrijving join without re-reading the text per line."""
    lines = BUITEN.read_text(encoding="utf-8").split("\n")
    i = next(i for i, ln in enumerate(lines) if ln.startswith("Omschrijving De"))
    wrapped = ["verkoop-", "proces en"] * 10_000
    d = parse_lines([*lines[: i + 1], *wrapped, *lines[i + 1 :]], "many")
    omschrijving = d.profielen[0].werkproces("1.1").omschrijving
    assert "verkoopproces en verkoopproces en" in omschrijving
    assert omschrijving.count("verkoopproces") == 10_000


def test_too_large_a_text_file(tmp_path, cli):
    from kwaldossier.read import max_input_bytes

    path = tmp_path / "groot.txt"
    with path.open("wb") as f:
        f.truncate(max_input_bytes() + 1)  # sparse: no disk used
    with pytest.raises(InputError) as exc:
        parse_file(path)
    assert "over the limit" in exc.value.message
    r = cli("parse", path)
    assert r.code == 2 and r.out == "" and "over the limit" in r.err and "KWALDOSSIER_MAX_INPUT_MB" in r.err
