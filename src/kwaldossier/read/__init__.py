"""Where dossiers come from: the readers of each format (text2012, pdf, sbbxml), parsed JSON,
the parse cache. This module only re-exports: limits in grenzen.py, sniffing and loading in
laden.py, the loaded profile in geladen.py; choosing profiles by name is a look-up concern
(analyse/selectie.py)."""

from __future__ import annotations

from ..model import SCHEMA_VERSION
from .geladen import GeladenProfiel
from .grenzen import check_lines, check_size, max_input_bytes, max_line_bytes
from .laden import (
    STDIN,
    bundled_dir,
    from_json_bytes,
    load_all,
    load_bytes,
    load_dossiers,
    load_file,
    load_folder,
    load_stdin,
)
from .output import write_atomic

__all__ = [
    "SCHEMA_VERSION",
    "STDIN",
    "GeladenProfiel",
    "bundled_dir",
    "check_lines",
    "check_size",
    "from_json_bytes",
    "load_all",
    "load_bytes",
    "load_dossiers",
    "load_file",
    "load_folder",
    "load_stdin",
    "max_input_bytes",
    "max_line_bytes",
    "write_atomic",
]
