"""The 2015-model PDF reader on small dossiers written line by line (tests/sbbpdf/mini.py) and
on edited PDFs: what it reads, written out by hand, and what it refuses with exit 2 and a
reason (never a wrong dossier with exit 0)."""

from __future__ import annotations

import pytest

pytest.importorskip("reportlab")

from conftest import SBB_XML
from kwaldossier.errors import InputError
from kwaldossier.read.sbbpdf import parse_sbb_pdf
from sbbpdf import mini, sbb
from sbbpdf.mini import DOSSIER, K, L, replace


def _read(tmp_path, lines, numbers=True):
    return parse_sbb_pdf(mini.render(lines, tmp_path / "mini.pdf", numbers))


def _refused(tmp_path, cli, lines, *needles, numbers=True):
    path = mini.render(lines, tmp_path / "mini.pdf", numbers)
    r = cli("parse", path, "--json")
    assert r.code == 2, r.out[:300]
    assert r.out == "" and len(r.err.strip().splitlines()) == 1, r.err
    assert r.err.startswith("kwaldossier: error: ") and "Traceback" not in r.err
    for n in needles:
        assert n in r.err, (n, r.err)
    return r.err


def test_mini_dossier_read_as_written(tmp_path):
    d = _read(tmp_path, DOSSIER)
    assert (d.titel, d.crebo, str(d.geldig_vanaf), d.versie) == ("Proefdossier", "29999", "2016-08-01", None)
    assert [(p.code, p.naam, p.crebo, p.niveau) for p in d.profielen] == [
        ("P1", "Eerste profiel", "29001", 3),
        ("P2", "Tweede profiel", "29002", 4),
    ]
    een, twee = d.profielen
    assert [kt.code for kt in een.kerntaken] == ["B1-K1", "P1-K1"]
    assert [kt.code for kt in twee.kerntaken] == ["B1-K1"]
    ai = een.algemene_informatie
    assert (ai.context, ai.beroepshouding, ai.resultaat_van_het_beroep) == (
        "De proefwerker werkt in proeftuinen.",
        "De proefwerker is nauwkeurig.",
        "De proeven zijn gedaan.",
    )
    assert ai.typering_van_het_beroep == "De eerste proefwerker werkt in het lab."
    assert ai.wettelijke_beroepsvereisten == "Nee"
    assert ai.generieke_onderdelen == "Generieke onderdelen\nNederlandse taal\nHet betreft referentieniveau 2F."
    b1, b2 = een.kerntaken[0], twee.kerntaken[0]
    assert (b1.titel, b1.deel, b1.complexiteit, b1.complexiteit_aanvullend) == (
        "Voert proeven uit",
        "basis",
        "De proefwerker werkt met vaste procedures.",
        "",
    )
    assert b2.complexiteit_aanvullend == "Hij past de procedures aan."
    assert b1.verantwoordelijkheid == "Hij werkt onder toezicht."
    assert [(v.tekst, v.aanvullend) for v in b2.vakkennis_en_vaardigheden] == [
        ("heeft kennis van proeven", False),
        ("kan meetapparatuur gebruiken", False),
        ("kan meetapparatuur ijken", True),
    ]
    w1, w2 = b2.werkprocessen
    assert (w1.code, w1.titel, w1.omschrijving, w1.resultaat) == (
        "B1-K1-W1",
        "Bereidt een proef voor",
        "De proefwerker verzamelt de materialen.",
        "De materialen liggen klaar.",
    )
    assert w1.gedrag_inleiding == "De proefwerker:"
    assert [g.tekst for g in w1.gedrag] == ["werkt ordelijk;", "controleert de voorraad."]
    assert [(c.letter, c.aanvullend) for c in w1.competenties] == [("Q", False), ("L", False)]
    assert [(g.tekst, g.aanvullend) for g in w2.gedrag] == [
        ("volgt het protocol;", False),
        ("meldt afwijkingen.", False),
        ("legt afwijkingen vast.", True),
    ]
    assert [(c.letter, c.aanvullend) for c in w2.competenties] == [("T", False), ("S", False), ("M", True)]
    assert [(c.letter, c.aanvullend) for c in een.kerntaken[0].werkprocessen[1].competenties] == [
        ("T", False),
        ("S", False),
    ]
    p1 = een.kerntaken[1]
    assert (p1.deel, p1.werkprocessen[0].code, p1.werkprocessen[0].competenties[0].letter) == (
        "profiel",
        "P1-K1-W1",
        "J",
    )
    assert d.onverwerkte_regels == [] and d.herstellingen == []


def test_label_beside_its_text_and_wrapped_names(tmp_path):
    """A bold label on the line of its text (no colon); a competence line wrapped inside a
    name; a last pair joined by 'en'; 'Voor de <naam>' with an article and in lower case."""
    lines = replace(DOSSIER, "De proefwerker verzamelt de materialen.")
    lines = replace(lines, "Omschrijving", L("De proefwerker verzamelt de materialen.", label="Omschrijving", gap=4))
    lines = replace(
        lines,
        "De onderliggende competenties zijn: Plannen en organiseren, Materialen en middelen inzetten",
        L("De onderliggende competenties zijn: Plannen en organiseren, Materialen en", gap=4),
        L("middelen inzetten en Analyseren"),
    )
    lines = replace(
        lines, "Voor Tweede profiel geldt aanvullend:", L("Voor de tweede profiel geldt aanvullend:", vet=True, gap=4)
    )
    d = _read(tmp_path, lines)
    w1 = d.profielen[1].kerntaken[0].werkprocessen[0]
    assert w1.omschrijving == "De proefwerker verzamelt de materialen."
    assert [c.letter for c in w1.competenties] == ["Q", "L", "M"]
    assert d.profielen[1].kerntaken[0].complexiteit_aanvullend == "Hij past de procedures aan."


def test_a_misspelt_competence_is_repaired_and_recorded(tmp_path):
    lines = replace(
        DOSSIER,
        "De onderliggende competenties zijn: Formuleren en rapporteren",
        L("De onderliggende competenties zijn: Formuleren en raporteren", gap=4),
    )
    d = _read(tmp_path, lines)
    c = d.profielen[0].kerntaken[1].werkprocessen[0].competenties[0]
    assert (c.letter, c.naam) == ("J", "Formuleren en rapporteren")
    assert [(h.soort, h.tekst) for h in d.herstellingen] == [
        ("competentie-gelijkend", "'Formuleren en raporteren' read as J Formuleren en rapporteren")
    ]


def test_an_unknown_competence_is_an_error_naming_the_page(tmp_path, cli):
    lines = replace(
        DOSSIER,
        "De onderliggende competenties zijn: Formuleren en rapporteren",
        L("De onderliggende competenties zijn: Formuleren en rapporteren, Zweven boven de materie", gap=4),
    )
    _refused(tmp_path, cli, lines, "page 5", "unknown competence 'Zweven boven de materie'")
    r = cli("--taal", "nl", "parse", tmp_path / "mini.pdf", "--json")  # the message in the run's language
    assert r.code == 2 and r.err.startswith("kwaldossier: error: "), r.err
    assert "pagina 5: onbekende competentie 'Zweven boven de materie': geen naam uit de landelijke lijst" in r.err


@pytest.mark.parametrize(
    ("old", "needle"),
    [
        ("Gedrag", "B1-K1-W2 has no gedrag"),  # the label gone: its lines join the resultaat
        ("Resultaat", "has no resultaat"),
        (
            "De onderliggende competenties zijn: Instructies en procedures opvolgen, Kwaliteit leveren",
            "B1-K1-W2 has no competenties",
        ),
    ],
)
def test_a_werkproces_without_one_of_its_parts(tmp_path, cli, old, needle):
    w2 = DOSSIER.index(K("B1-K1-W2: Voert een proef uit", 11))
    at = next(k for k in range(w2, len(DOSSIER)) if isinstance(DOSSIER[k], L) and DOSSIER[k].tekst == old)
    _refused(tmp_path, cli, DOSSIER[:at] + DOSSIER[at + 1 :], needle)


def test_invariants(tmp_path, cli):
    # a werkproces code without a title
    _refused(
        tmp_path, cli, replace(DOSSIER, "B1-K1-W2: Voert een proef uit", K("B1-K1-W2:", 11)), "B1-K1-W2 has no title"
    )
    # one code twice with different titles
    _refused(
        tmp_path,
        cli,
        replace(DOSSIER, "B1-K1-W2: Voert een proef uit", K("B1-K1-W1: Voert een proef uit", 11)),
        "B1-K1-W1 twice",
    )
    # a gap in the numbering
    _refused(
        tmp_path,
        cli,
        replace(DOSSIER, "B1-K1-W2: Voert een proef uit", K("B1-K1-W3: Voert een proef uit", 11)),
        "where B1-K1-W2 was expected",
    )
    # an addition for a profile the dossier does not have
    err = _refused(
        tmp_path,
        cli,
        replace(
            DOSSIER, "Voor Tweede profiel geldt aanvullend:", L("Voor Derde profiel geldt aanvullend:", vet=True, gap=4)
        ),
        "page 2",
    )
    assert "'Derde profiel', not a profile of this dossier" in err
    # a profile on the cover without its part
    cut = DOSSIER[: DOSSIER.index(K("Tweede profiel", 14)) - 1]
    _refused(tmp_path, cli, cut, "'Tweede profiel' is on the cover but has no part in the profieldeel", numbers=False)


def test_no_profile_and_not_a_dossier(tmp_path, cli):
    basis_only = DOSSIER[: DOSSIER.index(K("Profieldeel", 16))]
    _refused(
        tmp_path, cli, [ln for ln in basis_only if not (isinstance(ln, L) and ln.tekst.startswith("»"))], "no profile"
    )
    prose = [L("Dit verslag gaat over het Basisdeel en over B1-K1 in het algemeen.")] + [
        L(f"Regel {i} van een verhaal.") for i in range(40)
    ]
    _refused(tmp_path, cli, prose, "not a 2015-model dossier")


def test_running_header_repeating_a_heading_is_furniture(tmp_path):
    """A page that starts with the kerntaak heading it continues (no geometry to tell it)."""
    at = DOSSIER.index(K("B1-K1-W2: Voert een proef uit", 11))
    lines = [*DOSSIER[:at], mini.PAGE, K("B1-K1: Voert proeven uit"), *DOSSIER[at:]]
    d = _read(tmp_path, lines)
    assert [w.code for w in d.profielen[0].kerntaken[0].werkprocessen] == ["B1-K1-W1", "B1-K1-W2"]
    assert d.onverwerkte_regels == []


def test_line_breaks_of_a_text_without_space_between(tmp_path):
    """A text's lines set one under the other with no extra space: a line that ends short
    ends its paragraph; a wrapped line does not."""
    long = "Dit is een lange regel tekst die tot bijna aan de rechterkant van de bladzijde loopt, en dan verder"
    lines = replace(
        DOSSIER,
        "Hij werkt onder toezicht.",
        L(long),
        L("gaat op de volgende regel."),
        L("Een nieuwe alinea begint hier."),
    )
    d = _read(tmp_path, lines)
    assert (
        d.profielen[0].kerntaken[0].verantwoordelijkheid
        == f"{long} gaat op de volgende regel.\nEen nieuwe alinea begint hier."
    )


@pytest.mark.shared
def test_every_missing_page_is_refused(tmp_path):
    """Any one page of an SBB-layout PDF left out: the printed page numbers, the table of
    contents or a werkproces's parts say so."""
    import pypdfium2 as pdfium

    path = sbb.render(SBB_XML / "2755 Dienstverlening.xml", tmp_path / "dv.pdf")
    n = len(pdfium.PdfDocument(str(path)))
    for i in range(n):
        doc = pdfium.PdfDocument(str(path))
        doc.del_page(i)
        cut = tmp_path / f"zonder-{i + 1}.pdf"
        doc.save(str(cut))
        doc.close()
        with pytest.raises(InputError) as exc:
            parse_sbb_pdf(cut)
        assert "page" in str(exc.value), str(exc.value)


def test_a_missing_page_without_page_numbers(tmp_path, cli):
    """Without footers: the end of a page gone, from B1-K1-W2's gedrag on."""
    w2 = DOSSIER.index(K("B1-K1-W2: Voert een proef uit", 11))
    gedrag = next(k for k in range(w2, len(DOSSIER)) if isinstance(DOSSIER[k], L) and DOSSIER[k].tekst == "Gedrag")
    end = DOSSIER.index(mini.PAGE, w2)
    _refused(tmp_path, cli, DOSSIER[:gedrag] + DOSSIER[end:], "B1-K1-W2", numbers=False)
