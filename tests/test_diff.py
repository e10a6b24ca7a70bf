"""diff: the two bundled profiles, a profile against itself, and edited versions of one."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess

import pytest

from conftest import BINNEN, BUITEN, SBB_XML
from kwaldossier.model.contract import dossier_json


def diff_json(cli, a, b, *args):
    r = cli("diff", a, b, "--json", *args)
    assert r.code in (0, 1), r.err
    return r.code, json.loads(r.out)


def test_profiles_facts(cli):
    code, d = diff_json(cli, "binnendienst", "buitendienst")
    assert code == 1
    assert d["a"] == "Commercieel medewerker binnendienst" and d["b"] == "Commercieel medewerker buitendienst"
    assert d["only_a"] == ["2.7"]
    assert d["only_b"] == ["1.6", "2.8"]
    assert d["shared"] == ["1.1", "1.3", "2.1", "2.2", "2.3", "2.5", "2.6", "3.1", "3.2", "3.3"]
    assert d["renumbered"] == []
    comp = {c: (w["competenties"]["added"], w["competenties"]["removed"]) for c, w in d["werkprocessen"].items()}
    assert comp == {
        "1.1": (["M"], []),
        "1.3": (["R"], ["J", "M"]),
        "2.1": (["A"], []),
        "2.2": ([], []),
        "2.3": ([], []),
        "2.5": (["Y"], []),
        "2.6": ([], []),
        "3.1": ([], []),
        "3.2": ([], []),
        "3.3": (["K"], []),
    }
    assert d["werkprocessen"]["2.5"]["competenties"]["namen"]["Y"] == "Bedrijfsmatig handelen"


def test_role_name_is_no_difference(cli):
    _, d = diff_json(cli, "binnendienst", "buitendienst")
    # 2.6's omschrijving differs only by the role name
    assert d["werkprocessen"]["2.6"]["omschrijving"] is None
    assert d["normalisatie"]["rolnaam"] == [
        "Commercieel medewerker binnendienst",
        "Commercieel medewerker buitendienst",
    ]
    # each side loses only its own role name: binnendienst's mention of the buitendienst role stays
    ops = d["werkprocessen"]["2.5"]["omschrijving"]["woorden"]
    deleted = " ".join(o["a"] for o in ops if o["op"] in ("delete", "replace"))
    assert "door de commercieel medewerker buitendienst of junior accountmanager" in deleted
    assert "commercieel medewerker binnendienst" not in " ".join(o["a"] for o in ops)
    r = cli("diff", "binnendienst", "buitendienst")
    assert "Role names normalised" in r.out


def test_near_identical_items_pair(cli):
    _, d = diff_json(cli, "binnendienst", "buitendienst")
    vk = d["werkprocessen"]["3.1"]["vakkennis_en_vaardigheden"]
    assert [(c["a"], c["b"]) for c in vk["changed"]] == [("Gespreksstructuren toepassen", "Gespreksstructuren")]
    assert "Gespreksstructuren" not in vk["added"]


def test_similarity_figures(cli):
    _, d = diff_json(cli, "binnendienst", "buitendienst")
    sims = {c: w["similarity"] for c, w in d["werkprocessen"].items()}
    assert all(0 < s < 1 for s in sims.values())
    # 2.6 differs least (same competences, same omschrijving), 1.3 most (three competences differ)
    assert max(sims, key=sims.get) == "2.6" and min(sims, key=sims.get) == "1.3"
    assert 0 < d["similarity"] < min(sims.values()) + 0.5


@pytest.mark.parametrize("a,b", [(BUITEN, BUITEN), ("buitendienst", "buitendienst"), ("binnendienst", BINNEN)])
def test_self_diff_is_empty(cli, a, b):
    code, d = diff_json(cli, a, b)
    assert code == 0
    assert d["only_a"] == d["only_b"] == d["renumbered"] == []
    assert d["changed"] is False and d["normalisatie"] is None
    assert all(not w["changed"] for w in d["werkprocessen"].values())
    assert d["identical"] == d["shared"]
    assert all(v is None for v in d["algemene_informatie"].values())
    r = cli("diff", a, b)
    assert r.code == 0


# ---------------------------------------------------------------- edited versions


def _wp(data, code):
    return next(w for kt in data["profielen"][0]["kerntaken"] for w in kt["werkprocessen"] if w["code"] == code)


@pytest.fixture
def edited(tmp_path, buiten):
    """A new 'version' of buitendienst with known edits, as parsed JSON."""
    data = buiten.model_dump(mode="json")
    orig = copy.deepcopy(data)
    # add and remove a vakkennis item, change one slightly
    _wp(data, "2.1")["vakkennis_en_vaardigheden"].append(
        {"tekst": "Social selling toepassen", "taal": False, "regels": []}
    )
    _wp(data, "2.2")["vakkennis_en_vaardigheden"].pop(1)  # Gespreksstructuren toepassen
    [item] = [
        v for v in _wp(data, "3.3")["vakkennis_en_vaardigheden"] if v["tekst"] == "Relatiebeheersystemen toepassen"
    ]
    item["tekst"] = "Relatiebeheersysteem toepassen"
    # remove a component, reword an indicator
    h = _wp(data, "2.2")["competenties"][0]
    h["componenten"].remove("Emoties aanspreken")
    _wp(data, "1.6")["competenties"][1]["prestatie_indicator"] = _wp(data, "1.6")["competenties"][1][
        "prestatie_indicator"
    ].replace("tijdig", "snel")
    # rename a werkproces
    _wp(data, "3.2")["titel"] = "Voert promotie- en beursactiviteiten uit"
    # reword the omschrijving
    _wp(data, "1.3")["omschrijving"] = _wp(data, "1.3")["omschrijving"].replace("plan van aanpak", "werkplan")
    # order alone is no change
    _wp(data, "2.6")["vakkennis_en_vaardigheden"].reverse()
    # renumber 2.8 to 2.9 (and 2.9 to 2.8: it was not in the profile)
    w28, w29 = _wp(data, "2.8"), _wp(data, "2.9")
    w28["code"], w29["code"] = "2.9", "2.8"
    path = tmp_path / "buitendienst-v2.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path, orig


def test_version_diff_reports_exactly_the_edits(cli, edited):
    path, _ = edited
    code, d = diff_json(cli, BUITEN, path)
    assert code == 1
    assert d["normalisatie"] is None  # same profile name: nothing to normalise
    assert d["only_a"] == [] and d["only_b"] == []
    # new keys (impact) may be added to the contract; the documented ones keep their values
    assert [{k: r[k] for k in ("a", "b", "similarity")} for r in d["renumbered"]] == [
        {"a": "2.8", "b": "2.9", "similarity": 1.0}
    ]
    changed = {c for c, w in d["werkprocessen"].items() if w["changed"]}
    assert changed == {"2.1", "2.2", "3.3", "1.6", "3.2", "1.3", "2.8"}
    w = d["werkprocessen"]
    assert w["2.1"]["vakkennis_en_vaardigheden"] == {
        "added": ["Social selling toepassen"],
        "removed": [],
        "changed": [],
    }
    assert w["2.2"]["vakkennis_en_vaardigheden"]["removed"] == ["Gespreksstructuren toepassen"]
    comp = w["2.2"]["competenties"]["gewijzigd"]["H"]["componenten"]
    assert (comp["added"], comp["removed"]) == ([], ["Emoties aanspreken"])
    ch = w["3.3"]["vakkennis_en_vaardigheden"]["changed"]
    assert [(c["a"], c["b"]) for c in ch] == [("Relatiebeheersystemen toepassen", "Relatiebeheersysteem toepassen")]
    ind = w["1.6"]["competenties"]["gewijzigd"]["Q"]["prestatie_indicator"]["woorden"]
    assert [(o["a"], o["b"]) for o in ind if o["op"] != "equal"] == [("tijdig", "snel")]
    assert {k: w["3.2"]["titel"][k] for k in ("a", "b")} == {
        "a": "Voert promotieactiviteiten uit",
        "b": "Voert promotie- en beursactiviteiten uit",
    }
    om = [(o["a"], o["b"]) for o in w["1.3"]["omschrijving"]["woorden"] if o["op"] != "equal"]
    assert om == [("plan van aanpak", "werkplan")]
    assert not w["2.6"]["changed"]  # reversed order only
    assert w["2.8"]["code_b"] == "2.9"
    for code_ in set(w) - changed:
        assert not w[code_]["changed"], code_
    # the 2015 model's keys never appear in a 2012 diff (its documented shape is kept)
    new_2015 = {"resultaat", "gedrag", "omschrijving_aanvullend", "resultaat_aanvullend"}
    assert all(not new_2015 & set(x) for x in w.values())
    assert d["overlap"] is None and d["kerntaak_velden"] == {}
    _, d = diff_json(cli, "binnendienst", "buitendienst")
    assert len(d["eenzijdig"]) == 3 and all(not new_2015 & set(e) for e in d["eenzijdig"])
    assert all(not new_2015 & set(x) for x in d["werkprocessen"].values())


def test_filters(cli, edited):
    path, _ = edited
    _, d = diff_json(cli, BUITEN, path, "--kerntaak", "1")
    assert set(d["werkprocessen"]) == {"1.1", "1.3", "1.6"} and d["algemene_informatie"] == {}
    _, d = diff_json(cli, BUITEN, path, "--werkproces", "2.2")
    assert set(d["werkprocessen"]) == {"2.2"}
    _, d = diff_json(cli, BUITEN, path, "--only", "vakkennis")
    changed = {c for c, w in d["werkprocessen"].items() if w["changed"]}
    assert changed == {"2.1", "2.2", "3.3", "2.8"}  # 2.8 renumbered still counts
    code, d = diff_json(cli, BUITEN, path, "--only", "teksten", "--kerntaak", "1")
    assert {c for c, w in d["werkprocessen"].items() if w["changed"]} == {"1.3"}
    code, d = diff_json(cli, BUITEN, path, "--werkproces", "2.6")
    assert code == 0 and not d["changed"]


def test_human_output(cli, edited):
    path, _ = edited
    r = cli("diff", BUITEN, path)
    assert r.code == 1
    assert "renumbered" in r.out and "2.8→2.9" in r.out
    # one wording in every format (was "− component Emoties aanspreken" under "~ competentie H")
    assert "− component (H): Emoties aanspreken" in r.out
    assert "[-tijdig-] {+snel+}" in r.out  # word diff, plain when piped
    html = cli("diff", BUITEN, path, "--format", "html", "--taal", "nl").out
    assert "2.8→2.9" in html and "− component (H): Emoties aanspreken" in html
    md = cli("diff", BUITEN, path, "--format", "markdown", "--taal", "nl").out
    assert "| hernummerd | 2.8→2.9 | 1 |" in md and "- Component eraf (H): Emoties aanspreken" in md
    r = cli("diff", BUITEN, path, "--summary")
    assert "Overlap per werkproces" in r.out and "component" not in r.out


def test_markdown_and_html(cli, tmp_path):
    r = cli("diff", "binnendienst", "buitendienst", "--format", "markdown", "--taal", "nl")
    assert r.code == 1
    assert r.out.startswith(
        "# Verschillen: Commercieel medewerker binnendienst (A) ↔ Commercieel medewerker buitendienst (B)"
    )
    assert "| alleen A | 2.7 | 1 |" in r.out and "| alleen B | 1.6 2.8 | 2 |" in r.out
    assert "- Competentie erbij: Y Bedrijfsmatig handelen" in r.out
    out = tmp_path / "report.html"
    r = cli("diff", "binnendienst", "buitendienst", "--format", "html", "--taal", "nl", "--out", out)
    assert r.code == 1 and r.out == ""
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<del>" in html and "<ins>" in html
    assert "http" not in html  # self-contained
    assert not list(tmp_path.glob(".report.html.*"))  # no temporary file left
    r = cli("diff", "binnendienst", "buitendienst", "--out", tmp_path / "x.txt")
    assert r.code == 2 and "--format markdown, html or json" in r.err and not (tmp_path / "x.txt").exists()


def test_bad_profile_and_multi_profile_file(cli, tmp_path, buiten, binnen):
    r = cli("diff", "nergens", "buitendienst")
    assert r.code == 2 and "no profiel matches 'nergens'" in r.err and r.out == ""
    both = buiten.model_copy(update={"profielen": buiten.profielen + binnen.profielen})
    path = tmp_path / "both.json"
    path.write_text(dossier_json(both), encoding="utf-8")
    r = cli("diff", path, "buitendienst")
    assert r.code == 2 and "holds 2 profielen" in r.err and "--profiel" in r.err
    # two versions of a whole dossier: pick the profile inside each file
    newer = both.model_dump(mode="json")
    newer["profielen"][0]["kerntaken"][0]["werkprocessen"][0]["titel"] = "Verzamelt informatie"
    path2 = tmp_path / "both-v2.json"
    path2.write_text(json.dumps(newer, ensure_ascii=False), encoding="utf-8")
    code, d = diff_json(cli, path, path2, "--profiel", "buitendienst")
    assert code == 1 and d["a"] == d["b"] == "Commercieel medewerker buitendienst"
    assert [c for c, w in d["werkprocessen"].items() if w["changed"]] == ["1.1"]
    code, d = diff_json(cli, path, path2, "--profiel", "binnendienst")
    assert code == 0
    r = cli("diff", path, path2, "--profiel", "commercieel")
    assert r.code == 2 and "matches 2 of its profielen" in r.err


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


# Run in the browser after load: what a reader sees (innerText leaves out what CSS hides), then
# the same with the impact filter set to "structureel" only. The report itself has no script.
_PROBE = """<script>
window.addEventListener('load', () => {
  const out = (id, text) => { const p = document.createElement('pre'); p.id = id; p.textContent = text; document.body.append(p); };
  out('seen-all', document.querySelector('main').innerText);
  document.getElementById('f-redactioneel').checked = false;
  document.getElementById('f-inhoudelijk').checked = false;
  out('seen-structureel', document.querySelector('main').innerText);
});
</script>"""


@pytest.mark.skipif(_chromium() is None, reason="no headless Chromium on this machine (make browser installs it)")
def test_html_renders_in_headless_browser(cli, tmp_path):
    import html as html_lib

    out = tmp_path / "report.html"
    cli("diff", "binnendienst", "buitendienst", "--format", "html", "--taal", "nl", "--out", out)
    probe = tmp_path / "probe.html"
    probe.write_text(out.read_text(encoding="utf-8").replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    profile = tmp_path / "profile"
    p = subprocess.run(
        [
            _chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--dump-dom",
            probe.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr[-500:]
    dom = p.stdout
    # the browser parsed the report: the summary table and a section per changed werkproces
    assert '<table id="summary">' in dom
    assert dom.count('<section class="wp"') == 10
    assert dom.count('<section class="eenzijdig"') == 3  # 2.7 only in A; 1.6 and 2.8 only in B
    assert "<del>" in dom and "<ins>" in dom

    def seen(pre_id):
        return html_lib.unescape(dom.split(f'<pre id="{pre_id}">')[1].split("</pre>")[0])

    visible = seen("seen-all")
    # profile labels, werkproces titles, one-sided content and grades are on screen
    assert "A · Commercieel medewerker binnendienst" in visible and "B · Commercieel medewerker buitendienst" in visible
    assert "2.5  Stelt offertes op en brengt ze uit" in visible or "2.5 Stelt offertes op en brengt ze uit" in visible
    assert "alleen in A (Commercieel medewerker binnendienst)" in visible
    assert "Verzorgt het (interne) ordertraject" in visible  # 2.7, only in A, in full
    assert "+ competentie Y Bedrijfsmatig handelen" in visible
    for grade in ("redactioneel", "inhoudelijk", "structureel"):
        assert grade in visible
    assert "~ prestatie-indicator (I)" in visible
    # with only "structureel" ticked the other changes disappear, structural ones stay
    filtered = seen("seen-structureel")
    assert "+ competentie Y Bedrijfsmatig handelen" in filtered
    assert "~ prestatie-indicator (I)" not in filtered and "+ vakkennis:" not in filtered
    assert len(filtered) < len(visible) / 2
    # a section whose changes are all hidden goes too (2.6: inhoudelijk at most); one-sided stay
    assert "91% overeenkomst" in visible and "91% overeenkomst" not in filtered  # 91.6%: rounded down
    assert "handelt retourzendingen af" in filtered  # 2.7 (only in A), its omschrijving


def test_html_names_files_but_not_the_installation(cli, tmp_path):
    """Bundled data: no path into the installation in a report meant for colleagues; a file: its path."""
    out = tmp_path / "r.html"
    assert cli("diff", "binnendienst", "buitendienst", "-f", "html", "--taal", "nl", "-o", out).code == 1
    html = out.read_text(encoding="utf-8")
    assert "site-packages" not in html and "data/parsed" not in html
    assert "Commercieel medewerker binnendienst" in html
    copy_a = tmp_path / "oud.txt"
    copy_a.write_bytes(BINNEN.read_bytes())
    assert cli("diff", copy_a, "buitendienst", "-f", "html", "--taal", "nl", "-o", out).code == 1
    html = out.read_text(encoding="utf-8")
    assert f"({copy_a}; niveau 3, NLQF/EQF 3)" in html and "site-packages" not in html


def test_two_versions_of_one_profile_name_their_files(cli, tmp_path):
    """Both sides carry the same profile name: text and Markdown say which file is A and B."""
    oud, nieuw = tmp_path / "oud.txt", tmp_path / "nieuw.txt"
    oud.write_bytes(BINNEN.read_bytes())
    nieuw.write_bytes(BINNEN.read_bytes().replace(b"relevante gegevens", b"gegevens", 1))
    r = cli("diff", oud, nieuw, "--summary")
    assert r.code == 1, r.err
    assert (
        r.out.splitlines()[0] == f"A = Commercieel medewerker binnendienst ({oud}; niveau 3, NLQF/EQF 3)   "
        f"B = Commercieel medewerker binnendienst ({nieuw}; niveau 3, NLQF/EQF 3)"
    )
    r = cli("diff", oud, nieuw, "-f", "markdown", "--taal", "nl")
    zijden = [line for line in r.out.splitlines() if line.startswith("- **")][:2]  # the path Markdown-escaped
    kop = "- **{}**: Commercieel medewerker binnendienst ("
    assert len(zijden) == 2 and zijden[0].startswith(kop.format("A")) and zijden[1].startswith(kop.format("B"))
    assert zijden[0].endswith("/oud.txt; niveau 3, NLQF/EQF 3)")
    assert zijden[1].endswith("/nieuw.txt; niveau 3, NLQF/EQF 3)")
    r = cli("diff", "binnendienst", "buitendienst", "--summary")  # bundled: the level, never a path
    assert r.out.splitlines()[0] == (
        "A = Commercieel medewerker binnendienst (niveau 3, NLQF/EQF 3)   "
        "B = Commercieel medewerker buitendienst (niveau 3, NLQF/EQF 3)"
    )


_PROBE_BREEDTE = """<script>
window.addEventListener('load', () => {
  const out = (id, text) => { const p = document.createElement('pre'); p.id = id; p.textContent = text; document.body.append(p); };
  const codes = [...document.querySelectorAll('td .nw')];
  out('breedte', [document.documentElement.scrollWidth, window.innerWidth].join(' '));
  out('gebroken', codes.filter(c => c.getClientRects().length > 1).map(c => c.textContent).join(' '));
  out('codes', String(codes.length));
});
</script>"""


@pytest.mark.shared
@pytest.mark.skipif(_chromium() is None, reason="no headless Chromium on this machine (make browser installs it)")
def test_html_fits_a_narrow_window_and_keeps_codes_whole(cli, tmp_path):
    """Two SBB dossiers at 800 px: the page never scrolls sideways (the competence map scales
    down) and no werkproces code in a table breaks after a hyphen ("P1-K1-" / "W1")."""
    out = tmp_path / "report.html"
    r = cli("diff", "kinderopvang@23183", "Sociaal-cultureel@23185", "--data", SBB_XML, "-f", "html", "-o", out)
    assert r.code == 1, r.err
    probe = tmp_path / "probe.html"
    probe.write_text(out.read_text(encoding="utf-8").replace("</body>", _PROBE_BREEDTE + "</body>"), encoding="utf-8")
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=800,600"]
    p = subprocess.run(
        [_chromium(), *args, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", probe.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr[-500:]

    def seen(pre_id):
        return p.stdout.split(f'<pre id="{pre_id}">')[1].split("</pre>")[0]

    scroll, inner = map(int, seen("breedte").split())
    assert scroll <= inner
    assert int(seen("codes")) >= 25 and seen("gebroken") == ""  # 2 shared + 13 + 10 one-sided + renumbered
