"""The parse cache never serves a dossier that does not belong to the bytes given (issue 23)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import BINNEN, BUITEN, ROOT

TITEL_BUITEN = "Commercieel medewerker buitendienst"
TITEL_BINNEN = "Commercieel medewerker binnendienst"


def _env(cache: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KWALDOSSIER_NO_CACHE"}
    env.update(KWALDOSSIER_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT / "src"), **extra)
    return env


def _parse(path: Path, cache: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kwaldossier", *flags, "parse", str(path), "--json"],
        capture_output=True,
        text=True,
        env=_env(cache),
        timeout=120,
    )


def _titels(stdout: str) -> set[str]:
    data = json.loads(stdout)
    dossiers = data.get("dossiers", [data])
    return {p["naam"] for d in dossiers for p in d["profielen"]}


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.json"))


def test_miss_then_hit_same_output_and_a_verified_entry(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    shutil.copy(BUITEN, src)
    cache = tmp_path / "cache"
    miss, hit = _parse(src, cache), _parse(src, cache)
    geen = _parse(src, cache, "--no-cache")
    assert miss.returncode == hit.returncode == geen.returncode == 0
    assert miss.stdout == hit.stdout == geen.stdout
    assert TITEL_BUITEN in _titels(hit.stdout)
    assert len(_entries(cache)) == 1


def test_tampered_entry_is_a_miss_and_dropped(tmp_path: Path) -> None:
    src, cache = tmp_path / "a.txt", tmp_path / "cache"
    shutil.copy(BUITEN, src)
    goed = _parse(src, cache).stdout
    (entry,) = _entries(cache)
    raw = entry.read_bytes()
    assert b"buitendienst" in raw
    entry.write_bytes(raw.replace(b"buitendienst", b"binnendienst"))
    again = _parse(src, cache)
    assert again.returncode == 0 and again.stdout == goed
    assert TITEL_BINNEN not in _titels(again.stdout)


def test_swapped_entries_serve_the_dossier_of_the_bytes_given(tmp_path: Path) -> None:
    a, b, cache = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "cache"
    shutil.copy(BUITEN, a)
    shutil.copy(BINNEN, b)
    _parse(a, cache)
    (entry_a,) = _entries(cache)
    _parse(b, cache)
    (entry_b,) = [e for e in _entries(cache) if e != entry_a]
    shutil.copy(entry_b, entry_a)  # B's entry under A's name
    out = _parse(a, cache)
    assert out.returncode == 0
    assert _titels(out.stdout) == {TITEL_BUITEN}
    show = subprocess.run(
        [sys.executable, "-m", "kwaldossier", "show", "1.1", "-p", str(a)],
        capture_output=True,
        text=True,
        env=_env(cache),
        timeout=120,
    )
    assert show.returncode == 0 and TITEL_BUITEN in show.stdout and TITEL_BINNEN not in show.stdout


def test_race_a_file_swapped_during_parses_never_poisons(tmp_path: Path) -> None:
    """A thread swaps the file between two versions every ~2 ms while 40 parses run; afterwards
    every entry's dossier is the parse of the bytes its header names."""
    src, cache = tmp_path / "a.txt", tmp_path / "cache"
    versies = [BUITEN.read_bytes(), BINNEN.read_bytes()]
    src.write_bytes(versies[0])
    stop = threading.Event()

    def wissel() -> None:
        i = 0
        while not stop.is_set():
            i ^= 1
            tmp = tmp_path / f".swap{i}"
            tmp.write_bytes(versies[i])
            os.replace(tmp, src)
            time.sleep(0.002)

    t = threading.Thread(target=wissel)
    t.start()
    try:
        for ronde in range(10):  # 10 rounds of 4 parallel parses: 40 parses
            procs = [
                subprocess.Popen(
                    [sys.executable, "-m", "kwaldossier", "parse", str(src), "--json"],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    env=_env(cache),
                )
                for _ in range(4)
            ]
            for p in procs:
                out, _err = p.communicate(timeout=120)
                if p.returncode == 0:
                    assert len(_titels(out)) == 1, ronde
    finally:
        stop.set()
        t.join()
    import hashlib

    per_hash = {
        hashlib.sha256(v).hexdigest(): titel for v, titel in zip(versies, (TITEL_BUITEN, TITEL_BINNEN), strict=True)
    }
    entries = _entries(cache)
    assert entries
    for entry in entries:
        kop = entry.read_bytes().split(b"\n", 2)[1].split(b" ")
        inhoud = entry.read_bytes().split(b"\n", 2)[2]
        assert _titels(inhoud.decode()) == {per_hash[kop[0].decode()]}, entry.name


def _als_niet_root(code: str, cache: Path) -> subprocess.CompletedProcess[str]:
    """Run a small script as an unprivileged user (nobody) when we are root, else as ourselves."""
    if os.getuid() == 0:
        import pwd

        try:
            nobody = pwd.getpwnam("nobody")
        except KeyError:
            pytest.skip("running as root and there is no user 'nobody' to drop privileges to")
        pre = f"import os; os.setgroups([]); os.setgid({nobody.pw_gid}); os.setuid({nobody.pw_uid}); "
    else:
        pre = ""
    env = _env(cache, HOME="/tmp")
    return subprocess.run([sys.executable, "-c", pre + code], capture_output=True, text=True, env=env, timeout=120)


def _kd(*args: str) -> str:
    return f"import sys; sys.argv = ['kwaldossier', *{list(args)!r}]; from kwaldossier.cli import main; main()"


@pytest.fixture
def open_tmp(tmp_path: Path) -> Path:
    """A temporary folder the unprivileged user can reach (and a seed copy inside it)."""
    for p in (tmp_path, *tmp_path.parents):
        if p == Path("/"):
            break
        with contextlib.suppress(OSError):
            if p.stat().st_uid == os.getuid():
                p.chmod(p.stat().st_mode | 0o755)
    tmp_path.chmod(0o777)
    shutil.copy(BUITEN, tmp_path / "a.txt")
    (tmp_path / "a.txt").chmod(0o644)
    probe = _als_niet_root("import kwaldossier.cli", tmp_path / "probe")
    if probe.returncode != 0:
        last = (probe.stderr.strip().splitlines() or ["?"])[-1]
        pytest.skip(f"running as root; after dropping to 'nobody' Python cannot import the package: {last}")
    return tmp_path


def test_unreadable_cache_folder_is_skipped_with_one_notice(open_tmp: Path) -> None:
    cache = open_tmp / "cache"
    cache.mkdir(mode=0o000)
    cache.chmod(0o000)
    try:
        out = _als_niet_root(_kd("parse", str(open_tmp / "a.txt"), "--json"), cache)
        assert out.returncode == 0, out.stderr
        assert TITEL_BUITEN in _titels(out.stdout)
        assert out.stderr.count("kwaldossier:") == 1, out.stderr
        info = _als_niet_root(_kd("cache", "info"), cache)
        assert info.returncode == 2 and "0 entries" not in info.stdout, info.stdout + info.stderr
    finally:
        cache.chmod(0o755)


def test_read_only_cache_folder_clear_says_what_happened(open_tmp: Path) -> None:
    cache = open_tmp / "cache"
    cache.mkdir()
    cache.chmod(0o777)
    first = _als_niet_root(_kd("parse", str(open_tmp / "a.txt"), "--json"), cache)
    assert first.returncode == 0, first.stderr
    assert len(_entries(cache)) == 1
    cache.chmod(0o555)
    try:
        hit = _als_niet_root(_kd("parse", str(open_tmp / "a.txt"), "--json"), cache)
        assert hit.returncode == 0 and hit.stdout == first.stdout
        clear = _als_niet_root(_kd("cache", "clear"), cache)
        assert clear.returncode == 2, clear.stdout + clear.stderr
        assert "removed 0 entries" in clear.stdout
        assert len(_entries(cache)) == 1
    finally:
        cache.chmod(0o755)


def test_cache_path_that_is_not_a_folder_is_skipped_once_and_info_says_so(tmp_path: Path) -> None:
    """Runs as any user (root too): a cache 'folder' that is a file cannot be read or written."""
    src, cache = tmp_path / "a.txt", tmp_path / "cache"
    shutil.copy(BUITEN, src)
    cache.write_text("not a folder")
    out = _parse(src, cache)
    assert out.returncode == 0 and _titels(out.stdout) == {TITEL_BUITEN}
    assert out.stderr.count("kwaldossier:") == 1 and str(cache) in out.stderr
    info = subprocess.run(
        [sys.executable, "-m", "kwaldossier", "cache", "info"],
        capture_output=True,
        text=True,
        env=_env(cache),
        timeout=60,
    )
    assert info.returncode == 2 and "kwaldossier: error:" in info.stderr and "0 entries" not in info.stdout


def test_fuzz_mutated_seeds_miss_then_hit_same_output(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The fuzz inputs through the cache: the miss and the hit give the same parse JSON (or the
    same refusal)."""
    from hypothesis import HealthCheck, given, settings

    from kwaldossier.errors import KwaldossierError
    from kwaldossier.model.contract import dossiers_json
    from kwaldossier.read import cache
    from kwaldossier.read.laden import load_dossiers
    from test_fuzz import mutated

    folder = tmp_path_factory.mktemp("fuzzcache")
    cache.use(True)

    def uitkomst(path: Path) -> str:
        try:
            return dossiers_json(load_dossiers(path), indent=None)
        except KwaldossierError as exc:
            return f"refused: {exc}"

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(mutated())
    def prop(data: bytes) -> None:
        path = folder / "in.txt"
        path.write_bytes(data)
        miss = uitkomst(path)
        assert uitkomst(path) == miss

    prop()
    assert list(cache.cache_dir().glob("*.json")), "the runs went through the cache"


def test_hit_serves_parse_json_as_stored_naming_the_file_asked_for(tmp_path: Path) -> None:
    """A hit writes the entry's text itself: byte for byte the --no-cache output, for one
    dossier and for a collection of two (an SBB file with two <dossier>s), each dossier's `bron`
    naming the path given (a copy elsewhere names itself, not the file first parsed)."""
    from conftest import SBB_XML

    sw = SBB_XML / "2637 Sociaal_werk.xml"
    if not sw.is_file():
        pytest.skip("../shared/sbb-xml is not here")
    tekst = sw.read_bytes()
    start, end = tekst.index(b"<dossier nr="), tekst.index(b"</dossier>") + len(b"</dossier>")
    tweede = (
        tekst[start:end]
        .replace(b'nr="2637"', b'nr="9637"', 1)
        .replace(b'titel="Sociaal werk"', b'titel="Sociaal werk twee"', 1)
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    cache = tmp_path / "cache"
    for naam, inhoud in (
        ("een.xml", tekst),
        ("twee.xml", tekst[:end] + b"\n" + tweede + tekst[end:]),
        ("c.txt", BUITEN.read_bytes()),
    ):
        a, b = tmp_path / "a" / naam, tmp_path / "b" / naam
        a.write_bytes(inhoud)
        b.write_bytes(inhoud)
        miss, hit, elders = _parse(a, cache), _parse(a, cache), _parse(b, cache)
        assert miss.returncode == hit.returncode == elders.returncode == 0, miss.stderr
        assert hit.stdout == miss.stdout == _parse(a, cache, "--no-cache").stdout
        assert elders.stdout == _parse(b, cache, "--no-cache").stdout
        data_a, data_b = json.loads(hit.stdout), json.loads(elders.stdout)
        bronnen = (
            [d["bron"] for d in data_a.get("dossiers", [data_a])],
            [d["bron"] for d in data_b.get("dossiers", [data_b])],
        )
        if naam == "c.txt":  # the 2012 reader names the file only
            assert bronnen == (["c.txt"], ["c.txt"])
        else:
            n = 2 if naam == "twee.xml" else 1
            assert bronnen == ([str(a)] * n, [str(b)] * n)
            assert [d["titel"] for d in data_a.get("dossiers", [data_a])] == ["Sociaal werk", "Sociaal werk twee"][:n]
    assert len(_entries(cache)) == 3  # one entry per content: the copies were hits
