"""Build hook: compiles the Dutch catalogue (src/kwaldossier/locale/nl/LC_MESSAGES/kwaldossier.po,
committed) into the .mo that the wheel carries (never committed: see .gitignore). hatchling loads
this file for `pip install .` ([tool.hatch.build.hooks.custom] in pyproject.toml); Babel is a
build requirement.

Also a small tool for the people who change strings (Babel's API, as `pybabel extract` and
`pybabel update` do it):

    python hatch_build.py update   # extract the msgids from src/kwaldossier, merge them into the .po
    python hatch_build.py check    # list msgids without a Dutch translation (exit 1 if any)
    python hatch_build.py compile  # write the .mo beside the .po (for runs from the source tree)
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PACKAGE = ROOT / "src" / "kwaldossier"
DOMAIN = "kwaldossier"
PO = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / f"{DOMAIN}.po"
MO_IN_WHEEL = f"kwaldossier/locale/nl/LC_MESSAGES/{DOMAIN}.mo"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def extract():
    """Every msgid marked in the package's code (_, N_, ngettext), as a Babel catalogue (the .pot)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    pot = Catalog(domain=DOMAIN, project="kwaldossier")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("NL:",)
    ):
        pot.add(message, None, [(f"src/kwaldossier/{filename}", lineno)], auto_comments=comments, context=context)
    return pot


def read_po(path: Path = PO):
    from babel.messages.pofile import read_po as _read

    with path.open("rb") as fp:
        return _read(fp, locale="nl", domain=DOMAIN)


def untranslated(pot, po) -> list[str]:
    """msgids of the code that the .po does not translate (missing, empty or fuzzy)."""
    out = []
    for msg in pot:
        if not msg.id:
            continue
        have = po.get(msg.id, context=msg.context)
        strings = have.string if have is not None else None
        ok = all(strings) if isinstance(strings, (tuple, list)) else bool(strings)
        if have is None or not ok or have.fuzzy:
            out.append(msg.id if isinstance(msg.id, str) else msg.id[0])
    return out


def mo_bytes(po) -> bytes:
    from babel.messages.mofile import write_mo

    buf = io.BytesIO()
    write_mo(buf, po)
    return buf.getvalue()


def update() -> None:
    from babel.messages.pofile import write_po

    po = read_po()
    po.update(extract(), no_fuzzy_matching=True)
    with PO.open("wb") as fp:
        write_po(fp, po, width=100, omit_header=False, sort_output=False, ignore_obsolete=True)


try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # the maintenance commands above need only Babel
    BuildHookInterface = object  # type: ignore[assignment, misc]


class CatalogueHook(BuildHookInterface):  # type: ignore[misc, valid-type]
    """Wheel builds get the compiled catalogue; the sdist carries the .po (and this file)."""

    def initialize(self, version, build_data) -> None:
        if self.target_name != "wheel":
            return
        self._tmp = tempfile.mkdtemp(prefix="kwaldossier-mo-")
        mo = Path(self._tmp) / f"{DOMAIN}.mo"
        mo.write_bytes(mo_bytes(read_po(Path(self.root) / PO.relative_to(ROOT))))
        build_data["force_include"][str(mo)] = MO_IN_WHEEL

    def finalize(self, version, build_data, artifact_path) -> None:
        if getattr(self, "_tmp", None):
            shutil.rmtree(self._tmp, ignore_errors=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        update()
        return 0
    if command == "check":
        missing = untranslated(extract(), read_po())
        for msgid in missing:
            print(f"untranslated: {msgid!r}")
        return 1 if missing else 0
    if command == "compile":
        PO.with_suffix(".mo").write_bytes(mo_bytes(read_po()))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
