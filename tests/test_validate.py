"""validate: each rule on the seeds and on broken variants of them, and the CLI contract."""

from __future__ import annotations

import json

from conftest import BINNEN, BUITEN
from kwaldossier.validate import RULES, SEVERITIES


def findings(cli, path, *args):
    r = cli("validate", path, "--format", "json", *args)
    assert r.code in (0, 1), r.err
    return r, json.loads(r.out)["findings"]


def variant(tmp_path, source, edits, name="variant.txt"):
    """A copy of a seed with line edits: {line_no: new_text or None (delete)}; checks the old text."""
    lines = source.read_text(encoding="utf-8").split("\n")
    for no in sorted(edits, reverse=True):
        old, new = edits[no]
        assert lines[no - 1] == old, (no, lines[no - 1])
        if new is None:
            del lines[no - 1]
        else:
            lines[no - 1] = new
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def codes(found, severity=None):
    return sorted({(f["code"], f["werkproces"]) for f in found if severity is None or f["severity"] == severity})


# ---------------------------------------------------------------- the seeds


def test_buitendienst_has_no_error(cli):
    r, found = findings(cli, BUITEN)
    assert r.code == 0
    assert not [f for f in found if f["severity"] == "error"]
    # a careful reader's catch: R and M of 3.1 share one prestatie-indicator
    assert ("KD206", "3.1") in codes(found)


def test_binnendienst_findings(cli):
    r, found = findings(cli, BINNEN)
    assert r.code == 1
    assert [(f["code"], f["werkproces"], f["line"]) for f in found if f["severity"] == "error"] == [
        ("KD201", "3.3", 1059)
    ]
    split = [(f["werkproces"], f["line"], f["message"]) for f in found if f["code"] == "KD402"]
    assert split == [
        ("1.3", 207, "omschrijving: 'p lant' looks like 'plant'"),
        ("2.5", 563, "omschrijving: 'd aar' looks like 'daar'"),
    ]
    assert ("KD404", "3.1") in codes(found)  # the stray label the parser removed
    assert ("KD405", "2.3") in codes(found)  # the merged columns it split
    for f in found:
        assert f["profiel"] == "Commercieel medewerker binnendienst"
        assert f["bron"] == str(BINNEN)


# ---------------------------------------------------------------- broken variants


def test_removed_detail_block(tmp_path, cli):
    # drop the whole 2.6 detail section of buitendienst (lines 714-757)
    lines = BUITEN.read_text(encoding="utf-8").split("\n")
    assert lines[713].startswith("2.6 werkproces:") and lines[757].startswith(" Kerntaak 2")
    path = tmp_path / "no26.txt"
    path.write_text("\n".join(lines[:712] + lines[757:]), encoding="utf-8")
    r, found = findings(cli, path)
    assert r.code == 1
    errors = [(f["code"], f["werkproces"], f["line"]) for f in found if f["severity"] == "error"]
    assert errors == [("KD103", "2.6", 337)]


def test_added_cross(tmp_path, cli):
    row = "    x            x x        "
    path = variant(
        tmp_path,
        BUITEN,
        {104: ("1.3 Stelt een activiteitenplan op " + row, "1.3 Stelt een activiteitenplan op " + "x " + row[1:])},
    )
    r, found = findings(cli, path)
    assert r.code == 1
    assert [(f["code"], f["werkproces"], f["line"]) for f in found if f["severity"] == "error"] == [
        ("KD101", "1.3", 104)
    ]
    assert "A Beslissen en activiteiten initiëren" in next(f["message"] for f in found if f["code"] == "KD101")


def test_removed_cross(tmp_path, cli):
    path = variant(
        tmp_path, BUITEN, {97: ("         x   x x    x        ", "         x   x     x        ")}
    )  # N's cross gone
    _, found = findings(cli, path)
    assert [(f["code"], f["werkproces"], f["line"]) for f in found if f["severity"] == "error"] == [
        ("KD102", "1.1", 189)
    ]


def test_misspelled_competence(tmp_path, cli):
    path = variant(tmp_path, BUITEN, {179: ("Analyseren", "Analyseeren")})
    r, found = findings(cli, path)
    assert r.code == 1
    [f] = [f for f in found if f["severity"] == "error"]
    assert (f["code"], f["werkproces"], f["line"]) == ("KD202", "1.1", 179)
    assert "did you mean M 'Analyseren'" in f["message"]


def test_unknown_competence_name(tmp_path, cli):
    path = variant(tmp_path, BUITEN, {179: ("Analyseren", "Goed nadenken")})
    _, found = findings(cli, path)
    errors = codes(found, "error")
    assert ("KD202", "1.1") in errors and ("KD101", "1.1") in errors  # M crossed, block unknown


def test_dropped_page(tmp_path, cli):
    # drop the 2.3 continuation page (repeated header to page number, lines 588-606)
    lines = BUITEN.read_text(encoding="utf-8").split("\n")
    path = tmp_path / "nopage.txt"
    path.write_text("\n".join(lines[:587] + lines[606:]), encoding="utf-8")
    _, found = findings(cli, path)
    cut = [f for f in found if f["code"] == "KD308"]
    assert [(f["werkproces"], f["line"]) for f in cut] == [("2.3", 587)]
    assert "prestatie-indicator R stops mid-sentence" in cut[0]["message"]


def test_detail_for_empty_row(tmp_path, cli):
    path = variant(tmp_path, BUITEN, {115: ("    x            x         ", " " * 25)})
    _, found = findings(cli, path)
    assert ("KD104", "1.6") in codes(found, "error")
    assert next(f["line"] for f in found if f["code"] == "KD104") == 272


def test_title_differs(tmp_path, cli):
    path = variant(
        tmp_path,
        BUITEN,
        {
            852: (
                "3.1 werkproces: Signaleert en behandelt klachten",
                "3.1 werkproces: Signaleert en behandelt klachten en wensen",
            )
        },
    )
    _, found = findings(cli, path)
    [f] = [f for f in found if f["code"] == "KD105"]
    assert (f["werkproces"], f["line"], f["severity"]) == ("3.1", 852, "warning")


def test_component_under_wrong_competence(tmp_path, cli):
    path = variant(tmp_path, BUITEN, {255: ("• Tijd indelen", "• Afstemmen")})
    _, found = findings(cli, path)
    [f] = [f for f in found if f["code"] == "KD204"]
    assert (f["werkproces"], f["line"]) == ("1.3", 255)
    assert f["message"] == "component 'Afstemmen' under Q: the dossier lists it under E 2 times, under Q 1 time"


def test_empty_omschrijving(tmp_path, cli):
    lines = BUITEN.read_text(encoding="utf-8").split("\n")
    assert lines[125].startswith("Omschrijving") and lines[130].startswith("informatie, zodat")
    path = tmp_path / "leeg.txt"
    path.write_text("\n".join(lines[:125] + lines[131:]), encoding="utf-8")
    _, found = findings(cli, path)
    assert ("KD301", "1.1") in codes(found, "error")


def test_edited_json_letter_and_soft_hyphen(tmp_path, cli, buiten):
    data = buiten.model_dump(mode="json")
    wp = data["profielen"][0]["kerntaken"][0]["werkprocessen"][0]  # 1.1
    wp["competenties"][1]["letter"] = "N"  # Analyseren is M
    wp["vakkennis_en_vaardigheden"][0]["tekst"] = "Berekeningen/schat-tingen maken"
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _, found = findings(cli, path)
    by_code = {f["code"]: f for f in found}
    assert by_code["KD203"]["message"] == "'Analyseren' is competence M, not N"
    assert by_code["KD203"]["line"] == 179
    assert "schat-tingen" in by_code["KD403"]["message"] and by_code["KD403"]["line"] == 137


def test_duplicate_competence_in_variant(tmp_path, cli):
    # copy buitendienst 3.2's K block once more: now it occurs twice
    lines = BUITEN.read_text(encoding="utf-8").split("\n")
    block = lines[1001:1008]  # "Vakdeskundigheid toepassen" ... indicator
    assert block[0] == "Vakdeskundigheid toepassen"
    path = tmp_path / "dup.txt"
    path.write_text("\n".join([*lines[:1008], "", *block, *lines[1008:]]), encoding="utf-8")
    _, found = findings(cli, path)
    [f] = [f for f in found if f["code"] == "KD201"]
    assert f["werkproces"] == "3.2" and "identical blocks, first at line 1002" in f["message"]


# ---------------------------------------------------------------- interface


def test_select_ignore_strict(cli):
    r, found = findings(cli, BUITEN, "--select", "KD2")
    assert {f["code"] for f in found} == {"KD206"}
    r, found = findings(cli, BINNEN, "--ignore", "KD201,KD4")
    assert r.code == 0 and not any(f["code"].startswith("KD4") or f["code"] == "KD201" for f in found)
    r = cli("validate", BUITEN, "--strict")
    assert r.code == 1  # a warning fails with --strict
    r = cli("validate", BUITEN, "--strict", "--ignore", "KD206")
    assert r.code == 0
    r = cli("validate", BUITEN, "--select", "KD999")
    assert r.code == 2 and "unknown rule 'KD999'" in r.err


def test_github_format(cli):
    r = cli("validate", BINNEN, "--format", "github")
    assert r.code == 1
    lines = r.out.splitlines()
    assert (
        f"::error file={BINNEN},line=1059,title=KD201::Commercieel medewerker binnendienst 3.3: J Formuleren en rapporteren occurs twice (identical blocks, first at line 1049)"
        in lines
    )
    assert any(l.startswith("::warning ") and "line=207" in l for l in lines)
    assert all(l.startswith(("::error ", "::warning ", "::notice ")) for l in lines)


def test_junit_format(cli):
    import xml.etree.ElementTree as ET

    r = cli("validate", BINNEN, "--format", "junit")
    root = ET.fromstring(r.out)
    assert root.tag == "testsuite" and root.get("failures") == "1"
    failed = [tc.get("name") for tc in root if tc.find("failure") is not None]
    assert failed == ["KD201 dubbele-competentie"]


def test_text_format_grouped(cli):
    r = cli("validate", BINNEN)
    assert r.code == 1
    assert "Commercieel medewerker binnendienst › 3.3" in r.out
    assert "findings in 1 profiel(en): 1 error" in r.out


def test_default_is_bundled_data(cli):
    r = cli("validate", "--json")
    data = json.loads(r.out)
    assert data["summary"]["profielen"] == 2 and data["summary"]["error"] == 1


def test_rules_listing_and_docs(cli):
    r = cli("rules", "--json")
    rules = json.loads(r.out)
    assert [x["code"] for x in rules] == sorted(x["code"] for x in rules)
    assert len(rules) == len(RULES) >= 20
    for x in rules:
        assert x["severity"] in SEVERITIES and x["summary"] and len(x["docs"]) > 30, x["code"]
    r = cli("rules", "KD201")
    assert r.code == 0 and "dubbele-competentie" in r.out and "(error)" in r.out
    r = cli("rules", "KD2011")
    assert r.code == 2 and "no rule" in r.err
