"""Emitters over one validate report: rich text, JSON, GitHub annotations, JUnit XML; and the
rules listing. Each takes the typed report (validate/report.py) and nothing else. A finding's
message: the text table and GitHub annotations (read by people) show `Finding.tekst`, in the
language of the run; JSON and JUnit XML (read by programs) carry `Finding.message`, English."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from ..validate.registry import Finding, Rule
    from ..validate.report import ValidateReport

from ..taal import N_, _, ngettext

_SEV_STYLE = {"error": "bold red", "warning": "yellow", "info": "blue"}
# how a severity reads in the text table (JSON, github and junit keep the codes)
SEVERITY = {"error": N_("error"), "warning": N_("warning"), "info": N_("info"), "retired": N_("retired")}


# ---------------------------------------------------------------- text


def render_findings(report: ValidateReport) -> None:
    """Per dossier, in the order given: its header (titel, crebo, model, ...) and files, then a
    table per profile and werkproces, or a line saying it has no findings."""
    from rich.text import Text

    from .console import console
    from .terminal import dossier_kop
    from .zetwerk import hangend

    c = console()
    per_dossier: list[list[Finding]] = [[] for _d in report.dossiers]
    plek = {p: i for i, d in enumerate(report.dossiers) for p in d["profielen"]}
    los: list[Finding] = []  # a finding of no profile given (none today): after the dossiers
    for f in report.findings:
        i = plek.get(f.profiel or "")
        (los if i is None else per_dossier[i]).append(f)
    for i, (d, items) in enumerate(zip(report.dossiers, per_dossier, strict=True)):
        if i:
            c.print()
        c.print(hangend(c, "", dossier_kop(d)))
        if d["bronnen"]:
            c.print(hangend(c, "", Text(", ".join(d["bronnen"]), style="dim")))
        if items:
            _tabellen(c, items)
        else:
            c.print(hangend(c, "", Text(_("no findings"), style="green")))
    if los:
        _tabellen(c, los)
    s = report.summary
    parts = [
        ngettext("{n} error", "{n} errors", s.error).format(n=s.error),
        ngettext("{n} warning", "{n} warnings", s.warning).format(n=s.warning),
        ngettext("{n} info", "{n} infos", s.info).format(n=s.info),
    ]
    style = "bold red" if s.error else ("yellow" if s.warning else "bold green")
    n = len(report.findings)
    line = ngettext("{n} finding in {p} profiel(en): {summary}", "{n} findings in {p} profiel(en): {summary}", n)
    c.print(hangend(c, "", Text(line.format(n=n, p=s.profielen, summary=", ".join(parts)), style=style)))


def _tabellen(c: Console, findings: list[Finding]) -> None:
    from rich.text import Text

    from .console import _table

    groups: dict[tuple[str | None, str | None], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.profiel, f.werkproces), []).append(f)
    for (profiel, wp), items in groups.items():
        t = _table(c, title=f"{profiel} › {wp or 'profiel'}", title_justify="left", show_header=True)
        t.add_column(_("page:line") if any(f.page for f in items) else _("line"), justify="right", no_wrap=True)
        t.add_column("code", no_wrap=True)
        t.add_column(_("severity"), no_wrap=True)
        t.add_column(_("message"))
        for f in items:
            where = f"{f.page}:{f.line}" if f.page else str(f.line or "")
            t.add_row(where, f.code, Text(_(SEVERITY[f.severity]), style=_SEV_STYLE[f.severity]), Text(f.tekst))
        c.print(t)


# ---------------------------------------------------------------- json


def findings_json(report: ValidateReport) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- GitHub Actions


def escape_data(text: str) -> str:
    """GitHub workflow-command escaping of a message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """GitHub workflow-command escaping of a property value (file, title, ...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def github_annotations(report: ValidateReport) -> str:
    """One `::error file=...,line=...,title=...::message` per finding.

    file and line point into the file whose lines the finding counts (`regelbestand`): the
    text or PDF that was validated, or for parsed JSON the original source the dossier names
    when that exists relative to the working directory. Without such a file the annotation
    has no file or line (never a line of a JSON file, never a path inside the package); the
    line number then goes into the message. A PDF has pages, not lines: its page goes into the
    message too. People read them in a pull request: the message is in the language of the run
    (`Finding.tekst`); file, line and title stay as they are."""
    out = []
    for f in report.findings:
        props = []
        where = f"{f.profiel}" + (f" {f.werkproces}" if f.werkproces else "")
        if f.regelbestand:
            props.append(f"file={escape_property(f.regelbestand)}")
            if f.line and not f.page:
                props.append(f"line={f.line}")
        elif f.line and not f.page:
            where += " " + _("(line {line})").format(line=f.line)
        if f.page:
            where += " " + _("(page {page})").format(page=f.page)
        props.append(f"title={escape_property(f.code)}")
        out.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{escape_data(where + ': ' + f.tekst)}")
    return "\n".join(out)


# ---------------------------------------------------------------- JUnit XML

# characters XML 1.0 does not allow (C0 controls except tab/LF/CR, surrogates, U+FFFE/FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def junit_xml(report: ValidateReport, strict: bool = False) -> str:
    """JUnit XML: one test case per profile and rule that applies to its dossier model; findings
    of error severity (with strict: warnings too, as the exit code) fail it, the others go into
    its system-out. Built with ElementTree; characters XML 1.0 cannot carry become U+FFFD."""
    import xml.etree.ElementTree as ET

    from ..validate.registry import RULES

    rules = [RULES[c] for c in report.rules if c in RULES]
    profielen = report.profielnamen or sorted({f.profiel or "" for f in report.findings}) or ["dossier"]
    by_key: dict[tuple[str | None, str], list[Finding]] = {}
    for f in report.findings:
        by_key.setdefault((f.profiel, f.code), []).append(f)
    suite = ET.Element("testsuite", name="kwaldossier validate")
    failures = 0
    failing = ("error", "warning") if strict else ("error",)
    for p in profielen:
        model = report.modellen.get(p)
        for r in rules:
            if model is not None and not r.applies_to(model):
                continue  # never ran on this profile
            case = ET.SubElement(suite, "testcase", classname=_xml_text(p), name=_xml_text(f"{r.code} {r.name}"))
            mine = by_key.get((p, r.code), [])
            if mine and r.severity in failing:
                failures += 1
                failure = ET.SubElement(case, "failure", message=_xml_text(r.summary), type=r.code)  # English
                failure.text = _xml_text("\n".join(_junit_line(f) for f in mine))
            elif mine:
                out = ET.SubElement(case, "system-out")
                out.text = _xml_text("\n".join(_junit_line(f) for f in mine))
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    ET.indent(suite, space="")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode")


def _junit_line(f: Finding) -> str:  # a machine format: English, as the JSON
    where = f"{f.werkproces} " if f.werkproces else ""
    return f"{where}line {f.line}: {f.message}"


# ---------------------------------------------------------------- rules


def rules_json(rules: list[Rule]) -> str:
    from dataclasses import asdict

    from ..validate.report import rule_infos

    return json.dumps([asdict(r) for r in rule_infos(rules)], ensure_ascii=False, indent=2) + "\n"


def render_rules(rules: list[Rule], one: bool = False) -> None:
    from rich.text import Text

    from .console import _table, console
    from .zetwerk import hangend

    c = console()
    if one:
        r = rules[0]
        c.print(
            Text(f"{r.code} {r.name}", style="bold")
            + Text(f"  ({_(SEVERITY[r.severity])})", style=_SEV_STYLE[r.severity])
        )
        c.print(hangend(c, "", _(r.summary)))  # rules --json keeps the English
        c.print(Text(_("Dossier model(s): {modellen}").format(modellen=", ".join(r.modellen)), style="dim"))
        for kind, text in _doc_blocks(r.docs):
            c.print()
            if kind == "code":
                c.print(Text(text, style="cyan"), soft_wrap=True)  # examples are never re-wrapped
            else:
                c.print(hangend(c, "", text))
        return
    t = _table(c)
    t.add_column("code", no_wrap=True)
    t.add_column(_("name"), no_wrap=True)
    t.add_column(_("severity"), no_wrap=True)
    t.add_column(_("what it finds"))
    for r in rules:
        t.add_row(r.code, r.name, Text(_(SEVERITY[r.severity]), style=_SEV_STYLE[r.severity]), _(r.summary))
    c.print(t)


def render_retired(code: str, why: str) -> None:
    """A retired rule code: what it was and why it is gone (no rule runs under it)."""
    from rich.text import Text

    from .console import console
    from .zetwerk import hangend

    c = console()
    c.print(Text(code, style="bold") + Text(f"  ({_(SEVERITY['retired'])})", style="dim"))
    c.print(hangend(c, "", f"{code} {why}"))


def _doc_blocks(docs: str) -> list[tuple[str, str]]:
    """A rule's docstring as paragraphs: prose joined into one line (the console wraps it),
    indented example lines kept, a more deeply indented line joined to the one before."""
    blocks: list[tuple[str, str]] = []
    for para in docs.split("\n\n"):
        lines = [line for line in para.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("    ") for line in lines):
            out: list[str] = []
            for line in lines:
                if out and line.startswith("        "):
                    out[-1] += " " + line.strip()
                else:
                    out.append(line.rstrip())
            blocks.append(("code", "\n".join(out)))
        else:
            blocks.append(("prose", " ".join(line.strip() for line in lines)))
    return blocks
