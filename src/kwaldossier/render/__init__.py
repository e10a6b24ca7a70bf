"""Human output. Each function takes a result (the --json schema) and prints it with rich:
coloured in a terminal, plain when piped or when NO_COLOR is set. The look-ups live in
terminal.py, the diff report in diff_*.py; the validate renderers below."""

from __future__ import annotations

from rich.text import Text

from .console import _plain, _table, console
from .terminal import render_competentie, render_matrix, render_search, render_show, render_tree

__all__ = [
    "_plain",
    "console",
    "github_annotations",
    "junit_xml",
    "render_competentie",
    "render_findings",
    "render_matrix",
    "render_rules",
    "render_search",
    "render_show",
    "render_tree",
]


# ---------------------------------------------------------------- validate

_SEV_STYLE = {"error": "bold red", "warning": "yellow", "info": "blue"}


def render_findings(findings: list[dict], files: int) -> None:
    c = console()
    groups: dict[tuple, list[dict]] = {}
    for f in findings:
        groups.setdefault((f["profiel"], f["werkproces"]), []).append(f)
    for (profiel, wp), items in groups.items():
        t = _table(c, title=f"{profiel} › {wp or 'profiel'}", title_justify="left", show_header=True)
        t.add_column("page:line" if any(f.get("page") for f in items) else "line", justify="right", no_wrap=True)
        t.add_column("code", no_wrap=True)
        t.add_column("severity", no_wrap=True)
        t.add_column("message")
        for f in items:
            where = f"{f['page']}:{f['line']}" if f.get("page") else str(f["line"] or "")
            t.add_row(where, f["code"], Text(f["severity"], style=_SEV_STYLE[f["severity"]]), f["message"])
        c.print(t)
    counts = {s: sum(1 for f in findings if f["severity"] == s) for s in ("error", "warning", "info")}
    summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items())
    style = "bold red" if counts["error"] else ("yellow" if counts["warning"] else "bold green")
    c.print(Text(f"{len(findings)} findings in {files} profiel(en): {summary}", style=style))


def github_annotations(findings: list[dict]) -> str:
    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for f in findings:
        props = []
        if f.get("bron"):
            props.append(f"file={f['bron']}")
        if f.get("line") and not f.get("page"):  # a PDF has pages, not lines
            props.append(f"line={f['line']}")
        props.append(f"title={f['code']}")
        where = f"{f['profiel']}" + (f" {f['werkproces']}" if f["werkproces"] else "")
        if f.get("page"):
            where += f" (page {f['page']})"
        msg = f"{where}: {f['message']}".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        out.append(f"::{level[f['severity']]} {','.join(props)}::{msg}")
    return "\n".join(out)


def junit_xml(findings: list[dict], rules: list) -> str:
    """JUnit XML: one test case per rule and profile; findings of error severity fail it."""
    import html
    from xml.sax.saxutils import quoteattr

    profielen = sorted({f["profiel"] for f in findings}) or ["dossier"]
    cases = []
    failures = 0
    for p in profielen:
        for r in rules:
            mine = [f for f in findings if f["profiel"] == p and f["code"] == r.code]
            body = ""
            if mine and r.severity == "error":
                failures += 1
                text = "\n".join(f"line {f['line']}: {f['message']}" for f in mine)
                body = f"<failure message={quoteattr(r.summary)}>{html.escape(text)}</failure>"
            elif mine:
                body = "<system-out>" + html.escape("\n".join(f["message"] for f in mine)) + "</system-out>"
            cases.append(f"<testcase classname={quoteattr(p)} name={quoteattr(r.code + ' ' + r.name)}>{body}</testcase>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuite name="kwaldossier validate" tests="{len(cases)}" failures="{failures}">\n'
        + "\n".join(cases)
        + "\n</testsuite>"
    )


def render_rules(rules: list, one: bool = False) -> None:
    c = console()
    if one:
        r = rules[0]
        c.print(Text(f"{r.code} {r.name}", style="bold") + Text(f"  ({r.severity})", style=_SEV_STYLE[r.severity]))
        c.print(r.summary)
        c.print()
        c.print(r.docs)
        return
    t = _table(c)
    t.add_column("code", no_wrap=True)
    t.add_column("name", no_wrap=True)
    t.add_column("severity", no_wrap=True)
    t.add_column("what it finds")
    for r in rules:
        t.add_row(r.code, r.name, Text(r.severity, style=_SEV_STYLE[r.severity]), r.summary)
    c.print(t)
