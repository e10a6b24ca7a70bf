"""Where the look-ups print. In a terminal (or with FORCE_COLOR) a rich Console; on a pipe a
PlainPrinter, which writes the same bytes as rich's pipe console (render/console.py) without
importing rich.console (alone ~1.1x a look-up's start-up floor). The layout is written once, in
render/terminal.py, against the two methods both have: print(Text | str | None) and rule(Text);
a tree goes through print_tree(). tests/test_printer.py holds the two to the same bytes."""

from __future__ import annotations

import builtins
import itertools
import os
import re
import sys
from collections.abc import Iterable
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.control import STRIP_CONTROL_CODES
from rich.text import Text  # rich.text and rich.cells, not rich.console: part of the stack's floor

from .schoon import schoon

PIPE_WIDTH = 1000  # the pipe canvas: wide enough that nothing is wrapped or cut


def usable() -> bool:
    """True where rich would see no terminal: stdout is not a tty and nothing (FORCE_COLOR,
    TTY_COMPATIBLE, Jupyter, IDLE) says otherwise."""
    if os.environ.get("FORCE_COLOR") or "TTY_COMPATIBLE" in os.environ:
        return False
    if hasattr(builtins, "get_ipython") or getattr(sys.stdin, "__module__", "").startswith("idlelib"):
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    return isatty is not None and not isatty()


def printer() -> Any:
    """A PlainPrinter on a pipe, else the rich console."""
    if usable():
        return PlainPrinter()
    from .console import console

    return console()


_RICH_STRIPS = re.compile("[" + "".join(map(chr, STRIP_CONTROL_CODES)) + "]").search
_RICH_TABLE: dict[int, None] = dict.fromkeys(STRIP_CONTROL_CODES)


def rich_plain(text: str) -> str:
    """Text(text).plain: without the control codes rich drops (bell, backspace, vertical tab,
    form feed, carriage return); translated only when the text holds one."""
    return text.translate(_RICH_TABLE) if _RICH_STRIPS(text) else text


def is_plain(c: Any) -> bool:
    return bool(c.no_color or not c.is_terminal)


def initials(names: list[str]) -> dict[str, str]:
    """Short column labels for profiles: the last word of each name (binnendienst), else a number."""
    last = [n.split()[-1] if n.split() else n for n in names]
    if len(set(last)) == len(last):
        return dict(zip(names, last, strict=False))
    return {n: f"{i + 1}" for i, n in enumerate(names)}


class PlainPrinter:
    """Console.print / Console.rule as rich's pipe console does them: no styles, soft wrap."""

    no_color = True
    is_terminal = False

    def print(self, obj: Text | str | None = None) -> None:
        if obj is None:
            _write("\n")
            return
        obj = obj if isinstance(obj, Text) else Text(obj)
        if "\t" not in obj.plain:
            # no wrapping, no cutting (overflow "ignore"): the pipe console writes the text's
            # lines as they are, so its text is the output (tabs are expanded below)
            _write(obj.plain + "\n")
            return
        _write(self._expanded(obj))

    def print_lines(self, lines: Iterable[str]) -> None:
        """print(line) for each line, in one write: a line without a tab is its text as Text
        would hold it; a line with one goes through print's tab expansion."""
        out: list[str] = []
        for line in lines:
            plain = rich_plain(line)
            out.append(self._expanded(Text(plain)) if "\t" in plain else plain + "\n")
        _write("".join(out))

    def _expanded(self, obj: Text) -> str:
        """A text with tabs as the pipe console writes it: tabs expanded, nothing wrapped."""
        text = Text(" ", end="\n").join([obj])
        lines = text.wrap(None, PIPE_WIDTH, justify="default", overflow="ignore", tab_size=8, no_wrap=True)  # type: ignore[arg-type]
        return "\n".join(line.plain for line in lines) + "\n"

    def rule(self, title: Text) -> None:
        """The pipe console's rule: its title between short dashes."""
        head = Text("── ") + title + Text(" ")
        self.print(head + Text("─" * max(3, 80 - head.cell_len)))


def print_tree(c: Any, root: Text, branches: list[tuple[Text, list[Text]]]) -> None:
    """A two-level tree (root, branches with their leaves): rich's Tree on a console, the same
    guides and cuts drawn by hand on a PlainPrinter."""
    if not isinstance(c, PlainPrinter):
        from rich.tree import Tree

        tree = Tree(root)
        for label, leaves in branches:
            node = tree.add(label)
            for leaf in leaves:
                node.add(leaf)
        c.print(tree)
        return
    encoding = (getattr(sys.stdout, "encoding", "utf-8") or "utf-8").lower()
    space, cont, fork, end = (
        ("    ", "|   ", "+-- ", "`-- ") if not encoding.startswith("utf") else ("    ", "│   ", "├── ", "└── ")
    )
    out: list[str] = []
    _tree_node(out, root, [], space)
    for k, (label, leaves) in enumerate(branches):
        last = k == len(branches) - 1
        _tree_node(out, label, [end if last else fork], space if last else cont)
        for j, leaf in enumerate(leaves):
            leaf_last = j == len(leaves) - 1
            _tree_node(out, leaf, [space if last else cont, end if leaf_last else fork], space if leaf_last else cont)
    _write("".join(out))


def _write(text: str) -> None:
    """One print, as rich writes it: written and flushed; a closed pipe ends the program as
    rich's Console.on_broken_pipe does."""
    try:
        sys.stdout.write(schoon(text))
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None


def _tree_node(out: list[str], label: Text, prefix: list[str], after_first: str) -> None:
    """One node's label lines behind its guides (rich.tree.Tree.__rich_console__ on a pipe)."""
    width = PIPE_WIDTH - sum(map(cell_len, prefix))
    lines = label.wrap(None, width, justify="default", overflow="ignore", tab_size=8, no_wrap=True)  # type: ignore[arg-type]
    for n, line in enumerate(lines):
        guides = prefix if n == 0 or not prefix else [*prefix[:-1], after_first]
        out.append("".join(guides) + _crop(_pieces(line), width) + "\n")


def _pieces(line: Text) -> list[str]:
    """The line's text cut where its spans start and end, as Text.render yields it."""
    plain = line.plain
    cuts = sorted({0, len(plain), *(s.start for s in line.spans), *(s.end for s in line.spans)})
    return [plain[a:b] for a, b in itertools.pairwise(cuts) if b > a]


def _crop(pieces: list[str], width: int) -> str:
    """Segment.adjust_line_length without padding: a line wider than width is cut at width cells."""
    if sum(map(cell_len, pieces)) <= width:
        return "".join(pieces)
    kept: list[str] = []
    used = 0
    for piece in pieces:
        n = cell_len(piece)
        if used + n < width:
            kept.append(piece)
            used += n
        else:
            kept.append(set_cell_size(piece, width - used))
            break
    return "".join(kept)
