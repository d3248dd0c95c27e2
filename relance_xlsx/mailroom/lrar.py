"""LRAR numbers as the office types them: checked, compared and written back.

Compared without their spaces (« 1a-123-456-7890-5 » and « 1A 123 456 7890 5 » are one
number), written into the workbook as La Poste prints them on the proof of posting
(« 1A 123 456 7890 5 », « RR 473 124 829 FR »), the form the clerk recognises and searches.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..wording import visible

# La Poste's national numbers: a product code (a digit and a letter), ten digits, a check
# digit (« 1A 123 456 7890 5 »).
_NATIONAL = re.compile(r"\d[A-Z]\d+")
# The UPU S10 international ones: two letters, eight digits and a check digit, the country
# (« RR 473 124 829 FR »).
_S10 = re.compile(r"[A-Z]{2}\d+[A-Z]{2}")
# « n° 1A 123… » or « numéro : 1A 123… »: the label is not part of the number.
_LABEL = re.compile(r"^\s*(?:n\s*[°º]|num[ée]ro)\s*:?\s*", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s\-.]+")
# One of La Poste's numbers, national or S10, inside a longer key: two of them are two
# numbers in one cell (« 2C 555 000 1112 4 1A 123 456 7890 5 » read as one of 26 characters).
_ONE = re.compile(r"\d[A-Z]\d{11}|[A-Z]{2}\d{9}[A-Z]{2}")
# The characters that change the direction text is shown in: « \u202e5 0987 654 321 A1 » shows
# as « 1A 123 456 7890 5 » and reads as another number; not removed as invisible, refused.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
EXAMPLE = "1A 123 456 7890 5"


def _text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)  # digits typed into a number cell
    # Invisible characters (a zero-width space pasted from a tracking page) are not typed.
    text = visible(unicodedata.normalize("NFKC", "" if raw is None else str(raw)))
    return _LABEL.sub("", text).strip()


def number_problem(raw: Any) -> str | None:
    """Why what was typed cannot be an LRAR number (French, after « : »); None when it can be
    one, or when nothing was typed."""
    bidi = _BIDI.search("" if raw is None else str(raw))
    if bidi:
        return (
            f"il contient un caractère invisible qui change le sens de lecture "
            f"(U+{ord(bidi.group()):04X}) : le numéro affiché n'est pas celui lu ; retapez-le"
        )
    text = _text(raw)
    tokens = [t for t in _SEPARATORS.split(text.upper()) if t]
    if not tokens:
        return None
    odd = sorted({c for c in text if not (c.isalnum() or c in " -.\u00a0\u202f\t")})
    if odd:
        signs = ", ".join(f"« {c} »" if c.isprintable() else f"U+{ord(c):04X}" for c in odd[:5])
        return f"il contient {signs} ; un seul numéro par case, en lettres et chiffres"
    inner = tokens[1:-1] if len(tokens) > 2 else []
    words = [t for t in tokens if t.isalpha() and (len(t) > 2 or t in inner)]
    if words:
        return f"il contient des mots (« {words[0]} ») ; un seul numéro par case, sans texte"
    key = "".join(tokens)
    if not key.isascii():
        return "il contient des lettres accentuées"
    found = _ONE.findall(key)
    if len(found) >= 2:
        first, second = shown_number(found[0]), shown_number(found[1])
        return f"il contient deux numéros ({first} et {second}) ; un seul numéro par case"
    return _shape_problem(key)


def _shape_problem(key: str) -> str | None:
    """Why a number without separators has not the shape of one."""
    if _NATIONAL.fullmatch(key):
        if len(key) != 13:
            return f"un numéro de La Poste a 13 caractères ({EXAMPLE}), celui-ci en a {len(key)}"
        if int(key[12]) != _national_check(key[2:12]):
            return (
                "sa clé de contrôle (le dernier chiffre) ne correspond pas aux 10 chiffres qui "
                "la précèdent : une faute de frappe ?"
            )
        return None
    if _S10.fullmatch(key):
        if len(key) != 13:
            return (
                "un numéro international a 13 caractères (RR 473 124 829 FR), celui-ci en a "
                f"{len(key)}"
            )
        if int(key[10]) != _s10_check(key[2:10]):
            return "sa clé de contrôle (le 9e chiffre) ne correspond pas aux 8 premiers"
        return None
    digits = sum(c.isdigit() for c in key)
    if len(key) < 8:
        return f"trop court ({len(key)} caractères ; {EXAMPLE} en a 13)"
    if len(key) > 30:
        return f"trop long ({len(key)} caractères) : un seul numéro par case"
    if digits < 6 or len(key) - digits > 4:
        return "un numéro de recommandé est fait de chiffres, et de quelques lettres au plus"
    return None


def clean_number(raw: Any) -> str | None:
    """The number without its separators, in capitals (« 1a 123-456 7890 5 » →
    « 1A12345678905 »); None when it cannot be one or nothing was typed."""
    if number_problem(raw) is not None:
        return None
    key = "".join(_SEPARATORS.split(_text(raw).upper()))
    return key or None


def shown_number(key: str) -> str:
    """A number as La Poste prints it on the proof of posting: « 1A 123 456 7890 5 »,
    « RR 473 124 829 FR »; another carrier's as typed, without spaces."""
    if _NATIONAL.fullmatch(key) and len(key) == 13:
        return f"{key[:2]} {key[2:5]} {key[5:8]} {key[8:12]} {key[12]}"
    if _S10.fullmatch(key) and len(key) == 13:
        return f"{key[:2]} {key[2:5]} {key[5:8]} {key[8:11]} {key[11:]}"
    return key


def _national_check(digits: str) -> int:
    """The check digit of La Poste's 13-character national numbers, over the 10 digits after
    the product code: weights 1, 3, 1, 3… from the left, the complement to 10 of the sum's
    last digit.

    Source: the « control_key » of the CPAN module Business::Colissimo (Stefan Hornburg,
    2011-2012), which prints ColiPoste's labels to La Poste's specification. Checked against
    numbers La Poste published: 6A15602676300 and 6A15602683841 (the example of La Poste's
    open tracking API, repeated by the npm module suivi-poste), 8K00009775862 (a test
    parcel of La Poste's API used by parcelfy) and 8L20524752032 (Business::Colissimo's
    documentation). All four are Colissimo numbers: La Poste gives its registered letters
    (1A, 1K, 2C…) numbers of the same 13-character form; no registered letter's number was
    found published to confirm the key on them too (see README).
    """
    odd = sum(int(d) for d in digits[0::2])
    even = sum(int(d) for d in digits[1::2])
    return (10 - (odd + 3 * even) % 10) % 10


def _s10_check(digits: str) -> int:
    """The check digit of a UPU S10 item number."""
    total = sum(int(d) * w for d, w in zip(digits, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    return 0 if check == 10 else 5 if check == 11 else check


__all__ = ["EXAMPLE", "clean_number", "number_problem", "shown_number"]
