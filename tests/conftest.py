from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
PARSED = ROOT / "data" / "parsed"
BUITEN = RAW / "commercieel-medewerker-buitendienst.txt"
BINNEN = RAW / "commercieel-medewerker-binnendienst.txt"
SHARED = ROOT.parent / "shared"  # read-only reference inputs beside the checkout (never copied in)
SBB_XML = SHARED / "sbb-xml"
CASE_SCHEMA = SHARED / "case-schema" / "case-v1p1-cfpackage-schema.json"

# Tests that read ../shared are marked `shared` (or take a path under it as a parameter): CI has
# shared/ beside the clone; a clone elsewhere skips them, saying why, instead of failing.
SHARED_MISSING = "shared/ (SBB XML, CASE schema) is not beside the checkout"


def _mentions_shared(value: object) -> bool:
    if isinstance(value, (tuple, list)):
        return any(_mentions_shared(v) for v in value)
    return isinstance(value, (str, Path)) and str(value).startswith(str(SHARED))


def pytest_configure(config):
    config.addinivalue_line("markers", "shared: reads the reference inputs in ../shared")
    # Tests speak English unless they choose Dutch (--taal nl, KWALDOSSIER_TAAL, taal.in_taal):
    # a developer's LANG=nl_NL must not change what they expect. Subprocesses inherit this.
    os.environ["KWALDOSSIER_TAAL"] = "en"
    _catalogue_for_the_source_tree()


def _catalogue_for_the_source_tree() -> None:
    """Run from the checkout (PYTHONPATH=src), the package has no .mo: the install builds it
    (hatch_build.py). Build it here the same way, beside the .po (git ignores it)."""
    import kwaldossier
    from kwaldossier import taal

    if not Path(kwaldossier.__file__).resolve().is_relative_to(ROOT / "src"):
        return  # the installed package: its .mo came with the wheel
    sys.path.insert(0, str(ROOT))
    import hatch_build

    mo = taal.mo_pad()
    if not mo.is_file() or mo.stat().st_mtime < hatch_build.PO.stat().st_mtime:
        hatch_build.main(["compile"])


def pytest_collection_modifyitems(items):
    if SHARED.is_dir() and SBB_XML.is_dir() and CASE_SCHEMA.is_file():
        return
    skip = pytest.mark.skip(reason=SHARED_MISSING)
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if item.get_closest_marker("shared") or _mentions_shared(list(params.values())):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def buiten():
    from kwaldossier.read.text2012 import parse_file

    return parse_file(BUITEN)


@pytest.fixture(scope="session")
def binnen():
    from kwaldossier.read.text2012 import parse_file

    return parse_file(BINNEN)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own empty parse cache: nothing is read from or written to ~/.cache."""
    monkeypatch.setenv("KWALDOSSIER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    from kwaldossier.read import cache

    monkeypatch.setitem(cache._state, "on", True)


@pytest.fixture(autouse=True)
def _english():
    """Each test starts in English (a test that chose Dutch does not leak into the next)."""
    from kwaldossier import taal

    taal.zet("en")


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run the real entry point in-process: exit code, stdout and stderr."""
    from kwaldossier.cli import main

    def run(*args: str, env: dict | None = None) -> Result:
        for k, v in (env or {}).items():
            monkeypatch.setenv(k, v)
        monkeypatch.setattr(sys, "argv", ["kwaldossier", *map(str, args)])
        monkeypatch.setenv("COLUMNS", "120")
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
