"""Dutch month names as dossiers of both models write dates ("1 augustus 2012")."""

from __future__ import annotations

# fmt: off
MAANDEN: dict[str, int] = {
    m: i for i, m in enumerate(
        ("januari", "februari", "maart", "april", "mei", "juni",
         "juli", "augustus", "september", "oktober", "november", "december"),
        start=1,
    )
}
# fmt: on
