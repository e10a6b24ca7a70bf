"""Hostile numbers (issue 24): each case built from the real 2637 SBB XML export or a seed text,
run through the CLI in a subprocess under a 10 s timeout. Each gives a correct result or exit 2
with one clean stderr line naming file and line; never "internal error", never a hang."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BINNEN, ROOT, SBB_XML

TIMEOUT = 10
HOSTILE = {
    "huge": "10000000",
    "5000-digits": "9" * 5000,
    "superscript": "²",
    "negative": "-1",
    "arabic-indic": "٣",
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", "KWALDOSSIER_TAAL": "en"}
    return subprocess.run(
        [sys.executable, "-m", "kwaldossier", "--no-cache", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=env,
        check=False,
    )


def assert_clean_error(r: subprocess.CompletedProcess[str], path: Path) -> None:
    assert r.returncode == 2, (r.returncode, r.stderr[-500:])
    lines = r.stderr.strip().split("\n")
    assert len(lines) == 1, r.stderr[-500:]
    assert lines[0].startswith(f"kwaldossier: error: {path}:"), lines[0]
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr


def sbb_variant(tmp_path: Path, attr: str, value: str, nth: int = 2) -> tuple[Path, int]:
    """The 2637 export with the nth `attr="..."` set to value; returns the file and that line."""
    src = next(SBB_XML.glob("*2637*")).read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer(rf'\b{attr}="', src)]
    i = starts[nth]
    j = src.index('"', i + len(attr) + 2)
    out = src[:i] + f'{attr}="{value}"' + src[j + 1 :]
    folder = tmp_path / "data"
    folder.mkdir()
    p = folder / "2637 hostile.xml"
    p.write_text(out, encoding="utf-8")
    return p, src.count("\n", 0, i) + 1


def commands(p: Path) -> list[tuple[str, ...]]:
    return [
        ("validate", str(p)),
        ("parse", str(p)),
        ("show", "B1-K1-W1", "--profiel", str(p)),
        ("list", "--data", str(p.parent)),
    ]


@pytest.mark.shared
@pytest.mark.parametrize("value", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_hoofdstuk_is_one_clean_error(tmp_path, value):
    p, line = sbb_variant(tmp_path, "hoofdstuk", value)
    for args in commands(p):
        r = run(*args)
        assert_clean_error(r, p)
        assert f"{p}:{line}:" in r.stderr, r.stderr


@pytest.mark.shared
def test_leading_zeros_in_hoofdstuk_read_as_the_number(tmp_path):
    p, _ = sbb_variant(tmp_path, "hoofdstuk", "0001", nth=0)
    r = run("parse", str(p), "--json")
    assert r.returncode == 0, r.stderr
    plain = run("parse", str(next(SBB_XML.glob("*2637*"))), "--json")
    codes = re.compile(r'"code": "([^"]+)"')
    assert codes.findall(r.stdout) == codes.findall(plain.stdout)
    for args in commands(p)[2:]:
        assert run(*args).returncode == 0


@pytest.mark.shared
@pytest.mark.parametrize("value", ["01-08-٢٠١٦", "01-08-" + "9" * 5000, "01-08-²", "-1-08-2016", "01-08-20160"])
def test_hostile_date_is_one_clean_error(tmp_path, value):
    src = next(SBB_XML.glob("*2637*")).read_text(encoding="utf-8")
    m = re.search(r'(\w+)="\d\d-\d\d-\d{4}"', src)
    assert m, "the 2637 export has a DD-MM-YYYY date attribute"
    p, line = sbb_variant(tmp_path, m.group(1), value, nth=0)
    r = run("validate", str(p))
    assert_clean_error(r, p)
    assert f"{p}:{line}:" in r.stderr


def seed_variant(tmp_path: Path, old: str, new: str) -> Path:
    text = BINNEN.read_text(encoding="utf-8")
    assert old in text
    p = tmp_path / "hostile.txt"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    return p


@pytest.mark.parametrize("value", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_niveau_in_2012_text(tmp_path, value):
    p = seed_variant(tmp_path, "Niveau 3", f"Niveau {value}")
    r = run("validate", str(p))
    # a correct result (the number is not read as a niveau) or one clean error
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr
    if r.returncode == 2:
        assert_clean_error(r, p)
    else:
        parsed = run("parse", str(p), "--json")
        assert parsed.returncode == 0
        assert '"niveau": 3' not in parsed.stdout or value == "3"


@pytest.mark.parametrize("value", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_kerntaak_number_in_2012_text(tmp_path, value):
    p = seed_variant(tmp_path, "Kerntaak 1 Onderzoekt", f"Kerntaak {value} Onderzoekt")
    for args in (("validate", str(p)), ("parse", str(p)), ("list", "--profiel", str(p))):
        r = run(*args)
        assert "internal error" not in r.stderr and "Traceback" not in r.stderr, r.stderr
        if r.returncode == 2:
            assert_clean_error(r, p)
