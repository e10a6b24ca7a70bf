"""Error messages in Dutch: real failing commands, run in-process with --taal nl, give one line on
stderr in Dutch (the `kwaldossier: error:` prefix stays, scripts look for it) and exit 2; in
English the same lines as before. The Dutch here is written by hand, not read from the catalogue.

And scans of the source: every message given as a literal to the error classes is marked for
the catalogue (`_()`), apart from an explicit list of files still to do; every finding
message (a Violation subclass's `message()`) is worded through it and translated."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

BAD_JSON = '{\n"a": 1,\n}'


@pytest.fixture
def files(tmp_path):
    (tmp_path / "leeg.txt").write_bytes(b"")
    (tmp_path / "binair.txt").write_bytes(b"ab\x00cd\n")
    (tmp_path / "kapot.json").write_text(BAD_JSON, encoding="utf-8")
    (tmp_path / "los.json").write_text('{"x": 1}', encoding="utf-8")
    (tmp_path / "lijst.json").write_text("[1]", encoding="utf-8")
    (tmp_path / "geen.txt").write_text("hallo wereld\ndit is geen dossier\n", encoding="utf-8")
    (tmp_path / "map").mkdir()
    return tmp_path


def _show(d: Path, name: str, nl: str, en: str) -> tuple[tuple[str, ...], dict[str, str], str, str]:
    """`show 2.5 --profiel` of file `name` in `d`: the error lines start with the file's path."""
    return ("show", "2.5", "--profiel", str(d / name)), {}, f"{d / name}{nl}", f"{d / name}{en}"


def _cases(d: Path) -> list[tuple[tuple[str, ...], dict[str, str], str, str]]:
    """(arguments, environment, Dutch line, English line)."""
    return [
        _show(d, "x.txt", ": bestand bestaat niet", ": no such file"),
        _show(d, "map", ": is een map, verwacht een bestand", ": is a directory, expected a file"),
        _show(d, "leeg.txt", ": leeg bestand", ": empty file"),
        _show(
            d,
            "binair.txt",
            ": binair bestand (bevat NUL-bytes), verwacht dossiertekst",
            ": binary file (contains NUL bytes), expected dossier text",
        ),
        _show(
            d,
            "kapot.json",
            ":3: geen geldige JSON: Expecting property name enclosed in double quotes (kolom 1)",
            ":3: not valid JSON: Expecting property name enclosed in double quotes (column 1)",
        ),
        _show(
            d,
            "los.json",
            ": geen geparst dossier: geen schema_version (schrijf het met `kwaldossier parse --json`)",
            ": not a parsed dossier: no schema_version (write it with `kwaldossier parse --json`)",
        ),
        _show(
            d,
            "lijst.json",
            ": geen geparst dossier: verwacht een JSON-object, maar het is een lijst",
            ": not a parsed dossier: expected a JSON object, got a list",
        ),
        (
            ("parse", str(d / "geen.txt"), "--out", str(d / "uit"), "--jobs", "-1"),
            {},
            "Ongeldige waarde voor --jobs: -1: verwacht 0 (alle kernen) of een positief aantal processen"
            " (zie 'kwaldossier parse -h')",
            "Invalid value for --jobs: -1: expected 0 (all cores) or a positive number of workers"
            " (see 'kwaldossier parse -h')",
        ),
        (
            ("show", "2.5", "--profiel", str(d / "geen.txt")),
            {"KWALDOSSIER_MAX_INPUT_MB": "veel"},
            "KWALDOSSIER_MAX_INPUT_MB='veel': verwacht een positief getal",
            "KWALDOSSIER_MAX_INPUT_MB='veel': expected a positive number",
        ),
        (
            ("validate", "--select", "KD999"),
            {},
            "onbekende regel 'KD999'; zie 'kwaldossier rules'",
            "unknown rule 'KD999'; see 'kwaldossier rules'",
        ),
        (
            ("diff", "binnendienst", "buitendienst", "--kerntaak", "9"),
            {},
            "--kerntaak '9': geen van beide profielen heeft deze kerntaak; mogelijk: 1, 2, 3",
            "--kerntaak '9': no such kerntaak in either profile; allowed: 1, 2, 3",
        ),
        (
            ("diff", "binnendienst", "buitendienst", "--kerntaak", "1", "--werkproces", "2.5"),
            {},
            "--werkproces '2.5': kerntaak 1 heeft dit werkproces niet; mogelijk: 1.1, 1.2, 1.3, 1.4, 1.5, 1.6",
            "--werkproces '2.5': no such werkproces in kerntaak 1; allowed: 1.1, 1.2, 1.3, 1.4, 1.5, 1.6",
        ),
        (
            ("diff", "binnendienst", "buitendienst", "-w", "9.9"),
            {},
            "--werkproces '9.9': geen van beide profielen heeft dit werkproces; mogelijk: 1.1, 1.2, 1.3, 1.4,"
            " 1.5, 1.6, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9, 3.1, 3.2, 3.3, 3.4",
            "--werkproces '9.9': no such werkproces in either profile; allowed: 1.1, 1.2, 1.3, 1.4,"
            " 1.5, 1.6, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9, 3.1, 3.2, 3.3, 3.4",
        ),
        _show(
            d,
            "geen.txt",
            ": geen kwalificatiedossier: geen profiel met werkprocessen gevonden",
            ": not a kwalificatiedossier: no profiel with werkprocessen found",
        ),
    ]


CASES = range(len(_cases(Path("."))))  # by index: the paths come from tmp_path


@pytest.mark.parametrize("i", CASES)
def test_the_error_in_dutch(cli, files, i):
    args, env, nl, _en = _cases(files)[i]
    r = cli("--taal", "nl", *args, env=env)
    assert (r.code, r.out, r.err) == (2, "", f"kwaldossier: error: {nl}\n")


@pytest.mark.parametrize("i", CASES)
def test_the_error_in_english_as_before(cli, files, i):
    args, env, _nl, en = _cases(files)[i]
    r = cli("--taal", "en", *args, env=env)
    assert (r.code, r.out, r.err) == (2, "", f"kwaldossier: error: {en}\n")


def test_dutch_by_the_locale_too(cli, files):
    r = cli("show", "2.5", "--profiel", str(files / "leeg.txt"), env={"LANGUAGE": "nl", "KWALDOSSIER_TAAL": ""})
    assert r.err == f"kwaldossier: error: {files / 'leeg.txt'}: leeg bestand\n" and r.code == 2


def test_a_collection_names_the_dossier_in_dutch(cli, tmp_path):
    from kwaldossier.model import SCHEMA_VERSION

    p = tmp_path / "twee.json"
    p.write_text(f'{{"schema_version": {SCHEMA_VERSION!r}, "dossiers": [[]]}}'.replace("'", '"'), encoding="utf-8")
    r = cli("--taal", "nl", "show", "2.5", "--profiel", str(p))
    assert r.code == 2
    assert r.err == (f"kwaldossier: error: {p}: geen geparste verzameling: dossiers: verwacht een lijst van objecten\n")


def test_a_batch_reports_in_dutch(cli, files):
    r = cli("--taal", "nl", "parse", str(files / "geen.txt"), str(files / "leeg.txt"), "--out", str(files / "uit"))
    assert r.code == 2
    assert r.err.splitlines() == [
        f"kwaldossier: error: {files / 'geen.txt'}: geen kwalificatiedossier: geen profiel met werkprocessen gevonden",
        f"kwaldossier: error: {files / 'leeg.txt'}: leeg bestand",
        f"0 van 2 bestanden geparst naar {files / 'uit'}; 2 mislukt",
    ]


# ---------------------------------------------------------------- every message marked

SRC = ROOT / "src" / "kwaldossier"
# the error classes, and the helpers that build one, with the position of their message argument
MESSAGE_ARG = {
    "InputError": 2,
    "LimitExceeded": 2,
    "OutputError": 1,
    "LookupFailed": 0,
    "UsageError": 0,
    "Interrupted": 0,
    "BadParameter": 0,
    "fail": 1,  # read/sbbxml XmlBestand.fail(el, message), read/sbbpdf State.fail(no, message)
    "_page_fail": 2,  # read/sbbpdf/invarianten.py
    "_Refused": 1,  # read/sbbxml/xmlbron.py
    "_Bad": 0,  # read/jsoncheck.py
}
ERRORS = set(MESSAGE_ARG)

# Files whose messages are not translated yet: shrink this set, never grow it.
STILL_ENGLISH: set[str] = set()


def _name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _plain_text(node: ast.expr) -> bool:
    """A message that is plain English in the code: a literal, an f-string, or either joined with +."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _plain_text(node.left) or _plain_text(node.right)
    return False


def _unmarked(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or _name(node.func) not in ERRORS:
            continue
        name = _name(node.func)
        i = MESSAGE_ARG[name or ""]
        message = (
            node.args[i] if len(node.args) > i else next((k.value for k in node.keywords if k.arg == "message"), None)
        )
        if message is not None and _plain_text(message):
            out.append(f"{path.relative_to(SRC)}:{node.lineno}: {name}({ast.unparse(message)[:60]})")
    return out


def test_every_error_message_is_marked_for_the_catalogue():
    files = sorted(SRC.rglob("*.py"))
    unmarked = [u for f in files if str(f.relative_to(SRC)) not in STILL_ENGLISH for u in _unmarked(f)]
    assert unmarked == []


def test_the_list_of_files_still_in_english_is_current():
    for name in STILL_ENGLISH:
        assert (SRC / name).is_file(), name
        assert _unmarked(SRC / name), f"{name} is translated: take it off STILL_ENGLISH"


# ---------------------------------------------------------------- every finding message marked

# Violation subclasses whose message() still returns plain English: keep it empty.
MESSAGES_STILL_ENGLISH: set[str] = set()


def _plain_wording(node: ast.expr) -> bool:
    """A returned message worded in plain English: a literal or f-string, joined with + or %, a
    method of one ("...".format(...), ", ".join(...)), or a branch of `a if c else b` that is."""
    if _plain_text(node):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _plain_text(node.left)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _plain_wording(node.func.value)
    if isinstance(node, ast.IfExp):
        return _plain_wording(node.body) or _plain_wording(node.orelse)
    return False


def _message_methods(trees: dict[str, ast.Module]) -> list[tuple[str, ast.FunctionDef]]:
    """("file:Class", message method) of every subclass of Violation, directly or not."""
    classes = [(name, c) for name, tree in trees.items() for c in ast.walk(tree) if isinstance(c, ast.ClassDef)]
    violations = {"Violation"}
    while True:
        more = {c.name for _n, c in classes if any(_name(b) in violations for b in c.bases)} - violations
        if not more:
            break
        violations |= more
    return [
        (f"{name}:{c.name}", m)
        for name, c in classes
        if c.name in violations - {"Violation"}
        for m in c.body
        if isinstance(m, ast.FunctionDef) and m.name == "message"
    ]


def _english_messages(trees: dict[str, ast.Module]) -> list[str]:
    out = []
    for where, method in _message_methods(trees):
        for node in ast.walk(method):
            if isinstance(node, ast.Return) and node.value is not None and _plain_wording(node.value):
                out.append(f"{where}:{node.lineno}: return {ast.unparse(node.value)[:60]}")
    return out


def _where(found: str) -> str:
    """'file:Class' of a line of _english_messages."""
    return ":".join(found.split(":", 2)[:2])


def _trees() -> dict[str, ast.Module]:
    return {str(f.relative_to(SRC)): ast.parse(f.read_text(encoding="utf-8")) for f in sorted(SRC.rglob("*.py"))}


def test_every_finding_message_is_worded_through_the_catalogue():
    trees = _trees()
    assert len(_message_methods(trees)) >= 41  # the scan sees the rules' violations
    english = [e for e in _english_messages(trees) if _where(e) not in MESSAGES_STILL_ENGLISH]
    assert english == []


def test_the_scan_catches_a_message_in_plain_english():
    code = """
class Leeg(Violation):
    def message(self):
        return f"{self.label} is empty"
class Kort(Leeg):
    def message(self):
        return "no competences" if self.x else _("competence column is empty")
class Opgemaakt(Violation):
    def message(self):
        return "{n} times".format(n=self.n)
class Goed(Violation):
    def message(self):
        zin = _("{n} times") if self.n else _("never")
        return zin.format(n=self.n)
class Geen:
    def message(self):
        return "not a violation"
"""
    found = _english_messages({"x.py": ast.parse(code)})
    assert [f.split(":")[1] for f in found] == ["Leeg", "Kort", "Opgemaakt"]


def test_the_list_of_messages_still_in_english_is_current():
    english = {_where(e) for e in _english_messages(_trees())}
    assert not MESSAGES_STILL_ENGLISH - english


def _msgids(tree: ast.Module) -> list[str]:
    """The literal msgids of a module: _("..."), N_("...") and both of ngettext("...", "...", n)."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in ("_", "N_", "ngettext"):
            n = 2 if _name(node.func) == "ngettext" else 1
            out += [a.value for a in node.args[:n] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return out


def test_every_finding_message_has_a_dutch_translation():
    """Each msgid of the modules that word findings (the Violation subclasses' modules) has a
    Dutch msgstr, not empty, not fuzzy, with the same placeholders."""
    import re

    import hatch_build

    trees = _trees()
    modules = {where.split(":")[0] for where, _m in _message_methods(trees)}
    msgids = [m for name in sorted(modules) for m in _msgids(trees[name])]
    assert len(msgids) >= 50
    po = hatch_build.read_po()
    plurals = {m.id[1]: m for m in po if isinstance(m.id, tuple)}
    wrong = []
    for msgid in msgids:
        m = po.get(msgid) or plurals.get(msgid)
        strings = [] if m is None else list(m.string) if isinstance(m.string, (tuple, list)) else [m.string]
        if m is None or m.fuzzy or not strings or not all(strings):
            wrong.append(f"untranslated: {msgid!r}")
            continue
        names = set(re.findall(r"{(\w+)}", msgid))
        wrong += [f"{msgid!r} -> {s!r}" for s in strings if set(re.findall(r"{(\w+)}", s)) != names]
    assert wrong == []
