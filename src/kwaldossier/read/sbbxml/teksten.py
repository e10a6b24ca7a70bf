"""Text of SBB XML elements: outer whitespace and line-end spaces go, source lines are kept."""

from __future__ import annotations

BULLETS = ("-", "–", "•", "·", "*")


def schoon(text: str | None) -> str:
    """Strip the ends and each line's trailing spaces; inner line breaks stay."""
    if not text:
        return ""
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def tekst_regels(text: str | None, start: int | None) -> tuple[str, list[int], list[int]]:
    """Clean text plus, per line, its source line and where it starts in the clean text.

    `start` is the line of the element's start tag: its `.text` begins right after that tag."""
    clean = schoon(text)
    if not clean or start is None:
        return clean, [], []
    assert text is not None
    lead = len(text) - len(text.lstrip())
    first = start + text[:lead].count("\n")
    lines, offsets, pos = [], [], 0
    for i, line in enumerate(clean.split("\n")):
        lines.append(first + i)
        offsets.append(pos)
        pos += len(line) + 1
    return clean, lines, offsets


def is_bullet(line: str) -> bool:
    return line.lstrip().startswith(BULLETS)


def gedrag_regels(text: str | None, start: int | None) -> tuple[str, list[tuple[str, int | None]]]:
    """Intro line(s) and bullets (text, source line) of a gedrag text.

    Lines before the first bullet are the intro (a line ending in ':' is one even when typed with a
    leading dash); a non-bullet line after a bullet continues it."""
    clean, lines, _ = tekst_regels(text, start)
    if not clean:
        return "", []
    intro: list[str] = []
    bullets: list[tuple[str, int | None]] = []
    for i, line in enumerate(clean.split("\n")):
        src = lines[i] if i < len(lines) else None
        stripped = line.strip()
        if not stripped:
            continue
        if not bullets and stripped.endswith(":"):
            intro.append(stripped.lstrip("".join(BULLETS)).strip())  # '-De medewerker:' is an intro too
        elif is_bullet(stripped):
            body = stripped[1:].strip()
            if body:
                bullets.append((body, src))
        elif bullets:
            prev, prev_line = bullets[-1]
            bullets[-1] = (f"{prev} {stripped}", prev_line)
        else:
            intro.append(stripped)
    return " ".join(intro), bullets
