"""--out (issue 24): /dev/stdout when stdout is a pipe or a file is written through as it is
(never resolved to /proc/self/fd/1 -> "pipe:[N]"); a name ending in a separator is a folder and
refused as a report target with exit 2 and nothing created."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import BINNEN, BUITEN, ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", "KWALDOSSIER_TAAL": "en"}
CASES = [
    ("list", "--profiel", str(BINNEN), "-f", "csv"),
    ("matrix", "--profiel", str(BINNEN), "-f", "csv"),
    ("diff", str(BINNEN), str(BUITEN), "-f", "markdown"),
    ("schema", "parse"),
]


def kw(*args: str, **kw: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "kwaldossier", *args], env=ENV, timeout=60, check=False, **kw)  # type: ignore[call-overload]


@pytest.mark.parametrize("args", CASES, ids=[c[0] for c in CASES])
def test_dev_stdout_into_a_pipe_is_the_same_as_stdout(args):
    direct = kw(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    through = kw(*args, "--out", "/dev/stdout", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert through.returncode == direct.returncode, through.stderr
    assert through.stderr == b""
    assert through.stdout == direct.stdout and len(direct.stdout) > 100


@pytest.mark.parametrize("args", CASES, ids=[c[0] for c in CASES])
def test_dev_stdout_redirected_to_a_file(tmp_path, args):
    direct = kw(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    target = tmp_path / "redirect.out"
    with target.open("wb") as fh:
        r = kw(*args, "--out", "/dev/stdout", stdout=fh, stderr=subprocess.PIPE)
    assert r.returncode == direct.returncode, r.stderr
    assert target.read_bytes() == direct.stdout


@pytest.mark.parametrize("args", CASES, ids=[c[0] for c in CASES])
def test_trailing_separator_is_a_folder_and_refused(tmp_path, args):
    target = tmp_path / "newdir"
    r = kw(*args, "--out", str(target) + os.sep, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert r.returncode == 2
    lines = r.stderr.decode().strip().split("\n")
    assert lines == [f"kwaldossier: error: {target}{os.sep}: expected a file name, not a folder"]
    assert not target.exists() and list(tmp_path.iterdir()) == []
