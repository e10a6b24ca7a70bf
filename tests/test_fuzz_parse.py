"""Property: mutated seeds (deleted, duplicated, swapped, truncated lines; random Unicode with NUL,
RTL marks and combining characters; huge lines and numbers; other line ends, BOM, cp1252) go
through decoding and the text parser to a dossier whose every line is accounted for, or to one
InputError naming the file: never another exception. Fixed seed, small budget; a longer run:
KWALDOSSIER_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_parse.py"""

from __future__ import annotations

import gc
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BINNEN, BUITEN
from kwaldossier.errors import InputError
from kwaldossier.read.tekst import decode
from kwaldossier.read.text2012 import parse_lines

SEEDS = [BUITEN.read_text(encoding="utf-8").split("\n"), BINNEN.read_text(encoding="utf-8").split("\n")]
EXAMPLES = int(os.environ.get("KWALDOSSIER_FUZZ_EXAMPLES", "40"))

_chars = st.characters(blacklist_categories=("Cs",))  # any code point that can be encoded
_special = st.sampled_from(["\x00", "\u200f", "\u202e", "\u0301", "\ufeff", "\r", "\t", "•", "x", " ", "-", "9" * 5000])
_text = st.lists(st.one_of(_chars, _special), max_size=30).map("".join)
_op = st.tuples(
    st.sampled_from(["del", "dup", "swap", "trunc", "insert", "append", "huge", "number"]),
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=10**6),
    _text,
)


@pytest.fixture(autouse=True, scope="module")
def _restore_gc_callbacks():
    """Hypothesis leaves a gc callback installed; a signal (the PDF reader's time limit) that
    arrives inside it is swallowed. Leave the process as found."""
    before = list(gc.callbacks)
    yield
    gc.callbacks[:] = before


def mutate(lines: list[str], ops) -> list[str]:
    lines = list(lines)
    for op, i, j, text in ops:
        if not lines:
            break
        k, m = i % len(lines), j % len(lines)
        if op == "del":
            del lines[k]
        elif op == "dup":
            lines.insert(k, lines[m])
        elif op == "swap":
            lines[k], lines[m] = lines[m], lines[k]
        elif op == "trunc":
            lines[k] = lines[k][: j % (len(lines[k]) + 1)]
        elif op == "insert":
            lines.insert(k, text)
        elif op == "append":
            lines[k] += text
        elif op == "huge":
            lines[k] = lines[k] + (text or "a") * (100_000 // max(1, len(text or "a")))
        elif op == "number":
            lines[k] = "".join("7" * 5000 if ch.isdigit() else ch for ch in lines[k])
    return lines


@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    which=st.integers(min_value=0, max_value=1),
    ops=st.lists(_op, min_size=1, max_size=12),
    ending=st.sampled_from(["\n", "\r\n", "\r"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_mutated_seeds_parse_or_fail_cleanly(which, ops, ending, encoding):
    lines = mutate(SEEDS[which], ops)
    try:
        data = ending.join(lines).encode(encoding, errors="replace")
        text = decode(data, "fuzzed.txt")
        got = text.split("\n")
        if got and got[-1] == "":
            got.pop()
        d = parse_lines(got, "fuzzed.txt")
    except InputError as exc:
        assert exc.path == "fuzzed.txt"
        return
    r = d.regelverantwoording
    assert r.model + r.opmaak + r.label + r.leeg + r.onverwerkt == r.totaal == len(got)
    assert d.profielen and all(any(True for _ in p.werkprocessen()) for p in d.profielen)
