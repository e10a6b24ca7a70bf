"""On a pipe the look-ups print through render/printer.PlainPrinter, without rich.console: the
same renderer (render/terminal.py) must print exactly the same bytes through it as through
rich's pipe console, for every werkproces of the bundled data and of the SBB files, and for
texts that exercise rich's handling (tabs, control characters, blank lines, long lines)."""

from __future__ import annotations

import copy
import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SBB_XML
from kwaldossier.analyse.query import find_werkproces
from kwaldossier.analyse.selectie import select
from kwaldossier.render import printer as printer_module
from kwaldossier.render.terminal import render_show, render_tree
from kwaldossier.render.zoekresultaat import render_search


@pytest.fixture
def both(capsys, monkeypatch):
    """Print one result through the rich pipe console, then through the PlainPrinter."""

    def run(render, result) -> tuple[str, str]:
        monkeypatch.setattr(printer_module, "usable", lambda: False)
        render(result)
        rich_out = capsys.readouterr().out
        monkeypatch.setattr(printer_module, "usable", lambda: True)
        render(result)
        return rich_out, capsys.readouterr().out

    return run


def _codes(bronnen) -> list[str]:
    return sorted({wp.code for b in bronnen for wp in b.profiel.werkprocessen()})


@pytest.mark.parametrize("profiel", [None, "binnendienst", "buitendienst"])
def test_every_werkproces_of_the_bundled_data(both, profiel):
    bronnen = select(profiel, None)
    for code in _codes(bronnen):
        rich_out, plain_out = both(render_show, find_werkproces(bronnen, code))
        assert plain_out == rich_out, code
        assert plain_out.startswith("── ")


def test_texts_rich_treats_specially(both):
    base = find_werkproces(select("buitendienst", None), "2.5")
    odd = [
        "tab\there\t\tand\tthere",
        "carriage\rreturn, bell\x07, backspace\x08, form feed\x0c, escape\x1b[1m",
        "lines\n\nwith a blank one\n",
        "trailing spaces   ",
        "x " * 700 + "   ",
        "wide 漢字 and combining e\u0301 and zero\u200bwidth",
        "",
        "[bold]markup[/bold] :smile: https://example.org 123",
    ]
    for text in odd:
        result = copy.deepcopy(base)
        wp = result["resultaten"][0]["werkproces"]
        wp["titel"] = text
        wp["omschrijving"] = text
        wp["gewenst_resultaat"] = [text, text]
        wp["vakkennis_en_vaardigheden"] = [{"tekst": text, "taal": True}, {"tekst": text, "taal": False}]
        for comp in wp["competenties"]:
            comp["naam"], comp["componenten"], comp["prestatie_indicator"] = text, [text], text
        wp["competenties"][0]["letter"] = None
        rich_out, plain_out = both(render_show, result)
        assert plain_out == rich_out, repr(text)
    result = copy.deepcopy(base)
    result["resultaten"][0]["werkproces"]["in_profiel"] = False
    for detail in ("", "Stelt offertes op"):
        result["resultaten"][0]["werkproces"]["detail_titel"] = detail
        rich_out, plain_out = both(render_show, result)
        assert plain_out == rich_out


@pytest.mark.shared
def test_2015_werkprocessen_and_kerntaken(both):
    bronnen = select(None, SBB_XML)
    codes = sorted({wp.code for b in bronnen for wp in b.profiel.werkprocessen()})
    for code in [*codes[:12], "B1-K1", "P2-K1"]:
        rich_out, plain_out = both(render_show, find_werkproces(bronnen, code))
        assert plain_out == rich_out and plain_out.startswith("── "), code


def test_terminals_are_left_to_rich(monkeypatch):
    assert printer_module.usable()  # pytest captures stdout: no tty
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich would see a terminal and print styles
    assert not printer_module.usable()
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    assert not printer_module.usable()


def test_piped_show_does_not_import_rich_console():
    code = (
        "import sys\nsys.argv=['kwaldossier','show','2.5']\nfrom kwaldossier.cli import main\n"
        "try: main()\nexcept SystemExit: pass\nprint('rich.console' in sys.modules, file=sys.stderr)"
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": src}
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert p.stdout.startswith("── 2.5 ")
    assert p.stderr.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize("terms", [["offerte"], ["klant", "offerte"], ["e"], ["geen-treffer-xyz"], ["é"], ["’"]])
def test_search_as_rich_prints_it(both, terms):
    from kwaldossier.analyse.query import search

    for data, profiel in ((None, None), (None, "buitendienst"), (SBB_XML, None)):
        try:
            result = search(select(profiel, data), terms)
        except Exception:  # noqa: BLE001 - a term the folding drops is no search
            continue
        rich_out, plain_out = both(render_search, result)
        assert plain_out == rich_out, (terms, data, profiel)


def test_search_snippets_with_odd_text(both):
    texts = ["a\tb offerte\x07 c\rd " * 20, "x" * 300 + " offerte " + "y " * 200, "offerte", "\x1b[1m offerte [b]"]
    hits = [
        {
            "profiel": "P\x07",
            "werkproces": w,
            "werkproces_titel": "T\tt",
            "veld": "omschrijving",
            "tekst": t,
            "spans": s,
            "regel": 3,
            "profielen": ["P\x07", "Q"] if w else ["P\x07"],
            "in_profiel": w is None,
            "dossier": {"titel": "D", "crebo": None},
        }
        for t in texts
        for w in ("2.5", None)
        for s in (
            [[t.index("offerte"), t.index("offerte") + 7]],
            [[0, 1], [t.index("offerte"), t.index("offerte") + 7], [len(t) - 1, len(t)]],
        )
    ]
    result = {"terms": ["offerte"], "veld": None, "aantal": len(hits), "hits": hits}
    rich_out, plain_out = both(render_search, result)
    assert plain_out == rich_out


@pytest.mark.parametrize("data", [None, SBB_XML])
def test_list_as_rich_prints_it(both, data):
    from kwaldossier.analyse.query import tree

    for profiel in (None, "binnendienst", "buitendienst") if data is None else (None,):
        result = tree(select(profiel, data))
        rich_out, plain_out = both(render_tree, result)
        assert plain_out == rich_out
        dossier, head, first = rich_out.splitlines()[:3]
        assert head.startswith("Kerntaken en werkprocessen  ") and first.startswith("├── Kerntaak ")
        want = {
            None: "Commercieel medewerker, 2012 model, geldig vanaf 01-08-2012",  # buitendienst's text has no footer
            "binnendienst": "Commercieel medewerker, 2012 model, geldig vanaf 01-08-2012",
            "buitendienst": "(dossier without title), 2012 model",
        }
        assert dossier == (
            want[profiel]
            if data is None
            else "Pedagogisch Werk, crebo 23183, 2015 model, geldig vanaf 01-08-2015, Vastgesteld"
        )


def test_list_with_odd_titles(both, monkeypatch):
    import io

    from kwaldossier.analyse.query import tree

    base = tree(select(None, None))
    odd = [
        "tab\there",
        "two\nlines\n",
        "bell\x07 cr\r",
        "x" * 1200,
        "漢" * 600,
        "a" + "漢" * 499 + "tail",
        "e\u0301" * 700,
        "",
    ]
    for title in odd:
        result = copy.deepcopy(base)
        kts = result["dossiers"][0]["kerntaken"]
        kts[0]["titel"] = title
        kts[-1]["titel"] = title
        for wp in kts[0]["werkprocessen"] + kts[-1]["werkprocessen"][-1:]:
            wp["titel"] = title
        kts[1]["werkprocessen"] = kts[1]["werkprocessen"][:1]
        result["dossiers"][0]["titel"] = title or None
        rich_out, plain_out = both(render_tree, result)
        assert plain_out == rich_out, repr(title[:20])
    empty = {"profielen": base["profielen"], "kerntaken": [], "dossiers": [{**base["dossiers"][0], "kerntaken": []}]}
    rich_out, plain_out = both(render_tree, empty)
    assert plain_out == rich_out
    outs = []
    for plain in (False, True):  # a non-UTF-8 stdout: rich draws ASCII guides
        buf = io.BytesIO()
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buf, encoding="latin-1", errors="replace"))
        monkeypatch.setattr(printer_module, "usable", lambda plain=plain: plain)
        render_tree(base)
        sys.stdout.flush()
        outs.append(buf.getvalue())
    assert outs[0] == outs[1] and b"+-- " in outs[0]


def _hit(text: str, spans: list[list[int]], titel: str = "T", in_profiel: bool = True) -> dict[str, object]:
    return {
        "profiel": "P",
        "werkproces": "2.5",
        "werkproces_titel": titel,
        "veld": "omschrijving",
        "tekst": text,
        "spans": spans,
        "regel": 3,
        "profielen": ["P"],
        "in_profiel": in_profiel,
        "dossier": {"titel": "D", "crebo": None},
    }


def test_search_lines_with_controls_before_and_overlapping_hits(both):
    text = "\r\x07\x08\x0b\x0c" + "klant " * 40 + "\tklant\x0c" + " klant" * 40
    k = text.index("\tklant") + 1
    hits = [
        _hit(text, [[5, 10], [7, 12], [k, k + 5]], "a\rb\tc"),
        _hit(text, [[k, k + 5], [k + 1, k + 3], [len(text) - 5, len(text)]], in_profiel=False),
        _hit("\x07klant", [[1, 6]], "\x0b"),
        _hit("kl\rant", [[0, 6]]),
    ]
    result = {"terms": ["klant"], "veld": None, "aantal": len(hits), "hits": hits}
    rich_out, plain_out = both(render_search, result)
    assert plain_out == rich_out


_ODD = st.text(st.sampled_from("ab é漢\t\r\n\x07\x08\x0b\x0c\x1b\x85\u200b[]"), max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_ODD, titel=_ODD, cuts=st.lists(st.integers(0, 300), max_size=6), in_profiel=st.booleans())
def test_search_lines_on_any_text(both, text, titel, cuts, in_profiel):
    """The string lines of a piped search print what rich prints, whatever the text and spans."""
    points = sorted(min(c, len(text)) for c in cuts)
    spans = [[a, b] for a, b in itertools.pairwise(points) if b > a]
    result = {"terms": ["x"], "veld": None, "aantal": 1, "hits": [_hit(text, spans, titel, in_profiel)]}
    rich_out, plain_out = both(render_search, result)
    assert plain_out == rich_out
