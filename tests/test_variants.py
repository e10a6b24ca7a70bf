"""Robustness variants of the two real seeds, generated here: each must parse to the same model
as the seed. What may differ is only what the variant changes on purpose: line numbers where
lines were re-wrapped, and where the input file is named."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from conftest import BINNEN, BUITEN
from kwaldossier.read.text2012 import parse_file

SEEDS = {"buiten": BUITEN, "binnen": BINNEN}
# every field that holds a source line number or is counted per line
LINE_KEYS = {
    "regels",
    "regel",
    "bron",
    "componenten_regels",
    "prestatie_indicator_regels",
    "prestatie_indicator_offsets",
    "regel_paginas",
    "regelverantwoording",
}


def _without(value, keys):
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value


def content(d) -> dict:
    """Everything but line numbers: all texts, codes, letters, flags, repairs."""
    return _without(d.model_dump(mode="json"), LINE_KEYS)


def exact(d) -> dict:
    """Everything but the name of the file it came from."""
    data = d.model_dump(mode="json")
    data.pop("bron")
    return data


def seed_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


# ---------------------------------------------------------------- encodings and line ends


@pytest.mark.parametrize("which", ["buiten", "binnen"])
@pytest.mark.parametrize(
    "variant",
    ["crlf", "cr", "cp1252", "bom", "crlf-cp1252"],
)
def test_encodings_and_line_ends(request, tmp_path, which, variant):
    seed = request.getfixturevalue(which)
    text = SEEDS[which].read_text(encoding="utf-8")
    if "crlf" in variant:
        text = text.replace("\n", "\r\n")
    if variant == "cr":
        text = text.replace("\n", "\r")
    data = text.encode("cp1252") if "cp1252" in variant else text.encode("utf-8")
    if variant == "bom":
        data = b"\xef\xbb\xbf" + data
    assert data != SEEDS[which].read_bytes()
    d = parse_file(write(tmp_path, f"{which}.txt", data))
    assert exact(d) == exact(seed)


# ---------------------------------------------------------------- trailing spaces


@pytest.mark.parametrize("which", ["buiten", "binnen"])
def test_trailing_spaces_stripped(request, tmp_path, which):
    seed = request.getfixturevalue(which)
    lines = seed_lines(SEEDS[which])
    stripped = [ln.rstrip() for ln in lines]
    assert sum(a != b for a, b in zip(lines, stripped, strict=True)) > 20  # rows of cells among them
    d = parse_file(write(tmp_path, "stripped.txt", "\n".join(stripped).encode()))
    assert d.onverwerkte_regels == []
    # a row of spaces became an empty line: only its line number leaves bron.matrix (and the
    # line counts move from model to blank); every other line number stays
    assert _without(exact(d), {"matrix", "regelverantwoording"}) == _without(
        exact(seed), {"matrix", "regelverantwoording"}
    )
    assert content(d) == content(seed)
    for wp_d, wp_s in zip(d.profielen[0].werkprocessen(), seed.profielen[0].werkprocessen(), strict=True):
        assert (wp_d.code, wp_d.matrix_rij, wp_d.matrix) == (wp_s.code, wp_s.matrix_rij, wp_s.matrix)
        assert set(wp_d.bron.matrix) <= set(wp_s.bron.matrix)
    assert any(wp.matrix_rij and not wp.in_profiel for wp in d.profielen[0].werkprocessen())
    assert any(not wp.matrix_rij for wp in d.profielen[0].werkprocessen())


# ---------------------------------------------------------------- re-wrapped prose and boilerplate


def _prose_runs(seed, lines: list[str]) -> list[list[int]]:
    """Runs of consecutive source lines of one prose field (omschrijving, a field of algemene
    informatie, a prestatie-indicator): bullets and blank lines end a run."""
    fields: list[list[int]] = []
    for p in seed.profielen:
        fields += [regels for regels in p.algemene_informatie.bron.values()]
        for wp in p.werkprocessen():
            fields.append(wp.bron.omschrijving)
            fields += [c.prestatie_indicator_regels for c in wp.competenties]
    runs: list[list[int]] = []
    for regels in fields:
        run: list[int] = []
        for no in regels:
            if lines[no - 1].strip().startswith("•"):
                continue
            if run and no == run[-1] + 1:
                run.append(no)
            else:
                if len(run) > 1:
                    runs.append(run)
                run = [no]
        if len(run) > 1:
            runs.append(run)
    return runs


def _boilerplate_runs(lines: list[str]) -> list[list[int]]:
    runs = []
    for i, ln in enumerate(lines):
        if ln.strip().startswith("In deze matrix is per kerntaak"):
            assert lines[i + 1].startswith("door middel van een kruisje")
            runs.append([i + 1, i + 2])
    return runs


def rewrap(lines: list[str], runs: list[list[int]], width: int) -> list[str]:
    """Re-flow each run at `width`. A line ending in a hyphen keeps its break (the join there
    depends on the hyphen, as in the source); everywhere else words move freely."""
    start = {run[0]: run for run in runs}
    out: list[str] = []
    no = 1
    while no <= len(lines):
        run = start.get(no)
        if run is None:
            out.append(lines[no - 1])
            no += 1
            continue
        segment: list[str] = []
        for r in run:
            segment.append(lines[r - 1].strip())
            if segment[-1].endswith("-") or r == run[-1]:
                out += textwrap.wrap(" ".join(segment), width, break_long_words=False, break_on_hyphens=False)
                segment = []
        no = run[-1] + 1
    return out


@pytest.mark.parametrize("which", ["buiten", "binnen"])
@pytest.mark.parametrize("width", [40, 61, 130])
def test_rewrapped(request, tmp_path, which, width):
    seed = request.getfixturevalue(which)
    lines = seed_lines(SEEDS[which])
    runs = _prose_runs(seed, lines) + _boilerplate_runs(lines)
    assert len(runs) > 50
    wrapped = rewrap(lines, runs, width)
    moved = sum(1 for a, b in zip(lines, wrapped, strict=False) if a != b)
    assert moved > 100
    d = parse_file(write(tmp_path, f"wrapped{width}.txt", "\n".join(wrapped).encode()))
    assert d.onverwerkte_regels == []
    assert content(d) == content(seed)


def test_rewrap_moves_a_word_across_the_boilerplate_wrap(tmp_path, buiten):
    """The issue's case: one word moved across the wrap of '... door middel van een kruisje'."""
    text = BUITEN.read_text(encoding="utf-8")
    before = "Dit is zichtbaar\ndoor middel van een kruisje in de matrix."
    assert text.count(before) == 3
    text = text.replace(before, "Dit is zichtbaar door\nmiddel van een kruisje in de matrix.")
    d = parse_file(write(tmp_path, "moved.txt", text.encode()))
    assert d.onverwerkte_regels == []
    assert exact(d) == exact(buiten)


def test_wrapped_label(tmp_path, binnen):
    """A label of algemene informatie wrapped over three lines, its text starting on the last."""
    text = BINNEN.read_text(encoding="utf-8")
    old = "\nModerne vreemde talen De beroepseisen"
    assert text.count(old) == 1
    d = parse_file(
        write(tmp_path, "label.txt", text.replace(old, "\nModerne\nvreemde\ntalen De beroepseisen").encode())
    )
    assert d.onverwerkte_regels == []
    assert content(d) == content(binnen)
    assert d.profielen[0].algemene_informatie.moderne_vreemde_talen.startswith("De beroepseisen")


@pytest.mark.parametrize("which", ["buiten", "binnen"])
@pytest.mark.parametrize(
    "wrap",
    ["Commercieel medewerker\n{dienst}", "Commercieel\nmedewerker {dienst}", "Commercieel\nmedewerker\n{dienst}"],
)
def test_wrapped_headings(request, tmp_path, which, wrap):
    """Every heading that names the profile (the profile's own, its later sections, each
    matrix and detail heading) wrapped: still that one profile (issue 12's failure: a wrapped
    'Detaillering ...' heading made a third profile)."""
    seed = request.getfixturevalue(which)
    dienst = seed.profielen[0].naam.split()[-1]
    naam = f"Commercieel medewerker {dienst}"
    text = SEEDS[which].read_text(encoding="utf-8")
    assert text.count(naam) == 8
    d = parse_file(write(tmp_path, "headings.txt", text.replace(naam, wrap.format(dienst=dienst)).encode()))
    assert [p.naam for p in d.profielen] == [naam]
    assert d.onverwerkte_regels == []
    assert content(d) == content(seed)


@pytest.mark.parametrize("which", ["buiten", "binnen"])
def test_wrapped_running_headers(request, tmp_path, which):
    """'N.N werkproces: <title>' and 'Kerntaak N <title>' wrapped after their title's first word,
    on every page. A wrapped title is completed to the title the dossier already gave (the
    matrix label, the same header on an earlier page); the very first 'Kerntaak N' header of a
    kerntaak, before its matrix, has no such evidence and stays whole here."""
    seed = request.getfixturevalue(which)
    first_seen: set[str] = set()
    out = []
    for ln in seed_lines(SEEDS[which]):
        m = re.match(r"^(\s*\d+\.\d+ werkproces: \S+) (.+)$", ln) or re.match(r"^(\s*Kerntaak (\d+) \S+) (.+)$", ln)
        if m and "werkproces" in ln:
            out += [m.group(1), m.group(2)]
        elif m and m.group(2) in first_seen:
            out += [m.group(1), m.group(3)]
        else:
            if m:
                first_seen.add(m.group(2))
            out.append(ln)
    wrapped = len(out) - len(seed_lines(SEEDS[which]))
    assert wrapped > 20
    d = parse_file(write(tmp_path, "headers.txt", "\n".join(out).encode()))
    assert d.onverwerkte_regels == []
    assert content(d) == content(seed)
