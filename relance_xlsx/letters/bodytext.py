"""A letter's body written out again after the bundle changed its ends only: the text written
before, what was added at its start and its last children written anew (at a million invoices
a letter's body is 200 KB of XML: writing all of it a second time cost 1.2 ms a letter)."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

# What the bundle's section changes at the end of a letter of one section: its last paragraph
# (the section moves into it, with the letter's last bookmark) and the section's properties.
_LAST = 2


@dataclass(frozen=True)
class Ending:
    """A body's text cut where its first child begins and where its last two do."""

    first: etree._Element  # its first child: what the bundle puts before it is new
    last: etree._Element  # the first of its last two children: from it on, written anew
    start: int  # where the first child begins in the text
    end: int  # where the last two children begin
    head: str  # the body's namespaces, which lxml repeats on a child written alone


def ending(body: etree._Element, text: str) -> Ending | None:
    """Where text (etree.tostring(body)) holds the body's first and last two children,
    checked: None when they cannot be written alone as they are in it."""
    name = _name(body)
    opening = text.find(">")
    if len(body) <= _LAST or body.text or opening < 0 or text[opening - 1] == "/":
        return None
    if not text.startswith("<" + name):
        return None
    head = text[1 + len(name) : opening]
    written = _children(body, len(body) - _LAST, len(body), head)
    close = f"</{name}>"
    if written is None or not text.endswith(written + close):
        return None
    at = len(text) - len(close) - len(written)
    return Ending(body[0], body[len(body) - _LAST], opening + 1, at, head)


def again(body: etree._Element, text: str, cut: Ending) -> str:
    """The body's text once children were added before its first and its last two changed
    (nothing else): the rest of text kept as it is."""
    added = _children(body, 0, body.index(cut.first), cut.head)
    last = _children(body, body.index(cut.last), len(body), cut.head)
    if added is None or last is None:
        return etree.tostring(body, encoding="unicode")
    return text[: cut.start] + added + text[cut.start : cut.end] + last + f"</{_name(body)}>"


def _children(body: etree._Element, start: int, end: int, head: str) -> str | None:
    """The body's children from start to end as its own text has them (with their tails)."""
    out = []
    for child in body[start:end]:
        text = etree.tostring(child, encoding="unicode")
        if isinstance(child.tag, str):  # an element: lxml declared the body's namespaces on it
            begins = "<" + _name(child) + head
            if not text.startswith(begins):
                return None
            text = "<" + _name(child) + text[len(begins) :]
        out.append(text)
    return "".join(out)


def _name(element: etree._Element) -> str:
    local = etree.QName(element).localname
    return f"{element.prefix}:{local}" if element.prefix else local


__all__ = ["Ending", "again", "ending"]
