"""A tiny escaping HTML emitter: every string that is not Markup is escaped on the way in, so
no text, code, letter or name from a dossier can become markup."""

from __future__ import annotations

import html


class Markup(str):
    """HTML that is already safe (built by el(), or a constant of this package)."""

    __slots__ = ()


def esc(value: object) -> Markup:
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


def attrs(**kw: object) -> str:
    out = []
    for k, v in kw.items():
        if v is None or v is False:
            continue
        name = k.rstrip("_").replace("_", "-")
        out.append(f" {name}" if v is True else f' {name}="{html.escape(str(v), quote=True)}"')
    return "".join(out)


def el(tag: str, *children: object, **kw: object) -> Markup:
    """<tag attrs>children</tag>; children are escaped unless Markup."""
    return Markup(f"<{tag}{attrs(**kw)}>" + "".join(esc(c) for c in children if c is not None) + f"</{tag}>")


def void(tag: str, **kw: object) -> Markup:
    return Markup(f"<{tag}{attrs(**kw)}>")


def join(parts: list[Markup] | tuple[Markup, ...], sep: str = "") -> Markup:
    return Markup(sep.join(esc(p) for p in parts))
