"""Fixed national reference tables: the 25 competences A–Y and their components."""

from __future__ import annotations

import unicodedata

COMPETENTIES: dict[str, str] = {
    "A": "Beslissen en activiteiten initiëren",
    "B": "Aansturen",
    "C": "Begeleiden",
    "D": "Aandacht en begrip tonen",
    "E": "Samenwerken en overleggen",
    "F": "Ethisch en integer handelen",
    "G": "Relaties bouwen en netwerken",
    "H": "Overtuigen en beïnvloeden",
    "I": "Presenteren",
    "J": "Formuleren en rapporteren",
    "K": "Vakdeskundigheid toepassen",
    "L": "Materialen en middelen inzetten",
    "M": "Analyseren",
    "N": "Onderzoeken",
    "O": "Creëren en innoveren",
    "P": "Leren",
    "Q": "Plannen en organiseren",
    "R": 'Op de behoeften en verwachtingen van de "klant" richten',
    "S": "Kwaliteit leveren",
    "T": "Instructies en procedures opvolgen",
    "U": "Omgaan met verandering en aanpassen",
    "V": "Met druk en tegenslag omgaan",
    "W": "Gedrevenheid en ambitie tonen",
    "X": "Ondernemend en commercieel handelen",
    "Y": "Bedrijfsmatig handelen",
}

LETTERS: tuple[str, ...] = tuple(COMPETENTIES)

# Components of each competence as the national list words them (the subset the
# Commercieel medewerker dossier uses). A component seen under another letter is suspect.
COMPONENTEN: dict[str, tuple[str, ...]] = {
    "A": ("Op eigen initiatief handelen", "Acties en activiteiten initiëren"),
    "E": ("Afstemmen", "Anderen raadplegen en betrekken", "Proactief informeren"),
    "H": (
        "Indruk maken op anderen",
        "Gesprekken richting geven",
        "Emoties aanspreken",
        "Overeenstemming nastreven",
        "Onderhandelen",
        "Ideeën en meningen naar voren brengen en onderbouwen",
    ),
    "I": (
        "Duidelijk uitleggen en toelichten",
        "Kernachtig communiceren",
        "Betrouwbaarheid en deskundigheid uitstralen",
        "Op de toehoorder(s) / toeschouwer(s) inspelen",
        "Enthousiasme uitstralen",
    ),
    "J": (
        "Correct formuleren",
        "Vlot en bondig formuleren",
        "Nauwkeurig en volledig rapporteren",
        "Communicatie op de ontvanger(s) richten",
    ),
    "K": ("Vakspecifieke mentale vermogens aanwenden",),
    "M": (
        "Informatie genereren uit gegevens",
        "Informatie uiteenrafelen",
        "Verbanden leggen",
        "Gegevens controleren en aannames toetsen",
        "Conclusies trekken",
        "Oplossingen voor problemen bedenken",
    ),
    "N": ("Informatie achterhalen", "Openstaan voor nieuwe informatie"),
    "Q": (
        "Doelen en prioriteiten stellen",
        "Activiteiten plannen",
        "Tijd indelen",
        "Mensen en middelen organiseren",
        "Voortgang bewaken",
    ),
    "R": (
        "Behoeften en verwachtingen achterhalen",
        "Aansluiten bij behoeften en verwachtingen",
        '"Klant"-tevredenheid in de gaten houden',
    ),
    "S": ("Kwaliteitsniveaus halen",),
    "T": ("Instructies opvolgen", "Werken conform voorgeschreven procedures"),
    "X": (
        "De markt en de spelers daarin kennen",
        "Kansen en mogelijkheden identificeren en creëren",
        "Kansen en mogelijkheden benutten",
    ),
    "Y": ("Financieel bewustzijn tonen",),
}


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Case- and accent-folded text and, per folded character, its index in the original."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text.translate(_QUOTES)):
        for f in unicodedata.normalize("NFKD", ch.casefold()):
            if not unicodedata.combining(f):
                out.append(f)
                index.append(i)
    return "".join(out), index


def fold(text: str) -> str:
    """Case-, accent-, quote- and space-insensitive key for matching."""
    return " ".join(fold_with_map(text)[0].split())


_DEEL = {"B": 1, "P": 2}


def code_key(code: str) -> tuple[int, ...]:
    """Sort key for kerntaak and werkproces codes of both models: 2.10 after 2.9 (2012);
    B1-K1-W10 after B1-K1-W9, basisdeel (B) before profieldeel (P2-K1-W1) (2015)."""
    if "-" not in code and code[:1].isdigit():
        return (0, *(int(p) for p in code.split(".")))
    out: list[int] = []
    for part in code.upper().split("-"):
        digits = part[1:] if part[:1].isalpha() else part
        if part[:1] in _DEEL and not out:
            out.append(_DEEL[part[:1]])
        out.append(int(digits) if digits.isdigit() else 0)
    return tuple(out)


_NAME_INDEX = {fold(naam): letter for letter, naam in COMPETENTIES.items()}
_COMPONENT_INDEX: dict[str, set[str]] = {}
for _letter, _comps in COMPONENTEN.items():
    for _c in _comps:
        _COMPONENT_INDEX.setdefault(fold(_c), set()).add(_letter)


def letter_for_name(naam: str) -> str | None:
    """Exact (folded) lookup of a competence name."""
    return _NAME_INDEX.get(fold(naam))


def closest_competentie(naam: str, cutoff: float = 0.8) -> tuple[str, float] | None:
    """Best matching letter for a possibly misspelled competence name."""
    from difflib import SequenceMatcher

    key = fold(naam)
    best: tuple[str, float] | None = None
    for known, letter in _NAME_INDEX.items():
        ratio = SequenceMatcher(None, key, known).ratio()
        if ratio >= cutoff and (best is None or ratio > best[1]):
            best = (letter, ratio)
    return best


def is_name_prefix(text: str) -> bool:
    """True when text is the first line of a competence name wrapped over two lines."""
    key = fold(text)
    return any(known.startswith(key + " ") for known in _NAME_INDEX)


def letters_of_component(component: str) -> set[str]:
    return _COMPONENT_INDEX.get(fold(component), set())


def component_prefix(letter: str, text: str) -> str | None:
    """The known component of `letter` that `text` starts with (for merged columns)."""
    key = fold(text)
    for comp in sorted(COMPONENTEN.get(letter, ()), key=len, reverse=True):
        if key == fold(comp) or key.startswith(fold(comp) + " "):
            return comp
    return None
