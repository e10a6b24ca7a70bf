"""The Dossier family and the national reference data.

Kept import-light: the pydantic models live in `model.dossier` and are imported only by the
paths that build or validate a Dossier; look-ups read parsed JSON into `read.view` instead.
"""

SCHEMA_VERSION = 1  # the parse output's schema; bump on any breaking change
