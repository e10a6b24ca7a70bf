"""Input handling: encodings, bad input, the bundled data and its sync with data/raw."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import BINNEN, BUITEN, PARSED, RAW
from kwaldossier.read import bundled_dir, dossier_json
from kwaldossier.read.text2012 import parse_file


def _dump(d) -> dict:
    data = d.model_dump(mode="json")
    data.pop("bron")
    return data


@pytest.mark.parametrize("variant", ["bom", "crlf", "cp1252", "cr"])
def test_encodings_parse_the_same(tmp_path, buiten, variant):
    text = BUITEN.read_text(encoding="utf-8")
    path = tmp_path / f"{variant}.txt"
    if variant == "bom":
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    elif variant == "crlf":
        path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    elif variant == "cr":
        path.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    else:
        path.write_bytes(text.encode("cp1252"))
    assert _dump(parse_file(path)) == _dump(buiten)


def test_parsed_data_in_sync_with_raw(tmp_path, cli):
    """data/parsed/ is what `make data` makes of data/raw/ today (regenerate with `make data`)."""
    raws = sorted(RAW.glob("*.txt"))
    assert [p.stem for p in raws] == sorted(p.stem for p in PARSED.glob("*.json"))
    r = cli("parse", *raws, "--out", tmp_path)
    assert r.code == 0, r.err
    for raw in raws:
        fresh = (tmp_path / f"{raw.stem}.json").read_text(encoding="utf-8")
        stored = (PARSED / f"{raw.stem}.json").read_text(encoding="utf-8")
        assert fresh == stored, f"data/parsed/{raw.stem}.json is stale: run `make data`"


def test_raw_copies_are_the_seeds():
    seeds = RAW.parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        seeds = RAW.parents[1].parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/seeds not beside the checkout")
    mapping = {"000_97e5a4abdd3375b6.txt": BUITEN, "001_aad157991aab943f.txt": BINNEN}
    for seed, copy in mapping.items():
        assert (seeds / seed).read_bytes() == copy.read_bytes()


def test_bundled_data_is_found():
    d = bundled_dir()
    assert sorted(p.name for p in d.glob("*.json")) == [
        "commercieel-medewerker-binnendienst.json",
        "commercieel-medewerker-buitendienst.json",
    ]


def test_parse_json_contract(cli, buiten):
    r = cli("parse", BUITEN, "--json")
    assert r.code == 0 and r.err == ""
    data = json.loads(r.out)
    p = data["profielen"][0]
    assert set(p) >= {"naam", "niveau", "algemene_informatie", "kerntaken"}
    kt = p["kerntaken"][0]
    assert kt["code"] == "1" and kt["titel"]
    wp = kt["werkprocessen"][0]
    assert wp["code"] == "1.1" and wp["matrix"] == ["J", "M", "N", "R"] and wp["in_profiel"] is True
    assert set(wp) >= {"titel", "omschrijving", "gewenst_resultaat", "vakkennis_en_vaardigheden", "competenties"}
    assert set(wp["vakkennis_en_vaardigheden"][0]) >= {"tekst", "taal"}
    assert set(wp["competenties"][0]) >= {"letter", "naam", "componenten", "prestatie_indicator"}
    assert data["onverwerkte_regels"] == []
    assert r.out == dossier_json(buiten)


def test_json_round_trip(tmp_path, cli, buiten):
    """Parsed JSON loads back to the same model (every command accepts it as input)."""
    path = tmp_path / "b.json"
    path.write_text(dossier_json(buiten), encoding="utf-8")
    r = cli("parse", path, "--json")
    assert r.code == 0
    assert json.loads(r.out) == json.loads(dossier_json(buiten))


def test_schema_command(cli):
    r = cli("schema")
    assert r.code == 0
    schema = json.loads(r.out)
    assert schema["title"] == "Dossier"
    assert "Werkproces" in schema["$defs"] and "Competentie" in schema["$defs"]
    wp = schema["$defs"]["Werkproces"]["properties"]
    assert {"code", "titel", "in_profiel", "matrix", "competenties"} <= set(wp)


def test_parse_summary(cli):
    r = cli("parse", BINNEN)
    assert r.code == 0
    assert "Commercieel medewerker binnendienst (niveau 3)" in r.out
    assert "0 not placed" in r.out


BAD = {
    "empty": (b"", "empty file"),
    "blank": (b"\n  \n\n", "empty file"),
    "binary": (bytes(range(256)) * 4, "binary file"),
    "notdossier": (b"Dit is een boodschappenlijst.\nMelk\nBrood\n", "not a kwalificatiedossier"),
    "undecodable": (b"Omschrijving caf\x81 \x8d\n", "undecodable byte 0x81"),
    "fakepdf": (b"%PDF-1.4\nnot really a pdf\n", ""),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_input_one_line_exit_2(tmp_path, cli, kind):
    data, expect = BAD[kind]
    path = tmp_path / ("in.pdf" if kind == "fakepdf" else "in.txt")
    path.write_bytes(data)
    out = tmp_path / "out"
    for args in (("parse", path, "--json"), ("parse", path, "--out", out), ("validate", path), ("diff", path, BUITEN)):
        r = cli(*args)
        assert r.code == 2, (kind, args, r)
        assert r.out == ""
        assert len(r.err.strip().splitlines()) <= 2 and "Traceback" not in r.err
        assert expect in r.err and str(path) in r.err
    assert not out.exists() or not any(out.glob("*.json")), "no output file for bad input"


def test_missing_path_and_directory(tmp_path, cli):
    r = cli("parse", tmp_path / "nope.txt", "--json")
    assert r.code == 2 and "no such file" in r.err and r.out == ""
    r = cli("parse", tmp_path, "--json")
    assert r.code == 2 and "is a directory" in r.err and r.out == ""


def test_not_a_dossier_points_at_file(tmp_path, cli):
    path = tmp_path / "lijst.txt"
    path.write_text("1.1 Iets\nanders\n", encoding="utf-8")
    r = cli("parse", path, "--json")
    assert r.code == 2
    assert r.err.startswith(f"kwaldossier: error: {path}: not a kwalificatiedossier")


def test_undecodable_points_at_line(tmp_path, cli):
    path = tmp_path / "x.txt"
    path.write_bytes(BUITEN.read_bytes()[:2000] + b"\n\x81\x8d\n")
    r = cli("parse", path, "--json")
    assert r.code == 2
    line = BUITEN.read_bytes()[:2000].count(b"\n") + 2
    assert f"{path}:{line}: undecodable byte" in r.err


def test_version_and_help(cli):
    from kwaldossier import __version__

    r = cli("--version")
    assert r.code == 0 and r.out.strip() == f"kwaldossier {__version__}"
    r = cli("--help")
    assert r.code == 0
    for command in ("parse", "schema", "list", "show", "search", "matrix", "competentie", "validate", "rules", "diff"):
        assert command in r.out


def test_entry_point_no_traceback(tmp_path):
    """The installed console script (python -m) prints one line and exits 2."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    p = subprocess.run(
        [sys.executable, "-m", "kwaldossier", "parse", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert p.returncode == 2
    assert p.stdout == ""
    assert p.stderr.strip() == f"kwaldossier: error: {tmp_path / 'missing.txt'}: no such file"


def test_unplaced_lines_reported_not_dropped(tmp_path, cli):
    """Text the parser cannot place is carried in the result and reported by validate."""
    lines = BUITEN.read_text(encoding="utf-8").split("\n")
    lines.insert(4, "Deze regel hoort nergens bij.")  # after "Algemene informatie", before its first label
    path = tmp_path / "extra.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    d = parse_file(path)
    assert [(u.regel, u.tekst) for u in d.onverwerkte_regels] == [(5, "Deze regel hoort nergens bij.")]
    r = cli("validate", path, "--format", "json", "--select", "KD401")
    found = json.loads(r.out)["findings"]
    assert [(f["code"], f["line"]) for f in found] == [("KD401", 5)]
    assert r.code == 1
