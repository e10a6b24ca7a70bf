"""Command-line conventions: help, standard input, quiet, piped output, colour, completion,
option values, output files, the batch, and the parse cache."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import BINNEN, BUITEN, PARSED

COMMANDS = [
    "parse",
    "schema",
    "list",
    "show",
    "search",
    "matrix",
    "competentie",
    "validate",
    "rules",
    "diff",
    "cache",
    "completion",
]


def _one_error_line(r, *needles: str) -> None:
    assert r.code == 2, r
    assert r.out == ""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kwaldossier: error: "), r.err
    assert "Traceback" not in r.err and "internal error" not in r.err
    for n in needles:
        assert n in r.err, (n, r.err)


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}


def _run(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kwaldossier", *map(str, args)], capture_output=True, text=True, env=_env(), **kw
    )


# ---------------------------------------------------------------- help and usage


@pytest.mark.parametrize("command", COMMANDS)
def test_short_help_everywhere_with_examples(cli, command):
    r = cli(command, "-h")
    assert r.code == 0, r.err
    assert "Usage: kwaldossier" in r.out and "Examples:" in r.out


def test_usage_errors_are_one_line(cli):
    _one_error_line(cli("parse", BUITEN, "--out", "x", "--jobs", "-3"), "--jobs", "-3")
    _one_error_line(cli("validate", "--format", "yaml"), "'yaml'", "github")
    _one_error_line(cli("show"), "Missing argument", "show -h")
    _one_error_line(cli("frobnicate"), "frobnicate")


@pytest.mark.parametrize("spec", ["Z", "z", "9"])
def test_bad_competence_letter_names_value_and_choices(cli, spec):
    _one_error_line(cli("competentie", spec), repr(spec), "A–Y")


def test_schema_accepts_json(cli):
    r = cli("schema", "--json")
    assert r.code == 0 and json.loads(r.out)["title"] == "Dossier"


# ---------------------------------------------------------------- standard input


def test_stdin_text_and_json(monkeypatch, cli):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BUITEN.read_bytes())))
    r = cli("parse", "-", "--json")
    assert r.code == 0, r.err
    parsed = json.loads(r.out)
    assert parsed["bron"] == "<stdin>" and parsed["profielen"][0]["naam"] == "Commercieel medewerker buitendienst"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(r.out.encode())))
    r2 = cli("show", "2.5", "--profiel", "-", "--json")
    assert r2.code == 0, r2.err
    assert json.loads(r2.out)["resultaten"][0]["profiel"] == "Commercieel medewerker buitendienst"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"boodschappen\nmelk\n")))
    _one_error_line(cli("validate", "-"), "<stdin>", "not a kwalificatiedossier")


# ---------------------------------------------------------------- quiet


def test_validate_quiet_prints_nothing(cli, tmp_path):
    lines = BUITEN.read_text(encoding="utf-8").split("\n")
    lines.insert(4, "Deze regel hoort nergens bij.")
    path = tmp_path / "extra.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    loud = cli("validate", path, "--select", "KD401")
    quiet = cli("validate", path, "--select", "KD401", "-q")
    assert loud.code == quiet.code == 1 and "KD401" in loud.out
    assert quiet.out == "" and quiet.err == ""


def test_parse_out_quiet_has_no_summary(cli, tmp_path):
    r = cli("parse", BUITEN, "--out", tmp_path / "o", "--quiet")
    assert r.code == 0 and r.out == "" and r.err == ""
    assert (tmp_path / "o" / f"{BUITEN.stem}.json").is_file()


# ---------------------------------------------------------------- piped output and colour


def test_piped_output_is_not_wrapped_or_cut(cli):
    r = cli("show", "2.5", "--profiel", "binnendienst")
    omschrijving = json.loads(cli("show", "2.5", "--profiel", "binnendienst", "--json").out)["resultaten"][0][
        "werkproces"
    ]["omschrijving"]
    assert len(omschrijving) > 200
    assert omschrijving in r.out.splitlines()  # the whole paragraph on one line
    assert "…" not in r.out.splitlines()[0]  # the heading is not cut


@pytest.mark.parametrize(("value", "colour"), [(None, True), ("", True), ("1", False)])
def test_no_color_set_and_non_empty(monkeypatch, value, colour):
    from kwaldossier.render.console import console

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    if value is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", value)
    assert console().no_color is (not colour)


def test_percentages_never_round_up():
    from kwaldossier.render import pct

    assert [pct(x) for x in (0.998, 1.0, 0.29, 0.0, 0.505)] == ["99%", "100%", "29%", "0%", "50%"]


# ---------------------------------------------------------------- completion


def _complete(words: str) -> list[str]:
    env = {
        **_env(),
        "_KWALDOSSIER_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    p = subprocess.run(
        [sys.executable, "-c", "from kwaldossier.cli import main; main()"], capture_output=True, text=True, env=env
    )
    return p.stdout.split()


def test_completion_of_rule_codes_and_fields():
    from kwaldossier.validate import RULES

    codes = _complete("kwaldossier validate --select KD")
    assert codes and set(codes) <= set(RULES) and "KD401" in codes
    assert _complete("kwaldossier rules KD4") == [c for c in sorted(RULES) if c.startswith("KD4")]
    assert _complete("kwaldossier search x --in pres") == ["prestatie_indicator"]


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("zsh", "#compdef kwaldossier"), ("bash", "complete -o"), ("fish", "complete --command kwaldossier")],
)
def test_completion_script_per_shell(cli, shell, marker):
    for args in (("completion", shell), ("--show-completion", shell)):
        r = cli(*args)
        assert r.code == 0 and marker in r.out and "_KWALDOSSIER_COMPLETE" in r.out, args
    assert "#compdef" not in cli("--show-completion", "bash").out


# ---------------------------------------------------------------- profiles with the same name


def test_same_profile_name_twice_in_a_folder(cli, tmp_path):
    src = PARSED / "commercieel-medewerker-binnendienst.json"
    shutil.copy(src, tmp_path / "oud.json")
    shutil.copy(src, tmp_path / "nieuw.json")
    r = cli("list", "--data", tmp_path, "--json")
    assert r.code == 0, r.err
    names = json.loads(r.out)["profielen"]
    assert names == ["Commercieel medewerker binnendienst@nieuw.json", "Commercieel medewerker binnendienst@oud.json"]
    _one_error_line(cli("show", "2.5", "--data", tmp_path, "--profiel", "binnendienst"), "matches several", "@oud.json")
    r = cli("show", "2.5", "--data", tmp_path, "--profiel", "binnendienst@oud.json", "--json")
    assert r.code == 0 and json.loads(r.out)["resultaten"][0]["profiel"].endswith("@oud.json")
    r = cli("show", "2.5", "--profiel", f"binnendienst@{tmp_path / 'oud.json'}", "--json")
    assert r.code == 0 and [x["profiel"] for x in json.loads(r.out)["resultaten"]] == [
        "Commercieel medewerker binnendienst"
    ]


# ---------------------------------------------------------------- output files


def _diff_out(cli, target):
    return cli("diff", "binnendienst", "buitendienst", "--format", "json", "--out", target)


def test_out_to_a_directory_or_missing_folder(cli, tmp_path):
    _one_error_line(_diff_out(cli, tmp_path), str(tmp_path), "is a directory")
    _one_error_line(_diff_out(cli, tmp_path / "nope" / "d.json"), "does not exist")
    assert not (tmp_path / "nope").exists()
    (tmp_path / "file").write_text("x")
    _one_error_line(_diff_out(cli, tmp_path / "file" / "d.json"), "not a folder")


def test_out_into_proc_is_one_line(cli):
    _one_error_line(_diff_out(cli, "/proc/x"), "/proc/x", "cannot write")


def test_out_to_a_fifo_writes_through_never_replaces(cli, tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    _one_error_line(_diff_out(cli, fifo), "no process is reading")
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    time.sleep(0.2)
    link = tmp_path / "link"
    link.symlink_to(fifo)
    r = _diff_out(cli, link)
    reader.join(10)
    assert r.code == 1, r.err
    assert json.loads(got[0])["changed"] is True
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and link.is_symlink()
    assert sorted(os.listdir(tmp_path)) == ["link", "pipe"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root")
def test_out_to_a_device_writes_through_never_replaces(cli, tmp_path):
    """As root the old code renamed a JSON file over the device node; a private null device here."""
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    r = _diff_out(cli, null)
    assert r.code == 1 and r.out == "", r.err
    assert stat.S_ISCHR(os.stat(null).st_mode) and sorted(os.listdir(tmp_path)) == ["null"]
    full = tmp_path / "full"
    os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    _one_error_line(_diff_out(cli, full), str(full), "No space left")
    assert stat.S_ISCHR(os.stat(full).st_mode)


def test_out_through_a_symlink_writes_the_target(cli, tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    r = _diff_out(cli, link)
    assert r.code == 1, r.err
    assert link.is_symlink() and json.loads(target.read_text())["changed"] is True


def test_out_replaces_a_regular_file_whole(cli, tmp_path):
    target = tmp_path / "d.json"
    target.write_text("old")
    assert _diff_out(cli, target).code == 1
    assert json.loads(target.read_text())["a"]
    assert sorted(os.listdir(tmp_path)) == ["d.json"]  # no temporary file left


# ---------------------------------------------------------------- the batch


def test_batch_refuses_colliding_names(cli, tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        shutil.copy(BUITEN, tmp_path / folder / "z.txt")
    out = tmp_path / "out"
    r = cli("parse", tmp_path / "x", tmp_path / "y", "--out", out)
    _one_error_line(r, str(tmp_path / "x" / "z.txt"), str(tmp_path / "y" / "z.txt"), "z.json")
    assert not out.exists()
    shutil.copy(BUITEN, tmp_path / "pair.txt")
    (tmp_path / "pair.pdf").write_bytes(b"%PDF-1.4\n")
    r = cli("parse", tmp_path / "pair.txt", tmp_path / "pair.pdf", "--out", out)
    _one_error_line(r, "pair.txt", "pair.pdf", "pair.json")


def test_batch_same_file_twice_is_parsed_once(cli, tmp_path):
    r = cli("parse", BUITEN, BUITEN, "--out", tmp_path / "o")
    assert r.code == 0 and "parsed 1 of 1 files" in r.err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_ctrl_c_says_so_and_exits_130(tmp_path, jobs):
    """Ctrl-C reaches the whole process group (workers too): what is written is whole and counted."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        shutil.copy(BUITEN if i % 2 else BINNEN, src / f"d{i:02}.txt")
    out = tmp_path / "out"
    env = {**_env(), "KWALDOSSIER_CACHE_DIR": str(tmp_path / "cache")}
    p = subprocess.Popen(
        [sys.executable, "-m", "kwaldossier", "parse", str(src), "--out", str(out), "--jobs", jobs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.is_dir() and any(out.glob("*.json"))):
        time.sleep(0.05)
    os.killpg(p.pid, signal.SIGINT)
    stdout, stderr = p.communicate(timeout=60)
    assert p.returncode == 130, stderr
    assert stdout == "" and "Traceback" not in stderr
    written = sorted(out.glob("*.json"))
    assert f"interrupted: {len(written)} of 40 files parsed" in stderr
    assert 0 < len(written) < 40
    for f in written:  # what was written is whole
        json.loads(f.read_text(encoding="utf-8"))
    assert not list(out.glob(".*"))


# ---------------------------------------------------------------- limits


def test_input_size_limit(cli):
    r = cli("parse", BUITEN, "--json", env={"KWALDOSSIER_MAX_INPUT_MB": "0.01"})
    _one_error_line(r, str(BUITEN), "KWALDOSSIER_MAX_INPUT_MB")
    r = cli(
        "show",
        "2.5",
        "--profiel",
        PARSED / "commercieel-medewerker-buitendienst.json",
        env={"KWALDOSSIER_MAX_INPUT_MB": "0.01"},
    )
    _one_error_line(r, "KWALDOSSIER_MAX_INPUT_MB")
    _one_error_line(
        cli("parse", BUITEN, "--json", env={"KWALDOSSIER_MAX_INPUT_MB": "lots"}), "KWALDOSSIER_MAX_INPUT_MB", "'lots'"
    )


def test_line_length_limit(cli, tmp_path):
    lines = BUITEN.read_text(encoding="utf-8").split("\n")
    lines.insert(9, "woord " * 400)
    path = tmp_path / "long.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    _one_error_line(
        cli("parse", path, "--json", env={"KWALDOSSIER_MAX_LINE_KB": "1"}), f"{path}:10:", "KWALDOSSIER_MAX_LINE_KB"
    )


# ---------------------------------------------------------------- light imports


def test_lookups_import_no_pydantic_model():
    code = (
        "import sys\nfrom kwaldossier.cli import main\nsys.argv=['kwaldossier','show','2.5','--json']\n"
        "try: main()\nexcept SystemExit: pass\n"
        "print([m for m in ('pydantic','kwaldossier.model.dossier','kwaldossier.read.text2012','pdfplumber','pyphen') if m in sys.modules], file=sys.stderr)"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env())
    assert p.stderr.strip() == "[]"


def test_stdout_on_a_full_disk_is_one_line():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        p = subprocess.run(
            [sys.executable, "-m", "kwaldossier", "show", "2.5", "--json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
    assert p.returncode == 2 and p.stderr == "kwaldossier: error: standard output: No space left on device\n"


def test_stdin_twice_is_read_once(monkeypatch, cli):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BUITEN.read_bytes())))
    r = cli("diff", "-", "-", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["changed"] is False


def test_input_from_a_pipe_like_process_substitution(cli, tmp_path):
    """`diff <(cmd) b`: the shell passes /dev/fd/N, a pipe; it is read as a stream."""
    import threading

    fifo = tmp_path / "in"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(BUITEN.read_bytes()))
    writer.start()
    r = cli("parse", fifo, "--json")
    writer.join(10)
    assert r.code == 0, r.err
    assert json.loads(r.out)["profielen"][0]["naam"] == "Commercieel medewerker buitendienst"
    if os.path.exists("/dev/null"):
        _one_error_line(cli("show", "2.5", "--profiel", "/dev/null"), "/dev/null", "empty file")


def test_start_up_builds_only_the_command_run():
    from kwaldossier.cli import app
    from kwaldossier.cli_support import app_for

    for name in (
        "parse",
        "schema",
        "list",
        "show",
        "search",
        "matrix",
        "competentie",
        "validate",
        "rules",
        "diff",
        "completion",
    ):
        one = app_for(app, ["--no-cache", name, "x"])
        assert [c.callback for c in one.registered_commands] == [
            c.callback for c in app.registered_commands if (c.name or c.callback.__name__) == name
        ], name
    assert app_for(app, ["-h"]) is app and app_for(app, ["cache", "info"]) is app and app_for(app, ["nope"]) is app


def test_pdf_on_standard_input(monkeypatch, cli, tmp_path):
    import io

    sys.path.insert(0, str(Path(__file__).parent))
    from kwaldossier.read.text2012 import parse_file
    from pdfgen import render

    pdf = render(parse_file(BUITEN), tmp_path / "b.pdf")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(pdf.read_bytes())))
    r = cli("show", "2.5", "--profiel", "-", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["resultaten"][0]["profiel"] == "Commercieel medewerker buitendienst"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"%PDF-1.4\nbroken\n")))
    _one_error_line(cli("parse", "-", "--json"), "<stdin>")


def test_no_cache_anywhere_on_the_line(cli, monkeypatch):
    from kwaldossier.read import text2012

    calls: list = []
    real = text2012.parse_file
    monkeypatch.setattr(text2012, "parse_file", lambda p: calls.append(p) or real(p))
    for args in (
        ("show", "2.5", "-p", BUITEN),
        ("show", "2.5", "-p", BUITEN, "--no-cache"),
        ("--no-cache", "show", "2.5", "-p", BUITEN),
    ):
        assert cli(*args).code == 0
    assert len(calls) == 3  # a miss, then two runs that bypass the cache
    assert cli("show", "2.5", "-p", BUITEN).code == 0 and len(calls) == 3  # the first run's entry


def test_terminal_that_cannot_show_the_text_is_one_line():
    env = {**_env(), "PYTHONIOENCODING": "ascii"}
    p = subprocess.run(
        [sys.executable, "-m", "kwaldossier", "show", "2.5", "--json"], capture_output=True, text=True, env=env
    )
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr.startswith("kwaldossier: error: cannot write ") and "PYTHONIOENCODING=utf-8" in p.stderr
    assert len(p.stderr.splitlines()) == 1


def test_parse_json_is_written_as_utf8_bytes_or_refused_in_one_line(tmp_path):
    """parse --json writes the JSON's UTF-8 bytes (the bundled parse of the seed, byte for byte),
    from the parser and from the cache; a stdout that cannot hold them is one line, exit 2."""
    env = {**_env(), "KWALDOSSIER_CACHE_DIR": str(tmp_path / "cache")}
    want = (PARSED / "commercieel-medewerker-buitendienst.json").read_bytes()
    for flags in (["--no-cache"], [], []):  # uncached, a miss, a hit
        p = subprocess.run(
            [sys.executable, "-m", "kwaldossier", *flags, "parse", str(BUITEN), "--json"], capture_output=True, env=env
        )
        assert p.returncode == 0 and p.stdout == want
        ascii_env = {**env, "PYTHONIOENCODING": "ascii"}
        p = subprocess.run(
            [sys.executable, "-m", "kwaldossier", *flags, "parse", str(BUITEN), "--json"],
            capture_output=True,
            env=ascii_env,
        )
        assert p.returncode == 2 and p.stdout == b""
        assert p.stderr.startswith(b"kwaldossier: error: cannot write ") and len(p.stderr.splitlines()) == 1


@pytest.mark.parametrize("args", [("show", "{x}"), ("search", "klant", "{x}"), ("competentie", "{x}")])
def test_huge_lookup_words_are_refused(cli, args):
    r = cli(*(a.format(x="ab" * 50_000) for a in args))
    _one_error_line(r, "100,000 characters; at most 1,000")
