"""Every command example in the README (a `$ ` line in a code block) is run and its output
compared with the lines the README shows under it.

How an example reads: each line of output as printed (trailing spaces ignored); a line that is
only `...` stands for any number of lines; `...` inside a line for any text within it; a line
ending in `...` for the rest of that line and any lines after it. The example ends where the
next `$ ` line or the block ends, and the output must end there too (unless the block ends in
`...`). Commands run in a folder with the repository's `data/` and the three small inputs the
README names (built here from the seeds), through the package the suite tests, in a terminal of 100 columns
(`NO_COLOR` set; a `| head` in the example makes it a pipe, as it would for a user).
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import stat
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

import kwaldossier

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
_FENCE = re.compile(r"^```")
_TIMEOUT = 120
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def examples() -> list[tuple[int, str, list[str]]]:
    """(line number, command, expected lines) of every `$ ` line in a code block."""
    found: list[tuple[int, str, list[str]]] = []
    in_block = False
    current: tuple[int, str, list[str]] | None = None
    for no, line in enumerate(README.read_text(encoding="utf-8").splitlines(), 1):
        if _FENCE.match(line):
            in_block = not in_block
            if current:
                found.append(current)
            current = None
            continue
        if not in_block:
            continue
        if line.startswith("$ "):
            if current:
                found.append(current)
            current = (no, line[2:], [])
        elif current:
            current[2].append(line.rstrip())
    return found


def pattern(expected: list[str]) -> re.Pattern[str]:
    any_lines = r"(?:[^\n]*\n)*?"
    parts: list[str] = []
    for line in expected:
        if line.strip() == "...":
            parts.append(any_lines)
            continue
        within = r"[^\n]*?".join(re.escape(p) for p in line.split("..."))
        if line.endswith("..."):
            parts.append(within + r"[^\n]*\n" + any_lines)
        else:
            parts.append(within + r"\n")
    return re.compile("".join(parts) + r"\s*", re.S)


def _seed_edit(src: str, dst: Path, line: int, new: str | None = None, copy_of: int | None = None) -> None:
    lines = (ROOT / "data" / "raw" / src).read_text(encoding="utf-8").split("\n")
    lines[line - 1] = lines[copy_of - 1] if copy_of else (new or "")
    dst.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def werkmap(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A working folder: data/ of the repository, the README's small inputs, a `kwaldossier`
    on PATH that runs the source tree."""
    d = tmp_path_factory.mktemp("readme")
    (d / "data").symlink_to(ROOT / "data")
    buiten = "commercieel-medewerker-buitendienst.txt"
    binnen = "commercieel-medewerker-binnendienst.txt"
    # werkproces 1.3's matrix row again two lines further
    _seed_edit(buiten, d / "dubbel.txt", 106, copy_of=104)
    # the footer date of a day that does not exist
    _seed_edit(
        binnen, d / "datum.txt", 75, new="Kwalificatiedossier Commercieel medewerker , geldig vanaf 31 februari 2012"
    )
    (d / "longline.txt").write_text("x" * 300_000 + "\n", encoding="utf-8")
    bindir = d / "bin"
    bindir.mkdir()
    exe = bindir / "kwaldossier"
    exe.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m kwaldossier "$@"\n', encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    env = {
        "PATH": f"{bindir}:/usr/bin:/bin",
        # the package this test run imports (the installed one under make test, else src/)
        "PYTHONPATH": str(Path(kwaldossier.__file__).resolve().parents[1]),
        "NO_COLOR": "1",
        "LANG": "C.UTF-8",
        "HOME": str(d),
        "XDG_CACHE_HOME": str(d / "cache"),
    }
    return d, env


def in_terminal(command: str, cwd: Path, env: dict[str, str], width: int = 100) -> str:
    """What a terminal of `width` columns shows for a shell command line (stderr included)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, width, 0, 0))
    p = subprocess.Popen(["bash", "-c", command], cwd=cwd, env=env, stdin=slave, stdout=slave, stderr=slave)
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
    p.wait(timeout=_TIMEOUT)
    os.close(master)
    text = _ANSI.sub("", b"".join(chunks).decode("utf-8")).replace("\r\n", "\n")
    return text.removeprefix("\ufeff")


EXAMPLES = examples()


def test_the_readme_has_examples() -> None:
    commands = [c for _, c, _ in EXAMPLES]
    assert len(commands) >= 15
    assert any(c.startswith("kwaldossier diff binnendienst buitendienst") for c in commands)


@pytest.mark.parametrize(("line", "command", "expected"), EXAMPLES, ids=[f"README:{n}" for n, _, _ in EXAMPLES])
def test_readme_example(werkmap: tuple[Path, dict[str, str]], line: int, command: str, expected: list[str]) -> None:
    cwd, env = werkmap
    out = "\n".join(x.rstrip() for x in in_terminal(command, cwd, env).split("\n"))
    if not out.endswith("\n"):
        out += "\n"
    assert pattern(expected).fullmatch(out), f"README line {line}: `{command}` printed:\n{out}"
