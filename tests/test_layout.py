"""The terminal layout as a person sees it: the real command in a pseudo-terminal of 80 and 120
columns (rich decides by itself that it is a terminal), and the same commands piped. Headers wrap
instead of cutting a name, bullets and indicators hang under their text, prose is set at
min(width, 100), list marks stand in columns; piped output is never wrapped."""

from __future__ import annotations

import fcntl
import itertools
import os
import pty
import re
import struct
import subprocess
import sys
import termios

import pytest

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
BINNEN = "Commercieel medewerker binnendienst"
BUITEN = "Commercieel medewerker buitendienst"


def _env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR", "TTY_COMPATIBLE")}
    return {**env, "PYTHONPATH": os.pathsep.join(sys.path), "NO_COLOR": "1", "TERM": "xterm", **extra}


def terminal(width: int, *args: str, **env: str) -> list[str]:
    """The lines a terminal of `width` columns shows for `kwaldossier ARGS`."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, width, 0, 0))
    p = subprocess.Popen(
        [sys.executable, "-m", "kwaldossier", *args], stdin=slave, stdout=slave, stderr=slave, env=_env(**env)
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not data:
            break
        chunks.append(data)
    p.wait(timeout=60)
    os.close(master)
    text = ANSI.sub("", b"".join(chunks).decode("utf-8"))
    return text.replace("\r\n", "\n").split("\n")


def piped(*args: str, **env: str) -> list[str]:
    p = subprocess.run([sys.executable, "-m", "kwaldossier", *args], capture_output=True, text=True, env=_env(**env))
    return p.stdout.split("\n")


def _fits(lines: list[str], width: int) -> None:
    from rich.cells import cell_len

    too_wide = [line for line in lines if cell_len(line) > width]
    assert not too_wide, too_wide[:3]
    assert not any(line.rstrip().endswith("…") or "…" in line.split("─")[0:1] for line in lines if "─" in line)


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("taal", ["en", "nl"])
def test_show_wraps_headers_and_hangs_bullets(width, taal):
    lines = terminal(width, "show", "2.5", "--taal", taal)
    _fits(lines, min(width, 100))
    text = "\n".join(lines)
    assert BINNEN in text and BUITEN in text  # never cut ("Commercieel medewerker binnendien…")
    assert "…" not in text
    in_list = False
    for prev, line in itertools.pairwise(lines):
        if line.startswith(("• ", "   • ", "   Prestatie-indicator: ")):
            in_list = True
        elif (
            not line.strip()
            or line.startswith(("Omschrijving", "Gewenst", "Vakkennis", "──"))
            or re.match(r"^[A-Y?]  ", line)
        ):
            in_list = False
        elif in_list:  # a wrapped bullet or indicator goes on under its text
            indent = len(line) - len(line.lstrip())
            assert indent in (2, 5, 24), (prev, line)
    prose = [line for line in lines if len(line) > 60]
    assert prose and max(len(line) for line in prose) <= min(width, 100)


def test_prose_is_set_at_100_in_a_wide_terminal():
    lines = terminal(200, "show", "3.1", "--profiel", "binnendienst")
    assert max(len(line) for line in lines) <= 100
    assert sum(len(line) > 90 for line in lines) > 3  # and it does use the width


@pytest.mark.parametrize("width", [80, 120])
def test_list_marks_in_columns_never_orphaned(width):
    lines = terminal(width, "list")
    _fits(lines, width)
    head = next(line for line in lines if line.startswith("Kerntaken en werkprocessen"))
    cols = [head.index("binnendienst"), head.index("buitendienst")]
    rows = {}
    for line in lines:
        m = re.match(r"^[│ ]   [├└]── (\d\.\d)  ", line)
        marks = [ch for ch in line if ch in "✓·"]
        if m:
            rows[m[1]] = [line[c : c + len("binnendienst")].strip() for c in cols]
            assert len(marks) == 2, line
        elif line.startswith("✓ in the profile"):
            continue
        else:
            assert not marks, line  # a mark never sits on a line of its own, apart from its row
    assert len(rows) == 19 and rows["2.7"] == ["✓", "·"] and rows["1.6"] == ["·", "✓"]


@pytest.mark.shared
def test_list_with_many_profiles_numbers_them_with_a_key():
    from conftest import SBB_XML

    lines = terminal(80, "list", "--data", str(SBB_XML))
    _fits(lines, 80)
    # per dossier, its profiles numbered in their own columns when the names do not fit
    assert "Pedagogisch Werk, crebo 23183, 2015 model, geldig vanaf 01-08-2015, Vastgesteld" in lines
    assert any(line.startswith("Kerntaken en werkprocessen") and line.split()[-3:] == ["1", "2", "3"] for line in lines)
    assert any(line.split()[-6:] == ["1", "2", "3", "4", "5", "6"] for line in lines)  # Maatschappelijke Zorg
    assert (
        "1 = Pedagogisch medewerker kinderopvang" in lines
        and "6 = Persoonlijk begeleider specifieke doelgroepen" in lines
    )


@pytest.mark.parametrize("taal", ["en", "nl"])
def test_matrix_key_and_legend_at_80(taal):
    lines = terminal(80, "matrix", "--taal", taal)
    _fits(lines, 80)
    only = "only" if taal == "en" else "alleen"
    assert f"1 = {only} {BINNEN}" in lines and f"2 = {only} {BUITEN}" in lines
    # the letter has a column of its own: a long name wraps under the name, not under the letter
    a = next(i for i, line in enumerate(lines) if re.match(r"^[\s│]*A[\s│]+Beslissen en activiteiten", line))
    col = lines[a].index("Beslissen")
    assert lines[a + 1][col:].startswith("initiëren") and not lines[a + 1][:col].strip("│ ")


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("taal", ["en", "nl"])
def test_diff_change_lines_hang(width, taal):
    lines = terminal(width, "diff", "binnendienst", "buitendienst", "--taal", taal)
    _fits(lines, max(width, 100))
    text = "\n".join(lines)
    assert f"A = {BINNEN}" in text and f"B = {BUITEN}" in text
    section = False
    for line in lines:
        if line.startswith("── "):
            section = True
        elif section and line and line[0] not in "+−~ " and not line[0].isupper():
            raise AssertionError(f"a wrapped change starts at column 0: {line!r}")


def test_piped_output_is_never_wrapped():
    show = piped("show", "2.5", "--profiel", "binnendienst")
    omschrijving = show[show.index("Omschrijving") + 1]
    assert (
        omschrijving.startswith("De commercieel medewerker")
        and omschrijving.endswith("termijn.")
        and len(omschrijving) > 1000
    )
    assert show[0].startswith("── 2.5 Stelt offertes op en brengt ze uit ")
    diff = piped("diff", "binnendienst", "buitendienst")
    assert diff[0] == f"A = {BINNEN} (niveau 3, NLQF/EQF 3)   B = {BUITEN} (niveau 3, NLQF/EQF 3)"
    assert any(len(line) > 300 and line.startswith("~ omschrijving: ") for line in diff)
    listing = piped("list", "--taal", "nl")
    assert listing[-2] == "✓ in het profiel   · niet in het profiel"
