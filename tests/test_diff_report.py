"""The diff report: impact grades on planted edits, the same changes in every format, --summary,
--min-impact, bad filter values, HTML escaping, the JSON Schema of the result."""

from __future__ import annotations

import copy
import json
import re
import sys
from html.parser import HTMLParser

import pytest

from conftest import BUITEN, SBB_XML, Result


def _wp(data, code):
    return next(w for kt in data["profielen"][0]["kerntaken"] for w in kt["werkprocessen"] if w["code"] == code)


@pytest.fixture(scope="module")
def base(buiten):
    return buiten.model_dump(mode="json")


def _write(tmp_path, data, name="v2.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _diff(cli, a, b, *args):
    r = cli("diff", a, b, "--json", *args)
    assert r.code in (0, 1), r.err
    return json.loads(r.out)


def _changes(d):
    """(werkproces, veld, impact) of every change in the JSON."""
    out = []
    for w in d["werkprocessen"].values():
        out += [(w["code_a"], c["veld"], c["impact"]) for c in w.get("wijzigingen", [])]
    out += [(e["code"], "werkproces", e["impact"]) for e in d["eenzijdig"]]
    out += [(None, "kerntaak", k["impact"]) for k in d["kerntaken"].values()]
    out += [(None, c["veld"], c["impact"]) for cs in d["kerntaak_velden"].values() for c in cs]
    out += [(None, k, v["impact"]) for k, v in d["algemene_informatie"].items() if v]
    return sorted(out, key=str)


# ---------------------------------------------------------------- impact grades on planted edits


def _one_edit(cli, tmp_path, base, edit):
    data = copy.deepcopy(base)
    edit(data)
    d = _diff(cli, BUITEN, _write(tmp_path, data))
    return d, _changes(d)


def test_punctuation_is_redactioneel(cli, tmp_path, base):
    def edit(data):
        w = _wp(data, "1.1")
        assert "leidinggevende en/of collega’s." in w["omschrijving"]
        w["omschrijving"] = w["omschrijving"].replace(
            "leidinggevende en/of collega’s.", "leidinggevende, en/of collega’s;", 1
        )

    d, changes = _one_edit(cli, tmp_path, base, edit)
    assert changes == [("1.1", "omschrijving", "redactioneel")]
    assert d["werkprocessen"]["1.1"]["omschrijving"]["impact"] == "redactioneel"


@pytest.mark.parametrize(
    "old,new",
    [
        ("verwerkt en registreert", "registreert en verwerkt"),  # word order
        ("verkoopinformatie", "Verkoopinformatie"),  # case
        ("verkoopinformatie", "verkoop-informatie"),  # a compound hyphenated
        ("verkoopinformatie", "verkoopinformattie"),  # a doubled letter (typo)
        ("verkoopinformatie", "verkoopinfromatie"),  # two letters swapped
    ],
)
def test_form_only_edits_are_redactioneel(cli, tmp_path, base, old, new):
    def edit(data):
        c = _wp(data, "1.1")["competenties"][0]
        assert old in c["prestatie_indicator"]
        c["prestatie_indicator"] = c["prestatie_indicator"].replace(old, new, 1)

    _, changes = _one_edit(cli, tmp_path, base, edit)
    assert changes == [("1.1", "prestatie_indicator", "redactioneel")]


@pytest.mark.parametrize(
    "old,new",
    [
        ("optimaal", "voldoende"),  # a word with another meaning
        ("alle benodigde en verkregen", "de verkregen"),  # words dropped
        ("verkoopinformatie", "inkoopinformatie"),  # a different compound
    ],
)
def test_meaning_edits_are_inhoudelijk(cli, tmp_path, base, old, new):
    def edit(data):
        c = _wp(data, "1.1")["competenties"][0]
        assert old in c["prestatie_indicator"]
        c["prestatie_indicator"] = c["prestatie_indicator"].replace(old, new, 1)

    _, changes = _one_edit(cli, tmp_path, base, edit)
    assert changes == [("1.1", "prestatie_indicator", "inhoudelijk")]


def test_item_added_or_removed_is_inhoudelijk(cli, tmp_path, base):
    def edit(data):
        _wp(data, "2.1")["vakkennis_en_vaardigheden"].append(
            {"tekst": "Social selling toepassen", "taal": False, "regels": []}
        )
        _wp(data, "2.2")["gewenst_resultaat"].pop(0)
        _wp(data, "2.2")["competenties"][0]["componenten"].pop(0)

    _, changes = _one_edit(cli, tmp_path, base, edit)
    assert changes == [
        ("2.1", "vakkennis_en_vaardigheden", "inhoudelijk"),
        ("2.2", "componenten", "inhoudelijk"),
        ("2.2", "gewenst_resultaat", "inhoudelijk"),
    ]


def test_structural_edits(cli, tmp_path, base):
    def edit(data):
        kt = data["profielen"][0]["kerntaken"]
        kt[0]["titel"] = "Onderzoekt de markt"  # kerntaak changed
        w = _wp(data, "2.1")
        w["competenties"].append(
            {"letter": "P", "naam": "Leren", "componenten": ["Feedback vragen"], "prestatie_indicator": "Hij leert."}
        )
        w["matrix"].append("P")
        _wp(data, "3.2")["titel"] = "Organiseert beurzen"  # renamed
        kt[2]["werkprocessen"] = [x for x in kt[2]["werkprocessen"] if x["code"] != "3.1"]  # removed

    d, changes = _one_edit(cli, tmp_path, base, edit)
    assert changes == [
        ("2.1", "competentie", "structureel"),
        ("3.1", "werkproces", "structureel"),
        ("3.2", "titel", "structureel"),
        (None, "kerntaak", "structureel"),
    ]
    assert d["only_a"] == ["3.1"] and d["werkprocessen"]["2.1"]["competenties"]["added"] == ["P"]
    [een] = d["eenzijdig"]
    assert een["kant"] == "a" and een["titel"] == "Signaleert en behandelt klachten" and een["omschrijving"]
    assert d["telling"]["profiel"] == {"redactioneel": 0, "inhoudelijk": 0, "structureel": 4}
    assert d["telling"]["kerntaken"] == {
        "1": {"redactioneel": 0, "inhoudelijk": 0, "structureel": 1},
        "2": {"redactioneel": 0, "inhoudelijk": 0, "structureel": 1},
        "3": {"redactioneel": 0, "inhoudelijk": 0, "structureel": 2},
    }


def test_renumbered_is_structural(cli, tmp_path, base):
    def edit(data):
        w28, w29 = _wp(data, "2.8"), _wp(data, "2.9")
        w28["code"], w29["code"] = "2.9", "2.8"

    d, changes = _one_edit(cli, tmp_path, base, edit)
    assert changes == [("2.8", "code", "structureel")]
    assert d["renumbered"][0]["impact"] == "structureel"


def test_edit_in_the_seed_text(cli, tmp_path):
    """The same grade through the text parser: a comma added to the raw dossier text."""
    text = BUITEN.read_text(encoding="utf-8")
    old = "aanwezig is en verkoopbeleid ontwikkeld"
    assert text.count(old) == 1
    path = tmp_path / "buitendienst.txt"
    path.write_text(text.replace(old, "aanwezig is, en verkoopbeleid ontwikkeld"), encoding="utf-8")
    d = _diff(cli, BUITEN, path)
    assert _changes(d) == [("1.1", "prestatie_indicator", "redactioneel")]


# ---------------------------------------------------------------- --min-impact, --summary, bad values


@pytest.fixture
def mixed(tmp_path, base):
    """One change of each grade."""
    data = copy.deepcopy(base)
    w = _wp(data, "1.1")
    w["omschrijving"] = w["omschrijving"].replace("collega’s.", "collega’s;", 1)  # redactioneel
    c = _wp(data, "1.3")["competenties"][0]
    c["prestatie_indicator"] = c["prestatie_indicator"] + " Hij doet dit wekelijks."  # inhoudelijk
    _wp(data, "2.2")["competenties"].pop()  # structureel
    return _write(tmp_path, data)


def test_min_impact_hides_the_rest_in_every_format(cli, mixed):
    d = _diff(cli, BUITEN, mixed)
    assert [g for _, _, g in _changes(d)] == ["redactioneel", "inhoudelijk", "structureel"]
    d = _diff(cli, BUITEN, mixed, "--min-impact", "inhoudelijk")
    assert _changes(d) == [("1.3", "prestatie_indicator", "inhoudelijk"), ("2.2", "competentie", "structureel")]
    assert d["filters"]["min_impact"] == "inhoudelijk"
    assert d["werkprocessen"]["1.1"]["changed"] is False and "1.1" in d["identical"]
    for fmt in ("markdown", "html"):
        out = cli("diff", BUITEN, mixed, "--format", fmt, "--taal", "nl", "--min-impact", "inhoudelijk").out
        assert "redactioneel)" not in out.split("Inhoud")[-1] and "collega’s;" not in out
        assert "wekelijks" in out
    out = cli("diff", BUITEN, mixed, "--min-impact", "structureel").out
    assert "wekelijks" not in out and "(structureel)" in out
    r = cli("diff", BUITEN, mixed, "--min-impact", "structureel", "-w", "1.1", "--json")
    assert r.code == 0  # nothing left to show


def test_summary_in_every_format(cli, mixed):
    text = cli("diff", BUITEN, mixed, "--summary").out
    assert "Changes per impact grade" in text and "wekelijks" not in text and "─ 1.3" not in text
    md = cli("diff", BUITEN, mixed, "--summary", "--format", "markdown", "--taal", "nl").out
    assert "Wijzigingen per impact" in md and "wekelijks" not in md and "\n## " not in md
    html = cli("diff", BUITEN, mixed, "--summary", "--format", "html", "--taal", "nl").out
    assert 'id="impact"' in html and "wekelijks" not in html and '<section class="wp"' not in html
    d = _diff(cli, BUITEN, mixed, "--summary")
    w = d["werkprocessen"]["1.3"]
    assert w["changed"] and w["impact"] == "inhoudelijk" and "wijzigingen" not in w and "omschrijving" not in w
    assert d["telling"]["profiel"] == {"redactioneel": 1, "inhoudelijk": 1, "structureel": 1}


@pytest.mark.parametrize(
    "args,named,allowed",
    [
        (("-w", "9.9"), "'9.9'", "1.1, 1.2"),
        (("-w", "foo"), "'foo'", "1.1, 1.2"),
        (("-k", "9"), "'9'", "1, 2, 3"),
        (("-k", "1", "-w", "2.2"), "'2.2'", "1.1, 1.2, 1.3"),
        (("--only", "x"), "'x'", "'competenties', 'vakkennis', 'teksten'"),
        (("--min-impact", "x"), "'x'", "'redactioneel', 'inhoudelijk', 'structureel'"),
    ],
)
def test_bad_filter_values_exit_2(cli, args, named, allowed):
    r = cli("diff", "binnendienst", "buitendienst", *args)
    assert r.code == 2 and r.out == ""
    assert named in r.err and allowed in r.err


# ---------------------------------------------------------------- the same changes in every format


class _Changes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "li" and "chg" in (a.get("class") or "").split():
            self.found.append((a.get("data-werkproces"), a["data-veld"], a["data-impact"]))


def _labels(d):
    from kwaldossier.analyse.diff_report import LABELS, label

    out = {label(v): v for v in LABELS}
    out.update({label(k): k for k in d["algemene_informatie"]})
    return out


_CODE = re.compile(r"^(\d+\.\d+|[BP]\d+-K\d+-W\d+)")


def _md_changes(md, labels):
    out, wp = [], None
    for line in md.splitlines():
        if line.startswith("## "):
            m = _CODE.match(line[3:])
            wp = m.group(1) if m else None
        m = re.match(r"^- (.+?) (erbij|eraf|gewijzigd)(?: \((.+?)\))?: .* _\((\w+)\)_$", line)
        if m and not line.startswith("- ["):  # not the table of contents
            name = m.group(1).lower() + (" (aanvullend)" if m.group(3) == "aanvullend" else "")
            out.append((wp, labels[name], m.group(4)))
    return sorted(out, key=str)


def _text_changes(text, labels):
    out, wp = [], None
    names = "|".join(sorted(map(re.escape, labels), key=len, reverse=True))
    for line in text.splitlines():
        if line.startswith("─"):
            m = re.match(r"^─+ (\S+)", line)
            code = _CODE.match(m.group(1)) if m else None
            wp = code.group(1) if code else None
            continue
        m = re.match(rf"^[+−~] ({names})(?: \(\S+\))?[: ].*\((redactioneel|inhoudelijk|structureel)\)$", line)
        if m:
            out.append((wp, labels[m.group(1)], m.group(2)))
    return sorted(out, key=str)


def _run_wide(capsys, monkeypatch, *args):
    from kwaldossier.cli import main

    monkeypatch.setattr(sys, "argv", ["kwaldossier", *map(str, args)])
    monkeypatch.setenv("COLUMNS", "100000")  # one change per line
    try:
        main()
    except SystemExit as exc:
        code = exc.code
    c = capsys.readouterr()
    return Result(code, c.out, c.err)


@pytest.fixture
def many(tmp_path, base):
    """A version with a change of every kind: kerntaak, renumbering, removal, algemene informatie."""
    data = copy.deepcopy(base)
    p = data["profielen"][0]
    p["kerntaken"][0]["titel"] += "."
    w28, w29 = _wp(data, "2.8"), _wp(data, "2.9")
    w28["code"], w29["code"] = "2.9", "2.8"
    p["kerntaken"][2]["werkprocessen"] = [x for x in p["kerntaken"][2]["werkprocessen"] if x["code"] != "3.1"]
    p["algemene_informatie"]["niveau"] += " Nieuw."
    c = _wp(data, "2.2")["competenties"][0]
    c["componenten"][0] += " en meer"
    _wp(data, "1.1")["titel"] = "Verzamelt informatie"
    return _write(tmp_path, data, "many.json")


@pytest.mark.parametrize("pair", ["profiles", "versions", "many", pytest.param("sbb", marks=pytest.mark.shared)])
def test_every_format_carries_the_same_changes(cli, capsys, monkeypatch, mixed, many, pair):
    a, b = {
        "profiles": ("binnendienst", "buitendienst"),
        "versions": (BUITEN, mixed),
        "many": (BUITEN, many),
        "sbb": ("Persoonlijk begeleider gehandicaptenzorg", "Thuisbegeleider"),  # 2015 model: its fields too
    }[pair]
    extra = ("--data", str(SBB_XML)) if pair == "sbb" else ()
    d = _diff(cli, a, b, *extra)
    expected = _changes(d)
    assert len(expected) >= 3
    if pair == "sbb":
        assert {"gedrag", "resultaat", "omschrijving_aanvullend", "verantwoordelijkheid_aanvullend"} <= {
            v for _, v, _ in expected
        }
    labels = _labels(d)
    p = _Changes()
    p.feed(cli("diff", a, b, *extra, "--format", "html", "--taal", "nl").out)
    assert sorted(p.found, key=str) == expected
    assert _md_changes(cli("diff", a, b, *extra, "--format", "markdown", "--taal", "nl").out, labels) == expected
    assert _text_changes(_run_wide(capsys, monkeypatch, "diff", a, b, *extra).out, labels) == expected


def test_rows_flatten_the_report(binnen, buiten):
    from kwaldossier.analyse.diff import diff
    from kwaldossier.analyse.diff_report import rows
    from kwaldossier.read import GeladenProfiel

    report = diff(GeladenProfiel(binnen.profielen[0], binnen, None), GeladenProfiel(buiten.profielen[0], buiten, None))
    table = rows(report)
    assert len(table) == sum(report.telling()["profiel"].values())
    assert {tuple(r) for r in table} == {
        ("kerntaak", "werkproces", "titel", "veld", "soort", "competentie", "oud", "nieuw", "impact")
    }
    y = next(r for r in table if r["veld"] == "competentie" and r["competentie"] == "Y")
    assert (y["werkproces"], y["titel"], y["soort"], y["nieuw"], y["impact"]) == (
        "2.5",
        "Stelt offertes op en brengt ze uit",
        "added",
        "Bedrijfsmatig handelen",
        "structureel",
    )
    only = next(r for r in table if r["veld"] == "werkproces" and r["werkproces"] == "2.7")
    assert only["soort"] == "removed" and only["oud"].startswith("2.7 ")
    assert any(r["veld"] == "algemene_informatie.context" and r["kerntaak"] is None for r in table)


# ---------------------------------------------------------------- HTML report content and escaping


def test_html_report_content(cli, mixed):
    html = cli("diff", "binnendienst", "buitendienst", "--format", "html", "--taal", "nl").out
    assert "Commercieel medewerker binnendienst" in html and "A · Commercieel medewerker binnendienst" in html
    assert "2.5  Stelt offertes op en brengt ze uit" in html  # werkproces titles
    assert 'id="toc"' in html and 'href="#wp-2.5"' in html
    assert "Algemene informatie" in html and 'data-veld="context"' in html
    # the one-sided werkprocessen in full: 2.7 (only A) with its omschrijving and competences
    sec = html.split('id="wp-a-2.7"')[1].split("</section>")[0]
    assert "alleen in A (Commercieel medewerker binnendienst)" in sec and "prestatie-indicator" in sec
    assert "Verzorgt het (interne) ordertraject" in sec
    assert '<input type="checkbox" id="f-redactioneel" class="flt" checked>' in html and "@media print" in html
    assert "<script" not in html and "http" not in html
    html = cli("diff", BUITEN, mixed, "--format", "html", "--taal", "nl").out
    assert "2.8→2.9" not in html  # no renumbering in this pair
    md = cli("diff", "binnendienst", "buitendienst", "--format", "markdown", "--taal", "nl").out
    assert "## 2.7 Verzorgt het (interne) ordertraject" in md and "- **prestatie-indicator**" in md
    assert "## Algemene informatie" in md and "## Inhoud" in md


def test_hostile_names_are_escaped(cli, tmp_path, base):
    data = copy.deepcopy(base)
    p = data["profielen"][0]
    p["naam"] = "Medewerker <b>buitendienst</b>"
    w = _wp(data, "2.1")
    w["competenties"].append(
        {"letter": None, "naam": "<script>alert(1)</script>", "componenten": ["<i>x</i>"], "prestatie_indicator": ""}
    )
    w["titel"] = (
        "Titel <img src=x onerror=alert(1)> <script>alert(2)</script>"  # letters and codes are checked on input
    )
    p["algemene_informatie"]["context"] = "Context <script>alert(3)</script> & meer"
    w2 = _wp(data, "2.2")
    w2["vakkennis_en_vaardigheden"].append({"tekst": "<img src=y onerror=alert(4)>", "taal": False, "regels": []})
    path = _write(tmp_path, data)
    html = cli("diff", BUITEN, path, "--format", "html", "--taal", "nl").out
    assert "<script" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;img src=y onerror=alert(4)&gt;" in html and "alert(2)" in html
    # a hostile werkproces code never gets this far: the parsed-JSON check rejects it on input
    w["code"] = "2.1<script>alert(2)</script>"
    bad = _write(tmp_path, data, "bad.json")
    r = cli("diff", BUITEN, bad, "--format", "html", "--taal", "nl")
    assert r.code == 2 and r.out == "" and "is niet een werkprocescode" in r.err  # the check speaks Dutch too
    md = cli("diff", BUITEN, path, "--format", "markdown", "--taal", "nl").out
    assert re.search(r"(?<!\\)<", md) is None and r"\<script\>" in md  # every < escaped
    text = cli("diff", BUITEN, path).out  # rich markup in data is printed, not interpreted
    assert "<script>alert(1)</script>" in text and "[-" in text


def test_terminal_prints_markup_in_data_as_text(cli, tmp_path, base):
    """Rich markup in a dossier ("[/]" would make rich fail) is printed, never interpreted."""
    data = copy.deepcopy(base)
    _wp(data, "2.5")["titel"] = "Stelt [/] offertes [bold]op[/bold]"
    _wp(data, "2.5")["omschrijving"] = "Hij [red]belt[/red] [/]"
    folder = tmp_path / "data"
    folder.mkdir()
    _write(folder, data, "markup.json")
    for args in (("show", "2.5"), ("list",), ("matrix",), ("search", "belt", "--in", "omschrijving")):
        r = cli(*args, "--data", folder)
        assert r.code == 0 and r.err == "", (args, r.err)
        assert "[/]" in r.out, args
    r = cli("diff", BUITEN, folder / "markup.json")
    assert r.code == 1 and "Stelt [/] offertes [bold]op[/bold]" in r.out and "[red]belt[/red]" in r.out


def test_hostile_line_in_a_dossier_text_is_escaped(cli, tmp_path):
    """A dossier line <script>…</script> where a competence name is expected (issue 14)."""
    lines = BUITEN.read_text(encoding="utf-8").split("\n")
    [i] = [n for n, line in enumerate(lines) if line == "Bedrijfsmatig handelen"]
    lines[i] = "<script>alert(1)</script>"
    path = tmp_path / "hostile.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    r = cli("diff", BUITEN, path, "--format", "html", "--taal", "nl")
    assert r.code == 1, r.err
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.out and "<script" not in r.out


def test_html_report_shows_the_competence_heatmap(cli, tmp_path):
    """Issue 13: the heat-map (profiles × A–Y, werkprocessen per competence) is in the HTML report,
    with the numbers in the cells so it reads without colour."""
    import xml.etree.ElementTree as ET

    out = tmp_path / "r.html"
    r = cli("diff", "binnendienst", "buitendienst", "--format", "html", "--taal", "nl", "--out", out)
    assert r.code == 1, r.err
    html = out.read_text(encoding="utf-8")
    start, end = html.index("<svg"), html.index("</svg>") + len("</svg>")
    svg = ET.fromstring(html[start:end])
    assert "Competenties per profiel" in html[:start]
    [desc] = [d.text or "" for d in svg.iter() if d.tag.endswith("desc")]
    binnen, buiten = desc.split(";")
    # R: binnendienst's matrix crosses it in 7 werkprocessen, buitendienst's in 8; A only buitendienst
    assert "binnendienst (11 werkprocessen)" in binnen and "R 7" in binnen and "A " not in binnen
    assert "buitendienst (12 werkprocessen)" in buiten and "R 8" in buiten and "A 1" in buiten
    texts = [t.text for t in svg.iter() if t.tag.endswith("text") and t.text]
    assert "7" in texts and "8" in texts  # the numbers are printed in the cells
