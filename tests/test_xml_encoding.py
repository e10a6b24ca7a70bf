"""An XML declaration's encoding: UTF-8 and what expat reads are read; a multi-byte, unknown or
wrong one is one clean line and exit 2, in every command, from a file and from standard input."""

from __future__ import annotations

import io
import json
import sys

import pytest

from conftest import SBB_XML

SW = SBB_XML / "2637 Sociaal_werk.xml"
DECL = b'<?xml version="1.0" encoding="utf-8"?>'

COMMANDS = [
    ("parse", "--json", "{f}"),
    ("list", "-p", "{f}"),
    ("show", "B1-K1-W1", "-p", "{f}"),
    ("validate", "{f}"),
    ("diff", "{f}", "{f}"),
    ("matrix", "-p", "{f}"),
    ("search", "cliënt", "-p", "{f}"),
]
REFUSED = ["shift_jis", "utf-7", "bogus", "utf-16", "utf-32", "euc-jp", "rot13", ""]


def _with_declaration(encoding: str) -> bytes:
    data = SW.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + DECL)
    return data[3:].replace(DECL, f'<?xml version="1.0" encoding="{encoding}"?>'.encode(), 1)


def _one_line(r, name: str, encoding: str) -> None:
    assert r.code == 2, r
    assert r.out == ""
    assert r.err.count("\n") == 1 and "Traceback" not in r.err and "internal error" not in r.err
    assert (
        r.err
        == f"kwaldossier: error: {name}:1: this file declares encoding {encoding!r}, which this reader cannot read; SBB files are UTF-8\n"
    )


@pytest.mark.shared
@pytest.mark.parametrize("encoding", REFUSED)
@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_refused_encoding_from_a_file(cli, tmp_path, encoding, command):
    f = tmp_path / "dossier.xml"
    f.write_bytes(_with_declaration(encoding))
    _one_line(cli(*(a.format(f=f) for a in command)), str(f), encoding)


@pytest.mark.shared
@pytest.mark.parametrize("encoding", REFUSED)
@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_refused_encoding_from_stdin(cli, monkeypatch, encoding, command):
    stdin = io.TextIOWrapper(io.BytesIO(_with_declaration(encoding)))
    monkeypatch.setattr(sys, "stdin", stdin)
    _one_line(cli(*(a.format(f="-") for a in command)), "<stdin>", encoding)


@pytest.mark.shared
def test_utf16_declared_on_utf8_bytes_keeps_the_bom_case_apart(cli, tmp_path):
    """With the UTF-8 byte order mark in front the declaration still names the encoding."""
    f = tmp_path / "bom.xml"
    f.write_bytes(b"\xef\xbb\xbf" + _with_declaration("utf-16"))
    r = cli("parse", "--json", f)
    assert (
        r.code == 2 and r.out == "" and "internal error" not in r.err and "utf-16" in r.err and r.err.count("\n") == 1
    )


@pytest.mark.shared
@pytest.mark.parametrize("encoding", ["UTF-8", "utf8", "UTF_8", "windows-1252", "cp1252"])
def test_encodings_expat_reads_give_the_same_dossier(cli, tmp_path, encoding):
    """The real file re-encoded into an 8-bit encoding expat maps (and declared so) reads as the
    UTF-8 original does."""
    text = _with_declaration(encoding).decode("utf-8")
    f = tmp_path / "recoded.xml"
    f.write_bytes(text.encode(encoding))  # every character of the file is in cp1252
    want = json.loads(cli("parse", "--json", SW).out)
    r = cli("parse", "--json", f)
    assert r.code == 0, r.err
    got = json.loads(r.out)
    assert got["profielen"] == want["profielen"] and got["titel"] == want["titel"]


@pytest.mark.shared
def test_real_utf16_file_reads(cli, tmp_path):
    """UTF-16 with its byte order mark is an encoding expat reads itself."""
    text = _with_declaration("utf-16").decode("utf-8")
    f = tmp_path / "utf16.xml"
    f.write_bytes(text.encode("utf-16"))
    r = cli("parse", "--json", f)
    assert r.code == 0, r.err
    assert json.loads(r.out)["profielen"] == json.loads(cli("parse", "--json", SW).out)["profielen"]
