"""Joining wrapped lines (read/tekst.Hyphenator) and finding competence names once per line
(text2012/evidence.naam): the fast paths give what the general ones give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as hs

from conftest import BINNEN, BUITEN
from kwaldossier.read.tekst import Hyphenator, read_lines
from kwaldossier.read.text2012 import Parser
from kwaldossier.read.text2012.evidence import components_per_letter, naam, naam_exact

_LINE = hs.text(alphabet=hs.sampled_from(list("ab é•(t)\t")), max_size=12)
_HYPHEN_LINE = hs.text(alphabet=hs.sampled_from(list("ab -CRM/,")), max_size=12)


@settings(max_examples=300, deadline=None)
@given(hs.lists(_LINE, max_size=6))
def test_lines_without_a_hyphen_join_with_single_spaces_at_their_offsets(lines):
    h = Hyphenator("")
    text, offsets = h.join_with_offsets(lines)
    parts = [ln.strip() for ln in lines]
    assert text == " ".join(p for p in parts if p)
    assert len(offsets) == len(lines)
    end = 0  # where the text read so far ends
    for part, at in zip(parts, offsets, strict=True):
        if part:
            assert text[at : at + len(part)] == part
            end = at + len(part)
        else:
            assert at == end  # an empty line starts where the text so far ends
    assert h.join_all(lines) == text


@settings(max_examples=300, deadline=None)
@given(hs.lists(_HYPHEN_LINE, max_size=6))
def test_join_all_is_the_text_of_join_with_offsets(lines):
    h = Hyphenator("CRM-tools en prijs- of a-b")
    assert h.join_all(lines) == h.join_with_offsets(lines)[0]


def test_a_soft_hyphen_is_glued_and_the_offsets_follow():
    h = Hyphenator("de schattingen van de klant")
    assert h.join_with_offsets(["  schat-", "tingen van", "", "de klant "]) == (
        "schattingen van de klant",
        [0, 5, 15, 16],
    )
    assert h.join_with_offsets(["CRM-", "tools"]) == ("CRM-tools", [0, 4])


def test_names_found_once_per_line_are_the_names_found_each_time():
    """evidence.naam (the pre-pass keeps each line's answer; other lines hold no name) answers
    as naam_exact does on every line of both seeds, and on a name that starts with a
    character outside ASCII."""
    for path in (BINNEN, BUITEN):
        lines = read_lines(path)
        st = Parser(lines, str(path)).state
        components_per_letter(st)
        assert st.namen is not None
        found = [naam(st, no) for no in range(1, st.n + 1)]
        assert found == [naam_exact(st, no) for no in range(1, st.n + 1)]
        assert sum(f is not None for f in found) > 30
    lines = [
        "",
        "\uff2fnderzoeken",
        "• x",
        "",
        "\uff2fp de behoeften en verwachtingen van de",
        '"klant" richten',
        "• y",
    ]
    st = Parser(lines, "x").state
    assert components_per_letter(st) == {"N": {"x"}, "R": {"y"}}
    assert [naam(st, 2), naam(st, 5)] == [("N", [2]), ("R", [5, 6])]


_WORDY = hs.text(alphabet=hs.sampled_from(list("aB é/.-(t) \t,")), max_size=10)


@settings(max_examples=200, deadline=None)
@given(hs.lists(_WORDY, max_size=8))
def test_words_read_off_distinct_lines_are_the_words_of_the_text(lines):
    lines = lines + lines[:3]  # lines that repeat
    text = "\n".join(lines)
    assert Hyphenator(text, regels=lines)._words == Hyphenator(text)._words


def test_the_seeds_words_and_hyphen_parts_do_not_depend_on_the_lines_being_given():
    lines = read_lines(BINNEN) + read_lines(BUITEN)
    text = "\n".join(lines)
    with_lines, without = Hyphenator(text, regels=lines), Hyphenator(text)
    assert with_lines._words == without._words and len(without._words) > 1000
    assert with_lines._elided == without._elided and "prijs" in without._elided
    with_lines.vastleggen()
    assert with_lines.text == "" and with_lines.regels is None


_HYPHENY = hs.text(alphabet=hs.sampled_from(list("ab-1_ é'\"Ωx,")), max_size=14)


@settings(max_examples=400, deadline=None)
@given(_HYPHENY)
def test_a_line_without_letters_around_a_hyphen_is_left_as_it_is(line):
    """repair_inline's look before the regex never skips a line the regex would change."""
    from kwaldossier.read.tekst import _INLINE, _letters_around_a_hyphen

    if _INLINE.search(line):
        assert _letters_around_a_hyphen(line)
    h = Hyphenator("ab abx xa")
    expected = _INLINE.sub(lambda m: m.group(1) + m.group(2) if h.is_soft(m.group(1), m.group(2)) else m.group(0), line)
    assert h.repair_inline(line) == expected


def test_hyphens_that_end_a_part_are_not_looked_at_again():
    from kwaldossier.read.tekst import _letters_around_a_hyphen

    assert not _letters_around_a_hyphen("Inzicht in markt-, product/dienst-, klant- en")
    assert not _letters_around_a_hyphen("-pakketten en -systemen")
    assert _letters_around_a_hyphen("Berekeningen/schat-tingen maken")
    assert _letters_around_a_hyphen("é-Ω")
