"""Control characters from a dossier never reach human output (issue 24): a seed text with
ESC]0;x BEL (set the window title) and ESC[2J (clear the screen) in a werkproces title and a
vakkennis item, through every look-up, diff and export; JSON keeps the text as it is."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BINNEN, ROOT
from kwaldossier.render.schoon import is_schoon, schoon

ESC = "\x1b]0;x\x07\x1b[2J"
# bytes that must not come from input: C0 but \t \n, DEL, and C1 (as UTF-8 they start with 0xc2)
VERBODEN = {*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F}


def hostile_seed(folder: Path, inserted: str = ESC) -> Path:
    text = BINNEN.read_text(encoding="utf-8")
    for old, new in (
        ("1.1 Verzamelt klant-, product-", f"1.1 Verzamelt{inserted} klant-, product-"),
        ("• Computersystemen en -pakketten", f"• Computersystemen{inserted} en -pakketten"),
    ):
        assert old in text
        text = text.replace(old, new, 1)
    folder.mkdir(exist_ok=True)
    p = folder / "binnendienst-esc.txt"
    p.write_text(text, encoding="utf-8")
    return p


def run(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    full = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", "KWALDOSSIER_TAAL": "en", **env}
    return subprocess.run(
        [sys.executable, "-m", "kwaldossier", *args], capture_output=True, timeout=60, env=full, check=False
    )


def assert_no_controls(data: bytes) -> None:
    data = data.replace(b"\r\n", b"\n")  # CSV's own record separator
    bad = [b for b in data if b in VERBODEN]
    assert not bad, sorted(set(bad))
    text = data.decode("utf-8", "replace")
    assert not any(0x80 <= ord(ch) <= 0x9F for ch in text)


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> Path:
    return hostile_seed(tmp_path_factory.mktemp("esc") / "data")


def test_json_keeps_the_text(seed):
    r = run("parse", str(seed), "--json")
    assert r.returncode == 0, r.stderr
    assert b"\x1b" not in r.stdout  # JSON escapes it ...
    assert json.dumps(json.loads(r.stdout), ensure_ascii=False).count(json.dumps(ESC)[1:-1]) == 2  # ... and keeps it


@pytest.mark.parametrize("color", [{}, {"FORCE_COLOR": "1", "NO_COLOR": ""}], ids=["plain", "rich"])
def test_lookups_show_controls_visibly(seed, color):
    cmds = [
        ("show", "1.1", "--profiel", str(seed)),
        ("list", "--profiel", str(seed)),
        ("matrix", "--profiel", str(seed)),
        ("search", "Computersystemen", "--data", str(seed.parent)),
        ("diff", str(BINNEN), str(seed)),
        ("validate", str(seed)),
    ]
    for args in cmds:
        r = run(*args, **color)
        assert r.returncode in (0, 1), (args, r.stderr[-300:])
        out = r.stdout + r.stderr
        if color:  # rich's own styles are ESC[...m; the input's sequences must not be there
            assert b"\x1b]0;" not in out and b"\x1b[2J" not in out and b"\x07" not in out, args
        else:
            assert_no_controls(out)
        if args[0] in ("show", "list", "search", "diff"):
            assert b"\\x1b]0;x" in r.stdout, (args, r.stdout[:300])


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "markdown", "html"])
def test_exports_show_controls_visibly(seed, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    cmd = ("diff", str(BINNEN), str(seed), "--format", fmt, "--out", str(out))
    r = run(*cmd)
    assert r.returncode == 1, r.stderr
    data = out.read_bytes()
    if fmt == "xlsx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            data = b"".join(z.read(n) for n in z.namelist() if n.endswith(".xml"))
    assert_no_controls(data)
    assert b"\\x1b" in data and b"\\x07" in data  # shown (Markdown escapes the brackets)
    for look in ("list", "matrix"):
        if fmt in ("csv", "xlsx"):
            target = tmp_path / f"{look}.{fmt}"
            r = run(look, "--profiel", str(seed), "--format", fmt, "--out", str(target))
            assert r.returncode == 0, r.stderr
            data = target.read_bytes()
            if fmt == "xlsx":
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    data = b"".join(z.read(n) for n in z.namelist() if n.endswith(".xml"))
            assert_no_controls(data)


def test_schoon_notation():
    assert schoon("a\x1b[2Jb\tc\nd\x07\x9b\x7f") == "a\\x1b[2Jb\tc\nd\\x07\\x9b\\x7f"
    assert schoon("é ü ★ ²") == "é ü ★ ²"


CONTROL = st.sampled_from([chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]])
TITLE = st.lists(st.one_of(CONTROL, st.sampled_from(list("abc [];=é"))), min_size=1, max_size=20).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TITLE)
def test_property_no_control_in_human_output(capsys, title):
    """Every renderer (plain printer, rich console, CSV) writes a werkproces title with random
    control characters without one of them."""
    from rich.text import Text

    from kwaldossier.render.console import console
    from kwaldossier.render.csvout import csv_bytes
    from kwaldossier.render.printer import PlainPrinter
    from kwaldossier.render.tabellen import Blad

    PlainPrinter().print(Text("1.1 ") + Text(title))
    plain = capsys.readouterr().out
    assert is_schoon(plain)
    c = console()
    c.print(Text(title))
    assert is_schoon(capsys.readouterr().out)
    data = csv_bytes(Blad(naam="x", kop=["titel"], rijen=[[title]])).decode("utf-8").replace("\r\n", "\n")
    assert is_schoon(data)
    visible = [ch for ch in title if 0x80 <= ord(ch) <= 0x9F or ch == "\x1b"]
    for ch in visible:
        assert f"\\x{ord(ch):02x}" in plain
