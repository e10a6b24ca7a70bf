"""Exports for other tools: files written atomically (CASE packages in case.py)."""

from __future__ import annotations

from pathlib import Path


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Same rules as every --out (read/output.py): parent must exist, devices written through."""
    from ..read.output import write_bytes_atomic as write

    write(path, data)
