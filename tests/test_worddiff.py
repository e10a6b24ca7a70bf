"""Word diffs, folding and the redactioneel / inhoudelijk rule, on seed texts and small cases."""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest

from kwaldossier.analyse.worddiff import Folder, fold_fast, item_similarity, text_impact, word_diff
from kwaldossier.model.competenties import fold


def _texts(*dossiers):
    out = set()

    def walk(x):
        if isinstance(x, str):
            out.add(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for d in dossiers:
        walk(d.model_dump(mode="json"))
    return sorted(out)


def _ops(a, b):
    return [(o.op, o.a, o.b) for o in word_diff(a, b, Folder())]


def test_fold_fast_is_fold(binnen, buiten):
    tricky = ["Ideeën “quote” ‘x’ ﬁ ² Å ǅ ß İ ẞ Ω", "a\u00a0b\tc", "e\u0301\u0327", "क्ष", "ΆΈ", "", "   "]
    texts = _texts(binnen, buiten) + tricky
    assert len(texts) > 300
    assert [fold_fast(t) for t in texts] == [fold(t) for t in texts]


def test_rewritten_phrase_is_one_removal_and_one_addition():
    a = "De medewerker licht de offerte met een gedegen onderbouwing toe, opdat de klant geïnteresseerd blijft."
    b = "De medewerker presenteert de offerte/oplossing met een gedegen onderbouwing, opdat de klant geïnteresseerd blijft."
    assert _ops(a, b) == [
        ("equal", "De medewerker", "De medewerker"),
        (
            "replace",
            "licht de offerte met een gedegen onderbouwing toe,",
            "presenteert de offerte/oplossing met een gedegen onderbouwing,",
        ),
        ("equal", "opdat de klant geïnteresseerd blijft.", "opdat de klant geïnteresseerd blijft."),
    ]


def test_a_long_equality_between_small_edits_stays():
    a = "Hij belt de klant en bespreekt de offerte met de klant in detail."
    b = "Zij belt de klant en bespreekt de offerte met de klant in het kort."
    ops = _ops(a, b)
    assert (
        "equal",
        "belt de klant en bespreekt de offerte met de klant in",
        "belt de klant en bespreekt de offerte met de klant in",
    ) in ops
    assert ops[0] == ("replace", "Hij", "Zij") and ops[-1] == ("replace", "detail.", "het kort.")


def test_punctuation_stays_with_its_word_and_case_shows():
    assert _ops("de klant, de order", "de klant de order") == [
        ("equal", "de", "de"),
        ("replace", "klant,", "klant"),
        ("equal", "de order", "de order"),
    ]
    assert _ops("Klant belt", "klant belt") == [("replace", "Klant", "klant"), ("equal", "belt", "belt")]


def test_similarity_is_difflibs_ratio_on_folded_words(binnen, buiten):
    """Taking the common prefix and suffix off first leaves the text figure as difflib computes
    it on the whole text, for every omschrijving of the two seeds; items are compared whole."""
    f = Folder()
    pairs = [
        (wa.omschrijving, wb.omschrijving)
        for wa in binnen.profielen[0].werkprocessen()
        for wb in buiten.profielen[0].werkprocessen()
        if wa.code == wb.code and wa.omschrijving and wb.omschrijving
    ]
    assert len(pairs) >= 10
    for a, b in pairs:
        expected = SequenceMatcher(None, fold(a).split(), fold(b).split(), autojunk=False).ratio()
        assert f.compare(a, b)[0] == pytest.approx(expected)
    items = [
        (x.tekst, y.tekst)
        for wa in binnen.profielen[0].werkprocessen()
        for wb in buiten.profielen[0].werkprocessen()
        if wa.code == wb.code
        for x in wa.vakkennis_en_vaardigheden
        for y in wb.vakkennis_en_vaardigheden
    ]
    assert len(items) > 500
    for a, b in items:
        expected = SequenceMatcher(None, fold(a), fold(b), autojunk=False).ratio()
        assert item_similarity(a, b, f) == pytest.approx(expected)


@pytest.mark.parametrize(
    "a,b,grade",
    [
        ("De klant belt.", "De klant belt", "redactioneel"),  # punctuation
        ("De klant belt.", "de Klant belt.", "redactioneel"),  # case
        ("Hij belt en mailt.", "Hij mailt en belt.", "redactioneel"),  # word order
        ("Ideeën delen", "Ideeen delen", "redactioneel"),  # accents
        ("het plan van aanpak", "het plan-van-aanpak", "redactioneel"),  # hyphens
        ("de beurs activiteiten", "de beursactiviteiten", "redactioneel"),  # a compound written together
        ("de offertetermijn", "de offertetermmijn", "redactioneel"),  # a doubled letter
        ("de offertetermijn", "de offertetremijn", "redactioneel"),  # two letters swapped
        ("Hij belt tijdig.", "Hij belt snel.", "inhoudelijk"),
        ("Hij belt de klant.", "Hij belt de klanten.", "inhoudelijk"),  # plural: not a typo
        ("Hij belt de klant.", "Hij belt niet de klant.", "inhoudelijk"),  # a word added
        ("Hij belt de klant.", "Hij belt.", "inhoudelijk"),  # words dropped
        ("een kopen", "een koper", "inhoudelijk"),  # short words: no typo rule
        ("de kopen", "de koppen", "inhoudelijk"),  # a doubled letter in a short word: another word
    ],
)
def test_text_impact(a, b, grade):
    assert text_impact(a, b, Folder()) == grade
