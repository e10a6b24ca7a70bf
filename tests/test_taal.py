"""Language: the choice (--taal, KWALDOSSIER_TAAL, the locale), the Dutch catalogue (complete,
compiled into the wheel by the install, never committed), Dutch and English output with the same
JSON and exit codes, help and usage errors in either language."""

from __future__ import annotations

import io
import json
import os
import re
import string
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT))
import hatch_build

from kwaldossier import taal


def _env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("KWALDOSSIER_TAAL", *taal.LOCALE_VARS)}
    return {**env, "PYTHONPATH": os.pathsep.join(sys.path), **extra}


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kwaldossier", *args], capture_output=True, text=True, env=_env(**env))


# ---------------------------------------------------------------- the choice


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "nl_BE.utf8"}, "nl"),
        ({"LC_ALL": "nl"}, "nl"),
        ({"LC_MESSAGES": "nl_NL@euro"}, "nl"),
        ({"LANGUAGE": "nl:en", "LANG": "en_US.UTF-8"}, "nl"),  # LANGUAGE first, as gettext reads them
        ({"LANGUAGE": "de:nl"}, "nl"),  # a list: the first language we speak
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),  # LC_ALL before LANG
        ({"LANGUAGE": "", "LANG": "nl_NL.UTF-8"}, "nl"),  # an empty variable does not count
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, None),  # not ours: English by default
        ({}, None),
    ],
)
def test_locale_as_gettext_reads_it(environ, expected):
    assert taal.uit_locale(environ) == expected


def test_order_of_the_choice():
    nl_locale = {"LANG": "nl_NL.UTF-8"}
    assert taal.kies([], nl_locale) == "nl"
    assert taal.kies([], {**nl_locale, "KWALDOSSIER_TAAL": "en"}) == "en"  # the variable beats the locale
    assert taal.kies(["--taal", "nl"], {"KWALDOSSIER_TAAL": "en"}) == "nl"  # the option beats both
    assert taal.kies(["--taal=en"], nl_locale) == "en"
    assert taal.kies(["show", "--", "--taal", "en"], nl_locale) == "nl"  # after --, a value
    assert taal.kies([], {"KWALDOSSIER_TAAL": "fr", "LANG": "nl_NL"}) == "nl"  # a language we lack: ignored
    assert taal.kies([], {"LANG": "de_DE.UTF-8"}) == "en"
    assert taal.kies([], {}) == "en"


def test_taal_anywhere_on_the_line_and_checked():
    for args in (
        ["--taal", "nl", "rules", "KD201"],
        ["rules", "KD201", "--taal", "nl"],
        ["rules", "--taal=nl", "KD201"],
    ):
        p = _run(*args)
        assert p.returncode == 0 and "(fout)" in p.stdout, (args, p.stderr)
    p = _run("rules", "--taal", "de")
    assert p.returncode == 2 and p.stdout == ""
    assert (
        p.stderr
        == "kwaldossier: error: Invalid value for --taal: 'de' is not one of 'nl', 'en'. (see 'kwaldossier -h')\n"
    )
    p = _run("show", "2.5", "--taal")
    assert p.returncode == 2 and "--taal" in p.stderr and p.stderr.count("\n") == 1


# ---------------------------------------------------------------- the catalogue


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


def test_every_string_of_the_code_has_a_dutch_translation():
    pot, po = hatch_build.extract(), hatch_build.read_po()
    ids = [m.id for m in pot if m.id]
    assert len(ids) > 150  # the extraction found the strings (help, messages, tables, reports)
    assert "no change at or above {grade}" in ids and "Examples:" in ids and "Show this message and exit." in ids
    assert hatch_build.untranslated(pot, po) == []
    for msg in po:  # a translation keeps the placeholders its English has (else .format fails)
        if not msg.id:
            continue
        pairs = zip(msg.id, msg.string, strict=True) if isinstance(msg.id, tuple) else [(msg.id, msg.string)]
        for english, dutch in pairs:
            assert _fields(english) == _fields(dutch), (english, dutch)


def test_the_catalogue_is_built_not_committed():
    assert hatch_build.PO.is_file()
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(
        ["git", "ls-files", "--", "*.mo", "*.po"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    assert tracked == ["src/kwaldossier/locale/nl/LC_MESSAGES/kwaldossier.po"]
    ignored = subprocess.run(["git", "check-ignore", "-q", str(taal.mo_pad())], cwd=ROOT)
    assert ignored.returncode == 0


def test_the_wheel_carries_the_compiled_catalogue(tmp_path):
    """What `pip install .` builds: the hook (hatch_build.py) compiles the .po into the wheel."""
    import gettext

    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert p.returncode == 0, p.stderr[-2000:]
    (wheel,) = tmp_path.glob("kwaldossier-*.whl")
    with zipfile.ZipFile(wheel) as z:
        mo = z.read(hatch_build.MO_IN_WHEEL)
    cat = gettext.GNUTranslations(io.BytesIO(mo))
    assert cat.gettext("identical") == "identiek"
    assert cat.ngettext("{n} hit", "{n} hits", 2) == "{n} treffers"
    assert not list(ROOT.glob("build")) or not any((ROOT / "build").rglob("*.mo"))  # nothing left in the tree


def test_the_package_in_use_has_its_catalogue_and_english_needs_none():
    assert taal.mo_pad().is_file()  # installed: from the wheel; from the checkout: conftest built it
    code = (
        "import sys\nsys.argv=['kwaldossier','show','2.5']\nfrom kwaldossier.cli import main\n"
        "try: main()\nexcept SystemExit: pass\nfrom kwaldossier import taal\n"
        "print(taal.huidige(), taal._state['catalogus'] is None, file=sys.stderr)"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env())
    assert p.stderr.split()[-2:] == ["en", "True"]  # English: the catalogue is never read
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(LANG="nl_NL.UTF-8"))
    assert p.stderr.split()[-2:] == ["nl", "False"]


# ---------------------------------------------------------------- Dutch and English output


ENGLISH = [
    "shared",
    "only A",
    "identical",
    "Overlap per werkproces (sorted by similarity)",
    "Changes per impact grade",
    "similar,",
    "Profile overlap",
]
DUTCH = [
    "gedeeld",
    "alleen A",
    "identiek",
    "Overlap per werkproces (gesorteerd op overeenkomst)",
    "Wijzigingen per impact",
    "overeenkomst,",
    "Overlap van het profiel",
]


def test_diff_in_dutch_by_the_locale_and_in_english():
    nl = _run("diff", "binnendienst", "buitendienst", LANG="nl_NL.UTF-8")
    en = _run("diff", "binnendienst", "buitendienst")
    assert nl.returncode == en.returncode == 1
    for word in DUTCH:
        assert word in nl.stdout, word
    for word in ENGLISH:
        assert word in en.stdout and word not in nl.stdout, word
    assert "Rolnamen genormaliseerd" in nl.stdout and "Role names normalised" in en.stdout
    # the dossier's own texts and the domain's words are the same in both
    for line in ("+ competentie Y Bedrijfsmatig handelen  (structureel)", "~ gewenst resultaat: "):
        assert line in nl.stdout and line in en.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["diff", "binnendienst", "buitendienst", "--json"],
        ["list", "--json"],
        ["show", "2.5", "--json"],
        ["matrix", "--json"],
        ["search", "offerte", "--json"],
        ["validate", "--json"],
        ["rules", "--json"],
        ["competentie", "Z"],
        ["show", "9.9"],
    ],
)
def test_json_and_exit_codes_do_not_change_with_the_language(args):
    en, nl = _run(*args), _run(*args, "--taal", "nl")
    assert en.returncode == nl.returncode
    if "--json" in args:
        assert json.loads(en.stdout) == json.loads(nl.stdout)
    else:
        assert en.stderr.startswith("kwaldossier: error: ") and nl.stderr.startswith("kwaldossier: error: ")


def test_reports_follow_the_language(cli):
    for fmt, en_mark, nl_mark in (
        ("markdown", "# Differences: ", "# Verschillen: "),
        ("html", '<html lang="en">', '<html lang="nl">'),
    ):
        en = cli("diff", "binnendienst", "buitendienst", "-f", fmt).out
        nl = cli("diff", "binnendienst", "buitendienst", "-f", fmt, "--taal", "nl").out
        assert en_mark in en and nl_mark in nl and nl_mark not in en
    en = cli("diff", "binnendienst", "buitendienst", "-f", "csv").out
    nl = cli("diff", "binnendienst", "buitendienst", "-f", "csv", "--taal", "nl").out
    assert (
        en.splitlines()[0]
        == "\ufeffkerntaak;werkproces;title;field;old (Commercieel medewerker binnendienst);new (Commercieel medewerker buitendienst);impact"
    )
    assert nl.splitlines()[0].startswith("\ufeffkerntaak;werkproces;titel;veld;oud (")
    assert en.splitlines()[1:] == nl.splitlines()[1:]  # the rows are the dossiers' texts


def test_help_in_dutch(cli):
    r = cli("--taal", "nl", "diff", "-h")
    assert r.code == 0
    assert r.out.startswith("Gebruik: kwaldossier diff [OPTIES] A B\n")
    for word in (
        "Argumenten:",
        "Opties:",
        "Voorbeelden:",
        "[standaard: text]",
        "[verplicht]",
        "Toon deze hulp en stop.",
    ):
        assert word in r.out, word
    r = cli("--taal", "nl", "-h")
    assert "Opdrachten:" in r.out and "Gebruik: kwaldossier [OPTIES] OPDRACHT [ARGUMENTEN]..." in r.out
    assert "Een BESTAND mag - zijn" in r.out
    r = cli("--taal", "nl", "competentie")
    assert r.err == "kwaldossier: error: Argument SPEC ontbreekt. (zie 'kwaldossier competentie -h')\n"


# ---------------------------------------------------------------- usage lines and errors

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
    "completion",
    "cache info",
    "export case",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_usage_names_arguments_in_capitals_without_braces(cli, command):
    r = cli(*command.split(), "-h")
    usage = r.out.splitlines()[0]
    assert usage.startswith(f"Usage: kwaldossier {command} [OPTIONS]") and "{" not in usage and "}" not in usage
    args = re.findall(r"\[?([A-Z]+)(?:\.\.\.)?\]?", usage.split("[OPTIONS]", 1)[1])
    section = r.out.split("Arguments:\n", 1)[1].split("\n\n", 1)[0] if "Arguments:" in r.out else ""
    for name in args:  # the Arguments section names them as the usage line does
        assert re.search(rf"^  {name}(\.\.\.)?  ", section, re.M), (name, section)


def test_errors_name_a_parameter_as_the_user_knows_it(cli):
    assert cli("competentie").err.startswith("kwaldossier: error: Missing argument SPEC. ")
    assert cli("diff", "binnendienst").err.startswith("kwaldossier: error: Missing argument B. ")
    assert cli("diff", "a", "b", "-f", "x").err.startswith(
        "kwaldossier: error: Invalid value for -f: 'x' is not one of "
    )
    assert cli("diff", "a", "b", "--format=x").err.startswith("kwaldossier: error: Invalid value for --format: ")
    r = cli("completion")
    assert (
        r.err
        == "kwaldossier: error: Missing argument SHELL. Choose from: bash, zsh, fish, powershell. (see 'kwaldossier completion -h')\n"
    )
    assert "Did you mean 'show'?" in cli("shw").err


def test_search_help_lists_its_fields(cli):
    from kwaldossier.analyse.query import FIELDS

    text = " ".join(cli("search", "-h").out.split())
    for field in FIELDS:
        assert re.search(rf"\b{field}\b", text), field


# ---------------------------------------------------------------- wording that says what is true


def test_min_impact_hidden_changes_are_not_identical(cli):
    r = cli("diff", "binnendienst", "buitendienst", "--min-impact", "structureel", "--summary")
    row = next(line for line in r.out.splitlines() if "no change at or above structureel" in line)
    assert "2.2" in row and "2.6" in row  # their changes are all inhoudelijk or less
    assert "identical" not in r.out
    r = cli("diff", "binnendienst", "buitendienst", "--min-impact", "structureel", "--summary", "--taal", "nl")
    assert "geen wijziging vanaf structureel" in r.out and "identiek" not in r.out
    assert "identical" in cli("diff", "binnendienst", "buitendienst", "--summary").out


def _overlap_rows(out: str) -> list[list[str]]:
    part = out.split("Overlap per werkproces")[1].split("Profile overlap")[0]
    return [line.split() for line in part.splitlines() if re.match(r"^\s+\d\.\d", line)]


def test_only_hides_columns_and_says_so(cli):
    rows = _overlap_rows(cli("diff", "binnendienst", "buitendienst", "--only", "competenties", "--summary").out)
    assert rows and all(r[-2] == "hidden" for r in rows) and "+K" in [r[2] for r in rows]
    rows = _overlap_rows(cli("diff", "binnendienst", "buitendienst", "--only", "vakkennis", "--summary").out)
    assert rows and all(r[2] == "hidden" and r[3].startswith("+") for r in rows)
    rows = _overlap_rows(cli("diff", "binnendienst", "buitendienst", "--only", "teksten", "--summary").out)
    assert rows and all(r[2] == r[3] == "hidden" for r in rows)
    rows = _overlap_rows(cli("diff", "binnendienst", "buitendienst", "--summary").out)
    assert "hidden" not in {c for r in rows for c in r}


@pytest.mark.shared
def test_2015_diff_has_no_vakkennis_column_per_werkproces(cli):
    from conftest import SBB_XML

    out = cli("diff", "Persoonlijk begeleider gehandicaptenzorg", "Thuisbegeleider", "--data", SBB_XML, "--summary").out
    header = next(line.split() for line in out.splitlines() if line.split()[:2] == ["werkproces", "similarity"])
    assert header == ["werkproces", "similarity", "competenties", "impact"]
    out = cli("diff", "binnendienst", "buitendienst", "--summary").out
    header = next(line.split() for line in out.splitlines() if line.split()[:2] == ["werkproces", "similarity"])
    assert header == ["werkproces", "similarity", "competenties", "vakkennis", "impact"]


def test_a_tree_without_its_catalogue_speaks_english(tmp_path):
    """A source tree never built (no .mo): Dutch asked, English shown, nothing fails."""
    code = (
        "import sys\nfrom pathlib import Path\nfrom kwaldossier import taal\n"
        f"taal.LOCALE = Path({str(tmp_path)!r})\ntaal.zet('nl')\nprint(taal._('identical'))"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env())
    assert p.returncode == 0 and p.stdout == "identical\n", p.stderr
