"""Typed results: `schema NAME` prints each command's JSON Schema, and real output validates
against it (unknown keys rejected)."""

from __future__ import annotations

import json

import pytest

from conftest import SBB_XML

_PB = "Persoonlijk begeleider gehandicaptenzorg"


@pytest.mark.parametrize("name", ["parse", "diff", "list", "show", "search", "matrix", "competentie"])
def test_schema_per_command(cli, name):
    r = cli("schema", name, "--json")
    assert r.code == 0
    schema = json.loads(r.out)
    if name == "parse":  # a dossier of either model, told apart by `model`
        assert {o["$ref"] for o in schema["oneOf"]} == {"#/$defs/Dossier2012", "#/$defs/Dossier2015"}
        return
    assert schema["type"] == "object" and schema["properties"]


def test_schema_unknown_name(cli):
    r = cli("schema", "nope")
    assert r.code == 2 and "'nope'" in r.err and "diff, list, show" in r.err


@pytest.mark.parametrize(
    "args",
    [
        ("diff", "binnendienst", "buitendienst", "--json"),
        ("diff", "binnendienst", "buitendienst", "--json", "--summary"),
        ("diff", "binnendienst", "buitendienst", "--json", "--only", "competenties", "-k", "2"),
        ("list", "--json"),
        ("show", "2.5", "--json"),
        ("search", "offerte", "--json"),
        ("matrix", "--json"),
        ("competentie", "H", "--json"),
        # the 2015 model (SBB XML): its extra keys are in the schema too
        ("diff", _PB, "Thuisbegeleider", "--data", SBB_XML, "--json"),
        ("diff", _PB, "Thuisbegeleider", "--data", SBB_XML, "--json", "--summary"),
        # two dossiers: zelfde_dossier false, dossier_a / dossier_b named
        ("diff", "Sociaal-cultureel werker@2637 Sociaal_werk.xml", "Onderwijsassistent", "--data", SBB_XML, "--json"),
        ("show", "B1-K1", "--data", SBB_XML, "--json"),
        ("show", "B1-K1-W5", "--data", SBB_XML, "--json"),
        ("competentie", "K", "--data", SBB_XML, "--json"),
    ],
)
def test_output_matches_its_schema(cli, args):
    from kwaldossier.analyse.results import adapter

    r = cli(*args)
    assert r.code in (0, 1), r.err
    adapter(args[0]).validate_python(json.loads(r.out))  # unknown keys are rejected too
