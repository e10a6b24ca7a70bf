"""Input handling: encodings, bad input, the bundled data and its sync with data/raw."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BINNEN, BUITEN, PARSED, RAW
from kwaldossier.model.contract import dossier_json
from kwaldossier.read import bundled_dir
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
    assert {"Werkproces2012", "Werkproces2015", "Competentie2012", "Competentie2015"} <= set(schema["$defs"])
    for model in ("2012", "2015"):  # the 2015 werkproces has the 2012 keys as compatibility keys
        wp = schema["$defs"][f"Werkproces{model}"]["properties"]
        assert {"code", "titel", "in_profiel", "matrix", "competenties"} <= set(wp)
    assert {"resultaat", "gedrag", "deel"} <= set(schema["$defs"]["Werkproces2015"]["properties"])
    assert not {"resultaat", "gedrag", "deel"} & set(schema["$defs"]["Werkproces2012"]["properties"])


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


# ---------------------------------------------------------------- hostile parsed JSON


def _good() -> dict:
    return json.loads((PARSED / "commercieel-medewerker-buitendienst.json").read_text(encoding="utf-8"))


def _with(change) -> bytes:
    data = _good()
    change(data)
    return json.dumps(data).encode()


def _wp(d: dict) -> dict:
    return d["profielen"][0]["kerntaken"][0]["werkprocessen"][0]


HOSTILE = {
    "profile-not-object": (b'{"schema_version":1,"profielen":[1]}', "profielen[0]: expected an object"),
    "no-naam": (_with(lambda d: d["profielen"][0].pop("naam")), "missing 'naam'"),
    "int-code": (_with(lambda d: _wp(d).update(code=11)), "code: expected text"),
    "null-title": (_with(lambda d: _wp(d).update(titel=None)), "titel: expected text"),
    "deep-array": (b'{"schema_version":1,"profielen":' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
    "code-a.b": (_with(lambda d: _wp(d).update(code="a.b")), "'a.b' is not a werkproces code"),
    "kerntaak-x": (_with(lambda d: d["profielen"][0]["kerntaken"][0].update(code="x")), "'x' is not a kerntaak code"),
    "letter-ZZ": (_with(lambda d: _wp(d).update(matrix=["ZZ"])), "'ZZ' is not a competence letter"),
    "comp-letter": (
        _with(lambda d: _wp(d)["competenties"][0].update(letter="<img src=x>")),
        "is not a competence letter",
    ),
    "utf16": (
        (PARSED / "commercieel-medewerker-buitendienst.json").read_text(encoding="utf-8").encode("utf-16"),
        "UTF-16",
    ),
    "latin1": (_with(lambda d: d.update(titel="café")).replace(b"caf\\u00e9", "café".encode("latin-1")), "not UTF-8"),
    "nan": (
        _with(lambda d: d["profielen"][0].update(niveau=1)).replace(b'"niveau": 1', b'"niveau": NaN'),
        "NaN is not valid JSON",
    ),
    "bad-date": (_with(lambda d: d.update(geldig_vanaf="2012-02-31")), "'2012-02-31' is not a date"),
    "huge-number": (
        _with(lambda d: d["profielen"][0].update(niveau=1)).replace(b'"niveau": 1', b'"niveau": ' + b"9" * 5000),
        "not valid JSON",
    ),
    "no-version": (_with(lambda d: d.pop("schema_version")), "no schema_version"),
    "version-2": (_with(lambda d: d.update(schema_version=2)), "schema_version 2 is not supported"),
    "lone-surrogate": (_with(lambda d: _wp(d).update(titel="\ud800")), "surrogate"),
    "not-object": (b"[1, 2]", "expected a JSON object"),
    "truncated": (b'{"schema_version": 1, "profielen": [', "not valid JSON"),
}
LOOKUPS = [
    ("list", "--profiel", "{f}"),
    ("show", "1.1", "--profiel", "{f}"),
    ("search", "klant", "--profiel", "{f}"),
    ("matrix", "--profiel", "{f}"),
    ("competentie", "J", "--profiel", "{f}"),
    ("validate", "{f}"),
    ("diff", "{f}", str(BUITEN)),
    ("parse", "{f}", "--json"),
]


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_json_one_clear_line(tmp_path, cli, kind):
    data, expect = HOSTILE[kind]
    path = tmp_path / "in.json"
    path.write_bytes(data)
    for args in LOOKUPS:
        r = cli(*(a.format(f=path) for a in args))
        assert r.code == 2, (kind, args, r)
        assert r.out == "" and len(r.err.strip().splitlines()) == 1, (kind, args, r)
        assert str(path) in r.err and expect in r.err, (kind, args, r.err)
        assert "internal error" not in r.err


def test_json_with_bom_and_extra_keys_is_read(tmp_path, cli):
    """A UTF-8 BOM is allowed; unknown keys are ignored by look-ups (the full model names them)."""
    data = _good()
    data["profielen"][0]["nieuw_veld"] = {"x": 1}
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(data).encode())
    r = cli("show", "2.5", "--profiel", path, "--json")
    assert r.code == 0 and json.loads(r.out)["code"] == "2.5"
    r = cli("validate", path)
    assert r.code == 2 and "nieuw_veld" in r.err and "Extra inputs" in r.err


def test_json_defaults_filled_like_the_model(tmp_path, cli):
    """Optional keys left out read as the model's defaults on the fast path too."""
    data = _good()
    wp = _wp(data)
    for key in ("omschrijving", "bron", "competenties", "matrix_rij", "detail_titel"):
        wp.pop(key)
    data["profielen"][0].pop("algemene_informatie")
    path = tmp_path / "lean.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    for args in (
        ("show", wp["code"], "--profiel", path),
        ("search", "klant", "--profiel", path),
        ("matrix", "--profiel", path),
    ):
        r = cli(*args, "--json")
        assert r.code in (0, 1), (args, r.err)
    shown = json.loads(cli("show", wp["code"], "--profiel", path, "--json").out)["resultaten"][0]["werkproces"]
    assert shown["omschrijving"] == "" and shown["competenties"] == [] and shown["matrix_rij"] is True


# ---------------------------------------------------------------- parse cache


def _count_parses(monkeypatch) -> list:
    from kwaldossier.read import text2012

    calls: list = []
    real = text2012.parse_file
    monkeypatch.setattr(text2012, "parse_file", lambda p: calls.append(p) or real(p))
    return calls


def test_cache_hit_miss_and_invalidation(tmp_path, cli, monkeypatch):
    calls = _count_parses(monkeypatch)
    path = tmp_path / "d.txt"
    path.write_bytes(BUITEN.read_bytes())
    first = cli("show", "2.5", "--profiel", path, "--json")
    second = cli("show", "2.5", "--profiel", path, "--json")
    assert first.code == second.code == 0 and first.out == second.out
    assert len(calls) == 1, "second look-up is a cache hit"
    copy = tmp_path / "copy.txt"  # same content elsewhere: a hit, but it names its own file
    copy.write_bytes(path.read_bytes())
    r = cli("parse", copy, "--json")
    assert len(calls) == 1 and json.loads(r.out)["bron"] == copy.name
    assert r.out == cli("--no-cache", "parse", copy, "--json").out and len(calls) == 2
    path.write_bytes(BUITEN.read_bytes().replace(b"offertes", b"offerten"))  # content changed: a miss
    cli("show", "2.5", "--profiel", path)
    assert len(calls) == 3
    import kwaldossier

    monkeypatch.setattr(kwaldossier, "__version__", "99.0")  # another tool version: a miss
    cli("show", "2.5", "--profiel", path)
    assert len(calls) == 4


def test_cache_corrupt_entry_is_rewritten(tmp_path, cli, monkeypatch):
    calls = _count_parses(monkeypatch)
    path = tmp_path / "d.txt"
    path.write_bytes(BUITEN.read_bytes())
    good = cli("show", "2.5", "--profiel", path, "--json").out
    entries = list(Path(os.environ["KWALDOSSIER_CACHE_DIR"]).glob("*.json"))
    assert len(entries) == 1
    for junk in (b"", b"{not json", b'{"schema_version": 1, "profielen": [1]}', b"\xff\xfe"):
        entries[0].write_bytes(junk)
        r = cli("show", "2.5", "--profiel", path, "--json")
        assert r.code == 0 and r.out == good and r.err == ""
        assert json.loads(entries[0].read_bytes().split(b"\n", 2)[2])["profielen"]  # header line, then the JSON
    assert len(calls) == 5


def test_cache_off_info_and_clear(cli, monkeypatch):
    calls = _count_parses(monkeypatch)
    cli("--no-cache", "show", "2.5", "--profiel", BUITEN)
    cli("show", "2.5", "--profiel", BUITEN, env={"KWALDOSSIER_NO_CACHE": "1"})
    info = json.loads(cli("cache", "info", "--json").out)
    assert info["entries"] == 0 and len(calls) == 2
    monkeypatch.delenv("KWALDOSSIER_NO_CACHE")
    cli("show", "2.5", "--profiel", BUITEN)
    info = json.loads(cli("cache", "info", "--json").out)
    assert info["entries"] == 1 and info["bytes"] > 1000 and info["folder"] == os.environ["KWALDOSSIER_CACHE_DIR"]
    r = cli("cache", "clear")
    assert r.code == 0 and "removed 1 entries" in r.out
    assert json.loads(cli("cache", "info", "--json").out)["entries"] == 0


def test_cache_unwritable_is_skipped(tmp_path, cli):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = cli("show", "2.5", "--profiel", BUITEN, "--json", env={"KWALDOSSIER_CACHE_DIR": str(blocker / "cache")})
    assert r.code == 0 and json.loads(r.out)["resultaten"]
    assert r.err.count("\n") == 1 and "skipped" in r.err  # one notice, never an error


def test_cache_hit_imports_no_pydantic(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "KWALDOSSIER_CACHE_DIR": str(tmp_path)}
    code = (
        "import sys\nfrom kwaldossier.cli import main\nsys.argv=['kwaldossier','show','2.5','--profiel',sys.argv[1],'--json']\n"
        "try: main()\nexcept SystemExit: pass\n"
        "print([m for m in ('pydantic','kwaldossier.model.dossier','kwaldossier.read.text2012','pyphen') if m in sys.modules], file=sys.stderr)"
    )
    cold = subprocess.run([sys.executable, "-c", code, str(BUITEN)], capture_output=True, text=True, env=env)
    warm = subprocess.run([sys.executable, "-c", code, str(BUITEN)], capture_output=True, text=True, env=env)
    assert "pydantic" in cold.stderr
    assert warm.stderr.strip() == "[]" and warm.stdout == cold.stdout


@pytest.mark.parametrize(
    ("code", "kerntaak", "werkproces"),
    [
        ("1", True, False),
        ("12", True, False),
        ("B1-K1", True, False),
        ("P2-K10", True, False),
        ("1.1", False, True),
        ("2.10", False, True),
        ("B1-K1-W1", False, True),
        ("P2-K1-W3", False, True),
        ("x", False, False),
        ("a.b", False, False),
        ("1.", False, False),
        (".1", False, False),
        ("1.1.1", False, False),
        ("", False, False),
        ("-K1", False, False),
        ("BB1-K1", False, False),
        ("B1-W1", False, False),
        ("B1-K1-W", False, False),
        ("１", False, False),
        ("12345", False, False),
        ("1." + "1" * 5000, False, False),
    ],
)
def test_code_shapes(code, kerntaak, werkproces):
    from kwaldossier.model.codes import is_kerntaak_code, is_werkproces_code

    assert (is_kerntaak_code(code), is_werkproces_code(code)) == (kerntaak, werkproces)


def test_a_long_line_is_found_without_splitting_the_text():
    """check_lines looks for a line over the limit by windows: the same answer as splitting."""
    import random

    from kwaldossier.read.grenzen import _long_line

    rng = random.Random(21)
    for _ in range(2000):
        data = bytes(rng.choice(b"ab\r\n") if rng.random() < 0.3 else 97 for _ in range(rng.randrange(0, 40)))
        limit = rng.randrange(1, 12)
        want = max(map(len, data.replace(b"\r", b"\n").split(b"\n"))) > limit
        assert _long_line(data, limit) == want, (data, limit)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_control_characters_are_counted_in_the_bytes(encoding):
    """decode counts the refused controls in the input bytes: as many as the decoded text holds."""
    import re

    from kwaldossier.read.tekst import _NO_CONTROL

    text = "café ‘x’\x01\x7f\x0b\t\r\n\f\x1f€ ü\x00\x08\x0e"
    data = text.encode(encoding)
    assert len(data.translate(None, _NO_CONTROL)) == len(re.findall(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", text)) == 7
